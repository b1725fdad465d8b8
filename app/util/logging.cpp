#include "util/logging.h"

Q_LOGGING_CATEGORY(lcUpload, "seqdrop.upload", QtInfoMsg)
Q_LOGGING_CATEGORY(lcApi, "seqdrop.api", QtInfoMsg)
