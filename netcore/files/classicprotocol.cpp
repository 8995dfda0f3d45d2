#include "netcore/files/classicprotocol.h"

using namespace Qt::StringLiterals;

namespace netcore::files {
namespace {
const QByteArray kEmpty2018 = "文件库为空"_ba;
}

QByteArray classicRequest(ClassicDialect dialect, ClassicOperation operation, const QString &name)
{
    const bool v2020 = dialect == ClassicDialect::Course2020;
    switch (operation) {
    case ClassicOperation::List:
        return v2020 ? "LIST"_ba : "L"_ba;
    case ClassicOperation::Get:
        return (v2020 ? "RETR "_ba : "G "_ba) + name.toUtf8();
    case ClassicOperation::Put:
        return (v2020 ? "STOR "_ba : "P "_ba) + name.toUtf8();
    case ClassicOperation::Quit:
        return v2020 ? "EXIT"_ba : "Q"_ba;
    }
    return {};
}

ClassicStatusParse parseClassicStatus(const QByteArray &data)
{
    ClassicStatusParse result;
    if (data.isEmpty())
        return result;
    const QByteArray upper = data.left(2).toUpper();
    if (upper == "OK") {
        result.status = ClassicStatus::Ok;
        result.rest = data.mid(2);
        result.text = u"OK"_s;
        return result;
    }
    if (data == "O" || data == "o")   // could still become OK
        return result;
    if (data.startsWith('Y')) {
        result.status = ClassicStatus::Ok;
        result.rest = data.mid(1);
        result.text = u"Y"_s;
        return result;
    }
    if (data == "N" || data.startsWith(kEmpty2018)) {
        result.status = ClassicStatus::Empty;
        result.text = QString::fromUtf8(data).trimmed();
        return result;
    }
    if ((data.size() < kEmpty2018.size() && kEmpty2018.startsWith(data)) || (data.size() < 4 && "FAIL"_ba.startsWith(data)))
        return result;   // a strict prefix of a known word: wait for the rest
    result.status = ClassicStatus::Refused;
    result.text = QString::fromUtf8(data).trimmed();
    return result;
}

QStringList parseClassicList(ClassicDialect dialect, const QByteArray &data)
{
    QStringList names;
    const char separator = dialect == ClassicDialect::Course2018 ? '#' : '\n';
    for (const QByteArray &piece : data.split(separator)) {
        const QString name = QString::fromUtf8(piece).trimmed();
        if (!name.isEmpty())
            names << name;
    }
    return names;
}

bool classicListComplete(ClassicDialect dialect, const QByteArray &data)
{
    return dialect == ClassicDialect::Course2018 && data.endsWith('#');
}

} // namespace netcore::files
