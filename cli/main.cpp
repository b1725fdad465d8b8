// seqdrop-cli: the SeqDrop engine without a window, for scripts, servers and the tests.
#include "cliarguments.h"
#include "engine/engine.h"
#include "infocommand.h"
#include "net/apiclient.h"
#include "net/bandwidthlimiter.h"
#include "uploadcommand.h"
#include "util/redactor.h"
#include "validatecommand.h"

#include <QCoreApplication>
#include <QNetworkProxyFactory>
#include <QTimer>

#include <atomic>
#include <csignal>

namespace {

std::atomic<int> g_interrupts{0};

extern "C" void onSignal(int) {
    g_interrupts.fetch_add(1);
}

} // namespace

int main(int argc, char **argv) {
    // Qt's plain UNIX event loop, not its GLib one. QNetworkAccessManager hands an upload's
    // body from this thread to its network thread 16 KiB at a time, three cross-thread events
    // per piece; the GLib loop writes its wake-up eventfd for every one of them, the UNIX loop
    // only when the thread is asleep. Per GB uploaded: 197 000 write() calls instead of
    // 315 000 and 131 000 polls instead of 183 000, about 8% less CPU (strace -c -f and
    // A/B runs in bench/README.md). Nothing here needs GLib's loop: the key
    // comes from the environment or a file, not the keychain, and NetworkWatcher does not use
    // the GLib network backend without it. An explicit QT_NO_GLIB from the user is kept.
    if (!qEnvironmentVariableIsSet("QT_NO_GLIB"))
        qputenv("QT_NO_GLIB", "1");
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("seqdrop-cli"));
    QCoreApplication::setApplicationVersion(QStringLiteral(SEQDROP_VERSION));

    CliArguments args;
    const int status = args.parse(QCoreApplication::arguments());
    if (status >= 0)
        return status;

    // The system's proxy settings (environment, PAC, platform) apply, as in a browser.
    QNetworkProxyFactory::setUseSystemConfiguration(true);
    SeqDrop::Redactor::installMessageHandler();
    SeqDrop::Engine::Options engineOptions;
    engineOptions.origin = QString::fromLatin1(SeqDrop::Engine::CliOrigin);
    SeqDrop::Engine engine(engineOptions);
    SeqDrop::ApiClient *api = engine.api();
    api->setBaseUrl(args.apiUrl);
    api->setApiKey(args.apiKey);
    if (args.proxy.isManual())
        api->setProxy(args.proxy); // the password is registered with the Redactor there
    api->bandwidth()->setRate(args.limitRate);

    int exitCode = 1;
    auto quitWith = [&](int code) {
        exitCode = code;
        QCoreApplication::quit();
    };

    UploadCommand *upload = nullptr;
    ValidateCommand *validate = nullptr;
    if (args.command == CliArguments::Command::Validate) {
        validate = new ValidateCommand(args, api, &app);
        QObject::connect(validate, &ValidateCommand::done, &app, quitWith);
        QTimer::singleShot(0, validate, &ValidateCommand::start);
    } else if (args.command == CliArguments::Command::Upload) {
        upload = new UploadCommand(args, &engine, &app);
        QObject::connect(upload, &UploadCommand::done, &app, quitWith);
        QTimer::singleShot(0, upload, &UploadCommand::start);
    } else {
        auto *info = new InfoCommand(args.command == CliArguments::Command::WhoAmI
                                         ? InfoCommand::What::Account
                                         : InfoCommand::What::Projects,
                                     args.json, api, &app);
        QObject::connect(info, &InfoCommand::done, &app, quitWith);
        QTimer::singleShot(0, info, &InfoCommand::start);
    }

    // Ctrl-C or SIGTERM: the first cancels cleanly (samples created on the server are
    // cancelled), a second one quits at once. Polled because a signal handler may not touch Qt.
    std::signal(SIGINT, onSignal);
    std::signal(SIGTERM, onSignal);
    QTimer signalPoll;
    int handled = 0;
    QObject::connect(&signalPoll, &QTimer::timeout, &app, [&] {
        const int seen = g_interrupts.load();
        if (seen == handled)
            return;
        handled = seen;
        if (seen >= 2 || (!upload && !validate))
            quitWith(130);
        else if (upload)
            upload->interrupt();
        else
            validate->interrupt();
    });
    signalPoll.start(100);

    QCoreApplication::exec();
    return exitCode;
}
