#pragma once

#include <QtGlobal>

namespace netcore::common { class Server; }

namespace widgets::common {

// The servers a class is served from. Count last: the classroom panel iterates them.
enum class ServerKind : quint8 { Chat, Files, Http, Tcp, Count };

// A tab that runs one of Socketeer's servers. The classroom panel starts and stops it through the tab, so the tab
// uses its own settings (port, share folder, answer) and shows what happened; the panel only watches the
// common::Server (state, clients) and hands out its addresses. A tab that implements this emits
// TabPage::hostedServerChanged() when hostedServer() changes (a server object created or deleted).
class ServerHost
{
public:
    virtual ~ServerHost() = default;

    virtual ServerKind serverKind() const = 0;
    virtual netcore::common::Server *hostedServer() const = 0;   // null while the tab has none
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
