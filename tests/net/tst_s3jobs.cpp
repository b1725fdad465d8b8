// The S3 jobs against the real sandbox: a multipart upload from init_multipart_upload to
// import_file_from_s3, ListParts page by page, abort, the ETag checks, and the keys: the
// temporary S3 secret never logged, the One Codex API key never sent to the storage host.
#include "s3jobtest.h"
#include "testhttpserver.h"
#include "util/redactor.h"

using namespace S3JobTestSupport;

class TestS3Jobs : public S3JobTest {
    Q_OBJECT

private slots:
    void ticketAndEndpoint();
    void createRecordsEncryption();
    void wholeUploadThenImport();
    void listPartsPagesItself();
    void abortThenAbortAgain();
    void damagedPartIsRefused();
    void unknownAccessKeyIsAClearError();
    void apiKeyNeverReachesTheStorageHost();
    void plainHttpOnlyToThisComputer();
};

void TestS3Jobs::ticketAndEndpoint() {
    const MultipartTicket t = initSample("big_R1.fastq.gz", nullptr, "big_R2.fastq.gz");
    QVERIFY(t.isValid());
    QCOMPARE(t.callbackUrl, QStringLiteral("/api/import_file_from_s3"));
    QCOMPARE(t.s3Bucket, QStringLiteral("seqdrop-multipart"));
    QVERIFY(!t.pairedEndFileId.isEmpty());
    QVERIFY(t.credentials.isValid());
    // The secret is registered with the Redactor as soon as the ticket is read.
    QVERIFY(
        !Redactor::redact(t.credentials.secretAccessKey).contains(t.credentials.secretAccessKey));

    S3Client *s3 = m_api->s3Client(t.credentials);
    QCOMPARE(s3->parent(), m_api.get());
    // The sandbox serves S3 on the API's own port: path-style there.
    QCOMPARE(s3->objectUrl(t.s3Bucket, t.fileId).toString(),
             m_sandbox->baseUrl().toString(QUrl::StripTrailingSlash) + "/seqdrop-multipart/" +
                 t.fileId);
    delete s3;
}

void TestS3Jobs::createRecordsEncryption() {
    const MultipartTicket t = initSample("sse.fastq.gz");
    QVERIFY(t.isValid());
    std::unique_ptr<S3Client> s3(m_api->s3Client(t.credentials));
    const QString uploadId = create(s3.get(), t);
    QVERIFY(!uploadId.isEmpty());
    const QJsonObject entry = ledger(uploadId);
    QCOMPARE(entry.value("state").toString(), QStringLiteral("open"));
    QCOMPARE(entry.value("key").toString(), t.fileId);
    QCOMPARE(entry.value("sse").toString(), QStringLiteral("AES256"));
}

void TestS3Jobs::wholeUploadThenImport() {
    const MultipartTicket t = initSample("whole.fastq.gz");
    QVERIFY(t.isValid());
    std::unique_ptr<S3Client> s3(m_api->s3Client(t.credentials));
    const QString uploadId = create(s3.get(), t);
    QVERIFY(!uploadId.isEmpty());

    QList<S3Part> parts;
    QByteArray whole;
    for (int n = 1; n <= 3; ++n) {
        const QByteArray data = partData(n, n < 3 ? 4096 : 100); // the last may be small
        std::unique_ptr<UploadPartJob> job(
            s3->uploadPart(t.s3Bucket, t.fileId, uploadId, n, data, QString()));
        QSignalSpy progress(job.get(), &UploadPartJob::progress);
        QVERIFY(startAndWait(job.get()));
        QVERIFY2(!job->error().isError(), qPrintable(job->error().toString()));
        QCOMPARE(job->etag(), md5Hex(data)); // the MD5 is computed when not given
        QCOMPARE(job->retries(), 0);
        QVERIFY(!progress.isEmpty());
        QCOMPARE(progress.last().at(1).toLongLong(), qint64(data.size()));
        parts.append({n, data.size(), job->md5Hex(), job->etag()});
        whole += data;
    }
    QCOMPARE(ledger(uploadId).value("parts").toArray().size(), 3);

    std::unique_ptr<CompleteMultipartUploadJob> complete(
        s3->completeMultipartUpload(t.s3Bucket, t.fileId, uploadId, parts));
    QCOMPARE(complete->expectedEtag(), S3Part::multipartEtag(parts));
    QVERIFY(startAndWait(complete.get()));
    QVERIFY2(!complete->error().isError(), qPrintable(complete->error().toString()));
    QCOMPARE(complete->etag(), complete->expectedEtag());
    QVERIFY(!complete->wasAlreadyCompleted());
    const QJsonObject entry = ledger(uploadId);
    QCOMPARE(entry.value("state").toString(), QStringLiteral("completed"));
    QCOMPARE(entry.value("etag").toString().remove('"'), complete->expectedEtag());

    std::unique_ptr<ApiJob> import(
        m_api->importFileFromS3(t.callbackUrl, t.s3Path(t.fileId), "whole.fastq.gz"));
    QVERIFY(startAndWait(import.get()));
    QVERIFY2(!import->error().isError(), qPrintable(import->error().toString()));
    QCOMPARE(import->json().object().value("sample_id").toString(), t.sampleId);
    QCOMPARE(m_sandbox->counts().value("import_file_from_s3").toInt(), 1);
}

