#pragma once

#include <QString>

// The detail of an engine's error, as data: an engine emits errorOccurred(Error) with its own enum and keeps an
// ErrorDetail beside it (errorDetail()); presentation/ turns (Error, ErrorDetail) into a translated sentence.
namespace netcore::common {

struct ErrorDetail {
    QString path;          // the file or folder involved, if any
    QString peer;          // "host:port" of the other side, if any
    int sysError = 0;      // errno (0: none); presentation::common::errnoText() says it
    QString raw;           // what the peer or a library said, verbatim (a server's reason text, Qt's errorString()):
                           // shown as a quotation, never as our sentence

    friend bool operator==(const ErrorDetail &, const ErrorDetail &) = default;
};

} // namespace netcore::common
