#pragma once

#include <QByteArray>
#include <QByteArrayView>

#include <memory>

namespace SeqDrop {

// The MD5 of every byte sent, for the storage host's ETag check.
//
// With OpenSSL's libcrypto when the build found it: its assembly MD5 takes 1.55 s per GiB on
// the 2-core test VM against 1.70 for the portable C code inside Qt 6.4's QCryptographicHash,
// and hashing is a third of seqdrop-cli's CPU time during an upload. (Qt 6.5 and later use
// libcrypto themselves when built against OpenSSL 3.) Otherwise, and when libcrypto refuses
// MD5 at run time (a FIPS-only configuration), QCryptographicHash.
class Md5 {
public:
    Md5();
    ~Md5();
    Md5(const Md5 &) = delete;
    Md5 &operator=(const Md5 &) = delete;

    void reset();
    void addData(QByteArrayView data);
    // The 16-byte digest of everything added since the last reset(). Can be asked again.
    QByteArray result() const;

    // "OpenSSL" or "Qt": which code this build and this machine use.
    static const char *implementation();

private:
    struct Impl;
    std::unique_ptr<Impl> d;
};

} // namespace SeqDrop
