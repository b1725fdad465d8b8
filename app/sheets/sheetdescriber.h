#pragma once

#include "samples/projectlist.h"
#include "samples/sampledescription.h"
#include "sheets/samplesheet.h"

#include <QCoreApplication>
#include <QList>
#include <QStringList>

namespace SeqDrop {

// What a sheet row says about its sample, as a SampleDescription (the same the panel and the
// CLI's options build, so the values reach init_upload as if typed):
//   Illumina: Sample_ID -> external_sample_id, Sample_Name (else Sample_ID) -> name,
//   Sample_Project (v1) or ProjectName ([Cloud_Data], v2) -> the account's project of that
//   name, Description -> description, the header's Date -> date_sequenced, Instrument Type /
//   InstrumentType / InstrumentPlatform -> platform where One Codex lists that instrument, and
//   into custom: plate, well, i7_index_id, index, i5_index_id, index2, lanes, run_name,
//   library_name.
//   SeqDrop's sheet: name, external_sample_id, project, tags (`;`-separated), One Codex's
//   metadata keys as such, any other column into custom; `file` and `paired_file` say which
//   sample, nothing more.
// Empty cells set nothing. A value One Codex would refuse (an id over 60 characters, a project
// the account does not have) is a problem naming the row; the caller decides (the CLI refuses
// to start, the window flags the row), nothing is dropped quietly.
class SheetDescriber {
    Q_DECLARE_TR_FUNCTIONS(SeqDrop::SheetDescriber)
public:
    struct Described {
        SampleDescription description;
        QStringList problems;
        QString project; // the project name the row asks for, if any
    };

    // `projects`: the account's, to find the row's project by name (an unknown one is a
    // problem); nullptr leaves that to the caller, with Described::project.
    static Described describe(const SampleSheet &sheet, const SheetSample &sample,
                              const QList<Project> *projects);
    // One Codex's platform for an instrument name ("NovaSeq 6000", "MiSeq"); empty if none.
    static QString platformFor(const QString &instrument);
    // The header's Date ("12/4/2023" as IEM writes it, month first; "2023-12-04") as an ISO
    // date; empty if unreadable.
    static QString isoDate(const QString &sheetDate);

private:
    static void describeIllumina(const SampleSheet &sheet, const SheetSample &sample,
                                 Described *out);
    static void describeSeqDrop(const SheetSample &sample, Described *out);
};

} // namespace SeqDrop
