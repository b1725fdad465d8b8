#include "upload/routefactory.h"

#include "net/apiclient.h"
#include "net/multipartticket.h"
#include "net/transfersettings.h"
#include "net/uploadticket.h"
#include "upload/formpostroute.h"
#include "upload/multipartroute.h"
#include "util/logging.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>

namespace SeqDrop {

namespace {

QString tr(const char *text) {
    return QCoreApplication::translate("SeqDrop::RouteFactory", text);
}

bool overLimit(const TransferSettings &settings, const UploadRoute::Payload &payload) {
    return payload.sizes[0] > settings.singleRequestLimit ||
           payload.sizes[1] > settings.singleRequestLimit;
}

} // namespace

RouteFactory::Kind RouteFactory::choose(const TransferSettings &settings,
                                        const UploadRoute::Payload &payload) {
    switch (settings.route) {
    case TransferSettings::Route::Form:
        return Kind::FormPost;
    case TransferSettings::Route::Multipart:
        return Kind::Multipart;
    case TransferSettings::Route::Auto:
        break;
    }
    return overLimit(settings, payload) ? Kind::Multipart : Kind::FormPost;
}

QString RouteFactory::reason(const TransferSettings &settings,
                             const UploadRoute::Payload &payload) {
    if (settings.route != TransferSettings::Route::Auto)
        return tr("chosen in the settings");
    if (overLimit(settings, payload))
        return tr("a file is larger than %1, the most one request may carry")
            .arg(QLocale().formattedDataSize(settings.singleRequestLimit));
    return tr("every file fits in one request");
}

ApiJob *RouteFactory::initUpload(Kind kind, ApiClient *api, const UploadRoute::Payload &payload) {
    if (kind == Kind::Multipart)
        return api->initMultipartUpload(payload.spec.initMultipartUploadBody());
    return api->initUpload(payload.spec.initUploadBody(payload.sizes[0] + payload.sizes[1]));
}

RouteFactory::Created RouteFactory::create(Kind kind, ApiClient *api, const QByteArray &initAnswer,
                                           const UploadRoute::Payload &payload,
                                           const TransferSettings &settings, QObject *parent) {
    Created created;
    const bool pair = payload.spec.isPair();
    if (kind == Kind::Multipart) {
        QString parseError;
        MultipartResume resume;
        const QJsonObject answer = QJsonDocument::fromJson(initAnswer).object();
        resume.ticket = MultipartTicket::parse(answer, &parseError);
        created.sampleId = answer.value(QStringLiteral("sample_id")).toString();
        if (!parseError.isEmpty())
            created.error = UploadError::make(UploadError::Kind::BadResponse,
                                              tr("One Codex's answer to the upload request "
                                                 "was incomplete."),
                                              parseError);
        else if (pair && resume.ticket.pairedEndFileId.isEmpty())
            created.error = UploadError::make(UploadError::Kind::BadResponse,
                                              tr("One Codex gave no upload address for the "
                                                 "second file of the pair."));
        else
            created.route = new MultipartRoute(api, resume, payload, settings, parent);
        return created;
    }
    QString parseError;
    UploadTicket ticket;
    const bool ok = UploadTicket::parse(initAnswer, &ticket, &parseError);
    created.sampleId = ticket.sampleId;
    if (!ticket.fallbackOptions.isUndefined() && !ticket.fallbackOptions.isNull())
        qCDebug(lcUpload) << "sample" << ticket.sampleId
                          << "fallback_options (not used):" << ticket.fallbackOptions;
    if (!ok)
        created.error = UploadError::make(UploadError::Kind::BadResponse,
                                          tr("One Codex's answer to the upload request was "
                                             "incomplete."),
                                          parseError);
    else if (pair && !ticket.pairedEnd.isValid())
        created.error = UploadError::make(UploadError::Kind::BadResponse,
                                          tr("One Codex gave no upload address for the second "
                                             "file of the pair."));
    else
        created.route = new FormPostRoute(api, ticket, payload, parent);
    return created;
}

UploadRoute *RouteFactory::resume(ApiClient *api, const UploadRoute::ResumePoint &resume,
                                  const UploadRoute::Payload &payload,
                                  const TransferSettings &settings, QObject *parent) {
    return new MultipartRoute(api, resume, payload, settings, parent);
}

} // namespace SeqDrop
