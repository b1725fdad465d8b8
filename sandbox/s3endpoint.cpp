#include "s3endpoint.h"

#include "faultplan.h"
#include "multipartstore.h"
#include "s3body.h"
#include "s3call.h"
#include "s3multipart.h"
#include "s3xml.h"
#include "sandboxstore.h"

#include <QFile>
#include <QLocale>
#include <QSet>
#include <httplib.h>

namespace {

// Every path but the API's, the control routes', the form upload's and the validating proxy's:
// /<bucket>[/<key>]. (httplib tries routes with a content reader first, so the POST route here
// would take the proxy's plain POST routes if it did not leave them out.)
constexpr const char *kRoute = R"(/(?!(?:api|_sandbox|s3|proxy)(?:/|$))([^/]+)/?(.*))";
constexpr qint64 kMaxObjectSize = 5LL * 1024 * 1024 * 1024;

QString httpDate(const QDateTime &t) {
    return QLocale::c().toString(t.toUTC(), QStringLiteral("ddd, dd MMM yyyy HH:mm:ss 'GMT'"));
}

QString isoDate(const QString &stored) {
    return stored.isEmpty() ? QStringLiteral("2026-01-01T00:00:00.000Z") : stored;
}

void methodNotAllowed(S3Call &call) {
    S3Body::discard(call.req, call.res, call.reader);
    S3Xml::sendError(call.res, 405, QStringLiteral("MethodNotAllowed"),
                     QStringLiteral("The specified method is not allowed against this resource."),
                     {{"Method", QString::fromStdString(call.req.method)},
                      {"ResourceType",
                       call.key.isEmpty() ? QStringLiteral("BUCKET") : QStringLiteral("OBJECT")}});
}

} // namespace

S3Endpoint::S3Endpoint(SandboxStore &store, MultipartStore &multipart, FaultPlan &faults,
                       const Options &options)
    : m_store(store)
    , m_multipart(multipart)
    , m_faults(faults)
    , m_options(options)
    , m_verifier(options.region)
    , m_operations(std::make_unique<S3Multipart>(store, multipart, faults, options.minPartSize)) {}

S3Endpoint::~S3Endpoint() = default;

void S3Endpoint::install(httplib::Server &http) {
    auto plain = [this](const httplib::Request &req, httplib::Response &res) {
        handle(req, res, nullptr);
    };
    auto withBody = [this](const httplib::Request &req, httplib::Response &res,
                           const httplib::ContentReader &reader) { handle(req, res, &reader); };
    http.Get(kRoute, plain); // and HEAD: httplib routes HEAD to the GET handlers
    http.Delete(kRoute, plain);
    http.Put(kRoute, withBody);
    http.Post(kRoute, withBody);
}

QDateTime S3Endpoint::now() const {
    return QDateTime::currentDateTimeUtc().addSecs(m_faults.clockSkewSeconds());
}

void S3Endpoint::handle(const httplib::Request &req, httplib::Response &res,
                        const httplib::ContentReader *reader) {
    m_store.count(QStringLiteral("s3_requests"));
    S3Call call{req,
                res,
                reader,
                QString::fromStdString(req.matches[1]),
                QString::fromStdString(req.matches[2]),
                now(),
                {}};
    res.set_header("Date", httpDate(call.now).toStdString());
    res.set_header("x-amz-request-id", S3Xml::requestId().toStdString());
    res.set_header("Server", "SeqDropSandboxS3");
    if (call.bucket != QLatin1String(MultipartBucket) && call.bucket != QLatin1String(TestBucket)) {
        S3Body::discard(req, res, reader);
        return S3Xml::sendError(res, 404, QStringLiteral("NoSuchBucket"),
                                QStringLiteral("The specified bucket does not exist"),
                                {{"BucketName", call.bucket}});
    }
    if (!authenticate(call))
        return;
    // Keys become file paths under DATA: no segment may lead out of the bucket's folder.
    for (const QString &segment : call.key.split('/')) {
        if (segment == QLatin1String(".") || segment == QLatin1String("..")) {
            S3Body::discard(req, res, reader);
            return S3Xml::sendError(res, 400, QStringLiteral("InvalidArgument"),
                                    QStringLiteral("The sandbox stores keys as files: '.' and "
                                                   "'..' segments are not allowed."),
                                    {{"ArgumentName", "key"}, {"ArgumentValue", call.key}});
        }
    }
    route(call);
}

