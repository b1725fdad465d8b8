#pragma once

#include "upload/multipartresume.h"

#include <QHash>
#include <QSet>

namespace SeqDrop {

class Journal;

// The multipart resume points of the journal's samples, in its own tables of the journal file
// (schema step 2): init_multipart_upload's answer with the temporary keys (a resume needs them
// to sign; they expire with the upload's credentials), each file's upload id and cut, and one
// row per stored part. save() writes only what changed since the last save of the same entry,
// one INSERT per new part, in one transaction: the journal follows a 20 GB upload part by part
// without rewriting what it holds.
class ResumeStore {
public:
    explicit ResumeStore(const Journal *journal);

    bool save(qint64 entryId, const MultipartResume &resume);
    // Empty when the entry has no resume point (or it cannot be read whole).
    MultipartResume load(qint64 entryId) const;
    // The entries that have a resume point, in one query (a restore of thousands of entries
    // then loads only those).
    QSet<qint64> entriesWithResume() const;
    bool clear(qint64 entryId);
    const QString &lastError() const { return m_lastError; }

private:
    bool saveSample(qint64 entryId, const MultipartResume &resume);
    bool saveFile(qint64 entryId, int side, const MultipartFileState &file,
                  const MultipartFileState *before);
    bool exec(const QString &sql, const QVariantList &values);

    const Journal *m_journal;
    QHash<qint64, MultipartResume> m_saved; // what the tables hold, per entry
    mutable QString m_lastError;
};

} // namespace SeqDrop
