#pragma once

#include <QJsonObject>
#include <QStringList>

namespace SeqDrop {

// What the user asked to upload as one sample: one file, or an R1/R2 pair, and how to
// describe it. Plain data, shared by the GUI's rows, the CLI and the journal.
struct SampleSpec {
    QString file;       // the single file, or R1 of a pair
    QString pairedFile; // R2 of a pair; empty for a single file
    QString uploadName; // name sent to One Codex; empty means the file's own name
    QString pairedUploadName;
    // Further lanes of the same sample (Illumina L002, L003, ...), sent concatenated after
    // `file` and `pairedFile` respectively, as the upload streams; never merged on disk.
    QStringList moreLanes;
    QStringList morePairedLanes;
    bool interleaved = false;
    // Check the content with the same disk read as the upload: a problem stops the upload
    // and the sample is cancelled before confirm_upload.
    bool validateWhileUploading = false;
    QStringList tags;
    QString projectId; // 16 hex digits; sent as {"$ref": "/api/v1/projects/<id>"}
    // A project named (by a sample sheet) but not yet found among the account's projects: the
    // sample waits for it (QueueChecks holds it while projectId is empty). Kept in the journal,
    // never sent.
    QString pendingProject;
    QJsonObject metadata; // typed already, see MetadataBuilder
    // Where the description came from, by field ("tags", "project", "custom" or a metadata key,
    // as SampleDescription::keys() names them): the sample sheet's file name and the fields its
    // row set, which the panel marks; and the fields the user typed since (the panel, the
    // CLI's --metadata), which a sheet applied later leaves alone. Kept in the journal, never
    // sent.
    QString sheetName;
    QStringList sheetFields;
    QStringList typedFields;

    bool isPair() const { return !pairedFile.isEmpty(); }
    // `keys` were set by sheet `name`, except those the user typed.
    void markFromSheet(const QString &name, const QStringList &keys);
    // `keys` were typed by the user: theirs from now on, no longer the sheet's.
    void markTyped(const QStringList &keys);
    // `keys` take their values from `other` (a sheet applied over what the user typed).
    void copyFields(const SampleSpec &other, const QStringList &keys);
    QStringList readOneFiles() const { return QStringList{file} + moreLanes; }
    QStringList readTwoFiles() const { return QStringList{pairedFile} + morePairedLanes; }
    // Every file of the sample, R1 side first.
    QStringList allFiles() const {
        return isPair() ? readOneFiles() + readTwoFiles() : readOneFiles();
    }
    // Their sizes on disk now, added up.
    qint64 sizeOnDisk() const;
    QString effectiveUploadName() const;
    QString effectivePairedUploadName() const;
    // A short label for lists and logs: "x.fastq" or "x_R1.fq.gz + x_R2.fq.gz".
    QString displayName() const;

    // Identity of the files on disk (absolute paths, sizes, modification times): equal
    // fingerprints mean the same bytes were asked for again; a changed file differs.
    QString fingerprint() const;
    QJsonObject toJson() const;
    static SampleSpec fromJson(const QJsonObject &json);

    // The init_upload body. For a pair `size` is the total of both files (the sandbox's
    // convention; One Codex documents only `size`).
    QJsonObject initUploadBody(qint64 size) const;
    // The body of init_multipart_upload: as the official client sends it, the project as a
    // bare id, no size and no upload_type.
    QJsonObject initMultipartUploadBody() const;
};

} // namespace SeqDrop
