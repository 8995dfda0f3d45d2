#include "netcore/files/errors.h"

#include "netcore/files/protocol.h"

namespace netcore::files {

Error errorForCode(int code)
{
    switch (ErrorCode(code)) {
    case ErrorCode::BadRequest:
        return Error::BadRequest;
    case ErrorCode::Forbidden:
        return Error::Forbidden;
    case ErrorCode::NotFound:
        return Error::NotFound;
    case ErrorCode::Exists:
        return Error::Exists;
    case ErrorCode::TooLarge:
        return Error::TooLarge;
    case ErrorCode::BadOffset:
        return Error::BadOffset;
    case ErrorCode::Busy:
        return Error::Busy;
    case ErrorCode::ChecksumMismatch:
        return Error::ChecksumMismatch;
    case ErrorCode::LineTooLong:
        return Error::LineTooLong;
    case ErrorCode::IoError:
        return Error::ServerIo;
    case ErrorCode::TooManyClients:
        return Error::TooManyClients;
    case ErrorCode::NoSpace:
        return Error::NoSpace;
    }
    return Error::Refused;
}

int wireCodeOf(Error error)
{
    for (const ErrorCode code : {ErrorCode::BadRequest, ErrorCode::Forbidden, ErrorCode::NotFound, ErrorCode::Exists,
                                 ErrorCode::TooLarge, ErrorCode::BadOffset, ErrorCode::Busy, ErrorCode::ChecksumMismatch,
                                 ErrorCode::LineTooLong, ErrorCode::IoError, ErrorCode::TooManyClients,
                                 ErrorCode::NoSpace}) {
        if (errorForCode(int(code)) == error)
            return int(code);
    }
    return 0;
}

Error errorForJail(JailError error)
{
    switch (error) {
    case JailError::None:
        return Error::None;
    case JailError::NotFound:
    case JailError::DanglingLink:
        return Error::NotFound;
    case JailError::Exists:
        return Error::Exists;
    case JailError::IoError:
        return Error::ServerIo;
    case JailError::Empty:
    case JailError::ControlCharacter:
    case JailError::TooLong:
    case JailError::Absolute:
    case JailError::ParentReference:
    case JailError::Separator:
    case JailError::Hidden:
    case JailError::NotRegular:
    case JailError::OutsideRoot:
    case JailError::SymbolicLink:
    case JailError::LinkToHidden:
    case JailError::NameInvisible:
        break;
    }
    return Error::BadName;
}

QStringList failureArgs(Error error, const common::ErrorDetail &detail)
{
    return {QString::number(int(error)), detail.path, detail.raw, QString::number(detail.sysError)};
}

std::pair<Error, common::ErrorDetail> failureFromArgs(const QStringList &args)
{
    const int code = args.value(0).toInt();
    const Error error = code >= 0 && code < int(Error::Count) ? Error(code) : Error::Refused;
    return {error, common::ErrorDetail{args.value(1), {}, args.value(3).toInt(), args.value(2)}};
}

} // namespace netcore::files
