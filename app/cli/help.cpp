#include "app/cli/help.h"

#include "app/cli/cli.h"
#include "app/cli/output.h"

#include <QCoreApplication>

#include <algorithm>
#include <cstring>

using namespace Qt::StringLiterals;

namespace app::cli {
namespace {

// lupdate reads the context from this class: app::cli::Help.
struct Help
{
    Q_DECLARE_TR_FUNCTIONS(app::cli::Help)
};

QString verbNames(const VerbTable &table)
{
    QStringList names;
    for (const Verb &verb : table.verbs)
        names.append(QString::fromLatin1(verb.name));
    return names.join(", "_L1);
}

} // namespace

const Verb *findVerb(const VerbTable &table, const QString &name)
{
    const auto found = std::find_if(table.verbs.begin(), table.verbs.end(),
                                    [&name](const Verb &verb) { return name == QLatin1StringView(verb.name); });
    return found == table.verbs.end() ? nullptr : &*found;
}

void printVerbHelp(const VerbTable &table)
{
    qsizetype width = 0;
    for (const Verb &verb : table.verbs)
        width = std::max(width, qsizetype(std::strlen(verb.name)));
    QTextStream &o = out();
    o << table.usage << '\n';
    if (!table.description.isEmpty())
        o << table.description << '\n';
    o << '\n' << table.heading << '\n';
    for (const Verb &verb : table.verbs) {
        o << "  " << QString::fromLatin1(verb.name).leftJustified(width + 2)
          << QCoreApplication::translate(table.context, verb.summary) << '\n';
    }
    if (!table.footer.isEmpty())
        o << '\n' << table.footer << '\n';
    o.flush();
}

bool isHelpRequest(const QString &argument)
{
    return argument == "-h"_L1 || argument == "--help"_L1 || argument == "help"_L1;
}

int dispatch(const QStringList &arguments, const VerbTable &table)
{
    const QString command = arguments.constFirst();
    const QString name = arguments.value(1);
    if (isHelpRequest(name)) {
        printVerbHelp(table);
        return ExitOk;
    }
    if (name.isEmpty())
        return usageError(command, Help::tr("missing verb: one of %1").arg(verbNames(table)));
    const Verb *verb = findVerb(table, name);
    if (!verb)
        return usageError(command, Help::tr("unknown verb '%1' (expected one of %2)").arg(name, verbNames(table)));
    QStringList rest = arguments.mid(2);
    rest.prepend(command + u' ' + name);
    return verb->run(rest);
}

void printCommandHelp(const QCommandLineParser &parser, const QString &command)
{
    QString text = parser.helpText();
    const qsizetype lineEnd = text.indexOf(u'\n');
    QString firstLine = text.first(lineEnd);
    const QString executable = QCoreApplication::arguments().value(0);
    if (!executable.isEmpty() && firstLine.contains(executable))
        firstLine.replace(firstLine.indexOf(executable), executable.size(), command);
    out() << firstLine << text.sliced(lineEnd);
    out().flush();
}

} // namespace app::cli