bool S3Endpoint::authenticate(S3Call &call) {
    SigV4Verifier::Request request;
    request.method = QByteArray::fromStdString(call.req.method);
    request.path = QByteArray::fromStdString(call.req.path);
    for (const auto &p : call.req.params)
        request.query.append(
            {QByteArray::fromStdString(p.first), QByteArray::fromStdString(p.second)});
    for (const auto &h : call.req.headers)
        request.headers.append(
            {QByteArray::fromStdString(h.first), QByteArray::fromStdString(h.second)});
    call.auth = m_verifier.verify(request, call.now, [this](const QString &accessKeyId) {
        std::optional<SigV4Verifier::Secret> secret;
        if (accessKeyId == QLatin1String(TestAccessKeyId)) {
            secret = SigV4Verifier::Secret{TestSecretAccessKey, QDateTime(), QString()};
        } else if (const auto c = m_multipart.credentials(accessKeyId)) {
            secret =
                SigV4Verifier::Secret{c->secretAccessKey.toLatin1(),
                                      QDateTime::fromString(c->expires, Qt::ISODate), c->sampleId};
        }
        return secret;
    });
    if (!call.auth.ok) {
        m_store.count(QStringLiteral("s3_auth_failures"));
        S3Body::discard(call.req, call.res, call.reader);
        // As S3 does: the right region in a header too, for clients that follow it.
        if (call.auth.code == QLatin1String("AuthorizationHeaderMalformed") &&
            !call.auth.details.isEmpty() &&
            call.auth.details.first().first == QLatin1String("Region"))
            call.res.set_header("x-amz-bucket-region", m_options.region.toStdString());
        S3Xml::sendError(call.res, call.auth.status, call.auth.code, call.auth.message,
                         call.auth.details);
        return false;
    }
    // Which payload signing each client uses (awscli and s3cmd over http: the body's hash).
    const QByteArray hash = call.auth.payloadHash;
    m_store.count(hash == SigV4Verifier::StreamingPayload  ? QStringLiteral("s3_payload_streaming")
                  : hash == SigV4Verifier::UnsignedPayload ? QStringLiteral("s3_payload_unsigned")
                                                           : QStringLiteral("s3_payload_sha256"));
    // Temporary keys write only their own sample's objects, as One Codex's upload keys do.
    const QString sampleId = call.auth.secret.sampleId;
    const QString prefix =
        QStringLiteral("user_%1/file_%2/").arg(QLatin1String(SandboxStore::UserId), sampleId);
    if (!sampleId.isEmpty() &&
        (call.bucket != QLatin1String(MultipartBucket) || !call.key.startsWith(prefix))) {
        S3Body::discard(call.req, call.res, call.reader);
        S3Xml::sendError(call.res, 403, QStringLiteral("AccessDenied"),
                         QStringLiteral("Access Denied"));
        return false;
    }
    return true;
}

void S3Endpoint::route(S3Call &call) {
    const std::string &method = call.req.method;
    const bool read = method == "GET" || method == "HEAD";
    if (call.key.isEmpty()) {
        if (read && call.hasParam("location")) {
            const QString region =
                m_options.region == QLatin1String("us-east-1") ? QString() : m_options.region;
            return S3Xml::sendDocument(call.res, QStringLiteral("LocationConstraint"),
                                       S3Xml::escape(region));
        }
        if (method == "HEAD") {
            call.res.set_header("x-amz-bucket-region", m_options.region.toStdString());
            call.res.status = 200;
            return;
        }
        if (method == "GET" && call.hasParam("uploads"))
            return m_operations->listUploads(call);
        if (method == "GET")
            return listObjects(call);
        if (method == "PUT") {
            S3Body::discard(call.req, call.res, call.reader);
            return S3Xml::sendError(call.res, 409, QStringLiteral("BucketAlreadyOwnedByYou"),
                                    QStringLiteral("Your previous request to create the named "
                                                   "bucket succeeded and you already own it."),
                                    {{"BucketName", call.bucket}});
        }
        return methodNotAllowed(call);
    }
    const bool upload = call.hasParam("uploadId");
    if (method == "POST" && call.hasParam("uploads"))
        return m_operations->create(call);
    if (method == "POST" && upload)
        return m_operations->complete(call);
    if (method == "PUT" && upload)
        return m_operations->uploadPart(call);
    if (method == "PUT")
        return putObject(call);
    if (method == "GET" && upload)
        return m_operations->listParts(call);
    if (read)
        return getObject(call);
    if (method == "DELETE" && upload)
        return m_operations->abort(call);
    if (method == "DELETE")
        return deleteObject(call);
    methodNotAllowed(call);
}

