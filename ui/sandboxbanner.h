#pragma once

#include <QLabel>

namespace SeqDrop {

class Session;

// Across the top of the queue while SeqDrop works against a local sandbox, so that nobody takes
// a trial run for an upload to One Codex; hidden otherwise.
class SandboxBanner : public QLabel {
    Q_OBJECT
public:
    explicit SandboxBanner(QWidget *parent = nullptr);

    // `server`: the address the session talks to now.
    void follow(const Session *session, const QUrl &server);
};

} // namespace SeqDrop
