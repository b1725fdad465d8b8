#include "stopsignal.h"

#include <mutex>
#include <utility>

#ifdef _WIN32
#ifndef NOMINMAX
#define NOMINMAX
#endif
#include <windows.h>

namespace {

std::mutex g_mutex;
std::function<void()> g_stop;

BOOL WINAPI onConsoleControl(DWORD type) {
    if (type != CTRL_C_EVENT && type != CTRL_BREAK_EVENT && type != CTRL_CLOSE_EVENT)
        return FALSE;
    std::function<void()> stop;
    {
        const std::lock_guard<std::mutex> lock(g_mutex);
        stop = std::exchange(g_stop, nullptr);
    }
    if (stop)
        stop();
    return TRUE;
}

} // namespace

StopSignal::StopSignal() = default;

StopSignal::~StopSignal() {
    SetConsoleCtrlHandler(onConsoleControl, FALSE);
    const std::lock_guard<std::mutex> lock(g_mutex);
    g_stop = nullptr;
}

void StopSignal::onStop(std::function<void()> stop) {
    {
        const std::lock_guard<std::mutex> lock(g_mutex);
        g_stop = std::move(stop);
    }
    SetConsoleCtrlHandler(onConsoleControl, TRUE);
}

#else
#include <pthread.h>

StopSignal::StopSignal() {
    sigemptyset(&m_signals);
    sigaddset(&m_signals, SIGINT);
    sigaddset(&m_signals, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &m_signals, nullptr);
    std::signal(SIGPIPE, SIG_IGN); // a client gone mid-answer is not fatal
}

StopSignal::~StopSignal() {
    if (!m_waiter.joinable())
        return;
    // No signal came (the server ended on its own): wake the waiter without calling stop(),
    // whose target may be gone by now.
    m_closing = true;
    pthread_kill(m_waiter.native_handle(), SIGTERM);
    m_waiter.join();
}

void StopSignal::onStop(std::function<void()> stop) {
    m_waiter = std::thread([this, stop = std::move(stop)] {
        int signal = 0;
        sigwait(&m_signals, &signal);
        if (signal != 0 && !m_closing)
            stop();
    });
}

#endif
