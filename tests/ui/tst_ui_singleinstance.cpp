// One window per user: a second start hands its files over a real local socket to the running
// one (the client side runs on its own thread, as it would in its own process).
#include "fileopenrelay.h"
#include "mainwindow.h"
#include "singleinstance.h"
#include "testfiles.h"
#include "testsettings.h"
#include "upload/uploadqueue.h"
#include "windowtestsupport.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QLocalSocket>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QThread>
#include <QtTest>

using namespace SeqDrop;

namespace {

QString uniqueName() {
    static int counter = 0;
    return QStringLiteral("seqdrop-test-%1-%2")
        .arg(QCoreApplication::applicationPid())
        .arg(++counter);
}

// What a second `seqdrop FILE...` does, from another thread.
bool handOverFromAnotherThread(const QString &name, const QStringList &files,
                               int timeoutMs = 3000) {
    bool handed = false;
    std::unique_ptr<QThread> thread(QThread::create([&] {
        SingleInstance second(name);
        handed = second.handOver(files, timeoutMs);
    }));
    thread->start();
    // The running instance answers from this thread's event loop meanwhile; the client's
    // waits are bounded by timeoutMs, so the thread always ends.
    const bool finished = QTest::qWaitFor([&] { return thread->isFinished(); }, timeoutMs * 4);
    thread->wait();
    return finished && handed;
}

// Raw bytes to the server, from another thread; returns what came back before it hung up.
QByteArray sendRaw(const QString &name, const QByteArray &bytes) {
    QByteArray answer;
    std::unique_ptr<QThread> thread(QThread::create([&] {
        QLocalSocket socket;
        socket.connectToServer(name);
        if (!socket.waitForConnected(2000))
            return;
        socket.write(bytes);
        socket.waitForBytesWritten(2000);
        while (socket.state() == QLocalSocket::ConnectedState && socket.waitForReadyRead(2000))
            answer += socket.readAll();
        answer += socket.readAll();
    }));
    thread->start();
    // The event loop runs meanwhile, so the server can answer; the client's waits are bounded.
    const bool finished = QTest::qWaitFor([&] { return thread->isFinished(); }, 10000);
    thread->wait();
    return finished ? answer : QByteArray("(the client took too long)");
}

} // namespace

class TestSingleInstance : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_config;
    QTemporaryDir m_files;

private Q_SLOTS:
    void initTestCase() {
        QVERIFY(m_config.isValid() && m_files.isValid());
        useTestSettings(m_config.path());
    }

    void filesOfASecondStartJoinTheRunningWindow() {
        const QString r1 = writeFastq(m_files.path(), QStringLiteral("S7_R1_001.fastq"), 20);
        const QString r2 = writeFastq(m_files.path(), QStringLiteral("S7_R2_001.fastq"), 20);
        const QString name = uniqueName();
        SingleInstance first(name);
        QVERIFY(first.listen());

        MainWindow::Options options;
        options.restoreSession = false;
        const auto owned = WindowTestSupport::window(options);
        MainWindow &window = *owned;
        window.show();
        FileOpenRelay relay;
        relay.setWindow(&window);
        connect(&first, &SingleInstance::filesReceived, &relay, &FileOpenRelay::open);
        QSignalSpy received(&first, &SingleInstance::filesReceived);

        QVERIFY(handOverFromAnotherThread(name, {r1, r2}));
        QTRY_COMPARE(received.count(), 1);
        QCOMPARE(received.first().first().toStringList(), (QStringList{r1, r2}));
        // Both files of the pair arrived together: one paired sample in the one window.
        QTRY_COMPARE(window.queue()->samples().size(), 1);
    }

    void withoutARunningInstanceTheStartGoesOnQuickly() {
        SingleInstance alone(uniqueName());
        QElapsedTimer timer;
        timer.start();
        QVERIFY(!alone.handOver({QStringLiteral("/tmp/x.fastq")}, 3000));
        // No server: the connection is refused at once, not after the timeout.
        QVERIFY2(timer.elapsed() < 2000, qPrintable(QString::number(timer.elapsed())));
    }

#ifdef Q_OS_UNIX
    void aSocketLeftByACrashedInstanceIsReplaced() {
        // A crashed SeqDrop leaves its socket file behind; a plain file there fails the same way.
        const QString name = uniqueName();
        const QString path = QDir::tempPath() + QLatin1Char('/') + name;
        QFile stale(path);
        QVERIFY(stale.open(QIODevice::WriteOnly));
        stale.close();
        SingleInstance next(name);
        QVERIFY(!next.handOver({}, 1000));
        QVERIFY(next.listen());
        QSignalSpy received(&next, &SingleInstance::filesReceived);
        QVERIFY(handOverFromAnotherThread(name, {}));
        QTRY_COMPARE(received.count(), 1);
        QVERIFY(received.first().first().toStringList().isEmpty());
    }
#endif

    void garbageAndRelativePathsAreRefused() {
        const QString name = uniqueName();
        SingleInstance first(name);
        QVERIFY(first.listen());
        QSignalSpy received(&first, &SingleInstance::filesReceived);

        QCOMPARE(sendRaw(name, "this is not json\n"), QByteArray());
        QCOMPARE(received.count(), 0);

        // A relative path would resolve against the running window's folder, not the caller's.
        QCOMPARE(sendRaw(name, R"(["relative/S1.fastq", "/abs/S2.fastq"])"
                               "\n"),
                 QByteArray("ok\n"));
        QTRY_COMPARE(received.count(), 1);
        QCOMPARE(received.first().first().toStringList(), QStringList{"/abs/S2.fastq"});
    }

    void theDefaultNameIsPerDataFolder() {
        const QString before = SingleInstance::defaultServerName();
        QVERIFY(before.startsWith(QLatin1String("seqdrop-")));
        QCOMPARE(SingleInstance::defaultServerName(), before);
        QTemporaryDir otherHome;
        const QByteArray saved = qgetenv("XDG_DATA_HOME");
        qputenv("XDG_DATA_HOME", otherHome.path().toUtf8());
        const QString other = SingleInstance::defaultServerName();
        if (saved.isEmpty())
            qunsetenv("XDG_DATA_HOME");
        else
            qputenv("XDG_DATA_HOME", saved);
        QVERIFY(other != before);
    }
};

QTEST_MAIN(TestSingleInstance)
#include "tst_ui_singleinstance.moc"
