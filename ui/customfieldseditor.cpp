#include "customfieldseditor.h"

#include "samples/metadatabuilder.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

namespace SeqDrop {

CustomFieldsEditor::CustomFieldsEditor(QWidget *parent)
    : QWidget(parent)
    , m_table(new QTableWidget(0, 2, this))
    , m_error(new QLabel(this)) {
    m_table->setObjectName(QStringLiteral("customFields"));
    m_table->setAccessibleName(tr("Custom metadata fields"));
    m_table->setHorizontalHeaderLabels({tr("Field"), tr("Value")});
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    m_table->verticalHeader()->hide();
    m_table->setMaximumHeight(m_table->fontMetrics().height() * 7);
    m_error->setWordWrap(true);
    m_error->hide();

    auto *add = new QPushButton(tr("Add field"), this);
    auto *remove = new QPushButton(tr("Remove field"), this);
    add->setAccessibleName(tr("Add a custom field"));
    remove->setAccessibleName(tr("Remove the selected custom field"));
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(add);
    buttons->addWidget(remove);
    buttons->addStretch();

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_table);
    layout->addLayout(buttons);
    layout->addWidget(m_error);

    connect(add, &QPushButton::clicked, this, [this] {
        const int row = m_table->rowCount();
        m_table->insertRow(row);
        m_table->setCurrentCell(row, 0);
        m_table->editItem(m_table->item(row, 0));
    });
    connect(remove, &QPushButton::clicked, this, [this] {
        const int row = m_table->currentRow();
        if (row < 0)
            return;
        m_table->removeRow(row);
        validate();
        Q_EMIT edited();
    });
    connect(m_table, &QTableWidget::itemChanged, this, [this] {
        if (m_loading)
            return;
        validate();
        Q_EMIT edited();
    });
}

void CustomFieldsEditor::setFields(const QJsonObject &custom) {
    m_loading = true;
    m_table->setRowCount(0);
    for (auto it = custom.begin(); it != custom.end(); ++it) {
        const int row = m_table->rowCount();
        m_table->insertRow(row);
        m_table->setItem(row, 0, new QTableWidgetItem(it.key()));
        m_table->setItem(row, 1, new QTableWidgetItem(it.value().toVariant().toString()));
    }
    m_loading = false;
    validate();
}

QJsonObject CustomFieldsEditor::fields() const {
    QJsonObject result;
    for (int row = 0; row < m_table->rowCount(); ++row) {
        const QTableWidgetItem *key = m_table->item(row, 0);
        const QTableWidgetItem *value = m_table->item(row, 1);
        if (key && !key->text().trimmed().isEmpty())
            result.insert(key->text().trimmed(), value ? value->text() : QString());
    }
    return result;
}

QString CustomFieldsEditor::problem() const {
    QStringList seen;
    for (int row = 0; row < m_table->rowCount(); ++row) {
        const QTableWidgetItem *keyItem = m_table->item(row, 0);
        const QTableWidgetItem *valueItem = m_table->item(row, 1);
        const QString key = keyItem ? keyItem->text().trimmed() : QString();
        const bool hasValue = valueItem && !valueItem->text().isEmpty();
        if (key.isEmpty()) {
            if (hasValue)
                return tr("Row %1 has a value but no field name.").arg(row + 1);
            continue;
        }
        if (key == QLatin1String("custom") || MetadataBuilder::knownFields().contains(key))
            return tr("\"%1\" is a standard field: use its own entry above.").arg(key);
        if (seen.contains(key))
            return tr("The field \"%1\" is listed twice.").arg(key);
        seen << key;
    }
    return {};
}

void CustomFieldsEditor::validate() {
    const QString p = problem();
    m_error->setText(p);
    m_error->setVisible(!p.isEmpty());
    m_table->setAccessibleDescription(p);
}

} // namespace SeqDrop
