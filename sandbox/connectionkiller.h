#pragma once

#include <string>

// httplib 0.11 hides a connection's socket from request handlers, but the
// fault injection needs to drop a connection without any HTTP answer, the
// way a broken network or a crashed proxy does. The socket is found by
// matching its peer address against the request's remote address and port
// over the process's open descriptors (/proc/self/fd). Linux only; elsewhere
// the functions return false and the caller falls back to an error answer.
namespace ConnectionKiller {

// The descriptor of the accepted TCP socket whose peer is addr:port, or -1.
int findSocket(const std::string &remoteAddr, int remotePort, int localPort);

// Hard close as seen by the client: no answer, the connection just ends.
// SO_LINGER 0 makes the kernel reset it rather than finish it politely, so
// a client still sending gets ECONNRESET/EPIPE right away.
bool abort(const std::string &remoteAddr, int remotePort, int localPort);

// Orderly close after an answer already written: FIN after the pending
// data, without discarding it.
bool shutdownBoth(const std::string &remoteAddr, int remotePort, int localPort);

} // namespace ConnectionKiller
