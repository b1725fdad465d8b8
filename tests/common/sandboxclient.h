#pragma once

#include "net/apiclient.h"
#include "sandboxprocess.h"

#include <QNetworkAccessManager>
#include <memory>

// What most engine integration tests start from: a fresh sandbox, a network manager and an
// ApiClient pointed at the sandbox with its key. Header-only, so the shared test library
// does not have to link the engine.
struct SandboxClient {
    std::unique_ptr<SandboxProcess> sandbox;
    std::unique_ptr<QNetworkAccessManager> nam;
    std::unique_ptr<SeqDrop::ApiClient> api;

    // False when the sandbox did not come up.
    bool start(const QStringList &sandboxArgs = {}) {
        sandbox = std::make_unique<SandboxProcess>(sandboxArgs);
        if (!sandbox->start())
            return false;
        nam = std::make_unique<QNetworkAccessManager>();
        api = std::make_unique<SeqDrop::ApiClient>(nam.get());
        api->setBaseUrl(sandbox->baseUrl());
        api->setApiKey(sandbox->apiKey());
        return true;
    }
    // The client before its network manager, the sandbox last.
    void stop() {
        api.reset();
        nam.reset();
        sandbox.reset();
    }
};
