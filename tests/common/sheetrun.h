#pragma once

#include <QString>

// A MiSeq run folder with its sample sheet, for the sample-sheet tests of the CLI and the
// window: <Sample_Name>_S<n>_L00<lane>_R<1|2>_001.fastq under the project folder, mates sharing
// read names, Undetermined_S0 beside it, and SampleSheet.csv as the instrument writes it (v1,
// CRLF, padded rows, a Lane column, Sample_Plate/Sample_Well, Date 12/4/2023, MiSeq).
namespace SheetRun {

constexpr int Samples = 6;
constexpr int Lanes = 2;

// Sample s (from 1): Sample_ID "P7-00s", Sample_Name "Plate7-00s", well "A0s".
QString sampleId(int s);
QString sampleName(int s);
// Writes the run under `root`, every row in `project`; `extraRows` (CRLF lines) go after the
// last row. Returns the run folder.
QString write(const QString &root, const QString &project, const QString &extraRows = {});

} // namespace SheetRun
