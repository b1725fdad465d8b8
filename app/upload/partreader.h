#pragma once

#include "upload/partplan.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QObject>
#include <QStringList>
#include <functional>
#include <memory>

namespace SeqDrop {

// Reads a file (or the lanes of one sample back to back) part by part, in order, off the
// caller's thread, and hands each part over with its MD5: the bytes S3 gets and the MD5 its
// ETag is checked against come from the same read. Every byte is read exactly once, stored
// parts included (a resume compares their MD5 with what S3 holds), so a validator watching the
// blocks sees the whole file, as on the form route. No MD5 of the whole file is taken: S3
// verifies the object by its multipart ETag (MD5 of the part MD5s), and a second MD5 pass was
// a quarter of seqdrop-cli's CPU time per GiB, enough to fall behind awscli on two cores.
//
// One read at a time; the owner asks for the next part when it has room for it, which bounds
// memory to the parts in flight plus one. Destroying the reader mid-read waits for that one
// read to stop (at most one block) and drops its result.
class PartReader : public QObject {
    Q_OBJECT
public:
    // Sees every block once, in order, on the reading thread (see StreamValidation). A non-empty
    // return stops the reading with that message.
    using BlockObserver = std::function<QString(QByteArrayView block, bool last)>;

    PartReader(const QStringList &paths, const PartPlan &plan, QObject *parent = nullptr);
    ~PartReader() override;

    void setBlockObserver(const BlockObserver &observer);
    // Reads part nextNumber(); partRead() or failed() follows from the event loop.
    void readNext();
    bool isReading() const { return m_reading; }
    bool atEnd() const { return m_next > m_plan.count(); }
    int nextNumber() const { return m_next; }

Q_SIGNALS:
    void partRead(int number, const QByteArray &data, const QString &md5Hex);
    // The disk failed, or the observer refused the content (refusedByObserver).
    void failed(const QString &message, bool refusedByObserver);

private:
    struct Shared;
    struct Outcome {
        int number = 0;
        QByteArray data;
        QString md5Hex;
        QString error;
        bool refused = false;
    };
    void deliver(const Outcome &outcome);

    PartPlan m_plan;
    std::shared_ptr<Shared> m_shared;
    int m_next = 1;
    bool m_reading = false;
};

} // namespace SeqDrop
