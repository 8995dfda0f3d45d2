#pragma once

#include <QtGlobal>

#include <optional>

// IEEE 754 binary16 ("half", struct code 'e') conversions with CPython's rules: round half to even,
// nullopt when a finite value is too large (|x| >= 65520), NaN packs as the quiet NaN 0x7e00 with its sign.
namespace netcore::udp {

std::optional<quint16> halfFromDouble(double x);
double doubleFromHalf(quint16 bits);

} // namespace netcore::udp
