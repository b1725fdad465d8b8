#include "multipartapi.h"

#include "faultplan.h"
#include "initupload.h"
#include "jsontext.h"
#include "multipartstore.h"
#include "s3endpoint.h"
#include "sandboxstore.h"

#include <QDateTime>
#include <QJsonArray>
#include <QRegularExpression>
#include <httplib.h>

namespace {

void sendJson(httplib::Response &res, int status, const QJsonValue &value) {
    res.status = status;
    res.set_content(JsonText::encode(value).toStdString(), "application/json");
}

void sendError(httplib::Response &res, int status, const QString &message) {
    sendJson(res, status, QJsonObject{{"message", message}, {"status", status}});
}

} // namespace

MultipartApi::MultipartApi(SandboxStore &store, MultipartStore &multipart, FaultPlan &faults,
                           int credentialTtl)
    : m_store(store)
    , m_multipart(multipart)
    , m_faults(faults)
    , m_credentialTtl(credentialTtl) {}

void MultipartApi::initMultipartUpload(const QJsonObject &body, httplib::Response &res) {
    // The same rules as init_upload, on the official client's shapes: no size (a multipart
    // sample's size is what arrives), project as a bare id, tags as names or {"name"}.
    QJsonObject normalized = body;
    normalized.insert("size", 1); // ignored: not a field of this call
    const QJsonValue project = body.value("project");
    static const QRegularExpression bareId(QStringLiteral("^[0-9a-f]{16}$"));
    if (project.isString()) {
        if (!bareId.match(project.toString()).hasMatch())
            return sendError(res, 400, QStringLiteral("project must be a project id"));
        normalized.insert("project",
                          QJsonObject{{"$ref", "/api/v1/projects/" + project.toString()}});
    }
    if (body.value("tags").isArray()) {
        QJsonArray tags;
        for (const QJsonValue &t : body.value("tags").toArray())
            tags.append(t.isString() ? QJsonValue(QJsonObject{{"name", t}}) : t);
        normalized.insert("tags", tags);
    }
    InitUpload::Parsed parsed;
    const QString error = InitUpload::parse(normalized, m_store, &parsed);
    if (!error.isEmpty())
        return sendError(res, 400, error);
    parsed.sample.size = 0;
    parsed.sample.route = QStringLiteral("multipart");
    const SandboxStore::Sample sample = m_store.createSample(parsed.sample, parsed.tagNames);

    const QString expires =
        QDateTime::currentDateTimeUtc().addSecs(m_credentialTtl).toString(Qt::ISODate);
    const MultipartStore::Credentials keys = m_multipart.issueCredentials(sample.id, expires);
    const QString fileId = sample.keyPrefix() + sample.filename;
    const QJsonValue pairedId =
        sample.isPair() ? QJsonValue(sample.r2Prefix() + sample.pairedFilename) : QJsonValue();
    OrderedJsonObject answer;
    answer.add("callback_url", QString::fromLatin1(CallbackPath))
        .add("file_id", fileId)
        .add("paired_end_file_id", pairedId)
        .add("s3_bucket", QString::fromLatin1(S3Endpoint::MultipartBucket))
        .add("sample_id", sample.id)
        .add("upload_aws_access_key_id", keys.accessKeyId)
        .add("upload_aws_secret_access_key", keys.secretAccessKey);
    res.status = 200;
    res.set_content(answer.toJson().toStdString(), "application/json");
}

void MultipartApi::importFileFromS3(const QJsonObject &body, httplib::Response &res) {
    if (m_faults.takeFailCallback()) {
        m_store.count(QStringLiteral("faults_injected"));
        return sendError(res, 500, QStringLiteral("Internal server error"));
    }
    const QString path = body.value("s3_path").toString();
    const QString prefix = QStringLiteral("s3://") + S3Endpoint::MultipartBucket + '/';
    if (!path.startsWith(prefix) || path.size() == prefix.size())
        return sendError(res, 400,
                         QStringLiteral("s3_path must be s3://%1/<file_id>")
                             .arg(QLatin1String(S3Endpoint::MultipartBucket)));
    if (!body.value("filename").isString() || body.value("filename").toString().isEmpty())
        return sendError(res, 400, QStringLiteral("filename is required"));
    QString sampleId, message;
    switch (m_store.importObject(path.mid(prefix.size()), &sampleId, &message)) {
    case SandboxStore::Outcome::NotFound:
        return sendError(res, 404, message);
    case SandboxStore::Outcome::Invalid:
        return sendError(res, 400, message);
    case SandboxStore::Outcome::Ok:
        break;
    }
    sendJson(res, 200, QJsonObject{{"sample_id", sampleId}});
}
