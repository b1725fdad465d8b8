// seqdrop-sandbox: a local One Codex + S3 look-alike. Lets a new user try
// SeqDrop without an account, and is the fixture of the integration tests.
#include "s3endpoint.h"
#include "sandboxserver.h"
#include "stopsignal.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QStandardPaths>

#include <cstdio>

namespace {

int fail(const QString &message) {
    std::fprintf(stderr, "seqdrop-sandbox: %s\n", qPrintable(message));
    return 2;
}

} // namespace

int main(int argc, char *argv[]) {
    // Before any thread starts: the stop signals are then blocked in all of them.
    StopSignal stopSignal;

    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("seqdrop-sandbox"));
    QCoreApplication::setApplicationVersion(QStringLiteral(SEQDROP_VERSION));

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Local stand-in for the One Codex upload API and its S3 storage.\n"
                       "S3 REST (path-style, SigV4) on the same port: buckets %1 (the multipart "
                       "route's) and %2.\nFixed S3 test keys: access key %3, secret %4")
            .arg(QLatin1String(S3Endpoint::MultipartBucket), QLatin1String(S3Endpoint::TestBucket),
                 QLatin1String(S3Endpoint::TestAccessKeyId),
                 QLatin1String(S3Endpoint::TestSecretAccessKey)));
    parser.addHelpOption();
    parser.addVersionOption();
    const QString defaultData =
        QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation) +
        QStringLiteral("/SeqDrop/sandbox");
    QCommandLineOption port("port", "TCP port on 127.0.0.1 (0: any free port).", "N", "0");
    QCommandLineOption data("data", "Directory for state.json and objects/.", "DIR", defaultData);
    QCommandLineOption apiKey("api-key", "The API key clients must present.", "KEY",
                              "seqdropsandbox000000000000000000");
    QCommandLineOption ttl("policy-ttl", "Lifetime of upload policies.", "SECONDS", "3600");
    QCommandLineOption sigv4("sigv4", "Sign upload policies with SigV4 instead of SigV2.");
    QCommandLineOption failApi("fail-api", "Answer the next N API calls with 503 HTML.", "N", "0");
    QCommandLineOption throttleApi("throttle-api", "Answer the next N API calls with 429.", "N",
                                   "0");
    QCommandLineOption retryAfter("retry-after", "Retry-After of the 429 answers.", "S", "1");
    QCommandLineOption cutUploads("cut-uploads", "Drop the connection of the next N uploads.", "N",
                                  "0");
    QCommandLineOption cutAt("cut-at", "Fraction of the file received before a cut or stall.",
                             "FRACTION", "0.5");
    QCommandLineOption expired("expired-policies", "Issue already expired policies N times.", "N",
                               "0");
    QCommandLineOption stallUploads("stall-uploads", "Stall the next N uploads.", "N", "0");
    QCommandLineOption stallSeconds("stall-seconds", "How long a stall holds the connection.", "S",
                                    "600");
    QCommandLineOption dropInit("drop-init-answers",
                                "Create the next N init_upload samples, then close the connection "
                                "without answering (a lost answer).",
                                "N", "0");
    QCommandLineOption htmlApi("html-api", "Answer the next N API calls 200 with an HTML page.",
                               "N", "0");
    QCommandLineOption stormMs("storm-ms",
                               "The next API call opens an outage of MS milliseconds during "
                               "which every API call answers --storm-status.",
                               "MS", "0");
    QCommandLineOption stormStatus("storm-status", "503 (HTML error page) or 429 (Retry-After).",
                                   "STATUS", "503");
    QCommandLineOption faultRoute("api-fault-route",
                                  "API faults hit only routes whose path contains TEXT.", "TEXT");
    QCommandLineOption randomFaults("random-faults",
                                    "Fault each API call and upload with this probability "
                                    "(503/429, lost init answers, expired policies, cuts, stalls).",
                                    "RATE", "0");
    QCommandLineOption seed("seed", "Seed of --random-faults.", "N", "1");
    QCommandLineOption uploadKbps(
        "upload-kbps", "Read every upload (and S3 part) no faster than KBPS kB/s (a slow link).",
        "KBPS", "0");
    parser.addOptions({port,         data,       apiKey,     ttl,     sigv4,       failApi,
                       throttleApi,  retryAfter, cutUploads, cutAt,   expired,     stallUploads,
                       stallSeconds, dropInit,   htmlApi,    stormMs, stormStatus, faultRoute,
                       randomFaults, seed,       uploadKbps});
    QCommandLineOption region("region", "Region of the sandbox S3 (SigV4 scope).", "REGION",
                              "us-east-1");
    QCommandLineOption minPartSize(
        "min-part-size", "Smallest multipart part but the last (S3: 5 MiB).", "BYTES", "5242880");
    QCommandLineOption credentialTtl("credential-ttl",
                                     "Lifetime of init_multipart_upload's temporary S3 keys.",
                                     "SECONDS", "129600");
    QCommandLineOption failParts("fail-parts", "Refuse the next N S3 parts (--fail-parts-status).",
                                 "N", "0");
    QCommandLineOption failPartsStatus("fail-parts-status",
                                       "500 (InternalError) or 503 (SlowDown).", "STATUS", "503");
    QCommandLineOption cutParts("cut-parts", "Cut the connection of the next N parts half way.",
                                "N", "0");
    QCommandLineOption loseCompletes(
        "lose-completes", "Complete the next N multipart uploads, then drop the answer.", "N", "0");
    QCommandLineOption completeErrors(
        "complete-errors",
        "Answer the next N CompleteMultipartUpload 200 with an InternalError body.", "N", "0");
    QCommandLineOption clockSkew("clock-skew", "Move the S3 clock by S seconds (Date, skew check).",
                                 "S", "0");
    QCommandLineOption failCallbacks("fail-callbacks",
                                     "Answer the next N import_file_from_s3 calls 500.", "N", "0");
    parser.addOptions({region, minPartSize, credentialTtl, failParts, failPartsStatus, cutParts,
                       loseCompletes, completeErrors, clockSkew, failCallbacks});
    QCommandLineOption maxPostSize(
        "max-post-size",
        "Refuse a form POST whose Content-Length exceeds BYTES with S3's EntityTooLarge.", "BYTES",
        "5368709120");
    QCommandLineOption proxyMode("proxy-mode",
                                 "none, status or callback: send uploads through a validating "
                                 "proxy (status_url polled, or callback_url: it confirms).",
                                 "MODE", "none");
    QCommandLineOption proxyCheck("proxy-check-seconds",
                                  "How long the proxy answers {\"complete\": false}.", "S", "2");
    QCommandLineOption proxyFails("proxy-fails", "The next N proxy checks end with code 500.", "N",
                                  "0");
    QCommandLineOption proxyRejects(
        "proxy-rejects", "The next N proxy checks end with code 422 and a message.", "N", "0");
    QCommandLineOption importSeconds(
        "import-seconds",
        "After confirm_upload a sample is importing, then validating, for S seconds in all "
        "before it is available (One Codex's own checks).",
        "S", "0");
    QCommandLineOption failValidation(
        "fail-validation", "The next N confirmed samples end failed_validation with an error_msg.",
        "N", "0");
    parser.addOptions({maxPostSize, proxyMode, proxyCheck, proxyFails, proxyRejects, importSeconds,
                       failValidation});
    parser.process(app);

    auto intOption = [&](const QCommandLineOption &o, int min, int max, int *out) {
        bool ok = false;
        *out = parser.value(o).toInt(&ok);
        return ok && *out >= min && *out <= max;
    };
    SandboxServer::Options options;
    options.dataDir = QDir(parser.value(data)).absolutePath();
    options.apiKey = parser.value(apiKey);
    options.sigv4 = parser.isSet(sigv4);
    int listenPort = 0;
    FaultPlan::Settings &f = options.faults;
    bool ok =
        intOption(port, 0, 65535, &listenPort) &&
        intOption(ttl, -86400, 7 * 86400, &options.policyTtl) &&
        intOption(failApi, 0, 1 << 30, &f.failApi) &&
        intOption(throttleApi, 0, 1 << 30, &f.throttleApi) &&
        intOption(retryAfter, 0, 86400, &f.retryAfter) &&
        intOption(cutUploads, 0, 1 << 30, &f.cutUploads) &&
        intOption(expired, 0, 1 << 30, &f.expiredPolicies) &&
        intOption(stallUploads, 0, 1 << 30, &f.stallUploads) &&
        intOption(stallSeconds, 0, 86400, &f.stallSeconds) &&
        intOption(dropInit, 0, 1 << 30, &f.dropInitAnswers) &&
        intOption(htmlApi, 0, 1 << 30, &f.htmlApi) && intOption(stormMs, 0, 1 << 30, &f.stormMs) &&
        intOption(stormStatus, 429, 503, &f.stormStatus) &&
        (f.stormStatus == 429 || f.stormStatus == 503) && intOption(seed, 0, 1 << 30, &f.seed) &&
        intOption(uploadKbps, 0, 1 << 30, &f.uploadKbps) &&
        intOption(credentialTtl, -86400, 30 * 86400, &options.credentialTtl) &&
        intOption(failParts, 0, 1 << 30, &f.failParts) &&
        intOption(failPartsStatus, 500, 503, &f.failPartsStatus) &&
        (f.failPartsStatus == 500 || f.failPartsStatus == 503) &&
        intOption(cutParts, 0, 1 << 30, &f.cutParts) &&
        intOption(importSeconds, 0, 7 * 86400, &f.importSeconds) &&
        intOption(failValidation, 0, 1 << 30, &f.failValidation) &&
        intOption(loseCompletes, 0, 1 << 30, &f.loseCompletes) &&
        intOption(completeErrors, 0, 1 << 30, &f.completeErrors) &&
        intOption(clockSkew, -(1 << 30), 1 << 30, &f.clockSkewS) &&
        intOption(failCallbacks, 0, 1 << 30, &f.failCallbacks);
    bool minPartOk = false;
    options.minPartSize = parser.value(minPartSize).toLongLong(&minPartOk);
    options.region = parser.value(region);
    ok = ok && minPartOk && options.minPartSize >= 0 && !options.region.isEmpty();
    f.apiFaultRoute = parser.value(faultRoute);
    bool maxPostOk = false, checkOk = false;
    options.maxPostSize = parser.value(maxPostSize).toLongLong(&maxPostOk);
    options.proxyCheckMs = int(parser.value(proxyCheck).toDouble(&checkOk) * 1000);
    if (!maxPostOk || options.maxPostSize < 1 || !checkOk || options.proxyCheckMs < 0 ||
        !ProxyEndpoint::parseMode(parser.value(proxyMode), &options.proxyMode) ||
        !intOption(proxyFails, 0, 1 << 30, &f.proxyFails) ||
        !intOption(proxyRejects, 0, 1 << 30, &f.proxyRejects))
        return fail(QStringLiteral("invalid option value (see --help)"));
    bool cutAtOk = false, rateOk = false;
    f.cutAt = parser.value(cutAt).toDouble(&cutAtOk);
    f.randomFaults = parser.value(randomFaults).toDouble(&rateOk);
    if (!ok || !cutAtOk || f.cutAt < 0 || f.cutAt > 1 || !rateOk || f.randomFaults < 0 ||
        f.randomFaults > 1)
        return fail(QStringLiteral("invalid option value (see --help)"));
    if (options.apiKey.isEmpty())
        return fail(QStringLiteral("--api-key must not be empty"));
    if (!QDir().mkpath(options.dataDir))
        return fail(QStringLiteral("cannot create data directory %1").arg(options.dataDir));

    SandboxServer server(options);
    const int bound = server.bind(listenPort);
    if (bound <= 0)
        return fail(QStringLiteral("cannot listen on 127.0.0.1:%1").arg(listenPort));

    // Tests parse the first line: keep its wording.
    std::printf("seqdrop-sandbox listening on %s\n", qPrintable(server.baseUrl()));
    std::printf("api key: %s\n", qPrintable(options.apiKey));
    std::printf("data: %s\n", qPrintable(options.dataDir));
    std::fflush(stdout);

    stopSignal.onStop([&server] { server.stop(); });
    const bool served = server.run();
    server.stop();
    return served ? 0 : 1;
}
