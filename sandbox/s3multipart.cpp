#include "s3multipart.h"

#include "faultplan.h"
#include "multipartstore.h"
#include "s3assembly.h"
#include "s3body.h"
#include "s3call.h"
#include "s3xml.h"
#include "sandboxstore.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <httplib.h>

#include <cstdio>
#include <cstdlib>

namespace {

using Details = QList<QPair<QString, QString>>;

QString quoted(const QString &md5) {
    return '"' + md5 + '"';
}

// bodyRead: the request's body was read already (a ContentReader must not be called twice).
void noSuchUpload(S3Call &call, const QString &uploadId, bool bodyRead = false) {
    if (!bodyRead)
        S3Body::discard(call.req, call.res, call.reader);
    S3Xml::sendError(call.res, 404, QStringLiteral("NoSuchUpload"),
                     QStringLiteral("The specified upload does not exist. The upload ID may be "
                                    "invalid, or the upload may have been aborted or completed."),
                     {{"UploadId", uploadId}});
}

QString completeLocation(const S3Call &call) {
    return QStringLiteral("http://%1/%2/%3")
        .arg(QString::fromStdString(call.req.get_header_value("Host")), call.bucket, call.key);
}

QByteArray completeResult(const QString &location, const QString &bucket, const QString &key,
                          const QString &etag) {
    return QStringLiteral("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                          "<CompleteMultipartUploadResult xmlns=\"%1\">%2</"
                          "CompleteMultipartUploadResult>")
        .arg(QLatin1String(S3Xml::Namespace),
             S3Xml::element("Location", location) + S3Xml::element("Bucket", bucket) +
                 S3Xml::element("Key", key) + S3Xml::element("ETag", etag))
        .toUtf8();
}

} // namespace

S3Multipart::S3Multipart(SandboxStore &store, MultipartStore &multipart, FaultPlan &faults,
                         qint64 minPartSize)
    : m_store(store)
    , m_multipart(multipart)
    , m_faults(faults)
    , m_minPartSize(minPartSize) {}

QString S3Multipart::sampleOfKey(const QString &key, int *read) const {
    int r = 1;
    const auto sample = m_store.sampleForKey(key, &r);
    if (read)
        *read = r;
    return sample ? sample->id : QString();
}

bool S3Multipart::storeObject(const QString &bucket, const QString &key, const QString &tempPath,
                              qint64 size, const QString &md5, const QString &etag) {
    MultipartStore::Object object{bucket, key, QString(), size, md5, etag, QString(), QString()};
    int read = 1;
    const QString sampleId = sampleOfKey(key, &read);
    if (!sampleId.isEmpty()) {
        if (!m_store.commitObject(sampleId, read, tempPath, {key, size, md5}))
            return false;
        object.path = m_store.objectsDir() + '/' + key;
    } else {
        object.path = m_multipart.bucketPath(bucket, key);
        QDir().mkpath(QFileInfo(object.path).absolutePath());
        if (std::rename(QFile::encodeName(tempPath).constData(),
                        QFile::encodeName(object.path).constData()) != 0) {
            QFile::remove(tempPath);
            return false;
        }
    }
    m_multipart.putObject(object);
    return true;
}

void S3Multipart::create(S3Call &call) {
    m_store.count(QStringLiteral("create_multipart_upload"));
    S3Body::discard(call.req, call.res, call.reader);
    const QString sse = QString::fromLatin1(call.header("x-amz-server-side-encryption"));
    if (!sse.isEmpty() && sse != QLatin1String("AES256"))
        return S3Xml::sendError(
            call.res, 400, QStringLiteral("InvalidArgument"),
            QStringLiteral("The encryption method specified is not "
                           "supported"),
            {{"ArgumentName", "x-amz-server-side-encryption"}, {"ArgumentValue", sse}});
    const QString sampleId = sampleOfKey(call.key);
    if (call.bucket == QLatin1String("seqdrop-multipart") && sampleId.isEmpty())
        return S3Xml::sendError(call.res, 403, QStringLiteral("AccessDenied"),
                                QStringLiteral("Access Denied: no sample awaits data under key "
                                               "%1")
                                    .arg(call.key));
    const MultipartStore::Upload upload = m_multipart.create(call.bucket, call.key, sse, sampleId);
    if (!sse.isEmpty())
        call.res.set_header("x-amz-server-side-encryption", sse.toStdString());
    S3Xml::sendDocument(call.res, QStringLiteral("InitiateMultipartUploadResult"),
                        S3Xml::element("Bucket", call.bucket) + S3Xml::element("Key", call.key) +
                            S3Xml::element("UploadId", upload.uploadId));
}