void S3Endpoint::putObject(S3Call &call) {
    m_store.count(QStringLiteral("put_object"));
    if (call.req.has_header("x-amz-copy-source")) {
        S3Body::discard(call.req, call.res, call.reader);
        return S3Xml::sendError(call.res, 501, QStringLiteral("NotImplemented"),
                                QStringLiteral("The sandbox does not copy objects."));
    }
    const QByteArray md5Header = call.header("Content-MD5");
    const QByteArray expectedMd5 = QByteArray::fromBase64(md5Header);
    if (!md5Header.isEmpty() && expectedMd5.size() != 16) {
        S3Body::discard(call.req, call.res, call.reader);
        return S3Xml::sendError(call.res, 400, QStringLiteral("InvalidDigest"),
                                QStringLiteral("The Content-MD5 you specified was invalid."));
    }
    if (call.bucket == QLatin1String(MultipartBucket) &&
        m_operations->sampleOfKey(call.key).isEmpty()) {
        S3Body::discard(call.req, call.res, call.reader);
        return S3Xml::sendError(call.res, 403, QStringLiteral("AccessDenied"),
                                QStringLiteral("Access Denied: no sample awaits data under key "
                                               "%1")
                                    .arg(call.key));
    }
    const S3Body::Options options = call.bodyOptions(kMaxObjectSize, m_multipart.tempPath());
    const S3Body::Result body = S3Body::receive(call.req, call.res, *call.reader, options);
    if (!body.ok)
        return S3Xml::sendError(call.res, body.status, body.code, body.message, body.details);
    if (!md5Header.isEmpty() && body.md5 != expectedMd5) {
        QFile::remove(options.path);
        return S3Xml::sendError(call.res, 400, QStringLiteral("BadDigest"),
                                QStringLiteral("The Content-MD5 you specified did not match what "
                                               "we received."));
    }
    const QString md5 = QString::fromLatin1(body.md5.toHex());
    const QString etag = '"' + md5 + '"';
    if (!m_operations->storeObject(call.bucket, call.key, options.path, body.size, md5, etag))
        return S3Xml::sendError(call.res, 403, QStringLiteral("AccessDenied"),
                                QStringLiteral("Access Denied: the sample no longer awaits data"));
    const QByteArray sse = call.header("x-amz-server-side-encryption");
    if (!sse.isEmpty())
        call.res.set_header("x-amz-server-side-encryption", sse.toStdString());
    call.res.set_header("ETag", etag.toStdString());
    call.res.status = 200;
}

