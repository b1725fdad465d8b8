#pragma once

// What the form route's tests (tst_formpostroute, tst_proxyroute) share: a route's payload for
// files on disk, and init_upload's answer for it from the real sandbox.
#include "net/apiclient.h"
#include "net/uploadticket.h"
#include "testwait.h"
#include "upload/uploadroute.h"

#include <QFileInfo>
#include <QtDebug>

namespace FormRouteTest {

inline SeqDrop::UploadRoute::Payload payloadOf(const SeqDrop::SampleSpec &spec) {
    const qint64 r1 = QFileInfo(spec.file).size();
    const qint64 r2 = spec.isPair() ? QFileInfo(spec.pairedFile).size() : 0;
    return {spec, {r1, r2}, spec.fingerprint()};
}

// An empty ticket (and a warning saying why) when init_upload failed.
inline SeqDrop::UploadTicket initUpload(SeqDrop::ApiClient *api,
                                        const SeqDrop::UploadRoute::Payload &payload) {
    SeqDrop::ApiJob *job =
        api->initUpload(payload.spec.initUploadBody(payload.sizes[0] + payload.sizes[1]));
    SeqDrop::UploadTicket ticket;
    QString error;
    if (!startAndWait(job, 10000) || job->error().isError() ||
        !SeqDrop::UploadTicket::parse(job->rawBody(), &ticket, &error))
        qWarning() << "init_upload failed:" << job->error().toString() << error;
    delete job;
    return ticket;
}

} // namespace FormRouteTest
