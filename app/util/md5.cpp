#include "util/md5.h"

#include <QCryptographicHash>

#ifdef SEQDROP_HAVE_OPENSSL
#include <openssl/evp.h>
#endif

namespace SeqDrop {

#ifdef SEQDROP_HAVE_OPENSSL
namespace {
struct ContextFree {
    void operator()(EVP_MD_CTX *context) const { EVP_MD_CTX_free(context); }
};
using Context = std::unique_ptr<EVP_MD_CTX, ContextFree>;

// A fresh context ready for data, or none when libcrypto will not do MD5 here.
Context startedContext() {
    Context context(EVP_MD_CTX_new());
    if (context && EVP_DigestInit_ex(context.get(), EVP_md5(), nullptr) == 1)
        return context;
    return nullptr;
}
} // namespace
#endif

struct Md5::Impl {
#ifdef SEQDROP_HAVE_OPENSSL
    Context context = startedContext();
#endif
    QCryptographicHash fallback{QCryptographicHash::Md5};
};

Md5::Md5()
    : d(std::make_unique<Impl>()) {}

Md5::~Md5() = default;

void Md5::reset() {
#ifdef SEQDROP_HAVE_OPENSSL
    if (d->context) {
        d->context = startedContext();
        if (d->context)
            return;
    }
#endif
    d->fallback.reset();
}

void Md5::addData(QByteArrayView data) {
#ifdef SEQDROP_HAVE_OPENSSL
    if (d->context) {
        EVP_DigestUpdate(d->context.get(), data.data(), size_t(data.size()));
        return;
    }
#endif
    d->fallback.addData(data);
}

QByteArray Md5::result() const {
#ifdef SEQDROP_HAVE_OPENSSL
    if (d->context) {
        // Finish a copy, so more data (or another result()) can follow.
        Context copy(EVP_MD_CTX_new());
        unsigned char digest[EVP_MAX_MD_SIZE];
        unsigned int length = 0;
        if (copy && EVP_MD_CTX_copy_ex(copy.get(), d->context.get()) == 1 &&
            EVP_DigestFinal_ex(copy.get(), digest, &length) == 1)
            return QByteArray(reinterpret_cast<const char *>(digest), int(length));
        return {};
    }
#endif
    return d->fallback.result();
}

const char *Md5::implementation() {
#ifdef SEQDROP_HAVE_OPENSSL
    if (startedContext())
        return "OpenSSL";
#endif
    return "Qt";
}

} // namespace SeqDrop