void S3Endpoint::getObject(S3Call &call) {
    m_store.count(QStringLiteral("get_object"));
    const auto object = m_multipart.object(call.bucket, call.key);
    if (!object)
        return S3Xml::sendError(call.res, 404, QStringLiteral("NoSuchKey"),
                                QStringLiteral("The specified key does not exist."),
                                {{"Key", call.key}});
    httplib::Response &res = call.res;
    res.set_header("ETag", object->etag.toStdString());
    res.set_header(
        "Last-Modified",
        httpDate(QDateTime::fromString(object->lastModified, Qt::ISODateWithMs)).toStdString());
    res.set_header("Accept-Ranges", "bytes");
    const std::string type =
        object->contentType.isEmpty() ? "binary/octet-stream" : object->contentType.toStdString();
    if (object->size == 0) {
        res.set_content("", type);
        return;
    }
    auto file = std::make_shared<QFile>(object->path);
    if (!file->open(QIODevice::ReadOnly))
        return S3Xml::sendError(res, 500, QStringLiteral("InternalError"),
                                QStringLiteral("We encountered an internal error."));
    // Streamed from disk in 1 MiB pieces; httplib applies a Range header itself.
    res.set_content_provider(
        size_t(object->size), type, [file](size_t offset, size_t length, httplib::DataSink &sink) {
            QByteArray buffer(qsizetype(qMin<size_t>(length, 1 << 20)), Qt::Uninitialized);
            if (!file->seek(qint64(offset)))
                return false;
            const qint64 n = file->read(buffer.data(), buffer.size());
            if (n <= 0)
                return false;
            sink.write(buffer.constData(), size_t(n));
            return true;
        });
}

void S3Endpoint::deleteObject(S3Call &call) {
    m_store.count(QStringLiteral("delete_object"));
    // Objects of samples belong to their sample (cancel_upload removes them); only the test
    // bucket's own objects go.
    if (call.bucket == QLatin1String(TestBucket))
        m_multipart.removeObject(call.bucket, call.key);
    call.res.status = 204;
}

void S3Endpoint::listObjects(S3Call &call) {
    m_store.count(QStringLiteral("list_objects"));
    const bool v2 = call.param("list-type") == QLatin1String("2");
    const QString prefix = call.param("prefix");
    const QString delimiter = call.param("delimiter");
    const QString after =
        v2 ? (call.hasParam("continuation-token") ? call.param("continuation-token")
                                                  : call.param("start-after"))
           : call.param("marker");
    bool ok = true;
    const int maxKeys =
        call.hasParam("max-keys") ? qBound(0, call.param("max-keys").toInt(&ok), 1000) : 1000;
    QString contents, prefixes, last;
    QSet<QString> seenPrefixes;
    int listed = 0;
    bool truncated = false;
    for (const MultipartStore::Object &o : m_multipart.objects(call.bucket, prefix)) {
        if (!after.isEmpty() && o.key <= after)
            continue;
        if (listed == maxKeys) {
            truncated = true;
            break;
        }
        const qsizetype cut = delimiter.isEmpty() ? -1 : o.key.indexOf(delimiter, prefix.size());
        if (cut >= 0) {
            const QString common = o.key.left(cut + delimiter.size());
            if (!seenPrefixes.contains(common)) {
                seenPrefixes.insert(common);
                prefixes += QStringLiteral("<CommonPrefixes>") + S3Xml::element("Prefix", common) +
                            QStringLiteral("</CommonPrefixes>");
                ++listed;
            }
        } else {
            contents += QStringLiteral("<Contents>") + S3Xml::element("Key", o.key) +
                        S3Xml::element("LastModified", isoDate(o.lastModified)) +
                        S3Xml::element("ETag", o.etag) +
                        S3Xml::element("Size", QString::number(o.size)) +
                        S3Xml::element("StorageClass", QStringLiteral("STANDARD")) +
                        QStringLiteral("</Contents>");
            ++listed;
        }
        last = o.key;
    }
    QString head =
        S3Xml::element("Name", call.bucket) + S3Xml::element("Prefix", prefix) +
        S3Xml::element("MaxKeys", QString::number(maxKeys)) +
        S3Xml::element("IsTruncated", truncated ? QStringLiteral("true") : QStringLiteral("false"));
    if (!delimiter.isEmpty())
        head += S3Xml::element("Delimiter", delimiter);
    if (v2) {
        head += S3Xml::element("KeyCount", QString::number(listed));
        if (truncated)
            head += S3Xml::element("NextContinuationToken", last);
    } else {
        head += S3Xml::element("Marker", after);
        if (truncated)
            head += S3Xml::element("NextMarker", last);
    }
    S3Xml::sendDocument(call.res, QStringLiteral("ListBucketResult"), head + contents + prefixes);
}
