#include "upload/routefactory.h"

#include "net/apiclient.h"
#include "upload/formpostroute.h"

namespace SeqDrop {

RouteFactory::Kind RouteFactory::choose(const UploadRoute::Payload &) {
    return Kind::FormPost;
}

ApiJob *RouteFactory::initUpload(Kind, ApiClient *api, const UploadRoute::Payload &payload) {
    return api->initUpload(payload.spec.initUploadBody(payload.sizes[0] + payload.sizes[1]));
}

UploadRoute *RouteFactory::create(Kind, ApiClient *api, const UploadTicket &ticket,
                                  const UploadRoute::Payload &payload, QObject *parent) {
    return new FormPostRoute(api, ticket, payload, parent);
}

} // namespace SeqDrop
