#include "app/aboutdialog.h"

#include "netcore/common/components.h"

#include <QCoreApplication>
#include <QDialogButtonBox>
#include <QLabel>
#include <QTextBrowser>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace app {

AboutDialog::AboutDialog(QWidget *parent)
    : QDialog(parent)
{
    setWindowTitle(tr("About Socketeer"));
    auto *layout = new QVBoxLayout(this);

    auto *heading = new QLabel(this);
    heading->setTextFormat(Qt::RichText);
    heading->setText(u"<h2>Socketeer %1</h2><p>%2</p>"_s.arg(QCoreApplication::applicationVersion().toHtmlEscaped(),
                                                             tr("A socket-programming toolkit that shows exactly "
                                                                "what is on the wire.")
                                                                 .toHtmlEscaped()));
    layout->addWidget(heading);

    auto *licences = new QTextBrowser(this);
    licences->setOpenExternalLinks(true);
    QString html = u"<p>"_s + tr("Socketeer is built on these libraries:").toHtmlEscaped() + u"</p><table>"_s;
    html += u"<tr><th align=left>%1</th><th align=left>%2</th><th align=left>%3</th></tr>"_s.arg(
        tr("Library").toHtmlEscaped(), tr("Version").toHtmlEscaped(), tr("Licence").toHtmlEscaped());
    for (const netcore::common::Component &c : netcore::common::components()) {
        html += u"<tr><td>%1</td><td>%2</td><td><a href=\"%3\">%4</a></td></tr>"_s.arg(
            c.name.toHtmlEscaped(), c.version.toHtmlEscaped(), c.url.toHtmlEscaped(), c.licence.toHtmlEscaped());
    }
    html += u"</table>"_s;
    licences->setHtml(html);
    layout->addWidget(licences);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
    resize(560, 380);
}

} // namespace app
