#pragma once

// What every test of the real window needs: an environment set before any engine object
// exists, and a window signed in to the test's sandbox.
#include "desktop/desktopservices.h"
#include "desktop/session.h"
#include "mainwindow.h"
#include "sampletablemodel.h"
#include "sandboxprocess.h"

#include <QCoreApplication>
#include <QObject>
#include <QSettings>
#include <QTemporaryDir>
#include <QtTest>

#include <memory>
#include <utility>

namespace WindowTestSupport {

// Fast retries, no real keychain, settings in `config` under `organization`, then the sandbox:
// all before any engine object exists. False when the sandbox did not start.
inline bool prepare(const QTemporaryDir &config, SandboxProcess &sandbox,
                    const QString &organization) {
    qputenv("SEQDROP_RETRY_BASE_MS", "50");
    qputenv("SEQDROP_KEYCHAIN", "off");
    if (!config.isValid())
        return false;
    QSettings::setDefaultFormat(QSettings::IniFormat);
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, config.path());
    QCoreApplication::setOrganizationName(organization);
    return sandbox.start();
}

// The real window over the real engine, built as ui/main.cpp builds them; the engine ends
// with the window (ending a window mid-upload is how the tests crash it).
// Returned once the journal's rows (and any files of `options`) are in: the window takes them
// in batches from its event loop.
inline std::unique_ptr<SeqDrop::MainWindow> window(const SeqDrop::MainWindow::Options &options) {
    auto w = std::make_unique<SeqDrop::MainWindow>(std::make_unique<SeqDrop::DesktopServices>(),
                                                   options);
    if (!QTest::qWaitFor([&w] { return !w->isTakingIn(); }, 60000))
        qWarning("the window did not finish restoring its queue");
    return w;
}

// Pointed at `sandbox` and (unless told otherwise) signed in to it. `restoreSession`: the queue
// comes back from the journal (XDG_DATA_HOME) and is recorded there, as in a real start.
inline std::unique_ptr<SeqDrop::MainWindow>
signedInWindow(SandboxProcess &sandbox, bool restoreSession = false, bool signIn = true) {
    SeqDrop::MainWindow::Options options;
    options.restoreSession = restoreSession;
    auto w = window(options);
    w->session()->setServerUrl(sandbox.baseUrl());
    if (signIn)
        w->session()->signIn(sandbox.apiKey(), QStringLiteral("test@sandbox"));
    w->show();
    return w;
}

// Hands `paths` to the window as a drop does and waits until every sample is in (the window
// takes them in batches from its event loop); what came of them.
inline SeqDrop::SampleIntake::Report addPaths(SeqDrop::MainWindow *w, const QStringList &paths,
                                              int timeoutMs = 60000) {
    SeqDrop::SampleIntake::Report report;
    bool done = false;
    const QMetaObject::Connection c = QObject::connect(w, &SeqDrop::MainWindow::intakeFinished,
                                                       [&](const SeqDrop::SampleIntake::Report &r) {
                                                           if (!done)
                                                               report = r;
                                                           done = true;
                                                       });
    w->addPaths(paths);
    if (!QTest::qWaitFor([&done] { return done; }, timeoutMs))
        qWarning("the window did not finish taking the paths in");
    QObject::disconnect(c);
    return report;
}

// A table cell as the view shows it, after the model published its pending changes.
inline QString cell(SeqDrop::MainWindow *w, int row, int column, int role = Qt::DisplayRole) {
    w->model()->flush();
    return w->model()->index(row, column).data(role).toString();
}

// A test case of the real window against one sandbox, started before its first test and
// stopped after its last: derive, and name the settings' organization. QtTest runs these
// inherited slots too.
class WindowTest : public QObject {
    Q_OBJECT
public:
    explicit WindowTest(QString organization)
        : m_organization(std::move(organization)) {}

protected:
    std::unique_ptr<SeqDrop::MainWindow> makeWindow() { return signedInWindow(m_sandbox); }

    SandboxProcess m_sandbox;

private Q_SLOTS:
    void initTestCase() {
        QVERIFY2(prepare(m_config, m_sandbox, m_organization), qPrintable(m_sandbox.stderrText()));
    }
    void cleanupTestCase() { m_sandbox.stop(); }

private:
    QTemporaryDir m_config;
    QString m_organization;
};

} // namespace WindowTestSupport
