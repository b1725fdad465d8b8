#include "sandboxstore.h"

#include "faultplan.h"

#include <QCryptographicHash>
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

struct SeedProject {
    const char *id;
    const char *name;
    const char *projectName;
    const char *description;
};
// Fixed ids so tests and documentation can refer to them.
const SeedProject kProjects[] = {
    {"0123456789abcdef", "Sandbox Project", "sandbox-project", "Default sandbox project"},
    {"fedcba9876543210", "Soil Survey 2026", "soil-survey-2026", "Example second project"},
};

QJsonObject ref(const QString &path) {
    return QJsonObject{{"$ref", path}};
}

// Every counter of /_sandbox/state, listed even while 0.
const char *const kCounters[] = {"api_calls",
                                 "init_upload",
                                 "confirm_upload",
                                 "cancel_upload",
                                 "storage_posts",
                                 "storage_ok",
                                 "faults_injected",
                                 "init_multipart_upload",
                                 "import_file_from_s3",
                                 "s3_requests",
                                 "s3_auth_failures",
                                 "create_multipart_upload",
                                 "upload_part",
                                 "list_parts",
                                 "complete_multipart_upload",
                                 "abort_multipart_upload",
                                 "put_object",
                                 "get_object",
                                 "delete_object",
                                 "list_objects",
                                 "list_multipart_uploads",
                                 "s3_payload_sha256",
                                 "s3_payload_unsigned",
                                 "s3_payload_streaming"};

QJsonObject objectJson(const SandboxStore::StoredObject &o) {
    return QJsonObject{{"key", o.key}, {"size", double(o.size)}, {"md5", o.md5}};
}

SandboxStore::StoredObject objectFromJson(const QJsonObject &j) {
    SandboxStore::StoredObject o;
    o.key = j.value("key").toString();
    o.size = qint64(j.value("size").toDouble());
    o.md5 = j.value("md5").toString();
    return o;
}

} // namespace

QString SandboxStore::Sample::keyPrefix() const {
    return QStringLiteral("user_%1/file_%2/").arg(QLatin1String(UserId), id);
}

SandboxStore::SandboxStore(const QString &dataDir)
    : m_dataDir(QDir(dataDir).absolutePath()) {
    QDir().mkpath(objectsDir());
    QDir().mkpath(tmpDir());
    // Leftovers of uploads cut by a crash or kill are never valid objects.
    for (const QString &f : QDir(tmpDir()).entryList(QDir::Files))
        QFile::remove(tmpDir() + '/' + f);
    std::lock_guard<std::mutex> lock(m_mutex);
    loadLocked();
}

QString SandboxStore::objectsDir() const {
    return m_dataDir + QStringLiteral("/objects");
}
QString SandboxStore::tmpDir() const {
    return m_dataDir + QStringLiteral("/tmp");
}
QString SandboxStore::objectPath(const QString &key) const {
    return objectsDir() + '/' + key;
}

QJsonArray SandboxStore::projectsJson() const {
    QJsonArray out;
    for (const SeedProject &p : kProjects)
        out.append(QJsonObject{{"$uri", QStringLiteral("/api/v1/projects/") + p.id},
                               {"name", p.name},
                               {"project_name", p.projectName},
                               {"description", p.description},
                               {"external_id", QJsonValue::Null},
                               {"owner", ref(QStringLiteral("/api/v1/users/") + UserId)},
                               {"permissions", QJsonArray{"can_edit"}},
                               {"public", false}});
    return out;
}

bool SandboxStore::hasProject(const QString &id) const {
    return std::any_of(std::begin(kProjects), std::end(kProjects),
                       [&](const SeedProject &p) { return id == QLatin1String(p.id); });
}

QJsonArray SandboxStore::tagsJson() const {
    std::lock_guard<std::mutex> lock(m_mutex);
    QJsonArray out;
    for (auto it = m_tags.begin(); it != m_tags.end(); ++it)
        out.append(QJsonObject{{"$uri", "/api/v1/tags/" + it.value()}, {"name", it.key()}});
    return out;
}

SandboxStore::Sample SandboxStore::createSample(Sample sample, const QStringList &tagNames) {
    std::lock_guard<std::mutex> lock(m_mutex);
    do {
        sample.id =
            QString::number(QRandomGenerator::global()->generate64(), 16).rightJustified(16, '0');
    } while (m_samples.contains(sample.id));
    for (const QString &name : tagNames) {
        // Tag ids are derived from the name so the same name keeps its id.
        if (!m_tags.contains(name))
            m_tags.insert(name, QString::fromLatin1(QCryptographicHash::hash(
                                                        name.toUtf8(), QCryptographicHash::Sha1)
                                                        .toHex()
                                                        .left(16)));
        sample.tagIds << m_tags.value(name);
    }
    sample.status = QStringLiteral("awaiting_data");
    sample.createdAt =
        QDateTime::currentDateTimeUtc().toString(QStringLiteral("yyyy-MM-dd'T'HH:mm:ss.zzz'Z'"));
    m_samples.insert(sample.id, sample);
    saveLocked();
    return sample;
}