void TestS3Jobs::listPartsPagesItself() {
    const MultipartTicket t = initSample("listed.fastq.gz");
    QVERIFY(t.isValid());
    std::unique_ptr<S3Client> s3(m_api->s3Client(t.credentials));
    const QString uploadId = create(s3.get(), t);
    QVERIFY(!uploadId.isEmpty());
    QList<S3Part> sent;
    for (int n : {1, 2, 3, 5, 8}) { // with gaps, as after an interrupted upload
        sent.append(upload(s3.get(), t, uploadId, n, partData(n, MinPartSize + n)));
        QCOMPARE(sent.last().number, n);
    }

    std::unique_ptr<ListPartsJob> list(s3->listParts(t.s3Bucket, t.fileId, uploadId));
    list->setMaxParts(2);
    QVERIFY(startAndWait(list.get()));
    QVERIFY2(!list->error().isError(), qPrintable(list->error().toString()));
    QCOMPARE(list->pagesRead(), 3);
    QCOMPARE(list->parts().size(), sent.size());
    for (int i = 0; i < sent.size(); ++i) {
        QCOMPARE(list->parts()[i].number, sent[i].number);
        QCOMPARE(list->parts()[i].size, sent[i].size);
        QCOMPARE(list->parts()[i].etag, sent[i].md5Hex);
    }
    QVERIFY(m_sandbox->counts().value("list_parts").toInt() >= 3);

    // One page when S3 chooses the page size.
    std::unique_ptr<ListPartsJob> all(s3->listParts(t.s3Bucket, t.fileId, uploadId));
    QVERIFY(startAndWait(all.get()));
    QCOMPARE(all->pagesRead(), 1);
    QCOMPARE(all->parts().size(), sent.size());
}

void TestS3Jobs::abortThenAbortAgain() {
    const MultipartTicket t = initSample("aborted.fastq.gz");
    QVERIFY(t.isValid());
    std::unique_ptr<S3Client> s3(m_api->s3Client(t.credentials));
    const QString uploadId = create(s3.get(), t);
    QVERIFY(!uploadId.isEmpty());
    QCOMPARE(upload(s3.get(), t, uploadId, 1, partData(1, 2000)).number, 1);
    const int openBefore = m_sandbox->counts().value("open_multipart_uploads").toInt();

    std::unique_ptr<AbortMultipartUploadJob> abort(
        s3->abortMultipartUpload(t.s3Bucket, t.fileId, uploadId));
    QVERIFY(startAndWait(abort.get()));
    QVERIFY2(!abort->error().isError(), qPrintable(abort->error().toString()));
    QVERIFY(!abort->wasAlreadyGone());
    QCOMPARE(ledger(uploadId).value("state").toString(), QStringLiteral("aborted"));
    QCOMPARE(m_sandbox->counts().value("open_multipart_uploads").toInt(), openBefore - 1);

    std::unique_ptr<AbortMultipartUploadJob> again(
        s3->abortMultipartUpload(t.s3Bucket, t.fileId, uploadId));
    QVERIFY(startAndWait(again.get()));
    QVERIFY2(!again->error().isError(), qPrintable(again->error().toString()));
    QVERIFY(again->wasAlreadyGone());
    QCOMPARE(again->s3ErrorCode(), QStringLiteral("NoSuchUpload"));

    // A part for an aborted upload is refused in words.
    std::unique_ptr<UploadPartJob> late(
        s3->uploadPart(t.s3Bucket, t.fileId, uploadId, 2, partData(2, 2000), QString()));
    QVERIFY(startAndWait(late.get()));
    QCOMPARE(late->s3ErrorCode(), QStringLiteral("NoSuchUpload"));
    QCOMPARE(late->httpStatus(), 404);
    QVERIFY(late->error().message.contains("no longer has this upload"));
}

