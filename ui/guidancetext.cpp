#include "guidancetext.h"

#include "session.h"
#include "uploadqueue.h"

#include <QFileInfo>

namespace SeqDrop {

QString GuidanceText::nextStep(const UploadQueue *queue, const Session *session) {
    if (queue->samples().isEmpty())
        return {};
    if (!session->canUpload())
        return session->mode() == Session::Mode::SignedOut
                   ? tr("Next: sign in (Ctrl+L) or try without an account (Ctrl+T), then start the "
                        "uploads.")
                   : tr("Connecting…");
    const bool paused = queue->isPaused();
    if (queue->pendingCount() > 0 && paused && queue->runningCount() == 0)
        return tr("Next: describe the selected samples on the right (tags, project, metadata), "
                  "then press Start Uploads (Ctrl+Return).");
    if (queue->runningCount() > 0)
        return paused
                   ? tr("Paused: running uploads finish, no new ones start. Start Uploads resumes.")
                   : tr("Uploading. You can keep adding files; they join the queue.");
    return {};
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

QString GuidanceText::intakeNotice(const SampleIntake::Report &report, QString *detailsOut) {
    QStringList lines;
    QStringList details;
    if (!report.duplicates.isEmpty()) {
        lines << tr("%n file(s) already in the list were not added again.", nullptr,
                    int(report.duplicates.size()));
        for (const QString &f : report.duplicates)
            details << tr("%1: already in the list").arg(f);
    }
    if (!report.skipped.isEmpty()) {
        QStringList names;
        for (const FileScanner::Skipped &s : report.skipped) {
            names << QFileInfo(s.path).fileName();
            details << tr("%1: %2").arg(s.path, s.reason);
        }
        lines << tr("Skipped %n file(s) that are not FASTA/FASTQ: %1", nullptr,
                    int(report.skipped.size()))
                     .arg(names.mid(0, 5).join(QStringLiteral(", ")) +
                          (names.size() > 5 ? tr(" and %n more", nullptr, int(names.size() - 5))
                                            : QString()));
    }
    *detailsOut = details.join(QLatin1Char('\n'));
    return lines.join(QLatin1Char(' '));
}

QString GuidanceText::sandboxBanner(const Session *session, const QUrl &url) {
    if (session->mode() == Session::Mode::StartingSandbox)
        return tr("Starting a local sandbox…");
    return tr("Trying SeqDrop against a local sandbox at %1: uploads stay on this computer and "
              "nothing is sent to One Codex. Sign in (Ctrl+L) to upload for real.")
        .arg(url.toDisplayString());
}

} // namespace SeqDrop