bool S3Multipart::openUpload(S3Call &call, QString *uploadId) {
    *uploadId = call.param("uploadId");
    const auto upload = m_multipart.upload(*uploadId);
    if (!upload || !upload->isOpen() || upload->bucket != call.bucket || upload->key != call.key) {
        noSuchUpload(call, *uploadId);
        return false;
    }
    return true;
}

void S3Multipart::uploadPart(S3Call &call) {
    m_store.count(QStringLiteral("upload_part"));
    bool numberOk = false;
    const int number = call.param("partNumber").toInt(&numberOk);
    if (!numberOk || number < 1 || number > MaxParts) {
        S3Body::discard(call.req, call.res, call.reader);
        return S3Xml::sendError(
            call.res, 400, QStringLiteral("InvalidArgument"),
            QStringLiteral("Part number must be an integer between 1 and "
                           "10000, inclusive"),
            {{"ArgumentName", "partNumber"}, {"ArgumentValue", call.param("partNumber")}});
    }
    QString uploadId;
    if (!openUpload(call, &uploadId))
        return;
    const QByteArray md5Header = call.header("Content-MD5");
    const QByteArray expectedMd5 = QByteArray::fromBase64(md5Header);
    if (!md5Header.isEmpty() && expectedMd5.size() != 16) {
        S3Body::discard(call.req, call.res, call.reader);
        return S3Xml::sendError(call.res, 400, QStringLiteral("InvalidDigest"),
                                QStringLiteral("The Content-MD5 you specified was invalid."),
                                {{"Content-MD5", QString::fromLatin1(md5Header)}});
    }

    const FaultPlan::PartVerdict fault = m_faults.takePartFault();
    if (fault.fault != FaultPlan::PartFault::None)
        m_store.count(QStringLiteral("faults_injected"));
    if (fault.fault == FaultPlan::PartFault::Fail) {
        S3Body::discard(call.req, call.res, call.reader);
        if (fault.status == 503)
            return S3Xml::sendError(call.res, 503, QStringLiteral("SlowDown"),
                                    QStringLiteral("Please reduce your request rate."));
        return S3Xml::sendError(call.res, 500, QStringLiteral("InternalError"),
                                QStringLiteral("We encountered an internal error. Please try "
                                               "again."));
    }
    S3Body::Options options = call.bodyOptions(MaxPartSize, m_multipart.tempPath());
    if (fault.fault == FaultPlan::PartFault::Cut) {
        const qint64 length = std::strtoll(call.header("Content-Length").constData(), nullptr, 10);
        options.cutAt = qMax<qint64>(0, length / 2);
    }
    options.kbps = fault.kbps;
    const S3Body::Result body = S3Body::receive(call.req, call.res, *call.reader, options);
    if (body.dropped) {
        call.res.status = 500; // nobody reads it: the connection is gone
        return;
    }
    if (!body.ok)
        return S3Xml::sendError(call.res, body.status, body.code, body.message, body.details);
    if (!md5Header.isEmpty() && body.md5 != expectedMd5) {
        QFile::remove(options.path);
        return S3Xml::sendError(call.res, 400, QStringLiteral("BadDigest"),
                                QStringLiteral("The Content-MD5 you specified did not match what "
                                               "we received."),
                                {{"ExpectedDigest", QString::fromLatin1(expectedMd5.toHex())},
                                 {"CalculatedDigest", QString::fromLatin1(body.md5.toHex())}});
    }
    MultipartStore::Part part;
    part.number = number;
    part.size = body.size;
    part.md5 = QString::fromLatin1(body.md5.toHex());
    if (!m_multipart.storePart(uploadId, part, options.path))
        return noSuchUpload(call, uploadId, true);
    const auto upload = m_multipart.upload(uploadId);
    if (upload && !upload->sampleId.isEmpty())
        m_store.countPart(upload->sampleId, body.size);
    if (upload && !upload->sse.isEmpty())
        call.res.set_header("x-amz-server-side-encryption", upload->sse.toStdString());
    call.res.set_header("ETag", quoted(part.md5).toStdString());
    call.res.status = 200;
}

