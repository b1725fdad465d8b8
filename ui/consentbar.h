#pragma once

#include "upload/queuelanes.h"

#include <QFrame>
#include <QSet>
#include <QTimer>

class QLabel;
class QPushButton;

namespace SeqDrop {

class QueueChecks;
class SampleTableModel;
class UploadQueue;

// Asks, above the queue and without a dialog, for the two consents the file checks need:
// - names One Codex would refuse: "Upload as Safe Names" (only the name sent changes; the
//   files on disk keep theirs). Until then those rows cannot start and say why.
// - lanes of one sample (L001..L00n): "Send as One Sample" joins them as they upload, nothing
//   is written to disk; "Keep Separate" leaves one row per lane and stops asking about them.
// Hidden while nothing waits for an answer; it follows the queue by itself.
class ConsentBar : public QFrame {
    Q_OBJECT
public:
    ConsentBar(UploadQueue *queue, QueueChecks *checks, SampleTableModel *model,
               QWidget *parent = nullptr);

    QString namesText() const;
    QString lanesText() const;
    QPushButton *safeNamesButton() const { return m_acceptNames; }
    QPushButton *mergeLanesButton() const { return m_merge; }
    QPushButton *keepLanesButton() const { return m_keep; }
    // Looks at the queue again now (normally a moment after it changed).
    void refresh();

Q_SIGNALS:
    // After the user answered: what was done, for the status bar.
    void answered(const QString &summary);

private:
    QWidget *makeLine(QLabel **text, const QList<QPushButton *> &buttons);
    void setLine(QWidget *line, QLabel *label, const QString &text, const QStringList &items,
                 int shown);
    void acceptSafeNames();
    void mergeLanes();
    void keepLanes();
    static QString laneSetLabel(const QueueLanes::Set &set);

    UploadQueue *m_queue;
    QueueChecks *m_checks;
    QWidget *m_namesLine;
    QLabel *m_namesText = nullptr;
    QPushButton *m_acceptNames;
    QWidget *m_lanesLine;
    QLabel *m_lanesText = nullptr;
    QPushButton *m_merge;
    QPushButton *m_keep;
    QSet<QString> m_keptSeparate; // first file of each lane set the user kept separate
    QTimer m_later;
    QStringList m_laneLabels; // what the lanes line offers, found again when m_lanesStale
    bool m_lanesStale = true;
};

} // namespace SeqDrop
