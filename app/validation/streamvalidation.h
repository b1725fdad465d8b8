#pragma once

#include <QByteArrayView>
#include <QString>

#include <functional>
#include <memory>

namespace SeqDrop {

class PairStreamCheck;

// Validate-while-uploading for one file of a sample, for any route that streams the file
// through HashingFileDevice: each attempt at sending the file gets a fresh observer of the bytes
// read for sending (a resend reads from byte 0 again). The observer checks the content
// (SequenceValidator) and, for a pair, the mates' agreement (one PairStreamCheck shared by both
// sides, R1 sent whole before R2). It runs on the read-ahead thread and touches nothing but its
// validator and the pair check.
class StreamValidation {
public:
    // HashingFileDevice::BlockObserver: a non-empty return stops the upload with that message.
    using BlockObserver = std::function<QString(QByteArrayView block, bool last)>;
    using ObserverFactory = std::function<BlockObserver()>;

    // uploadName: the name the content is checked and reported under (its extension counts).
    // pair: the check of the pair this file is side 0 (R1) or 1 (R2) of, or null for a single
    // file.
    explicit StreamValidation(const QString &uploadName,
                              std::shared_ptr<PairStreamCheck> pair = nullptr, int side = 0);

    // A new attempt: a fresh validator, and the pair check forgets what an earlier attempt saw
    // of this side.
    BlockObserver beginAttempt() const;
    // beginAttempt() for a job that calls it once per attempt.
    ObserverFactory perAttempt() const;

private:
    QString m_uploadName;
    std::shared_ptr<PairStreamCheck> m_pair;
    int m_side;
};

} // namespace SeqDrop
