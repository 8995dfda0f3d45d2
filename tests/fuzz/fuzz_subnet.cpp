// Fuzz target: the subnet calculator's parser (netcore/lookup/subnet.h): "a.b.c.d/n", "a.b.c.d/m.m.m.m",
// "a.b.c.d m.m.m.m", "x::/n".
//
// Invariants: a result is consistent (mask from prefix, network = address & mask, broadcast = network | wildcard,
// hosts inside the network); the network written back as "network/prefix" computes the same subnet.
#include "tests/fuzz/fuzz_common.h"

#include "netcore/lookup/inetaton.h"
#include "netcore/lookup/subnet.h"

#include <cstring>

using namespace netcore::lookup;

namespace {

bool sameIpv6(const Q_IPV6ADDR &a, const Q_IPV6ADDR &b)
{
    return std::memcmp(a.c, b.c, 16) == 0;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QString text = QString::fromUtf8(fuzz::bytesOf(data, size));
    const SubnetResult result = calculateSubnet(text);
    if (!result.ok()) {
        FUZZ_CHECK(subnetErrorKey(result.error) != subnetErrorKey(SubnetError::None));
        return 0;
    }
    if (!result.isIpv6()) {
        const Ipv4Subnet &s = result.ipv4;
        FUZZ_CHECK(s.prefixLength >= 0 && s.prefixLength <= 32);
        FUZZ_CHECK(s.mask == maskFromPrefixLength(s.prefixLength));
        FUZZ_CHECK(prefixLengthFromMask(s.mask) == s.prefixLength);
        FUZZ_CHECK(s.wildcard == ~s.mask);
        FUZZ_CHECK(s.network == (s.address & s.mask) && s.broadcast == (s.network | s.wildcard));
        FUZZ_CHECK(s.firstHost >= s.network && s.lastHost <= s.broadcast && s.firstHost <= s.lastHost);
        FUZZ_CHECK(s.addressCount == quint64(1) << (32 - s.prefixLength));
        FUZZ_CHECK(s.hostBitsSet == (s.address != s.network));
        const SubnetResult again = calculateSubnet(QString(formatIpv4(s.network) + u'/' + QString::number(s.prefixLength)));
        FUZZ_CHECK(again.ok() && !again.isIpv6());
        FUZZ_CHECK(again.ipv4.network == s.network && again.ipv4.broadcast == s.broadcast && !again.ipv4.hostBitsSet);
        binaryDottedSplit(s.address, s.prefixLength, u'|');
    } else {
        const Ipv6Subnet &s = result.ipv6;
        FUZZ_CHECK(s.prefixLength >= 0 && s.prefixLength <= 128);
        FUZZ_CHECK(!s.addressCount.isEmpty());
        const SubnetResult again = calculateSubnet(QString(formatIpv6(s.network) + u'/' + QString::number(s.prefixLength)));
        FUZZ_CHECK(again.ok() && again.isIpv6());
        FUZZ_CHECK(sameIpv6(again.ipv6.network, s.network) && sameIpv6(again.ipv6.last, s.last));
        FUZZ_CHECK(!again.ipv6.hostBitsSet && again.ipv6.addressCount == s.addressCount);
        const SubnetResult expanded = calculateSubnet(QString(expandIpv6(s.address) + u'/' + QString::number(s.prefixLength)));
        FUZZ_CHECK(expanded.ok() && sameIpv6(expanded.ipv6.network, s.network));
    }
    return 0;
}
