#pragma once

#include "upload/uploadroute.h"

namespace SeqDrop {

class ApiClient;
class ApiJob;
struct TransferSettings;

// Which route moves a sample's bytes, and how that route's sample is created. The choice is made
// before the init call because each route has its own: init_upload and a presigned form per file
// (FormPostRoute), or init_multipart_upload and temporary S3 keys (MultipartRoute).
class RouteFactory {
public:
    enum class Kind { FormPost, Multipart };

    // The settings' route; Auto: multipart when a file is over the single-request limit.
    static Kind choose(const TransferSettings &settings, const UploadRoute::Payload &payload);
    // Why choose() picked what it picked, for the row's details and the log.
    static QString reason(const TransferSettings &settings, const UploadRoute::Payload &payload);

    // The init call for this route (not started).
    static ApiJob *initUpload(Kind kind, ApiClient *api, const UploadRoute::Payload &payload);

    struct Created {
        UploadRoute *route = nullptr; // null on error
        QString sampleId;             // as far as the answer could be read
        UploadError error;
    };
    // The route for the sample the init call's answer describes (not started).
    static Created create(Kind kind, ApiClient *api, const QByteArray &initAnswer,
                          const UploadRoute::Payload &payload, const TransferSettings &settings,
                          QObject *parent);
    // A route that goes on from where an earlier run stopped (not started).
    static UploadRoute *resume(ApiClient *api, const UploadRoute::ResumePoint &resume,
                               const UploadRoute::Payload &payload,
                               const TransferSettings &settings, QObject *parent);
};

} // namespace SeqDrop
