// Files handed over by the desktop reach the window: QFileOpenEvent (macOS "Open With" and
// drops on the Dock icon, sent here to the application as macOS sends it) before and after the
// window exists, and the "bring to front" of a second start.
#include "fileopenrelay.h"
#include "mainwindow.h"
#include "noticebar.h"
#include "testfiles.h"
#include "testsettings.h"
#include "upload/uploadqueue.h"
#include "windowtestsupport.h"

#include <QApplication>
#include <QFileOpenEvent>
#include <QTemporaryDir>
#include <QtTest>

using namespace SeqDrop;

class TestFileOpenRelay : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_config;
    QTemporaryDir m_files;

    static std::unique_ptr<MainWindow> makeWindow() {
        MainWindow::Options options;
        options.restoreSession = false;
        auto w = WindowTestSupport::window(options);
        w->show();
        return w;
    }

    static void sendFileOpen(const QString &path) {
        QFileOpenEvent event(path);
        QCoreApplication::sendEvent(QCoreApplication::instance(), &event);
    }

private Q_SLOTS:
    void initTestCase() {
        QVERIFY(m_config.isValid() && m_files.isValid());
        useTestSettings(m_config.path());
    }

    void filesBeforeTheWindowAreHeldThenQueued() {
        const QString early = writeFastq(m_files.path(), QStringLiteral("early.fastq"), 20);
        const QString late = writeFastq(m_files.path(), QStringLiteral("late.fq"), 20, 100, 2);
        FileOpenRelay relay;
        sendFileOpen(early);
        QCOMPARE(relay.heldFiles(), QStringList{early});

        auto w = makeWindow();
        QCOMPARE(w->queue()->samples().size(), 0);
        relay.setWindow(w.get());
        QVERIFY(relay.heldFiles().isEmpty());
        QTRY_COMPARE(w->queue()->samples().size(), 1);

        // Once the window exists, each event goes straight to the queue.
        sendFileOpen(late);
        QTRY_COMPARE(w->queue()->samples().size(), 2);
        // The same file again (a second double-click) is refused, and the user is told.
        sendFileOpen(late);
        QTRY_VERIFY(!w->isTakingIn());
        QCOMPARE(w->queue()->samples().size(), 2);
        QVERIFY(w->noticeBar()->isVisible());
        QVERIFY2(w->noticeBar()->text().contains(QStringLiteral("already in the list")),
                 qPrintable(w->noticeBar()->text()));
    }

    void aFileThatIsNotASampleIsReportedNotQueued() {
        const QString notes = writeBytes(m_files.filePath(QStringLiteral("notes.txt")), 100, 'x');
        auto w = makeWindow();
        FileOpenRelay relay;
        relay.setWindow(w.get());
        sendFileOpen(notes);
        QTRY_VERIFY(!w->isTakingIn());
        QCOMPARE(w->queue()->samples().size(), 0);
        QVERIFY2(w->noticeBar()->text().contains(QStringLiteral("notes.txt")),
                 qPrintable(w->noticeBar()->text()));
    }

    void aSecondStartBringsTheWindowBack() {
        auto w = makeWindow();
        FileOpenRelay relay;
        relay.setWindow(w.get());
        w->showMinimized();
        QVERIFY(w->isMinimized());
        relay.open({});
        QVERIFY(!w->isMinimized());
        QVERIFY(w->isVisible());
        QCOMPARE(w->queue()->samples().size(), 0);
    }

    void otherEventsAndObjectsAreLeftAlone() {
        // Only the application's FileOpen is taken: a widget's events pass through.
        FileOpenRelay relay;
        auto w = makeWindow();
        relay.setWindow(w.get());
        QFileOpenEvent toWidget(writeFastq(m_files.path(), QStringLiteral("w.fastq"), 5));
        QCoreApplication::sendEvent(w.get(), &toWidget);
        QCOMPARE(w->queue()->samples().size(), 0);
    }
};

QTEST_MAIN(TestFileOpenRelay)
#include "tst_ui_fileopenrelay.moc"
