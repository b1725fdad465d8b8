<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>SeqDrop::ApiJob</name>
    <message>
        <source>One Codex API address</source>
        <translation>One-Codex-API-Adresse</translation>
    </message>
    <message>
        <source>One Codex answered with a web page instead of data. A proxy or captive portal may be in the way; check the API address.</source>
        <translation>One Codex hat mit einer Webseite statt mit Daten geantwortet. Möglicherweise ist ein Proxy oder eine Anmeldeseite (Captive Portal) dazwischen; prüfen Sie die API-Adresse.</translation>
    </message>
    <message>
        <source>One Codex sent an answer SeqDrop could not read. Try again; if it persists, contact support.</source>
        <translation>One Codex hat eine Antwort gesendet, die SeqDrop nicht lesen kann. Versuchen Sie es erneut; wenn der Fehler bleibt, wenden Sie sich an den Support.</translation>
    </message>
</context>
<context>
    <name>SeqDrop::AwakeLabel</name>
    <message>
        <source>Keeping the computer awake</source>
        <translation>Computer bleibt wach</translation>
    </message>
    <message>
        <source>Uploads are running: the computer does not go to sleep until they are done or paused (the screen may still turn off). Settings turns this off.</source>
        <translation>Uploads laufen: Der Computer geht nicht in den Ruhezustand, bis sie fertig oder pausiert sind (der Bildschirm kann sich trotzdem ausschalten). In den Einstellungen lässt sich das abschalten.</translation>
    </message>
</context>
<context>
    <name>SeqDrop::BandwidthButton</name>
    <message>
        <source>Upload limit</source>
        <translation>Upload-Limit</translation>
    </message>
    <message>
        <source>Click to lift the limit of %1 on all uploads together. The rate and the hours it applies are in Settings.</source>
        <translation>Klicken, um das Limit von %1 für alle Uploads zusammen aufzuheben. Rate und Uhrzeiten stehen in den Einstellungen.</translation>
    </message>
    <message>
        <source>Click to limit all uploads together to %1, so they leave room on a shared connection. The rate and the hours it applies are in Settings.</source>
        <translation>Klicken, um alle Uploads zusammen auf %1 zu begrenzen, damit auf einer geteilten Leitung Platz bleibt. Rate und Uhrzeiten stehen in den Einstellungen.</translation>
    </message>
</context>
<context>
    <name>SeqDrop::BandwidthControl</name>
    <message>
        <source>Uploads limited to %1</source>
        <translation>Uploads begrenzt auf %1</translation>
    </message>
    <message>
        <source>Uploads limited to %1 until %2</source>
        <translation>Uploads begrenzt auf %1 bis %2</translation>
    </message>
    <message>
        <source>No upload limit until %1</source>
        <translation>Kein Upload-Limit bis %1</translation>
    </message>
    <message>
        <source>No upload limit</source>
        <translation>Kein Upload-Limit</translation>
    </message>
</context>
<context>
    <name>SeqDrop::BandwidthSettingsWidget</name>
    <message>
        <source>Upload limit</source>
        <translation>Upload-Limit</translation>
    </message>
    <message>
        <source>&amp;Limit all uploads together to</source>
        <translation>Alle Uploads zusammen &amp;begrenzen auf</translation>
    </message>
    <message>
        <source>Only &amp;from</source>
        <translation>Nur &amp;von</translation>
    </message>
    <message>
        <source>on &amp;weekdays only</source>
        <translation>nur &amp;werktags</translation>
    </message>
    <message>
        <source>Upload limit in megabytes per second</source>
        <translation>Upload-Limit in Megabyte pro Sekunde</translation>
    </message>
    <message>
        <source> MB/s</source>
        <translation> MB/s</translation>
    </message>
    <message>
        <source>Limit from</source>
        <translation>Limit ab</translation>
    </message>
    <message>
        <source>Limit until</source>
        <translation>Limit bis</translation>
    </message>
    <message>
        <source>to</source>
        <translation>bis</translation>
    </message>
    <message>
        <source>Outside those hours uploads go at full speed. The status bar turns the limit on and off with one click.</source>
        <translation>Außerhalb dieser Zeiten laufen Uploads mit voller Geschwindigkeit. In der Statusleiste wird das Limit mit einem Klick ein- und ausgeschaltet.</translation>
    </message>
</context>
<context>
    <name>SeqDrop::CheckText</name>
    <message>
        <source>%1 bp</source>
        <translation>%1 bp</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>Checking… %1%</source>
        <translation>Wird geprüft … %1 %</translation>
    </message>
    <message>
        <source>Waiting to be checked</source>
        <translation>Wartet auf Prüfung</translation>
    </message>
    <message>
        <source>Problem: %1</source>
        <translation>Problem: %1</translation>
    </message>
    <message>
        <source>Valid (checked as sent)</source>
        <translation>Gültig (beim Senden geprüft)</translation>
    </message>
    <message>
        <source>Checked while uploading</source>
        <translation>Wird beim Hochladen geprüft</translation>
    </message>
    <message>
        <source>Not checked</source>
        <translation>Nicht geprüft</translation>
    </message>
    <message>
        <source>Too large for one upload</source>
        <translation>Zu groß für einen Upload</translation>
    </message>
    <message>
        <source> (some .gz)</source>
        <translation> (teils .gz)</translation>
    </message>
    <message>
        <source>%1 pairs</source>
        <translation>%1 Paare</translation>
    </message>
    <message>
        <source>%1 sequences</source>
        <translation>%1 Sequenzen</translation>
    </message>
    <message>
        <source>%1 reads</source>
        <translation>%1 Reads</translation>
    </message>
    <message>
        <source>%1 · %2 · %3 · mean %4 bp</source>
        <translation>%1 · %2 · %3 · Ø %4 bp</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>%1: %2, %3, %4 records, %5 bases, mean length %6</source>
        <translation>%1: %2, %3, %4 Datensätze, %5 Basen, mittlere Länge %6</translation>
    </message>
    <message>
        <source>gzip-compressed</source>
        <translation>gzip-komprimiert</translation>
    </message>
    <message>
        <source>plain text</source>
        <translation>unkomprimierter Text</translation>
    </message>
    <message>
        <source>The upload started before the check finished, so the files are checked as they are sent; a problem stops the upload and cancels the sample.</source>
        <translation>Der Upload hat vor dem Ende der Prüfung begonnen, daher werden die Dateien beim Senden geprüft; ein Problem stoppt den Upload und bricht die Probe ab.</translation>
    </message>
    <message>
        <source>Note: %1</source>
        <translation>Hinweis: %1</translation>
    </message>
    <message>
        <source>Uploaded as %1 (the file keeps its name).</source>
        <translation>Wird als %1 hochgeladen (die Datei behält ihren Namen).</translation>
    </message>
    <message>
        <source>R2 uploaded as %1 (the file keeps its name).</source>
        <translation>R2 wird als %1 hochgeladen (die Datei behält ihren Namen).</translation>
    </message>
    <message>
        <source>Its mate %1 is in the same folder but was not added: add it to upload the pair as one sample.</source>
        <translation>Die Partnerdatei %1 liegt im selben Ordner, wurde aber nicht hinzugefügt: Fügen Sie sie hinzu, um das Paar als eine Probe hochzuladen.</translation>
    </message>
    <message>
        <source>No mate (%1) was added: it uploads as a single-end sample. Pair it by hand (Ctrl+J) or mark it interleaved (Ctrl+I) if that is wrong.</source>
        <translation>Keine Partnerdatei (%1) hinzugefügt: Sie wird als Single-End-Probe hochgeladen. Falls das falsch ist, bilden Sie das Paar von Hand (Strg+J) oder markieren Sie sie als interleaved (Strg+I).</translation>
    </message>
</context>
<context>
    <name>SeqDrop::CompleteMultipartUploadJob</name>
    <message>
        <source>The storage server did not return a checksum (ETag) for the assembled file, so its integrity cannot be checked.</source>
        <translation>Der Speicherserver hat keine Prüfsumme (ETag) für die zusammengesetzte Datei zurückgegeben, daher lässt sich die Unversehrtheit nicht prüfen.</translation>
    </message>
    <message>
        <source>The storage server assembled the parts into a file whose checksum differs from the parts sent.</source>
        <translation>Der Speicherserver hat die Teile zu einer Datei zusammengesetzt, deren Prüfsumme von den gesendeten Teilen abweicht.</translation>
    </message>
</context>
<context>
    <name>SeqDrop::ConsentBar</name>
    <message>
        <source>Upload as Safe Names</source>
        <translation>Unter sicheren Namen hochladen</translation>
    </message>
    <message>
        <source>Send as One Sample</source>
        <translation>Als eine Probe senden</translation>
    </message>
    <message>
        <source>Keep Separate</source>
        <translation>Getrennt lassen</translation>
    </message>
    <message>
        <source>; …</source>
        <translation>; …</translation>
    </message>
    <message>
        <source>%1 → %2</source>
        <translation>%1 → %2</translation>
    </message>
    <message numerus="yes">
        <source>%n file name(s) would be refused by One Codex (%1). Upload under safe names? The files on your disk keep their names.</source>
        <translation>
            <numerusform>%n Dateiname würde von One Codex abgelehnt (%1). Unter sicheren Namen hochladen? Die Dateien auf Ihrem Datenträger behalten ihre Namen.</numerusform>
            <numerusform>%n Dateinamen würden von One Codex abgelehnt (%1). Unter sicheren Namen hochladen? Die Dateien auf Ihrem Datenträger behalten ihre Namen.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n sample(s) will upload under safe names.</source>
        <translation>
            <numerusform>%n Probe wird unter einem sicheren Namen hochgeladen.</numerusform>
            <numerusform>%n Proben werden unter sicheren Namen hochgeladen.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Lanes merged: %n sample(s), each sent as one upload.</source>
        <translation>
            <numerusform>Lanes zusammengeführt: %n Probe, als ein Upload gesendet.</numerusform>
            <numerusform>Lanes zusammengeführt: %n Proben, jede als ein Upload gesendet.</numerusform>
        </translation>
    </message>
    <message>
        <source>Lanes kept as separate samples.</source>
        <translation>Lanes bleiben getrennte Proben.</translation>
    </message>
    <message>
        <source>%1: L001-L%2</source>
        <translation>%1: L001-L%2</translation>
    </message>
    <message numerus="yes">
        <source>%n sample(s) came in lanes (%1). Send each sample&apos;s lanes as one sample?</source>
        <translation>
            <numerusform>%n Probe kam in Lanes (%1). Ihre Lanes als eine Probe senden?</numerusform>
            <numerusform>%n Proben kamen in Lanes (%1). Die Lanes jeder Probe als eine Probe senden?</numerusform>
        </translation>
    </message>
    <message>
        <source>The lanes are joined as they upload; nothing is written to disk.</source>
        <translation>Die Lanes werden beim Hochladen zusammengefügt; nichts wird auf die Festplatte geschrieben.</translation>
    </message>
</context>
<context>
    <name>SeqDrop::ContentCheck</name>
    <message>
        <source>not read to its end: the pair check stopped at %1.</source>
        <translation>Nicht bis zum Ende gelesen: Die Paarprüfung hat bei %1 angehalten.</translation>
    </message>
    <message>
        <source>%1: validation was cancelled.</source>
        <translation>%1: Die Prüfung wurde abgebrochen.</translation>
    </message>
</context>
<context>
    <name>SeqDrop::CrashResume</name>
    <message>
        <source>%1 changed since it was added to the queue (size or modification time), so it is not uploaded. Check that it is complete, then remove this row and add it again.</source>
        <translation>%1 hat sich geändert, seit die Datei zur Warteschlange hinzugefügt wurde (Größe oder Änderungszeit), und wird daher nicht hochgeladen. Prüfen Sie, ob sie vollständig ist, entfernen Sie dann diese Zeile und fügen Sie sie erneut hinzu.</translation>
    </message>
    <message>
        <source>%1 changed since an earlier run began uploading it: what that run left on the server is discarded and the file is sent from the start.</source>
        <translation>%1 hat sich geändert, seit ein früherer Lauf mit dem Hochladen begonnen hat: Was dieser Lauf auf dem Server hinterlassen hat, wird verworfen, und die Datei wird von vorn gesendet.</translation>
    </message>
</context>
<context>
    <name>SeqDrop::CsvTable</name>
    <message>
        <source>a quote (&quot;) opened on line %1 is never closed</source>
        <translation>Ein in Zeile %1 geöffnetes Anführungszeichen (&quot;) wird nie geschlossen</translation>
    </message>
</context>
<context>
    <name>SeqDrop::CustomFieldsEditor</name>
    <message>
        <source>Custom metadata fields</source>
        <translation>Eigene Metadatenfelder</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Feld</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <source>Add field</source>
        <translation>Feld hinzufügen</translation>
    </message>
    <message>
        <source>Remove field</source>
        <translation>Feld entfernen</translation>
    </message>
    <message>
        <source>Add a custom field</source>
        <translation>Ein eigenes Feld hinzufügen</translation>
    </message>
    <message>
        <source>Remove the selected custom field</source>
        <translation>Das ausgewählte eigene Feld entfernen</translation>
    </message>
    <message>
        <source>Row %1 has a value but no field name.</source>
        <translation>Zeile %1 hat einen Wert, aber keinen Feldnamen.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is a standard field: use its own entry above.</source>
        <translation>„%1“ ist ein Standardfeld: Verwenden Sie dafür das Eingabefeld weiter oben.</translation>
    </message>
    <message>
        <source>The field &quot;%1&quot; is listed twice.</source>
        <translation>Das Feld „%1“ ist doppelt aufgeführt.</translation>
    </message>
</context>
<context>
    <name>SeqDrop::EmptyStateWidget</name>
    <message>
        <source>Drop FASTA or FASTQ files, or a whole run folder, here</source>
        <translation>FASTA- oder FASTQ-Dateien oder einen ganzen Run-Ordner hier ablegen</translation>
    </message>
    <message>
        <source>Folders are searched for .fastq, .fq, .fasta, .fa (also .gz). R1/R2 files become one paired sample.</source>
        <translation>Ordner werden nach .fastq, .fq, .fasta, .fa (auch .gz) durchsucht. R1/R2-Dateien werden zu einer Paired-End-Probe.</translation>
    </message>
    <message>
        <source>To upload, sign in with your One Codex API key, or try SeqDrop first against a local sandbox.</source>
        <translation>Melden Sie sich zum Hochladen mit Ihrem One-Codex-API-Schlüssel an, oder testen Sie SeqDrop zuerst mit einer lokalen Sandbox.</translation>
    </message>
</context>
<context>
    <name>SeqDrop::ErrorDetailsDialog</name>
    <message>
        <source>Upload failed</source>
        <translation>Upload fehlgeschlagen</translation>
    </message>
    <message>
        <source>%1

%2</source>
        <translation>%1

%2</translation>
    </message>
    <message>
        <source>Retry with Ctrl+R. If it fails again, send the technical detail to your One Codex contact.</source>
        <translation>Mit Strg+R erneut versuchen. Schlägt es wieder fehl, senden Sie die technischen Details an Ihren Ansprechpartner bei One Codex.</translation>
    </message>
    <message>
        <source>Sample: %1
Files: %2
State: %3
Sample ID: %4
Retries: %5

%6</source>
        <translation>Probe: %1
Dateien: %2
Status: %3
Proben-ID: %4
Wiederholungen: %5

%6</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keines</translation>
    </message>
    <message>
        <source>No further detail.</source>
        <translation>Keine weiteren Details.</translation>
    </message>
