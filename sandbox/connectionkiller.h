#pragma once

#include <string>

// httplib 0.11 hides a connection's socket from request handlers, but the
// fault injection needs to drop a connection without any HTTP answer, the
// way a broken network or a crashed proxy does. The socket is found by
// matching its peer address against the request's remote address and port
// over the process's open descriptors (/proc/self/fd). Linux only; elsewhere
// the functions return false and the caller falls back to an error answer.
//
// A peer address is not unique over time: once a client resets a connection,
// its port can come back at once for its next connection while the server
// still holds the old descriptor. So a connection is looked up once, while its
// request is being served (the newest socket with that peer is then the
// request's), and acted on later through a Handle that checks the descriptor
// still is that socket (same inode).
namespace ConnectionKiller {

struct Handle {
    int fd = -1;
    unsigned long inode = 0;
    bool isValid() const { return fd >= 0; }
};

// The connection of the request being served from remoteAddr:remotePort.
Handle find(const std::string &remoteAddr, int remotePort, int localPort);
// Hard close as seen by the client: no answer, the connection just ends.
// SO_LINGER 0 makes the kernel reset it rather than finish it politely, so
// a client still sending gets ECONNRESET/EPIPE right away.
bool abort(const Handle &connection);
// Orderly close after an answer already written: FIN after the pending
// data, without discarding it.
bool shutdownBoth(const Handle &connection);

} // namespace ConnectionKiller
