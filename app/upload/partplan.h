#pragma once

#include <QtGlobal>

namespace SeqDrop {

// How a file is cut into S3 multipart parts. S3 allows at most 10,000 parts of 5 MiB..5 GiB
// (the last may be smaller). The size is the one One Codex's own client chooses, the smallest
// of 10, 20, ... 100 MiB giving fewer than 10,000 parts (by true division, so at most 10,000): a 20
// GB file goes in 10 MiB parts, so a resume after a failure resends at most a few parts, and memory
// holds only the parts in flight.
class PartPlan {
public:
    static constexpr qint64 MiB = qint64(1) << 20;
    static constexpr int MaxParts = 10000;

    // forcedPartSize > 0 replaces the official choice (tests, TransferSettings::partSize).
    explicit PartPlan(qint64 fileSize, qint64 forcedPartSize = 0);

    // The official client's part size for a file of this size (100 MiB beyond ~976 GiB).
    static qint64 officialPartSize(qint64 fileSize);

    qint64 fileSize() const { return m_fileSize; }
    qint64 partSize() const { return m_partSize; }
    // Parts are numbered 1..count(); an empty file is one empty part (S3 needs one).
    int count() const { return m_count; }
    qint64 offset(int number) const { return qint64(number - 1) * m_partSize; }
    qint64 length(int number) const;

private:
    qint64 m_fileSize;
    qint64 m_partSize;
    int m_count;
};

} // namespace SeqDrop
