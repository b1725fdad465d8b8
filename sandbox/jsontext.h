#pragma once

#include <QByteArray>
#include <QJsonValue>
#include <QString>
#include <utility>
#include <vector>

// A JSON object that keeps its keys in insertion order. QJsonObject sorts its
// keys, but the order of a presigned POST's additional_fields is part of the
// contract (clients must send the form fields in the order given), so the
// init_upload answer is written as text through this class.
class OrderedJsonObject {
public:
    OrderedJsonObject &add(const QString &key, const QJsonValue &value);
    OrderedJsonObject &add(const QString &key, const OrderedJsonObject &nested);
    QByteArray toJson() const;
    QJsonValue value(const QString &key) const;

private:
    // Each entry holds the already serialised value text.
    std::vector<std::pair<QString, QByteArray>> m_entries;
    std::vector<std::pair<QString, QJsonValue>> m_values;
};

namespace JsonText {
// Compact JSON text of any value (strings escaped, numbers as Qt prints them).
QByteArray encode(const QJsonValue &value);
} // namespace JsonText