</context>
<context>
    <name>SeqDrop::ErrorMapper</name>
    <message>
        <source>The storage server</source>
        <translation>Der Speicherserver</translation>
    </message>
    <message>
        <source>The upload permission expired before the file was sent; SeqDrop asks for a new one.</source>
        <translation>Die Upload-Berechtigung ist abgelaufen, bevor die Datei gesendet war; SeqDrop fordert eine neue an.</translation>
    </message>
    <message>
        <source>The storage server refused the file because it is larger than announced. Was the file changed during the upload? Add it again.</source>
        <translation>Der Speicherserver hat die Datei abgelehnt, weil sie größer als angekündigt ist. Wurde die Datei während des Uploads verändert? Fügen Sie sie erneut hinzu.</translation>
    </message>
    <message>
        <source>The storage server refused the file because it is smaller than announced. Was the file changed during the upload? Add it again.</source>
        <translation>Der Speicherserver hat die Datei abgelehnt, weil sie kleiner als angekündigt ist. Wurde die Datei während des Uploads verändert? Fügen Sie sie erneut hinzu.</translation>
    </message>
    <message>
        <source>The storage server timed out waiting for data.</source>
        <translation>Beim Speicherserver ist die Wartezeit auf Daten abgelaufen.</translation>
    </message>
    <message>
        <source>The storage server refused the upload (%1). Try again; if it keeps failing, send the details to One Codex support.</source>
        <translation>Der Speicherserver hat den Upload abgelehnt (%1). Versuchen Sie es erneut; schlägt es weiter fehl, senden Sie die Details an den Support von One Codex.</translation>
    </message>
    <message>
        <source>%1 answered with an error page instead of data (%2). A proxy may be in the way.</source>
        <translation>%1 hat mit einer Fehlerseite statt mit Daten geantwortet (%2). Möglicherweise ist ein Proxy dazwischen.</translation>
    </message>
    <message>
        <source>One Codex did not accept the API key (HTTP 401). Check the key in your One Codex account settings and sign in again.</source>
        <translation>One Codex hat den API-Schlüssel nicht akzeptiert (HTTP 401). Prüfen Sie den Schlüssel in Ihren One-Codex-Kontoeinstellungen und melden Sie sich erneut an.</translation>
    </message>
    <message>
        <source>This API key is not allowed to do that (HTTP 403). Ask your One Codex administrator for access.</source>
        <translation>Dieser API-Schlüssel hat dafür keine Berechtigung (HTTP 403). Bitten Sie Ihren One-Codex-Administrator um Zugriff.</translation>
    </message>
    <message>
        <source>One Codex refused the upload: payment is needed or the account&apos;s upload limit is reached (HTTP 402). Contact your account administrator.</source>
        <translation>One Codex hat den Upload abgelehnt: Eine Zahlung ist nötig oder das Upload-Limit des Kontos ist erreicht (HTTP 402). Wenden Sie sich an die Verwaltung Ihres Kontos.</translation>
    </message>
    <message>
        <source>One Codex could not find that record (HTTP 404).</source>
        <translation>One Codex hat diesen Eintrag nicht gefunden (HTTP 404).</translation>
    </message>
    <message>
        <source>One Codex: %1</source>
        <translation>One Codex: %1</translation>
    </message>
    <message>
        <source>One Codex rejected the request (%1).</source>
        <translation>One Codex hat die Anfrage abgelehnt (%1).</translation>
    </message>
    <message>
        <source>One Codex rejected the request: %1</source>
        <translation>One Codex hat die Anfrage abgelehnt: %1</translation>
    </message>
    <message>
        <source>%1 had an internal error (%2). Try again later; if it persists, contact One Codex support.</source>
        <translation>%1 meldet einen internen Fehler (%2). Versuchen Sie es später erneut; bleibt der Fehler, wenden Sie sich an den Support von One Codex.</translation>
    </message>
    <message>
        <source>%1 (%2) sent no HTTP answer.</source>
        <translation>%1 (%2) hat keine HTTP-Antwort gesendet.</translation>
    </message>
    <message>
        <source>The storage server (%1) closed the connection during the upload; it may have rejected the file, or the network dropped.</source>
        <translation>Der Speicherserver (%1) hat die Verbindung während des Uploads geschlossen; vielleicht hat er die Datei abgelehnt, oder die Netzwerkverbindung ist abgebrochen.</translation>
    </message>
    <message>
        <source>The connection to One Codex (%1) was closed before it answered.</source>
        <translation>Die Verbindung zu One Codex (%1) wurde vor der Antwort geschlossen.</translation>
    </message>
    <message>
        <source>%1 (%2) did not answer in time.</source>
        <translation>%1 (%2) hat nicht rechtzeitig geantwortet.</translation>
    </message>
    <message>
        <source>The secure connection to %1 failed (%2). SeqDrop never ignores certificate errors: check the computer&apos;s date and time, and any proxy that inspects HTTPS.</source>
        <translation>Die sichere Verbindung zu %1 ist fehlgeschlagen (%2). SeqDrop ignoriert Zertifikatsfehler nie: Prüfen Sie Datum und Uhrzeit des Computers sowie einen Proxy, der HTTPS untersucht.</translation>
    </message>
    <message>
        <source>Could not reach %1: %2. Check the network connection.</source>
        <translation>%1 ist nicht erreichbar: %2. Prüfen Sie die Netzwerkverbindung.</translation>
    </message>
    <message>
        <source>Network error talking to %1: %2.</source>
        <translation>Netzwerkfehler bei der Verbindung mit %1: %2.</translation>
    </message>
    <message>
        <source>%1 (%2) redirected SeqDrop to another address, which SeqDrop does not follow so that the API key goes nowhere else. Check the server address in Settings.</source>
        <translation>%1 (%2) hat SeqDrop an eine andere Adresse umgeleitet. SeqDrop folgt dem nicht, damit der API-Schlüssel nirgendwo anders hingelangt. Prüfen Sie die Serveradresse in den Einstellungen.</translation>
    </message>
    <message>
        <source>The proxy refused the connection to %1: it needs a user name and password, or did not accept them. Check the proxy in Settings.</source>
        <translation>Der Proxy hat die Verbindung zu %1 abgelehnt: Er verlangt Benutzername und Passwort oder hat sie nicht akzeptiert. Prüfen Sie den Proxy in den Einstellungen.</translation>
    </message>
    <message>
        <source>The storage server is busy.</source>
        <translation>Der Speicherserver ist ausgelastet.</translation>
    </message>
    <message>
        <source>%1 asked SeqDrop to slow down (too many requests).</source>
        <translation>%1 hat SeqDrop gebeten, langsamer zu senden (zu viele Anfragen).</translation>
    </message>
    <message>
        <source>%1 is temporarily unavailable (it answered with an error page, %2). If this persists, check status.onecodex.com or your network&apos;s proxy.</source>
        <translation>%1 ist vorübergehend nicht erreichbar (Antwort war eine Fehlerseite, %2). Hält das an, prüfen Sie status.onecodex.com oder den Proxy Ihres Netzwerks.</translation>
    </message>
    <message>
        <source>%1 is temporarily unavailable (%2).</source>
        <translation>%1 ist vorübergehend nicht erreichbar (%2).</translation>
    </message>
    <message>
        <source>The proxy refused the connection: it needs a user name and password, or did not accept them. Check the proxy in Settings.</source>
        <translation>Der Proxy hat die Verbindung abgelehnt: Er verlangt Benutzername und Passwort oder hat sie nicht akzeptiert. Prüfen Sie den Proxy in den Einstellungen.</translation>
    </message>
    <message>
        <source>The storage server did not accept SeqDrop&apos;s signature (SignatureDoesNotMatch). A proxy may be changing the requests; if it persists, contact One Codex support.</source>
        <translation>Der Speicherserver hat die Signatur von SeqDrop nicht angenommen (SignatureDoesNotMatch). Möglicherweise verändert ein Proxy die Anfragen; wenn der Fehler bleibt, wenden Sie sich an den Support von One Codex.</translation>
    </message>
    <message>
        <source>The storage server did not recognise the upload key One Codex issued (%1); it may have expired. Upload the sample again.</source>
        <translation>Der Speicherserver kennt den von One Codex ausgegebenen Upload-Schlüssel nicht (%1); er ist womöglich abgelaufen. Laden Sie die Probe erneut hoch.</translation>
    </message>
    <message>
        <source>The storage server denied access to the upload location (AccessDenied). Upload the sample again; if it persists, contact One Codex support.</source>
        <translation>Der Speicherserver hat den Zugriff auf das Upload-Ziel verweigert (AccessDenied). Laden Sie die Probe erneut hoch; wenn der Fehler bleibt, wenden Sie sich an den Support von One Codex.</translation>
    </message>
    <message>
        <source>The storage server no longer has this upload: it was finished or cancelled (NoSuchUpload). Upload the sample again.</source>
        <translation>Der Speicherserver kennt diesen Upload nicht mehr: Er wurde abgeschlossen oder abgebrochen (NoSuchUpload). Laden Sie die Probe erneut hoch.</translation>
    </message>
    <message>
        <source>The storage server refused the parts of the file (%1). Was the file changed during the upload? Upload the sample again.</source>
        <translation>Der Speicherserver hat die Teile der Datei abgelehnt (%1). Wurde die Datei während des Uploads geändert? Laden Sie die Probe erneut hoch.</translation>
    </message>
    <message>
        <source>Part of the file was damaged on the way to the storage server (BadDigest).</source>
        <translation>Ein Teil der Datei wurde auf dem Weg zum Speicherserver beschädigt (BadDigest).</translation>
    </message>
    <message>
        <source>This computer&apos;s clock is too far from the storage server&apos;s (RequestTimeTooSkewed). Set the correct date and time.</source>
        <translation>Die Uhr dieses Computers weicht zu weit von der des Speicherservers ab (RequestTimeTooSkewed). Stellen Sie Datum und Uhrzeit richtig ein.</translation>
    </message>
    <message>
        <source>The storage server refused the file because it is larger than one upload request may be (at most %1). It has to be sent in parts.</source>
        <translation>Der Speicherserver hat die Datei abgelehnt, weil sie größer ist, als eine einzelne Upload-Anfrage sein darf (höchstens %1). Sie muss in Teilen gesendet werden.</translation>
    </message>
    <message>
        <source>The storage server refused the file because it is larger than one upload request may be. It has to be sent in parts.</source>
        <translation>Der Speicherserver hat die Datei abgelehnt, weil sie größer ist, als eine einzelne Upload-Anfrage sein darf. Sie muss in Teilen gesendet werden.</translation>
    </message>
</context>
<context>
    <name>SeqDrop::FastxParser</name>
    <message>
        <source>The file may be truncated or corrupted; re-export it from the sequencer.</source>
        <translation>Die Datei ist vielleicht abgeschnitten oder beschädigt; exportieren Sie sie erneut aus dem Sequenzierer.</translation>
    </message>
    <message>
        <source>a space</source>
        <translation>einem Leerzeichen</translation>
    </message>
    <message>
        <source>a tab</source>
        <translation>einem Tabulator</translation>
    </message>
    <message>
        <source>a stray carriage return</source>
        <translation>einem einzelnen Wagenrücklauf (CR)</translation>
    </message>
    <message>
        <source>the byte 0x%1</source>
        <translation>dem Byte 0x%1</translation>
    </message>
    <message>
        <source>the file starts with an invisible byte-order mark (it was saved as &quot;UTF-8 with BOM&quot; by a text editor), so it does not start with &apos;@&apos; (FASTQ) or &apos;&gt;&apos; (FASTA). Use the file as exported by the sequencer.</source>
        <translation>Die Datei beginnt mit einer unsichtbaren Byte-Reihenfolge-Markierung (ein Texteditor hat sie als „UTF-8 mit BOM“ gespeichert) und daher nicht mit &apos;@&apos; (FASTQ) oder &apos;&gt;&apos; (FASTA). Verwenden Sie die Datei so, wie der Sequenzierer sie exportiert hat.</translation>
    </message>
    <message>
        <source>the file holds binary data, not FASTA or FASTQ text. Choose the sequence file itself (.fastq, .fasta, optionally .gz).</source>
        <translation>Die Datei enthält Binärdaten, keinen FASTA- oder FASTQ-Text. Wählen Sie die Sequenzdatei selbst (.fastq, .fasta, optional .gz).</translation>
    </message>
    <message>
        <source>the file does not start with &apos;@&apos; (FASTQ) or &apos;&gt;&apos; (FASTA) but with &quot;%1&quot;: it is not a FASTA or FASTQ file. Choose the sequence file itself.</source>
        <translation>Die Datei beginnt nicht mit &apos;@&apos; (FASTQ) oder &apos;&gt;&apos; (FASTA), sondern mit „%1“: Sie ist keine FASTA- oder FASTQ-Datei. Wählen Sie die Sequenzdatei selbst.</translation>
    </message>
    <message>
        <source>the record has a header but no sequence. %1</source>
        <translation>Der Datensatz hat eine Kopfzeile, aber keine Sequenz. %1</translation>
    </message>
    <message>
        <source>the line is empty, but FASTQ records follow each other without blank lines. %1</source>
        <translation>Die Zeile ist leer, aber FASTQ-Datensätze folgen ohne Leerzeilen aufeinander. %1</translation>
    </message>
    <message>
        <source>the line should start a record with &apos;@&apos; but starts with %1 (a FASTQ record has 4 lines: &apos;@&apos; header, sequence, &apos;+&apos;, quality). %2</source>
        <translation>Die Zeile sollte einen Datensatz mit &apos;@&apos; beginnen, beginnt aber mit %1 (ein FASTQ-Datensatz hat 4 Zeilen: &apos;@&apos;-Kopfzeile, Sequenz, &apos;+&apos;, Qualität). %2</translation>
    </message>
    <message>
        <source>the sequence line is missing: the line after the header starts with &apos;%1&apos;. %2</source>
        <translation>Die Sequenzzeile fehlt: Die Zeile nach der Kopfzeile beginnt mit &apos;%1&apos;. %2</translation>
    </message>
    <message>
        <source>the &apos;+&apos; line is missing: the line after the sequence starts with %1 instead of &apos;+&apos;. %2</source>
        <translation>Die &apos;+&apos;-Zeile fehlt: Die Zeile nach der Sequenz beginnt mit %1 statt mit &apos;+&apos;. %2</translation>
    </message>
    <message>
        <source>the &apos;+&apos; line is missing: the line after the sequence is empty. %1</source>
        <translation>Die &apos;+&apos;-Zeile fehlt: Die Zeile nach der Sequenz ist leer. %1</translation>
    </message>
    <message>
        <source>the header line has no read name after &apos;@&apos;. %1</source>
        <translation>Die Kopfzeile hat nach &apos;@&apos; keinen Read-Namen. %1</translation>
    </message>
    <message>
        <source>the quality line has %1 characters but the sequence has %2. %3</source>
        <translation>Die Qualitätszeile hat %1 Zeichen, die Sequenz aber %2. %3</translation>
    </message>
    <message>
        <source>the header line has no sequence name after &apos;&gt;&apos;. %1</source>
        <translation>Die Kopfzeile hat nach &apos;&gt;&apos; keinen Sequenznamen. %1</translation>
    </message>
    <message>
        <source>the sequence has the alignment gap &apos;%1&apos; at position %2. One Codex needs unaligned sequences: export them without gaps.</source>
        <translation>Die Sequenz enthält an Position %2 die Alignment-Lücke &apos;%1&apos;. One Codex braucht nicht alignierte Sequenzen: Exportieren Sie sie ohne Lücken.</translation>
    </message>
    <message>
        <source>the sequence has &apos;%1&apos; at position %2: this looks like a protein (amino-acid) sequence. One Codex needs DNA or RNA sequences; choose the nucleotide file.</source>
        <translation>Die Sequenz enthält an Position %2 &apos;%1&apos;: Das sieht nach einer Protein-(Aminosäure-)Sequenz aus. One Codex braucht DNA- oder RNA-Sequenzen; wählen Sie die Nukleotiddatei.</translation>
    </message>
    <message>
        <source>the sequence has %1 at position %2, which is not a nucleotide code (A C G T U, or IUPAC R Y S W K M B D H V N). %3</source>
        <translation>Bei %1 an Position %2 der Sequenz handelt es sich um keinen Nukleotidcode (A C G T U oder IUPAC R Y S W K M B D H V N). %3</translation>
    </message>
    <message>
        <source>the quality line has %1 at position %2, which is not a quality score (scores are the characters &apos;!&apos; to &apos;~&apos;). %3</source>
        <translation>Bei %1 an Position %2 der Qualitätszeile handelt es sich um keinen Qualitätswert (Werte sind die Zeichen &apos;!&apos; bis &apos;~&apos;). %3</translation>
    </message>
    <message>
        <source>the file is too small: it ends inside its first record (%1), so it holds no complete sequence. Check that this is the right file, or export it again.</source>
        <translation>Die Datei ist zu klein: Sie endet in ihrem ersten Datensatz (%1) und enthält daher keine vollständige Sequenz. Prüfen Sie, ob es die richtige Datei ist, oder exportieren Sie sie erneut.</translation>
    </message>
    <message>
        <source>the file ends in the middle of this record (%1). The file is truncated; copy it again or re-export it from the sequencer.</source>
        <translation>Die Datei endet mitten in diesem Datensatz (%1). Die Datei ist abgeschnitten; kopieren Sie sie erneut oder exportieren Sie sie erneut aus dem Sequenzierer.</translation>
    </message>
    <message>
        <source>the file is empty. Choose the right file, or export it again from the sequencer.</source>
        <translation>Die Datei ist leer. Wählen Sie die richtige Datei, oder exportieren Sie sie erneut aus dem Sequenzierer.</translation>
    </message>
    <message>
        <source>it has a header but no sequence</source>
        <translation>er hat eine Kopfzeile, aber keine Sequenz</translation>
    </message>
    <message>
        <source>the last record has a header but no sequence. The file may be truncated; copy it again or re-export it.</source>
        <translation>Der letzte Datensatz hat eine Kopfzeile, aber keine Sequenz. Die Datei ist vielleicht abgeschnitten; kopieren Sie sie erneut oder exportieren Sie sie neu.</translation>
    </message>
    <message>
        <source>its quality line has %1 of %2 characters</source>
        <translation>seine Qualitätszeile hat %1 von %2 Zeichen</translation>
    </message>
    <message>
        <source>it has no &apos;+&apos; line and no quality line</source>
        <translation>er hat keine &apos;+&apos;-Zeile und keine Qualitätszeile</translation>
    </message>
    <message>
        <source>it has no quality line</source>
        <translation>er hat keine Qualitätszeile</translation>
    </message>
