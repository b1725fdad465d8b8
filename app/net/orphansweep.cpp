#include "net/orphansweep.h"

#include "net/apiclient.h"

#include <QJsonArray>
#include <QJsonObject>

namespace SeqDrop {

OrphanSweep::OrphanSweep(ApiClient *api, const QString &keepSampleId, const QString &filename,
                         qint64 size, const QDateTime &since, QObject *parent)
    : QObject(parent)
    , m_api(api)
    , m_keep(keepSampleId)
    , m_filename(filename)
    , m_size(size)
    , m_since(since) {}

void OrphanSweep::start() {
    // One page of the newest samples: the orphans were created seconds ago.
    ApiJob *job = m_api->samples(1, PageSize);
    connect(job, &NetworkJob::finished, this, [this, job] {
        job->deleteLater();
        if (job->error().isError()) {
            m_problem = job->error().toString();
            Q_EMIT finished();
            return;
        }
        const QJsonArray samples = job->json().array();
        for (const QJsonValue &value : samples) {
            const QJsonObject s = value.toObject();
            const QString id =
                s.value(QLatin1String("$uri")).toString().section(QLatin1Char('/'), -1);
            const QDateTime created = QDateTime::fromString(
                s.value(QLatin1String("created_at")).toString(), Qt::ISODateWithMs);
            if (id.isEmpty() || id == m_keep ||
                s.value(QLatin1String("status")).toString() != QLatin1String("awaiting_data") ||
                s.value(QLatin1String("filename")).toString() != m_filename ||
                s.value(QLatin1String("size")).toInteger() != m_size || !created.isValid() ||
                created < m_since)
                continue;
            m_orphans.append(id);
        }
        cancelNext();
    });
    job->start();
}

void OrphanSweep::cancelNext() {
    if (m_orphans.isEmpty()) {
        Q_EMIT finished();
        return;
    }
    const QString id = m_orphans.takeFirst();
    ApiJob *job = m_api->cancelUpload(id);
    connect(job, &NetworkJob::finished, this, [this, job, id] {
        job->deleteLater();
        if (job->error().isError())
            m_problem = QStringLiteral("sample %1: %2").arg(id, job->error().toString());
        else
            m_cancelled.append(id);
        cancelNext();
    });
    job->start();
}

} // namespace SeqDrop
