// The S3 jobs against the sandbox's faults: a part refused 503 or 500 then retried, a part
// cut mid-body, a server clock an hour off, a Complete whose answer is lost, a Complete
// answered 200 with an <Error>, and a bucket in another region.
#include "s3jobtest.h"
#include "testhttpserver.h"

using namespace S3JobTestSupport;

class TestS3JobFaults : public S3JobTest {
    Q_OBJECT

private slots:
    void partRefusedThenRetried_data();
    void partRefusedThenRetried();
    void partCutThenRetried();
    void skewedClockIsCorrected();
    void lostCompleteAnswer();
    void lostCompleteThenNoSuchUpload();
    void completeErrorInside200();
    void regionRedirect();
    void importCallbackRetried();
    void expiredKeysAreAClearError();

private:
    struct Upload {
        MultipartTicket ticket;
        std::unique_ptr<S3Client> s3;
        QString uploadId;
        QList<S3Part> parts;
    };
    // A sample with an open upload and two parts sent.
    bool prepare(Upload *u, const QString &name);
};

bool TestS3JobFaults::prepare(Upload *u, const QString &name) {
    u->ticket = initSample(name);
    if (!u->ticket.isValid())
        return false;
    u->s3.reset(m_api->s3Client(u->ticket.credentials));
    u->uploadId = create(u->s3.get(), u->ticket);
    if (u->uploadId.isEmpty())
        return false;
    for (int n = 1; n <= 2; ++n) {
        u->parts.append(upload(u->s3.get(), u->ticket, u->uploadId, n, partData(n, 1500)));
        if (u->parts.last().number != n)
            return false;
    }
    return true;
}

void TestS3JobFaults::partRefusedThenRetried_data() {
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("code");
    QTest::newRow("503 SlowDown") << 503 << "SlowDown";
    QTest::newRow("500 InternalError") << 500 << "InternalError";
}

void TestS3JobFaults::partRefusedThenRetried() {
    QFETCH(int, status);
    QFETCH(QString, code);
    Upload u;
    QVERIFY(prepare(&u, QStringLiteral("refused_%1.fastq.gz").arg(status)));
    QVERIFY(m_sandbox->setFaults({{"fail_parts", 1}, {"fail_parts_status", status}}));
    const QByteArray data = partData(3, 1500);
    std::unique_ptr<UploadPartJob> job(
        u.s3->uploadPart(u.ticket.s3Bucket, u.ticket.fileId, u.uploadId, 3, data, md5Hex(data)));
    QSignalSpy retrying(job.get(), &NetworkJob::retrying);
    QVERIFY(startAndWait(job.get()));
    QVERIFY2(!job->error().isError(), qPrintable(job->error().toString()));
    QCOMPARE(job->retries(), 1);
    QCOMPARE(retrying.size(), 1);
    const auto reason = retrying.first().at(2).value<UploadError>();
    QCOMPARE(reason.httpStatus, status);
    QCOMPARE(reason.kind, UploadError::Kind::ServerUnavailable);
    QCOMPARE(job->etag(), md5Hex(data));
    const QJsonArray parts = ledger(u.uploadId).value("parts").toArray();
    QCOMPARE(parts.size(), 3);
    Q_UNUSED(code)
}

void TestS3JobFaults::partCutThenRetried() {
    Upload u;
    QVERIFY(prepare(&u, "cut.fastq.gz"));
    QVERIFY(m_sandbox->setFaults({{"cut_parts", 1}}));
    const QByteArray data = partData(3, 64 * 1024);
    std::unique_ptr<UploadPartJob> job(
        u.s3->uploadPart(u.ticket.s3Bucket, u.ticket.fileId, u.uploadId, 3, data, md5Hex(data)));
    QVERIFY(startAndWait(job.get()));
    QVERIFY2(!job->error().isError(), qPrintable(job->error().toString()));
    // Sent again, by Qt itself (the connection dropped before any answer) or by the job.
    QVERIFY(job->retries() >= 1 || job->timesSent() >= 2);
    QCOMPARE(job->etag(), md5Hex(data));
    QCOMPARE(ledger(u.uploadId).value("parts").toArray().size(), 3);
}

