#include "tageditor.h"

#include "samples/metadatabuilder.h"

#include <QCompleter>
#include <QGridLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QStringListModel>

namespace SeqDrop {

TagEditor::TagEditor(QWidget *parent)
    : QWidget(parent)
    , m_input(new QLineEdit(this))
    , m_add(new QPushButton(tr("Add tag"), this))
    , m_remove(new QPushButton(tr("Remove tag"), this))
    , m_list(new QListWidget(this))
    , m_hint(new QLabel(this))
    , m_known(new QStringListModel(this))
    , m_completer(new QCompleter(m_known, this)) {
    m_input->setObjectName(QStringLiteral("tagInput"));
    m_input->setMaxLength(MetadataBuilder::MaxTagLength);
    m_input->setPlaceholderText(tr("New tag, then Enter"));
    m_input->setAccessibleName(tr("New tag"));
    m_completer->setCaseSensitivity(Qt::CaseInsensitive);
    m_completer->setFilterMode(Qt::MatchContains);
    m_input->setCompleter(m_completer);
    m_list->setObjectName(QStringLiteral("tagList"));
    m_list->setAccessibleName(tr("Tags of the selected samples"));
    m_list->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_list->setMaximumHeight(m_list->fontMetrics().height() * 4);
    m_list->setFlow(QListView::LeftToRight); // tags read like a line of labels, wrapping
    m_list->setWrapping(true);
    m_list->setSpacing(2);
    m_add->setAccessibleName(tr("Add tag"));
    m_remove->setAccessibleName(tr("Remove selected tags"));
    m_hint->setWordWrap(true);
    m_hint->setForegroundRole(QPalette::PlaceholderText);

    auto *layout = new QGridLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_input, 0, 0);
    layout->addWidget(m_add, 0, 1);
    layout->addWidget(m_list, 1, 0, 1, 2);
    layout->addWidget(m_hint, 2, 0);
    layout->addWidget(m_remove, 2, 1, Qt::AlignTop);

    connect(m_input, &QLineEdit::returnPressed, this, &TagEditor::addFromInput);
    connect(m_add, &QPushButton::clicked, this, &TagEditor::addFromInput);
    connect(m_remove, &QPushButton::clicked, this, &TagEditor::removeSelected);
    connect(m_input, &QLineEdit::textEdited, this, &TagEditor::updateHint);
    connect(m_list, &QListWidget::itemSelectionChanged, this,
            [this] { m_remove->setEnabled(!m_list->selectedItems().isEmpty()); });
    m_remove->setEnabled(false);
    updateHint();
}

void TagEditor::setKnownTags(const QStringList &tags) {
    m_known->setStringList(tags);
}

void TagEditor::setTags(const QStringList &tags) {
    m_list->clear();
    m_list->addItems(tags);
    m_input->clear();
    updateHint();
}

QStringList TagEditor::tags() const {
    QStringList result;
    for (int i = 0; i < m_list->count(); ++i)
        result << m_list->item(i)->text();
    return result;
}

bool TagEditor::commitPending() {
    if (m_input->text().trimmed().isEmpty())
        return false;
    addFromInput();
    return true;
}

void TagEditor::addFromInput() {
    const QString tag = m_input->text().trimmed();
    QString why;
    if (!MetadataBuilder::isValidTag(tag, &why)) {
        m_hint->setText(why);
        return;
    }
    if (!tags().contains(tag)) {
        m_list->addItem(tag);
        Q_EMIT edited();
    }
    m_input->clear();
    updateHint();
}

void TagEditor::removeSelected() {
    const QList<QListWidgetItem *> items = m_list->selectedItems();
    if (items.isEmpty())
        return;
    qDeleteAll(items);
    Q_EMIT edited();
}

void TagEditor::updateHint() {
    const int n = int(m_input->text().size());
    if (n >= MetadataBuilder::MaxTagLength)
        m_hint->setText(tr("%1 of %2 characters: One Codex allows no longer tags.")
                            .arg(n)
                            .arg(MetadataBuilder::MaxTagLength));
    else if (n > 0)
        m_hint->setText(tr("%1 of %2 characters").arg(n).arg(MetadataBuilder::MaxTagLength));
    else
        m_hint->setText(tr("Existing tags are suggested as you type."));
}

} // namespace SeqDrop