</context>
<context>
    <name>SeqDrop::FileNameCheck</name>
    <message>
        <source>the file name is empty.</source>
        <translation>Der Dateiname ist leer.</translation>
    </message>
    <message>
        <source>the name &quot;%1&quot; has the character &apos;%2&apos;, but One Codex accepts only plain ASCII names (letters A-Z, digits, &apos;-&apos;, &apos;_&apos;, &apos;.&apos;). Upload it as &quot;%3&quot;.</source>
        <translation>Der Name „%1“ enthält das Zeichen &apos;%2&apos;, One Codex akzeptiert aber nur reine ASCII-Namen (Buchstaben A–Z, Ziffern, &apos;-&apos;, &apos;_&apos;, &apos;.&apos;). Laden Sie die Datei als „%3“ hoch.</translation>
    </message>
    <message>
        <source>the name &quot;%1&quot; has no extension; One Codex needs one such as .fastq.gz or .fasta.</source>
        <translation>Der Name „%1“ hat keine Endung; One Codex braucht eine, etwa .fastq.gz oder .fasta.</translation>
    </message>
    <message>
        <source>the name &quot;%1&quot; is not accepted by One Codex (because of &apos;%2&apos;); names may use letters, digits, &apos;-&apos;, &apos;_&apos; and &apos;.&apos;. Upload it as &quot;%3&quot;.</source>
        <translation>One Codex akzeptiert den Namen „%1“ nicht (wegen &apos;%2&apos;); Namen dürfen Buchstaben, Ziffern, &apos;-&apos;, &apos;_&apos; und &apos;.&apos; enthalten. Laden Sie die Datei als „%3“ hoch.</translation>
    </message>
    <message>
        <source>the file is %1 GB (%2 bytes); One Codex accepts at most 20 GB (20,000,000,000 bytes) per file in a standard upload. Split it into smaller files (for example per lane), or compress it with gzip.</source>
        <translation>Die Datei ist %1 GB groß (%2 Byte); One Codex akzeptiert bei einem normalen Upload höchstens 20 GB (20.000.000.000 Byte) pro Datei. Teilen Sie sie in kleinere Dateien auf (zum Beispiel pro Lane), oder komprimieren Sie sie mit gzip.</translation>
    </message>
</context>
<context>
    <name>SeqDrop::FileScanner</name>
    <message>
        <source>no such file or folder</source>
        <translation>Datei oder Ordner existiert nicht</translation>
    </message>
    <message>
        <source>not a FASTA or FASTQ file</source>
        <translation>keine FASTA- oder FASTQ-Datei</translation>
    </message>
    <message>
        <source>cannot be read (permissions)</source>
        <translation>nicht lesbar (Zugriffsrechte)</translation>
    </message>
    <message>
        <source>the file is empty</source>
        <translation>die Datei ist leer</translation>
    </message>
</context>
<context>
    <name>SeqDrop::FormPostRoute</name>
    <message>
        <source>Cancelled.</source>
        <translation>Abgebrochen.</translation>
    </message>
</context>
<context>
    <name>SeqDrop::GuidanceText</name>
    <message>
        <source>Next: sign in (Ctrl+L) or try without an account (Ctrl+T), then start the uploads.</source>
        <translation>Als Nächstes: Anmelden (Strg+L) oder ohne Konto testen (Strg+T), dann die Uploads starten.</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>Verbindung wird hergestellt …</translation>
    </message>
    <message numerus="yes">
        <source>%n sample(s) cannot start yet: their Status says why (a bad file: remove it, or fix it and add it again; a refused name: answer above the queue).</source>
        <translation>
            <numerusform>%n Probe kann noch nicht starten: Ihr Status nennt den Grund (eine fehlerhafte Datei: entfernen, oder korrigieren und erneut hinzufügen; ein abgelehnter Name: oberhalb der Warteschlange antworten).</numerusform>
            <numerusform>%n Proben können noch nicht starten: Ihr Status nennt den Grund (eine fehlerhafte Datei: entfernen, oder korrigieren und erneut hinzufügen; ein abgelehnter Name: oberhalb der Warteschlange antworten).</numerusform>
        </translation>
    </message>
    <message>
        <source>Next: describe the selected samples on the right (tags, project, metadata), then press Start Uploads (Ctrl+Return).</source>
        <translation>Als Nächstes: Beschreiben Sie rechts die ausgewählten Proben (Tags, Projekt, Metadaten) und klicken Sie dann auf „Uploads starten“ (Strg+Eingabe).</translation>
    </message>
    <message>
        <source>Paused: running uploads finish, no new ones start. Start Uploads resumes.</source>
        <translation>Pausiert: Laufende Uploads werden beendet, neue starten nicht. „Uploads starten“ setzt fort.</translation>
    </message>
    <message>
        <source>Uploading. You can keep adding files; they join the queue.</source>
        <translation>Hochladen läuft. Sie können weitere Dateien hinzufügen; sie kommen in die Warteschlange.</translation>
    </message>
    <message>
        <source>Not signed in</source>
        <translation>Nicht angemeldet</translation>
    </message>
    <message>
        <source>Checking the API key…</source>
        <translation>API-Schlüssel wird geprüft …</translation>
    </message>
    <message>
        <source>Starting the sandbox…</source>
        <translation>Sandbox wird gestartet …</translation>
    </message>
    <message>
        <source>Local sandbox</source>
        <translation>Lokale Sandbox</translation>
    </message>
    <message>
        <source>unknown account</source>
        <translation>unbekanntes Konto</translation>
    </message>
    <message>
        <source>key from ONE_CODEX_API_KEY</source>
        <translation>Schlüssel aus ONE_CODEX_API_KEY</translation>
    </message>
    <message>
        <source>key kept for this run only</source>
        <translation>Schlüssel nur für diese Sitzung</translation>
    </message>
    <message>
        <source>key in the system keychain</source>
        <translation>Schlüssel im Schlüsselbund des Systems</translation>
    </message>
    <message>
        <source>Signed in as %1 (%2, %3)</source>
        <translation>Angemeldet als %1 (%2, %3)</translation>
    </message>
    <message>
        <source>Starting a local sandbox…</source>
        <translation>Lokale Sandbox wird gestartet …</translation>
    </message>
    <message>
        <source>Trying SeqDrop against a local sandbox at %1: uploads stay on this computer and nothing is sent to One Codex. Sign in (Ctrl+L) to upload for real.</source>
        <translation>SeqDrop testen mit einer lokalen Sandbox unter %1: Uploads bleiben auf diesem Computer, nichts wird an One Codex gesendet. Melden Sie sich an (Strg+L), um wirklich hochzuladen.</translation>
    </message>
</context>
<context>
    <name>SeqDrop::InflateReader</name>
    <message>
        <source>unexpected data after the end of the compressed data</source>
        <translation>unerwartete Daten nach dem Ende der komprimierten Daten</translation>
    </message>
    <message>
        <source>the gzip checksum does not match the data</source>
        <translation>die gzip-Prüfsumme passt nicht zu den Daten</translation>
    </message>
    <message>
        <source>invalid gzip header</source>
        <translation>ungültiger gzip-Header</translation>
    </message>
    <message>
        <source>the compressed data is damaged</source>
        <translation>die komprimierten Daten sind beschädigt</translation>
    </message>
    <message>
        <source>the compressed data ends before its end marker</source>
        <translation>die komprimierten Daten enden vor ihrer Endmarkierung</translation>
    </message>
</context>
<context>
    <name>SeqDrop::IntakeSummary</name>
    <message numerus="yes">
        <source>%n sample(s) added again are checked again.</source>
        <translation>
            <numerusform>%n erneut hinzugefügte Probe wird erneut geprüft.</numerusform>
            <numerusform>%n erneut hinzugefügte Proben werden erneut geprüft.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) already in the list were not added again.</source>
        <translation>
            <numerusform>%n Datei war bereits in der Liste und wurde nicht erneut hinzugefügt.</numerusform>
            <numerusform>%n Dateien waren bereits in der Liste und wurden nicht erneut hinzugefügt.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Skipped %n file(s) that are not FASTA/FASTQ: %1</source>
        <translation>
            <numerusform>%n Datei übersprungen, die kein FASTA/FASTQ ist: %1</numerusform>
            <numerusform>%n Dateien übersprungen, die kein FASTA/FASTQ sind: %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source> and %n more</source>
        <translation>
            <numerusform> und %n weitere</numerusform>
            <numerusform> und %n weitere</numerusform>
        </translation>
    </message>
    <message>
        <source>%1: already in the list</source>
        <translation>%1: bereits in der Liste</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
</context>
<context>
    <name>SeqDrop::KeyStore</name>
    <message>
        <source>The system keychain did not answer.</source>
        <translation>Der Schlüsselbund des Systems hat nicht geantwortet.</translation>
    </message>
    <message>
        <source>The keychain is switched off (SEQDROP_KEYCHAIN=off).</source>
        <translation>Der Schlüsselbund ist ausgeschaltet (SEQDROP_KEYCHAIN=off).</translation>
    </message>
    <message>
        <source>The key is saved in the system keychain.</source>
        <translation>Der Schlüssel ist im Schlüsselbund des Systems gespeichert.</translation>
    </message>
</context>
<context>
    <name>SeqDrop::LaneMerger</name>
    <message>
        <source>%1: lane L%2 is missing (lanes must start at L001 with no gap).</source>
        <translation>%1: Lane L%2 fehlt (Lanes müssen bei L001 beginnen und lückenlos sein).</translation>
    </message>
    <message>
        <source>%1: the R2 file of lane L%2 is from another lane.</source>
        <translation>%1: Die R2-Datei von Lane L%2 stammt aus einer anderen Lane.</translation>
    </message>
    <message>
        <source>%1: lanes L001-L%2</source>
        <translation>%1: Lanes L001–L%2</translation>
    </message>
</context>
<context>
    <name>SeqDrop::LocalFile</name>
    <message>
        <source>%1 does not exist (moved or deleted?). Add it again.</source>
        <translation>%1 existiert nicht (verschoben oder gelöscht?). Fügen Sie die Datei erneut hinzu.</translation>
    </message>
    <message>
        <source>%1 is a folder; add the sequence files in it.</source>
        <translation>%1 ist ein Ordner; fügen Sie die Sequenzdateien darin hinzu.</translation>
    </message>
    <message>
        <source>%1 cannot be read. Check its permissions.</source>
        <translation>%1 kann nicht gelesen werden. Prüfen Sie die Zugriffsrechte.</translation>
    </message>
    <message>
        <source>%1 is empty; there is nothing to upload.</source>
        <translation>%1 ist leer; es gibt nichts hochzuladen.</translation>
    </message>
</context>
<context>
    <name>SeqDrop::MainWindow</name>
    <message>
        <source>Uploads are paused: %1</source>
        <translation>Uploads sind angehalten: %1</translation>
    </message>
    <message>
        <source>Main</source>
        <translation>Hauptleiste</translation>
    </message>
    <message>
        <source>Next step</source>
        <translation>Nächster Schritt</translation>
    </message>
    <message>
        <source>SeqDrop</source>
        <translation>SeqDrop</translation>
    </message>
    <message numerus="yes">
        <source>Description applied to %n sample(s).</source>
        <translation>
            <numerusform>Beschreibung auf %n Probe angewendet.</numerusform>
            <numerusform>Beschreibung auf %n Proben angewendet.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n sample(s) had already started and kept their description.</source>
        <translation>
            <numerusform>%n Probe war bereits gestartet und behält ihre Beschreibung.</numerusform>
            <numerusform>%n Proben waren bereits gestartet und behalten ihre Beschreibung.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Added %n sample(s).</source>
        <translation>
            <numerusform>%n Probe hinzugefügt.</numerusform>
            <numerusform>%n Proben hinzugefügt.</numerusform>
        </translation>
    </message>
    <message>
        <source>Fix the description first: %1</source>
        <translation>Korrigieren Sie zuerst die Beschreibung: %1</translation>
    </message>
    <message>
        <source>SeqDrop: uploads finished</source>
        <translation>SeqDrop: Uploads abgeschlossen</translation>
    </message>
    <message>
        <source>SeqDrop — local sandbox (nothing is sent to One Codex)</source>
        <translation>SeqDrop – lokale Sandbox (nichts wird an One Codex gesendet)</translation>
    </message>
    <message>
        <source>&amp;Change Account…</source>
        <translation>Konto &amp;wechseln…</translation>
    </message>
    <message>
        <source>&amp;Sign In…</source>
        <translation>&amp;Anmelden…</translation>
    </message>
    <message numerus="yes">
        <source>The network is back: %n failed sample(s) go again.</source>
        <translation>
            <numerusform>Das Netzwerk ist zurück: %n fehlgeschlagene Probe wird erneut hochgeladen.</numerusform>
            <numerusform>Das Netzwerk ist zurück: %n fehlgeschlagene Proben werden erneut hochgeladen.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SeqDrop::MetadataBuilder</name>
    <message>
        <source>A tag cannot be empty.</source>
        <translation>Ein Tag darf nicht leer sein.</translation>
    </message>
    <message>
        <source>The tag &quot;%1&quot; has %2 characters; One Codex allows at most %3.</source>
        <translation>Der Tag „%1“ hat %2 Zeichen; One Codex erlaubt höchstens %3.</translation>
    </message>
    <message>
        <source>Metadata %1 may have at most %2 characters (it has %3).</source>
        <translation>Das Metadatenfeld %1 darf höchstens %2 Zeichen haben (es hat %3).</translation>
    </message>
    <message>
        <source>Metadata %1 must be a date like 2026-11-29 or 2026-11-29T14:30:00 (got &quot;%2&quot;).</source>
        <translation>Das Metadatenfeld %1 muss ein Datum wie 2026-11-29 oder 2026-11-29T14:30:00 sein (erhalten: „%2“).</translation>
    </message>
    <message>
        <source>Metadata %1 must be a number from %2 to %3 (got &quot;%4&quot;).</source>
        <translation>Das Metadatenfeld %1 muss eine Zahl von %2 bis %3 sein (erhalten: „%4“).</translation>
    </message>
    <message>
        <source>Metadata starred must be true or false (got &quot;%1&quot;).</source>
        <translation>Das Metadatenfeld starred muss true oder false sein (erhalten: „%1“).</translation>
    </message>
    <message>
        <source>Metadata library_type must be one of %1 (got &quot;%2&quot;).</source>
        <translation>Das Metadatenfeld library_type muss einer dieser Werte sein: %1 (erhalten: „%2“).</translation>
    </message>
    <message>
        <source>Metadata sample_type must be one of %1 (got &quot;%2&quot;).</source>
        <translation>Das Metadatenfeld sample_type muss einer dieser Werte sein: %1 (erhalten: „%2“).</translation>
    </message>
    <message>
        <source>Metadata needs KEY=VALUE; the key is empty.</source>
        <translation>Metadaten brauchen die Form SCHLÜSSEL=WERT; der Schlüssel ist leer.</translation>
    </message>
    <message>
        <source>&quot;custom&quot; is reserved: give custom fields by their own names.</source>
        <translation>„custom“ ist reserviert: Geben Sie eigene Felder unter ihrem eigenen Namen an.</translation>
    </message>