void TestS3JobFaults::skewedClockIsCorrected() {
    const MultipartTicket t = initSample("skewed.fastq.gz");
    QVERIFY(t.isValid());
    QVERIFY(m_sandbox->setFaults({{"clock_skew_s", 3600}}));
    std::unique_ptr<S3Client> s3(m_api->s3Client(t.credentials));
    QCOMPARE(s3->clockOffsetMs(), 0);
    QSignalSpy offsetChanged(s3.get(), &S3Client::clockOffsetChanged);

    std::unique_ptr<CreateMultipartUploadJob> first(
        s3->createMultipartUpload(t.s3Bucket, t.fileId));
    QVERIFY(startAndWait(first.get()));
    QVERIFY2(!first->error().isError(), qPrintable(first->error().toString()));
    QCOMPARE(first->retries(), 1); // refused once, then signed with the server's time
    QCOMPARE(offsetChanged.size(), 1);
    QVERIFY2(qAbs(s3->clockOffsetMs() - 3600 * 1000) < 5000,
             qPrintable(QString::number(s3->clockOffsetMs())));

    // The client remembers: the next job is signed right the first time.
    const QByteArray data = partData(1, 1500);
    std::unique_ptr<UploadPartJob> part(
        s3->uploadPart(t.s3Bucket, t.fileId, first->uploadId(), 1, data, md5Hex(data)));
    QVERIFY(startAndWait(part.get()));
    QVERIFY2(!part->error().isError(), qPrintable(part->error().toString()));
    QCOMPARE(part->retries(), 0);

    // Without the correction the same skew is a clear error.
    QVERIFY(m_sandbox->setFaults({{"clock_skew_s", 0}}));
    std::unique_ptr<S3Client> fresh(m_api->s3Client(t.credentials));
    fresh->setClockOffsetMs(-3600 * 1000);
    std::unique_ptr<CreateMultipartUploadJob> again(
        fresh->createMultipartUpload(t.s3Bucket, t.fileId));
    QVERIFY(startAndWait(again.get()));
    QVERIFY2(!again->error().isError(), qPrintable(again->error().toString()));
    QVERIFY(qAbs(fresh->clockOffsetMs()) < 5000);
}

void TestS3JobFaults::lostCompleteAnswer() {
    Upload u;
    QVERIFY(prepare(&u, "lost.fastq.gz"));
    QVERIFY(m_sandbox->setFaults({{"lose_completes", 1}}));
    std::unique_ptr<CompleteMultipartUploadJob> job(
        u.s3->completeMultipartUpload(u.ticket.s3Bucket, u.ticket.fileId, u.uploadId, u.parts));
    QVERIFY(startAndWait(job.get()));
    QVERIFY2(!job->error().isError(), qPrintable(job->error().toString()));
    // The copy Qt resends by itself finds the upload complete; the sandbox, like S3, answers
    // a repeated Complete with the same result (a NoSuchUpload is the next test's case).
    QVERIFY(job->wasAlreadyCompleted() || job->timesSent() >= 2);
    QCOMPARE(job->etag(), job->expectedEtag());
    QCOMPARE(ledger(u.uploadId).value("state").toString(), QStringLiteral("completed"));

    std::unique_ptr<ApiJob> import(m_api->importFileFromS3(
        u.ticket.callbackUrl, u.ticket.s3Path(u.ticket.fileId), "lost.fastq.gz"));
    QVERIFY(startAndWait(import.get()));
    QVERIFY2(!import->error().isError(), qPrintable(import->error().toString()));
}

void TestS3JobFaults::lostCompleteThenNoSuchUpload() {
    // S3 forgets a completed upload after a while: the repeated Complete then hears
    // NoSuchUpload. The sandbox keeps answering 200, so a loopback server plays that S3.
    const QList<S3Part> parts{{1, 2000, md5Hex(partData(1, 2000)), {}},
                              {2, 100, md5Hex(partData(2, 100)), {}}};
    const QString finalEtag = S3Part::multipartEtag(parts);
    int posts = 0;
    TestHttpServer server([&posts, &finalEtag](const QByteArray &head) -> QByteArray {
        if (head.startsWith("HEAD "))
            return "HTTP/1.1 200 OK\r\nETag: \"" + finalEtag.toLatin1() +
                   "\"\r\nContent-Length: 0\r\nConnection: close\r\n\r\n";
        if (++posts == 1)
            return {}; // completed, and the connection dropped without an answer
        const QByteArray body = "<Error><Code>NoSuchUpload</Code><Message>The specified upload "
                                "does not exist.</Message></Error>";
        return "HTTP/1.1 404 Not Found\r\nContent-Type: application/xml\r\nContent-Length: " +
               QByteArray::number(body.size()) + "\r\nConnection: close\r\n\r\n" + body;
    });
    QVERIFY(server.listen());
    std::unique_ptr<S3Client> s3(
        m_api->s3Client(S3Credentials("AKIASANDBOXTEST00001", "secretsecretsecretsecret00")));
    s3->setEndpoint(QUrl(QStringLiteral("http://127.0.0.1:%1").arg(server.port())));
    std::unique_ptr<CompleteMultipartUploadJob> job(
        s3->completeMultipartUpload("b", "k/x.fq", "upload-1", parts));
    QVERIFY(startAndWait(job.get()));
    QVERIFY2(!job->error().isError(), qPrintable(job->error().toString()));
    QVERIFY(job->wasAlreadyCompleted());
    QCOMPARE(job->etag(), finalEtag);
    QVERIFY(server.heads().last().startsWith("HEAD /b/k/x.fq "));

    // The object is not ours (another ETag): not "already completed" but a mismatch.
    const QList<S3Part> otherParts{{1, 2000, md5Hex(partData(3, 2000)), {}}};
    posts = 0;
    std::unique_ptr<CompleteMultipartUploadJob> other(
        s3->completeMultipartUpload("b", "k/x.fq", "upload-1", otherParts));
    QVERIFY(startAndWait(other.get()));
    QCOMPARE(other->error().kind, UploadError::Kind::IntegrityMismatch);
    QVERIFY(!other->wasAlreadyCompleted());
}

