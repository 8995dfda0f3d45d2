// Fuzz target: the Lookup tab's address parsers (netcore/lookup/inetaton.h, addressconversion.h, inputkind.h),
// checked against glibc itself where glibc has the same function.
//
// Invariants: parseInetAton() accepts exactly what glibc's inet_aton() accepts, with the same address; its
// parts are slices of the input; a strict dotted quad is what inet_pton(AF_INET) accepts; formatIpv4() of the
// address parses back to it.
#include "tests/fuzz/fuzz_common.h"

#include "netcore/lookup/addressconversion.h"
#include "netcore/lookup/inetaton.h"
#include "netcore/lookup/inputkind.h"

#include <arpa/inet.h>

using namespace netcore::lookup;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray input = fuzz::bytesOf(data, size);
    const QString text = QString::fromUtf8(input);
    const InetAtonResult result = parseInetAton(text);
    if (result.ok()) {
        FUZZ_CHECK(!result.parts.isEmpty() && result.parts.size() == int(result.form));
        qsizetype at = 0;
        for (const Ipv4Part &part : result.parts) {
            FUZZ_CHECK(QStringView(text).sliced(at).startsWith(part.text));
            at += part.text.size() + 1;
        }
        FUZZ_CHECK(text.endsWith(result.ignoredTrailing));
        FUZZ_CHECK(parseInetAton(formatIpv4(result.address)).address == result.address);
    } else {
        FUZZ_CHECK(result.errorPosition >= 0 && result.errorPosition <= text.size());
        FUZZ_CHECK(result.address == 0);
    }
    // glibc, on the same bytes (a C string: no NUL inside, and text that survived UTF-8 decoding unchanged)
    if (!input.contains('\0') && text.toUtf8() == input) {
        const QByteArray cString(input.constData(), input.size());
        in_addr address{};
        const bool libcOk = ::inet_aton(cString.constData(), &address) != 0;
        FUZZ_CHECK(libcOk == result.ok());
        if (libcOk)
            FUZZ_CHECK(ntohl(address.s_addr) == result.address);
        in_addr strict{};
        FUZZ_CHECK((::inet_pton(AF_INET, cString.constData(), &strict) == 1) == (result.ok() && result.isStrictDottedQuad));
    }
    // the other parsers of the tab only need to finish
    convertAddress(text);
    detectInputKind(text);
    possibleInputKinds(text);
    isValidHostName(text);
    return 0;
}
