#pragma once

#include <QDialog>

namespace app {

// Help -> About: version, what Socketeer is, and the licence of Qt and every library it uses.
class AboutDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AboutDialog)

public:
    explicit AboutDialog(QWidget *parent = nullptr);
};

} // namespace app
