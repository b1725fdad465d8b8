#pragma once

#include <atomic>
#include <functional>
#include <thread>

#ifndef _WIN32
#include <csignal>
#endif

// Ctrl-C and SIGTERM (on Windows: Ctrl-C, Ctrl-Break, closing the console) stop the server
// cleanly. On POSIX the signals are blocked in every thread, because httplib's workers inherit
// the mask of the thread that starts them, and one thread waits for them with sigwait(); so
// construct this before any other thread starts. On Windows the console control handler runs
// on a thread of its own and needs no waiter.
class StopSignal {
public:
    StopSignal();
    ~StopSignal(); // stops waiting (wakes and joins the waiter)
    StopSignal(const StopSignal &) = delete;
    StopSignal &operator=(const StopSignal &) = delete;

    // Calls stop() once, from another thread, when a stop signal arrives.
    void onStop(std::function<void()> stop);

private:
    std::thread m_waiter;
#ifndef _WIN32
    std::atomic<bool> m_closing{false};
    sigset_t m_signals;
#endif
};
