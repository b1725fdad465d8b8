#pragma once

#include <QDateTime>
#include <QObject>
#include <QStringList>

namespace SeqDrop {

class ApiClient;
struct UploadError;

// Cancels the samples a lost init_upload answer may have created. When an init_upload went
// out more than once (SeqDrop's retry, or Qt's silent resend on a dropped connection), the
// server may hold samples whose ids the client never saw: they would stay "awaiting data"
// forever. This lists the newest samples and cancels those with the same file name and size,
// created since the first attempt, still awaiting data, other than the one being uploaded.
class OrphanSweep : public QObject {
    Q_OBJECT
public:
    OrphanSweep(ApiClient *api, const QString &keepSampleId, const QString &filename, qint64 size,
                const QDateTime &since, QObject *parent = nullptr);

    static constexpr int PageSize = 100;

    void start();
    const QStringList &cancelled() const { return m_cancelled; }
    // Empty when the sweep went through; else why it could not finish (not fatal).
    const QString &problem() const { return m_problem; }

Q_SIGNALS:
    void finished();

private:
    void cancelNext();

    ApiClient *m_api;
    QString m_keep;
    QString m_filename;
    qint64 m_size;
    QDateTime m_since;
    QStringList m_orphans;
    QStringList m_cancelled;
    QString m_problem;
};

} // namespace SeqDrop