</context>
<context>
    <name>SeqDrop::MultipartAbort</name>
    <message>
        <source>the multipart upload of %1 could not be aborted on the storage host: %2</source>
        <translation>der mehrteilige Upload von %1 konnte auf dem Speicherserver nicht abgebrochen werden: %2</translation>
    </message>
</context>
<context>
    <name>SeqDrop::MultipartFileUpload</name>
    <message>
        <source>Could not read the file: %1</source>
        <translation>Die Datei konnte nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>The storage host holds %1 of the %2 parts of the file.</source>
        <translation>Der Speicherserver hat %1 der %2 Teile der Datei.</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>Abgebrochen.</translation>
    </message>
</context>
<context>
    <name>SeqDrop::MultipartRoute</name>
    <message>
        <source>%1 changed since part of it was uploaded (size or modification time), so the parts already stored may not be this file&apos;s. The interrupted upload was discarded; check that the file is complete, then add it again.</source>
        <translation>%1 hat sich geändert, seit ein Teil davon hochgeladen wurde (Größe oder Änderungszeit); die schon gespeicherten Teile gehören daher womöglich nicht zu dieser Datei. Der unterbrochene Upload wurde verworfen; prüfen Sie, ob die Datei vollständig ist, und fügen Sie sie dann erneut hinzu.</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>Abgebrochen.</translation>
    </message>
</context>
<context>
    <name>SeqDrop::MultipartTicket</name>
    <message>
        <source>One Codex&apos;s answer to the multipart upload request lacks %1.</source>
        <translation>Der Antwort von One Codex auf die Anfrage für den mehrteiligen Upload fehlt %1.</translation>
    </message>
</context>
<context>
    <name>SeqDrop::NetworkJob</name>
    <message>
        <source>Cancelled.</source>
        <translation>Abgebrochen.</translation>
    </message>
    <message>
        <source>The server did not answer within %1 seconds.</source>
        <translation>Der Server hat nicht innerhalb von %1 Sekunden geantwortet.</translation>
    </message>
    <message numerus="yes">
        <source>SeqDrop gave up after %n retry(s); try again later.</source>
        <translation>
            <numerusform>SeqDrop hat nach %n Wiederholung aufgegeben; versuchen Sie es später erneut.</numerusform>
            <numerusform>SeqDrop hat nach %n Wiederholungen aufgegeben; versuchen Sie es später erneut.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SeqDrop::NetworkStatusLabel</name>
    <message>
        <source>Offline - waiting for the network</source>
        <translation>Offline – warte auf das Netzwerk</translation>
    </message>
    <message>
        <source>Network status</source>
        <translation>Netzwerkstatus</translation>
    </message>
    <message>
        <source>No new uploads start until the network is back; running ones retry then.</source>
        <translation>Bis das Netzwerk zurück ist, starten keine neuen Uploads; laufende werden dann wiederholt.</translation>
    </message>
</context>
<context>
    <name>SeqDrop::NoticeBar</name>
    <message>
        <source>Show list</source>
        <translation>Liste anzeigen</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>Notice</source>
        <translation>Hinweis</translation>
    </message>
    <message>
        <source>Show the full list</source>
        <translation>Die vollständige Liste anzeigen</translation>
    </message>
    <message>
        <source>Dismiss the notice</source>
        <translation>Den Hinweis schließen</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Details</translation>
    </message>
</context>
<context>
    <name>SeqDrop::PairStreamCheck</name>
    <message>
        <source>%1, records %2-%3 (from line %4): the read names differ from those of the same records in %5. The two files must list the same reads in the same order: check that they are mates of one sample, and re-export both from the sequencer.</source>
        <translation>%1, Datensätze %2–%3 (ab Zeile %4): Die Read-Namen weichen von denen derselben Datensätze in %5 ab. Beide Dateien müssen dieselben Reads in derselben Reihenfolge enthalten: Prüfen Sie, ob sie zusammengehörige Dateien einer Probe sind, und exportieren Sie beide erneut aus dem Sequenzierer.</translation>
    </message>
</context>
<context>
    <name>SeqDrop::PairValidator</name>
    <message>
        <source>the read name &quot;%1&quot; differs from &quot;%2&quot; in the same record of %3 (line %4). The two files must list the same reads in the same order: check that they are mates of one sample, and re-export both from the sequencer.</source>
        <translation>Der Read-Name „%1“ weicht von „%2“ im selben Datensatz von %3 ab (Zeile %4). Beide Dateien müssen dieselben Reads in derselben Reihenfolge enthalten: Prüfen Sie, ob sie zusammengehörige Dateien einer Probe sind, und exportieren Sie beide erneut aus dem Sequenzierer.</translation>
    </message>
    <message>
        <source>paired-end files must both be FASTQ, but %1 is %2.</source>
        <translation>Paired-End-Dateien müssen beide FASTQ sein, aber %1 ist %2.</translation>
    </message>
    <message>
        <source>%1 has %2 records but its mate %3 has %4, so record %5 has no mate. Paired files must hold the same reads; one of them may be truncated or filtered on its own. Re-export both.</source>
        <translation>%1 hat %2 Datensätze, die Partnerdatei %3 aber %4, daher hat Datensatz %5 keinen Partner. Gepaarte Dateien müssen dieselben Reads enthalten; eine davon ist vielleicht abgeschnitten oder wurde allein gefiltert. Exportieren Sie beide erneut.</translation>
    </message>
    <message>
        <source>the file cannot be read: %1.</source>
        <translation>Die Datei kann nicht gelesen werden: %1.</translation>
    </message>
    <message>
        <source>validation was cancelled.</source>
        <translation>Die Prüfung wurde abgebrochen.</translation>
    </message>
    <message>
        <source>reading the file failed: %1.</source>
        <translation>Das Lesen der Datei ist fehlgeschlagen: %1.</translation>
    </message>
</context>
<context>
    <name>SeqDrop::ProxyCheck</name>
    <message>
        <source>Cancelled.</source>
        <translation>Abgebrochen.</translation>
    </message>
    <message>
        <source>One Codex did not finish checking the file in time.</source>
        <translation>One Codex hat die Prüfung der Datei nicht rechtzeitig abgeschlossen.</translation>
    </message>
    <message>
        <source>One Codex could not finish checking the file: %1</source>
        <translation>One Codex konnte die Prüfung der Datei nicht abschließen: %1</translation>
    </message>
    <message>
        <source>One Codex refused the file: %1</source>
        <translation>One Codex hat die Datei abgelehnt: %1</translation>
    </message>
</context>
<context>
    <name>SeqDrop::ProxySettingsWidget</name>
    <message>
        <source>Proxy</source>
        <translation>Proxy</translation>
    </message>
    <message>
        <source>Use the system&apos;s proxy settings</source>
        <translation>Proxy-Einstellungen des Systems verwenden</translation>
    </message>
    <message>
        <source>No proxy</source>
        <translation>Kein Proxy</translation>
    </message>
    <message>
        <source>HTTP proxy</source>
        <translation>HTTP-Proxy</translation>
    </message>
    <message>
        <source>SOCKS5 proxy</source>
        <translation>SOCKS5-Proxy</translation>
    </message>
    <message>
        <source>Proxy host</source>
        <translation>Proxy-Host</translation>
    </message>
    <message>
        <source>proxy.example.org</source>
        <translation>proxy.example.org</translation>
    </message>
    <message>
        <source>Proxy port</source>
        <translation>Proxy-Port</translation>
    </message>
    <message>
        <source>not set</source>
        <translation>nicht gesetzt</translation>
    </message>
    <message>
        <source>Proxy user name</source>
        <translation>Proxy-Benutzername</translation>
    </message>
    <message>
        <source>only if the proxy asks for one</source>
        <translation>nur wenn der Proxy einen verlangt</translation>
    </message>
    <message>
        <source>Proxy password</source>
        <translation>Proxy-Passwort</translation>
    </message>
    <message>
        <source>Kept in the system keychain, never in the settings file.</source>
        <translation>Wird im Schlüsselbund des Systems gespeichert, nie in der Einstellungsdatei.</translation>
    </message>
    <message>
        <source>&amp;Connect through:</source>
        <translation>&amp;Verbinden über:</translation>
    </message>
    <message>
        <source>&amp;Host:</source>
        <translation>&amp;Host:</translation>
    </message>
    <message>
        <source>P&amp;ort:</source>
        <translation>P&amp;ort:</translation>
    </message>
    <message>
        <source>&amp;User name:</source>
        <translation>&amp;Benutzername:</translation>
    </message>
    <message>
        <source>Pass&amp;word:</source>
        <translation>Pass&amp;wort:</translation>
    </message>
</context>
<context>
    <name>SeqDrop::ProxySetup</name>
    <message>
        <source>No keychain service is available, so the proxy password is kept for this run only. (%1)</source>
        <translation>Kein Schlüsselbund-Dienst verfügbar, daher wird das Proxy-Passwort nur für diese Sitzung behalten. (%1)</translation>
    </message>
</context>
<context>
    <name>SeqDrop::QueueChecks</name>
    <message>
        <source>%1: %2 Remove the sample, or fix the file and add it again.</source>
        <translation>%1: %2 Entfernen Sie die Probe, oder korrigieren Sie die Datei und fügen Sie sie erneut hinzu.</translation>
    </message>
    <message>
        <source>It waits for its project &quot;%1&quot; to be found.</source>
        <translation>Sie wartet darauf, dass ihr Projekt „%1“ gefunden wird.</translation>
    </message>
</context>
<context>
    <name>SeqDrop::QueueCommands</name>
    <message>
        <source>Select exactly two single files that have not started uploading to pair them.</source>
        <translation>Wählen Sie genau zwei einzelne Dateien, deren Upload noch nicht begonnen hat, um sie zu einem Paar zu verbinden.</translation>
    </message>
    <message>
        <source>%1 has started uploading and can no longer be paired.</source>
        <translation>Der Upload von %1 hat begonnen; die Datei kann nicht mehr gepaart werden.</translation>
    </message>
    <message numerus="yes">
        <source>%n pair(s) had already started and were not split.</source>
        <translation>
            <numerusform>%n Paar war bereits gestartet und wurde nicht getrennt.</numerusform>
            <numerusform>%n Paare waren bereits gestartet und wurden nicht getrennt.</numerusform>
        </translation>
    </message>
    <message>
        <source>Only failed or cancelled samples can be retried.</source>
        <translation>Nur fehlgeschlagene oder abgebrochene Proben können wiederholt werden.</translation>
    </message>
    <message numerus="yes">
        <source>%n sample(s) are uploading: cancel them first (Ctrl+Shift+X), then remove them.</source>
        <translation>
            <numerusform>%n Probe wird gerade hochgeladen: Brechen Sie den Upload zuerst ab (Strg+Umschalt+X) und entfernen Sie sie dann.</numerusform>
            <numerusform>%n Proben werden gerade hochgeladen: Brechen Sie die Uploads zuerst ab (Strg+Umschalt+X) und entfernen Sie sie dann.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SeqDrop::QueueRestorer</name>
    <message>
        <source>The upload journal (%1) cannot be used: %2. The queue will not be restored after a restart.</source>
        <translation>Das Upload-Journal (%1) kann nicht verwendet werden: %2. Die Warteschlange wird nach einem Neustart nicht wiederhergestellt.</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>Abgebrochen.</translation>
    </message>
    <message numerus="yes">
        <source>%n sample(s) from the last session are back in the list.</source>
        <translation>
            <numerusform>%n Probe aus der letzten Sitzung ist wieder in der Liste.</numerusform>
            <numerusform>%n Proben aus der letzten Sitzung sind wieder in der Liste.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n of them were interrupted and wait until SeqDrop has tidied them up on the server (once you are signed in).</source>
        <translation>
            <numerusform>%n davon wurde unterbrochen und wartet, bis SeqDrop sie auf dem Server aufgeräumt hat (sobald Sie angemeldet sind).</numerusform>
            <numerusform>%n davon wurden unterbrochen und warten, bis SeqDrop sie auf dem Server aufgeräumt hat (sobald Sie angemeldet sind).</numerusform>
        </translation>
    </message>
    <message>
        <source>Interrupted while uploading to %1; SeqDrop now works with %2 and could not tidy up there. Retry (Ctrl+R) uploads the sample again here.</source>
        <translation>Beim Hochladen zu %1 unterbrochen; SeqDrop arbeitet jetzt mit %2 und konnte dort nicht aufräumen. Wiederholen (Strg+R) lädt die Probe hier erneut hoch.</translation>
    </message>
    <message>
        <source>Tidying up after the interruption: %1</source>
        <translation>Aufräumen nach der Unterbrechung: %1</translation>
    </message>
</context>
<context>
    <name>SeqDrop::QueueStatusWidget</name>
    <message>
        <source>Queue totals</source>
        <translation>Summen der Warteschlange</translation>
    </message>
    <message>
        <source>Overall progress</source>
        <translation>Gesamtfortschritt</translation>
    </message>
    <message>
        <source>No samples yet</source>
        <translation>Noch keine Proben</translation>
    </message>
    <message numerus="yes">
        <source>%n sample(s)</source>
        <translation>
            <numerusform>%n Probe</numerusform>
            <numerusform>%n Proben</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 waiting</source>
        <translation>%1 wartend</translation>
    </message>
    <message>
        <source>%1 cannot start</source>
        <translation>%1 blockiert</translation>
    </message>
    <message>
        <source>%1 uploading</source>
        <translation>%1 im Upload</translation>
    </message>
    <message>
        <source>%1 uploaded</source>
        <translation>%1 hochgeladen</translation>
    </message>
    <message>
        <source>%1 failed</source>
        <translation>%1 fehlgeschlagen</translation>
    </message>
    <message>
        <source>%1 cancelled</source>
        <translation>%1 abgebrochen</translation>
    </message>
    <message>
        <source> · %1 of %2</source>
        <translation> · %1 von %2</translation>
    </message>
    <message>
        <source> · %1/s</source>
        <translation> · %1/s</translation>
    </message>
    <message>
        <source> · about %1 left</source>
        <translation> · noch etwa %1</translation>
    </message>
    <message>
        <source> · paused</source>
        <translation> · pausiert</translation>
    </message>
    <message>
        <source>%1%</source>
        <translation>%1 %</translation>
    </message>
