// The multipart route through the real engine against the real sandbox (loopback, real files):
// the route chosen, a single file and a pair (R2 first, one callback), a cancel aborted on S3,
// part faults, a resume after the upload object died mid-upload (as a killed process leaves it),
// and a file changed before the resume. Every case ends with the sandbox's ledger clean: no
// open multipart upload, no sample awaiting data, the stored bytes' MD5 equal to the file's.
#include "net/apiclient.h"
#include "net/s3part.h"
#include "net/transfersettings.h"
#include "sandboxclient.h"
#include "sandboxledger.h"
#include "testfiles.h"
#include "upload/sampleupload.h"
#include "upload/uploadqueue.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QFile>
#include <QJsonArray>
#include <QScopeGuard>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace SeqDrop;

namespace {
constexpr qint64 PartSize = 64 * 1024; // the sandbox runs with --min-part-size 65536
} // namespace

class TestMultipartRoute : public QObject {
    Q_OBJECT

    using State = SampleUpload::State;

    void useMultipart(TransferSettings::Route route = TransferSettings::Route::Multipart,
                      int partsInFlight = 2) {
        TransferSettings s = m_net.api->transferSettings();
        s.route = route;
        s.partSize = PartSize;
        s.partsInFlight = partsInFlight;
        m_net.api->setTransferSettings(s);
    }
    SampleUpload *run(SampleUpload *upload, int timeoutMs = 60000) {
        QSignalSpy finished(upload, &SampleUpload::finished);
        upload->start();
        if (finished.isEmpty())
            finished.wait(timeoutMs);
        return upload;
    }
    SampleUpload *run(const SampleSpec &spec) {
        return run(new SampleUpload(m_net.api.get(), spec, m_net.api.get()));
    }
    QString ledgerProblems(const SampleUpload *upload, const QString &expectedError = {}) {
        SandboxLedger ledger;
        ledger.add({upload->spec().file, upload->spec().pairedFile, expectedError,
                    SampleUpload::stateName(upload->state()), upload->sampleId(),
                    upload->error().toString()});
        return ledger.check(m_net.sandbox->state()).join(QLatin1Char('\n'));
    }
    int openUploads() { return m_net.sandbox->counts().value("open_multipart_uploads").toInt(); }
    // Parts of every multipart upload the sandbox saw: part number -> times received, summed.
    QList<int> timesReceived() {
        QList<int> times;
        for (const QJsonValue &u : m_net.sandbox->state().value("multipart").toArray())
            for (const QJsonValue &p : u.toObject().value("parts").toArray())
                times.append(p.toObject().value("times_received").toInt());
        return times;
    }
    // The ETag S3 gives `file` uploaded in parts of PartSize (what md5s() reports per file).
    static QString multipartEtagOf(const QString &file) {
        QFile f(file);
        if (!f.open(QIODevice::ReadOnly))
            return {};
        QList<S3Part> parts;
        while (!f.atEnd()) {
            const QByteArray data = f.read(PartSize);
            parts.append({int(parts.size() + 1),
                          data.size(),
                          QString::fromLatin1(
                              QCryptographicHash::hash(data, QCryptographicHash::Md5).toHex()),
                          {}});
        }
        return S3Part::multipartEtag(parts);
    }
    QString fastq(const QString &name, int records, quint32 seed = 1) {
        return writeFastq(m_dir.path(), name, records, 100, seed);
    }
    // Uploads `spec` until a few parts are stored, then cuts every part beyond the retries (the
    // network gone): the sample ends failed but resumable, nothing aborted or cancelled.
    // In `queue` when given (started by it), else on its own.
    SampleUpload *stopByNetworkLoss(const SampleSpec &spec, UploadQueue *queue = nullptr) {
        useMultipart(TransferSettings::Route::Multipart, 1);
        if (!m_net.sandbox->setFaults({{"upload_kbps", 800}}))
            return nullptr;
        SampleUpload *upload =
            queue ? queue->add(spec) : new SampleUpload(m_net.api.get(), spec, m_net.api.get());
        QSignalSpy finished(upload, &SampleUpload::finished);
        if (queue)
            queue->start();
        else
            upload->start();
        if (!QTest::qWaitFor([upload] { return upload->partsStored() >= 3; }, 30000))
            return nullptr;
        if (!m_net.sandbox->setFaults({{"upload_kbps", 0}, {"cut_parts", 1000}}))
            return nullptr;
        if (finished.isEmpty() && !finished.wait(60000))
            return nullptr;
        return upload;
    }

