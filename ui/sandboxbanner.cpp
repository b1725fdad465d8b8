#include "sandboxbanner.h"

#include "desktop/session.h"
#include "guidancetext.h"

namespace SeqDrop {

SandboxBanner::SandboxBanner(QWidget *parent)
    : QLabel(parent) {
    setObjectName(QStringLiteral("sandboxBanner"));
    setWordWrap(true);
    setMargin(6);
    setAutoFillBackground(true);
    setBackgroundRole(QPalette::Highlight);
    setForegroundRole(QPalette::HighlightedText);
    hide();
}

void SandboxBanner::follow(const Session *session, const QUrl &server) {
    setVisible(session->isSandbox());
    setText(GuidanceText::sandboxBanner(session, server));
}

} // namespace SeqDrop
