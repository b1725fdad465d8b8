#pragma once

#include "net/uploadticket.h"

#include <QByteArray>
#include <QIODevice>
#include <QList>

namespace SeqDrop {

// A multipart/form-data body for S3's POST upload: the form's fields, then the file part,
// whose content is read from `file` (open, random access, size known), then the closing
// boundary (RFC 7578). Random access, so Qt sends it with a Content-Length and never buffers
// it. Owns `file`.
//
// Why not QHttpMultiPart: its device cannot wait. Read through a BandwidthLimiter, the file part
// sometimes has no bytes to give yet, and QHttpMultiPartIODevice::readData loops until its
// part gives bytes (a busy loop on the window's thread) and never passes on the part's
// readyRead(). The body's layout is the same one QHttpMultiPart writes.
class FormBodyDevice : public QIODevice {
    Q_OBJECT
public:
    FormBodyDevice(const QByteArray &boundary, const QList<FormField> &fields,
                   const QString &fileName, QIODevice *file, QObject *parent = nullptr);

    bool open(OpenMode mode) override;
    bool isSequential() const override { return false; }
    qint64 size() const override;
    bool seek(qint64 pos) override;

    // The header's value: "multipart/form-data; boundary=...".
    QByteArray contentType() const;

protected:
    qint64 readData(char *data, qint64 maxSize) override;
    qint64 writeData(const char *, qint64) override { return -1; }

private:
    QByteArray m_boundary;
    QByteArray m_head; // the fields and the file part's header
    QByteArray m_tail; // the end of the file part and the closing boundary
    QIODevice *m_file;
};

} // namespace SeqDrop