    QTemporaryDir m_dir;
    SandboxClient m_net;

private Q_SLOTS:
    void initTestCase() {
        qputenv("SEQDROP_RETRY_BASE_MS", "50");
        qputenv("SEQDROP_STALL_TIMEOUT_MS", "1500");
        QVERIFY(m_dir.isValid());
    }
    void init() { QVERIFY(m_net.start({"--min-part-size", QString::number(PartSize)})); }
    void cleanup() { m_net.stop(); }

    void singleFileGoesInParts() {
        useMultipart();
        SampleSpec spec;
        spec.file = fastq("Plate7-001_S1_L001_R1_001.fastq", 2000); // ~420 KiB: 7 parts
        SampleUpload *upload = run(spec);
        QCOMPARE(upload->state(), State::Confirmed);
        QCOMPARE(upload->routeName(), QStringLiteral("multipart"));
        QCOMPARE(upload->partsTotal(), 7);
        QCOMPARE(upload->partsStored(), 7);
        // What S3 verified: the object's ETag over the parts (the bytes' MD5 is in the ledger).
        QCOMPARE(upload->md5s(), QStringList{multipartEtagOf(spec.file)});
        QVERIFY(upload->md5s().constFirst().endsWith(QStringLiteral("-7")));
        QVERIFY(upload->resumePoint().isEmpty()); // confirmed: nothing left to resume
        const QString problems = ledgerProblems(upload);
        QVERIFY2(problems.isEmpty(), qPrintable(problems));
        const QJsonObject sample = m_net.sandbox->sample(upload->sampleId());
        QCOMPARE(sample.value("route").toString(), QStringLiteral("multipart"));
        QCOMPARE(sample.value("callbacks").toInt(), 1);
        QCOMPARE(openUploads(), 0);
        QCOMPARE(m_net.sandbox->counts().value("init_upload").toInt(), 0);
        for (int times : timesReceived())
            QCOMPARE(times, 1);
    }

    void autoRouteTakesMultipartOverTheLimit() {
        useMultipart(TransferSettings::Route::Auto);
        TransferSettings s = m_net.api->transferSettings();
        s.singleRequestLimit = 200 * 1024; // a stand-in for 5 GiB
        m_net.api->setTransferSettings(s);
        SampleSpec small;
        small.file = fastq("Plate7-002_S2_L001_R1_001.fastq", 300); // ~63 KiB
        SampleUpload *formUpload = run(small);
        QCOMPARE(formUpload->state(), State::Confirmed);
        QCOMPARE(formUpload->routeName(), QStringLiteral("form"));
        SampleSpec big;
        big.file = fastq("Plate7-003_S3_L001_R1_001.fastq", 2000);
        SampleUpload *upload = run(big);
        QCOMPARE(upload->state(), State::Confirmed);
        QCOMPARE(upload->routeName(), QStringLiteral("multipart"));
        QVERIFY2(upload->routeReason().contains(QStringLiteral("larger than")),
                 qPrintable(upload->routeReason()));
        // Straight to init_multipart_upload: no standard sample to cancel first.
        QCOMPARE(m_net.sandbox->counts().value("init_upload").toInt(), 1);
        QCOMPARE(m_net.sandbox->counts().value("init_multipart_upload").toInt(), 1);
        QCOMPARE(m_net.sandbox->counts().value("cancel_upload").toInt(), 0);
    }