std::optional<SandboxStore::Sample> SandboxStore::sample(const QString &id) const {
    std::lock_guard<std::mutex> lock(m_mutex);
    auto it = m_samples.find(id);
    if (it == m_samples.end())
        return std::nullopt;
    return *it;
}

QList<SandboxStore::Sample> SandboxStore::samples() const {
    std::lock_guard<std::mutex> lock(m_mutex);
    QList<Sample> out = m_samples.values();
    std::stable_sort(out.begin(), out.end(),
                     [](const Sample &a, const Sample &b) { return a.createdAt > b.createdAt; });
    return out;
}

std::optional<SandboxStore::Sample> SandboxStore::sampleForKey(const QString &key,
                                                               int *read) const {
    // user_<uid>/file_<sid>/...
    const QStringList parts = key.split('/');
    if (parts.size() < 3 || parts[0] != QStringLiteral("user_") + UserId ||
        !parts[1].startsWith(QLatin1String("file_")))
        return std::nullopt;
    for (const QString &p : parts)
        if (p.isEmpty() || p == QLatin1String(".") || p == QLatin1String(".."))
            return std::nullopt;
    std::lock_guard<std::mutex> lock(m_mutex);
    auto it = m_samples.find(parts[1].mid(5));
    if (it == m_samples.end() || it->status != QLatin1String("awaiting_data"))
        return std::nullopt;
    *read = (it->isPair() && key.startsWith(it->r2Prefix())) ? 2 : 1;
    return *it;
}

bool SandboxStore::commitObject(const QString &sampleId, int read, const QString &tempPath,
                                const StoredObject &object) {
    std::lock_guard<std::mutex> lock(m_mutex);
    auto it = m_samples.find(sampleId);
    if (it == m_samples.end() || it->status != QLatin1String("awaiting_data")) {
        QFile::remove(tempPath);
        return false;
    }
    StoredObject &slot = read == 2 ? it->r2 : it->r1;
    // A new upload for the same read replaces the previous object, even when
    // the client chose another file name this time.
    if (slot.isStored() && slot.key != object.key)
        removeObjectLocked(slot);
    const QString target = objectPath(object.key);
    QDir().mkpath(QFileInfo(target).absolutePath());
    // rename(2) replaces an existing object atomically.
    if (std::rename(QFile::encodeName(tempPath).constData(),
                    QFile::encodeName(target).constData()) != 0) {
        QFile::remove(tempPath);
        return false;
    }
    slot = object;
    ++it->uploadCount;
    saveLocked();
    return true;
}

SandboxStore::Outcome SandboxStore::confirm(const QString &id, QString *message) {
    std::lock_guard<std::mutex> lock(m_mutex);
    auto it = m_samples.find(id);
    if (it == m_samples.end()) {
        *message = QStringLiteral("Sample not found: %1").arg(id);
        return Outcome::NotFound;
    }
    if (it->status == QLatin1String("available")) {
        *message = QStringLiteral("Upload already confirmed");
        return Outcome::Invalid;
    }
    if (it->status != QLatin1String("awaiting_data")) {
        *message = QStringLiteral("Sample %1 is %2, not awaiting data").arg(id, it->status);
        return Outcome::Invalid;
    }
    if (!it->r1.isStored()) {
        *message = QStringLiteral("No file was uploaded for %1").arg(it->filename);
        return Outcome::Invalid;
    }
    if (it->isPair() && !it->r2.isStored()) {
        *message = QStringLiteral("No file was uploaded for the paired-end file %1")
                       .arg(it->pairedFilename);
        return Outcome::Invalid;
    }
    const qint64 stored = it->r1.size + (it->isPair() ? it->r2.size : 0);
    if (stored != it->size) {
        *message = QStringLiteral("Size mismatch: %1 bytes declared, %2 bytes uploaded")
                       .arg(it->size)
                       .arg(stored);
        return Outcome::Invalid;
    }
    it->status = QStringLiteral("available");
    startImportLocked(*it);
    saveLocked();
    *message = QStringLiteral("Upload confirmed");
    return Outcome::Ok;
}