</context>
<context>
    <name>SeqDrop::QueueSummary</name>
    <message numerus="yes">
        <source>Queue finished: %n sample(s) uploaded</source>
        <translation>
            <numerusform>Warteschlange fertig: %n Probe hochgeladen</numerusform>
            <numerusform>Warteschlange fertig: %n Proben hochgeladen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>, %n failed (select a row and press Ctrl+R to retry)</source>
        <translation>
            <numerusform>, %n fehlgeschlagen (Zeile auswählen und Strg+R drücken, um es erneut zu versuchen)</numerusform>
            <numerusform>, %n fehlgeschlagen (Zeile auswählen und Strg+R drücken, um es erneut zu versuchen)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>, %n cancelled</source>
        <translation>
            <numerusform>, %n abgebrochen</numerusform>
            <numerusform>, %n abgebrochen</numerusform>
        </translation>
    </message>
    <message>
        <source>. File &gt; Export Results… (Ctrl+E) saves the sample IDs.</source>
        <translation>. Datei &gt; Ergebnisse exportieren… (Strg+E) speichert die Proben-IDs.</translation>
    </message>
</context>
<context>
    <name>SeqDrop::ResultsExporter</name>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
</context>
<context>
    <name>SeqDrop::RouteFactory</name>
    <message>
        <source>chosen in the settings</source>
        <translation>in den Einstellungen gewählt</translation>
    </message>
    <message>
        <source>a file is larger than %1, the most one request may carry</source>
        <translation>eine Datei ist größer als %1, das Höchstmaß einer einzelnen Anfrage</translation>
    </message>
    <message>
        <source>every file fits in one request</source>
        <translation>jede Datei passt in eine Anfrage</translation>
    </message>
    <message>
        <source>One Codex&apos;s answer to the upload request was incomplete.</source>
        <translation>Die Antwort von One Codex auf die Upload-Anfrage war unvollständig.</translation>
    </message>
    <message>
        <source>One Codex gave no upload address for the second file of the pair.</source>
        <translation>One Codex hat keine Upload-Adresse für die zweite Datei des Paars geliefert.</translation>
    </message>
</context>
<context>
    <name>SeqDrop::RouteText</name>
    <message>
        <source>form</source>
        <translation>Formular</translation>
    </message>
    <message>
        <source>multipart</source>
        <translation>Multipart</translation>
    </message>
    <message>
        <source>proxy</source>
        <translation>Proxy</translation>
    </message>
    <message>
        <source>resuming at %1%</source>
        <translation>wird bei %1 % fortgesetzt</translation>
    </message>
    <message>
        <source>Route: %1</source>
        <translation>Route: %1</translation>
    </message>
    <message>
        <source>Route: %1 — %2</source>
        <translation>Route: %1 — %2</translation>
    </message>
    <message>
        <source>Parts stored: %1 / %2</source>
        <translation>Gespeicherte Teile: %1 / %2</translation>
    </message>
    <message>
        <source>Parts stored: %1</source>
        <translation>Gespeicherte Teile: %1</translation>
    </message>
    <message>
        <source>Resumable: an interrupted upload goes on from its last stored part</source>
        <translation>Fortsetzbar: Ein unterbrochener Upload geht ab seinem zuletzt gespeicherten Teil weiter</translation>
    </message>
</context>
<context>
    <name>SeqDrop::S3Job</name>
    <message>
        <source>The storage server sent an answer SeqDrop could not read.</source>
        <translation>Der Speicherserver hat eine Antwort gesendet, die SeqDrop nicht lesen kann.</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>Abgebrochen.</translation>
    </message>
    <message>
        <source>storage address</source>
        <translation>Speicheradresse</translation>
    </message>
</context>
<context>
    <name>SeqDrop::SampleChecker</name>
    <message>
        <source>%1 is uploaded as %2 (the file itself keeps its name).</source>
        <translation>%1 wird als %2 hochgeladen (die Datei selbst behält ihren Namen).</translation>
    </message>
    <message>
        <source>%1: %2 It would be uploaded as &quot;%3&quot; if you accept a safe name.</source>
        <translation>%1: %2 Wenn Sie einen sicheren Namen akzeptieren, wird sie als „%3“ hochgeladen.</translation>
    </message>
</context>
<context>
    <name>SeqDrop::SampleEditorPanel</name>
    <message>
        <source>Starred</source>
        <translation>Markiert</translation>
    </message>
    <message>
        <source>&amp;Apply to selected</source>
        <translation>Auf Auswahl an&amp;wenden</translation>
    </message>
    <message>
        <source>Re&amp;vert</source>
        <translation>&amp;Zurücksetzen</translation>
    </message>
    <message>
        <source>Apply the description to the selected samples</source>
        <translation>Die Beschreibung auf die ausgewählten Proben anwenden</translation>
    </message>
    <message>
        <source>Discard changes to the description</source>
        <translation>Änderungen an der Beschreibung verwerfen</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>Tags</translation>
    </message>
    <message>
        <source>Project</source>
        <translation>Projekt</translation>
    </message>
    <message>
        <source>&amp;Tags:</source>
        <translation>&amp;Tags:</translation>
    </message>
    <message>
        <source>&amp;Project:</source>
        <translation>&amp;Projekt:</translation>
    </message>
    <message>
        <source>Sample &amp;name:</source>
        <translation>Proben&amp;name:</translation>
    </message>
    <message>
        <source>Defaults to the file name</source>
        <translation>Standardmäßig der Dateiname</translation>
    </message>
    <message>
        <source>E&amp;xternal sample ID:</source>
        <translation>E&amp;xterne Proben-ID:</translation>
    </message>
    <message>
        <source>Your lab&apos;s ID, up to 60 characters</source>
        <translation>ID Ihres Labors, bis zu 60 Zeichen</translation>
    </message>
    <message>
        <source>&amp;Description:</source>
        <translation>&amp;Beschreibung:</translation>
    </message>
    <message>
        <source>Date &amp;collected:</source>
        <translation>Entnahme&amp;datum:</translation>
    </message>
    <message>
        <source>Date se&amp;quenced:</source>
        <translation>Se&amp;quenzierdatum:</translation>
    </message>
    <message>
        <source>&amp;Location:</source>
        <translation>&amp;Ort:</translation>
    </message>
    <message>
        <source>e.g. Boston, MA</source>
        <translation>z. B. Heidelberg</translation>
    </message>
    <message>
        <source>-90 to 90</source>
        <translation>-90 bis 90</translation>
    </message>
    <message>
        <source>-180 to 180</source>
        <translation>-180 bis 180</translation>
    </message>
    <message>
        <source>Latit&amp;ude:</source>
        <translation>Breiten&amp;grad:</translation>
    </message>
    <message>
        <source>Longitu&amp;de:</source>
        <translation>&amp;Längengrad:</translation>
    </message>
    <message>
        <source>Plat&amp;form:</source>
        <translation>Plattfor&amp;m:</translation>
    </message>
    <message>
        <source>Librar&amp;y type:</source>
        <translation>Bibliotheks&amp;typ:</translation>
    </message>
    <message>
        <source>Sample t&amp;ype:</source>
        <translation>Proben&amp;art:</translation>
    </message>
    <message>
        <source>Cu&amp;stom fields:</source>
        <translation>&amp;Eigene Felder:</translation>
    </message>
    <message>
        <source>not set</source>
        <translation>nicht gesetzt</translation>
    </message>
    <message>
        <source>No project</source>
        <translation>Kein Projekt</translation>
    </message>
    <message>
        <source>The selected samples have different tags; changing them here sets the same tags on all.</source>
        <translation>Die ausgewählten Proben haben unterschiedliche Tags; eine Änderung hier setzt bei allen dieselben Tags.</translation>
    </message>
    <message>
        <source>Several projects</source>
        <translation>Mehrere Projekte</translation>
    </message>
    <message>
        <source>Several values</source>
        <translation>Mehrere Werte</translation>
    </message>
    <message>
        <source>Select samples in the list to describe them.</source>
        <translation>Wählen Sie Proben in der Liste aus, um sie zu beschreiben.</translation>
    </message>
    <message>
        <source>The selected samples are uploading or uploaded: their description can no longer change.</source>
        <translation>Die ausgewählten Proben werden gerade hochgeladen oder sind hochgeladen: Ihre Beschreibung kann sich nicht mehr ändern.</translation>
    </message>
    <message numerus="yes">
        <source>Describing %n sample(s); %1 already started and will keep their description.</source>
        <translation>
            <numerusform>Beschreibung für %n Probe; bereits gestartete Proben (%1) behalten ihre Beschreibung.</numerusform>
            <numerusform>Beschreibung für %n Proben; bereits gestartete Proben (%1) behalten ihre Beschreibung.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Describing %n selected sample(s).</source>
        <translation>
            <numerusform>Beschreibung für %n ausgewählte Probe.</numerusform>
            <numerusform>Beschreibung für %n ausgewählte Proben.</numerusform>
        </translation>
    </message>
    <message>
        <source>From the sample sheets</source>
        <translation>Aus den Sample Sheets</translation>
    </message>
    <message>
        <source>From %1</source>
        <translation>Aus %1</translation>
    </message>
    <message>
        <source>Set by the sample sheet. What you type here replaces it, and a sheet applied later leaves what you typed.</source>
        <translation>Vom Sample Sheet gesetzt. Was Sie hier eingeben, ersetzt den Wert, und ein später angewendetes Sample Sheet lässt Ihre Eingabe stehen.</translation>
    </message>
</context>
<context>
    <name>SeqDrop::SampleFilterField</name>
    <message>
        <source>Filter samples</source>
        <translation>Proben filtern</translation>
    </message>
    <message>
        <source>Shows the samples whose name, files, status or sample id contain every word typed here (Ctrl+F)</source>
        <translation>Zeigt die Proben, deren Name, Dateien, Status oder Proben-ID jedes hier eingegebene Wort enthalten (Strg+F)</translation>
    </message>
    <message>
        <source>%1 of %2 shown</source>
        <translation>%1 von %2 angezeigt</translation>
    </message>
</context>
<context>
    <name>SeqDrop::SampleIntake</name>
    <message>
        <source>%1 is given twice.</source>
        <translation>%1 ist doppelt angegeben.</translation>
    </message>
</context>
<context>
    <name>SeqDrop::SampleSheet</name>
    <message>
        <source>%1 cannot be read: %2.</source>
        <translation>%1 kann nicht gelesen werden: %2.</translation>
    </message>
    <message>
        <source>%1 line %2</source>
        <translation>%1 Zeile %2</translation>
    </message>
    <message>
        <source>%1 line %2, column %3</source>
        <translation>%1 Zeile %2, Spalte %3</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>text before the first section; an Illumina sheet starts with [Header].</source>
        <translation>Text vor dem ersten Abschnitt; ein Illumina-Sample-Sheet beginnt mit [Header].</translation>
    </message>
    <message>
        <source>no [BCLConvert_Data] section (or other [..._Data]): it lists the samples, one row each.</source>
        <translation>Kein Abschnitt [BCLConvert_Data] (oder ein anderer [..._Data]): Er führt die Proben auf, eine Zeile pro Probe.</translation>
    </message>
    <message>
        <source>no [Data] section: it lists the samples, one row each.</source>
        <translation>Kein Abschnitt [Data]: Er führt die Proben auf, eine Zeile pro Probe.</translation>
    </message>
    <message>
        <source>the [%1] section lists no samples.</source>
        <translation>Der Abschnitt [%1] führt keine Proben auf.</translation>
    </message>
    <message>
        <source>the [%1] section has no Sample_ID column; its first row names the columns (Sample_ID, Sample_Name, ...).</source>
        <translation>Der Abschnitt [%1] hat keine Spalte Sample_ID; seine erste Zeile benennt die Spalten (Sample_ID, Sample_Name, ...).</translation>
    </message>
    <message>
        <source>a value (&quot;%1&quot;) beyond the last column, %2. Remove it, or name its column in the section&apos;s first row.</source>
        <translation>Ein Wert („%1“) hinter der letzten Spalte, %2. Entfernen Sie ihn, oder benennen Sie seine Spalte in der ersten Zeile des Abschnitts.</translation>
    </message>
    <message>
        <source>Sample_ID is empty.</source>
        <translation>Sample_ID ist leer.</translation>
    </message>
    <message>
        <source>Sample_ID %1 is not in the samples section above; each [%2] row describes a sample listed there.</source>
        <translation>Sample_ID %1 steht nicht im Probenabschnitt weiter oben; jede Zeile in [%2] beschreibt eine dort aufgeführte Probe.</translation>
    </message>
    <message>
        <source>Sample_ID %1 is listed twice (lines %2 and %3).</source>
        <translation>Sample_ID %1 ist doppelt aufgeführt (Zeilen %2 und %3).</translation>
    </message>
    <message>
        <source>Sample_ID %1 is listed twice for lane %2 (lines %3 and %4).</source>
        <translation>Sample_ID %1 ist für Lane %2 doppelt aufgeführt (Zeilen %3 und %4).</translation>
    </message>
    <message>
        <source>the [%1] section is empty.</source>
        <translation>Der Abschnitt [%1] ist leer.</translation>
    </message>
    <message>
        <source>neither an Illumina sample sheet ([Header] ... [Data]) nor a SeqDrop sheet: its first row names the columns and one of them is &quot;file&quot;.</source>
        <translation>Weder ein Illumina-Sample-Sheet ([Header] ... [Data]) noch ein SeqDrop-Sheet: Dessen erste Zeile benennt die Spalten, und eine davon heißt „file“.</translation>
    </message>
    <message>
        <source>a value (&quot;%1&quot;) beyond the last column, %2. Remove it, or name its column in the first row.</source>
        <translation>Ein Wert („%1“) hinter der letzten Spalte, %2. Entfernen Sie ihn, oder benennen Sie seine Spalte in der ersten Zeile.</translation>
    </message>
    <message>
        <source>the file is empty; name the sample&apos;s file.</source>
        <translation>Die Spalte file ist leer; geben Sie die Datei der Probe an.</translation>
    </message>
    <message>
        <source>%1 is listed twice (lines %2 and %3).</source>
        <translation>%1 ist doppelt aufgeführt (Zeilen %2 und %3).</translation>
    </message>
    <message>
        <source>no samples: one row per sample under the row of column names.</source>
        <translation>Keine Proben: eine Zeile pro Probe unter der Zeile mit den Spaltennamen.</translation>
    </message>
</context>
<context>
    <name>SeqDrop::SampleTableModel</name>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 min</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 h %2 min</translation>
    </message>
    <message>
        <source>Cannot start: %1</source>
        <translation>Kann nicht starten: %1</translation>
    </message>
    <message>
        <source>Waiting (no R2 file found: pair by hand with Ctrl+J, or mark interleaved with Ctrl+I)</source>
        <translation>Wartet (keine R2-Datei gefunden: mit Strg+J von Hand paaren oder mit Strg+I als interleaved markieren)</translation>
    </message>
    <message>
        <source>Waiting (an R2 file without its R1: pair by hand with Ctrl+J)</source>
        <translation>Wartet (R2-Datei ohne ihre R1: mit Strg+J von Hand paaren)</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>Wartet</translation>
    </message>
    <message>
        <source>Starting</source>
        <translation>Wird gestartet</translation>
    </message>
    <message>
        <source>Uploading</source>
        <translation>Wird hochgeladen</translation>
    </message>
    <message>
        <source>Finishing on the server</source>
        <translation>Wird auf dem Server abgeschlossen</translation>
    </message>
    <message>
        <source>Cancelling</source>
        <translation>Wird abgebrochen</translation>
    </message>
    <message>
        <source>Uploaded</source>
        <translation>Hochgeladen</translation>
    </message>
    <message>
        <source>Failed: %1</source>
        <translation>Fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Abgebrochen</translation>
    </message>
    <message>
        <source> (interleaved)</source>
        <translation> (interleaved)</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>%1%</source>
        <translation>%1 %</translation>
    </message>
    <message>
        <source>%1/s</source>
        <translation>%1/s</translation>
    </message>
    <message>
        <source>%1

