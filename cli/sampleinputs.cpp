#include "sampleinputs.h"

#include "samples/filepairer.h"

#include <QFileInfo>

using SeqDrop::FilePairer;
using SeqDrop::SampleSpec;

namespace SampleInputs {

QStringList problems(const CliArguments &args) {
    QStringList problems;
    QStringList all = args.files;
    if (!args.forward.isEmpty())
        all << args.forward << args.reverse;
    QStringList seen;
    for (const QString &file : std::as_const(all)) {
        const QFileInfo info(file);
        if (!info.exists())
            problems << QStringLiteral("%1: no such file.").arg(file);
        else if (info.isDir())
            problems << QStringLiteral("%1 is a folder; give the files in it.").arg(file);
        else if (!info.isReadable())
            problems << QStringLiteral("%1 cannot be read (permissions).").arg(file);
        else if (info.size() == 0)
            problems << QStringLiteral("%1 is empty.").arg(file);
        else if (seen.contains(info.absoluteFilePath()))
            problems << QStringLiteral("%1 is given twice.").arg(file);
        seen << info.absoluteFilePath();
    }
    return problems;
}

QList<SampleSpec> samples(const CliArguments &args, const SampleSpec &base) {
    QList<SampleSpec> specs;
    if (!args.forward.isEmpty()) {
        SampleSpec spec = base;
        spec.file = args.forward;
        spec.pairedFile = args.reverse;
        specs.append(spec);
    }
    for (const FilePairer::Group &group : FilePairer::group(args.files)) {
        SampleSpec spec = base;
        spec.file = group.first;
        spec.pairedFile = group.second;
        spec.interleaved = args.interleaved && group.second.isEmpty();
        specs.append(spec);
    }
    return specs;
}

} // namespace SampleInputs