    void tooLargeFormFallsBackOnce() {
        // A storage host whose single-request limit is 200 KB: the form POST is refused with
        // EntityTooLarge; its sample is cancelled and the files go again in parts.
        m_net.stop();
        QVERIFY(m_net.start(
            {"--min-part-size", QString::number(PartSize), "--max-post-size", "200000"}));
        useMultipart(TransferSettings::Route::Auto);
        SampleSpec spec;
        spec.file = fastq("Plate7-011_S11_L001_R1_001.fastq", 2000);
        auto *upload = new SampleUpload(m_net.api.get(), spec, m_net.api.get());
        QSignalSpy notices(upload, &SampleUpload::notice);
        run(upload);
        QVERIFY2(upload->state() == State::Confirmed, qPrintable(upload->error().toString()));
        QCOMPARE(upload->routeName(), QStringLiteral("multipart"));
        QVERIFY2(upload->routeReason().contains(QStringLiteral("too large")),
                 qPrintable(upload->routeReason()));
        bool told = false;
        for (const QList<QVariant> &n : notices)
            told = told || n.at(0).toString().contains(QStringLiteral("in parts"));
        QVERIFY(told);
        const QJsonObject counts = m_net.sandbox->counts();
        QCOMPARE(counts.value("init_upload").toInt(), 1);
        QCOMPARE(counts.value("cancel_upload").toInt(), 1);
        QCOMPARE(counts.value("init_multipart_upload").toInt(), 1);
        const QString problems = ledgerProblems(upload);
        QVERIFY2(problems.isEmpty(), qPrintable(problems));
        QCOMPARE(openUploads(), 0);
    }

    void cutFormPostsFallBackOnce() {
        useMultipart(TransferSettings::Route::Auto);
        QVERIFY(m_net.sandbox->setFaults({{"cut_uploads", 50}})); // form POSTs only
        SampleSpec spec;
        spec.file = fastq("Plate7-013_S13_L001_R1_001.fastq", 2000);
        SampleUpload *upload = run(spec);
        QVERIFY2(upload->state() == State::Confirmed, qPrintable(upload->error().toString()));
        QCOMPARE(upload->routeName(), QStringLiteral("multipart"));
        QVERIFY2(upload->routeReason().contains(QStringLiteral("connection")),
                 qPrintable(upload->routeReason()));
        QCOMPARE(m_net.sandbox->counts().value("cancel_upload").toInt(), 1);
        const QString problems = ledgerProblems(upload);
        QVERIFY2(problems.isEmpty(), qPrintable(problems));
        QCOMPARE(openUploads(), 0);
    }

    void formRouteByChoiceDoesNotFallBack() {
        m_net.stop();
        QVERIFY(m_net.start(
            {"--min-part-size", QString::number(PartSize), "--max-post-size", "200000"}));
        useMultipart(TransferSettings::Route::Form);
        SampleSpec spec;
        spec.file = fastq("Plate7-012_S12_L001_R1_001.fastq", 2000);
        SampleUpload *upload = run(spec);
        QCOMPARE(upload->state(), State::Failed);
        QCOMPARE(upload->error().serverCode, QStringLiteral("EntityTooLarge"));
        QVERIFY2(upload->error().message.contains(QStringLiteral("larger than one upload")),
                 qPrintable(upload->error().toString()));
        QCOMPARE(m_net.sandbox->counts().value("init_multipart_upload").toInt(), 0);
        QCOMPARE(SandboxLedger::unsettled(m_net.sandbox->state()), 0);
    }

    void pairSendsR2ThenR1AndOneCallback() {
        useMultipart();
        SampleSpec spec;
        spec.file = fastq("Plate7-004_S4_L001_R1_001.fastq", 1500, 4);
        spec.pairedFile = fastq("Plate7-004_S4_L001_R2_001.fastq", 1500, 5);
        spec.validateWhileUploading = true;
        SampleUpload *upload = run(spec);
        QVERIFY2(upload->state() == State::Confirmed, qPrintable(upload->error().toString()));
        QCOMPARE(upload->md5s(),
                 (QStringList{multipartEtagOf(spec.file), multipartEtagOf(spec.pairedFile)}));
        const QString problems = ledgerProblems(upload);
        QVERIFY2(problems.isEmpty(), qPrintable(problems));
        QCOMPARE(m_net.sandbox->sample(upload->sampleId()).value("callbacks").toInt(), 1);
        QCOMPARE(openUploads(), 0);
    }

