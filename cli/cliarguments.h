#pragma once

#include "net/proxysettings.h"

#include <QStringList>
#include <QUrl>

// Everything seqdrop-cli was asked to do, parsed and checked before any network traffic.
struct CliArguments {
    enum class Command { None, Upload, Validate, WhoAmI, Projects };

    Command command = Command::None;
    QUrl apiUrl;
    QString apiKey;
    QString project;
    QStringList tags;
    QStringList metadata; // KEY=VALUE as given
    QString externalSampleId;
    QString forward;
    QString reverse;
    QStringList files;
    bool interleaved = false;
    bool json = false;
    bool skipValidation = false;
    bool validateWhileUploading = false; // one disk read: check content as it is sent
    bool mergeLanes = false;             // send lanes L001..L00n of one sample as one upload
    bool acceptSafeNames = false; // upload under the proposed safe name when a name is refused
    bool force = false;           // upload again files the journal says are confirmed already
    int jobs = 4;
    QString route = QStringLiteral("auto"); // auto | form | multipart
    int partsInFlight = 4;                  // multipart: parts sent at once per file
    QString sampleSheet;                    // describes the samples; folders may be given then
    bool keepUndetermined = false;          // with a sheet: send Undetermined_S0_* too
    bool wait = false;    // upload: wait for One Codex's verdict on every confirmed sample
    qint64 limitRate = 0; // bytes per second for all uploads; 0: no limit
    // --proxy: mode Http or Socks5 with host and port, the credentials from the environment;
    // mode System when not given.
    SeqDrop::ProxySettings proxy;

    // Exit status 2 on a usage error (message printed), 0 after --help/--version, -1 to go on.
    int parse(const QStringList &argv);
};
