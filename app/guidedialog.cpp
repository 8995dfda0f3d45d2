#include "app/guidedialog.h"

#include <QDialogButtonBox>
#include <QFile>
#include <QTextBrowser>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace app {

QString GuideDialog::guideText(bool chinese)
{
    QFile file(u":/docs/classroom.md"_s);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    const QString all = QString::fromUtf8(file.readAll());
    const QString marker = u"<!-- English -->"_s;
    const qsizetype split = all.indexOf(marker);
    if (split < 0)
        return all;
    return chinese ? all.left(split) : all.mid(split + marker.size());
}

GuideDialog::GuideDialog(bool chinese, QWidget *parent)
    : QDialog(parent)
    , m_browser(new QTextBrowser(this))
{
    setObjectName(u"guideDialog"_s);
    setWindowTitle(tr("Classroom guide"));
    m_browser->setOpenExternalLinks(true);
    m_browser->setMarkdown(guideText(chinese));
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_browser);
    layout->addWidget(buttons);
    resize(900, 700);
}

} // namespace app
