#include "cliarguments.h"

#include "net/apiclient.h"
#include "net/bandwidthlimiter.h"

#include <QCommandLineParser>
#include <QFile>
#include <QTextStream>

namespace {

int usageError(const QString &message) {
    QTextStream(stderr) << "seqdrop-cli: " << message << "\nRun 'seqdrop-cli --help' for usage.\n";
    return 2;
}

QString readKeyFile(const QString &path, QString *error) {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error =
            QStringLiteral("Cannot read the API key file %1: %2").arg(path, file.errorString());
        return {};
    }
    const QString key = QString::fromUtf8(file.readAll()).trimmed();
    if (key.isEmpty())
        *error = QStringLiteral("The API key file %1 is empty.").arg(path);
    return key;
}

// --proxy URL: http:// or socks5:// (socks5h: names resolved by the proxy, which Qt's SOCKS5
// proxy does anyway), a host and a port. Credentials in the URL are refused: a command line is
// visible to every user of the computer (ps), so they come from the environment.
QString parseProxy(const QString &text, SeqDrop::ProxySettings *proxy) {
    using Mode = SeqDrop::ProxySettings::Mode;
    const QUrl url(text, QUrl::StrictMode);
    const QString scheme = url.scheme().toLower();
    if (!url.isValid() || url.host().isEmpty())
        return QStringLiteral("--proxy takes a URL such as http://proxy.example.org:3128 or "
                              "socks5://127.0.0.1:1080, not \"%1\".")
            .arg(text);
    if (!url.userName().isEmpty() || !url.password().isEmpty())
        return QStringLiteral("Do not put the proxy's user name or password in --proxy: every "
                              "user of this computer can read a command line. Set "
                              "SEQDROP_PROXY_USER and SEQDROP_PROXY_PASSWORD instead.");
    if (scheme == QLatin1String("http"))
        proxy->mode = Mode::Http;
    else if (scheme == QLatin1String("socks5") || scheme == QLatin1String("socks5h"))
        proxy->mode = Mode::Socks5;
    else if (scheme == QLatin1String("https"))
        return QStringLiteral("An https:// proxy (TLS to the proxy itself) is not supported. "
                              "Give it as http://: HTTPS sites still go through it encrypted, in "
                              "a CONNECT tunnel.");
    else
        return QStringLiteral("--proxy takes http:// or socks5://, not %1://.").arg(scheme);
    proxy->host = url.host();
    proxy->port = quint16(url.port(scheme == QLatin1String("http") ? 80 : 1080));
    proxy->user = qEnvironmentVariable("SEQDROP_PROXY_USER");
    proxy->password = qEnvironmentVariable("SEQDROP_PROXY_PASSWORD");
    return proxy->problem();
}

} // namespace