void TestS3Jobs::damagedPartIsRefused() {
    // An MD5 that is not the bytes': S3 refuses them (BadDigest) however often they are sent.
    const MultipartTicket t = initSample("damaged.fastq.gz");
    QVERIFY(t.isValid());
    std::unique_ptr<S3Client> s3(m_api->s3Client(t.credentials));
    const QString uploadId = create(s3.get(), t);
    QVERIFY(!uploadId.isEmpty());
    std::unique_ptr<UploadPartJob> job(s3->uploadPart(
        t.s3Bucket, t.fileId, uploadId, 1, partData(1, 2000), md5Hex(partData(2, 2000))));
    QVERIFY(startAndWait(job.get()));
    QCOMPARE(job->s3ErrorCode(), QStringLiteral("BadDigest"));
    QCOMPARE(job->error().kind, UploadError::Kind::IntegrityMismatch);
    QVERIFY(job->retries() > 0); // damage on the way is worth another attempt
    QVERIFY(ledger(uploadId).value("parts").toArray().isEmpty());
}

void TestS3Jobs::unknownAccessKeyIsAClearError() {
    const MultipartTicket t = initSample("stranger.fastq.gz");
    QVERIFY(t.isValid());
    std::unique_ptr<S3Client> s3(m_api->s3Client(
        S3Credentials("AKIANOBODYKNOWSTHIS0", "notthesecretofanyone0000000000000000000000")));
    std::unique_ptr<CreateMultipartUploadJob> job(s3->createMultipartUpload(t.s3Bucket, t.fileId));
    QVERIFY(startAndWait(job.get()));
    QCOMPARE(job->s3ErrorCode(), QStringLiteral("InvalidAccessKeyId"));
    QCOMPARE(job->httpStatus(), 403);
    QCOMPARE(job->retries(), 0);
    QCOMPARE(job->error().kind, UploadError::Kind::StorageRejected);
    QVERIFY2(job->error().message.contains("did not recognise the upload key"),
             qPrintable(job->error().message));

    // The right key with a wrong secret: the signature is refused.
    std::unique_ptr<S3Client> wrong(m_api->s3Client(
        S3Credentials(t.credentials.accessKeyId, "notthesecretofanyone0000000000000000000000")));
    std::unique_ptr<CreateMultipartUploadJob> forged(
        wrong->createMultipartUpload(t.s3Bucket, t.fileId));
    QVERIFY(startAndWait(forged.get()));
    QCOMPARE(forged->s3ErrorCode(), QStringLiteral("SignatureDoesNotMatch"));
    QVERIFY(forged->error().message.contains("signature"));
}

void TestS3Jobs::apiKeyNeverReachesTheStorageHost() {
    // A storage host that records what it is sent (the sandbox would not show a stray header).
    TestHttpServer server([](const QByteArray &) {
        const QByteArray body = "<InitiateMultipartUploadResult><UploadId>u1</UploadId>"
                                "</InitiateMultipartUploadResult>";
        return "HTTP/1.1 200 OK\r\nContent-Type: application/xml\r\nContent-Length: " +
               QByteArray::number(body.size()) + "\r\nConnection: close\r\n\r\n" + body;
    });
    QVERIFY(server.listen());
    std::unique_ptr<S3Client> s3(
        m_api->s3Client(S3Credentials("AKIASANDBOXTEST00001", "secretsecretsecretsecret00")));
    s3->setEndpoint(QUrl(QStringLiteral("http://127.0.0.1:%1").arg(server.port())));
    std::unique_ptr<CreateMultipartUploadJob> job(s3->createMultipartUpload("b", "k/x.fq"));
    QVERIFY(startAndWait(job.get()));
    QVERIFY2(!job->error().isError(), qPrintable(job->error().toString()));
    QCOMPARE(job->uploadId(), QStringLiteral("u1"));
    QCOMPARE(server.heads().size(), 1);
    const QByteArray head = server.heads().first();
    QVERIFY2(!head.contains(m_sandbox->apiKey().toUtf8()), head.constData());
    QVERIFY(!head.contains("Basic "));
    QVERIFY(head.contains("Authorization: AWS4-HMAC-SHA256 Credential=AKIASANDBOXTEST00001/"));
    QVERIFY(head.contains("x-amz-server-side-encryption: AES256"));
    QVERIFY(!head.contains("secretsecretsecretsecret00"));
}

void TestS3Jobs::plainHttpOnlyToThisComputer() {
    std::unique_ptr<S3Client> s3(
        m_api->s3Client(S3Credentials("AKIASANDBOXTEST00001", "secretsecretsecretsecret00")));
    s3->setEndpoint(QUrl(QStringLiteral("http://s3.example.com")));
    std::unique_ptr<CreateMultipartUploadJob> job(s3->createMultipartUpload("b", "k"));
    QVERIFY(startAndWait(job.get()));
    QCOMPARE(job->error().kind, UploadError::Kind::InsecureUrl);
    QCOMPARE(job->timesSent(), 0);
}

QTEST_MAIN(TestS3Jobs)
#include "tst_s3jobs.moc"