void S3Multipart::listParts(S3Call &call) {
    m_store.count(QStringLiteral("list_parts"));
    QString uploadId;
    if (!openUpload(call, &uploadId))
        return;
    bool maxOk = true, markerOk = true;
    const int maxParts = call.hasParam("max-parts") ? call.param("max-parts").toInt(&maxOk) : 1000;
    const int marker =
        call.hasParam("part-number-marker") ? call.param("part-number-marker").toInt(&markerOk) : 0;
    if (!maxOk || maxParts < 0)
        return S3Xml::sendError(
            call.res, 400, QStringLiteral("InvalidArgument"),
            QStringLiteral("Provided max-parts not an integer or within "
                           "integer range"),
            {{"ArgumentName", "max-parts"}, {"ArgumentValue", call.param("max-parts")}});
    if (!markerOk || marker < 0)
        return S3Xml::sendError(call.res, 400, QStringLiteral("InvalidArgument"),
                                QStringLiteral("Provided part-number-marker not an integer or "
                                               "within integer range"),
                                {{"ArgumentName", "part-number-marker"},
                                 {"ArgumentValue", call.param("part-number-marker")}});
    const int pageSize = qMin(maxParts, 1000);
    const MultipartStore::Upload upload = *m_multipart.upload(uploadId);
    QString parts;
    int last = marker, listed = 0;
    bool truncated = false;
    for (const MultipartStore::Part &p : upload.parts) {
        if (p.number <= marker)
            continue;
        if (listed == pageSize) {
            truncated = true;
            break;
        }
        parts +=
            QStringLiteral("<Part>") + S3Xml::element("PartNumber", QString::number(p.number)) +
            S3Xml::element("LastModified", p.lastModified) + S3Xml::element("ETag", quoted(p.md5)) +
            S3Xml::element("Size", QString::number(p.size)) + QStringLiteral("</Part>");
        last = p.number;
        ++listed;
    }
    const QString owner = S3Xml::element("ID", SandboxStore::UserId) +
                          S3Xml::element("DisplayName", QStringLiteral("sandbox"));
    S3Xml::sendDocument(call.res, QStringLiteral("ListPartsResult"),
                        S3Xml::element("Bucket", call.bucket) + S3Xml::element("Key", call.key) +
                            S3Xml::element("UploadId", uploadId) + QStringLiteral("<Initiator>") +
                            owner + QStringLiteral("</Initiator><Owner>") + owner +
                            QStringLiteral("</Owner>") +
                            S3Xml::element("StorageClass", QStringLiteral("STANDARD")) +
                            S3Xml::element("PartNumberMarker", QString::number(marker)) +
                            S3Xml::element("NextPartNumberMarker", QString::number(last)) +
                            S3Xml::element("MaxParts", QString::number(pageSize)) +
                            S3Xml::element("IsTruncated", truncated ? QStringLiteral("true")
                                                                    : QStringLiteral("false")) +
                            parts);
}

