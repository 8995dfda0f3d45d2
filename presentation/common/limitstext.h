#pragma once

#include "netcore/common/names.h"
#include "netcore/common/serverload.h"

#include <QString>

// The hardening facts as sentences: which deadline ended a connection, why a name was refused.
namespace presentation::common {

QString deadlineText(netcore::common::Deadline deadline);
QString nameProblemText(const netcore::common::NameCheck &check);

} // namespace presentation::common