    void badContentStopsAndAborts() {
        useMultipart();
        // A pair whose R1 has a record fewer: found while sending (R2 went first), aborted.
        SampleSpec spec;
        spec.file = fastq("Plate7-005_S5_L001_R1_001.fastq", 1499, 4);
        spec.pairedFile = fastq("Plate7-005_S5_L001_R2_001.fastq", 1500, 5);
        spec.validateWhileUploading = true;
        SampleUpload *upload = run(spec);
        QCOMPARE(upload->state(), State::Failed);
        QVERIFY2(upload->error().message.contains(QStringLiteral("1,500 records")) ||
                     upload->error().message.contains(QStringLiteral("no mate")),
                 qPrintable(upload->error().toString()));
        QCOMPARE(openUploads(), 0);
        QCOMPARE(m_net.sandbox->sample(upload->sampleId()).value("callbacks").toInt(), 0);
        const QString problems = ledgerProblems(upload, QStringLiteral("record"));
        QVERIFY2(problems.isEmpty(), qPrintable(problems));
    }

    void cancelAbortsOnS3() {
        useMultipart(TransferSettings::Route::Multipart, 1);
        QVERIFY(m_net.sandbox->setFaults({{"upload_kbps", 400}})); // ~0.15 s per part
        SampleSpec spec;
        spec.file = fastq("Plate7-006_S6_L001_R1_001.fastq", 3000);
        auto *upload = new SampleUpload(m_net.api.get(), spec, m_net.api.get());
        connect(upload, &SampleUpload::resumePointChanged, upload, [upload] {
            if (upload->partsStored() >= 2)
                upload->cancel();
        });
        run(upload);
        QCOMPARE(upload->state(), State::Cancelled);
        QCOMPARE(openUploads(), 0);
        const QJsonObject sample = m_net.sandbox->sample(upload->sampleId());
        QCOMPARE(sample.value("callbacks").toInt(), 0);
        QCOMPARE(SandboxLedger::unsettled(m_net.sandbox->state()), 0);
    }

    void partFaultsAreRetried() {
        useMultipart();
        QVERIFY(m_net.sandbox->setFaults(
            {{"fail_parts", 2}, {"fail_parts_status", 503}, {"cut_parts", 1}}));
        SampleSpec spec;
        spec.file = fastq("Plate7-007_S7_L001_R1_001.fastq", 2000);
        SampleUpload *upload = run(spec);
        QVERIFY2(upload->state() == State::Confirmed, qPrintable(upload->error().toString()));
        QVERIFY(upload->retries() >= 2); // the two 503s (Qt itself may resend the cut part)
        const QString problems = ledgerProblems(upload);
        QVERIFY2(problems.isEmpty(), qPrintable(problems));
        QCOMPARE(openUploads(), 0);
    }

    void completeAndCallbackFaults() {
        useMultipart();
        QVERIFY(m_net.sandbox->setFaults(
            {{"lose_completes", 1}, {"complete_errors", 1}, {"fail_callbacks", 1}}));
        SampleSpec spec;
        spec.file = fastq("Plate7-008_S8_L001_R1_001.fastq", 1000);
        SampleUpload *upload = run(spec);
        QVERIFY2(upload->state() == State::Confirmed, qPrintable(upload->error().toString()));
        const QString problems = ledgerProblems(upload);
        QVERIFY2(problems.isEmpty(), qPrintable(problems));
        QCOMPARE(openUploads(), 0);
    }

