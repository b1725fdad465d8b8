#include "multipartstore.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QRandomGenerator>
#include <QSaveFile>
#include <algorithm>
#include <cstdio>

namespace {

QString nowText() {
    return QDateTime::currentDateTimeUtc().toString(QStringLiteral("yyyy-MM-dd'T'HH:mm:ss.zzz'Z'"));
}

QString randomHex(int words) {
    QString out;
    for (int i = 0; i < words; ++i)
        out += QStringLiteral("%1").arg(QRandomGenerator::global()->generate64(), 16, 16,
                                        QLatin1Char('0'));
    return out;
}

QString randomFrom(const char *alphabet, int length) {
    const int n = int(qstrlen(alphabet));
    QString out;
    for (int i = 0; i < length; ++i)
        out += QLatin1Char(alphabet[QRandomGenerator::global()->bounded(n)]);
    return out;
}

QJsonObject partJson(const MultipartStore::Part &p) {
    return QJsonObject{{"number", p.number},
                       {"size", double(p.size)},
                       {"md5", p.md5},
                       {"times_received", p.timesReceived},
                       {"last_modified", p.lastModified}};
}

QJsonObject uploadJson(const MultipartStore::Upload &u) {
    QJsonArray parts;
    qint64 bytes = 0;
    for (const MultipartStore::Part &p : u.parts) {
        parts.append(partJson(p));
        bytes += p.size;
    }
    return QJsonObject{{"bucket", u.bucket},
                       {"key", u.key},
                       {"upload_id", u.uploadId},
                       {"state", u.state},
                       {"sse", u.sse},
                       {"initiated", u.initiated},
                       {"sample_id", u.sampleId},
                       {"etag", u.etag},
                       {"parts", parts},
                       {"parts_bytes", double(bytes)}};
}

QJsonObject objectJson(const MultipartStore::Object &o) {
    return QJsonObject{{"bucket", o.bucket},
                       {"key", o.key},
                       {"path", o.path},
                       {"size", double(o.size)},
                       {"md5", o.md5},
                       {"etag", o.etag},
                       {"last_modified", o.lastModified},
                       {"content_type", o.contentType}};
}

} // namespace

MultipartStore::MultipartStore(const QString &dataDir)
    : m_dataDir(QDir(dataDir).absolutePath()) {
    QDir().mkpath(m_dataDir + QStringLiteral("/multipart"));
    QDir().mkpath(m_dataDir + QStringLiteral("/tmp"));
    std::lock_guard<std::mutex> lock(m_mutex);
    loadLocked();
}

QString MultipartStore::tempPath() const {
    return m_dataDir + QStringLiteral("/tmp/s3-%1.part").arg(randomHex(1));
}

QString MultipartStore::partPath(const QString &uploadId, int number) const {
    return m_dataDir + QStringLiteral("/multipart/%1/%2").arg(uploadId).arg(number);
}

QString MultipartStore::bucketPath(const QString &bucket, const QString &key) const {
    return m_dataDir + QStringLiteral("/buckets/") + bucket + '/' + key;
}

MultipartStore::Upload MultipartStore::create(const QString &bucket, const QString &key,
                                              const QString &sse, const QString &sampleId) {
    std::lock_guard<std::mutex> lock(m_mutex);
    Upload u;
    u.bucket = bucket;
    u.key = key;
    u.sse = sse;
    u.sampleId = sampleId;
    u.state = QStringLiteral("open");
    u.initiated = nowText();
    do {
        u.uploadId = randomHex(2);
    } while (m_uploads.contains(u.uploadId));
    m_uploads.insert(u.uploadId, u);
    QDir().mkpath(m_dataDir + QStringLiteral("/multipart/") + u.uploadId);
    saveLocked();
    return u;
}

std::optional<MultipartStore::Upload> MultipartStore::upload(const QString &uploadId) const {
    std::lock_guard<std::mutex> lock(m_mutex);
    auto it = m_uploads.find(uploadId);
    if (it == m_uploads.end())
        return std::nullopt;
    return *it;
}

