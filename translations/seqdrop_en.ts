<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>SeqDrop::ConsentBar</name>
    <message numerus="yes">
        <source>%n file name(s) would be refused by One Codex (%1). Upload under safe names? The files on your disk keep their names.</source>
        <translation>
            <numerusform>%n file name would be refused by One Codex (%1). Upload under safe names? The files on your disk keep their names.</numerusform>
            <numerusform>%n file names would be refused by One Codex (%1). Upload under safe names? The files on your disk keep their names.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n sample(s) will upload under safe names.</source>
        <translation>
            <numerusform>%n sample will upload under safe names.</numerusform>
            <numerusform>%n samples will upload under safe names.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Lanes merged: %n sample(s), each sent as one upload.</source>
        <translation>
            <numerusform>Lanes merged: %n sample, each sent as one upload.</numerusform>
            <numerusform>Lanes merged: %n samples, each sent as one upload.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n sample(s) came in lanes (%1). Send each sample&apos;s lanes as one sample?</source>
        <translation>
            <numerusform>%n sample came in lanes (%1). Send its lanes as one sample?</numerusform>
            <numerusform>%n samples came in lanes (%1). Send each sample&apos;s lanes as one sample?</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SeqDrop::GuidanceText</name>
    <message numerus="yes">
        <source>%n sample(s) cannot start yet: their Status says why (a bad file: remove it, or fix it and add it again; a refused name: answer above the queue).</source>
        <translation>
            <numerusform>%n sample cannot start yet: its Status says why (a bad file: remove it, or fix it and add it again; a refused name: answer above the queue).</numerusform>
            <numerusform>%n samples cannot start yet: their Status says why (a bad file: remove it, or fix it and add it again; a refused name: answer above the queue).</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SeqDrop::IntakeSummary</name>
    <message numerus="yes">
        <source>%n sample(s) added again are checked again.</source>
        <translation>
            <numerusform>%n sample added again is checked again.</numerusform>
            <numerusform>%n samples added again are checked again.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) already in the list were not added again.</source>
        <translation>
            <numerusform>%n file already in the list was not added again.</numerusform>
            <numerusform>%n files already in the list were not added again.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Skipped %n file(s) that are not FASTA/FASTQ: %1</source>
        <translation>
            <numerusform>Skipped %n file that is not FASTA/FASTQ: %1</numerusform>
            <numerusform>Skipped %n files that are not FASTA/FASTQ: %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source> and %n more</source>
        <translation>
            <numerusform> and %n more</numerusform>
            <numerusform> and %n more</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SeqDrop::MainWindow</name>
    <message numerus="yes">
        <source>Description applied to %n sample(s).</source>
        <translation>
            <numerusform>Description applied to %n sample.</numerusform>
            <numerusform>Description applied to %n samples.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n sample(s) had already started and kept their description.</source>
        <translation>
            <numerusform>%n sample had already started and kept its description.</numerusform>
            <numerusform>%n samples had already started and kept their description.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Added %n sample(s).</source>
        <translation>
            <numerusform>Added %n sample.</numerusform>
            <numerusform>Added %n samples.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The network is back: %n failed sample(s) go again.</source>
        <translation>
            <numerusform>The network is back: %n failed sample goes again.</numerusform>
            <numerusform>The network is back: %n failed samples go again.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SeqDrop::NetworkJob</name>
    <message numerus="yes">
        <source>SeqDrop gave up after %n retry(s); try again later.</source>
        <translation>
            <numerusform>SeqDrop gave up after %n retry; try again later.</numerusform>
            <numerusform>SeqDrop gave up after %n retries; try again later.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SeqDrop::QueueCommands</name>
    <message numerus="yes">
        <source>%n pair(s) had already started and were not split.</source>
        <translation>
            <numerusform>%n pair had already started and was not split.</numerusform>
            <numerusform>%n pairs had already started and were not split.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n sample(s) are uploading: cancel them first (Ctrl+Shift+X), then remove them.</source>
        <translation>
            <numerusform>%n sample is uploading: cancel it first (Ctrl+Shift+X), then remove it.</numerusform>
            <numerusform>%n samples are uploading: cancel them first (Ctrl+Shift+X), then remove them.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SeqDrop::QueueRestorer</name>
    <message numerus="yes">
        <source>%n sample(s) from the last session are back in the list.</source>
        <translation>
            <numerusform>%n sample from the last session is back in the list.</numerusform>
            <numerusform>%n samples from the last session are back in the list.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n of them were interrupted and wait until SeqDrop has tidied them up on the server (once you are signed in).</source>
        <translation>
            <numerusform>%n of them was interrupted and waits until SeqDrop has tidied it up on the server (once you are signed in).</numerusform>
            <numerusform>%n of them were interrupted and wait until SeqDrop has tidied them up on the server (once you are signed in).</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SeqDrop::QueueStatusWidget</name>
    <message numerus="yes">
        <source>%n sample(s)</source>
        <translation>
            <numerusform>%n sample</numerusform>
            <numerusform>%n samples</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SeqDrop::QueueSummary</name>
    <message numerus="yes">
        <source>Queue finished: %n sample(s) uploaded</source>
        <translation>
            <numerusform>Queue finished: %n sample uploaded</numerusform>
            <numerusform>Queue finished: %n samples uploaded</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>, %n failed (select a row and press Ctrl+R to retry)</source>
        <translation>
            <numerusform>, %n failed (select a row and press Ctrl+R to retry)</numerusform>
            <numerusform>, %n failed (select a row and press Ctrl+R to retry)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>, %n cancelled</source>
        <translation>
            <numerusform>, %n cancelled</numerusform>
            <numerusform>, %n cancelled</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SeqDrop::SampleEditorPanel</name>
    <message numerus="yes">
        <source>Describing %n sample(s); %1 already started and will keep their description.</source>
        <translation>
            <numerusform>Describing %n sample; %1 already started and will keep their description.</numerusform>
            <numerusform>Describing %n samples; %1 already started and will keep their description.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Describing %n selected sample(s).</source>
        <translation>
            <numerusform>Describing %n selected sample.</numerusform>
            <numerusform>Describing %n selected samples.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SeqDrop::SampleTableModel</name>
    <message numerus="yes">
        <source> (%n more lane(s))</source>
        <translation>
            <numerusform> (%n more lane)</numerusform>
            <numerusform> (%n more lanes)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SeqDrop::SampleUpload</name>
    <message numerus="yes">
        <source>Cancelled %n duplicate sample(s) left by a lost answer: %1</source>
        <translation>
            <numerusform>Cancelled %n duplicate sample left by a lost answer: %1</numerusform>
            <numerusform>Cancelled %n duplicate samples left by a lost answer: %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SeqDrop::SheetBar</name>
    <message numerus="yes">
        <source>Described %n sample(s) from %1.</source>
        <translation>
            <numerusform>Described %n sample from %1.</numerusform>
            <numerusform>Described %n samples from %1.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Described %n sample(s) from %1 (run %2).</source>
        <translation>
            <numerusform>Described %n sample from %1 (run %2).</numerusform>
            <numerusform>Described %n samples from %1 (run %2).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) have no row in it.</source>
        <translation>
            <numerusform>%n file has no row in it.</numerusform>
            <numerusform>%n files have no row in it.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) have no files here.</source>
        <translation>
            <numerusform>%n row has no files here.</numerusform>
            <numerusform>%n rows have no files here.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n value(s) One Codex would refuse were left out.</source>
        <translation>
            <numerusform>%n value One Codex would refuse was left out.</numerusform>
            <numerusform>%n values One Codex would refuse were left out.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Add %n Undetermined File(s)</source>
        <translation>
            <numerusform>Add %n Undetermined File</numerusform>
            <numerusform>Add %n Undetermined Files</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Sample sheet undone: %n sample(s) as they were.</source>
        <translation>
            <numerusform>Sample sheet undone: %n sample as it was.</numerusform>
            <numerusform>Sample sheet undone: %n samples as they were.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n had started uploading and keep the sheet&apos;s description.</source>
        <translation>
            <numerusform>%n had started uploading and keeps the sheet&apos;s description.</numerusform>
            <numerusform>%n had started uploading and keep the sheet&apos;s description.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n value(s) you had typed were kept over the sheet&apos;s.</source>
        <translation>
            <numerusform>%n value you had typed was kept over the sheet&apos;s.</numerusform>
            <numerusform>%n values you had typed were kept over the sheet&apos;s.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SeqDrop::WindowDialogs</name>
    <message numerus="yes">
        <source>%n upload(s) are still running. Quit and cancel them? Cancelled samples are removed from One Codex; you can upload them again later.</source>
        <translation>
            <numerusform>%n upload is still running. Quit and cancel it? Cancelled samples are removed from One Codex; you can upload them again later.</numerusform>
            <numerusform>%n uploads are still running. Quit and cancel them? Cancelled samples are removed from One Codex; you can upload them again later.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Sample sheet of %n sample(s) saved to %1</source>
        <translation>
            <numerusform>Sample sheet of %n sample saved to %1</numerusform>
            <numerusform>Sample sheet of %n samples saved to %1</numerusform>
        </translation>
    </message>
</context>
</TS>
