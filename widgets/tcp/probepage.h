#pragma once

#include "widgets/common/retranslating.h"

#include "netcore/tcp/probe.h"

#include <QPointer>
#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;
class QTimer;


// The concurrency probe page of the TCP tab: N clients connect to HOST:PORT at once, each sends a message and waits
// for its answer; the timeline draws them and the verdict says what kind of server answered ("one client at a time —
// a loop server" / "concurrent" / "a pool of N") with its evidence. The course's progression — loop server, then
// select/epoll, then threads — as a picture.
namespace widgets::tcp {

class ProbeTimeline;

class ProbePage final : public common::Retranslating<QWidget>
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ProbePage)

public:
    explicit ProbePage(QWidget *parent = nullptr);
    ~ProbePage() override;

    // The target, e.g. from the tab's connection fields (the page keeps its own copy).
    void setTarget(const QString &host, quint16 port);
    // Starts with the fields' values; false (and the reason in the status line) when they are not valid.
    bool start();
    void stop();
    bool running() const;

    netcore::tcp::ConcurrencyProbe *probe() const { return m_probe; }   // the last run's (null before any)
    ProbeTimeline *timeline() const { return m_timeline; }
    QString verdictText() const;   // as shown
    QString statusText() const;    // as shown

Q_SIGNALS:
    void finished();

protected:
    void retranslateUi() override;

private:
    void refresh();
    void onFinished();
    void showVerdict();
    void updateExpect();

    QPointer<netcore::tcp::ConcurrencyProbe> m_probe;
    QTimer *m_repaint;
    QLabel *m_hostLabel;
    QLineEdit *m_host;
    QLabel *m_portLabel;
    QSpinBox *m_port;
    QLabel *m_clientsLabel;
    QSpinBox *m_clients;
    QLabel *m_messageLabel;
    QLineEdit *m_message;
    QLabel *m_expectLabel;
    QComboBox *m_expect;
    QSpinBox *m_expectBytes;
    QLabel *m_deadlineLabel;
    QSpinBox *m_deadline;
    QPushButton *m_start;
    ProbeTimeline *m_timeline;
    QLabel *m_verdict;
    QLabel *m_evidence;
    QLabel *m_status;
};

} // namespace widgets::tcp