int CliArguments::parse(const QStringList &argv) {
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Upload FASTA/FASTQ samples to One Codex.\n\n"
                       "Commands:\n"
                       "  upload [options] FILE...   upload files; R1/R2 files pair automatically\n"
                       "  validate [--json] FILE...  check files (and pairs) without uploading\n"
                       "  upload|validate --sample-sheet SHEET FILE|FOLDER...\n"
                       "                             describe the samples with a sample sheet\n"
                       "  whoami                     show the account the API key belongs to\n"
                       "  projects                   list the account's projects\n\n"
                       "The API key is read from ONE_CODEX_API_KEY or --api-key-file.\n"
                       "Exit status: 0 all samples confirmed, 1 some failed, 2 usage error or bad "
                       "input, 3 authentication failed."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption optApiUrl(QStringLiteral("api-url"),
                                       QStringLiteral("One Codex API address (default %1, or "
                                                      "ONE_CODEX_API_BASE).")
                                           .arg(QStringLiteral("https://app.onecodex.com")),
                                       QStringLiteral("URL"));
    const QCommandLineOption optKeyFile(QStringLiteral("api-key-file"),
                                        QStringLiteral("Read the API key from FILE."),
                                        QStringLiteral("FILE"));
    const QCommandLineOption optProject(QStringLiteral("project"),
                                        QStringLiteral("Project id, name or project_name."),
                                        QStringLiteral("PROJECT"));
    const QCommandLineOption optTag(QStringLiteral("tag"),
                                    QStringLiteral("Tag the samples (repeatable, "
                                                   "at most 30 characters)."),
                                    QStringLiteral("NAME"));
    const QCommandLineOption optMetadata(
        QStringLiteral("metadata"),
        QStringLiteral("Metadata field (repeatable), e.g. "
                       "platform=\"Illumina MiSeq\"; unknown keys go "
                       "to custom metadata."),
        QStringLiteral("KEY=VALUE"));
    const QCommandLineOption optExternalId(QStringLiteral("external-sample-id"),
                                           QStringLiteral("Your own id for the sample (at most 60 "
                                                          "characters)."),
                                           QStringLiteral("ID"));
    const QCommandLineOption optForward(QStringLiteral("forward"),
                                        QStringLiteral("R1 file of an explicit pair."),
                                        QStringLiteral("R1"));
    const QCommandLineOption optReverse(QStringLiteral("reverse"),
                                        QStringLiteral("R2 file of an explicit pair."),
                                        QStringLiteral("R2"));
    const QCommandLineOption optInterleaved(
        QStringLiteral("interleaved"),
        QStringLiteral("Single files hold both reads of each pair."));
    const QCommandLineOption optJobs(QStringLiteral("jobs"),
                                     QStringLiteral("Samples uploaded at once (default 4)."),
                                     QStringLiteral("N"), QStringLiteral("4"));
    const QCommandLineOption optJson(QStringLiteral("json"),
                                     QStringLiteral("Print one JSON object per sample on stdout."));
    const QCommandLineOption optSkipValidation(
        QStringLiteral("skip-validation"),
        QStringLiteral("Do not check file contents before upload."));
    const QCommandLineOption optForce(QStringLiteral("force"),
                                      QStringLiteral("Upload files again even when an earlier run "
                                                     "already confirmed them."));
    const QCommandLineOption optSafeNames(QStringLiteral("accept-safe-names"),
                                          QStringLiteral("Upload files whose names One Codex would "
                                                         "refuse under the proposed safe name (the "
                                                         "files on disk are not renamed)."));
    const QCommandLineOption optMergeLanes(
        QStringLiteral("merge-lanes"), QStringLiteral("Send the lanes of one sample (_L001_, "
                                                      "_L002_, ...) as one sample, joined while "
                                                      "uploading."));
    const QCommandLineOption optValidateWhile(
        QStringLiteral("validate-while-uploading"),
        QStringLiteral(
            "Check file contents as they are sent (one read of the disk) instead of "
            "before the upload; a bad file stops its upload and its sample is cancelled."));
    const QCommandLineOption optRoute(
        QStringLiteral("route"),
        QStringLiteral("How files travel: auto (one request per file, an S3 multipart upload "
                       "for a file over 5 GiB), form, or multipart (resumable part by part)."),
        QStringLiteral("ROUTE"), QStringLiteral("auto"));
    const QCommandLineOption optPartsInFlight(
        QStringLiteral("parts-in-flight"),
        QStringLiteral("Multipart: parts of one file sent at once (default 4)."),
        QStringLiteral("N"), QStringLiteral("4"));
    const QCommandLineOption optSampleSheet(
        QStringLiteral("sample-sheet"),
        QStringLiteral("Describe the samples with this sheet: an Illumina SampleSheet.csv (v1 or "
                       "v2) or SeqDrop's CSV (docs/sample-sheets.md). FILE... may then name run "
                       "folders; Undetermined_S0_* files are left out."),
        QStringLiteral("SHEET"));
    const QCommandLineOption optKeepUndetermined(
        QStringLiteral("keep-undetermined"),
        QStringLiteral("With --sample-sheet: upload the Undetermined_S0_* files too."));
    const QCommandLineOption optLimitRate(
        QStringLiteral("limit-rate"),
        QStringLiteral("At most RATE bytes per second for all uploads together, as curl spells "
                       "it: 500K, 20M, 1G (powers of 1024)."),
        QStringLiteral("RATE"));
    const QCommandLineOption optProxy(
        QStringLiteral("proxy"),
        QStringLiteral("Go through this proxy: http://HOST:PORT (HTTPS sites through a CONNECT "
                       "tunnel) or socks5://HOST:PORT. Its user name and password come from "
                       "SEQDROP_PROXY_USER and SEQDROP_PROXY_PASSWORD, never from the command "
                       "line. Without it the system's proxy settings apply."),
        QStringLiteral("URL"));
    const QCommandLineOption optWait(
        QStringLiteral("wait"),
        QStringLiteral("After the uploads, wait until One Codex has imported and validated every "
                       "confirmed sample (available or failed_validation), print each, and exit 1 "
                       "if one failed validation."));
    parser.addOptions({optSampleSheet, optKeepUndetermined, optLimitRate, optProxy, optWait});
    parser.addOptions({optRoute, optPartsInFlight, optValidateWhile, optMergeLanes, optSafeNames,
                       optForce, optApiUrl, optKeyFile, optProject, optTag, optMetadata,
                       optExternalId, optForward, optReverse, optInterleaved, optJobs, optJson,
                       optSkipValidation});
    parser.addPositionalArgument(QStringLiteral("command"),
                                 QStringLiteral("upload, validate, whoami or projects"));
    parser.addPositionalArgument(QStringLiteral("FILE"), QStringLiteral("Files to upload."),
                                 QStringLiteral("[FILE...]"));

    if (!parser.parse(argv))
        return usageError(parser.errorText());
    if (parser.isSet(QStringLiteral("help"))) {
        QTextStream(stdout) << parser.helpText();
        return 0;
    }
    if (parser.isSet(QStringLiteral("version"))) {
        QTextStream(stdout) << "seqdrop-cli " << SEQDROP_VERSION << '\n';
        return 0;
    }

    QStringList positional = parser.positionalArguments();
    if (positional.isEmpty())
        return usageError(QStringLiteral("Give a command: upload, validate, whoami or projects."));
    const QString name = positional.takeFirst();
    if (name == QLatin1String("upload"))
        command = Command::Upload;
    else if (name == QLatin1String("validate"))
        command = Command::Validate;
    else if (name == QLatin1String("whoami"))
        command = Command::WhoAmI;
    else if (name == QLatin1String("projects"))
        command = Command::Projects;
    else
        return usageError(QStringLiteral("Unknown command \"%1\".").arg(name));

    apiUrl = parser.isSet(optApiUrl) ? QUrl(parser.value(optApiUrl))
                                     : SeqDrop::ApiClient::defaultBaseUrl();
    if (parser.isSet(optKeyFile)) {
        QString error;
        apiKey = readKeyFile(parser.value(optKeyFile), &error);
        if (!error.isEmpty())
            return usageError(error);
    } else {
        apiKey = qEnvironmentVariable("ONE_CODEX_API_KEY").trimmed();
    }
    if (apiKey.isEmpty() && command != Command::Validate)
        return usageError(
            QStringLiteral("No API key: set ONE_CODEX_API_KEY or use --api-key-file FILE."));

    project = parser.value(optProject);
    tags = parser.values(optTag);
    metadata = parser.values(optMetadata);
    externalSampleId = parser.value(optExternalId);
    forward = parser.value(optForward);
    reverse = parser.value(optReverse);
    interleaved = parser.isSet(optInterleaved);
    json = parser.isSet(optJson);
    skipValidation = parser.isSet(optSkipValidation);
    force = parser.isSet(optForce);
    acceptSafeNames = parser.isSet(optSafeNames);
    mergeLanes = parser.isSet(optMergeLanes);
    validateWhileUploading = parser.isSet(optValidateWhile);
    bool ok = false;
    jobs = parser.value(optJobs).toInt(&ok);
    if (!ok || jobs < 1 || jobs > 64)
        return usageError(QStringLiteral("--jobs takes a number from 1 to 64."));
    route = parser.value(optRoute);
    if (route != QLatin1String("auto") && route != QLatin1String("form") &&
        route != QLatin1String("multipart"))
        return usageError(QStringLiteral("--route takes auto, form or multipart."));
    partsInFlight = parser.value(optPartsInFlight).toInt(&ok);
    if (!ok || partsInFlight < 1 || partsInFlight > 32)
        return usageError(QStringLiteral("--parts-in-flight takes a number from 1 to 32."));
    files = positional;
    sampleSheet = parser.value(optSampleSheet);
    keepUndetermined = parser.isSet(optKeepUndetermined);
    if (keepUndetermined && sampleSheet.isEmpty())
        return usageError(QStringLiteral("--keep-undetermined goes with --sample-sheet."));

    wait = parser.isSet(optWait);
    if (parser.isSet(optLimitRate)) {
        limitRate = SeqDrop::BandwidthLimiter::parseRate(parser.value(optLimitRate));
        if (limitRate <= 0)
            return usageError(QStringLiteral("--limit-rate takes a rate such as 500K, 20M or 1G, "
                                             "not \"%1\".")
                                  .arg(parser.value(optLimitRate)));
    }
    if (parser.isSet(optProxy)) {
        const QString problem = parseProxy(parser.value(optProxy), &proxy);
        if (!problem.isEmpty())
            return usageError(problem);
    }

    const bool takesFiles = command == Command::Upload || command == Command::Validate;
    if (!takesFiles && !files.isEmpty())
        return usageError(QStringLiteral("\"%1\" takes no files.").arg(name));
    if (takesFiles) {
        if (forward.isEmpty() != reverse.isEmpty())
            return usageError(QStringLiteral("--forward and --reverse go together."));
        if (files.isEmpty() && forward.isEmpty())
            return usageError(QStringLiteral("No files: give FILE... or --forward/--reverse."));
    }
    return -1;
}
