#pragma once

#include "net/s3credentials.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QString>

namespace SeqDrop {

// The answer of init_multipart_upload: where the sample's file(s) go in S3, the temporary
// keys that may write there, and the API route that imports them once uploaded.
struct MultipartTicket {
    Q_DECLARE_TR_FUNCTIONS(SeqDrop::MultipartTicket)
public:
    QString callbackUrl;     // "/api/import_file_from_s3"
    QString fileId;          // the object key of the (first) file
    QString pairedEndFileId; // the key of R2, empty for a single file
    QString s3Bucket;
    QString sampleId;
    S3Credentials credentials; // the secret is registered with the Redactor by parse()

    bool isValid() const { return !fileId.isEmpty() && !s3Bucket.isEmpty(); }
    // "s3://<bucket>/<key>", what import_file_from_s3 expects.
    QString s3Path(const QString &key) const;

    // Reads the answer; on a missing or malformed member returns an invalid ticket and says
    // which member in *error.
    static MultipartTicket parse(const QJsonObject &answer, QString *error);
};

} // namespace SeqDrop
