#pragma once

#include <QList>
#include <QString>

namespace SeqDrop {

// One part of an S3 multipart upload, as sent and as S3 lists it back.
struct S3Part {
    int number = 0;
    qint64 size = 0;
    QString md5Hex; // lower-case hex MD5 of the part's bytes
    QString etag;   // as S3 returned it: unquoted, lower case

    bool operator==(const S3Part &other) const;

    // The ETag S3 gives the completed object: the hex MD5 of the parts' binary MD5s
    // concatenated in order, "-" and the number of parts. Empty when a part lacks its MD5.
    static QString multipartEtag(const QList<S3Part> &parts);
    // An ETag as it appears in a header or XML ("\"AbC\"") in S3Part form ("abc").
    static QString normalizedEtag(const QString &etag);
};

} // namespace SeqDrop
