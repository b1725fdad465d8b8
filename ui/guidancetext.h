#pragma once

#include "sampleintake.h"

#include <QCoreApplication>
#include <QString>
#include <QUrl>

namespace SeqDrop {

class Session;
class UploadQueue;

// The sentences that tell the user where they stand and what to do next, worked out from the
// queue and the session in one place so the window never contradicts itself.
class GuidanceText {
    Q_DECLARE_TR_FUNCTIONS(SeqDrop::GuidanceText)
public:
    // Above the queue; empty when the empty-state page says it already.
    static QString nextStep(const UploadQueue *queue, const Session *session);
    // In the status bar: who is signed in and where the (masked) key comes from.
    static QString account(const Session *session);
    // What an addition refused or skipped (empty when all went in); `details` gets one line
    // per file with the reason.
    static QString intakeNotice(const SampleIntake::Report &report, QString *details);
    // The banner shown while working against the local sandbox.
    static QString sandboxBanner(const Session *session, const QUrl &url);
};

} // namespace SeqDrop
