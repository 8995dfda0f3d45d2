#pragma once

#include <QList>
#include <QString>

namespace netcore::common {

// A library Socketeer is built on, with the version in use at run time and its licence:
// shown in Help -> About and by `socketeer --version --verbose`-style reports.
struct Component {
    QString name;
    QString version;
    QString licence;
    QString url;
};

QList<Component> components();

} // namespace netcore::common