SandboxStore::Outcome SandboxStore::cancel(const QString &id, QString *message) {
    std::lock_guard<std::mutex> lock(m_mutex);
    auto it = m_samples.find(id);
    if (it == m_samples.end()) {
        *message = QStringLiteral("Sample not found: %1").arg(id);
        return Outcome::NotFound;
    }
    if (it->status == QLatin1String("available")) {
        *message = QStringLiteral("Upload already successful");
        return Outcome::Invalid;
    }
    if (it->status != QLatin1String("awaiting_data")) {
        *message = QStringLiteral("Upload already cancelled");
        return Outcome::Invalid;
    }
    removeObjectLocked(it->r1);
    removeObjectLocked(it->r2);
    it->r1 = StoredObject();
    it->r2 = StoredObject();
    it->status = QStringLiteral("deleted");
    saveLocked();
    *message = QStringLiteral("Upload cancelled");
    return Outcome::Ok;
}

SandboxStore::Outcome SandboxStore::importObject(const QString &key, QString *sampleId,
                                                 QString *message) {
    const QStringList parts = key.split('/');
    std::lock_guard<std::mutex> lock(m_mutex);
    auto it = parts.size() >= 3 && parts[0] == QStringLiteral("user_") + UserId &&
                      parts[1].startsWith(QLatin1String("file_"))
                  ? m_samples.find(parts[1].mid(5))
                  : m_samples.end();
    if (it == m_samples.end()) {
        *message = QStringLiteral("No sample has the file %1").arg(key);
        return Outcome::NotFound;
    }
    *sampleId = it->id;
    if (it->status == QLatin1String("deleted")) {
        *message = QStringLiteral("Sample %1 was cancelled").arg(it->id);
        return Outcome::Invalid;
    }
    if (!it->r1.isStored() || it->r1.key != key) {
        *message = QStringLiteral("The file %1 has not been uploaded").arg(key);
        return Outcome::NotFound;
    }
    if (it->isPair() && !it->r2.isStored()) {
        *message =
            QStringLiteral("The paired-end file %1 has not been uploaded").arg(it->pairedFilename);
        return Outcome::NotFound;
    }
    if (it->status == QLatin1String("awaiting_data")) {
        it->size = it->r1.size + (it->isPair() ? it->r2.size : 0);
        it->status = QStringLiteral("available");
        startImportLocked(*it);
    }
    ++it->callbacks;
    saveLocked();
    *message = QStringLiteral("Upload imported");
    return Outcome::Ok;
}

void SandboxStore::countPart(const QString &sampleId, qint64 bytes) {
    std::lock_guard<std::mutex> lock(m_mutex);
    auto it = m_samples.find(sampleId);
    if (it == m_samples.end())
        return;
    ++it->partsReceived;
    it->partsBytes += bytes;
    saveLocked();
}

void SandboxStore::removeObjectLocked(const StoredObject &object) const {
    if (object.isStored())
        QFile::remove(objectPath(object.key));
}

void SandboxStore::count(const QString &counter) {
    std::lock_guard<std::mutex> lock(m_mutex);
    ++m_counts[counter];
}

QJsonObject SandboxStore::countsJson() const {
    std::lock_guard<std::mutex> lock(m_mutex);
    QJsonObject out;
    for (const char *name : kCounters)
        out.insert(name, double(m_counts.value(name)));
    // The form route's size limit and the validating proxy (ProxyEndpoint).
    for (const char *name :
         {"entity_too_large", "proxy_posts", "proxy_status_polls", "proxy_confirms"})
        out.insert(name, double(m_counts.value(name)));
    return out;
}

void SandboxStore::startImportLocked(Sample &s) {
    s.confirmedAt = QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs);
    s.importSeconds = m_faults ? m_faults->importSeconds() : 0;
    s.failsValidation = m_faults && m_faults->takeFailValidation();
    if (s.failsValidation)
        s.errorMsg = QStringLiteral("%1 failed validation: the file is not valid FASTQ (line 4 "
                                    "of record 1: quality string shorter than the sequence).")
                         .arg(s.filename);
}

QString SandboxStore::publicStatus(const Sample &s, const QDateTime &now) {
    if (s.status != QLatin1String("available"))
        return s.status;
    const QDateTime confirmed = QDateTime::fromString(s.confirmedAt, Qt::ISODateWithMs);
    const qint64 ms = confirmed.isValid() ? confirmed.msecsTo(now) : qint64(1) << 40;
    if (ms < qint64(s.importSeconds) * 500)
        return QStringLiteral("importing");
    if (ms < qint64(s.importSeconds) * 1000)
        return QStringLiteral("validating");
    return s.failsValidation ? QStringLiteral("failed_validation") : s.status;
}

