// The computer kept awake while uploads run, on Linux through logind's Inhibit over D-Bus: a
// private dbus-daemon in the test, with a stand-in for org.freedesktop.login1 that hands out a
// real lock (the write end of a pipe, as logind hands out a file descriptor). While the real
// window uploads to the real sandbox the lock is held and the status bar says so; when the
// queue is done the lock is closed (the pipe's reader sees its end); the setting turns it off.
#include "awakelabel.h"
#include "desktop/appsettings.h"
#include "desktop/sleepguard.h"
#include "desktop/sleepinhibitor.h"
#include "engine/engine.h"
#include "net/apiclient.h"
#include "net/bandwidthlimiter.h"
#include "testfiles.h"
#include "upload/sampleupload.h"
#include "upload/uploadqueue.h"
#include "windowtestsupport.h"

#include <QDBusConnection>
#include <QDBusUnixFileDescriptor>
#include <QProcess>

#include <fcntl.h>
#include <poll.h>
#include <unistd.h>

using namespace SeqDrop;

// org.freedesktop.login1.Manager's Inhibit, as logind answers it.
class FakeLogind : public QObject {
    Q_OBJECT
    Q_CLASSINFO("D-Bus Interface", "org.freedesktop.login1.Manager")

public:
    ~FakeLogind() override {
        for (int fd : std::as_const(readers))
            ::close(fd);
    }
    QStringList calls;  // "what who why mode"
    QList<int> readers; // the other end of each lock handed out

    // Whether the lock of call `i` is still held: its writer not closed.
    bool isHeld(int i) const {
        pollfd p{readers.at(i), POLLIN, 0};
        return ::poll(&p, 1, 0) == 0; // closed writer: readable (end of file)
    }

public Q_SLOTS:
    QDBusUnixFileDescriptor Inhibit(const QString &what, const QString &who, const QString &why,
                                    const QString &mode) {
        calls << QStringList{what, who, why, mode}.join(QLatin1Char(' '));
        int fds[2];
        if (::pipe(fds) != 0)
            return {};
        readers << fds[0];
        QDBusUnixFileDescriptor lock(fds[1]); // a copy goes to the caller
        ::close(fds[1]);
        return lock;
    }
};

class TestSleepGuard : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_config;
    QTemporaryDir m_files;
    SandboxProcess m_sandbox;
    QProcess m_bus;
    FakeLogind m_logind;

private Q_SLOTS:
    void initTestCase() {
        m_bus.start(QStringLiteral("dbus-daemon"),
                    {QStringLiteral("--session"), QStringLiteral("--nofork"),
                     QStringLiteral("--print-address")});
        QVERIFY2(m_bus.waitForStarted(), "dbus-daemon is missing (scripts/install-deps.sh)");
        QVERIFY(m_bus.waitForReadyRead(5000));
        const QByteArray address = m_bus.readLine().trimmed();
        QVERIFY(!address.isEmpty());
        qputenv("DBUS_SESSION_BUS_ADDRESS", address);
        qputenv("SEQDROP_LOGIND_BUS", "session");
        // The stand-in on its own connection, as logind is another process.
        QDBusConnection logind =
            QDBusConnection::connectToBus(QString::fromLatin1(address), QStringLiteral("logind"));
        QVERIFY(logind.isConnected());
        QVERIFY(logind.registerService(QStringLiteral("org.freedesktop.login1")));
        QVERIFY(logind.registerObject(QStringLiteral("/org/freedesktop/login1"), &m_logind,
                                      QDBusConnection::ExportAllSlots));
        QVERIFY2(WindowTestSupport::prepare(m_config, m_sandbox, QStringLiteral("SeqDropAwake")),
                 qPrintable(m_sandbox.stderrText()));
    }
    void cleanupTestCase() {
        m_sandbox.stop();
        m_bus.kill();
        m_bus.waitForFinished();
    }

    void heldWhileUploadingReleasedAfter() {
        auto w = WindowTestSupport::signedInWindow(m_sandbox);
        // Slow enough to watch: about 3 s at 2 MB/s.
        w->services()->engine()->api()->bandwidth()->setRate(2000000);
        const QString file = writeFastq(
            m_files.path(), QStringLiteral("Plate7-001_S1_L001_R1_001.fastq"), 3 * 1024, 1000);
        WindowTestSupport::addPaths(&*w, {file});
        auto *label = w->findChild<AwakeLabel *>(QStringLiteral("awakeLabel"));
        QVERIFY(label && !label->isVisibleTo(w.get()));
        SleepInhibitor *inhibitor = w->services()->sleepGuard()->inhibitor();
        w->startUploads();

        QTRY_VERIFY_WITH_TIMEOUT(inhibitor->isHeld(), 5000);
        QCOMPARE(m_logind.calls.size(), 1);
        QVERIFY2(m_logind.calls.first().startsWith(QStringLiteral("sleep SeqDrop ")),
                 qPrintable(m_logind.calls.first()));
        QVERIFY(m_logind.calls.first().endsWith(QStringLiteral(" block")));
        QVERIFY(m_logind.isHeld(0));
        QVERIFY(label->isVisibleTo(w.get()));

        SampleUpload *sample = w->queue()->samples().first();
        QTRY_COMPARE_WITH_TIMEOUT(sample->state(), SampleUpload::State::Confirmed, 30000);
        QTRY_VERIFY(!inhibitor->isHeld());
        QVERIFY(!m_logind.isHeld(0)); // the lock is closed: logind lets the computer sleep
        QVERIFY(!label->isVisibleTo(w.get()));
    }

    void settingTurnsItOff() {
        auto w = WindowTestSupport::signedInWindow(m_sandbox);
        w->services()->sleepGuard()->setEnabled(false);
        w->services()->engine()->api()->bandwidth()->setRate(2000000);
        const QString file = writeFastq(
            m_files.path(), QStringLiteral("Plate7-002_S2_L001_R1_001.fastq"), 2 * 1024, 1000, 2);
        const int calls = int(m_logind.calls.size());
        WindowTestSupport::addPaths(&*w, {file});
        w->startUploads();
        SampleUpload *sample = w->queue()->samples().last();
        QTRY_COMPARE_WITH_TIMEOUT(sample->state(), SampleUpload::State::Confirmed, 30000);
        QCOMPARE(m_logind.calls.size(), calls);
        QVERIFY(!w->services()->sleepGuard()->inhibitor()->isHeld());
    }
};

QTEST_MAIN(TestSleepGuard)
#include "tst_ui_sleepguard.moc"
