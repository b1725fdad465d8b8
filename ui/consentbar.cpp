#include "consentbar.h"

#include "sampletablemodel.h"
#include "upload/queuechecks.h"
#include "upload/queuelanes.h"
#include "upload/sampleupload.h"
#include "upload/uploadqueue.h"

#include <QDir>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QStyle>
#include <QVBoxLayout>

#include <utility>

namespace SeqDrop {

ConsentBar::ConsentBar(UploadQueue *queue, QueueChecks *checks, SampleTableModel *model,
                       QWidget *parent)
    : QFrame(parent)
    , m_queue(queue)
    , m_checks(checks)
    , m_acceptNames(new QPushButton(tr("Upload as Safe Names")))
    , m_merge(new QPushButton(tr("Send as One Sample")))
    , m_keep(new QPushButton(tr("Keep Separate"))) {
    setObjectName(QStringLiteral("consentBar"));
    setFrameShape(QFrame::StyledPanel);
    // The notice bar's palette roles: a question stands apart from the table in any theme.
    setBackgroundRole(QPalette::ToolTipBase);
    setForegroundRole(QPalette::ToolTipText);
    setAutoFillBackground(true);
    m_acceptNames->setObjectName(QStringLiteral("acceptSafeNames"));
    m_merge->setObjectName(QStringLiteral("mergeLanes"));
    m_keep->setObjectName(QStringLiteral("keepLanesSeparate"));
    m_namesLine = makeLine(&m_namesText, {m_acceptNames});
    m_lanesLine = makeLine(&m_lanesText, {m_merge, m_keep});
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 2, 6, 2);
    layout->setSpacing(2);
    layout->addWidget(m_namesLine);
    layout->addWidget(m_lanesLine);
    connect(m_acceptNames, &QPushButton::clicked, this, &ConsentBar::acceptSafeNames);
    connect(m_merge, &QPushButton::clicked, this, &ConsentBar::mergeLanes);
    connect(m_keep, &QPushButton::clicked, this, &ConsentBar::keepLanes);

    // Checks report progress many times a second: look again at most four times a second.
    m_later.setSingleShot(true);
    m_later.setInterval(SampleTableModel::RefreshIntervalMs);
    connect(&m_later, &QTimer::timeout, this, &ConsentBar::refresh);
    auto later = [this] {
        if (!m_later.isActive())
            m_later.start();
    };
    // The lanes are looked for again only when rows came or went (a pass over a 5,000-row
    // queue), not on every check's progress.
    auto lanesLater = [this, later] {
        m_lanesStale = true;
        later();
    };
    connect(queue, &UploadQueue::samplesAdded, this, lanesLater);
    connect(model, &QAbstractItemModel::rowsRemoved, this, lanesLater);
    connect(checks, &QueueChecks::rowChanged, this, later);
    hide();
}

QWidget *ConsentBar::makeLine(QLabel **text, const QList<QPushButton *> &buttons) {
    auto *line = new QWidget(this);
    auto *layout = new QHBoxLayout(line);
    layout->setContentsMargins(0, 0, 0, 0);
    auto *icon = new QLabel(line);
    const int size = style()->pixelMetric(QStyle::PM_SmallIconSize);
    icon->setPixmap(style()->standardIcon(QStyle::SP_MessageBoxQuestion).pixmap(size, size));
    *text = new QLabel(line);
    (*text)->setWordWrap(true);
    (*text)->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(icon);
    layout->addWidget(*text, 1);
    for (QPushButton *b : buttons)
        layout->addWidget(b);
    return line;
}

QString ConsentBar::laneSetLabel(const QueueLanes::Set &set) {
    // The sample as the table names it, without its lane: "Plate7-001_S1: L001-L004".
    SampleSpec shown = set.merged;
    shown.file = QFileInfo(set.merged.file).dir().filePath(set.merged.uploadName);
    return tr("%1: L001-L%2")
        .arg(SampleTableModel::sampleName(shown))
        .arg(set.merged.moreLanes.size() + 1, 3, 10, QLatin1Char('0'));
}

QString ConsentBar::namesText() const {
    return m_namesLine->isVisibleTo(this) ? m_namesText->text() : QString();
}

QString ConsentBar::lanesText() const {
    return m_lanesLine->isVisibleTo(this) ? m_lanesText->text() : QString();
}

void ConsentBar::setLine(QWidget *line, QLabel *label, const QString &text,
                         const QStringList &items, int shown) {
    // The first few items in the sentence, all of them in the tooltip.
    label->setText(text.arg(items.mid(0, shown).join(QStringLiteral("; ")) +
                            (items.size() > shown ? tr("; …") : QString())));
    label->setToolTip(items.join(QLatin1Char('\n')));
    line->setVisible(!items.isEmpty());
}

void ConsentBar::refresh() {
    m_later.stop();
    const QList<SampleUpload *> names = m_checks->awaitingSafeNames();
    QStringList renames;
    for (SampleUpload *s : names) {
        const QueueChecks::Row row = m_checks->row(s);
        if (!row.safeName.isEmpty())
            renames << tr("%1 → %2").arg(s->spec().effectiveUploadName(), row.safeName);
        if (!row.safePairedName.isEmpty())
            renames << tr("%1 → %2").arg(s->spec().effectivePairedUploadName(), row.safePairedName);
    }
    setLine(m_namesLine, m_namesText,
            tr("%n file name(s) would be refused by One Codex (%1). Upload under safe names? The "
               "files on your disk keep their names.",
               nullptr, int(renames.size())),
            renames, 3);

    if (std::exchange(m_lanesStale, false)) {
        m_laneLabels.clear();
        for (const QueueLanes::Set &set : QueueLanes::find(m_queue))
            if (!m_keptSeparate.contains(set.merged.file))
                m_laneLabels << laneSetLabel(set);
    }
    const QStringList &labels = m_laneLabels;
    // One line however many samples: the count and one example; every set in the tooltip.
    setLine(m_lanesLine, m_lanesText,
            tr("%n sample(s) came in lanes (%1). Send each sample's lanes as one sample?", nullptr,
               int(labels.size())),
            labels, 1);
    m_lanesText->setToolTip(m_lanesText->toolTip() + QStringLiteral("\n\n") +
                            tr("The lanes are joined as they upload; nothing is written to disk."));
    setVisible(!names.isEmpty() || !labels.isEmpty());
}

void ConsentBar::acceptSafeNames() {
    const int n = m_checks->acceptSafeNames(m_checks->awaitingSafeNames());
    refresh();
    Q_EMIT answered(tr("%n sample(s) will upload under safe names.", nullptr, n));
}

void ConsentBar::mergeLanes() {
    int merged = 0;
    QList<SampleUpload *> joined; // removed together: one journal commit for a whole plate
    for (const QueueLanes::Set &set : QueueLanes::find(m_queue)) {
        if (m_keptSeparate.contains(set.merged.file) || !QueueLanes::merge(set))
            continue;
        joined.append(set.members.mid(1));
        ++merged;
    }
    m_queue->remove(joined);
    m_lanesStale = true;
    refresh();
    Q_EMIT answered(tr("Lanes merged: %n sample(s), each sent as one upload.", nullptr, merged));
}

void ConsentBar::keepLanes() {
    for (const QueueLanes::Set &set : QueueLanes::find(m_queue))
        m_keptSeparate.insert(set.merged.file);
    m_lanesStale = true;
    refresh();
    Q_EMIT answered(tr("Lanes kept as separate samples."));
}

} // namespace SeqDrop
