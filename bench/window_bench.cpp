// seqdrop-window-bench: the real window (offscreen) over the real engine and its embedded
// sandbox, handed a NovaSeq-sized run folder, measured from inside the process:
//   - the longest event-loop stall: a 5 ms precise timer's lateness (a window that does not
//     answer the desktop is a window whose timers do not fire), per phase;
//   - when every row is present and when every background content check is done;
//   - peak RSS (getrusage), after each phase.
// Phases: "drop" (the folder handed to the window as a drop or Add Folder does), "restore" (a new
// window restores the journal that recorded them), "upload" (that window uploads with 8 in
// parallel for --upload-seconds while every row stays in the queue), then the commands a
// technician gives a queue that size, each timed as the stall it is: sort by name and by status,
// filter, join the lanes, clear the uploaded rows, remove every row.
//
// Usage: seqdrop-window-bench [--samples 384] [--lanes 4] [--upload-seconds 20] [--reads 40]
//                             [--screenshot PATH]
// Environment: SEQDROP_SANDBOX_BIN (the sandbox binary); settings, journal and the generated
// run folder live in a temporary directory that is deleted at exit.
#include "consentbar.h"
#include "desktop/appsettings.h"
#include "desktop/desktopservices.h"
#include "desktop/session.h"
#include "mainwindow.h"
#include "samplefilterfield.h"
#include "sampletablemodel.h"
#include "sampletableview.h"
#include "translationloader.h"
#include "upload/queuechecks.h"
#include "upload/sampleupload.h"
#include "upload/uploadqueue.h"
#include "windowactions.h"

#include <QAction>
#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QHeaderView>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QSettings>
#include <QTemporaryDir>
#include <QTimer>

#include <sys/resource.h>

#include <cstdio>
#include <functional>
#include <memory>

using namespace SeqDrop;

