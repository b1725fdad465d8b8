#pragma once

#include "net/s3part.h"

#include <QByteArray>
#include <QList>
#include <QString>

namespace SeqDrop {

// Reads the XML documents S3 answers with (QXmlStreamReader, namespaces ignored): the error
// document, and the results of CreateMultipartUpload, ListParts and CompleteMultipartUpload.
// Each reader returns false with *error set when the text is not the document it expects.
class S3XmlReader {
public:
    struct Error {
        QString code;
        QString message;
        QString region;     // AuthorizationHeaderMalformed, PermanentRedirect
        QString endpoint;   // PermanentRedirect
        QString serverTime; // RequestTimeTooSkewed
    };
    struct PartsPage {
        QList<S3Part> parts;
        bool isTruncated = false;
        int nextPartNumberMarker = 0;
    };
    struct CompleteResult {
        QString etag; // normalized
        QString key;
        QString location;
    };

    // An <Error> document anywhere in the body (also inside a 200, as Complete may send).
    static bool readError(const QByteArray &xml, Error *error);
    static bool readUploadId(const QByteArray &xml, QString *uploadId, QString *error);
    static bool readPartsPage(const QByteArray &xml, PartsPage *page, QString *error);
    static bool readComplete(const QByteArray &xml, CompleteResult *result, QString *error);
};

} // namespace SeqDrop
