// One version, the CMake project's, wherever a user looks: the About box, `seqdrop --version`
// (which must answer without any display) and `seqdrop-cli --version`.
#include "mainwindow.h"
#include "testsettings.h"
#include "windowactions.h"
#include "windowtestsupport.h"

#include <QAction>
#include <QApplication>
#include <QMessageBox>
#include <QProcess>
#include <QTemporaryDir>
#include <QTimer>
#include <QtTest>

using namespace SeqDrop;

namespace {

struct Run {
    int exitCode = -1;
    QString out;
    QString err;
};

// The program as from an SSH session: no display, and xcb asked for, which would abort if the
// program tried to open a window.
Run runWithoutDisplay(const QString &program, const QStringList &args) {
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(QStringLiteral("DISPLAY"));
    env.remove(QStringLiteral("WAYLAND_DISPLAY"));
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("xcb"));
    QProcess p;
    p.setProcessEnvironment(env);
    p.start(program, args);
    Run run;
    if (!p.waitForFinished(30000))
        return run;
    run.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -2;
    run.out = QString::fromUtf8(p.readAllStandardOutput());
    run.err = QString::fromUtf8(p.readAllStandardError());
    return run;
}

} // namespace

class TestVersion : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_config;

private Q_SLOTS:
    void initTestCase() {
        QVERIFY(m_config.isValid());
        useTestSettings(m_config.path());
    }

    void aboutBoxShowsTheProjectVersion() {
        MainWindow::Options options;
        options.restoreSession = false;
        const auto owned = WindowTestSupport::window(options);
        MainWindow &window = *owned;
        window.show();
        QString shown;
        QTimer poll;
        connect(&poll, &QTimer::timeout, this, [&] {
            if (auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget())) {
                shown = box->windowTitle() + QLatin1Char('\n') + box->text();
                box->accept();
            }
        });
        poll.start(20);
        window.actions()->about->trigger(); // returns when the box is closed
        poll.stop();
        QVERIFY2(shown.contains(QStringLiteral("SeqDrop " SEQDROP_PROJECT_VERSION)),
                 qPrintable(shown));
    }

    void seqdropAnswersVersionWithoutADisplay() {
        const Run run = runWithoutDisplay(QStringLiteral(SEQDROP_GUI_BIN), {"--version"});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        QCOMPARE(run.out, QStringLiteral("SeqDrop " SEQDROP_PROJECT_VERSION "\n"));
    }

    void seqdropAnswersHelpWithoutADisplay() {
        const Run run = runWithoutDisplay(QStringLiteral(SEQDROP_GUI_BIN), {"--help"});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        QVERIFY2(run.out.contains(QStringLiteral("--sandbox")), qPrintable(run.out));
        // The packaging tests' option is not for users.
        QVERIFY(!run.out.contains(QStringLiteral("smoke")));
    }

    void seqdropCliAnswersVersion() {
        const Run run = runWithoutDisplay(QStringLiteral(SEQDROP_CLI_BIN), {"--version"});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        QCOMPARE(run.out, QStringLiteral("seqdrop-cli " SEQDROP_PROJECT_VERSION "\n"));
    }
};

QTEST_MAIN(TestVersion)
#include "tst_ui_version.moc"
