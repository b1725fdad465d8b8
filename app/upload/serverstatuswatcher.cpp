#include "upload/serverstatuswatcher.h"

#include "net/apiclient.h"
#include "net/apijob.h"
#include "net/transfersettings.h"
#include "upload/sampleupload.h"
#include "upload/uploadqueue.h"

#include <QJsonObject>

namespace SeqDrop {

ServerStatusWatcher::ServerStatusWatcher(ApiClient *api, UploadQueue *queue, QObject *parent)
    : QObject(parent)
    , m_api(api) {
    connect(queue, &UploadQueue::samplesAdded, this, [this](const QList<SampleUpload *> &added) {
        for (SampleUpload *sample : added)
            watch(sample);
    });
    connect(queue, &UploadQueue::samplesRemoved, this,
            [this](const QList<SampleUpload *> &removed) {
                for (SampleUpload *sample : removed) {
                    sample->disconnect(this);
                    if (m_follows.contains(sample))
                        stop(sample, false);
                }
            });
    for (SampleUpload *sample : queue->samples())
        watch(sample);
}

void ServerStatusWatcher::watch(SampleUpload *sample) {
    connect(sample, &SampleUpload::stateChanged, this, [this, sample] { consider(sample); });
    consider(sample); // restored confirmed, verdict still pending
}

bool ServerStatusWatcher::isPastLimit(const SampleUpload *sample) const {
    const QDateTime confirmed = sample->confirmedAt();
    return confirmed.isValid() && confirmed.msecsTo(QDateTime::currentDateTimeUtc()) >
                                      m_api->transferSettings().statusPollLimitMs;
}

void ServerStatusWatcher::consider(SampleUpload *sample) {
    if (m_follows.contains(sample) || sample->state() != SampleUpload::State::Confirmed ||
        sample->sampleId().isEmpty() || SampleUpload::isFinalServerStatus(sample->serverStatus()))
        return;
    const TransferSettings &settings = m_api->transferSettings();
    const QDateTime confirmed = sample->confirmedAt();
    if (confirmed.isValid() &&
        confirmed.msecsTo(QDateTime::currentDateTimeUtc()) > settings.statusPollLimitMs)
        return; // given up on in an earlier run
    follow(sample);
}

void ServerStatusWatcher::follow(SampleUpload *sample) {
    Follow &f = m_follows[sample];
    f.delayMs = m_api->transferSettings().statusPollMs;
    f.timer = new QTimer(this);
    f.timer->setSingleShot(true);
    connect(f.timer, &QTimer::timeout, this, [this, sample] { ask(sample); });
    f.timer->start(f.delayMs);
    connect(sample, &QObject::destroyed, this, [this, sample] {
        if (m_follows.contains(sample))
            stop(sample, false);
    });
}

void ServerStatusWatcher::ask(SampleUpload *sample) {
    ApiJob *job = m_api->sample(sample->sampleId());
    m_follows[sample].job = job;
    connect(job, &NetworkJob::finished, this, [this, sample, job] { onAnswer(sample, job); });
    job->start();
}

void ServerStatusWatcher::onAnswer(SampleUpload *sample, ApiJob *job) {
    job->deleteLater();
    auto it = m_follows.find(sample);
    if (it == m_follows.end())
        return;
    if (!job->error().isError()) {
        const QJsonObject json = job->json().object();
        sample->setServerStatus(json.value(QLatin1String("status")).toString(),
                                json.value(QLatin1String("error_msg")).toString());
        if (SampleUpload::isFinalServerStatus(sample->serverStatus())) {
            stop(sample, true);
            return;
        }
    }
    if (isPastLimit(sample)) {
        stop(sample, true); // a day is long enough: what it said last stays
        return;
    }
    it->delayMs = qMin(it->delayMs * 2, m_api->transferSettings().statusPollMaxMs);
    it->timer->start(it->delayMs);
}

void ServerStatusWatcher::stop(SampleUpload *sample, bool settled) {
    Follow f = m_follows.take(sample);
    delete f.timer;
    if (f.job) {
        f.job->disconnect(this);
        f.job->abort();
        f.job->deleteLater();
    }
    if (settled)
        Q_EMIT this->settled(sample);
    if (m_follows.isEmpty())
        Q_EMIT idle();
}

} // namespace SeqDrop
