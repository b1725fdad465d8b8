#pragma once

// What the S3 job tests share: a real seqdrop-sandbox (S3 on its API port, parts from 1 KiB),
// the app's own ApiClient with short retry delays, a sample from init_multipart_upload and an
// S3Client with its temporary keys, and the sandbox's multipart ledger.
#include "net/abortmultipartuploadjob.h"
#include "net/apiclient.h"
#include "net/completemultipartuploadjob.h"
#include "net/createmultipartuploadjob.h"
#include "net/listpartsjob.h"
#include "net/multipartticket.h"
#include "net/s3client.h"
#include "net/uploadpartjob.h"
#include "sandboxprocess.h"
#include "testwait.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QNetworkAccessManager>
#include <QtTest>

#include <memory>

namespace S3JobTestSupport {

using namespace SeqDrop;

constexpr int MinPartSize = 1024;

inline QString md5Hex(const QByteArray &data) {
    return QString::fromLatin1(QCryptographicHash::hash(data, QCryptographicHash::Md5).toHex());
}

// Distinct, reproducible bytes for part `n`.
inline QByteArray partData(int n, int size) {
    QByteArray data(size, Qt::Uninitialized);
    for (int i = 0; i < size; ++i)
        data[i] = char((i * 31 + n * 7) & 0xff);
    return data;
}

// One sandbox for the whole test case, started before its first test: derive.
class S3JobTest : public QObject {
    Q_OBJECT

protected:
    std::unique_ptr<SandboxProcess> m_sandbox;
    std::unique_ptr<QNetworkAccessManager> m_nam;
    std::unique_ptr<ApiClient> m_api;

    static TransferSettings fastSettings() {
        TransferSettings s;
        s.apiRetry = RetryPolicy(3, 20, 100);
        s.uploadRetry = RetryPolicy(3, 20, 100);
        s.apiTimeoutMs = 20000;
        s.stallTimeoutMs = 20000;
        s.awaitingAnswerTimeoutMs = 20000;
        return s;
    }

    // An ApiClient on `sandbox`, like the app's, with short retry delays.
    static std::unique_ptr<ApiClient> apiFor(SandboxProcess *sandbox, QNetworkAccessManager *nam) {
        auto api = std::make_unique<ApiClient>(nam);
        api->setBaseUrl(sandbox->baseUrl());
        api->setApiKey(sandbox->apiKey());
        api->setTransferSettings(fastSettings());
        return api;
    }

    // A sample from init_multipart_upload (QVERIFY inside: call through QVERIFY(ok)).
    MultipartTicket initSample(const QString &filename, ApiClient *api = nullptr,
                               const QString &pairedEnd = {}) {
        ApiClient *client = api ? api : m_api.get();
        QJsonObject body{{"filename", filename}};
        if (!pairedEnd.isEmpty())
            body.insert("paired_end_filename", pairedEnd);
        std::unique_ptr<ApiJob> job(client->initMultipartUpload(body));
        if (!startAndWait(job.get()) || job->error().isError()) {
            qWarning() << "init_multipart_upload failed:" << job->error().toString();
            return {};
        }
        QString error;
        const MultipartTicket ticket = MultipartTicket::parse(job->json().object(), &error);
        if (!error.isEmpty())
            qWarning() << error;
        return ticket;
    }

    // The sandbox ledger's entry of one upload (empty when unknown).
    QJsonObject ledger(const QString &uploadId, SandboxProcess *sandbox = nullptr) {
        SandboxProcess &sb = sandbox ? *sandbox : *m_sandbox;
        for (const QJsonValue &v : sb.state().value("multipart").toArray())
            if (v.toObject().value("upload_id").toString() == uploadId)
                return v.toObject();
        return {};
    }

    // Creates an upload for the ticket's first file; empty id on failure.
    QString create(S3Client *s3, const MultipartTicket &t) {
        std::unique_ptr<CreateMultipartUploadJob> job(
            s3->createMultipartUpload(t.s3Bucket, t.fileId));
        if (!startAndWait(job.get()) || job->error().isError()) {
            qWarning() << "create failed:" << job->error().toString();
            return {};
        }
        return job->uploadId();
    }

    // Uploads part `n` and returns it as Complete wants it (number 0 on failure).
    S3Part upload(S3Client *s3, const MultipartTicket &t, const QString &uploadId, int n,
                  const QByteArray &data) {
        std::unique_ptr<UploadPartJob> job(
            s3->uploadPart(t.s3Bucket, t.fileId, uploadId, n, data, md5Hex(data)));
        if (!startAndWait(job.get()) || job->error().isError()) {
            qWarning() << "part" << n << "failed:" << job->error().toString();
            return {};
        }
        return S3Part{n, data.size(), job->md5Hex(), job->etag()};
    }

private slots:
    void initTestCase() {
        m_sandbox = std::make_unique<SandboxProcess>(
            QStringList{"--min-part-size", QString::number(MinPartSize)});
        QVERIFY2(m_sandbox->start(), qPrintable(m_sandbox->stderrText()));
        m_nam = std::make_unique<QNetworkAccessManager>();
        m_api = apiFor(m_sandbox.get(), m_nam.get());
    }
    void init() {
        // Faults merge into the plan: each test starts with the S3 ones off.
        QVERIFY(m_sandbox->setFaults(QJsonObject{{"fail_parts", 0},
                                                 {"cut_parts", 0},
                                                 {"lose_completes", 0},
                                                 {"complete_errors", 0},
                                                 {"clock_skew_s", 0},
                                                 {"fail_callbacks", 0}}));
    }
    void cleanupTestCase() {
        m_api.reset();
        m_nam.reset();
        m_sandbox.reset();
    }
};

} // namespace S3JobTestSupport
