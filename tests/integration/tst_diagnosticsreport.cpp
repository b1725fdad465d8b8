// Save diagnostics after a real upload: the bundle has its sections and the journal's summary,
// and none of the secrets that passed through this run: the API key, its Basic credentials,
// and the policy and signature of the sandbox's init_upload answer, although log lines carried
// them all (the engine's own debug line with the answer, and a careless line with the key).
#include "desktop/diagnosticsreport.h"
#include "journal/journal.h"
#include "journal/journalrecorder.h"
#include "net/apiclient.h"
#include "sandboxprocess.h"
#include "testfiles.h"
#include "testsettings.h"
#include "upload/sampleupload.h"
#include "upload/uploadqueue.h"
#include "util/logbuffer.h"
#include "util/logging.h"
#include "util/redactor.h"

#include <QNetworkAccessManager>
#include <QRegularExpression>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace SeqDrop;
using State = SampleUpload::State;

namespace {

QStringList g_raw; // every message as logged, before any redaction
QtMessageHandler g_next = nullptr;

void rawCapture(QtMsgType type, const QMessageLogContext &context, const QString &message) {
    g_raw << message;
    g_next(type, context, message);
}

} // namespace

class TestDiagnosticsReport : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() {
        qputenv("SEQDROP_RETRY_BASE_MS", "50");
        qputenv("QT_LOGGING_RULES", "seqdrop.*.debug=true");
        QVERIFY(m_dir.isValid());
        TestSettings::useFolder(m_dir.filePath("config"));
        // As in the window (Redactor, then LogBuffer), with a capture of the raw messages in
        // front: it shows what the log lines carried before redaction.
        Redactor::installMessageHandler();
        LogBuffer::install();
        g_next = qInstallMessageHandler(rawCapture);
    }

    void savedBundleHasNoSecrets() {
        SandboxProcess sandbox;
        QVERIFY(sandbox.start());
        QNetworkAccessManager nam;
        ApiClient api(&nam);
        api.setBaseUrl(sandbox.baseUrl());
        api.setApiKey(sandbox.apiKey());
        Journal journal;
        QVERIFY(journal.open(m_dir.filePath("journal.sqlite")));
        UploadQueue queue(&api);
        JournalRecorder recorder(&journal, &queue, QStringLiteral("gui"),
                                 sandbox.baseUrl().toString());
        QSettings().setValue(QStringLiteral("uploads/parallel"), 3);

        SampleSpec good;
        good.file = writeFastq(m_dir.path(), QStringLiteral("diag.fastq"), 300);
        SampleSpec gone;
        gone.file = writeFastq(m_dir.path(), QStringLiteral("gone.fastq"), 10);
        queue.add(good);
        queue.add(gone);
        QVERIFY(QFile::remove(gone.file));
        QSignalSpy idle(&queue, &UploadQueue::idle);
        queue.start();
        QVERIFY(idle.wait(60000));
        QCOMPARE(queue.samples().at(0)->state(), State::Confirmed);
        QCOMPARE(queue.samples().at(1)->state(), State::Failed);
        // A careless line, as any code might write one.
        const QByteArray basic = (sandbox.apiKey() + QLatin1Char(':')).toUtf8().toBase64();
        qCWarning(lcApi).noquote()
            << "retrying with key" << sandbox.apiKey() << "Authorization: Basic" << basic;

        // The init_upload answer went through the log with its policy and signature.
        QString policy, signature;
        static const QRegularExpression fields(
            QStringLiteral("\"policy\":\"([^\"]+)\".*\"signature\":\"([^\"]+)\""));
        for (const QString &line : std::as_const(g_raw)) {
            const QRegularExpressionMatch m = fields.match(line);
            if (m.hasMatch()) {
                policy = m.captured(1);
                signature = m.captured(2);
            }
        }
        QVERIFY2(policy.size() > 20 && signature.size() > 10, "no init_upload answer logged");

        DiagnosticsReport::Context context;
        context.server = api.baseUrl().toString();
        context.session = QStringLiteral("sandbox");
        context.proxy = api.proxy().describe();
        context.network = QStringLiteral("up");
        recorder.flush(); // the ends it holds (written within 200 ms anyway)
        context.journal = &journal;
        context.queue = DiagnosticsReport::describeQueue(&queue);
        const QString path = m_dir.filePath("diagnostics.txt");
        QCOMPARE(DiagnosticsReport::write(path, DiagnosticsReport::build(context)), QString());
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QString text = QString::fromUtf8(file.readAll());

        for (const char *section :
             {DiagnosticsReport::SystemSection, DiagnosticsReport::ConnectionSection,
              DiagnosticsReport::SettingsSection, DiagnosticsReport::JournalSection,
              DiagnosticsReport::QueueSection, DiagnosticsReport::LogSection})
            QVERIFY2(text.contains(QLatin1String(section)), section);
        QVERIFY(text.contains(QStringLiteral("SeqDrop " SEQDROP_VERSION)));
        QVERIFY(text.contains(QStringLiteral("Qt ") + QLatin1String(qVersion())));
        QVERIFY(text.contains(QStringLiteral("uploads/parallel = 3")));
        QVERIFY2(text.contains(QStringLiteral("gui: 2 sample(s): 1 confirmed, 1 failed")),
                 qPrintable(text));
        QVERIFY(text.contains(QStringLiteral("does not exist"))); // the last error
        QVERIFY(text.contains(queue.samples().at(0)->sampleId()));
        // The lines were there, redacted.
        QVERIFY(text.contains(QStringLiteral("/api/v1/samples/init_upload")));
        QVERIFY(text.contains(QStringLiteral("\"policy\":\"[redacted]\"")));
        QVERIFY(text.contains(QStringLiteral("retrying with key [redacted]")));

        QVERIFY(!text.contains(sandbox.apiKey()));
        QVERIFY(!text.contains(QString::fromLatin1(basic)));
        QVERIFY(!text.contains(policy));
        QVERIFY(!text.contains(signature));
    }

private:
    QTemporaryDir m_dir;
};

QTEST_GUILESS_MAIN(TestDiagnosticsReport)
#include "tst_diagnosticsreport.moc"
