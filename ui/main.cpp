#include "desktop/desktopservices.h"
#include "fileopenrelay.h"
#include "mainwindow.h"
#include "singleinstance.h"
#include "smoketest.h"
#include "translationloader.h"
#include "util/logbuffer.h"
#include "util/redactor.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QNetworkProxyFactory>

#include <memory>

using namespace SeqDrop;

namespace {

// The options, the same for the display-less answers and for a real start.
struct CommandLine {
    QCommandLineParser parser;
    QCommandLineOption sandbox{
        QStringLiteral("sandbox"),
        QApplication::translate("main",
                                "Try without an account: run against a local seqdrop-sandbox.")};
    QCommandLineOption apiUrl{
        QStringLiteral("api-url"),
        QApplication::translate("main", "One Codex server address for this run."),
        QStringLiteral("URL")};
    // For the packaging tests (docs/packaging.md), not for users: hidden from --help.
    QCommandLineOption smokeTest{QStringLiteral("smoke-test"),
                                 QStringLiteral("Check that SeqDrop starts, then quit."),
                                 QStringLiteral("SAMPLES")};

    CommandLine() {
        parser.setApplicationDescription(
            QApplication::translate("main", "Uploads FASTA/FASTQ sequencing files to One Codex."));
        parser.addHelpOption();
        parser.addVersionOption();
        smokeTest.setFlags(QCommandLineOption::HiddenFromHelp);
        parser.addOptions({sandbox, apiUrl, smokeTest});
        parser.addPositionalArgument(QStringLiteral("FILE"),
                                     QApplication::translate("main", "Files or folders to add."),
                                     QStringLiteral("[FILE...]"));
    }
};

// --help and --version must work without a display (an SSH session, a package check), which
// QApplication needs and QCoreApplication does not.
bool asksForTextOnly(int argc, char *argv[]) {
    for (int i = 1; i < argc; ++i) {
        const QByteArray arg(argv[i]);
        if (arg == "--")
            break;
        if (arg == "--version" || arg == "-v" || arg == "--help" || arg == "-h" || arg == "-?" ||
            arg == "--help-all")
            return true;
    }
    return false;
}

} // namespace

int main(int argc, char *argv[]) {
    QCoreApplication::setApplicationName(QStringLiteral("SeqDrop"));
    QCoreApplication::setOrganizationName(QStringLiteral("SeqDrop"));
    QCoreApplication::setApplicationVersion(QStringLiteral(SEQDROP_VERSION));
    if (asksForTextOnly(argc, argv)) {
        QCoreApplication app(argc, argv);
        CommandLine().parser.process(app); // prints the answer and exits
        return 0;
    }

    QApplication app(argc, argv);
    // Wayland compositors and docks match the window to the installed .desktop file by this.
    QGuiApplication::setDesktopFileName(QStringLiteral(SEQDROP_APP_ID));
    // From the start: macOS may deliver the files it launched SeqDrop for before the window.
    FileOpenRelay relay;
    TranslationLoader translations; // the system locale's language, before any text is made
    translations.install();
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/seqdrop.svg")));

    CommandLine commandLine;
    QCommandLineParser &parser = commandLine.parser;
    parser.process(app);

    // Logs never carry the key or a presigned form; the system proxy applies as in a browser
    // (Settings may choose another). The last lines stay in memory for Save Diagnostics.
    Redactor::installMessageHandler();
    LogBuffer::install();
    QNetworkProxyFactory::setUseSystemConfiguration(true);

    MainWindow::Options options;
    options.sandbox = parser.isSet(commandLine.sandbox);
    if (parser.isSet(commandLine.apiUrl))
        options.apiUrl = QUrl::fromUserInput(parser.value(commandLine.apiUrl));
    for (const QString &f : parser.positionalArguments())
        options.files << QDir::current().absoluteFilePath(f);
    const bool smoke = parser.isSet(commandLine.smokeTest);

    // "Open with" on more files while SeqDrop runs: they join the running window. Runs against
    // another server (--sandbox, --api-url) keep a window of their own; a smoke test never
    // hands over (it must check this start).
    SingleInstance instance(SingleInstance::defaultServerName());
    if (!options.sandbox && !options.apiUrl.isValid()) {
        if (!smoke && instance.handOver(options.files))
            return 0;
        instance.listen();
    }

    // The engine and the window's services, built once and handed to the window to show.
    MainWindow window(std::make_unique<DesktopServices>(), options);
    relay.setWindow(&window);
    QObject::connect(&instance, &SingleInstance::filesReceived, &relay, &FileOpenRelay::open);
    window.show();

    std::unique_ptr<SmokeTest> smokeTest;
    if (smoke) {
        smokeTest = std::make_unique<SmokeTest>(
            &window, parser.value(commandLine.smokeTest).toInt(), options.sandbox);
        smokeTest->start();
    }
    return app.exec();
}
