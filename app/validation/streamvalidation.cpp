#include "validation/streamvalidation.h"

#include "validation/pairstreamcheck.h"
#include "validation/sequencevalidator.h"

namespace SeqDrop {

StreamValidation::StreamValidation(const QString &uploadName, std::shared_ptr<PairStreamCheck> pair,
                                   int side)
    : m_uploadName(uploadName)
    , m_pair(std::move(pair))
    , m_side(side) {}

StreamValidation::BlockObserver StreamValidation::beginAttempt() const {
    auto validator = std::make_shared<SequenceValidator>(m_uploadName);
    const std::shared_ptr<PairStreamCheck> pair = m_pair;
    const int side = m_side;
    if (pair) {
        pair->begin(side);
        validator->setNameSink([pair, side](const char *name, size_t size, int64_t line) {
            pair->addName(side, name, size, line);
        });
    }
    return [validator, pair, side](QByteArrayView block, bool last) -> QString {
        const bool fed = validator->feed(block.data(), size_t(block.size()));
        if (fed && pair && !pair->problem().isEmpty())
            return pair->problem();
        if (!fed || last) {
            const ValidationReport report = validator->finish();
            if (!report.ok)
                return report.location() + QStringLiteral(": ") + report.problem;
            if (pair)
                return pair->finish(side, report);
        }
        return {};
    };
}

StreamValidation::ObserverFactory StreamValidation::perAttempt() const {
    return [validation = *this] { return validation.beginAttempt(); };
}

} // namespace SeqDrop