void S3Multipart::complete(S3Call &call) {
    m_store.count(QStringLiteral("complete_multipart_upload"));
    const QString uploadId = call.param("uploadId");
    // 2 MiB: 10,000 parts of ~100 bytes each fit.
    const S3Body::Options options = call.bodyOptions(2 * 1024 * 1024);
    const S3Body::Result body = S3Body::receive(call.req, call.res, *call.reader, options);
    if (!body.ok)
        return S3Xml::sendError(call.res, body.status, body.code, body.message, body.details);

    const auto upload = m_multipart.upload(uploadId);
    if (!upload || upload->bucket != call.bucket || upload->key != call.key ||
        upload->state == QLatin1String("aborted"))
        return noSuchUpload(call, uploadId, true);
    QList<S3Xml::CompletedPart> parts;
    if (!S3Xml::parseCompleteRequest(body.data, &parts) || parts.isEmpty())
        return S3Xml::sendError(call.res, 400, QStringLiteral("MalformedXML"),
                                QStringLiteral("The XML you provided was not well-formed or did "
                                               "not validate against our published schema"));
    auto answer = [&](const QString &etag) {
        if (!upload->sse.isEmpty())
            call.res.set_header("x-amz-server-side-encryption", upload->sse.toStdString());
        call.res.status = 200;
        call.res.set_content(
            completeResult(completeLocation(call), call.bucket, call.key, etag).toStdString(),
            "application/xml");
    };
    if (upload->state == QLatin1String("completed")) {
        // A retried Complete (its answer was lost) gets the same answer while the parts match.
        QCryptographicHash ofParts(QCryptographicHash::Md5);
        bool same = true;
        for (const S3Xml::CompletedPart &p : parts) {
            same = same && upload->parts.value(p.number).md5 == p.etag;
            ofParts.addData(QByteArray::fromHex(p.etag.toLatin1()));
        }
        const QString etag = quoted(QString::fromLatin1(ofParts.result().toHex()) + '-' +
                                    QString::number(parts.size()));
        if (!same || etag != upload->etag)
            return noSuchUpload(call, uploadId, true);
        return answer(etag);
    }
    for (qsizetype i = 1; i < parts.size(); ++i)
        if (parts[i].number <= parts[i - 1].number)
            return S3Xml::sendError(call.res, 400, QStringLiteral("InvalidPartOrder"),
                                    QStringLiteral("The list of parts was not in ascending "
                                                   "order. The parts list must be specified in "
                                                   "order by part number."),
                                    {{"UploadId", uploadId}});
    for (const S3Xml::CompletedPart &p : parts) {
        const auto stored = upload->parts.find(p.number);
        if (stored == upload->parts.end() || stored->md5 != p.etag)
            return S3Xml::sendError(call.res, 400, QStringLiteral("InvalidPart"),
                                    QStringLiteral("One or more of the specified parts could not "
                                                   "be found.  The part may not have been "
                                                   "uploaded, or the specified entity tag may not "
                                                   "match the part's entity tag."),
                                    {{"UploadId", uploadId},
                                     {"PartNumber", QString::number(p.number)},
                                     {"ETag", p.etag}});
    }
    for (qsizetype i = 0; i + 1 < parts.size(); ++i) {
        const MultipartStore::Part &p = upload->parts[parts[i].number];
        if (p.size < m_minPartSize)
            return S3Xml::sendError(call.res, 400, QStringLiteral("EntityTooSmall"),
                                    QStringLiteral("Your proposed upload is smaller than the "
                                                   "minimum allowed size"),
                                    {{"ProposedSize", QString::number(p.size)},
                                     {"MinSizeAllowed", QString::number(m_minPartSize)},
                                     {"PartNumber", QString::number(p.number)},
                                     {"ETag", quoted(p.md5)}});
    }
    if (m_faults.takeCompleteError()) {
        // S3 can fail a Complete after answering 200: the error is in the body.
        m_store.count(QStringLiteral("faults_injected"));
        call.res.status = 200;
        call.res.set_content(S3Xml::errorDocument(QStringLiteral("InternalError"),
                                                  QStringLiteral("We encountered an internal "
                                                                 "error. Please try again."))
                                 .toStdString(),
                             "application/xml");
        return;
    }

    // Small objects are assembled before answering; a larger one is answered as S3 does: 200 at
    // once, a space every step while it is assembled, then the result or an <Error>.
    auto assembly =
        std::make_shared<S3Assembly>(m_multipart, *upload, parts, m_multipart.tempPath());
    const bool lose = m_faults.takeLoseComplete();
    if (!assembly->step(StreamCompleteAbove))
        return S3Xml::sendError(call.res, 500, QStringLiteral("InternalError"),
                                QStringLiteral("We encountered an internal error. Please try "
                                               "again."));
    if (!assembly->isDone() && !lose) {
        if (!upload->sse.isEmpty())
            call.res.set_header("x-amz-server-side-encryption", upload->sse.toStdString());
        call.res.status = 200;
        const QString location = completeLocation(call);
        const QString bucket = call.bucket, key = call.key;
        call.res.set_chunked_content_provider(
            "application/xml", [this, assembly, bucket, key, location,
                                uploadId](size_t offset, httplib::DataSink &sink) {
                static const std::string declaration =
                    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
                if (offset == 0)
                    return sink.write(declaration.data(), declaration.size());
                QString code, message;
                if (!assembly->isDone()) {
                    if (assembly->step(StreamCompleteAbove))
                        return sink.write(" ", 1);
                    code = QStringLiteral("InternalError");
                    message = QStringLiteral("We encountered an internal error. Please try again.");
                } else {
                    finish(*assembly, bucket, key, uploadId, &code, &message);
                }
                // The declaration went first: the document follows without its own.
                QByteArray body = code.isEmpty()
                                      ? completeResult(location, bucket, key, assembly->etag())
                                      : S3Xml::errorDocument(code, message);
                body = body.mid(body.indexOf('\n') + 1);
                const bool written = sink.write(body.constData(), size_t(body.size()));
                sink.done();
                return written;
            });
        return;
    }
    QString code, message;
    while (!assembly->isDone())
        if (!assembly->step(StreamCompleteAbove)) {
            code = QStringLiteral("InternalError");
            message = QStringLiteral("We encountered an internal error. Please try again.");
            break;
        }
    if (code.isEmpty() && !finish(*assembly, call.bucket, call.key, uploadId, &code, &message) &&
        code == QLatin1String("NoSuchUpload"))
        return noSuchUpload(call, uploadId, true);
    if (!code.isEmpty())
        return S3Xml::sendError(call.res, code == QLatin1String("AccessDenied") ? 403 : 500, code,
                                message);
    if (lose) {
        // Completed, and the client never hears of it.
        m_store.count(QStringLiteral("faults_injected"));
        S3Body::dropConnection(call.req);
        call.res.status = 500;
        return;
    }
    answer(assembly->etag());
}

