#pragma once

#include <QtGlobal>

namespace netcore::common { class Server; }

namespace widgets::common {

class HostedServer;

// The servers a class is served from. Count last: the classroom panel iterates them.
enum class ServerKind : quint8 { Chat, Files, Http, Udp, Tcp, Count };

// A tab that runs one of Socketeer's servers. The classroom panel starts and stops it through the tab, so the tab
// uses its own settings (port, share folder, answer) and shows what happened; the panel only watches the server
// (a common::HostedServer: running, address, clients) and hands out its addresses.
// A tab whose server is a netcore::common::Server returns it from hostedServer() and emits
// TabPage::hostedServerChanged() when that changes (a server object created or deleted); the panel watches it through
// a CommonServerStatus. A tab whose server is not one (the UDP listener) returns its own HostedServer from
// hostedStatus() instead.
class ServerHost
{
public:
    virtual ~ServerHost() = default;

    virtual ServerKind serverKind() const = 0;
    virtual netcore::common::Server *hostedServer() const { return nullptr; }   // null while the tab has none
    // The tab's own view of its server, alive as long as the tab; null: the panel watches hostedServer().
    virtual HostedServer *hostedStatus() const { return nullptr; }
    // Starts listening on every address (the class reaches it over the LAN) with the tab's settings; false when
    // it could not (the tab says why in its own status).
    virtual bool startForClass() = 0;
    virtual void stopServer() = 0;
    // A server that lets students write (the file server taking uploads): the panel brings it back writable only
    // on the network it was left on.
    virtual bool servesWritable() const { return false; }
    virtual void serveReadOnly() {}
};

} // namespace widgets::common
