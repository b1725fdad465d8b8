#include "samplefilterfield.h"

#include "samplefiltermodel.h"
#include "sampletablemodel.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>

namespace SeqDrop {

SampleFilterField::SampleFilterField(SampleFilterModel *filter, QWidget *parent)
    : QWidget(parent)
    , m_filter(filter)
    , m_input(new QLineEdit(this))
    , m_count(new QLabel(this)) {
    m_input->setObjectName(QStringLiteral("sampleFilter"));
    m_input->setPlaceholderText(tr("Filter samples"));
    m_input->setAccessibleName(tr("Filter samples"));
    m_input->setToolTip(tr("Shows the samples whose name, files, status or sample id contain "
                           "every word typed here (Ctrl+F)"));
    m_input->setClearButtonEnabled(true);
    const int em = fontMetrics().horizontalAdvance(QLatin1Char('M'));
    m_input->setMinimumWidth(em * 12);
    m_input->setMaximumWidth(em * 20);
    m_count->setObjectName(QStringLiteral("sampleFilterCount"));
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_count);
    layout->addWidget(m_input);
    m_delay.setSingleShot(true);
    m_delay.setInterval(DelayMs);
    connect(&m_delay, &QTimer::timeout, this, &SampleFilterField::apply);
    connect(m_input, &QLineEdit::textChanged, this, [this] { m_delay.start(); });
    connect(m_input, &QLineEdit::returnPressed, this, &SampleFilterField::apply);
    for (auto signal : {&QAbstractItemModel::rowsInserted, &QAbstractItemModel::rowsRemoved})
        connect(filter, signal, this, &SampleFilterField::updateCount);
    connect(filter, &QAbstractItemModel::modelReset, this, &SampleFilterField::updateCount);
    connect(filter, &QAbstractItemModel::layoutChanged, this, &SampleFilterField::updateCount);
    updateCount();
}

void SampleFilterField::apply() {
    m_delay.stop();
    m_filter->setFilterText(m_input->text());
    updateCount();
}

void SampleFilterField::updateCount() {
    const bool on = !m_filter->filterText().isEmpty();
    m_count->setVisible(on);
    if (!on)
        return;
    const int total = m_filter->samples()->rowCount();
    m_count->setText(tr("%1 of %2 shown")
                         .arg(QLocale().toString(m_filter->rowCount()), QLocale().toString(total)));
}

} // namespace SeqDrop
