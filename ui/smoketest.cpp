#include "smoketest.h"

#include "desktop/sandboxlauncher.h"
#include "desktop/session.h"
#include "mainwindow.h"
#include "upload/uploadqueue.h"

#include <QApplication>
#include <QIcon>
#include <QSqlDatabase>
#include <QSvgRenderer>
#include <QWindow>

#include <cstdio>

namespace SeqDrop {

namespace {

constexpr int kTimeoutMs = 30000;

} // namespace

SmokeTest::SmokeTest(MainWindow *window, int expectedSamples, bool sandbox, QObject *parent)
    : QObject(parent)
    , m_window(window)
    , m_expectedSamples(expectedSamples)
    , m_sandbox(sandbox) {
    m_poll.setInterval(100);
    connect(&m_poll, &QTimer::timeout, this, &SmokeTest::check);
}

void SmokeTest::start() {
    m_elapsed.start();
    m_poll.start();
}

// Plain English on purpose: scripts read these lines (like seqdrop-cli's JSON), they are not UI.
QStringList SmokeTest::problems() const {
    QStringList missing;
    if (QGuiApplication::platformName().isEmpty())
        missing << QStringLiteral("no platform plugin");
    const QWindow *handle = m_window->windowHandle();
    if (!m_window->isVisible() || !handle || !handle->isExposed())
        missing << QStringLiteral("the window is not shown");
    // QtSvg itself, then its icon engine plugin. Using QSvgRenderer here also keeps QtSvg among
    // the program's libraries, so linkers that drop unused ones (--as-needed, MSVC) leave it
    // for dpkg-shlibdeps and windeployqt to see.
    if (!QSvgRenderer(QStringLiteral(":/icons/seqdrop.svg")).isValid())
        missing << QStringLiteral("QtSvg cannot read the icon");
    if (QApplication::windowIcon().pixmap(QSize(32, 32)).isNull())
        missing << QStringLiteral("the SVG icon cannot be drawn (Qt SVG plugins missing)");
    if (!QSqlDatabase::isDriverAvailable(QStringLiteral("QSQLITE")))
        missing << QStringLiteral("Qt's SQLite driver is missing (no upload journal)");
    if (m_sandbox && !(m_window->session()->isSandbox() && m_window->session()->canUpload()))
        missing << QStringLiteral("the local sandbox did not start");
    const qsizetype queued = m_window->queue()->samples().size();
    if (queued < m_expectedSamples)
        missing << QStringLiteral("%1 of %2 sample(s) queued").arg(queued).arg(m_expectedSamples);
    return missing;
}

void SmokeTest::check() {
    const QStringList missing = problems();
    if (missing.isEmpty()) {
        m_poll.stop();
        QString line =
            QStringLiteral("seqdrop smoke test passed: %1 %2, platform %3, %4 sample(s) queued")
                .arg(QCoreApplication::applicationName(), QCoreApplication::applicationVersion(),
                     QGuiApplication::platformName())
                .arg(m_window->queue()->samples().size());
        if (m_sandbox)
            line += QStringLiteral(", sandbox running (%1)").arg(SandboxLauncher::findBinary());
        std::printf("%s\n", qPrintable(line));
        std::fflush(stdout);
        QCoreApplication::exit(0);
    } else if (m_elapsed.elapsed() > kTimeoutMs) {
        m_poll.stop();
        std::fprintf(stderr, "seqdrop smoke test failed: %s\n",
                     qPrintable(missing.join(QStringLiteral("; "))));
        QCoreApplication::exit(1);
    }
}

} // namespace SeqDrop