QList<MultipartStore::Upload> MultipartStore::openUploads(const QString &bucket,
                                                          const QString &prefix) const {
    std::lock_guard<std::mutex> lock(m_mutex);
    QList<Upload> out;
    for (const Upload &u : m_uploads)
        if (u.isOpen() && u.bucket == bucket && u.key.startsWith(prefix))
            out << u;
    std::sort(out.begin(), out.end(), [](const Upload &a, const Upload &b) {
        return a.key != b.key ? a.key < b.key : a.initiated < b.initiated;
    });
    return out;
}

bool MultipartStore::storePart(const QString &uploadId, const Part &part, const QString &tempPath) {
    std::lock_guard<std::mutex> lock(m_mutex);
    auto it = m_uploads.find(uploadId);
    const QString target = partPath(uploadId, part.number);
    // rename(2) replaces a previous copy of the part atomically.
    if (it == m_uploads.end() || !it->isOpen() ||
        std::rename(QFile::encodeName(tempPath).constData(),
                    QFile::encodeName(target).constData()) != 0) {
        QFile::remove(tempPath);
        return false;
    }
    Part stored = part;
    stored.timesReceived = it->parts.value(part.number).timesReceived + 1;
    stored.lastModified = nowText();
    it->parts.insert(part.number, stored);
    saveLocked();
    return true;
}

bool MultipartStore::abort(const QString &uploadId) {
    std::lock_guard<std::mutex> lock(m_mutex);
    auto it = m_uploads.find(uploadId);
    if (it == m_uploads.end() || !it->isOpen())
        return false;
    it->state = QStringLiteral("aborted");
    QDir(m_dataDir + QStringLiteral("/multipart/") + uploadId).removeRecursively();
    saveLocked();
    return true;
}

bool MultipartStore::complete(const QString &uploadId, const QString &etag) {
    std::lock_guard<std::mutex> lock(m_mutex);
    auto it = m_uploads.find(uploadId);
    if (it == m_uploads.end() || !it->isOpen())
        return false;
    it->state = QStringLiteral("completed");
    it->etag = etag;
    QDir(m_dataDir + QStringLiteral("/multipart/") + uploadId).removeRecursively();
    saveLocked();
    return true;
}

void MultipartStore::putObject(const Object &object) {
    std::lock_guard<std::mutex> lock(m_mutex);
    Object o = object;
    o.lastModified = nowText();
    m_objects.insert(o.bucket + '/' + o.key, o);
    saveLocked();
}

std::optional<MultipartStore::Object> MultipartStore::object(const QString &bucket,
                                                             const QString &key) const {
    std::lock_guard<std::mutex> lock(m_mutex);
    auto it = m_objects.find(bucket + '/' + key);
    if (it == m_objects.end() || !QFileInfo::exists(it->path))
        return std::nullopt;
    return *it;
}

bool MultipartStore::removeObject(const QString &bucket, const QString &key) {
    std::lock_guard<std::mutex> lock(m_mutex);
    auto it = m_objects.find(bucket + '/' + key);
    if (it == m_objects.end())
        return false;
    if (it->path.startsWith(m_dataDir + QStringLiteral("/buckets/")))
        QFile::remove(it->path);
    m_objects.erase(it);
    saveLocked();
    return true;
}

QList<MultipartStore::Object> MultipartStore::objects(const QString &bucket,
                                                      const QString &prefix) const {
    std::lock_guard<std::mutex> lock(m_mutex);
    QList<Object> out;
    for (const Object &o : m_objects) // QMap: sorted by bucket/key, as S3 lists
        if (o.bucket == bucket && o.key.startsWith(prefix) && QFileInfo::exists(o.path))
            out << o;
    return out;
}

MultipartStore::Credentials MultipartStore::issueCredentials(const QString &sampleId,
                                                             const QString &expires) {
    std::lock_guard<std::mutex> lock(m_mutex);
    Credentials c;
    do {
        c.accessKeyId = QStringLiteral("ASIA") + randomFrom("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567", 16);
    } while (m_credentials.contains(c.accessKeyId));
    c.secretAccessKey =
        randomFrom("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/", 40);
    c.sampleId = sampleId;
    c.expires = expires;
    m_credentials.insert(c.accessKeyId, c);
    saveLocked();
    return c;
}

