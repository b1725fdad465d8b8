#include "journal/resumestore.h"

#include "journal/journal.h"

#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

namespace SeqDrop {

namespace {

bool sameHeader(const MultipartFileState &a, const MultipartFileState &b) {
    return a.bucket == b.bucket && a.key == b.key && a.uploadId == b.uploadId &&
           a.partSize == b.partSize && a.fileSize == b.fileSize && a.modifiedMs == b.modifiedMs &&
           a.completed == b.completed && a.objectEtag == b.objectEtag;
}

bool sameTicket(const MultipartTicket &a, const MultipartTicket &b) {
    return a.sampleId == b.sampleId && a.callbackUrl == b.callbackUrl && a.fileId == b.fileId &&
           a.pairedEndFileId == b.pairedEndFileId && a.s3Bucket == b.s3Bucket &&
           a.credentials.accessKeyId == b.credentials.accessKeyId &&
           a.credentials.secretAccessKey == b.credentials.secretAccessKey;
}

} // namespace

ResumeStore::ResumeStore(const Journal *journal)
    : m_journal(journal) {}

bool ResumeStore::exec(const QString &sql, const QVariantList &values) {
    QSqlQuery q(m_journal->database());
    q.prepare(sql);
    for (const QVariant &v : values)
        q.addBindValue(v);
    if (q.exec())
        return true;
    m_lastError = q.lastError().text();
    return false;
}

bool ResumeStore::save(qint64 entryId, const MultipartResume &resume) {
    if (resume.isEmpty())
        return clear(entryId);
    if (!m_journal->isOpen()) {
        m_lastError = QStringLiteral("the journal is not open");
        return false;
    }
    QSqlDatabase db = m_journal->database();
    const auto found = m_saved.constFind(entryId);
    const MultipartResume *before = found == m_saved.constEnd() ? nullptr : &*found;
    if (!before) {
        // Not saved by this run: what an earlier run left goes, this point replaces it.
        if (!clear(entryId))
            return false;
    }
    db.transaction();
    bool ok = true;
    if (!before || !sameTicket(before->ticket, resume.ticket))
        ok = saveSample(entryId, resume);
    for (int side = 0; side < 2 && ok; ++side)
        ok = saveFile(entryId, side, resume.files[side], before ? &before->files[side] : nullptr);
    if (!ok) {
        db.rollback();
        m_saved.remove(entryId); // unknown now: the next save writes everything
        return false;
    }
    if (!db.commit()) {
        m_lastError = db.lastError().text();
        m_saved.remove(entryId);
        return false;
    }
    m_saved.insert(entryId, resume);
    return true;
}

bool ResumeStore::saveSample(qint64 entryId, const MultipartResume &resume) {
    const MultipartTicket &t = resume.ticket;
    return exec(QStringLiteral("INSERT OR REPLACE INTO multipart_samples (entry_id, sample_id, "
                               "callback_url, file_id, paired_end_file_id, s3_bucket, "
                               "access_key_id, secret_access_key) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"),
                {entryId, t.sampleId, t.callbackUrl, t.fileId, t.pairedEndFileId, t.s3Bucket,
                 t.credentials.accessKeyId, t.credentials.secretAccessKey});
}

bool ResumeStore::saveFile(qint64 entryId, int side, const MultipartFileState &file,
                           const MultipartFileState *before) {
    if (file.key.isEmpty()) {
        // No such file (R2 of a single-file sample): no rows.
        if (before && before->key.isEmpty())
            return true;
        return exec(QStringLiteral("DELETE FROM multipart_parts WHERE entry_id = ? AND side = ?"),
                    {entryId, side}) &&
               exec(QStringLiteral("DELETE FROM multipart_files WHERE entry_id = ? AND side = ?"),
                    {entryId, side});
    }
    if (!before || !sameHeader(file, *before)) {
        if (!exec(QStringLiteral("INSERT OR REPLACE INTO multipart_files (entry_id, side, bucket, "
                                 "key, upload_id, part_size, file_size, modified_ms, completed, "
                                 "file_md5) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
                  {entryId, side, file.bucket, file.key, file.uploadId, file.partSize,
                   file.fileSize, file.modifiedMs, file.completed ? 1 : 0, file.objectEtag}))
            return false;
    }
    // Parts gone since (another upload id, a part found different on S3) leave the table.
    QHash<int, S3Part> known;
    if (before && before->uploadId == file.uploadId)
        for (const S3Part &p : before->parts)
            known.insert(p.number, p);
    else if (!exec(QStringLiteral("DELETE FROM multipart_parts WHERE entry_id = ? AND side = ?"),
                   {entryId, side}))
        return false;
    QHash<int, bool> now;
    for (const S3Part &p : file.parts) {
        now.insert(p.number, true);
        const auto old = known.constFind(p.number);
        if (old != known.constEnd() && *old == p)
            continue;
        if (!exec(QStringLiteral("INSERT OR REPLACE INTO multipart_parts (entry_id, side, number, "
                                 "size, md5, etag) VALUES (?, ?, ?, ?, ?, ?)"),
                  {entryId, side, p.number, p.size, p.md5Hex, p.etag}))
            return false;
    }
    for (auto it = known.constBegin(); it != known.constEnd(); ++it)
        if (!now.contains(it.key()) &&
            !exec(QStringLiteral("DELETE FROM multipart_parts WHERE entry_id = ? AND side = ? AND "
                                 "number = ?"),
                  {entryId, side, it.key()}))
            return false;
    return true;
}

MultipartResume ResumeStore::load(qint64 entryId) const {
    MultipartResume resume;
    if (!m_journal->isOpen())
        return resume;
    QSqlQuery q(m_journal->database());
    q.prepare(QStringLiteral("SELECT sample_id, callback_url, file_id, paired_end_file_id, "
                             "s3_bucket, access_key_id, secret_access_key FROM multipart_samples "
                             "WHERE entry_id = ?"));
    q.addBindValue(entryId);
    if (!q.exec() || !q.next())
        return resume;
    MultipartTicket &t = resume.ticket;
    const QString sampleId = q.value(0).toString();
    t.callbackUrl = q.value(1).toString();
    t.fileId = q.value(2).toString();
    t.pairedEndFileId = q.value(3).toString();
    t.s3Bucket = q.value(4).toString();
    t.credentials = S3Credentials(q.value(5).toString(), q.value(6).toString());
    q.prepare(QStringLiteral("SELECT side, bucket, key, upload_id, part_size, file_size, "
                             "modified_ms, completed, file_md5 FROM multipart_files WHERE "
                             "entry_id = ?"));
    q.addBindValue(entryId);
    if (!q.exec())
        return {};
    while (q.next()) {
        MultipartFileState &f = resume.files[q.value(0).toInt() & 1];
        f.bucket = q.value(1).toString();
        f.key = q.value(2).toString();
        f.uploadId = q.value(3).toString();
        f.partSize = q.value(4).toLongLong();
        f.fileSize = q.value(5).toLongLong();
        f.modifiedMs = q.value(6).toLongLong();
        f.completed = q.value(7).toInt() != 0;
        f.objectEtag = q.value(8).toString();
    }
    q.prepare(QStringLiteral("SELECT side, number, size, md5, etag FROM multipart_parts WHERE "
                             "entry_id = ? ORDER BY side, number"));
    q.addBindValue(entryId);
    if (!q.exec())
        return {};
    while (q.next())
        resume.files[q.value(0).toInt() & 1].parts.append(
            {q.value(1).toInt(), q.value(2).toLongLong(), q.value(3).toString(),
             q.value(4).toString()});
    // Set last: an early return above leaves no sample id, which reads as no resume point.
    t.sampleId = sampleId;
    return resume;
}

QSet<qint64> ResumeStore::entriesWithResume() const {
    QSet<qint64> ids;
    if (!m_journal->isOpen())
        return ids;
    QSqlQuery q(m_journal->database());
    if (q.exec(QStringLiteral("SELECT entry_id FROM multipart_samples")))
        while (q.next())
            ids.insert(q.value(0).toLongLong());
    return ids;
}

bool ResumeStore::clear(qint64 entryId) {
    m_saved.remove(entryId);
    if (!m_journal->isOpen())
        return false;
    for (const char *table : {"multipart_parts", "multipart_files", "multipart_samples"})
        if (!exec(QStringLiteral("DELETE FROM %1 WHERE entry_id = ?").arg(QLatin1String(table)),
                  {entryId}))
            return false;
    return true;
}

} // namespace SeqDrop
