#pragma once

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QString>
#include <functional>
#include <memory>

class BodyHash;

// Decodes an aws-chunked body (x-amz-content-sha256: STREAMING-AWS4-HMAC-SHA256-PAYLOAD) as it
// streams in: "<hex size>;chunk-signature=<sig>\r\n<data>\r\n" repeated, ending with a chunk of
// size 0. Each chunk's signature chains from the previous one (the first from the request's
// own signature) and is checked before the next chunk is accepted, as S3 does.
class AwsChunkedDecoder {
public:
    using Output = std::function<void(const char *data, size_t len)>;

    AwsChunkedDecoder(const QByteArray &seedSignature, const QByteArray &signingKey,
                      const QByteArray &amzDate, const QByteArray &scope);
    ~AwsChunkedDecoder();

    // Decodes the next bytes, handing the payload to `out`; false on a framing or signature
    // error (then error() says which).
    bool feed(const char *data, size_t len, const Output &out);
    bool finished() const { return m_state == State::Done; }
    qint64 decodedSize() const { return m_decoded; }

    QString error() const { return m_error; }
    QString errorCode() const { return m_errorCode; }
    int errorStatus() const { return m_errorStatus; }
    QList<QPair<QString, QString>> errorDetails() const { return m_details; }

private:
    enum class State { Header, Data, DataEnd, Done };
    bool fail(int status, const char *code, const QString &message);
    bool parseHeader();
    bool endChunk();

    QByteArray m_previous, m_signingKey, m_amzDate, m_scope;
    State m_state = State::Header;
    QByteArray m_line;
    qint64 m_remaining = 0;
    qint64 m_chunkSize = 0;
    qint64 m_decoded = 0;
    QByteArray m_chunkSignature;
    std::unique_ptr<BodyHash> m_hash; // of the current chunk's data
    QString m_error, m_errorCode;
    int m_errorStatus = 0;
    QList<QPair<QString, QString>> m_details;
};
