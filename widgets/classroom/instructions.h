#pragma once

#include "widgets/common/hostedserver.h"
#include "widgets/common/serverhost.h"

#include "netcore/lookup/firewall.h"
#include "netcore/lookup/handout.h"

#include <QList>
#include <QString>
#include <QStringList>

// The classroom panel's texts for students and for the teacher's firewall: pure functions of what the panel knows
// (the servers' addresses and ports, this machine's interfaces, the firewall found). Their words keep the panel's
// translation context ("widgets::classroom::ClassroomTab"): one context for everything the panel says.
namespace widgets::classroom {

// The address the instructions name for `server`: its own, or the best hand-out address of `interfaces` when it
// listens everywhere (127.0.0.1 when there is none).
QString instructionHost(const common::HostedServer &server, const QList<netcore::lookup::InterfaceInfo> &interfaces);

// One server's part of the instructions ("Chat room: 192.168.1.10:8888" and the commands to try it); empty for a
// kind without one.
QString studentInstructionsPart(common::ServerKind kind, const QString &host, quint16 port);

// The text "Copy instructions for students" copies: a heading and the parts; empty when `parts` is.
QString studentInstructionsText(const QStringList &parts);

// The sentence and the commands that open `ports` ("8888/tcp") in `firewall`; empty when none was found.
QString firewallHint(const netcore::lookup::FirewallFacts &firewall, const QStringList &ports);

} // namespace widgets::classroom
