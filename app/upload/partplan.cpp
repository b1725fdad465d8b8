#include "upload/partplan.h"

namespace SeqDrop {

PartPlan::PartPlan(qint64 fileSize, qint64 forcedPartSize)
    : m_fileSize(qMax<qint64>(0, fileSize))
    , m_partSize(forcedPartSize > 0 ? forcedPartSize : officialPartSize(fileSize))
    , m_count(qMax<int>(1, int((m_fileSize + m_partSize - 1) / m_partSize))) {}

qint64 PartPlan::officialPartSize(qint64 fileSize) {
    for (qint64 size = 10 * MiB; size < 100 * MiB; size += 10 * MiB)
        if (fileSize < MaxParts * size) // the official client: file_size / size < 10000
            return size;
    return 100 * MiB;
}

qint64 PartPlan::length(int number) const {
    if (number < 1 || number > m_count)
        return 0;
    return qMin(m_partSize, m_fileSize - offset(number));
}

} // namespace SeqDrop
