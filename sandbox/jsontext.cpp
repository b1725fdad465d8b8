#include "jsontext.h"

#include <QJsonArray>
#include <QJsonDocument>

QByteArray JsonText::encode(const QJsonValue &value) {
    // QJsonDocument only serialises arrays and objects: wrap, then unwrap.
    QByteArray text = QJsonDocument(QJsonArray{value}).toJson(QJsonDocument::Compact);
    return text.mid(1, text.size() - 2);
}

OrderedJsonObject &OrderedJsonObject::add(const QString &key, const QJsonValue &value) {
    m_entries.emplace_back(key, JsonText::encode(value));
    m_values.emplace_back(key, value);
    return *this;
}

OrderedJsonObject &OrderedJsonObject::add(const QString &key, const OrderedJsonObject &nested) {
    m_entries.emplace_back(key, nested.toJson());
    m_values.emplace_back(key, QJsonValue());
    return *this;
}

QJsonValue OrderedJsonObject::value(const QString &key) const {
    for (const auto &kv : m_values)
        if (kv.first == key)
            return kv.second;
    return QJsonValue(QJsonValue::Undefined);
}

QByteArray OrderedJsonObject::toJson() const {
    QByteArray out = "{";
    for (size_t i = 0; i < m_entries.size(); ++i) {
        if (i)
            out += ',';
        out += JsonText::encode(m_entries[i].first);
        out += ':';
        out += m_entries[i].second;
    }
    out += '}';
    return out;
}
