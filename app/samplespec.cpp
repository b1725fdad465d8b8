#include "samplespec.h"

#include <QFileInfo>
#include <QJsonArray>

namespace SeqDrop {

QString SampleSpec::effectiveUploadName() const {
    return uploadName.isEmpty() ? QFileInfo(file).fileName() : uploadName;
}

QString SampleSpec::effectivePairedUploadName() const {
    return pairedUploadName.isEmpty() ? QFileInfo(pairedFile).fileName() : pairedUploadName;
}

QString SampleSpec::displayName() const {
    if (!isPair())
        return effectiveUploadName();
    return effectiveUploadName() + QStringLiteral(" + ") + effectivePairedUploadName();
}

QJsonObject SampleSpec::initUploadBody(qint64 size) const {
    QJsonObject body{{QStringLiteral("filename"), effectiveUploadName()},
                     {QStringLiteral("size"), size},
                     {QStringLiteral("upload_type"), QStringLiteral("standard")}};
    if (isPair())
        body.insert(QStringLiteral("paired_end_filename"), effectivePairedUploadName());
    if (interleaved)
        body.insert(QStringLiteral("interleaved"), true);
    if (!tags.isEmpty()) {
        QJsonArray list;
        for (const QString &tag : tags)
            list.append(QJsonObject{{QStringLiteral("name"), tag}});
        body.insert(QStringLiteral("tags"), list);
    }
    if (!projectId.isEmpty())
        body.insert(
            QStringLiteral("project"),
            QJsonObject{{QStringLiteral("$ref"), QStringLiteral("/api/v1/projects/") + projectId}});
    if (!metadata.isEmpty())
        body.insert(QStringLiteral("metadata"), metadata);
    return body;
}

} // namespace SeqDrop