    void resumesFromTheLastStoredPart() {
        useMultipart(TransferSettings::Route::Multipart, 2);
        QVERIFY(m_net.sandbox->setFaults({{"upload_kbps", 800}}));
        SampleSpec spec;
        spec.file = fastq("Plate7-009_S9_L001_R1_001.fastq", 5000); // ~1 MiB: 17 parts
        auto *first = new SampleUpload(m_net.api.get(), spec);
        UploadRoute::ResumePoint point;
        QSignalSpy stored(first, &SampleUpload::resumePointChanged);
        connect(first, &SampleUpload::resumePointChanged, first,
                [&point, first] { point = first->resumePoint(); });
        first->start();
        QTRY_VERIFY_WITH_TIMEOUT(first->partsStored() >= 8, 30000);
        const int storedAtKill = first->partsStored();
        // The process dies: nothing is aborted, nothing cancelled, the parts stay on S3.
        delete first;
        QVERIFY(!point.isEmpty());
        QVERIFY(point.files[0].parts.size() >= 8);
        QCOMPARE(openUploads(), 1);
        QVERIFY(m_net.sandbox->setFaults({{"upload_kbps", 0}}));

        auto *second = new SampleUpload(m_net.api.get(), spec, m_net.api.get());
        SampleUpload::Restored restored;
        restored.queuedFingerprint = spec.fingerprint();
        restored.resume = point;
        QVERIFY(second->restore(restored));
        QVERIFY(second->resumedPercent() >= 40);
        QCOMPARE(second->sampleId(), point.ticket.sampleId);
        run(second);
        QVERIFY2(second->state() == State::Confirmed, qPrintable(second->error().toString()));
        const QString problems = ledgerProblems(second);
        QVERIFY2(problems.isEmpty(), qPrintable(problems));
        QCOMPARE(openUploads(), 0);
        QCOMPARE(m_net.sandbox->sample(second->sampleId()).value("callbacks").toInt(), 1);
        // Every part stored once; sent twice at most the ones in flight at the kill.
        const QList<int> times = timesReceived();
        QCOMPARE(times.size(), 17);
        int twice = 0;
        for (int t : times) {
            QVERIFY(t >= 1 && t <= 2);
            twice += t - 1;
        }
        QVERIFY2(twice <= 2, qPrintable(QString::number(twice)));
        QVERIFY(storedAtKill >= 8);
    }

    void changedFileIsNeverCompleted() {
        useMultipart(TransferSettings::Route::Multipart, 1);
        QVERIFY(m_net.sandbox->setFaults({{"upload_kbps", 800}}));
        SampleSpec spec;
        spec.file = fastq("Plate7-010_S10_L001_R1_001.fastq", 3000);
        auto *first = new SampleUpload(m_net.api.get(), spec);
        UploadRoute::ResumePoint point;
        connect(first, &SampleUpload::resumePointChanged, first,
                [&point, first] { point = first->resumePoint(); });
        first->start();
        QTRY_VERIFY_WITH_TIMEOUT(first->partsStored() >= 3, 30000);
        delete first;
        const QString queued = spec.fingerprint();
        // Rewritten between the runs (another export with other reads).
        QVERIFY(!fastq("Plate7-010_S10_L001_R1_001.fastq", 3000, 99).isEmpty());
        QFile rewritten(spec.file);
        QVERIFY(rewritten.open(QIODevice::ReadWrite));
        QVERIFY(rewritten.setFileTime(QDateTime::currentDateTimeUtc().addSecs(5),
                                      QFileDevice::FileModificationTime));
        rewritten.close();
        QVERIFY(m_net.sandbox->setFaults({{"upload_kbps", 0}}));

        auto *second = new SampleUpload(m_net.api.get(), spec, m_net.api.get());
        SampleUpload::Restored restored;
        restored.queuedFingerprint = queued;
        restored.resume = point;
        QVERIFY(second->restore(restored));
        run(second);
        QCOMPARE(second->state(), State::Failed);
        QVERIFY2(second->error().message.contains(QStringLiteral("changed")),
                 qPrintable(second->error().toString()));
        QCOMPARE(openUploads(), 0);
        QCOMPARE(m_net.sandbox->sample(second->sampleId()).value("callbacks").toInt(), 0);
        QCOMPARE(SandboxLedger::unsettled(m_net.sandbox->state()), 0);
    }