namespace {

// Lateness of a 5 ms timer: the longest time the event loop did not come round.
class StallProbe : public QObject {
public:
    StallProbe() {
        m_timer.setTimerType(Qt::PreciseTimer);
        m_timer.setInterval(IntervalMs);
        connect(&m_timer, &QTimer::timeout, this, [this] {
            const qint64 now = m_clock.nsecsElapsed();
            m_longestNs = qMax(m_longestNs, now - m_lastNs - IntervalMs * 1000000LL);
            m_lastNs = now;
        });
    }
    void restart() {
        m_clock.start();
        m_lastNs = 0;
        m_longestNs = 0;
        m_timer.start();
    }
    double longestMs() const { return m_longestNs / 1e6; }

private:
    static constexpr int IntervalMs = 5;
    QTimer m_timer;
    QElapsedTimer m_clock;
    qint64 m_lastNs = 0;
    qint64 m_longestNs = 0;
};

// Which event took longest to handle (outermost dispatches only), to say what a stall was:
// "QEvent::Timer to QTimer 120 ms" or "QEvent::MetaCall to SeqDrop::SampleUpload".
class TimedApplication : public QApplication {
public:
    using QApplication::QApplication;
    bool notify(QObject *receiver, QEvent *event) override {
        if (m_depth > 0)
            return QApplication::notify(receiver, event);
        ++m_depth;
        QElapsedTimer clock;
        clock.start();
        const int type = event->type();
        const QString what = QString::fromLatin1(receiver->metaObject()->className()) +
                             QLatin1Char(' ') + receiver->objectName();
        const bool result = QApplication::notify(receiver, event);
        --m_depth;
        if (const qint64 ns = clock.nsecsElapsed(); ns > m_slowestNs) {
            m_slowestNs = ns;
            m_slowest = QStringLiteral("event %1 to %2").arg(type).arg(what);
        }
        return result;
    }
    void restart() {
        m_slowestNs = 0;
        m_slowest.clear();
    }
    QString slowest() const {
        return QStringLiteral("%1 (%2 ms)").arg(m_slowest).arg(m_slowestNs / 1e6, 0, 'f', 1);
    }

private:
    int m_depth = 0;
    qint64 m_slowestNs = 0;
    QString m_slowest;
};

long peakRssMb() {
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return usage.ru_maxrss / 1024;
}

// Spins the event loop until `done` or `timeoutMs`; the elapsed ms, or -1 on timeout.
qint64 waitFor(const std::function<bool()> &done, int timeoutMs) {
    QElapsedTimer clock;
    clock.start();
    while (!done()) {
        if (clock.elapsed() > timeoutMs)
            return -1;
        QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
    }
    return clock.elapsed();
}

// A run folder as bcl2fastq leaves it: <Sample>_S<n>_L00<lane>_R<1|2>_001.fastq.gz-style names
// (plain FASTQ here, so the checks read every byte), mates sharing read names, an
// Undetermined_S0 pair per lane and the SampleSheet.csv.
int writeRunFolder(const QString &dir, int samples, int lanes, int reads) {
    QDir().mkpath(dir);
    int files = 0;
    const auto writeFastq = [&](const QString &name, int read, int seed) {
        QFile f(dir + QLatin1Char('/') + name);
        if (!f.open(QIODevice::WriteOnly))
            return;
        QByteArray out;
        static const char bases[] = "ACGT";
        for (int r = 0; r < reads; ++r) {
            out += "@A00123:8:HCKWJDSXY:" + QByteArray::number(seed) + ':' + QByteArray::number(r) +
                   " " + QByteArray::number(read) + ":N:0:1\n";
            QByteArray seq(150, 'A');
            for (int i = 0; i < seq.size(); ++i)
                seq[i] = bases[(r * 31 + i * 7 + seed) & 3];
            out += seq + "\n+\n" + QByteArray(150, 'F') + '\n';
        }
        f.write(out);
        ++files;
    };
    QFile sheet(dir + QStringLiteral("/SampleSheet.csv"));
    if (sheet.open(QIODevice::WriteOnly))
        sheet.write("[Header]\nIEMFileVersion,5\nExperiment Name,Plate7_Soil\nDate,12/4/2023\n"
                    "Instrument Type,NovaSeq 6000\n\n[Data]\n"
                    "Sample_ID,Sample_Name,Sample_Plate,Sample_Well,Sample_Project\n");
    for (int s = 1; s <= samples; ++s) {
        const QString name = QStringLiteral("Plate7-%1").arg(s, 3, 10, QLatin1Char('0'));
        if (sheet.isOpen())
            // The sandbox's second project, so every sample is described and none waits.
            sheet.write(QStringLiteral("%1,%1,Plate7,%2%3,Soil Survey 2026\n")
                            .arg(name)
                            .arg(QChar(u'A' + (s - 1) / 12 % 8))
                            .arg((s - 1) % 12 + 1, 2, 10, QLatin1Char('0'))
                            .toUtf8());
        for (int lane = 1; lane <= lanes; ++lane)
            for (int read = 1; read <= 2; ++read)
                writeFastq(QStringLiteral("%1_S%2_L%3_R%4_001.fastq")
                               .arg(name)
                               .arg(s)
                               .arg(lane, 3, 10, QLatin1Char('0'))
                               .arg(read),
                           read, s * 8 + lane);
    }
    for (int lane = 1; lane <= lanes; ++lane)
        for (int read = 1; read <= 2; ++read)
            writeFastq(QStringLiteral("Undetermined_S0_L%1_R%2_001.fastq")
                           .arg(lane, 3, 10, QLatin1Char('0'))
                           .arg(read),
                       read, lane);
    return files;
}

int checksRunning(MainWindow *w) {
    int n = 0;
    for (SampleUpload *s : w->queue()->samples())
        n += w->checks()->isChecking(s) ? 1 : 0;
    return n;
}

// Restoring the session also records the queue in the journal (empty at first).
std::unique_ptr<MainWindow> openWindow() {
    MainWindow::Options options;
    options.sandbox = true;
    options.restoreSession = true;
    auto w = std::make_unique<MainWindow>(std::make_unique<DesktopServices>(), options);
    w->resize(1280, 800);
    w->show();
    return w;
}

void print(const char *phase, double stallMs, qint64 rowsMs, qint64 checksMs, int rows) {
    std::printf("%-8s rows %5d   longest stall %8.1f ms   rows present %7lld ms   checks done "
                "%7lld ms   peak RSS %4ld MB\n",
                phase, rows, stallMs, static_cast<long long>(rowsMs),
                static_cast<long long>(checksMs), peakRssMb());
    std::fflush(stdout);
}

// One synchronous user command, measured as the stall it is.
void timed(const char *what, MainWindow *w, const std::function<void()> &command) {
    QElapsedTimer clock;
    clock.start();
    command();
    const qint64 ms = clock.elapsed();
    std::printf("%-8s rows %5d   took %6lld ms\n", what, w->model()->rowCount(),
                static_cast<long long>(ms));
    std::fflush(stdout);
    waitFor([] { return false; }, 300); // the journal's batched writes, repaints
}

// What a technician does next with a queue that size: sort by name and by status, filter,
// join the lanes, take the uploaded rows away, then clear the list.
void commands(MainWindow *w) {
    QHeaderView *header = w->view()->horizontalHeader();
    timed("sort", w,
          [&] { header->setSortIndicator(SampleTableModel::NameColumn, Qt::AscendingOrder); });
    timed("sort", w,
          [&] { header->setSortIndicator(SampleTableModel::StatusColumn, Qt::AscendingOrder); });
    timed("unsort", w, [&] { header->setSortIndicator(-1, Qt::AscendingOrder); });
    timed("filter", w, [&] {
        w->filterField()->input()->setText(QStringLiteral("S12_"));
        w->filterField()->apply();
    });
    timed("unfilter", w, [&] {
        w->filterField()->input()->clear();
        w->filterField()->apply();
    });
    if (w->consentBar()->mergeLanesButton()->isVisible())
        timed("merge", w, [&] { w->consentBar()->mergeLanesButton()->click(); });
    timed("clear", w, [&] { w->actions()->clearUploaded->trigger(); });
    timed("remove", w, [&] {
        w->view()->selectAll();
        w->actions()->remove->trigger();
    });
}

} // namespace