Technical detail: %2
(Samples &gt; Show error details for more)</source>
        <translation>%1

Technisches Detail: %2
(Mehr unter Proben &gt; Fehlerdetails…)</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keines</translation>
    </message>
    <message>
        <source>R1: %1
R2: %2</source>
        <translation>R1: %1
R2: %2</translation>
    </message>
    <message>
        <source>Sample</source>
        <translation>Probe</translation>
    </message>
    <message>
        <source>File(s)</source>
        <translation>Datei(en)</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Größe</translation>
    </message>
    <message>
        <source>Content</source>
        <translation>Inhalt</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>Fortschritt</translation>
    </message>
    <message>
        <source>Speed</source>
        <translation>Tempo</translation>
    </message>
    <message>
        <source>Time left</source>
        <translation>Restzeit</translation>
    </message>
    <message>
        <source>Sample ID</source>
        <translation>Proben-ID</translation>
    </message>
    <message>
        <source>Waiting: the interrupted upload is tidied up on the server first</source>
        <translation>Wartet: Der unterbrochene Upload wird zuerst auf dem Server aufgeräumt</translation>
    </message>
    <message>
        <source>One Codex is checking the file</source>
        <translation>One Codex prüft die Datei</translation>
    </message>
    <message>
        <source>Waiting: %1</source>
        <translation>Wartet: %1</translation>
    </message>
    <message>
        <source>%1 + %2</source>
        <translation>%1 + %2</translation>
    </message>
    <message numerus="yes">
        <source> (%n more lane(s))</source>
        <translation>
            <numerusform> (%n weitere Lane)</numerusform>
            <numerusform> (%n weitere Lanes)</numerusform>
        </translation>
    </message>
    <message>
        <source>Uploaded; One Codex is importing it</source>
        <translation>Hochgeladen; One Codex importiert die Probe</translation>
    </message>
    <message>
        <source>Uploaded; One Codex is validating it</source>
        <translation>Hochgeladen; One Codex prüft die Probe</translation>
    </message>
    <message>
        <source>Uploaded and available on One Codex</source>
        <translation>Hochgeladen und auf One Codex verfügbar</translation>
    </message>
    <message>
        <source>Uploaded, but failed One Codex&apos;s validation: %1</source>
        <translation>Hochgeladen, aber von One Codex bei der Prüfung abgelehnt: %1</translation>
    </message>
    <message>
        <source>no reason given</source>
        <translation>kein Grund angegeben</translation>
    </message>
    <message>
        <source>Uploaded, then deleted on One Codex</source>
        <translation>Hochgeladen, dann auf One Codex gelöscht</translation>
    </message>
</context>
<context>
    <name>SeqDrop::SampleTableView</name>
    <message>
        <source>Samples to upload</source>
        <translation>Hochzuladende Proben</translation>
    </message>
</context>
<context>
    <name>SeqDrop::SampleUpload</name>
    <message>
        <source>%1 Retry %2 in %3 s.</source>
        <translation>%1 Wiederholung %2 in %3 s.</translation>
    </message>
    <message>
        <source>%1 changed since it was added to the queue (size or modification time). Check that it is complete, then remove it and add it again.</source>
        <translation>%1 hat sich geändert, seit es in die Warteschlange kam (Größe oder Änderungszeit). Prüfen Sie, ob die Datei vollständig ist, entfernen Sie sie dann und fügen Sie sie erneut hinzu.</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>Abgebrochen.</translation>
    </message>
    <message numerus="yes">
        <source>Cancelled %n duplicate sample(s) left by a lost answer: %1</source>
        <translation>
            <numerusform>%n doppelte Probe nach einer verlorenen Antwort abgebrochen: %1</numerusform>
            <numerusform>%n doppelte Proben nach einer verlorenen Antwort abgebrochen: %1</numerusform>
        </translation>
    </message>
    <message>
        <source>Could not check for duplicate samples: %1</source>
        <translation>Die Suche nach doppelten Proben ist fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>The upload permission for %1 expired; requesting a new one.</source>
        <translation>Die Upload-Berechtigung für %1 ist abgelaufen; eine neue wird angefordert.</translation>
    </message>
    <message>
        <source>resuming the upload an earlier run left unfinished</source>
        <translation>setzt den Upload fort, den ein früherer Lauf nicht beendet hat</translation>
    </message>
    <message>
        <source>the storage server refused it as too large for one request</source>
        <translation>der Speicherserver hat sie als zu groß für eine einzelne Anfrage abgelehnt</translation>
    </message>
    <message>
        <source>its connection kept failing</source>
        <translation>ihre Verbindung ist immer wieder abgebrochen</translation>
    </message>
    <message>
        <source>%1: %2; cancelling the sample and sending the files in parts (multipart) as a new one.</source>
        <translation>%1: %2; die Probe wird abgebrochen und die Dateien werden in Teilen (Multipart) als neue Probe gesendet.</translation>
    </message>
    <message>
        <source>fallback: %1</source>
        <translation>Ausweichweg: %1</translation>
    </message>
    <message>
        <source>The %1% already stored is kept: retrying resumes from there (Retry, or the same seqdrop-cli command).</source>
        <translation>Die bereits gespeicherten %1% bleiben erhalten: Ein erneuter Versuch macht dort weiter (Wiederholen, oder derselbe seqdrop-cli-Befehl).</translation>
    </message>
    <message>
        <source>One Codex&apos;s upload proxy failed</source>
        <translation>der Upload-Proxy von One Codex ist fehlgeschlagen</translation>
    </message>
    <message>
        <source>%1 The parts already sent are kept: put the file back and press Retry, or remove the row to discard them.</source>
        <translation>%1 Die bereits gesendeten Teile bleiben erhalten: Legen Sie die Datei zurück und wählen Sie „Auswahl wiederholen“ (Strg+R), oder entfernen Sie die Zeile, um sie zu verwerfen.</translation>
    </message>
</context>
<context>
    <name>SeqDrop::SandboxLauncher</name>
    <message>
        <source>The local sandbox did not start within 15 seconds.</source>
        <translation>Die lokale Sandbox ist nicht innerhalb von 15 Sekunden gestartet.</translation>
    </message>
    <message>
        <source>seqdrop-sandbox was not found next to SeqDrop nor on the PATH (set SEQDROP_SANDBOX_BIN to its location).</source>
        <translation>seqdrop-sandbox wurde weder neben SeqDrop noch im PATH gefunden (setzen Sie SEQDROP_SANDBOX_BIN auf den Pfad).</translation>
    </message>
    <message>
        <source>The local sandbox could not be started: %1</source>
        <translation>Die lokale Sandbox konnte nicht gestartet werden: %1</translation>
    </message>
    <message>
        <source>The local sandbox stopped while starting: %1</source>
        <translation>Die lokale Sandbox wurde beim Start beendet: %1</translation>
    </message>
</context>
<context>
    <name>SeqDrop::SequenceValidator</name>
    <message>
        <source>the file is compressed with %1, which One Codex does not accept. Decompress it, or compress it with gzip (.gz).</source>
        <translation>Die Datei ist mit %1 komprimiert, was One Codex nicht akzeptiert. Entpacken Sie sie, oder komprimieren Sie sie mit gzip (.gz).</translation>
    </message>
    <message>
        <source>the file is gzip-compressed but its name does not end in .gz. Rename it to &quot;%1.gz&quot;.</source>
        <translation>Die Datei ist gzip-komprimiert, ihr Name endet aber nicht auf .gz. Benennen Sie sie in „%1.gz“ um.</translation>
    </message>
    <message>
        <source>the name ends in .%1 but the file is not gzip-compressed. Rename it to &quot;%2&quot;, or compress it with gzip.</source>
        <translation>Der Name endet auf .%1, die Datei ist aber nicht gzip-komprimiert. Benennen Sie sie in „%2“ um, oder komprimieren Sie sie mit gzip.</translation>
    </message>
    <message>
        <source>the gzip data is damaged (%1) after %2 complete records, near line %3. The file is corrupted; copy it again or re-export it from the sequencer.</source>
        <translation>Die gzip-Daten sind nach %2 vollständigen Datensätzen beschädigt (%1), nahe Zeile %3. Die Datei ist defekt; kopieren Sie sie erneut oder exportieren Sie sie erneut aus dem Sequenzierer.</translation>
    </message>
    <message>
        <source>the name ends in .%1 (%2) but the file holds %3 records (it starts with &apos;%4&apos;). Rename it to &quot;%5&quot;, or choose the %2 file.</source>
        <translation>Der Name endet auf .%1 (%2), die Datei enthält aber %3-Datensätze (sie beginnt mit &apos;%4&apos;). Benennen Sie sie in „%5“ um, oder wählen Sie die %2-Datei.</translation>
    </message>
    <message>
        <source>the file holds %1 records but its name does not end in a %1 extension (%2, optionally followed by .gz). Rename it to &quot;%3&quot;.</source>
        <translation>Die Datei enthält %1-Datensätze, ihr Name endet aber nicht auf eine %1-Endung (%2, optional gefolgt von .gz). Benennen Sie sie in „%3“ um.</translation>
    </message>
    <message>
        <source>.fastq or .fq</source>
        <translation>.fastq oder .fq</translation>
    </message>
    <message>
        <source>.fasta, .fa or .fna</source>
        <translation>.fasta, .fa oder .fna</translation>
    </message>
    <message>
        <source>the file has Windows line endings (CR LF); they are accepted.</source>
        <translation>Die Datei hat Windows-Zeilenenden (CR LF); sie werden akzeptiert.</translation>
    </message>
    <message>
        <source>the gzip file has %1 members (concatenated gzip); all were read.</source>
        <translation>Die gzip-Datei besteht aus %1 Teilen (verkettetes gzip); alle wurden gelesen.</translation>
    </message>
    <message>
        <source>%1 zero bytes of padding follow the compressed data; they are ignored.</source>
        <translation>Auf die komprimierten Daten folgen %1 Null-Bytes als Auffüllung; sie werden ignoriert.</translation>
    </message>
    <message>
        <source>the gzip data stops before its end, after %1 complete records: the file is truncated (an interrupted copy or download?). Copy it again or re-export it from the sequencer.</source>
        <translation>Die gzip-Daten hören nach %1 vollständigen Datensätzen vor ihrem Ende auf: Die Datei ist abgeschnitten (ein abgebrochener Kopiervorgang oder Download?). Kopieren Sie sie erneut oder exportieren Sie sie erneut aus dem Sequenzierer.</translation>
    </message>
    <message>
        <source>the file is empty once decompressed. Choose the right file, or export it again from the sequencer.</source>
        <translation>Die Datei ist nach dem Entpacken leer. Wählen Sie die richtige Datei, oder exportieren Sie sie erneut aus dem Sequenzierer.</translation>
    </message>
    <message>
        <source>the file cannot be read: %1.</source>
        <translation>Die Datei kann nicht gelesen werden: %1.</translation>
    </message>
    <message>
        <source>validation was cancelled.</source>
        <translation>Die Prüfung wurde abgebrochen.</translation>
    </message>
    <message>
        <source>reading the file failed: %1.</source>
        <translation>Das Lesen der Datei ist fehlgeschlagen: %1.</translation>
    </message>
</context>
<context>
    <name>SeqDrop::Session</name>
    <message>
        <source>No keychain service is available on this computer, so the key is kept for this run only: you will be asked again next time. (%1)</source>
        <translation>Auf diesem Computer ist kein Schlüsselbund-Dienst verfügbar, daher wird der Schlüssel nur für diese Sitzung behalten: Beim nächsten Start werden Sie erneut gefragt. (%1)</translation>
    </message>
    <message>
        <source>The key in ONE_CODEX_API_KEY was refused by %1. Sign in with a valid key.</source>
        <translation>Der Schlüssel in ONE_CODEX_API_KEY wurde von %1 abgelehnt. Melden Sie sich mit einem gültigen Schlüssel an.</translation>
    </message>
    <message>
        <source>The saved API key was refused by %1. Sign in again.</source>
        <translation>Der gespeicherte API-Schlüssel wurde von %1 abgelehnt. Melden Sie sich erneut an.</translation>
    </message>
    <message>
        <source>Could not check the account: %1</source>
        <translation>Das Konto konnte nicht geprüft werden: %1</translation>
    </message>
    <message>
        <source>Signed out. ONE_CODEX_API_KEY is still set in the environment and will be used next time SeqDrop starts.</source>
        <translation>Abgemeldet. ONE_CODEX_API_KEY ist weiterhin in der Umgebung gesetzt und wird beim nächsten Start von SeqDrop verwendet.</translation>
    </message>
    <message>
        <source>local sandbox</source>
        <translation>lokale Sandbox</translation>
    </message>
</context>
<context>
    <name>SeqDrop::SettingsDialog</name>
    <message>
        <source>Start uploading as soon as files are added</source>
        <translation>Hochladen beginnen, sobald Dateien hinzugefügt werden</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>Server address</source>
        <translation>Serveradresse</translation>
    </message>
    <message>
        <source>Parallel uploads</source>
        <translation>Parallele Uploads</translation>
    </message>
    <message>
        <source>Start uploads automatically</source>
        <translation>Uploads automatisch starten</translation>
    </message>
    <message>
        <source>When off, files wait until you press Start, so you can set tags and the project first.</source>
        <translation>Wenn ausgeschaltet, warten die Dateien, bis Sie auf Starten klicken; so können Sie vorher Tags und Projekt setzen.</translation>
    </message>
    <message>
        <source>&amp;Server address:</source>
        <translation>&amp;Serveradresse:</translation>
    </message>
    <message>
        <source>&amp;Parallel uploads:</source>
        <translation>&amp;Parallele Uploads:</translation>
    </message>
    <message>
        <source>server address</source>
        <translation>Serveradresse</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a web address.</source>
        <translation>„%1“ ist keine Webadresse.</translation>
    </message>
    <message>
        <source>Upload route</source>
        <translation>Upload-Route</translation>
    </message>
    <message>
        <source>Automatic</source>
        <translation>Automatisch</translation>
    </message>
    <message>
        <source>Multipart only for a file over 5 GiB, else one request per file.</source>
        <translation>Multipart nur für eine Datei über 5 GiB, sonst eine Anfrage pro Datei.</translation>
    </message>
    <message>
        <source>Form</source>
        <translation>Formular</translation>
    </message>
    <message>
        <source>One request per file; an interrupted file starts again from the beginning.</source>
        <translation>Eine Anfrage pro Datei; eine unterbrochene Datei beginnt wieder von vorn.</translation>
    </message>
    <message>
        <source>Multipart</source>
        <translation>Multipart</translation>
    </message>
    <message>
        <source>Part by part: an interrupted upload resumes from its last stored part.</source>
        <translation>Teil für Teil: Ein unterbrochener Upload wird ab seinem zuletzt gespeicherten Teil fortgesetzt.</translation>
    </message>
    <message>
        <source>How files travel. Automatic: multipart only for a file over 5 GiB. Multipart: resumable part by part.</source>
        <translation>Wie Dateien übertragen werden. Automatisch: Multipart nur für eine Datei über 5 GiB. Multipart: Teil für Teil fortsetzbar.</translation>
    </message>
    <message>
        <source>Parts in flight</source>
        <translation>Teile gleichzeitig</translation>
    </message>
    <message>
        <source>Multipart: how many parts of a file are sent at the same time.</source>
        <translation>Multipart: wie viele Teile einer Datei gleichzeitig gesendet werden.</translation>
    </message>
    <message>
        <source>Advanced</source>
        <translation>Erweitert</translation>
    </message>
    <message>
        <source>Upload &amp;route:</source>
        <translation>Upload-&amp;Route:</translation>
    </message>
    <message>
        <source>Parts in &amp;flight:</source>
        <translation>&amp;Teile gleichzeitig:</translation>
    </message>
    <message>
        <source>Retries when the network is back</source>
        <translation>Wiederholungen, wenn das Netzwerk zurück ist</translation>
    </message>
    <message>
        <source>Never</source>
        <translation>Nie</translation>
    </message>
    <message>
        <source>A sample that failed because the network went away is uploaded again by itself when it comes back, at most this many times.</source>
        <translation>Eine Probe, die fehlschlug, weil das Netzwerk weg war, wird von selbst erneut hochgeladen, sobald es zurück ist, höchstens so oft.</translation>
    </message>
    <message>
        <source>Retry when the &amp;network is back:</source>
        <translation>Wiederholen, wenn das &amp;Netzwerk zurück ist:</translation>
    </message>
    <message>
        <source>&amp;Keep the computer awake while uploading</source>
        <translation>Computer während des Hochladens &amp;wach halten</translation>
    </message>
    <message>
        <source>While uploads run the computer does not go to sleep (the screen may still turn off); it may again once the queue is done or paused.</source>
        <translation>Solange Uploads laufen, geht der Computer nicht in den Ruhezustand (der Bildschirm kann sich trotzdem ausschalten); sobald die Warteschlange fertig oder pausiert ist, wieder.</translation>
    </message>