std::optional<MultipartStore::Credentials>
MultipartStore::credentials(const QString &accessKeyId) const {
    std::lock_guard<std::mutex> lock(m_mutex);
    auto it = m_credentials.find(accessKeyId);
    if (it == m_credentials.end())
        return std::nullopt;
    return *it;
}

QJsonArray MultipartStore::ledgerJson() const {
    std::lock_guard<std::mutex> lock(m_mutex);
    QJsonArray out;
    for (const Upload &u : m_uploads)
        out.append(uploadJson(u));
    return out;
}

int MultipartStore::openUploads() const {
    std::lock_guard<std::mutex> lock(m_mutex);
    int n = 0;
    for (const Upload &u : m_uploads)
        n += u.isOpen();
    return n;
}

void MultipartStore::saveLocked() const {
    QJsonArray uploads, objects, credentials;
    for (const Upload &u : m_uploads)
        uploads.append(uploadJson(u));
    for (const Object &o : m_objects)
        objects.append(objectJson(o));
    for (const Credentials &c : m_credentials)
        credentials.append(QJsonObject{{"access_key_id", c.accessKeyId},
                                       {"secret_access_key", c.secretAccessKey},
                                       {"sample_id", c.sampleId},
                                       {"expires", c.expires}});
    QSaveFile file(m_dataDir + QStringLiteral("/multipart.json"));
    if (!file.open(QIODevice::WriteOnly))
        return;
    file.write(
        QJsonDocument(
            QJsonObject{{"uploads", uploads}, {"objects", objects}, {"credentials", credentials}})
            .toJson(QJsonDocument::Compact));
    file.commit();
}

void MultipartStore::loadLocked() {
    QFile file(m_dataDir + QStringLiteral("/multipart.json"));
    if (!file.open(QIODevice::ReadOnly))
        return;
    const QJsonObject root = QJsonDocument::fromJson(file.readAll()).object();
    for (const QJsonValue &v : root.value("uploads").toArray()) {
        const QJsonObject j = v.toObject();
        Upload u;
        u.bucket = j.value("bucket").toString();
        u.key = j.value("key").toString();
        u.uploadId = j.value("upload_id").toString();
        u.state = j.value("state").toString();
        u.sse = j.value("sse").toString();
        u.initiated = j.value("initiated").toString();
        u.sampleId = j.value("sample_id").toString();
        u.etag = j.value("etag").toString();
        for (const QJsonValue &pv : j.value("parts").toArray()) {
            const QJsonObject pj = pv.toObject();
            Part p;
            p.number = pj.value("number").toInt();
            p.size = qint64(pj.value("size").toDouble());
            p.md5 = pj.value("md5").toString();
            p.timesReceived = pj.value("times_received").toInt();
            p.lastModified = pj.value("last_modified").toString();
            u.parts.insert(p.number, p);
        }
        m_uploads.insert(u.uploadId, u);
    }
    for (const QJsonValue &v : root.value("objects").toArray()) {
        const QJsonObject j = v.toObject();
        Object o;
        o.bucket = j.value("bucket").toString();
        o.key = j.value("key").toString();
        o.path = j.value("path").toString();
        o.size = qint64(j.value("size").toDouble());
        o.md5 = j.value("md5").toString();
        o.etag = j.value("etag").toString();
        o.lastModified = j.value("last_modified").toString();
        o.contentType = j.value("content_type").toString();
        m_objects.insert(o.bucket + '/' + o.key, o);
    }
    for (const QJsonValue &v : root.value("credentials").toArray()) {
        const QJsonObject j = v.toObject();
        Credentials c{j.value("access_key_id").toString(), j.value("secret_access_key").toString(),
                      j.value("sample_id").toString(), j.value("expires").toString()};
        m_credentials.insert(c.accessKeyId, c);
    }
}
