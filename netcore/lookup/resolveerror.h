#pragma once

#include <QString>

// Why a getaddrinfo()/getnameinfo() lookup failed, as a fact the tab and the CLI put in plain words.
namespace netcore::lookup {

enum class ResolveError {
    None,
    InvalidInput,      // empty, too long (> 253 characters) or containing NUL; nothing was asked
    NoSuchHost,        // EAI_NONAME / EAI_NODATA: the name (or address) has no entry anywhere asked
    TemporaryFailure,  // EAI_AGAIN: no answer from the name server now - often no network or DNS down
    Timeout,           // our own limit (HostLookup::timeout()) passed before the system answered
    Other,             // any other EAI_* (systemCode / systemMessage tell which)
};

// Maps a getaddrinfo()/getnameinfo() return code (EAI_*) to ResolveError (0 -> None).
ResolveError resolveErrorFromEai(int eaiCode);

// Stable machine names for JSON ("no-such-host", "temporary-failure", ...).
QString resolveErrorKey(ResolveError error);

} // namespace netcore::lookup
