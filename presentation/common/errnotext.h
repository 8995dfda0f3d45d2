#pragma once

#include <QString>

// System error numbers as translated sentences, from our own table (so a Chinese screen never shows glibc's
// English strerror): the errors a socket or file operation meets; any other number reads "errno N (ENAME)".
namespace presentation::common {

QString errnoText(int error);

} // namespace presentation::common
