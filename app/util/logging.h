#pragma once

#include <QLoggingCategory>

// Enable with QT_LOGGING_RULES="seqdrop.*.debug=true". Nothing logged here may contain the
// API key, a policy or a signature.
Q_DECLARE_LOGGING_CATEGORY(lcUpload)
Q_DECLARE_LOGGING_CATEGORY(lcApi)
