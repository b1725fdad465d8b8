#pragma once

#include <QCoreApplication>
#include <QString>

namespace SeqDrop {

class SampleUpload;

// How a row tells the way its bytes travel: the route and why it was chosen, the multipart
// parts stored, whether an interruption would resume, and "resuming at 62%" on a row an earlier
// run left half sent. The Status column stays one line; the rest is its tooltip.
class RouteText {
    Q_DECLARE_TR_FUNCTIONS(SeqDrop::RouteText)
public:
    // The lines of the Status column's tooltip about the route; empty before a route is known.
    static QString details(const SampleUpload *sample);
    // "resuming at 62%" while a restored multipart row waits to start, else empty.
    static QString resuming(const SampleUpload *sample);
    // The engine's route name ("form", "multipart", "proxy") as the user reads it.
    static QString routeLabel(const QString &name);
    // Parts stored and in all, from the running route or, before it starts, from the resume
    // point the journal gave back (total 0 when unknown).
    static void parts(const SampleUpload *sample, int *stored, int *total);
};

} // namespace SeqDrop
