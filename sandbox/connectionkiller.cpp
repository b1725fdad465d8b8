#include "connectionkiller.h"

#ifdef __linux__
#include <arpa/inet.h>
#include <dirent.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cstdlib>
#include <cstring>

namespace {

bool portOf(const sockaddr_storage &ss, std::string *addr, int *port) {
    char buf[INET6_ADDRSTRLEN] = {};
    if (ss.ss_family == AF_INET) {
        const auto *in = reinterpret_cast<const sockaddr_in *>(&ss);
        inet_ntop(AF_INET, &in->sin_addr, buf, sizeof buf);
        *port = ntohs(in->sin_port);
    } else if (ss.ss_family == AF_INET6) {
        const auto *in6 = reinterpret_cast<const sockaddr_in6 *>(&ss);
        inet_ntop(AF_INET6, &in6->sin6_addr, buf, sizeof buf);
        *port = ntohs(in6->sin6_port);
    } else {
        return false;
    }
    *addr = buf;
    return true;
}

} // namespace

ConnectionKiller::Handle ConnectionKiller::find(const std::string &remoteAddr, int remotePort,
                                                int localPort) {
    DIR *dir = opendir("/proc/self/fd");
    if (!dir)
        return {};
    Handle found;
    while (dirent *entry = readdir(dir)) {
        char *end = nullptr;
        const long fd = std::strtol(entry->d_name, &end, 10);
        if (end == entry->d_name || *end != '\0' || fd == dirfd(dir))
            continue;
        sockaddr_storage peer{}, local{};
        socklen_t peerLen = sizeof peer, localLen = sizeof local;
        if (getpeername(int(fd), reinterpret_cast<sockaddr *>(&peer), &peerLen) != 0 ||
            getsockname(int(fd), reinterpret_cast<sockaddr *>(&local), &localLen) != 0)
            continue;
        std::string peerAddr, localAddr;
        int peerPort = 0, ownPort = 0;
        struct stat st {};
        if (portOf(peer, &peerAddr, &peerPort) && portOf(local, &localAddr, &ownPort) &&
            peerPort == remotePort && ownPort == localPort && peerAddr == remoteAddr &&
            fstat(int(fd), &st) == 0 && st.st_ino > found.inode) {
            // Socket inodes grow: the newest match is the connection being served.
            found.fd = int(fd);
            found.inode = st.st_ino;
        }
    }
    closedir(dir);
    return found;
}

namespace {

bool stillThere(const ConnectionKiller::Handle &connection) {
    struct stat st {};
    return connection.isValid() && fstat(connection.fd, &st) == 0 && st.st_ino == connection.inode;
}

} // namespace

bool ConnectionKiller::abort(const Handle &connection) {
    if (!stillThere(connection))
        return false;
    linger lin{};
    lin.l_onoff = 1;
    lin.l_linger = 0;
    setsockopt(connection.fd, SOL_SOCKET, SO_LINGER, &lin, sizeof lin);
    // shutdown() rather than close(): httplib still owns the descriptor and
    // closes it itself; closing it here could hit a reused descriptor number.
    return shutdown(connection.fd, SHUT_RDWR) == 0;
}

bool ConnectionKiller::shutdownBoth(const Handle &connection) {
    return stillThere(connection) && shutdown(connection.fd, SHUT_RDWR) == 0;
}

#else

ConnectionKiller::Handle ConnectionKiller::find(const std::string &, int, int) {
    return {};
}
bool ConnectionKiller::abort(const Handle &) {
    return false;
}
bool ConnectionKiller::shutdownBoth(const Handle &) {
    return false;
}

#endif
