#include "awschunkeddecoder.h"

#include "bodyhash.h"
#include "sigv4verifier.h"

namespace {

constexpr qsizetype kMaxHeaderLine = 4096;
// SHA-256 of nothing: the chunk string to sign's fixed "previous headers" slot.
constexpr const char *kEmptyHash =
    "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

} // namespace

AwsChunkedDecoder::AwsChunkedDecoder(const QByteArray &seedSignature, const QByteArray &signingKey,
                                     const QByteArray &amzDate, const QByteArray &scope)
    : m_previous(seedSignature)
    , m_signingKey(signingKey)
    , m_amzDate(amzDate)
    , m_scope(scope) {}

AwsChunkedDecoder::~AwsChunkedDecoder() = default;

bool AwsChunkedDecoder::fail(int status, const char *code, const QString &message) {
    m_errorStatus = status;
    m_errorCode = QString::fromLatin1(code);
    m_error = message;
    return false;
}

bool AwsChunkedDecoder::parseHeader() {
    // "<hex>;chunk-signature=<64 hex>"
    const qsizetype semicolon = m_line.indexOf(';');
    const QByteArray sizeText = m_line.left(semicolon);
    const QByteArray rest = semicolon < 0 ? QByteArray() : m_line.mid(semicolon + 1);
    bool ok = false;
    m_chunkSize = sizeText.toLongLong(&ok, 16);
    if (!ok || m_chunkSize < 0 || !rest.startsWith("chunk-signature="))
        return fail(400, "IncompleteBody",
                    QStringLiteral("The aws-chunked body is malformed: a chunk header lacks its "
                                   "size or chunk-signature."));
    m_chunkSignature = rest.mid(qsizetype(qstrlen("chunk-signature="))).toLower();
    m_remaining = m_chunkSize;
    m_hash = std::make_unique<BodyHash>(BodyHash::Algorithm::Sha256);
    m_line.clear();
    m_state = State::Data;
    return true;
}

bool AwsChunkedDecoder::endChunk() {
    const QByteArray stringToSign = "AWS4-HMAC-SHA256-PAYLOAD\n" + m_amzDate + '\n' + m_scope +
                                    '\n' + m_previous + '\n' + kEmptyHash + '\n' +
                                    m_hash->result().toHex();
    const QByteArray expected = SigV4Verifier::hmac(m_signingKey, stringToSign).toHex();
    if (expected != m_chunkSignature) {
        m_details = {{"StringToSign", QString::fromLatin1(stringToSign)},
                     {"SignatureProvided", QString::fromLatin1(m_chunkSignature)}};
        return fail(403, "SignatureDoesNotMatch",
                    QStringLiteral("The request signature we calculated does not match the "
                                   "signature you provided (aws-chunked chunk signature)."));
    }
    m_previous = expected;
    m_state = m_chunkSize == 0 ? State::Done : State::Header;
    return true;
}

bool AwsChunkedDecoder::feed(const char *data, size_t len, const Output &out) {
    size_t i = 0;
    while (i < len) {
        switch (m_state) {
        case State::Header:
        case State::DataEnd: {
            const char c = data[i++];
            m_line.append(c);
            if (m_line.size() > kMaxHeaderLine)
                return fail(400, "IncompleteBody",
                            QStringLiteral("The aws-chunked body is malformed: a chunk header is "
                                           "too long."));
            if (!m_line.endsWith("\r\n"))
                break;
            m_line.chop(2);
            if (m_state == State::Header) {
                if (!parseHeader())
                    return false;
                if (m_chunkSize == 0)
                    m_state = State::DataEnd; // the final chunk: only its CRLF follows
                break;
            }
            if (!m_line.isEmpty())
                return fail(400, "IncompleteBody",
                            QStringLiteral("The aws-chunked body is malformed: chunk data is "
                                           "longer than its size."));
            if (!endChunk())
                return false;
            break;
        }
        case State::Data: {
            const size_t n = size_t(qMin<qint64>(m_remaining, qint64(len - i)));
            m_hash->addData(QByteArrayView(data + i, qsizetype(n)));
            out(data + i, n);
            m_decoded += qint64(n);
            m_remaining -= qint64(n);
            i += n;
            if (m_remaining == 0)
                m_state = State::DataEnd;
            break;
        }
        case State::Done:
            return fail(400, "IncompleteBody",
                        QStringLiteral("The aws-chunked body continues after its final chunk."));
        }
    }
    return true;
}
