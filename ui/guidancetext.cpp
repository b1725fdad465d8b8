#include "guidancetext.h"

#include "desktop/session.h"
#include "upload/uploadqueue.h"

namespace SeqDrop {

QString GuidanceText::nextStep(const UploadQueue *queue, const Session *session) {
    if (queue->samples().isEmpty())
        return {};
    if (!session->canUpload())
        return session->mode() == Session::Mode::SignedOut
                   ? tr("Next: sign in (Ctrl+L) or try without an account (Ctrl+T), then start the "
                        "uploads.")
                   : tr("Connecting…");
    // Rows the file checks hold are said after whatever else is next.
    const QString held =
        queue->heldCount() > 0
            ? tr("%n sample(s) cannot start yet: their Status says why (a bad file: remove it, or "
                 "fix it and add it again; a refused name: answer above the queue).",
                 nullptr, queue->heldCount())
            : QString();
    const bool paused = queue->isPaused();
    QString next;
    if (queue->pendingCount() > 0 && paused && queue->runningCount() == 0)
        next = tr("Next: describe the selected samples on the right (tags, project, metadata), "
                  "then press Start Uploads (Ctrl+Return).");
    else if (queue->runningCount() > 0)
        next = paused
                   ? tr("Paused: running uploads finish, no new ones start. Start Uploads resumes.")
                   : tr("Uploading. You can keep adding files; they join the queue.");
    return next.isEmpty() || held.isEmpty() ? next + held : next + QLatin1Char(' ') + held;
}

QString GuidanceText::account(const Session *session) {
    switch (session->mode()) {
    case Session::Mode::SignedOut:
        return tr("Not signed in");
    case Session::Mode::Checking:
        return tr("Checking the API key…");
    case Session::Mode::StartingSandbox:
        return tr("Starting the sandbox…");
    case Session::Mode::Sandbox:
        return tr("Local sandbox");
    case Session::Mode::SignedIn:
        break;
    }
    const QString who = session->email().isEmpty() ? tr("unknown account") : session->email();
    const Session::KeySource src = session->keySource();
    const QString where = src == Session::KeySource::Environment ? tr("key from ONE_CODEX_API_KEY")
                          : src == Session::KeySource::Memory    ? tr("key kept for this run only")
                                                                 : tr("key in the system keychain");
    return tr("Signed in as %1 (%2, %3)").arg(who, session->maskedKey(), where);
}

QString GuidanceText::sandboxBanner(const Session *session, const QUrl &url) {
    if (session->mode() == Session::Mode::StartingSandbox)
        return tr("Starting a local sandbox…");
    return tr("Trying SeqDrop against a local sandbox at %1: uploads stay on this computer and "
              "nothing is sent to One Codex. Sign in (Ctrl+L) to upload for real.")
        .arg(url.toDisplayString());
}

} // namespace SeqDrop
