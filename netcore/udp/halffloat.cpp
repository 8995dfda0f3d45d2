#include "netcore/udp/halffloat.h"

#include <cmath>

namespace netcore::udp {

std::optional<quint16> halfFromDouble(double x)
{
    const quint16 sign = std::signbit(x) ? 0x8000 : 0;
    if (std::isnan(x))
        return quint16(sign | 0x7e00);
    if (std::isinf(x))
        return quint16(sign | 0x7c00);
    const double a = std::fabs(x);
    if (a >= 65520.0)
        return std::nullopt;
    if (a < std::ldexp(1.0, -14)) {
        // Subnormal: multiples of 2^-24; 1024 * 2^-24 rounds up into the smallest normal, whose bits are 0x0400.
        const auto n = quint16(std::nearbyint(std::ldexp(a, 24)));
        return quint16(sign | n);
    }
    int exponent = 0;
    std::frexp(a, &exponent);  // a = m * 2^exponent, m in [0.5, 1)
    int e = exponent - 1;      // a = 1.f * 2^e
    auto n = qint64(std::nearbyint(std::ldexp(a, 10 - e)));  // in [1024, 2048]
    if (n == 2048) {
        n = 1024;
        ++e;
    }
    if (e + 15 >= 31)
        return std::nullopt;
    return quint16(sign | quint16((e + 15) << 10) | quint16(n - 1024));
}

double doubleFromHalf(quint16 bits)
{
    const bool negative = bits & 0x8000;
    const int exponent = (bits >> 10) & 0x1f;
    const int mantissa = bits & 0x3ff;
    double value = 0;
    if (exponent == 0)
        value = std::ldexp(double(mantissa), -24);
    else if (exponent == 31)
        value = mantissa ? std::nan("") : HUGE_VAL;
    else
        value = std::ldexp(double(1024 + mantissa), exponent - 25);
    return negative ? -value : value;
}

} // namespace netcore::udp
