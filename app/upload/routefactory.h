#pragma once

#include "upload/uploadroute.h"

namespace SeqDrop {

class ApiClient;
class ApiJob;
struct UploadTicket;

// Which route moves a sample's bytes, and how that route's sample is created. The choice is made
// before init_upload because a route may need its own init call: the multipart route (a file
// over 5 GiB, next issue) adds its Kind, its init call in initUpload() and its construction in
// create(), and SampleUpload drives it through UploadRoute like the form route.
class RouteFactory {
public:
    enum class Kind { FormPost };

    static Kind choose(const UploadRoute::Payload &payload);
    // The init_upload call for this route (not started).
    static ApiJob *initUpload(Kind kind, ApiClient *api, const UploadRoute::Payload &payload);
    // The route for a sample init_upload created (not started).
    static UploadRoute *create(Kind kind, ApiClient *api, const UploadTicket &ticket,
                               const UploadRoute::Payload &payload, QObject *parent);
};

} // namespace SeqDrop