void TestS3JobFaults::completeErrorInside200() {
    Upload u;
    QVERIFY(prepare(&u, "error200.fastq.gz"));
    QVERIFY(m_sandbox->setFaults({{"complete_errors", 1}}));
    std::unique_ptr<CompleteMultipartUploadJob> job(
        u.s3->completeMultipartUpload(u.ticket.s3Bucket, u.ticket.fileId, u.uploadId, u.parts));
    QSignalSpy retrying(job.get(), &NetworkJob::retrying);
    QVERIFY(startAndWait(job.get()));
    QVERIFY2(!job->error().isError(), qPrintable(job->error().toString()));
    QCOMPARE(retrying.size(), 1);
    const auto reason = retrying.first().at(2).value<UploadError>();
    QCOMPARE(reason.httpStatus, 200);
    QVERIFY(reason.detail.contains("InternalError"));
    QVERIFY(!job->wasAlreadyCompleted());
    QCOMPARE(job->etag(), job->expectedEtag());
    QCOMPARE(ledger(u.uploadId).value("state").toString(), QStringLiteral("completed"));
}

void TestS3JobFaults::regionRedirect() {
    SandboxProcess other(
        QStringList{"--min-part-size", QString::number(MinPartSize), "--region", "eu-central-1"});
    QVERIFY2(other.start(), qPrintable(other.stderrText()));
    QNetworkAccessManager nam;
    std::unique_ptr<ApiClient> api = apiFor(&other, &nam);
    const MultipartTicket t = initSample("elsewhere.fastq.gz", api.get());
    QVERIFY(t.isValid());
    std::unique_ptr<S3Client> s3(api->s3Client(t.credentials));
    s3->setRegion("us-east-1");
    QSignalSpy regionChanged(s3.get(), &S3Client::regionChanged);
    std::unique_ptr<CreateMultipartUploadJob> job(s3->createMultipartUpload(t.s3Bucket, t.fileId));
    QVERIFY(startAndWait(job.get()));
    QVERIFY2(!job->error().isError(), qPrintable(job->error().toString()));
    QCOMPARE(job->retries(), 1);
    QCOMPARE(s3->region(), QStringLiteral("eu-central-1"));
    QCOMPARE(regionChanged.size(), 1);
    QVERIFY(!ledger(job->uploadId(), &other).isEmpty());
}

void TestS3JobFaults::importCallbackRetried() {
    Upload u;
    QVERIFY(prepare(&u, "callback.fastq.gz"));
    std::unique_ptr<CompleteMultipartUploadJob> complete(
        u.s3->completeMultipartUpload(u.ticket.s3Bucket, u.ticket.fileId, u.uploadId, u.parts));
    QVERIFY(startAndWait(complete.get()));
    QVERIFY2(!complete->error().isError(), qPrintable(complete->error().toString()));
    QVERIFY(m_sandbox->setFaults({{"fail_callbacks", 1}}));
    std::unique_ptr<ApiJob> import(m_api->importFileFromS3(
        u.ticket.callbackUrl, u.ticket.s3Path(u.ticket.fileId), "callback.fastq.gz"));
    QVERIFY(startAndWait(import.get()));
    QVERIFY2(!import->error().isError(), qPrintable(import->error().toString()));
    QCOMPARE(import->retries(), 1);
    QCOMPARE(import->json().object().value("sample_id").toString(), u.ticket.sampleId);
}

void TestS3JobFaults::expiredKeysAreAClearError() {
    // Temporary keys that expired before the upload (a queue held for days, say).
    SandboxProcess other(QStringList{"--credential-ttl", "-60"});
    QVERIFY2(other.start(), qPrintable(other.stderrText()));
    QNetworkAccessManager nam;
    std::unique_ptr<ApiClient> api = apiFor(&other, &nam);
    const MultipartTicket t = initSample("expired.fastq.gz", api.get());
    QVERIFY(t.isValid());
    std::unique_ptr<S3Client> s3(api->s3Client(t.credentials));
    std::unique_ptr<CreateMultipartUploadJob> job(s3->createMultipartUpload(t.s3Bucket, t.fileId));
    QVERIFY(startAndWait(job.get()));
    QCOMPARE(job->s3ErrorCode(), QStringLiteral("ExpiredToken"));
    QCOMPARE(job->retries(), 0);
    QCOMPARE(job->error().kind, UploadError::Kind::StorageRejected);
    QVERIFY2(job->error().message.contains("may have expired"), qPrintable(job->error().message));
}

QTEST_MAIN(TestS3JobFaults)
#include "tst_s3jobfaults.moc"