    // The network gone for longer than the retries: the sample fails but keeps its parts and its
    // sample for a resume (no abort, no cancel), and Retry goes on from the last stored part.
    void networkLossKeepsTheSampleResumable() {
        SampleSpec spec;
        spec.file = fastq("Plate7-011_S11_L001_R1_001.fastq", 4000);
        SampleUpload *upload = stopByNetworkLoss(spec);
        QVERIFY(upload);
        QCOMPARE(upload->state(), State::Failed);
        QVERIFY(upload->isResumable());
        QVERIFY2(upload->error().isRetryable(), qPrintable(upload->error().toString()));
        QVERIFY2(upload->error().message.contains(QStringLiteral("kept")),
                 qPrintable(upload->error().message));
        const int stored = upload->resumePoint().files[0].parts.size();
        QVERIFY(stored >= 3);
        QVERIFY(upload->resumedPercent() > 0);
        QCOMPARE(upload->bytesSent(), upload->resumePoint().bytesStored());
        QCOMPARE(openUploads(), 1);
        QCOMPARE(m_net.sandbox->sample(upload->sampleId()).value("status").toString(),
                 QStringLiteral("awaiting_data"));

        QVERIFY(m_net.sandbox->setFaults({{"cut_parts", 0}}));
        QVERIFY(upload->resetForRetry());
        QVERIFY(!upload->resumePoint().isEmpty());
        run(upload);
        QVERIFY2(upload->state() == State::Confirmed, qPrintable(upload->error().toString()));
        QVERIFY(upload->resumePoint().isEmpty());
        const QString problems = ledgerProblems(upload);
        QVERIFY2(problems.isEmpty(), qPrintable(problems));
        QCOMPARE(openUploads(), 0);
        QCOMPARE(m_net.sandbox->sample(upload->sampleId()).value("callbacks").toInt(), 1);
        QCOMPARE(m_net.sandbox->counts().value("init_multipart_upload").toInt(), 1);
        // The stored parts were not sent again; the cut ones never counted as stored.
        for (int t : timesReceived())
            QCOMPARE(t, 1);
    }

    // The file of a resumable sample is gone when it is retried (a drive unplugged): the parts
    // and the sample are kept, not forgotten on S3, and it goes on once the file is back.
    void missingFileKeepsTheResumePoint() {
        SampleSpec spec;
        spec.file = fastq("Plate7-015_S15_L001_R1_001.fastq", 4000);
        SampleUpload *upload = stopByNetworkLoss(spec);
        QVERIFY(upload);
        QVERIFY(upload->isResumable());
        QVERIFY(m_net.sandbox->setFaults({{"cut_parts", 0}}));
        const QString away = spec.file + QStringLiteral(".unplugged");
        QVERIFY(QFile::rename(spec.file, away));
        QVERIFY(upload->resetForRetry());
        QSignalSpy finished(upload, &SampleUpload::finished);
        upload->start();
        QVERIFY(!finished.isEmpty() || finished.wait(10000));
        QCOMPARE(upload->state(), State::Failed);
        QVERIFY2(upload->error().message.contains(QStringLiteral("does not exist")) &&
                     upload->error().message.contains(QStringLiteral("kept")),
                 qPrintable(upload->error().message));
        QVERIFY(upload->isResumable());
        QCOMPARE(openUploads(), 1);
        QCOMPARE(m_net.sandbox->sample(upload->sampleId()).value("status").toString(),
                 QStringLiteral("awaiting_data"));

        QVERIFY(QFile::rename(away, spec.file));
        QVERIFY(upload->resetForRetry());
        run(upload);
        QVERIFY2(upload->state() == State::Confirmed, qPrintable(upload->error().toString()));
        QCOMPARE(openUploads(), 0);
        for (int t : timesReceived())
            QCOMPARE(t, 1);
    }

