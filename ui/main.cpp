#include "mainwindow.h"
#include "redactor.h"
#include "translationloader.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QFileOpenEvent>
#include <QNetworkProxyFactory>
#include <QPointer>

using namespace SeqDrop;

namespace {

// macOS delivers "Open with" and drops on the Dock icon as QFileOpenEvent, not as arguments.
class SeqDropApplication : public QApplication {
public:
    using QApplication::QApplication;
    QPointer<MainWindow> window;
    QStringList pending;

protected:
    bool event(QEvent *e) override {
        if (e->type() == QEvent::FileOpen) {
            const QString file = static_cast<QFileOpenEvent *>(e)->file();
            if (window)
                window->addPaths({file});
            else
                pending << file;
            return true;
        }
        return QApplication::event(e);
    }
};

} // namespace

int main(int argc, char *argv[]) {
    SeqDropApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("SeqDrop"));
    QApplication::setOrganizationName(QStringLiteral("SeqDrop"));
    QApplication::setApplicationVersion(QStringLiteral(SEQDROP_VERSION));
    TranslationLoader translations; // the system locale's language, before any text is made
    translations.install();
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/seqdrop.svg")));

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QApplication::translate("main", "Uploads FASTA/FASTQ sequencing files to One Codex."));
    parser.addHelpOption();
    parser.addVersionOption();
    QCommandLineOption sandbox(
        QStringLiteral("sandbox"),
        QApplication::translate("main",
                                "Try without an account: run against a local seqdrop-sandbox."));
    QCommandLineOption apiUrl(
        QStringLiteral("api-url"),
        QApplication::translate("main", "One Codex server address for this run."),
        QStringLiteral("URL"));
    parser.addOptions({sandbox, apiUrl});
    parser.addPositionalArgument(QStringLiteral("FILE"),
                                 QApplication::translate("main", "Files or folders to add."),
                                 QStringLiteral("[FILE...]"));
    parser.process(app);

    // Logs never carry the key or a presigned form; the system proxy applies as in a browser.
    Redactor::installMessageHandler();
    QNetworkProxyFactory::setUseSystemConfiguration(true);

    MainWindow::Options options;
    options.sandbox = parser.isSet(sandbox);
    if (parser.isSet(apiUrl))
        options.apiUrl = QUrl::fromUserInput(parser.value(apiUrl));
    for (const QString &f : parser.positionalArguments())
        options.files << QDir::current().absoluteFilePath(f);
    options.files << app.pending;

    MainWindow window(options);
    app.window = &window;
    window.show();
    return app.exec();
}