bool S3Multipart::finish(S3Assembly &assembly, const QString &bucket, const QString &key,
                         const QString &uploadId, QString *code, QString *message) {
    if (!storeObject(bucket, key, assembly.target(), assembly.size(), assembly.md5(),
                     assembly.etag())) {
        m_multipart.abort(uploadId);
        *code = QStringLiteral("AccessDenied");
        *message = QStringLiteral("Access Denied: the sample no longer awaits data");
        return false;
    }
    assembly.taken();
    if (!m_multipart.complete(uploadId, assembly.etag())) {
        *code = QStringLiteral("NoSuchUpload");
        *message = QStringLiteral("The specified upload does not exist.");
        return false;
    }
    return true;
}

void S3Multipart::abort(S3Call &call) {
    m_store.count(QStringLiteral("abort_multipart_upload"));
    const QString uploadId = call.param("uploadId");
    const auto upload = m_multipart.upload(uploadId);
    if (!upload || upload->bucket != call.bucket || upload->key != call.key ||
        !m_multipart.abort(uploadId))
        return noSuchUpload(call, uploadId);
    call.res.status = 204;
}

void S3Multipart::listUploads(S3Call &call) {
    m_store.count(QStringLiteral("list_multipart_uploads"));
    const QString prefix = call.param("prefix");
    const QString keyMarker = call.param("key-marker");
    bool ok = true;
    const int maxUploads =
        call.hasParam("max-uploads") ? qBound(0, call.param("max-uploads").toInt(&ok), 1000) : 1000;
    QString uploads, lastKey, lastId;
    int listed = 0;
    bool truncated = false;
    for (const MultipartStore::Upload &u : m_multipart.openUploads(call.bucket, prefix)) {
        if (!keyMarker.isEmpty() && u.key <= keyMarker)
            continue;
        if (listed == maxUploads) {
            truncated = true;
            break;
        }
        uploads += QStringLiteral("<Upload>") + S3Xml::element("Key", u.key) +
                   S3Xml::element("UploadId", u.uploadId) +
                   S3Xml::element("Initiated", u.initiated) +
                   S3Xml::element("StorageClass", QStringLiteral("STANDARD")) +
                   QStringLiteral("</Upload>");
        lastKey = u.key;
        lastId = u.uploadId;
        ++listed;
    }
    S3Xml::sendDocument(call.res, QStringLiteral("ListMultipartUploadsResult"),
                        S3Xml::element("Bucket", call.bucket) +
                            S3Xml::element("KeyMarker", keyMarker) +
                            S3Xml::element("UploadIdMarker", QString()) +
                            S3Xml::element("NextKeyMarker", truncated ? lastKey : QString()) +
                            S3Xml::element("NextUploadIdMarker", truncated ? lastId : QString()) +
                            S3Xml::element("Prefix", prefix) +
                            S3Xml::element("MaxUploads", QString::number(maxUploads)) +
                            S3Xml::element("IsTruncated", truncated ? QStringLiteral("true")
                                                                    : QStringLiteral("false")) +
                            uploads);
}