    // Cancelling (or removing) a sample kept resumable discards it: aborted on S3, cancelled on
    // One Codex, never called back.
    void cancellingAResumableSampleAbortsIt() {
        SampleSpec spec;
        spec.file = fastq("Plate7-012_S12_L001_R1_001.fastq", 4000);
        SampleUpload *upload = stopByNetworkLoss(spec);
        QVERIFY(upload);
        QVERIFY(upload->isResumable());
        QVERIFY(m_net.sandbox->setFaults({{"cut_parts", 0}}));
        QSignalSpy finished(upload, &SampleUpload::finished);
        upload->cancel();
        QVERIFY(finished.wait(30000));
        QCOMPARE(upload->state(), State::Cancelled);
        QVERIFY(!upload->isResumable());
        QCOMPARE(openUploads(), 0);
        QCOMPARE(m_net.sandbox->sample(upload->sampleId()).value("status").toString(),
                 QStringLiteral("deleted"));
        QCOMPARE(m_net.sandbox->sample(upload->sampleId()).value("callbacks").toInt(), 0);
        QCOMPARE(SandboxLedger::unsettled(m_net.sandbox->state()), 0);
    }

    // Removing a resumable row aborts its upload and cancels its sample before the row goes.
    void removingAResumableRowDiscardsItFirst() {
        UploadQueue queue(m_net.api.get());
        SampleSpec spec;
        spec.file = fastq("Plate7-014_S14_L001_R1_001.fastq", 4000);
        SampleUpload *upload = stopByNetworkLoss(spec, &queue);
        QVERIFY(upload);
        QVERIFY(upload->isResumable());
        const QString sampleId = upload->sampleId();
        QVERIFY(m_net.sandbox->setFaults({{"cut_parts", 0}}));
        QSignalSpy removed(&queue, &UploadQueue::samplesRemoved);
        QVERIFY(queue.remove(upload));
        QVERIFY(removed.wait(30000));
        QVERIFY(queue.samples().isEmpty());
        QCOMPARE(openUploads(), 0);
        QCOMPARE(m_net.sandbox->sample(sampleId).value("status").toString(),
                 QStringLiteral("deleted"));
        QCOMPARE(SandboxLedger::unsettled(m_net.sandbox->state()), 0);
    }

    // One Codex's validating proxy fails on the automatic route: as the official client did,
    // the sample is cancelled and the files go again as a multipart upload.
    void proxyFailureFallsBackToMultipart() {
        const auto unset = qScopeGuard([] { qunsetenv("SEQDROP_PROXY_POLL_MS"); });
        m_net.stop();
        qputenv("SEQDROP_PROXY_POLL_MS", "100"); // read when the client is made
        QVERIFY(m_net.start({"--min-part-size", QString::number(PartSize), "--proxy-mode", "status",
                             "--proxy-check-seconds", "0", "--proxy-fails", "1"}));
        useMultipart(TransferSettings::Route::Auto);
        SampleSpec spec;
        spec.file = fastq("Plate7-013_S13_L001_R1_001.fastq", 1000);
        SampleUpload *upload = run(spec);
        QVERIFY2(upload->state() == State::Confirmed, qPrintable(upload->error().toString()));
        QCOMPARE(upload->routeName(), QStringLiteral("multipart"));
        QVERIFY2(upload->routeReason().contains(QStringLiteral("proxy")),
                 qPrintable(upload->routeReason()));
        const QJsonObject counts = m_net.sandbox->counts();
        QCOMPARE(counts.value("init_upload").toInt(), 1);
        QCOMPARE(counts.value("init_multipart_upload").toInt(), 1);
        QCOMPARE(counts.value("proxy_posts").toInt(), 1); // not sent to the proxy again
        QCOMPARE(counts.value("open_multipart_uploads").toInt(), 0);
        QCOMPARE(SandboxLedger::unsettled(m_net.sandbox->state()), 0);
        QCOMPARE(m_net.sandbox->sample(upload->sampleId()).value("callbacks").toInt(), 1);
    }
};

QTEST_GUILESS_MAIN(TestMultipartRoute)
#include "tst_multipartroute.moc"
