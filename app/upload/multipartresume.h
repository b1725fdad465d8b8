#pragma once

#include "net/multipartticket.h"
#include "net/s3part.h"

#include <QList>
#include <QString>
#include <array>

namespace SeqDrop {

// Where one file's S3 multipart upload stands: what a later run needs to go on from its last
// stored part instead of byte 0 (the journal keeps it; see journal/ResumeStore).
struct MultipartFileState {
    QString bucket;
    QString key;
    QString uploadId; // empty: no multipart upload opened yet
    qint64 partSize = 0;
    qint64 fileSize = 0;
    qint64 modifiedMs = 0; // the file's modification time when its parts were read
    QList<S3Part> parts;   // stored, in the order they were confirmed
    bool completed = false;
    // Once completed: the object's ETag as S3 verified it ("<md5 of the part MD5s>-<N>"). The
    // journal keeps it in the column file_md5 (schema step 2).
    QString objectEtag;

    qint64 bytesStored() const {
        qint64 bytes = 0;
        for (const S3Part &p : parts)
            bytes += p.size;
        return bytes;
    }
    // S3 no longer knows the upload (aborted, expired): the next attempt opens a new one.
    void forgetUpload() {
        uploadId.clear();
        parts.clear();
        completed = false;
        objectEtag.clear();
    }
};

// A multipart sample's resume point: init_multipart_upload's answer (sample, keys, callback)
// and the state of each file (0: R1 or the single file, 1: R2).
struct MultipartResume {
    MultipartTicket ticket;
    std::array<MultipartFileState, 2> files{};

    bool isEmpty() const { return ticket.sampleId.isEmpty(); }
    qint64 bytesStored() const { return files[0].bytesStored() + files[1].bytesStored(); }
};

} // namespace SeqDrop
