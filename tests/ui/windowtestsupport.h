#pragma once

// What every test of the real window needs: an environment set before any engine object
// exists, and a window signed in to the test's sandbox.
#include "desktop/session.h"
#include "mainwindow.h"
#include "sampletablemodel.h"
#include "sandboxprocess.h"

#include <QCoreApplication>
#include <QSettings>
#include <QTemporaryDir>

#include <memory>

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

inline std::unique_ptr<SeqDrop::MainWindow> signedInWindow(SandboxProcess &sandbox) {
    SeqDrop::MainWindow::Options options;
    options.restoreSession = false;
    auto w = std::make_unique<SeqDrop::MainWindow>(options);
    w->session()->setServerUrl(sandbox.baseUrl());
    w->session()->signIn(sandbox.apiKey(), QStringLiteral("test@sandbox"));
    w->show();
    return w;
}

// A table cell as the view shows it, after the model published its pending changes.
inline QString cell(SeqDrop::MainWindow *w, int row, int column, int role = Qt::DisplayRole) {
    w->model()->flush();
    return w->model()->index(row, column).data(role).toString();
}

} // namespace WindowTestSupport