</context>
<context>
    <name>SeqDrop::SheetBar</name>
    <message>
        <source>Undo</source>
        <translation>Rückgängig</translation>
    </message>
    <message>
        <source>Give the samples back the descriptions they had before the sheet</source>
        <translation>Den Proben die Beschreibungen zurückgeben, die sie vor dem Sample Sheet hatten</translation>
    </message>
    <message>
        <source>Reads no index matched: usually not uploaded, but they are yours to send</source>
        <translation>Reads ohne passenden Index: meist nicht hochgeladen, aber Sie können sie senden</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>The sample sheet could not be read, so the files went in without its descriptions. %1</source>
        <translation>Das Sample Sheet konnte nicht gelesen werden, daher wurden die Dateien ohne seine Beschreibungen hinzugefügt. %1</translation>
    </message>
    <message numerus="yes">
        <source>Described %n sample(s) from %1.</source>
        <translation>
            <numerusform>%n Probe aus %1 beschrieben.</numerusform>
            <numerusform>%n Proben aus %1 beschrieben.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Described %n sample(s) from %1 (run %2).</source>
        <translation>
            <numerusform>%n Probe aus %1 beschrieben (Run %2).</numerusform>
            <numerusform>%n Proben aus %1 beschrieben (Run %2).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) have no row in it.</source>
        <translation>
            <numerusform>%n Datei hat darin keine Zeile.</numerusform>
            <numerusform>%n Dateien haben darin keine Zeile.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) have no files here.</source>
        <translation>
            <numerusform>%n Zeile hat hier keine Dateien.</numerusform>
            <numerusform>%n Zeilen haben hier keine Dateien.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n value(s) One Codex would refuse were left out.</source>
        <translation>
            <numerusform>%n Wert, den One Codex ablehnen würde, wurde weggelassen.</numerusform>
            <numerusform>%n Werte, die One Codex ablehnen würde, wurden weggelassen.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Add %n Undetermined File(s)</source>
        <translation>
            <numerusform>%n Undetermined-Datei hinzufügen</numerusform>
            <numerusform>%n Undetermined-Dateien hinzufügen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Sample sheet undone: %n sample(s) as they were.</source>
        <translation>
            <numerusform>Sample Sheet rückgängig gemacht: %n Probe wie zuvor.</numerusform>
            <numerusform>Sample Sheet rückgängig gemacht: %n Proben wie zuvor.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n had started uploading and keep the sheet&apos;s description.</source>
        <translation>
            <numerusform>Bei %n Probe hatte der Upload bereits begonnen; sie behält die Beschreibung aus dem Sample Sheet.</numerusform>
            <numerusform>Bei %n Proben hatte der Upload bereits begonnen; sie behalten die Beschreibung aus dem Sample Sheet.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n value(s) you had typed were kept over the sheet&apos;s.</source>
        <translation>
            <numerusform>%n von Ihnen eingegebener Wert wurde statt des Werts aus dem Sample Sheet behalten.</numerusform>
            <numerusform>%n von Ihnen eingegebene Werte wurden statt der Werte aus dem Sample Sheet behalten.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SeqDrop::SheetDescriber</name>
    <message>
        <source>%1 (%2 line %3): %4</source>
        <translation>%1 (%2 Zeile %3): %4</translation>
    </message>
    <message>
        <source>the header&apos;s Date (%1) is not a date SeqDrop can read (2023-12-04 or 12/4/2023).</source>
        <translation>Der Eintrag Date im [Header] (%1) ist kein Datum, das SeqDrop lesen kann (2023-12-04 oder 12/4/2023).</translation>
    </message>
</context>
<context>
    <name>SeqDrop::SheetMatcher</name>
    <message>
        <source>%1 (%2 line %3) has no file among those added.</source>
        <translation>%1 (%2 Zeile %3) hat keine Datei unter den hinzugefügten.</translation>
    </message>
    <message>
        <source>%1 is not named as a demultiplexer names its files (&lt;sample&gt;_S&lt;n&gt;_L001_R1_001.fastq.gz), so %2 cannot say which sample it is.</source>
        <translation>%1 ist nicht so benannt, wie ein Demultiplexer seine Dateien benennt (&lt;sample&gt;_S&lt;n&gt;_L001_R1_001.fastq.gz), daher kann %2 nicht angeben, welche Probe es ist.</translation>
    </message>
    <message>
        <source>%1 says it is sample %2 (S%3), but sample %3 of %4 is %5 (line %6): the files and the sheet are not from the same run?</source>
        <translation>%1 gibt an, Probe %2 (S%3) zu sein, aber Probe %3 in %4 ist %5 (Zeile %6): Stammen die Dateien und das Sample Sheet nicht aus demselben Run?</translation>
    </message>
    <message>
        <source>%1 says it is sample %2 (S%3), but %4 lists %5 sample(s).</source>
        <translation>%1 gibt an, Probe %2 (S%3) zu sein, aber %4 führt nur %5 Probe(n) auf.</translation>
    </message>
    <message>
        <source>%1 line %2: %3 and %4 are not one pair in the list (pair them first, or give each its own row).</source>
        <translation>%1 Zeile %2: %3 und %4 sind in der Liste kein Paar (bilden Sie zuerst das Paar, oder geben Sie jeder Datei eine eigene Zeile).</translation>
    </message>
    <message>
        <source>%1 has no row in %2.</source>
        <translation>%1 hat keine Zeile in %2.</translation>
    </message>
</context>
<context>
    <name>SeqDrop::SheetProjects</name>
    <message>
        <source>The sample sheet puts it in the project &quot;%1&quot;, which SeqDrop checks once it has your account&apos;s projects (sign in).</source>
        <translation>Das Sample Sheet ordnet sie dem Projekt „%1“ zu; SeqDrop prüft es, sobald die Projekte Ihres Kontos vorliegen (melden Sie sich an).</translation>
    </message>
    <message>
        <source>The sample sheet&apos;s project is unknown: %1 Choose a project in the description panel, or fix the sheet and add the files again.</source>
        <translation>Das Projekt aus dem Sample Sheet ist unbekannt: %1 Wählen Sie im Beschreibungsbereich ein Projekt, oder korrigieren Sie das Sample Sheet und fügen Sie die Dateien erneut hinzu.</translation>
    </message>
</context>
<context>
    <name>SeqDrop::SignInDialog</name>
    <message>
        <source>&amp;Check key</source>
        <translation>Schlüssel &amp;prüfen</translation>
    </message>
    <message>
        <source>Sign in to One Codex</source>
        <translation>Bei One Codex anmelden</translation>
    </message>
    <message>
        <source>Paste your One Codex API key. You find it in your account settings on the One Codex website. SeqDrop checks it with %1 and keeps it in the system keychain.</source>
        <translation>Fügen Sie Ihren One-Codex-API-Schlüssel ein. Sie finden ihn in Ihren Kontoeinstellungen auf der Website von One Codex. SeqDrop prüft ihn bei %1 und bewahrt ihn im Schlüsselbund des Systems auf.</translation>
    </message>
    <message>
        <source>API key</source>
        <translation>API-Schlüssel</translation>
    </message>
    <message>
        <source>32 characters</source>
        <translation>32 Zeichen</translation>
    </message>
    <message>
        <source>Check the API key</source>
        <translation>Den API-Schlüssel prüfen</translation>
    </message>
    <message>
        <source>Sign-in status</source>
        <translation>Anmeldestatus</translation>
    </message>
    <message>
        <source>API &amp;key:</source>
        <translation>API-&amp;Schlüssel:</translation>
    </message>
    <message>
        <source>&amp;Try without an account</source>
        <translation>Ohne Konto &amp;testen</translation>
    </message>
    <message>
        <source>Try SeqDrop against a local sandbox, without an account</source>
        <translation>SeqDrop mit einer lokalen Sandbox testen, ohne Konto</translation>
    </message>
    <message>
        <source>Starts a local test server on this computer: nothing leaves it.</source>
        <translation>Startet einen lokalen Testserver auf diesem Computer: Nichts verlässt ihn.</translation>
    </message>
    <message>
        <source>&amp;Sign in</source>
        <translation>&amp;Anmelden</translation>
    </message>
    <message>
        <source>Checking the key…</source>
        <translation>Schlüssel wird geprüft …</translation>
    </message>
    <message>
        <source>Paste your API key first.</source>
        <translation>Fügen Sie zuerst Ihren API-Schlüssel ein.</translation>
    </message>
    <message>
        <source>server address</source>
        <translation>Serveradresse</translation>
    </message>
    <message>
        <source>One Codex refused this key (%1). Check that you copied all of it, or create a new key in your account settings.</source>
        <translation>One Codex hat diesen Schlüssel abgelehnt (%1). Prüfen Sie, ob Sie ihn vollständig kopiert haben, oder erstellen Sie in Ihren Kontoeinstellungen einen neuen Schlüssel.</translation>
    </message>
    <message>
        <source>The key could not be checked: %1</source>
        <translation>Der Schlüssel konnte nicht geprüft werden: %1</translation>
    </message>
    <message>
        <source>Key accepted: this is the account of %1.</source>
        <translation>Schlüssel akzeptiert: Dies ist das Konto von %1.</translation>
    </message>
</context>
<context>
    <name>SeqDrop::SleepGuard</name>
    <message>
        <source>Uploading sequencing samples to One Codex</source>
        <translation>Sequenzierproben werden zu One Codex hochgeladen</translation>
    </message>
</context>
<context>
    <name>SeqDrop::StorageUploadJob</name>
    <message>
        <source>%1 changed size since it was added (%2 bytes, now %3). Add it again.</source>
        <translation>Die Größe von %1 hat sich seit dem Hinzufügen geändert (%2 Byte, jetzt %3). Fügen Sie die Datei erneut hinzu.</translation>
    </message>
    <message>
        <source>upload address</source>
        <translation>Upload-Adresse</translation>
    </message>
    <message>
        <source>Cannot read %1. Check that the file is still there and readable.</source>
        <translation>%1 kann nicht gelesen werden. Prüfen Sie, ob die Datei noch vorhanden und lesbar ist.</translation>
    </message>
    <message>
        <source>%1 The upload was stopped and the sample cancelled; fix or re-export the file, then add it again.</source>
        <translation>%1 Der Upload wurde gestoppt und die Probe abgebrochen; korrigieren Sie die Datei oder exportieren Sie sie neu, und fügen Sie sie dann erneut hinzu.</translation>
    </message>
    <message>
        <source>Reading %1 failed during the upload. Check the disk or network share it is on.</source>
        <translation>Das Lesen von %1 ist während des Uploads fehlgeschlagen. Prüfen Sie den Datenträger oder die Netzwerkfreigabe, auf der die Datei liegt.</translation>
    </message>
    <message>
        <source>The storage server redirected the upload, which SeqDrop does not follow.</source>
        <translation>Der Speicherserver hat den Upload umgeleitet; SeqDrop folgt solchen Umleitungen nicht.</translation>
    </message>
    <message>
        <source>SeqDrop could not confirm that all of %1 was sent.</source>
        <translation>SeqDrop konnte nicht bestätigen, dass %1 vollständig gesendet wurde.</translation>
    </message>
    <message>
        <source>The storage server did not return a checksum (ETag) for %1, so its integrity cannot be checked.</source>
        <translation>Der Speicherserver hat keine Prüfsumme (ETag) für %1 zurückgegeben, daher lässt sich die Unversehrtheit nicht prüfen.</translation>
    </message>
    <message>
        <source>%1 arrived damaged: the storage server&apos;s checksum differs from the bytes sent. The sample was cancelled; retry it.</source>
        <translation>%1 ist beschädigt angekommen: Die Prüfsumme des Speicherservers weicht von den gesendeten Bytes ab. Die Probe wurde abgebrochen; versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>The storage server received %1 but did not confirm it in time.</source>
        <translation>Der Speicherserver hat %1 empfangen, aber nicht rechtzeitig bestätigt.</translation>
    </message>
    <message>
        <source>The upload of %1 made no progress for a while; SeqDrop restarts it.</source>
        <translation>Der Upload von %1 kommt seit einer Weile nicht voran; SeqDrop startet ihn neu.</translation>
    </message>
</context>
<context>
    <name>SeqDrop::TagEditor</name>
    <message>
        <source>Add tag</source>
        <translation>Tag hinzufügen</translation>
    </message>
    <message>
        <source>Remove tag</source>
        <translation>Tag entfernen</translation>
    </message>
    <message>
        <source>New tag, then Enter</source>
        <translation>Neuer Tag, dann Eingabetaste</translation>
    </message>
    <message>
        <source>New tag</source>
        <translation>Neuer Tag</translation>
    </message>
    <message>
        <source>Tags of the selected samples</source>
        <translation>Tags der ausgewählten Proben</translation>
    </message>
    <message>
        <source>Remove selected tags</source>
        <translation>Ausgewählte Tags entfernen</translation>
    </message>
    <message>
        <source>%1 of %2 characters: One Codex allows no longer tags.</source>
        <translation>%1 von %2 Zeichen: Längere Tags erlaubt One Codex nicht.</translation>
    </message>
    <message>
        <source>%1 of %2 characters</source>
        <translation>%1 von %2 Zeichen</translation>
    </message>
    <message>
        <source>Existing tags are suggested as you type.</source>
        <translation>Beim Tippen werden vorhandene Tags vorgeschlagen.</translation>
    </message>
</context>
<context>
    <name>SeqDrop::UploadPartJob</name>
    <message>
        <source>The storage server did not return a checksum (ETag) for part %1, so its integrity cannot be checked.</source>
        <translation>Der Speicherserver hat keine Prüfsumme (ETag) für Teil %1 zurückgegeben, daher lässt sich die Unversehrtheit nicht prüfen.</translation>
    </message>
    <message>
        <source>Part %1 arrived damaged: the storage server&apos;s checksum differs from the bytes sent.</source>
        <translation>Teil %1 ist beschädigt angekommen: Die Prüfsumme des Speicherservers weicht von den gesendeten Bytes ab.</translation>
    </message>
    <message>
        <source>The upload of part %1 made no progress for a while; SeqDrop restarts it.</source>
        <translation>Der Upload von Teil %1 kommt seit einer Weile nicht voran; SeqDrop startet ihn neu.</translation>
    </message>
</context>
<context>
    <name>SeqDrop::UrlPolicy</name>
    <message>
        <source>The %1 &quot;%2&quot; is not a valid URL.</source>
        <translation>Die %1 „%2“ ist keine gültige URL.</translation>
    </message>
    <message>
        <source>Refusing the %1 %2: plain HTTP is only allowed to this computer (localhost). Use an https:// address.</source>
        <translation>Die %1 %2 wird abgelehnt: Unverschlüsseltes HTTP ist nur zu diesem Computer (localhost) erlaubt. Verwenden Sie eine https://-Adresse.</translation>
    </message>
    <message>
        <source>The %1 &quot;%2&quot; must start with https://.</source>
        <translation>Die %1 „%2“ muss mit https:// beginnen.</translation>
    </message>
