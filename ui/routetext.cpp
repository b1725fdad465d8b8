#include "routetext.h"

#include "samples/samplespec.h"
#include "upload/partplan.h"
#include "upload/sampleupload.h"

#include <QFileInfo>

namespace SeqDrop {

namespace {

qint64 sizeOf(const QStringList &files) {
    qint64 bytes = 0;
    for (const QString &file : files)
        bytes += QFileInfo(file).size();
    return bytes;
}

} // namespace

QString RouteText::routeLabel(const QString &name) {
    if (name == QLatin1String("form"))
        return tr("form");
    if (name == QLatin1String("multipart"))
        return tr("multipart");
    if (name == QLatin1String("proxy"))
        return tr("proxy");
    return name;
}

void RouteText::parts(const SampleUpload *sample, int *stored, int *total) {
    *stored = sample->partsStored();
    *total = sample->partsTotal();
    const UploadRoute::ResumePoint &resume = sample->resumePoint();
    if (*total > 0 || resume.isEmpty())
        return;
    // Restored, not started: the engine counts parts only once its route runs, so count them
    // here the way it will (each file cut in the part size its upload was opened with).
    const SampleSpec &spec = sample->spec();
    *stored = 0;
    for (int side = 0; side < (spec.isPair() ? 2 : 1); ++side) {
        const MultipartFileState &file = resume.files[side];
        const qint64 partSize = file.partSize > 0 ? file.partSize : resume.files[0].partSize;
        *stored += int(file.parts.size());
        if (partSize <= 0) {
            *total = 0; // not opened yet, and nothing says how it will be cut
            return;
        }
        const qint64 size = file.fileSize > 0
                                ? file.fileSize
                                : sizeOf(side == 0 ? spec.readOneFiles() : spec.readTwoFiles());
        *total += PartPlan(size, partSize).count();
    }
}

QString RouteText::resuming(const SampleUpload *sample) {
    if (sample->state() != SampleUpload::State::Queued || sample->resumedPercent() < 0)
        return {};
    return tr("resuming at %1%").arg(sample->resumedPercent());
}

QString RouteText::details(const SampleUpload *sample) {
    if (sample->routeName().isEmpty())
        return {};
    QStringList lines;
    const QString route = routeLabel(sample->routeName());
    lines.append(sample->routeReason().isEmpty()
                     ? tr("Route: %1").arg(route)
                     : tr("Route: %1 — %2").arg(route, sample->routeReason()));
    int stored = 0;
    int total = 0;
    parts(sample, &stored, &total);
    if (total > 0)
        lines.append(tr("Parts stored: %1 / %2").arg(stored).arg(total));
    else if (stored > 0)
        lines.append(tr("Parts stored: %1").arg(stored));
    // A resume point exists only while the upload is open on S3 with what it stored so far
    // (also on a row a network loss failed: Retry goes on from there).
    if (!sample->resumePoint().isEmpty())
        lines.append(tr("Resumable: an interrupted upload goes on from its last stored part"));
    const QString resumingAt = resuming(sample);
    if (!resumingAt.isEmpty())
        lines.append(resumingAt);
    return lines.join(QLatin1Char('\n'));
}

} // namespace SeqDrop
