; Included into the installer's install section by CPack (packaging/windows/windows.cmake).
; Puts SeqDrop under "Open with" for FASTA/FASTQ files without taking over their default
; program. Windows types a file by its last extension only, so x.fastq.gz is a .gz to it:
; SeqDrop is offered for .gz and .gzip too, and checks what is inside when it opens them.
; SHCTX is HKLM for an all-users install and HKCU otherwise.

!define SEQDROP_PROGID "SeqDrop.SequenceFile"

WriteRegStr SHCTX "Software\Classes\${SEQDROP_PROGID}" "" "Sequencing file"
WriteRegStr SHCTX "Software\Classes\${SEQDROP_PROGID}\DefaultIcon" "" "$INSTDIR\bin\seqdrop.exe,0"
WriteRegStr SHCTX "Software\Classes\${SEQDROP_PROGID}\shell\open\command" "" '"$INSTDIR\bin\seqdrop.exe" "%1"'
WriteRegStr SHCTX "Software\Classes\Applications\seqdrop.exe" "FriendlyAppName" "SeqDrop"
WriteRegStr SHCTX "Software\Classes\Applications\seqdrop.exe\shell\open\command" "" '"$INSTDIR\bin\seqdrop.exe" "%1"'

!macro SeqDropOpenWith EXT
    WriteRegStr SHCTX "Software\Classes\${EXT}\OpenWithProgids" "${SEQDROP_PROGID}" ""
    WriteRegStr SHCTX "Software\Classes\Applications\seqdrop.exe\SupportedTypes" "${EXT}" ""
!macroend

!insertmacro SeqDropOpenWith ".fastq"
!insertmacro SeqDropOpenWith ".fq"
!insertmacro SeqDropOpenWith ".fasta"
!insertmacro SeqDropOpenWith ".fa"
!insertmacro SeqDropOpenWith ".fna"
!insertmacro SeqDropOpenWith ".fas"
!insertmacro SeqDropOpenWith ".gz"
!insertmacro SeqDropOpenWith ".gzip"

; Tell Explorer the associations changed (SHCNE_ASSOCCHANGED).
System::Call 'shell32::SHChangeNotify(i 0x08000000, i 0, p 0, p 0)'
