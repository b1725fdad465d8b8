#include "bodyhash.h"

#ifdef SEQDROP_SANDBOX_HAVE_OPENSSL
#include <openssl/evp.h>
#endif

struct BodyHash::Impl {
    explicit Impl(Algorithm a)
        : fallback(a == Algorithm::Md5 ? QCryptographicHash::Md5 : QCryptographicHash::Sha256) {
#ifdef SEQDROP_SANDBOX_HAVE_OPENSSL
        context = EVP_MD_CTX_new();
        if (context && EVP_DigestInit_ex(context, a == Algorithm::Md5 ? EVP_md5() : EVP_sha256(),
                                         nullptr) != 1) {
            EVP_MD_CTX_free(context);
            context = nullptr;
        }
#endif
    }
    ~Impl() {
#ifdef SEQDROP_SANDBOX_HAVE_OPENSSL
        EVP_MD_CTX_free(context);
#endif
    }
#ifdef SEQDROP_SANDBOX_HAVE_OPENSSL
    EVP_MD_CTX *context = nullptr;
#endif
    QCryptographicHash fallback;
};

BodyHash::BodyHash(Algorithm algorithm)
    : d(std::make_unique<Impl>(algorithm)) {}

BodyHash::~BodyHash() = default;

void BodyHash::addData(QByteArrayView data) {
#ifdef SEQDROP_SANDBOX_HAVE_OPENSSL
    if (d->context) {
        EVP_DigestUpdate(d->context, data.data(), size_t(data.size()));
        return;
    }
#endif
    d->fallback.addData(data);
}

QByteArray BodyHash::result() {
#ifdef SEQDROP_SANDBOX_HAVE_OPENSSL
    if (d->context) {
        unsigned char digest[EVP_MAX_MD_SIZE];
        unsigned int length = 0;
        if (EVP_DigestFinal_ex(d->context, digest, &length) != 1)
            return QByteArray();
        return QByteArray(reinterpret_cast<const char *>(digest), int(length));
    }
#endif
    return d->fallback.result();
}