int main(int argc, char **argv) {
    qputenv("QT_QPA_PLATFORM",
            qgetenv("QT_QPA_PLATFORM").isEmpty() ? "offscreen" : qgetenv("QT_QPA_PLATFORM"));
    QTemporaryDir home;
    qputenv("XDG_DATA_HOME", (home.path() + QStringLiteral("/data")).toLocal8Bit());
    qputenv("SEQDROP_KEYCHAIN", "off");
    TimedApplication app(argc, argv);
    // English as the window speaks it (plurals included), whatever the machine's locale.
    TranslationLoader translations;
    translations.install(QLocale(QLocale::English, QLocale::UnitedStates));
    QCommandLineParser parser;
    parser.addHelpOption();
    parser.addOption({QStringLiteral("samples"), QStringLiteral("Samples."), QStringLiteral("N"),
                      QStringLiteral("384")});
    parser.addOption({QStringLiteral("lanes"), QStringLiteral("Lanes per sample."),
                      QStringLiteral("N"), QStringLiteral("4")});
    parser.addOption({QStringLiteral("reads"), QStringLiteral("Reads per file."),
                      QStringLiteral("N"), QStringLiteral("40")});
    parser.addOption({QStringLiteral("upload-seconds"),
                      QStringLiteral("How long the upload phase runs (0: skip it)."),
                      QStringLiteral("S"), QStringLiteral("20")});
    parser.addOption({QStringLiteral("screenshot"),
                      QStringLiteral("Save the window after the drop to this PNG file."),
                      QStringLiteral("PATH")});
    parser.process(app);
    QSettings::setDefaultFormat(QSettings::IniFormat);
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, home.path());
    QCoreApplication::setOrganizationName(QStringLiteral("SeqDropWindowBench"));
    AppSettings::setMaxParallel(8);

    const QString folder = home.path() + QStringLiteral("/231204_A00123_0456_BHCKWJDSXY");
    const int files = writeRunFolder(folder, parser.value(QStringLiteral("samples")).toInt(),
                                     parser.value(QStringLiteral("lanes")).toInt(),
                                     parser.value(QStringLiteral("reads")).toInt());
    // The sheet sets the Undetermined pairs (one per lane) aside: the samples' lanes are the rows.
    const int expectedRows = parser.value(QStringLiteral("samples")).toInt() *
                             parser.value(QStringLiteral("lanes")).toInt();
    std::printf("window bench: %d FASTQ files (%d pair rows, Undetermined aside) in %s\n", files,
                expectedRows, qPrintable(folder));

    StallProbe probe;
    int rows = 0;
    {
        std::unique_ptr<MainWindow> w = openWindow();
        if (waitFor([&] { return w->session()->canUpload(); }, 30000) < 0) {
            std::fprintf(stderr, "the embedded sandbox did not start\n");
            return 1;
        }
        waitFor([] { return false; }, 500); // settled, idle
        probe.restart();
        QElapsedTimer clock;
        clock.start();
        QTimer::singleShot(0, w.get(), [&] { w->addPaths({folder}); });
        const qint64 rowsMs =
            waitFor([&] { return w->model()->rowCount() >= expectedRows; }, 600000) < 0
                ? -1
                : clock.elapsed();
        rows = w->model()->rowCount();
        const qint64 checksMs =
            waitFor([&] { return checksRunning(w.get()) == 0; }, 600000) < 0 ? -1 : clock.elapsed();
        waitFor([] { return false; }, 300);
        print("drop", probe.longestMs(), rowsMs, checksMs, rows);
        // The window as the technician sees it after the drop, at 1280 x 800.
        if (const QString shot = parser.value(QStringLiteral("screenshot")); !shot.isEmpty())
            w->grab().save(shot);
    }
    {
        probe.restart();
        QElapsedTimer clock;
        clock.start();
        std::unique_ptr<MainWindow> w = openWindow();
        // The constructor restores synchronously: count it as a stall of its own.
        const double constructMs = clock.elapsed();
        const qint64 rowsMs = waitFor([&] { return w->model()->rowCount() >= rows; }, 600000) < 0
                                  ? -1
                                  : clock.elapsed();
        const qint64 checksMs =
            waitFor([&] { return checksRunning(w.get()) == 0; }, 600000) < 0 ? -1 : clock.elapsed();
        waitFor([&] { return w->session()->canUpload(); }, 30000);
        waitFor([] { return false; }, 300);
        print("restore", qMax(probe.longestMs(), constructMs), rowsMs, checksMs,
              w->model()->rowCount());

        const int seconds = parser.value(QStringLiteral("upload-seconds")).toInt();
        if (seconds > 0) {
            w->queue()->setMaxParallel(8);
            probe.restart();
            app.restart();
            w->queue()->start();
            waitFor([] { return false; }, seconds * 1000);
            const int confirmed = w->queue()->countIn(SampleUpload::State::Confirmed);
            const int failed = w->queue()->countIn(SampleUpload::State::Failed);
            std::printf("upload   8 in parallel for %d s: %d confirmed, %d failed, %d running\n",
                        seconds, confirmed, failed, w->queue()->runningCount());
            print("upload", probe.longestMs(), -1, -1, w->model()->rowCount());
            std::printf("         slowest event while uploading: %s\n", qPrintable(app.slowest()));
            w->queue()->pause(); // the rest stay queued, for the lanes merge below
            waitFor([&] { return w->queue()->runningCount() == 0; }, 30000);
        }
        commands(w.get());
    }
    return 0;
}