</context>
<context>
    <name>SeqDrop::ValidationReport</name>
    <message>
        <source>en_US</source>
        <comment>The locale whose digit grouping and decimal point numbers in messages use: the locale of this translation (de_DE for German).</comment>
        <translation>de_DE</translation>
    </message>
    <message>
        <source>, record %1 (line %2)</source>
        <translation>, Datensatz %1 (Zeile %2)</translation>
    </message>
    <message>
        <source>, record %1</source>
        <translation>, Datensatz %1</translation>
    </message>
    <message>
        <source>, line %1</source>
        <translation>, Zeile %1</translation>
    </message>
</context>
<context>
    <name>SeqDrop::WindowActions</name>
    <message>
        <source>&amp;Add Files…</source>
        <translation>Dateien &amp;hinzufügen…</translation>
    </message>
    <message>
        <source>Add FASTA/FASTQ files to the queue</source>
        <translation>FASTA/FASTQ-Dateien zur Warteschlange hinzufügen</translation>
    </message>
    <message>
        <source>Add &amp;Folder…</source>
        <translation>&amp;Ordner hinzufügen…</translation>
    </message>
    <message>
        <source>Ctrl+Shift+O</source>
        <translation>Ctrl+Shift+O</translation>
    </message>
    <message>
        <source>Add every FASTA/FASTQ file in a folder and its subfolders</source>
        <translation>Alle FASTA/FASTQ-Dateien eines Ordners und seiner Unterordner hinzufügen</translation>
    </message>
    <message>
        <source>&amp;Export Results…</source>
        <translation>Ergebnisse e&amp;xportieren…</translation>
    </message>
    <message>
        <source>Ctrl+E</source>
        <translation>Ctrl+E</translation>
    </message>
    <message>
        <source>Save which file became which sample as a CSV file</source>
        <translation>Als CSV-Datei speichern, welche Datei zu welcher Probe wurde</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>&amp;Einstellungen…</translation>
    </message>
    <message>
        <source>Ctrl+,</source>
        <translation>Ctrl+,</translation>
    </message>
    <message>
        <source>Server, parallel uploads, automatic start</source>
        <translation>Server, parallele Uploads, automatischer Start</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>Quit SeqDrop</source>
        <translation>SeqDrop beenden</translation>
    </message>
    <message>
        <source>&amp;Start Uploads</source>
        <translation>Uploads &amp;starten</translation>
    </message>
    <message>
        <source>Ctrl+Return</source>
        <translation>Ctrl+Return</translation>
    </message>
    <message>
        <source>Upload the waiting samples</source>
        <translation>Die wartenden Proben hochladen</translation>
    </message>
    <message>
        <source>&amp;Pause Queue</source>
        <translation>Warteschlange &amp;pausieren</translation>
    </message>
    <message>
        <source>Ctrl+P</source>
        <translation>Ctrl+P</translation>
    </message>
    <message>
        <source>Start no new uploads; running ones finish</source>
        <translation>Keine neuen Uploads starten; laufende werden beendet</translation>
    </message>
    <message>
        <source>&amp;Cancel Selected</source>
        <translation>Auswahl a&amp;bbrechen</translation>
    </message>
    <message>
        <source>Ctrl+Shift+X</source>
        <translation>Ctrl+Shift+X</translation>
    </message>
    <message>
        <source>Stop the selected uploads now</source>
        <translation>Die ausgewählten Uploads sofort stoppen</translation>
    </message>
    <message>
        <source>Cancel &amp;All</source>
        <translation>&amp;Alle abbrechen</translation>
    </message>
    <message>
        <source>Ctrl+Shift+K</source>
        <translation>Ctrl+Shift+K</translation>
    </message>
    <message>
        <source>Stop every upload now</source>
        <translation>Alle Uploads sofort stoppen</translation>
    </message>
    <message>
        <source>&amp;Retry Selected</source>
        <translation>Auswahl &amp;wiederholen</translation>
    </message>
    <message>
        <source>Ctrl+R</source>
        <translation>Ctrl+R</translation>
    </message>
    <message>
        <source>Queue the selected failed samples again</source>
        <translation>Die ausgewählten fehlgeschlagenen Proben erneut einreihen</translation>
    </message>
    <message>
        <source>Retry All &amp;Failed</source>
        <translation>Alle &amp;fehlgeschlagenen wiederholen</translation>
    </message>
    <message>
        <source>Ctrl+Shift+R</source>
        <translation>Ctrl+Shift+R</translation>
    </message>
    <message>
        <source>Queue every failed sample again</source>
        <translation>Alle fehlgeschlagenen Proben erneut einreihen</translation>
    </message>
    <message>
        <source>Re&amp;move Selected</source>
        <translation>Auswahl &amp;entfernen</translation>
    </message>
    <message>
        <source>Take the selected samples off the list</source>
        <translation>Die ausgewählten Proben aus der Liste nehmen</translation>
    </message>
    <message>
        <source>&amp;Pair Two Files</source>
        <translation>Zwei Dateien als &amp;Paar</translation>
    </message>
    <message>
        <source>Ctrl+J</source>
        <translation>Ctrl+J</translation>
    </message>
    <message>
        <source>Make the two selected files one paired-end sample (R1 + R2)</source>
        <translation>Die zwei ausgewählten Dateien zu einer Paired-End-Probe machen (R1 + R2)</translation>
    </message>
    <message>
        <source>&amp;Split Pair</source>
        <translation>Paar &amp;trennen</translation>
    </message>
    <message>
        <source>Ctrl+Shift+J</source>
        <translation>Ctrl+Shift+J</translation>
    </message>
    <message>
        <source>Upload the selected pair&apos;s files as two samples</source>
        <translation>Die Dateien des ausgewählten Paars als zwei Proben hochladen</translation>
    </message>
    <message>
        <source>&amp;Interleaved</source>
        <translation>&amp;Interleaved</translation>
    </message>
    <message>
        <source>Ctrl+I</source>
        <translation>Ctrl+I</translation>
    </message>
    <message>
        <source>The selected single file holds both reads of each pair</source>
        <translation>Die ausgewählte einzelne Datei enthält beide Reads jedes Paars</translation>
    </message>
    <message>
        <source>&amp;Apply Description</source>
        <translation>Beschreibung &amp;anwenden</translation>
    </message>
    <message>
        <source>Apply the description panel to the selected samples</source>
        <translation>Die Beschreibung aus dem Bereich rechts auf die ausgewählten Proben anwenden</translation>
    </message>
    <message>
        <source>Error &amp;Details…</source>
        <translation>Fehler&amp;details…</translation>
    </message>
    <message>
        <source>Ctrl+D</source>
        <translation>Ctrl+D</translation>
    </message>
    <message>
        <source>Show the technical detail of the selected sample&apos;s error</source>
        <translation>Die technischen Details zum Fehler der ausgewählten Probe anzeigen</translation>
    </message>
    <message>
        <source>Select A&amp;ll</source>
        <translation>Alle a&amp;uswählen</translation>
    </message>
    <message>
        <source>Select every sample</source>
        <translation>Alle Proben auswählen</translation>
    </message>
    <message>
        <source>Go to &amp;Queue</source>
        <translation>Zur &amp;Warteschlange</translation>
    </message>
    <message>
        <source>Ctrl+1</source>
        <translation>Ctrl+1</translation>
    </message>
    <message>
        <source>Move the keyboard focus to the sample list</source>
        <translation>Den Tastaturfokus in die Probenliste setzen</translation>
    </message>
    <message>
        <source>Go to &amp;Description</source>
        <translation>Zur &amp;Beschreibung</translation>
    </message>
    <message>
        <source>Ctrl+2</source>
        <translation>Ctrl+2</translation>
    </message>
    <message>
        <source>Move the keyboard focus to the description panel</source>
        <translation>Den Tastaturfokus in den Beschreibungsbereich setzen</translation>
    </message>
    <message>
        <source>&amp;Sign In…</source>
        <translation>&amp;Anmelden…</translation>
    </message>
    <message>
        <source>Ctrl+L</source>
        <translation>Ctrl+L</translation>
    </message>
    <message>
        <source>Sign in with your One Codex API key</source>
        <translation>Mit Ihrem One-Codex-API-Schlüssel anmelden</translation>
    </message>
    <message>
        <source>Sign &amp;Out</source>
        <translation>Ab&amp;melden</translation>
    </message>
    <message>
        <source>Ctrl+Shift+L</source>
        <translation>Ctrl+Shift+L</translation>
    </message>
    <message>
        <source>Forget the API key on this computer</source>
        <translation>Den API-Schlüssel auf diesem Computer vergessen</translation>
    </message>
    <message>
        <source>&amp;Try Without an Account</source>
        <translation>Ohne Konto &amp;testen</translation>
    </message>
    <message>
        <source>Ctrl+T</source>
        <translation>Ctrl+T</translation>
    </message>
    <message>
        <source>Run against a local sandbox server; nothing leaves this computer</source>
        <translation>Mit einem lokalen Sandbox-Server arbeiten; nichts verlässt diesen Computer</translation>
    </message>
    <message>
        <source>&amp;About SeqDrop</source>
        <translation>&amp;Über SeqDrop</translation>
    </message>
    <message>
        <source>Version and what SeqDrop does</source>
        <translation>Version und was SeqDrop tut</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;Uploads</source>
        <translation>&amp;Uploads</translation>
    </message>
    <message>
        <source>&amp;Samples</source>
        <translation>&amp;Proben</translation>
    </message>
    <message>
        <source>&amp;Account</source>
        <translation>&amp;Konto</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>C&amp;lear Uploaded</source>
        <translation>&amp;Hochgeladene entfernen</translation>
    </message>
    <message>
        <source>Ctrl+Shift+Del</source>
        <translation>Ctrl+Shift+Del</translation>
    </message>
    <message>
        <source>Take every uploaded sample off the list (they stay on One Codex)</source>
        <translation>Alle hochgeladenen Proben aus der Liste nehmen (sie bleiben auf One Codex)</translation>
    </message>
    <message>
        <source>Save &amp;Diagnostics…</source>
        <translation>&amp;Diagnose speichern…</translation>
    </message>
    <message>
        <source>Ctrl+Shift+D</source>
        <translation>Ctrl+Shift+D</translation>
    </message>
    <message>
        <source>Save versions, settings and recent log lines for support, without secrets</source>
        <translation>Versionen, Einstellungen und letzte Protokollzeilen für den Support speichern, ohne Geheimnisse</translation>
    </message>
    <message>
        <source>&amp;Filter Samples</source>
        <translation>Proben &amp;filtern</translation>
    </message>
    <message>
        <source>Show only the samples whose name, files, status or id contain a text</source>
        <translation>Nur die Proben zeigen, deren Name, Dateien, Status oder ID einen Text enthalten</translation>
    </message>
    <message>
        <source>Apply Sample &amp;Sheet…</source>
        <translation>Sample &amp;Sheet anwenden…</translation>
    </message>
    <message>
        <source>Ctrl+Shift+S</source>
        <translation>Ctrl+Shift+S</translation>
    </message>
    <message>
        <source>Describe the queued samples with a sample sheet (Illumina or SeqDrop&apos;s)</source>
        <translation>Die Proben in der Warteschlange mit einem Sample Sheet beschreiben (Illumina oder SeqDrop)</translation>
    </message>
    <message>
        <source>Export Sample Shee&amp;t…</source>
        <translation>Sample Shee&amp;t exportieren…</translation>
    </message>
    <message>
        <source>Save the queue as a sample sheet to fill in a spreadsheet and apply</source>
        <translation>Die Warteschlange als Sample Sheet speichern, um es in einer Tabellenkalkulation auszufüllen und anzuwenden</translation>
    </message>
</context>
<context>
    <name>SeqDrop::WindowDialogs</name>
    <message>
        <source>Add Files</source>
        <translation>Dateien hinzufügen</translation>
    </message>
    <message>
        <source>Sequencing files (*.fastq *.fq *.fasta *.fa *.fna *.fas *.gz *.gzip);;All files (*)</source>
        <translation>Sequenzierdateien (*.fastq *.fq *.fasta *.fa *.fna *.fas *.gz *.gzip);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Add Folder</source>
        <translation>Ordner hinzufügen</translation>
    </message>
    <message>
        <source>seqdrop-results-%1.csv</source>
        <translation>seqdrop-ergebnisse-%1.csv</translation>
    </message>
    <message>
        <source>Export Results</source>
        <translation>Ergebnisse exportieren</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV-Dateien (*.csv)</translation>
    </message>
    <message>
        <source>Results saved to %1</source>
        <translation>Ergebnisse gespeichert in %1</translation>
    </message>
    <message>
        <source>seqdrop-diagnostics-%1.txt</source>
        <translation>seqdrop-diagnose-%1.txt</translation>
    </message>
    <message>
        <source>Save Diagnostics</source>
        <translation>Diagnose speichern</translation>
    </message>
    <message>
        <source>Text files (*.txt)</source>
        <translation>Textdateien (*.txt)</translation>
    </message>
    <message>
        <source>Diagnostics saved to %1. Secrets are left out; send the file to support.</source>
        <translation>Diagnose gespeichert in %1. Geheimnisse sind nicht enthalten; senden Sie die Datei an den Support.</translation>
    </message>
    <message>
        <source>About SeqDrop</source>
        <translation>Über SeqDrop</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;SeqDrop %1&lt;/b&gt;&lt;/p&gt;&lt;p&gt;Uploads FASTA/FASTQ files, single or paired, to One Codex, with their tags, project and metadata.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;SeqDrop %1&lt;/b&gt;&lt;/p&gt;&lt;p&gt;Lädt FASTA/FASTQ-Dateien, Single-End oder Paired-End, mit Tags, Projekt und Metadaten zu One Codex hoch.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Uploads are running</source>
        <translation>Uploads laufen</translation>
    </message>
    <message numerus="yes">
        <source>%n upload(s) are still running. Quit and cancel them? Cancelled samples are removed from One Codex; you can upload them again later.</source>
        <translation>
            <numerusform>%n Upload läuft noch. Beenden und ihn abbrechen? Abgebrochene Proben werden aus One Codex entfernt; Sie können sie später erneut hochladen.</numerusform>
            <numerusform>%n Uploads laufen noch. Beenden und sie abbrechen? Abgebrochene Proben werden aus One Codex entfernt; Sie können sie später erneut hochladen.</numerusform>
        </translation>
    </message>
    <message>
        <source>Apply Sample Sheet</source>
        <translation>Sample Sheet anwenden</translation>
    </message>
    <message>
        <source>Sample sheets (*.csv);;All files (*)</source>
        <translation>Sample Sheets (*.csv);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Export Sample Sheet</source>
        <translation>Sample Sheet exportieren</translation>
    </message>
    <message>
        <source>%1 could not be written: %2</source>
        <translation>%1 konnte nicht geschrieben werden: %2</translation>
    </message>
    <message numerus="yes">
        <source>Sample sheet of %n sample(s) saved to %1</source>
        <translation>
            <numerusform>Sample Sheet mit %n Probe unter %1 gespeichert</numerusform>
            <numerusform>Sample Sheet mit %n Proben unter %1 gespeichert</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Uploads FASTA/FASTQ sequencing files to One Codex.</source>
        <translation>Lädt FASTA/FASTQ-Sequenzierdateien zu One Codex hoch.</translation>
    </message>
    <message>
        <source>Try without an account: run against a local seqdrop-sandbox.</source>
        <translation>Ohne Konto testen: mit einer lokalen seqdrop-sandbox arbeiten.</translation>
    </message>
    <message>
        <source>One Codex server address for this run.</source>
        <translation>One-Codex-Serveradresse für diesen Aufruf.</translation>
    </message>
    <message>
        <source>Files or folders to add.</source>
        <translation>Hinzuzufügende Dateien oder Ordner.</translation>
    </message>
</context>
</TS>
