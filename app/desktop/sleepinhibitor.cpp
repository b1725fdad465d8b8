#include "desktop/sleepinhibitor.h"

#include "util/logging.h"

#if defined(Q_OS_LINUX) || (defined(Q_OS_UNIX) && !defined(Q_OS_MACOS))
#define SEQDROP_LOGIND 1
#include <QDBusConnection>
#include <QDBusMessage>
#include <QDBusPendingCallWatcher>
#include <QDBusPendingReply>
#include <QDBusUnixFileDescriptor>
#include <unistd.h>
#elif defined(Q_OS_MACOS)
#include <IOKit/pwr_mgt/IOPMLib.h>
#elif defined(Q_OS_WIN)
#include <windows.h>
#endif

namespace SeqDrop {

SleepInhibitor::SleepInhibitor(QObject *parent)
    : QObject(parent) {}

SleepInhibitor::~SleepInhibitor() {
    drop();
}

void SleepInhibitor::setHeld(bool held) {
    if (held == m_held)
        return;
    m_held = held;
    Q_EMIT heldChanged(held);
}

void SleepInhibitor::acquire(const QString &why) {
    if (m_wanted)
        return;
    m_wanted = true;
    m_error.clear();
#ifdef SEQDROP_LOGIND
    const bool session = qEnvironmentVariable("SEQDROP_LOGIND_BUS") == QLatin1String("session");
    QDBusConnection bus = session ? QDBusConnection::sessionBus() : QDBusConnection::systemBus();
    QDBusMessage call = QDBusMessage::createMethodCall(
        QStringLiteral("org.freedesktop.login1"), QStringLiteral("/org/freedesktop/login1"),
        QStringLiteral("org.freedesktop.login1.Manager"), QStringLiteral("Inhibit"));
    call << QStringLiteral("sleep") << QStringLiteral("SeqDrop") << why << QStringLiteral("block");
    const quint64 request = ++m_request;
    auto *watcher = new QDBusPendingCallWatcher(bus.asyncCall(call), this);
    connect(watcher, &QDBusPendingCallWatcher::finished, this, [this, watcher, request] {
        watcher->deleteLater();
        QDBusPendingReply<QDBusUnixFileDescriptor> reply = *watcher;
        if (request != m_request || !m_wanted)
            return; // released meanwhile: the lock in the answer closes with it
        if (reply.isError()) {
            m_error = reply.error().message();
            qCWarning(lcUpload) << "cannot keep the computer awake:" << m_error;
            return;
        }
        m_fd = ::dup(reply.value().fileDescriptor());
        setHeld(m_fd >= 0);
    });
#elif defined(Q_OS_MACOS)
    const CFStringRef name = why.toCFString();
    IOPMAssertionID id = 0;
    if (IOPMAssertionCreateWithName(kIOPMAssertionTypePreventUserIdleSystemSleep,
                                    kIOPMAssertionLevelOn, name, &id) == kIOReturnSuccess) {
        m_assertion = id;
        setHeld(true);
    } else {
        m_error = QStringLiteral("IOPMAssertionCreateWithName failed");
    }
    CFRelease(name);
#elif defined(Q_OS_WIN)
    Q_UNUSED(why)
    if (SetThreadExecutionState(ES_CONTINUOUS | ES_SYSTEM_REQUIRED) != 0)
        setHeld(true);
    else
        m_error = QStringLiteral("SetThreadExecutionState failed");
#else
    Q_UNUSED(why)
    m_error = QStringLiteral("not supported on this system");
#endif
}

void SleepInhibitor::release() {
    if (!m_wanted)
        return;
    m_wanted = false;
    drop();
}

void SleepInhibitor::drop() {
#ifdef SEQDROP_LOGIND
    ++m_request; // an answer still on its way is not taken
    if (m_fd >= 0)
        ::close(m_fd);
    m_fd = -1;
#elif defined(Q_OS_MACOS)
    if (m_assertion)
        IOPMAssertionRelease(m_assertion);
    m_assertion = 0;
#elif defined(Q_OS_WIN)
    if (m_held)
        SetThreadExecutionState(ES_CONTINUOUS);
#endif
    setHeld(false);
}

} // namespace SeqDrop
