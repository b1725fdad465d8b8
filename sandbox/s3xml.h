#pragma once

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QString>

namespace httplib {
struct Response;
}

// The XML S3 speaks: error answers, the small result documents of the REST API, and the part
// list of a CompleteMultipartUpload request.
namespace S3Xml {

constexpr const char *Namespace = "http://s3.amazonaws.com/doc/2006-03-01/";

// Text content only needs &, < and > escaped; quotes stay literal, as in an ETag.
QString escape(QString text);
QString requestId();

// <Error><Code/><Message/>details...<RequestId/><HostId/></Error>, with S3's status.
QByteArray errorDocument(const QString &code, const QString &message,
                         const QList<QPair<QString, QString>> &details = {});
void sendError(httplib::Response &res, int status, const QString &code, const QString &message,
               const QList<QPair<QString, QString>> &details = {});
// A 200 answer carrying a document (the root element gets S3's namespace).
void sendDocument(httplib::Response &res, const QString &root, const QString &content);
// <Name>text</Name>, escaped.
QString element(const QString &name, const QString &text);

struct CompletedPart {
    int number = 0;
    QString etag; // lower case, quotes removed
};
// The part list of a CompleteMultipartUpload body; false when the XML is not well formed or
// a part lacks its number or ETag.
bool parseCompleteRequest(const QByteArray &xml, QList<CompletedPart> *parts);

} // namespace S3Xml
