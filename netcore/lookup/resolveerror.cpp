#include "netcore/lookup/resolveerror.h"

#include <netdb.h>

using namespace Qt::StringLiterals;

namespace netcore::lookup {

ResolveError resolveErrorFromEai(int eaiCode)
{
    switch (eaiCode) {
    case 0:
        return ResolveError::None;
    case EAI_NONAME:
#ifdef EAI_NODATA
    case EAI_NODATA:
#endif
#ifdef EAI_ADDRFAMILY
    case EAI_ADDRFAMILY: // the host has no address of the requested family
#endif
        return ResolveError::NoSuchHost;
    case EAI_AGAIN:
        return ResolveError::TemporaryFailure;
    default:
        return ResolveError::Other;
    }
}

QString resolveErrorKey(ResolveError error)
{
    switch (error) {
    case ResolveError::None: return u"none"_s;
    case ResolveError::InvalidInput: return u"invalid-input"_s;
    case ResolveError::NoSuchHost: return u"no-such-host"_s;
    case ResolveError::TemporaryFailure: return u"temporary-failure"_s;
    case ResolveError::Timeout: return u"timeout"_s;
    case ResolveError::Other: return u"other"_s;
    }
    return {};
}

} // namespace netcore::lookup
