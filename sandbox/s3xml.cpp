#include "s3xml.h"

#include <QRandomGenerator>
#include <QXmlStreamReader>
#include <httplib.h>

QString S3Xml::escape(QString text) {
    return text.replace('&', QLatin1String("&amp;"))
        .replace('<', QLatin1String("&lt;"))
        .replace('>', QLatin1String("&gt;"));
}

QString S3Xml::requestId() {
    return QString::number(QRandomGenerator::global()->generate64(), 16)
        .toUpper()
        .rightJustified(16, '0');
}

QString S3Xml::element(const QString &name, const QString &text) {
    return QStringLiteral("<%1>%2</%1>").arg(name, escape(text));
}

QByteArray S3Xml::errorDocument(const QString &code, const QString &message,
                                const QList<QPair<QString, QString>> &details) {
    QString xml = QStringLiteral("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error>") +
                  element(QStringLiteral("Code"), code) +
                  element(QStringLiteral("Message"), message);
    for (const auto &d : details)
        xml += element(d.first, d.second);
    xml += element(QStringLiteral("RequestId"), requestId()) +
           element(QStringLiteral("HostId"), QStringLiteral("seqdrop-sandbox")) +
           QStringLiteral("</Error>");
    return xml.toUtf8();
}

void S3Xml::sendError(httplib::Response &res, int status, const QString &code,
                      const QString &message, const QList<QPair<QString, QString>> &details) {
    res.status = status;
    res.set_content(errorDocument(code, message, details).toStdString(), "application/xml");
}

void S3Xml::sendDocument(httplib::Response &res, const QString &root, const QString &content) {
    const QString xml = QStringLiteral("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                                       "<%1 xmlns=\"%2\">%3</%1>")
                            .arg(root, QLatin1String(Namespace), content);
    res.status = 200;
    res.set_content(xml.toStdString(), "application/xml");
}

bool S3Xml::parseCompleteRequest(const QByteArray &xml, QList<CompletedPart> *parts) {
    QXmlStreamReader reader(xml);
    CompletedPart current;
    bool inPart = false, sawRoot = false, hasNumber = false, hasEtag = false;
    // A premature end is a recoverable error for QXmlStreamReader (more data could follow), so
    // atEnd() alone would never end this loop on a truncated document.
    while (!reader.atEnd() && !reader.hasError()) {
        if (reader.readNext() == QXmlStreamReader::Invalid)
            break;
        if (reader.isStartElement()) {
            const QStringView name = reader.name();
            if (name == QLatin1String("CompleteMultipartUpload")) {
                sawRoot = true;
            } else if (name == QLatin1String("Part")) {
                inPart = true;
                current = CompletedPart();
                hasNumber = hasEtag = false;
            } else if (inPart && name == QLatin1String("PartNumber")) {
                bool ok = false;
                current.number = reader.readElementText().trimmed().toInt(&ok);
                hasNumber = ok;
            } else if (inPart && name == QLatin1String("ETag")) {
                QString etag = reader.readElementText().trimmed();
                if (etag.startsWith('"') && etag.endsWith('"') && etag.size() >= 2)
                    etag = etag.mid(1, etag.size() - 2);
                current.etag = etag.toLower();
                hasEtag = true;
            }
        } else if (reader.isEndElement() && reader.name() == QLatin1String("Part")) {
            if (!hasNumber || !hasEtag)
                return false;
            parts->append(current);
            inPart = false;
        }
    }
    return !reader.hasError() && sawRoot;
}
