#include "net/s3xmlreader.h"

#include <QXmlStreamReader>

namespace SeqDrop {

namespace {

QString describe(const QXmlStreamReader &reader) {
    return QStringLiteral("XML error at line %1: %2")
        .arg(reader.lineNumber())
        .arg(reader.errorString());
}

// The first element of the document, skipping the prolog: what kind of answer this is.
QString rootName(const QByteArray &xml) {
    QXmlStreamReader reader(xml);
    while (!reader.atEnd()) {
        if (reader.readNextStartElement())
            return reader.name().toString();
    }
    return {};
}

S3Part readPart(QXmlStreamReader &reader) {
    S3Part part;
    while (reader.readNextStartElement()) {
        if (reader.name() == QLatin1String("PartNumber"))
            part.number = reader.readElementText().toInt();
        else if (reader.name() == QLatin1String("ETag"))
            part.etag = S3Part::normalizedEtag(reader.readElementText());
        else if (reader.name() == QLatin1String("Size"))
            part.size = reader.readElementText().toLongLong();
        else
            reader.skipCurrentElement();
    }
    // S3 lists no MD5 of its own; a single part's ETag is that MD5.
    part.md5Hex = part.etag;
    return part;
}

} // namespace

bool S3XmlReader::readError(const QByteArray &xml, Error *error) {
    *error = {};
    QXmlStreamReader reader(xml);
    bool inError = false;
    while (!reader.atEnd()) {
        if (!reader.readNextStartElement())
            continue;
        const auto name = reader.name();
        if (name == QLatin1String("Error"))
            inError = true;
        else if (!inError)
            continue;
        else if (name == QLatin1String("Code"))
            error->code = reader.readElementText();
        else if (name == QLatin1String("Message"))
            error->message = reader.readElementText();
        else if (name == QLatin1String("Region"))
            error->region = reader.readElementText();
        else if (name == QLatin1String("Endpoint"))
            error->endpoint = reader.readElementText();
        else if (name == QLatin1String("ServerTime"))
            error->serverTime = reader.readElementText();
    }
    return inError && !error->code.isEmpty();
}

bool S3XmlReader::readUploadId(const QByteArray &xml, QString *uploadId, QString *error) {
    uploadId->clear();
    QXmlStreamReader reader(xml);
    while (!reader.atEnd()) {
        if (reader.readNextStartElement() && reader.name() == QLatin1String("UploadId")) {
            *uploadId = reader.readElementText().trimmed();
            break;
        }
    }
    if (reader.hasError())
        *error = describe(reader);
    else if (uploadId->isEmpty())
        *error = QStringLiteral("no UploadId in the answer");
    return !uploadId->isEmpty() && !reader.hasError();
}

bool S3XmlReader::readPartsPage(const QByteArray &xml, PartsPage *page, QString *error) {
    *page = {};
    if (rootName(xml) != QLatin1String("ListPartsResult")) {
        *error = QStringLiteral("the answer is not a ListPartsResult");
        return false;
    }
    QXmlStreamReader reader(xml);
    reader.readNextStartElement(); // ListPartsResult
    while (reader.readNextStartElement()) {
        const auto name = reader.name();
        if (name == QLatin1String("Part"))
            page->parts.append(readPart(reader));
        else if (name == QLatin1String("IsTruncated"))
            page->isTruncated = reader.readElementText().trimmed() == QLatin1String("true");
        else if (name == QLatin1String("NextPartNumberMarker"))
            page->nextPartNumberMarker = reader.readElementText().toInt();
        else
            reader.skipCurrentElement();
    }
    if (reader.hasError()) {
        *error = describe(reader);
        return false;
    }
    return true;
}

bool S3XmlReader::readComplete(const QByteArray &xml, CompleteResult *result, QString *error) {
    *result = {};
    if (rootName(xml) != QLatin1String("CompleteMultipartUploadResult")) {
        *error = QStringLiteral("the answer is not a CompleteMultipartUploadResult");
        return false;
    }
    QXmlStreamReader reader(xml);
    reader.readNextStartElement();
    while (reader.readNextStartElement()) {
        const auto name = reader.name();
        if (name == QLatin1String("ETag"))
            result->etag = S3Part::normalizedEtag(reader.readElementText());
        else if (name == QLatin1String("Key"))
            result->key = reader.readElementText();
        else if (name == QLatin1String("Location"))
            result->location = reader.readElementText();
        else
            reader.skipCurrentElement();
    }
    if (reader.hasError()) {
        *error = describe(reader);
        return false;
    }
    return true;
}

} // namespace SeqDrop
