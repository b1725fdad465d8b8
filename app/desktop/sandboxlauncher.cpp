#include "desktop/sandboxlauncher.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QStandardPaths>

#ifdef Q_OS_LINUX
#include <csignal>
#include <sys/prctl.h>
#endif

namespace SeqDrop {

namespace {

const QString &defaultKey() {
    static const QString key = QStringLiteral("seqdropsandbox000000000000000000");
    return key;
}

QString sandboxFileName() {
#ifdef Q_OS_WIN
    return QStringLiteral("seqdrop-sandbox.exe");
#else
    return QStringLiteral("seqdrop-sandbox");
#endif
}

} // namespace

SandboxLauncher::SandboxLauncher(QObject *parent)
    : QObject(parent) {
    m_startTimeout.setSingleShot(true);
    connect(&m_startTimeout, &QTimer::timeout, this,
            [this] { fail(tr("The local sandbox did not start within 15 seconds.")); });
}

SandboxLauncher::~SandboxLauncher() {
    stop();
}

QString SandboxLauncher::findBinary() {
    const QString fromEnv = qEnvironmentVariable("SEQDROP_SANDBOX_BIN");
    if (!fromEnv.isEmpty())
        return QFileInfo(fromEnv).isExecutable() ? fromEnv : QString();
    // Installed: in the same folder (/usr/bin, the Windows bin folder, SeqDrop.app's
    // Contents/MacOS). Build tree: ui/../sandbox/.
    const QString name = sandboxFileName();
    const QString appDir = QCoreApplication::applicationDirPath();
    const QStringList candidates{appDir + QLatin1Char('/') + name,
                                 appDir + QStringLiteral("/../sandbox/") + name};
    for (const QString &c : candidates) {
        const QFileInfo info(c);
        if (info.isFile() && info.isExecutable())
            return QDir::cleanPath(info.absoluteFilePath());
    }
    return QStandardPaths::findExecutable(QStringLiteral("seqdrop-sandbox"));
}

bool SandboxLauncher::isRunning() const {
    return m_process && m_process->state() == QProcess::Running && m_url.isValid();
}

void SandboxLauncher::start() {
    stop();
    const QString binary = findBinary();
    if (binary.isEmpty()) {
        fail(tr("seqdrop-sandbox was not found next to SeqDrop nor on the PATH "
                "(set SEQDROP_SANDBOX_BIN to its location)."));
        return;
    }
    m_dir = std::make_unique<QTemporaryDir>();
    m_process = std::make_unique<QProcess>();
    m_process->setProcessChannelMode(QProcess::SeparateChannels);
#ifdef Q_OS_LINUX
    // If SeqDrop is killed (not quit), the sandbox must not linger holding a port.
    m_process->setChildProcessModifier([] { ::prctl(PR_SET_PDEATHSIG, SIGTERM); });
#endif
    connect(m_process.get(), &QProcess::readyReadStandardOutput, this, &SandboxLauncher::onOutput);
    connect(m_process.get(), &QProcess::errorOccurred, this, [this](QProcess::ProcessError) {
        if (!m_url.isValid())
            fail(tr("The local sandbox could not be started: %1").arg(m_process->errorString()));
    });
    connect(m_process.get(), &QProcess::finished, this, [this] {
        if (!m_url.isValid())
            fail(tr("The local sandbox stopped while starting: %1")
                     .arg(QString::fromLocal8Bit(m_process->readAllStandardError()).trimmed()));
    });
    m_startTimeout.start(15000);
    m_process->start(binary, {QStringLiteral("--port"), QStringLiteral("0"),
                              QStringLiteral("--data"), m_dir->path()});
}

void SandboxLauncher::onOutput() {
    m_buffer += m_process->readAllStandardOutput();
    int eol;
    while ((eol = m_buffer.indexOf('\n')) >= 0) {
        const QString line = QString::fromUtf8(m_buffer.left(eol)).trimmed();
        m_buffer.remove(0, eol + 1);
        static const QString listening = QStringLiteral("listening on ");
        static const QString keyPrefix = QStringLiteral("api key: ");
        const int at = line.indexOf(listening);
        if (at >= 0)
            m_url = QUrl(line.mid(at + listening.size()).trimmed());
        else if (line.startsWith(keyPrefix))
            m_key = line.mid(keyPrefix.size()).trimmed();
    }
    // The key line may be absent in older sandboxes: the default key then applies.
    if (m_url.isValid() && (!m_key.isEmpty() || m_buffer.isEmpty())) {
        if (!m_startTimeout.isActive())
            return; // already reported
        m_startTimeout.stop();
        if (m_key.isEmpty())
            m_key = defaultKey();
        Q_EMIT started(m_url, m_key);
    }
}

void SandboxLauncher::fail(const QString &message) {
    m_startTimeout.stop();
    if (m_process) {
        m_process->disconnect(this);
        m_process->kill();
        m_process->waitForFinished(2000);
    }
    m_url.clear();
    Q_EMIT failed(message);
}

void SandboxLauncher::stop() {
    m_startTimeout.stop();
    if (m_process) {
        m_process->disconnect(this);
        if (m_process->state() != QProcess::NotRunning) {
            m_process->terminate();
            if (!m_process->waitForFinished(3000)) {
                m_process->kill();
                m_process->waitForFinished(2000);
            }
        }
        m_process.reset();
    }
    m_url.clear();
    m_key.clear();
    m_buffer.clear();
}

} // namespace SeqDrop
