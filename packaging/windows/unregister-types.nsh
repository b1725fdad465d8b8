; Included into the uninstaller by CPack (packaging/windows/windows.cmake): removes what
; register-types.nsh wrote, leaving other programs' associations of the same extensions alone.

!define SEQDROP_UNPROGID "SeqDrop.SequenceFile"

!macro SeqDropForget EXT
    DeleteRegValue SHCTX "Software\Classes\${EXT}\OpenWithProgids" "${SEQDROP_UNPROGID}"
!macroend

!insertmacro SeqDropForget ".fastq"
!insertmacro SeqDropForget ".fq"
!insertmacro SeqDropForget ".fasta"
!insertmacro SeqDropForget ".fa"
!insertmacro SeqDropForget ".fna"
!insertmacro SeqDropForget ".fas"
!insertmacro SeqDropForget ".gz"
!insertmacro SeqDropForget ".gzip"

DeleteRegKey SHCTX "Software\Classes\${SEQDROP_UNPROGID}"
DeleteRegKey SHCTX "Software\Classes\Applications\seqdrop.exe"
System::Call 'shell32::SHChangeNotify(i 0x08000000, i 0, p 0, p 0)'
