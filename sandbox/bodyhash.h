#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QCryptographicHash>
#include <memory>

// MD5 or SHA-256 of request bodies and stored objects, with OpenSSL's libcrypto when the build
// found it. The S3 side hashes every byte twice (MD5 for the ETag, SHA-256 against
// x-amz-content-sha256): Qt 6.4's portable SHA-256 runs at about 100 MB/s on the 2-core test
// VM, libcrypto's at over 1 GB/s (SHA-NI), and a sandbox slower than the clients it measures
// makes the multipart benchmark meaningless. Otherwise, or when libcrypto refuses the
// algorithm at run time (FIPS), QCryptographicHash.
class BodyHash {
public:
    enum class Algorithm { Md5, Sha256 };

    explicit BodyHash(Algorithm algorithm);
    ~BodyHash();
    BodyHash(const BodyHash &) = delete;
    BodyHash &operator=(const BodyHash &) = delete;

    void addData(QByteArrayView data);
    // The raw digest of everything added; once.
    QByteArray result();

private:
    struct Impl;
    std::unique_ptr<Impl> d;
};