QJsonObject SandboxStore::sampleJson(const Sample &s) const {
    QJsonArray tags;
    for (const QString &t : s.tagIds)
        tags.append(ref("/api/v1/tags/" + t));
    const QString status = publicStatus(s, QDateTime::currentDateTimeUtc());
    // A failed validation's message appears with the verdict, not while it is still checked.
    const bool showError = !s.errorMsg.isEmpty() &&
                           (!s.failsValidation || status == QLatin1String("failed_validation"));
    QJsonObject out{{"$uri", "/api/v1/samples/" + s.id},
                    {"filename", s.filename},
                    {"size", double(s.size)},
                    {"status", status},
                    {"error_msg", showError ? QJsonValue(s.errorMsg) : QJsonValue()},
                    {"tags", tags},
                    {"project", s.projectId.isEmpty()
                                    ? QJsonValue()
                                    : QJsonValue(ref("/api/v1/projects/" + s.projectId))},
                    {"metadata", s.metadata},
                    {"created_at", s.createdAt},
                    {"upload_count", s.uploadCount}};
    if (s.isPair())
        out.insert("paired_end_filename", s.pairedFilename);
    return out;
}

QJsonObject SandboxStore::sampleStateJson(const Sample &s) const {
    QJsonObject out = sampleJson(s);
    out.insert("public_status", out.value("status"));
    out.insert("status", s.status); // what it is, kept in state.json; the API shows public_status
    out.insert("confirmed_at", s.confirmedAt);
    out.insert("import_seconds", s.importSeconds);
    out.insert("fails_validation", s.failsValidation);
    out.insert("id", s.id);
    out.insert("interleaved", s.interleaved);
    out.insert("external_sample_id", s.externalSampleId);
    out.insert("key_prefix", s.keyPrefix());
    QJsonArray objects;
    if (s.r1.isStored())
        objects.append(objectJson(s.r1));
    if (s.r2.isStored())
        objects.append(objectJson(s.r2));
    out.insert("objects", objects);
    out.insert("r1", s.r1.isStored() ? QJsonValue(objectJson(s.r1)) : QJsonValue());
    out.insert("r2", s.r2.isStored() ? QJsonValue(objectJson(s.r2)) : QJsonValue());
    out.insert("tag_ids", QJsonArray::fromStringList(s.tagIds));
    out.insert("project_id", s.projectId);
    out.insert("route", s.route);
    out.insert("parts_received", double(s.partsReceived));
    out.insert("parts_bytes", double(s.partsBytes));
    out.insert("callbacks", s.callbacks);
    return out;
}

void SandboxStore::saveLocked() const {
    QJsonArray samples;
    for (const Sample &s : m_samples)
        samples.append(sampleStateJson(s));
    QJsonObject tags;
    for (auto it = m_tags.begin(); it != m_tags.end(); ++it)
        tags.insert(it.key(), it.value());
    QSaveFile file(m_dataDir + QStringLiteral("/state.json"));
    if (!file.open(QIODevice::WriteOnly))
        return;
    file.write(QJsonDocument(QJsonObject{{"samples", samples}, {"tags", tags}}).toJson());
    file.commit();
}

void SandboxStore::loadLocked() {
    QFile file(m_dataDir + QStringLiteral("/state.json"));
    if (!file.open(QIODevice::ReadOnly))
        return;
    const QJsonObject root = QJsonDocument::fromJson(file.readAll()).object();
    const QJsonObject tags = root.value("tags").toObject();
    for (auto it = tags.begin(); it != tags.end(); ++it)
        m_tags.insert(it.key(), it.value().toString());
    for (const QJsonValue &v : root.value("samples").toArray()) {
        const QJsonObject j = v.toObject();
        Sample s;
        s.id = j.value("id").toString();
        s.filename = j.value("filename").toString();
        s.pairedFilename = j.value("paired_end_filename").toString();
        s.size = qint64(j.value("size").toDouble());
        s.status = j.value("status").toString();
        s.errorMsg = j.value("error_msg").toString();
        for (const QJsonValue &t : j.value("tag_ids").toArray())
            s.tagIds << t.toString();
        s.projectId = j.value("project_id").toString();
        s.metadata = j.value("metadata").toObject();
        s.externalSampleId = j.value("external_sample_id").toString();
        s.interleaved = j.value("interleaved").toBool();
        s.createdAt = j.value("created_at").toString();
        s.uploadCount = j.value("upload_count").toInt();
        s.r1 = objectFromJson(j.value("r1").toObject());
        s.r2 = objectFromJson(j.value("r2").toObject());
        s.route = j.value("route").toString(QStringLiteral("form"));
        s.partsReceived = qint64(j.value("parts_received").toDouble());
        s.partsBytes = qint64(j.value("parts_bytes").toDouble());
        s.callbacks = j.value("callbacks").toInt();
        s.confirmedAt = j.value("confirmed_at").toString();
        s.importSeconds = j.value("import_seconds").toInt();
        s.failsValidation = j.value("fails_validation").toBool();
        if (!s.id.isEmpty())
            m_samples.insert(s.id, s);
    }
}
