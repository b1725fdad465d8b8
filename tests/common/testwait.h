#pragma once

#include <QSignalSpy>

// Starts a job or a sample upload (anything with start() and a finished() signal) and waits
// for it to finish; false on timeout. A finish during start() counts too.
template <class Job> bool startAndWait(Job *job, int timeoutMs = 60000) {
    QSignalSpy finished(job, &Job::finished);
    job->start();
    return !finished.isEmpty() || finished.wait(timeoutMs);
}
