<?xml version='1.0' encoding='utf-8'?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>app::AboutDialog</name>
    <message>
        <source>About Socketeer</source>
        <translation>关于 Socketeer</translation>
    </message>
    <message>
        <source>A socket-programming toolkit that shows exactly what is on the wire.</source>
        <translation>一个套接字编程工具箱：线路上的每个字节都看得清清楚楚。</translation>
    </message>
    <message>
        <source>Socketeer is built on these libraries:</source>
        <translation>Socketeer 基于以下库构建：</translation>
    </message>
    <message>
        <source>Library</source>
        <translation>库</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>版本</translation>
    </message>
    <message>
        <source>Licence</source>
        <translation>许可证</translation>
    </message>
</context>
<context>
    <name>app::MainWindow</name>
    <message>
        <source>Socketeer</source>
        <translation>Socketeer</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <source>System default</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;About Socketeer</source>
        <translation>关于 Socketeer(&amp;A)</translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation>关于 &amp;Qt</translation>
    </message>
    <message>
        <source>Ready</source>
        <translation>就绪</translation>
    </message>
    <message>
        <source>The translation for %1 could not be loaded; showing English.</source>
        <translation>无法加载 %1 的翻译，改为显示英文。</translation>
    </message>
</context>
<context>
    <name>app::cli::Chat</name>
    <message>
        <source>left</source>
        <translation>已退出</translation>
    </message>
    <message>
        <source>connection lost</source>
        <translation>连接断开</translation>
    </message>
    <message>
        <source>idle too long</source>
        <translation>空闲超时</translation>
    </message>
    <message>
        <source>too slow to keep up</source>
        <translation>接收太慢，跟不上</translation>
    </message>
    <message>
        <source>server stopped</source>
        <translation>服务端已停止</translation>
    </message>
    <message>
        <source>the name is not allowed: use 1-32 characters without spaces (and not 管理员)</source>
        <translation>不允许使用这个用户名：请用 1-32 个字符，不含空格（也不能含“管理员”）</translation>
    </message>
    <message>
        <source>someone in the room already has that name; choose another</source>
        <translation>聊天室里已有人使用这个用户名，请换一个</translation>
    </message>
    <message>
        <source>the server refused the login: %1</source>
        <translation>服务端拒绝了登录：%1</translation>
    </message>
    <message>
        <source>the room is full; try again later</source>
        <translation>聊天室已满，请稍后再试</translation>
    </message>
    <message>
        <source>nobody is listening there; is the server running, and is the port right?</source>
        <translation>那里没有程序在监听；服务端是否已运行，端口是否正确？</translation>
    </message>
    <message>
        <source>the host name could not be found</source>
        <translation>找不到该主机名</translation>
    </message>
    <message>
        <source>the server did not answer the login; check the host, the port and the mode</source>
        <translation>服务端没有回应登录；请检查主机、端口和模式</translation>
    </message>
    <message>
        <source>the server took too long to answer</source>
        <translation>服务端响应超时</translation>
    </message>
    <message>
        <source>the connection to the server was lost</source>
        <translation>与服务端的连接已断开</translation>
    </message>
    <message>
        <source>network error: %1</source>
        <translation>网络错误：%1</translation>
    </message>
    <message>
        <source>(private) %1 -&gt; %2: %3</source>
        <translation>（私聊）%1 -&gt; %2：%3</translation>
    </message>
    <message>
        <source>* %1 joined the room</source>
        <translation>* %1 进入了聊天室</translation>
    </message>
    <message>
        <source>* %1 left the room</source>
        <translation>* %1 退出了聊天室</translation>
    </message>
    <message>
        <source>* %1 left the room (%2)</source>
        <translation>* %1 退出了聊天室（%2）</translation>
    </message>
    <message>
        <source>[server] %1</source>
        <translation>[服务端] %1</translation>
    </message>
    <message>
        <source>[operator] %1</source>
        <translation>[管理员] %1</translation>
    </message>
    <message>
        <source>In the room: %1</source>
        <translation>聊天室里有：%1</translation>
    </message>
    <message>
        <source>not sent: the message is too long (at most 8 KiB)</source>
        <translation>未发送：消息太长（最多 8 KiB）</translation>
    </message>
    <message>
        <source>not sent: private messages need the native protocol</source>
        <translation>未发送：私聊需要原生协议</translation>
    </message>
    <message>
        <source>not sent: use /to NAME TEXT</source>
        <translation>未发送：请用 /to 用户名 内容</translation>
    </message>
    <message>
        <source>Join a chat room from the terminal. Lines you type go to everyone; /to NAME TEXT sends privately, /who lists the room, /quit (or end of input) leaves.</source>
        <translation>在终端里加入聊天室。输入的每一行发给所有人；/to 用户名 内容 私聊，/who 列出聊天室成员，/quit（或输入结束）退出。</translation>
    </message>
    <message>
        <source>Server host (default 127.0.0.1).</source>
        <translation>服务端主机（默认 127.0.0.1）。</translation>
    </message>
    <message>
        <source>HOST</source>
        <translation>主机</translation>
    </message>
    <message>
        <source>Server port (default %1).</source>
        <translation>服务端端口（默认 %1）。</translation>
    </message>
    <message>
        <source>PORT</source>
        <translation>端口</translation>
    </message>
    <message>
        <source>Your name in the room (required).</source>
        <translation>你在聊天室里的用户名（必填）。</translation>
    </message>
    <message>
        <source>NAME</source>
        <translation>用户名</translation>
    </message>
    <message>
        <source>Speak the course's classic UDP protocol (L/C/Q).</source>
        <translation>使用课程的经典 UDP 协议（L/C/Q）。</translation>
    </message>
    <message>
        <source>Classic: leave with Q (2018/19 servers, default) or E (2020 servers).</source>
        <translation>经典模式：用 Q（2018/19 版服务端，默认）或 E（2020 版服务端）退出。</translation>
    </message>
    <message>
        <source>LETTER</source>
        <translation>字母</translation>
    </message>
    <message>
        <source>--name is required</source>
        <translation>必须提供 --name</translation>
    </message>
    <message>
        <source>invalid port '%1'</source>
        <translation>无效的端口“%1”</translation>
    </message>
    <message>
        <source>--quit-with takes Q or E</source>
        <translation>--quit-with 只能是 Q 或 E</translation>
    </message>
    <message>
        <source>the server refused that: %1</source>
        <translation>服务端拒绝了该请求：%1</translation>
    </message>
    <message>
        <source>Joined %1:%2 as %3.</source>
        <translation>已以 %3 的身份进入 %1:%2。</translation>
    </message>
</context>
<context>
    <name>app::cli::ChatServe</name>
    <message>
        <source>Run the chat room: native TCP clients (nc works) and the course's classic UDP clients share one room on the same port number. Lines typed here go to the room from 管理员.</source>
        <translation>运行聊天室服务端：原生 TCP 客户端（可用 nc）和课程的经典 UDP 客户端在同一端口号上共用一个聊天室。在这里输入的行以“管理员”身份发到聊天室。</translation>
    </message>
    <message>
        <source>TCP and UDP port (default %1; 0 picks a free one).</source>
        <translation>TCP 和 UDP 端口（默认 %1；0 表示任选一个空闲端口）。</translation>
    </message>
    <message>
        <source>PORT</source>
        <translation>端口</translation>
    </message>
    <message>
        <source>Address to listen on (default: all).</source>
        <translation>监听的地址（默认：全部）。</translation>
    </message>
    <message>
        <source>ADDR</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>Most clients at once (default %1).</source>
        <translation>同时允许的最多客户端数（默认 %1）。</translation>
    </message>
    <message>
        <source>N</source>
        <translation>N</translation>
    </message>
    <message>
        <source>Do not serve the classic UDP protocol.</source>
        <translation>不提供经典 UDP 协议。</translation>
    </message>
    <message>
        <source>invalid port '%1'</source>
        <translation>无效的端口“%1”</translation>
    </message>
    <message>
        <source>invalid address '%1'</source>
        <translation>无效的地址“%1”</translation>
    </message>
    <message>
        <source>invalid client count '%1'</source>
        <translation>无效的客户端数“%1”</translation>
    </message>
    <message>
        <source>cannot start the chat server: %1</source>
        <translation>无法启动聊天室服务端：%1</translation>
    </message>
</context>
<context>
    <name>app::cli::Commands</name>
    <message>
        <source>Host, address, DNS, service lookups; address conversions; subnets; interfaces</source>
        <translation>主机、地址、DNS、服务查询；地址转换；子网；网络接口</translation>
    </message>
    <message>
        <source>Run the classroom servers headless</source>
        <translation>以无界面方式运行课堂服务端</translation>
    </message>
    <message>
        <source>Usage: socketeer [command] [options]</source>
        <translation>用法：socketeer [命令] [选项]</translation>
    </message>
    <message>
        <source>Without a command, socketeer opens its window (or, with no display, runs the classroom servers).</source>
        <translation>不带命令时，socketeer 打开主窗口（没有显示器时则运行课堂服务端）。</translation>
    </message>
    <message>
        <source>Commands:</source>
        <translation>命令：</translation>
    </message>
    <message>
        <source>Options:</source>
        <translation>选项：</translation>
    </message>
    <message>
        <source>Show this help; 'socketeer COMMAND --help' shows a command's help</source>
        <translation>显示本帮助；'socketeer 命令 --help' 显示某个命令的帮助</translation>
    </message>
    <message>
        <source>Show the version</source>
        <translation>显示版本</translation>
    </message>
    <message>
        <source>Exit codes: 0 success, 1 nothing found or refused, 2 usage error, 3 runtime failure.</source>
        <translation>退出码：0 成功，1 未找到或被拒绝，2 用法错误，3 运行时失败。</translation>
    </message>
    <message>
        <source>socketeer: unknown command '%1'</source>
        <translation>socketeer：未知命令“%1”</translation>
    </message>
    <message>
        <source>Try 'socketeer --help'.</source>
        <translation>请试试 'socketeer --help'。</translation>
    </message>
    <message>
        <source>Join a chat room from the terminal (native TCP or the course's classic UDP)</source>
        <translation>在终端里加入聊天室（原生 TCP 或课程的经典 UDP）</translation>
    </message>
</context>
<context>
    <name>app::cli::Lookup</name>
    <message>
        <source>Print the result as JSON.</source>
        <translation>以 JSON 格式输出结果。</translation>
    </message>
    <message>
        <source>Give up after SECONDS (default: 10 for host and addr, 15 for dns).</source>
        <translation>等待 SECONDS 秒后放弃（默认：host 和 addr 为 10，dns 为 15）。</translation>
    </message>
    <message>
        <source>Show this help.</source>
        <translation>显示此帮助。</translation>
    </message>
    <message>
        <source>--timeout needs a number of seconds between 0 and %1</source>
        <translation>--timeout 需要 0 到 %1 之间的秒数</translation>
    </message>
    <message>
        <source>Look a host name up like gethostbyname()/getaddrinfo(): /etc/hosts first, then DNS.</source>
        <translation>像 gethostbyname()/getaddrinfo() 一样查询主机名：先查 /etc/hosts，再查 DNS。</translation>
    </message>
    <message>
        <source>IPv4 addresses only (AF_INET).</source>
        <translation>只要 IPv4 地址（AF_INET）。</translation>
    </message>
    <message>
        <source>IPv6 addresses only (AF_INET6).</source>
        <translation>只要 IPv6 地址（AF_INET6）。</translation>
    </message>
    <message>
        <source>The host name, e.g. localhost or www.example.com.</source>
        <translation>主机名，例如 localhost 或 www.example.com。</translation>
    </message>
    <message>
        <source>--ipv4 and --ipv6 exclude each other</source>
        <translation>--ipv4 和 --ipv6 不能同时使用</translation>
    </message>
    <message>
        <source>not a valid host name: '%1'</source>
        <translation>不是有效的主机名：'%1'</translation>
    </message>
    <message>
        <source>Find the name of an address like gethostbyaddr(): /etc/hosts first, then reverse DNS (PTR).</source>
        <translation>像 gethostbyaddr() 一样查找地址对应的名称：先查 /etc/hosts，再查反向 DNS（PTR）。</translation>
    </message>
    <message>
        <source>An IPv4 or IPv6 address, e.g. 127.0.0.1 or ::1.</source>
        <translation>IPv4 或 IPv6 地址，例如 127.0.0.1 或 ::1。</translation>
    </message>
    <message>
        <source>Ask DNS directly for records (QDnsLookup). Unlike 'host', this never reads /etc/hosts. The name server is asked on port 53.</source>
        <translation>直接向 DNS 查询记录（QDnsLookup）。与 'host' 不同，它从不读取 /etc/hosts。域名服务器使用 53 端口。</translation>
    </message>
    <message>
        <source>Record type: A, AAAA, CNAME, MX, NS, PTR, SRV or TXT (default A).</source>
        <translation>记录类型：A、AAAA、CNAME、MX、NS、PTR、SRV 或 TXT（默认 A）。</translation>
    </message>
    <message>
        <source>Ask this name server (an IP address) instead of the system's.</source>
        <translation>询问这个域名服务器（IP 地址），而不是系统配置的服务器。</translation>
    </message>
    <message>
        <source>The DNS name; for PTR an IP address is turned into its in-addr.arpa name.</source>
        <translation>DNS 名称；对于 PTR，IP 地址会转换成对应的 in-addr.arpa 名称。</translation>
    </message>
    <message>
        <source>unknown record type '%1'</source>
        <translation>未知的记录类型 '%1'</translation>
    </message>
    <message>
        <source>--server needs an IP address, not '%1'</source>
        <translation>--server 需要 IP 地址，而不是 '%1'</translation>
    </message>
    <message>
        <source>no %1 records</source>
        <translation>没有 %1 记录</translation>
    </message>
    <message>
        <source>Look a service up in the system's services database like getservbyname()/getservbyport(), and classify the port.</source>
        <translation>像 getservbyname()/getservbyport() 一样在系统服务数据库中查询服务，并对端口分类。</translation>
    </message>
    <message>
        <source>tcp or udp (default: both).</source>
        <translation>tcp 或 udp（默认：两者都查）。</translation>
    </message>
    <message>
        <source>A service name (mysql) or a port number (3306).</source>
        <translation>服务名（mysql）或端口号（3306）。</translation>
    </message>
    <message>
        <source>--proto must be tcp or udp</source>
        <translation>--proto 必须是 tcp 或 udp</translation>
    </message>
    <message>
        <source>port out of range (0-65535): %1</source>
        <translation>端口超出范围（0-65535）：%1</translation>
    </message>
    <message>
        <source>not a service name or port number: '%1'</source>
        <translation>不是服务名也不是端口号：'%1'</translation>
    </message>
    <message>
        <source>'%1' is not in the services database</source>
        <translation>服务数据库中没有 '%1'</translation>
    </message>
    <message>
        <source>Convert an address like inet_aton/inet_ntoa (IPv4, including the legacy forms 127.1, 0x7f.1, 0177.0.0.1) and inet_pton/inet_ntop (IPv6); show the bytes and both byte orders.</source>
        <translation>像 inet_aton/inet_ntoa（IPv4，包括 127.1、0x7f.1、0177.0.0.1 等旧式写法）和 inet_pton/inet_ntop（IPv6）一样转换地址；显示字节和两种字节序。</translation>
    </message>
    <message>
        <source>An IPv4 or IPv6 address.</source>
        <translation>IPv4 或 IPv6 地址。</translation>
    </message>
    <message>
        <source>Subnet calculator: network, broadcast, host range, mask, wildcard and a binary view.</source>
        <translation>子网计算器：网络地址、广播地址、主机范围、子网掩码、通配符掩码和二进制视图。</translation>
    </message>
    <message>
        <source>192.168.1.10/24, 192.168.1.10/255.255.255.0, '192.168.1.10 255.255.255.0' or 2001:db8::/32.</source>
        <translation>192.168.1.10/24、192.168.1.10/255.255.255.0、'192.168.1.10 255.255.255.0' 或 2001:db8::/32。</translation>
    </message>
    <message>
        <source>List this machine's network interfaces: name, flags, addresses, netmask, broadcast.</source>
        <translation>列出本机的网络接口：名称、标志、地址、子网掩码、广播地址。</translation>
    </message>
    <message>
        <source>host name -&gt; addresses (getaddrinfo, honours /etc/hosts)</source>
        <translation>主机名 -&gt; 地址（getaddrinfo，遵循 /etc/hosts）</translation>
    </message>
    <message>
        <source>address -&gt; host name (getnameinfo, like gethostbyaddr)</source>
        <translation>地址 -&gt; 主机名（getnameinfo，类似 gethostbyaddr）</translation>
    </message>
    <message>
        <source>DNS records: A AAAA CNAME MX NS PTR SRV TXT (never /etc/hosts)</source>
        <translation>DNS 记录：A AAAA CNAME MX NS PTR SRV TXT（从不读取 /etc/hosts）</translation>
    </message>
    <message>
        <source>service name &lt;-&gt; port (getservbyname/getservbyport)</source>
        <translation>服务名 &lt;-&gt; 端口（getservbyname/getservbyport）</translation>
    </message>
    <message>
        <source>inet_aton/inet_ntoa/inet_pton: forms, bytes, byte order</source>
        <translation>inet_aton/inet_ntoa/inet_pton：写法、字节、字节序</translation>
    </message>
    <message>
        <source>subnet calculator for IPv4 CIDR/masks and IPv6 prefixes</source>
        <translation>IPv4 CIDR/子网掩码和 IPv6 前缀的子网计算器</translation>
    </message>
    <message>
        <source>this machine's network interfaces</source>
        <translation>本机的网络接口</translation>
    </message>
    <message>
        <source>Usage: socketeer lookup VERB [options] [arguments]</source>
        <translation>用法：socketeer lookup 动作 [选项] [参数]</translation>
    </message>
    <message>
        <source>Verbs:</source>
        <translation>动作：</translation>
    </message>
    <message>
        <source>Every verb takes --json. 'socketeer lookup VERB --help' shows a verb's options.</source>
        <translation>每个动作都支持 --json。'socketeer lookup 动作 --help' 显示该动作的选项。</translation>
    </message>
    <message>
        <source>Exit codes: 0 found, 1 nothing found, 2 usage error, 3 lookup failed (network, timeout).</source>
        <translation>退出码：0 找到，1 未找到，2 用法错误，3 查询失败（网络、超时）。</translation>
    </message>
    <message>
        <source>missing verb (host, addr, dns, service, convert, subnet, interfaces)</source>
        <translation>缺少动作（host、addr、dns、service、convert、subnet、interfaces）</translation>
    </message>
    <message>
        <source>unknown verb '%1'</source>
        <translation>未知的动作 '%1'</translation>
    </message>
</context>
<context>
    <name>app::cli::Output</name>
    <message>
        <source>Try '%1 --help'.</source>
        <translation>请试试 '%1 --help'。</translation>
    </message>
    <message>
        <source>Show this help.</source>
        <translation>显示本帮助。</translation>
    </message>
    <message>
        <source>missing argument</source>
        <translation>缺少参数</translation>
    </message>
    <message>
        <source>unexpected argument '%1'</source>
        <translation>多余的参数“%1”</translation>
    </message>
</context>
<context>
    <name>app::cli::Serve</name>
    <message>
        <source>Usage: socketeer serve [SERVER] [options]</source>
        <translation>用法：socketeer serve [服务端] [选项]</translation>
    </message>
    <message>
        <source>Without SERVER, every classroom server starts with its defaults.</source>
        <translation>不指定服务端时，所有课堂服务端都以默认设置启动。</translation>
    </message>
    <message>
        <source>Servers:</source>
        <translation>服务端：</translation>
    </message>
    <message>
        <source>this build has no servers to run yet</source>
        <translation>此版本还没有可运行的服务端</translation>
    </message>
    <message>
        <source>Starting every classroom server with its defaults ('socketeer serve --help' lists them).</source>
        <translation>正在以默认设置启动所有课堂服务端（'socketeer serve --help' 会列出它们）。</translation>
    </message>
    <message>
        <source>unknown server '%1'</source>
        <translation>未知服务端“%1”</translation>
    </message>
    <message>
        <source>Chat room: native TCP and the course's classic UDP, port 8888</source>
        <translation>聊天室：原生 TCP 和课程的经典 UDP，端口 8888</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>No display found (DISPLAY and WAYLAND_DISPLAY are not set): starting the headless classroom servers instead.</source>
        <translation>未找到显示器（DISPLAY 和 WAYLAND_DISPLAY 均未设置）：改为启动无界面的课堂服务端。</translation>
    </message>
    <message>
        <source>Run 'socketeer --help' for the command line.</source>
        <translation>运行 'socketeer --help' 查看命令行用法。</translation>
    </message>
</context>
<context>
    <name>widgets::chat::ChatMessageModel</name>
    <message>
        <source>left</source>
        <translation>已退出</translation>
    </message>
    <message>
        <source>connection lost</source>
        <translation>连接断开</translation>
    </message>
    <message>
        <source>idle too long</source>
        <translation>空闲超时</translation>
    </message>
    <message>
        <source>too slow to keep up</source>
        <translation>接收太慢，跟不上</translation>
    </message>
    <message>
        <source>server stopped</source>
        <translation>服务端已停止</translation>
    </message>
    <message>
        <source>(private to %1) %2</source>
        <translation>（私聊给 %1）%2</translation>
    </message>
    <message>
        <source>(private from %1) %2</source>
        <translation>（来自 %1 的私聊）%2</translation>
    </message>
    <message>
        <source>%1 joined the room</source>
        <translation>%1 进入了聊天室</translation>
    </message>
    <message>
        <source>%1 left the room</source>
        <translation>%1 退出了聊天室</translation>
    </message>
    <message>
        <source>%1 left the room (%2)</source>
        <translation>%1 退出了聊天室（%2）</translation>
    </message>
    <message>
        <source>Server: %1</source>
        <translation>服务端：%1</translation>
    </message>
    <message>
        <source>Operator (管理员): %1</source>
        <translation>管理员：%1</translation>
    </message>
    <message>
        <source>——— new messages ———</source>
        <translation>——— 新消息 ———</translation>
    </message>
</context>
<context>
    <name>widgets::chat::ChatTab</name>
    <message>
        <source>Chat</source>
        <translation>聊天室</translation>
    </message>
    <message>
        <source>Connection</source>
        <translation>连接</translation>
    </message>
    <message>
        <source>&amp;Host:</source>
        <translation>主机(&amp;H)：</translation>
    </message>
    <message>
        <source>&amp;Port:</source>
        <translation>端口(&amp;P)：</translation>
    </message>
    <message>
        <source>any free port</source>
        <translation>任意空闲端口</translation>
    </message>
    <message>
        <source>TCP port of the chat server; a classic UDP server uses the same number</source>
        <translation>聊天室服务端的 TCP 端口；经典 UDP 服务端使用相同的端口号</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>用户名(&amp;N)：</translation>
    </message>
    <message>
        <source>1-32 characters, no spaces</source>
        <translation>1-32 个字符，不含空格</translation>
    </message>
    <message>
        <source>&amp;Mode:</source>
        <translation>模式(&amp;M)：</translation>
    </message>
    <message>
        <source>Native (TCP, works with nc)</source>
        <translation>原生（TCP，可用 nc）</translation>
    </message>
    <message>
        <source>Classic UDP (course 2018/19: L/C/Q)</source>
        <translation>经典 UDP（课程 2018/19 版：L/C/Q）</translation>
    </message>
    <message>
        <source>Classic UDP (course 2020: L/C/E)</source>
        <translation>经典 UDP（课程 2020 版：L/C/E）</translation>
    </message>
    <message>
        <source>Start a &amp;local server on this port</source>
        <translation>在这个端口启动本机服务端(&amp;L)</translation>
    </message>
    <message>
        <source>Runs Socketeer's chat server here (native TCP and classic UDP on the same port) so one machine is enough for a demo</source>
        <translation>在本机运行 Socketeer 的聊天室服务端（原生 TCP 和经典 UDP 使用同一端口），一台电脑就能演示</translation>
    </message>
    <message>
        <source>&amp;Connect</source>
        <translation>连接(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Disconnect</source>
        <translation>断开(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Reconnect</source>
        <translation>重新连接(&amp;R)</translation>
    </message>
    <message>
        <source>In the room</source>
        <translation>聊天室成员</translation>
    </message>
    <message>
        <source>Double-click a name to send a private message</source>
        <translation>双击用户名发送私聊消息</translation>
    </message>
    <message>
        <source>Type a message. Enter sends, Shift+Enter starts a new line, /to NAME text sends privately.</source>
        <translation>输入消息。Enter 发送，Shift+Enter 换行，/to 用户名 内容 私聊。</translation>
    </message>
    <message>
        <source>&amp;Send</source>
        <translation>发送(&amp;S)</translation>
    </message>
    <message>
        <source>On the wire (this connection)</source>
        <translation>线路上的数据（本连接）</translation>
    </message>
    <message numerus="yes">
        <source>%n new message(s) ↓</source>
        <translation>
            <numerusform>%n 条新消息 ↓</numerusform></translation>
    </message>
    <message>
        <source>Enter the server's host and port first.</source>
        <translation>请先输入服务端的主机和端口。</translation>
    </message>
    <message>
        <source>The local server stopped.</source>
        <translation>本机服务端已停止。</translation>
    </message>
    <message>
        <source>The local server could not listen on port %1: %2. Choose another port.</source>
        <translation>本机服务端无法在端口 %1 上监听：%2。请换一个端口。</translation>
    </message>
    <message>
        <source>Local server listening on port %1 (TCP and classic UDP). Others can join at this computer's address.</source>
        <translation>本机服务端正在端口 %1 上监听（TCP 和经典 UDP）。其他人可以通过这台电脑的地址加入。</translation>
    </message>
    <message>
        <source>You joined the room as %1.</source>
        <translation>你已以 %1 的身份进入聊天室。</translation>
    </message>
    <message>
        <source>Joined the chat room as %1</source>
        <translation>已以 %1 的身份进入聊天室</translation>
    </message>
    <message>
        <source>You left the room.</source>
        <translation>你已退出聊天室。</translation>
    </message>
    <message>
        <source>Nobody in the room has that name; the private message was not sent.</source>
        <translation>聊天室里没有这个用户名，私聊消息未发送。</translation>
    </message>
    <message>
        <source>The server refused that: %1</source>
        <translation>服务端拒绝了该请求：%1</translation>
    </message>
    <message>
        <source>Not connected.</source>
        <translation>未连接。</translation>
    </message>
    <message>
        <source>Connecting to %1 port %2…</source>
        <translation>正在连接 %1 端口 %2…</translation>
    </message>
    <message>
        <source>Connected; joining as %1…</source>
        <translation>已连接，正在以 %1 的身份进入…</translation>
    </message>
    <message>
        <source>In the room at %1 port %2 as %3 (native TCP).</source>
        <translation>已在 %1 端口 %2 的聊天室，用户名 %3（原生 TCP）。</translation>
    </message>
    <message>
        <source>In the room at %1 port %2 as %3 (classic UDP).</source>
        <translation>已在 %1 端口 %2 的聊天室，用户名 %3（经典 UDP）。</translation>
    </message>
    <message>
        <source>Leaving the room…</source>
        <translation>正在退出聊天室…</translation>
    </message>
    <message>
        <source>Local server on port %1.</source>
        <translation>本机服务端在端口 %1。</translation>
    </message>
    <message>
        <source>That name cannot be used: a name has 1 to 32 characters, no spaces, and may not contain 管理员.</source>
        <translation>不能使用这个用户名：用户名为 1 到 32 个字符，不含空格，也不能含“管理员”。</translation>
    </message>
    <message>
        <source>Someone in the room is already called %1. Choose another name and connect again.</source>
        <translation>聊天室里已经有人叫 %1。请换一个用户名再连接。</translation>
    </message>
    <message>
        <source>The server refused the login and said: %1</source>
        <translation>服务端拒绝了登录，回复是：%1</translation>
    </message>
    <message>
        <source>The room is full. Try again later, or ask whoever runs the server to allow more clients.</source>
        <translation>聊天室已满。请稍后再试，或请运行服务端的人允许更多客户端。</translation>
    </message>
    <message>
        <source>Nobody is listening at %1 port %2. Is the server running, and are the port and the mode right?</source>
        <translation>%1 端口 %2 上没有程序在监听。服务端是否已运行，端口和模式是否正确？</translation>
    </message>
    <message>
        <source>The host %1 could not be found. Check its spelling.</source>
        <translation>找不到主机 %1。请检查拼写。</translation>
    </message>
    <message>
        <source>The server did not answer the login. Check the host, the port and the mode (native or classic UDP).</source>
        <translation>服务端没有回应登录。请检查主机、端口和模式（原生或经典 UDP）。</translation>
    </message>
    <message>
        <source>The server did not answer in time.</source>
        <translation>服务端响应超时。</translation>
    </message>
    <message>
        <source>The connection to the server was lost. Use Reconnect to join again.</source>
        <translation>与服务端的连接已断开。点“重新连接”再次进入。</translation>
    </message>
    <message>
        <source>Network error: %1</source>
        <translation>网络错误：%1</translation>
    </message>
    <message>
        <source>Join a room first.</source>
        <translation>请先进入聊天室。</translation>
    </message>
    <message>
        <source>Nothing was sent: write /to NAME followed by the message.</source>
        <translation>未发送：请写 /to 用户名，后面跟消息。</translation>
    </message>
    <message>
        <source>The message is too long: a line holds at most 8 KiB.</source>
        <translation>消息太长：每行最多 8 KiB。</translation>
    </message>
    <message>
        <source>Private messages need the native protocol; the classic UDP servers have none.</source>
        <translation>私聊需要原生协议；经典 UDP 服务端没有私聊。</translation>
    </message>
</context>
<context>
    <name>widgets::common::TranscriptModel</name>
    <message>
        <source>→ sent</source>
        <translation>→ 发送</translation>
    </message>
    <message>
        <source>← received</source>
        <translation>← 接收</translation>
    </message>
    <message>
        <source>• event</source>
        <translation>• 事件</translation>
    </message>
    <message>
        <source>Time (s)</source>
        <translation>时间（秒）</translation>
    </message>
    <message>
        <source>Direction</source>
        <translation>方向</translation>
    </message>
    <message>
        <source>Local</source>
        <translation>本地</translation>
    </message>
    <message>
        <source>Peer</source>
        <translation>对端</translation>
    </message>
    <message>
        <source>Bytes</source>
        <translation>字节数</translation>
    </message>
    <message>
        <source>Data</source>
        <translation>数据</translation>
    </message>
</context>
<context>
    <name>widgets::common::WireView</name>
    <message>
        <source>Follow newest</source>
        <translation>跟随最新</translation>
    </message>
    <message>
        <source>Keep the newest entry in view while data arrives</source>
        <translation>数据到达时始终显示最新的条目</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>复制</translation>
    </message>
    <message>
        <source>Copy the selected entries as text</source>
        <translation>将选中的条目复制为文本</translation>
    </message>
    <message>
        <source>Save…</source>
        <translation>保存…</translation>
    </message>
    <message>
        <source>Save every entry as text or JSON</source>
        <translation>将全部条目保存为文本或 JSON</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>清空</translation>
    </message>
    <message>
        <source>Remove every entry recorded so far</source>
        <translation>删除目前记录的全部条目</translation>
    </message>
    <message>
        <source>Select an entry to see its bytes as text: %1 is CR, %2 is LF, %3 is TAB, %4 is a byte that is not printable text.</source>
        <translation>选择一个条目即可以文本形式查看其字节：%1 表示回车 (CR)，%2 表示换行 (LF)，%3 表示制表符 (TAB)，%4 表示一个不可打印的字节。</translation>
    </message>
    <message>
        <source>…and here as a hex dump: offset, 16 bytes in hex, the same bytes as ASCII.</source>
        <translation>…这里以十六进制转储显示：偏移量、16 个字节的十六进制值、同样这些字节的 ASCII 字符。</translation>
    </message>
    <message>
        <source>Entries: %1</source>
        <translation>条目数：%1</translation>
    </message>
    <message>
        <source>%1 oldest dropped (keeps %2)</source>
        <translation>已丢弃最早的 %1 条（最多保留 %2 条）</translation>
    </message>
    <message>
        <source>No entry selected.</source>
        <translation>未选中条目。</translation>
    </message>
    <message>
        <source>#%1  %2  %3  %4 → %5  %6</source>
        <translation>#%1  %2  %3  %4 → %5  %6</translation>
    </message>
    <message>
        <source>Bytes: %1</source>
        <translation>字节数：%1</translation>
    </message>
    <message>
        <source>Showing the first %1 of %2 bytes; save the transcript to get all of them.</source>
        <translation>仅显示 %2 字节中的前 %1 字节；保存通信记录可获得全部内容。</translation>
    </message>
    <message>
        <source>Text files (*.txt)</source>
        <translation>文本文件 (*.txt)</translation>
    </message>
    <message>
        <source>JSON files (*.json)</source>
        <translation>JSON 文件 (*.json)</translation>
    </message>
    <message>
        <source>Save Transcript</source>
        <translation>保存通信记录</translation>
    </message>
    <message>
        <source>Could not save the transcript to %1: %2
Choose another folder or file name.</source>
        <translation>无法将通信记录保存到 %1：%2
请选择其他文件夹或文件名。</translation>
    </message>
</context>
<context>
    <name>widgets::lookup::Lookup</name>
    <message>
        <source>unspecified (any address)</source>
        <translation>未指定地址（任意地址）</translation>
    </message>
    <message>
        <source>loopback</source>
        <translation>环回地址</translation>
    </message>
    <message>
        <source>link-local</source>
        <translation>链路本地地址</translation>
    </message>
    <message>
        <source>multicast</source>
        <translation>组播地址</translation>
    </message>
    <message>
        <source>documentation</source>
        <translation>文档示例地址</translation>
    </message>
    <message>
        <source>global (public)</source>
        <translation>全局地址（公网）</translation>
    </message>
    <message>
        <source>"this network" (0.0.0.0/8)</source>
        <translation>“本网络”（0.0.0.0/8）</translation>
    </message>
    <message>
        <source>private (RFC 1918)</source>
        <translation>私有地址（RFC 1918）</translation>
    </message>
    <message>
        <source>shared address space (carrier-grade NAT)</source>
        <translation>共享地址空间（运营商级 NAT）</translation>
    </message>
    <message>
        <source>benchmarking</source>
        <translation>基准测试地址</translation>
    </message>
    <message>
        <source>reserved (class E)</source>
        <translation>保留地址（E 类）</translation>
    </message>
    <message>
        <source>limited broadcast</source>
        <translation>受限广播地址</translation>
    </message>
    <message>
        <source>IETF protocol assignments</source>
        <translation>IETF 协议分配地址</translation>
    </message>
    <message>
        <source>network address</source>
        <translation>网络地址</translation>
    </message>
    <message>
        <source>directed broadcast</source>
        <translation>定向广播地址</translation>
    </message>
    <message>
        <source>first host (usually the gateway)</source>
        <translation>第一个主机（通常是网关）</translation>
    </message>
    <message>
        <source>ends in .0</source>
        <translation>以 .0 结尾</translation>
    </message>
    <message>
        <source>ends in .1</source>
        <translation>以 .1 结尾</translation>
    </message>
    <message>
        <source>ends in .255</source>
        <translation>以 .255 结尾</translation>
    </message>
    <message>
        <source>unique local (IPv6 private)</source>
        <translation>唯一本地地址（IPv6 私有地址）</translation>
    </message>
    <message>
        <source>site-local (deprecated)</source>
        <translation>站点本地地址（已弃用）</translation>
    </message>
    <message>
        <source>IPv4-mapped</source>
        <translation>IPv4 映射地址</translation>
    </message>
    <message>
        <source>IPv4-compatible (deprecated)</source>
        <translation>IPv4 兼容地址（已弃用）</translation>
    </message>
    <message>
        <source>NAT64</source>
        <translation>NAT64</translation>
    </message>
    <message>
        <source>Teredo</source>
        <translation>Teredo</translation>
    </message>
    <message>
        <source>6to4</source>
        <translation>6to4</translation>
    </message>
    <message>
        <source>discard-only</source>
        <translation>仅丢弃地址</translation>
    </message>
    <message>
        <source>Bind to it to listen on every interface; it is never a destination.</source>
        <translation>绑定它可以在所有接口上监听；它永远不能作为目的地址。</translation>
    </message>
    <message>
        <source>This machine itself; packets never leave it.</source>
        <translation>就是本机；数据包永远不会离开本机。</translation>
    </message>
    <message>
        <source>Valid on one link only; routers do not forward it.</source>
        <translation>只在一条链路上有效；路由器不会转发。</translation>
    </message>
    <message>
        <source>A group address: one sender, every member receives.</source>
        <translation>组地址：一个发送者，所有成员都能收到。</translation>
    </message>
    <message>
        <source>Reserved for examples in books and manuals.</source>
        <translation>保留给书籍和手册中的示例使用。</translation>
    </message>
    <message>
        <source>Routable on the Internet.</source>
        <translation>可以在互联网上路由。</translation>
    </message>
    <message>
        <source>A LAN address; it reaches the Internet only through NAT.</source>
        <translation>局域网地址；只能通过 NAT 访问互联网。</translation>
    </message>
    <message>
        <source>Python's '&lt;broadcast&gt;': every host on this link; routers never forward it.</source>
        <translation>即 Python 的 '&lt;broadcast&gt;'：本链路上的所有主机；路由器从不转发。</translation>
    </message>
    <message>
        <source>Host bits all zero: it names the network, not a host.</source>
        <translation>主机位全为 0：它表示网络本身，而不是某台主机。</translation>
    </message>
    <message>
        <source>Host bits all one: a datagram to it reaches every host of the subnet.</source>
        <translation>主机位全为 1：发往它的数据报会到达子网内的每台主机。</translation>
    </message>
    <message>
        <source>By convention the router (gateway) often takes the first host address.</source>
        <translation>按惯例，路由器（网关）通常使用第一个主机地址。</translation>
    </message>
    <message>
        <source>In a /24 network this is the network address, not a host.</source>
        <translation>在 /24 网络中这是网络地址，不是主机。</translation>
    </message>
    <message>
        <source>In a /24 network this is usually the gateway.</source>
        <translation>在 /24 网络中这通常是网关。</translation>
    </message>
    <message>
        <source>In a /24 network this is the broadcast address.</source>
        <translation>在 /24 网络中这是广播地址。</translation>
    </message>
    <message>
        <source>How an IPv6 socket sees an IPv4 peer.</source>
        <translation>IPv6 套接字看到的 IPv4 对端就是这种形式。</translation>
    </message>
    <message>
        <source>decimal</source>
        <translation>十进制</translation>
    </message>
    <message>
        <source>octal (leading 0)</source>
        <translation>八进制（前导 0）</translation>
    </message>
    <message>
        <source>hexadecimal (0x)</source>
        <translation>十六进制（0x）</translation>
    </message>
    <message>
        <source>no address given</source>
        <translation>没有给出地址</translation>
    </message>
    <message>
        <source>part %1 does not start with a digit (at character %2)</source>
        <translation>第 %1 段不是以数字开头（第 %2 个字符处）</translation>
    </message>
    <message>
        <source>unexpected character at position %1 (a leading 0 means octal: no 8 or 9)</source>
        <translation>第 %1 个字符不合法（前导 0 表示八进制：不能有 8 或 9）</translation>
    </message>
    <message>
        <source>more than four parts</source>
        <translation>超过四段</translation>
    </message>
    <message>
        <source>part %1 is larger than 255</source>
        <translation>第 %1 段大于 255</translation>
    </message>
    <message>
        <source>the last part does not fit in the bytes left</source>
        <translation>最后一段超出了剩余字节能容纳的范围</translation>
    </message>
    <message>
        <source>contains characters other than ASCII</source>
        <translation>包含非 ASCII 字符</translation>
    </message>
    <message>
        <source>not an IPv4 address: %1</source>
        <translation>不是 IPv4 地址：%1</translation>
    </message>
    <message>
        <source>not an IPv6 address</source>
        <translation>不是 IPv6 地址</translation>
    </message>
    <message>
        <source>the zone after '%' is empty or malformed</source>
        <translation>'%' 之后的区域为空或格式错误</translation>
    </message>
    <message>
        <source>no subnet given</source>
        <translation>没有给出子网</translation>
    </message>
    <message>
        <source>not a valid address (write a.b.c.d or an IPv6 address)</source>
        <translation>不是有效的地址（请写 a.b.c.d 或 IPv6 地址）</translation>
    </message>
    <message>
        <source>missing prefix length or mask (e.g. /24 or 255.255.255.0)</source>
        <translation>缺少前缀长度或子网掩码（例如 /24 或 255.255.255.0）</translation>
    </message>
    <message>
        <source>the prefix must be a number or a dotted mask</source>
        <translation>前缀必须是数字或点分形式的子网掩码</translation>
    </message>
    <message>
        <source>prefix length out of range (0-32 for IPv4, 0-128 for IPv6)</source>
        <translation>前缀长度超出范围（IPv4 为 0-32，IPv6 为 0-128）</translation>
    </message>
    <message>
        <source>the mask's one bits are not contiguous</source>
        <translation>子网掩码中的 1 不连续</translation>
    </message>
    <message>
        <source>IPv6 uses prefix lengths, not masks</source>
        <translation>IPv6 使用前缀长度，不使用子网掩码</translation>
    </message>
    <message>
        <source>0: not a real port (bind to 0 lets the system choose)</source>
        <translation>0：不是真正的端口（绑定 0 端口由系统自动选择）</translation>
    </message>
    <message>
        <source>well-known (1-1023)</source>
        <translation>知名端口（1-1023）</translation>
    </message>
    <message>
        <source>registered (1024-49151)</source>
        <translation>注册端口（1024-49151）</translation>
    </message>
    <message>
        <source>dynamic/private (49152-65535)</source>
        <translation>动态/私有端口（49152-65535）</translation>
    </message>
    <message>
        <source>not a valid name or address</source>
        <translation>不是有效的名称或地址</translation>
    </message>
    <message>
        <source>no such host: neither /etc/hosts nor DNS knows it</source>
        <translation>没有这个主机：/etc/hosts 和 DNS 都不认识它</translation>
    </message>
    <message>
        <source>the name server did not answer (no network, or DNS is down); try again later</source>
        <translation>域名服务器没有应答（没有网络，或 DNS 不可用）；请稍后再试</translation>
    </message>
    <message>
        <source>no answer within %1 s</source>
        <translation>%1 秒内没有应答</translation>
    </message>
    <message>
        <source>lookup failed: %1</source>
        <translation>查询失败：%1</translation>
    </message>
    <message>
        <source>not a valid DNS name</source>
        <translation>不是有效的 DNS 名称</translation>
    </message>
    <message>
        <source>no such name in DNS (NXDOMAIN)</source>
        <translation>DNS 中没有这个名称（NXDOMAIN）</translation>
    </message>
    <message>
        <source>the name server failed (SERVFAIL)</source>
        <translation>域名服务器出错（SERVFAIL）</translation>
    </message>
    <message>
        <source>the name server refused to answer (REFUSED)</source>
        <translation>域名服务器拒绝应答（REFUSED）</translation>
    </message>
    <message>
        <source>no usable answer: the name may have no records of this type, the name server may be unreachable, or the reply was malformed (Qt 6.4 cannot tell these apart)</source>
        <translation>没有可用的应答：可能这个名称没有该类型的记录，可能域名服务器无法访问，也可能应答格式错误（Qt 6.4 无法区分这几种情况）</translation>
    </message>
    <message>
        <source>the resolver rejected the request: %1</source>
        <translation>解析器拒绝了请求：%1</translation>
    </message>
    <message>
        <source>no name server could be reached (no network, or nothing listens on port 53): %1</source>
        <translation>无法访问任何域名服务器（没有网络，或 53 端口无人监听）：%1</translation>
    </message>
    <message>
        <source>DNS query failed: %1</source>
        <translation>DNS 查询失败：%1</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 毫秒</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Embedded IPv4</source>
        <translation>内嵌的 IPv4</translation>
    </message>
    <message>
        <source>1 part: a — one 32-bit number</source>
        <translation>1 段：a —— 一个 32 位数</translation>
    </message>
    <message>
        <source>2 parts: a.b — b fills the last 24 bits</source>
        <translation>2 段：a.b —— b 填满后 24 位</translation>
    </message>
    <message>
        <source>3 parts: a.b.c — c fills the last 16 bits</source>
        <translation>3 段：a.b.c —— c 填满后 16 位</translation>
    </message>
    <message>
        <source>4 parts: a.b.c.d — one byte each</source>
        <translation>4 段：a.b.c.d —— 每段一个字节</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Canonical name</source>
        <translation>规范名称</translation>
    </message>
    <message>
        <source>Addresses</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>Time taken</source>
        <translation>耗时</translation>
    </message>
    <message>
        <source>In /etc/hosts</source>
        <translation>/etc/hosts 中</translation>
    </message>
    <message>
        <source>not listed</source>
        <translation>未列出</translation>
    </message>
    <message>
        <source>getaddrinfo (like gethostbyname) asks /etc/hosts first, then DNS; this answer came from DNS or another source.</source>
        <translation>getaddrinfo（与 gethostbyname 一样）先查 /etc/hosts，再查 DNS；这个结果来自 DNS 或其他来源。</translation>
    </message>
    <message>
        <source>getaddrinfo (like gethostbyname) asks /etc/hosts first: this name is listed there, so DNS was not needed. 'socketeer lookup dns' would not see it.</source>
        <translation>getaddrinfo（与 gethostbyname 一样）先查 /etc/hosts：这个名称在其中列出，所以不需要 DNS。'socketeer lookup dns' 看不到它。</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>Host name</source>
        <translation>主机名</translation>
    </message>
    <message>
        <source>DNS name asked</source>
        <translation>查询的 DNS 名称</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Name server</source>
        <translation>域名服务器</translation>
    </message>
    <message>
        <source>system (/etc/resolv.conf)</source>
        <translation>系统配置（/etc/resolv.conf）</translation>
    </message>
    <message>
        <source>preference %1, %2</source>
        <translation>优先级 %1，%2</translation>
    </message>
    <message>
        <source>priority %1, weight %2, port %3, %4</source>
        <translation>优先级 %1，权重 %2，端口 %3，%4</translation>
    </message>
    <message>
        <source>TTL %1 s</source>
        <translation>TTL %1 秒</translation>
    </message>
    <message>
        <source>Records</source>
        <translation>记录</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>A DNS query asks the name server directly and never reads /etc/hosts (getaddrinfo does).</source>
        <translation>DNS 查询直接询问域名服务器，从不读取 /etc/hosts（getaddrinfo 会读取）。</translation>
    </message>
    <message>
        <source>Query</source>
        <translation>查询</translation>
    </message>
    <message>
        <source>aliases: %1</source>
        <translation>别名：%1</translation>
    </message>
    <message>
        <source>Services</source>
        <translation>服务</translation>
    </message>
    <message>
        <source>not in the services database</source>
        <translation>不在服务数据库中</translation>
    </message>
    <message>
        <source>Port class</source>
        <translation>端口类别</translation>
    </message>
    <message>
        <source>binding it needs root (CAP_NET_BIND_SERVICE)</source>
        <translation>绑定它需要 root 权限（CAP_NET_BIND_SERVICE）</translation>
    </message>
    <message>
        <source>inside this machine's ephemeral range: clients' outgoing ports come from here</source>
        <translation>在本机的临时端口范围内：客户端的外发端口从这里分配</translation>
    </message>
    <message>
        <source>Advice</source>
        <translation>建议</translation>
    </message>
    <message>
        <source>a good choice for your own server</source>
        <translation>适合你自己的服务端使用</translation>
    </message>
    <message>
        <source>for your own servers, pick a port above 10000 outside the ephemeral range</source>
        <translation>你自己的服务端请选择 10000 以上、临时端口范围以外的端口</translation>
    </message>
    <message>
        <source>Input</source>
        <translation>输入</translation>
    </message>
    <message>
        <source>Read by inet_aton</source>
        <translation>inet_aton 的解读</translation>
    </message>
    <message>
        <source>byte %1</source>
        <translation>第 %1 字节</translation>
    </message>
    <message>
        <source>bytes %1-%2</source>
        <translation>第 %1-%2 字节</translation>
    </message>
    <message>
        <source>  part %1</source>
        <translation>  第 %1 段</translation>
    </message>
    <message>
        <source>%1  %2 = %3 -&gt; %4</source>
        <translation>%1  %2 = %3 -&gt; %4</translation>
    </message>
    <message>
        <source>Ignored</source>
        <translation>已忽略</translation>
    </message>
    <message>
        <source>'%1' (inet_aton stops at whitespace)</source>
        <translation>'%1'（inet_aton 遇到空白就停止）</translation>
    </message>
    <message>
        <source>inet_ntoa</source>
        <translation>inet_ntoa</translation>
    </message>
    <message>
        <source>inet_pton accepts it</source>
        <translation>inet_pton 是否接受</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>no: inet_pton takes only strict a.b.c.d</source>
        <translation>否：inet_pton 只接受严格的 a.b.c.d</translation>
    </message>
    <message>
        <source>Bytes (network order)</source>
        <translation>字节（网络字节序）</translation>
    </message>
    <message>
        <source>32-bit value, host order (ntohl)</source>
        <translation>32 位数值，主机字节序（ntohl）</translation>
    </message>
    <message>
        <source>s_addr read on this little-endian machine</source>
        <translation>在本机（小端）上直接读取 s_addr</translation>
    </message>
    <message>
        <source>s_addr read on this big-endian machine</source>
        <translation>在本机（大端）上直接读取 s_addr</translation>
    </message>
    <message>
        <source>inet_ntop</source>
        <translation>inet_ntop</translation>
    </message>
    <message>
        <source>Expanded</source>
        <translation>完整写法</translation>
    </message>
    <message>
        <source>Zone (scope)</source>
        <translation>区域（scope）</translation>
    </message>
    <message>
        <source>Prefix</source>
        <translation>前缀</translation>
    </message>
    <message>
        <source>First address</source>
        <translation>第一个地址</translation>
    </message>
    <message>
        <source>Last address</source>
        <translation>最后一个地址</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>说明</translation>
    </message>
    <message>
        <source>IPv6 has no broadcast address; multicast replaces it.</source>
        <translation>IPv6 没有广播地址，由组播代替。</translation>
    </message>
    <message>
        <source>Network</source>
        <translation>网络地址</translation>
    </message>
    <message>
        <source>Subnet mask</source>
        <translation>子网掩码</translation>
    </message>
    <message>
        <source>Wildcard</source>
        <translation>通配符掩码</translation>
    </message>
    <message>
        <source>Broadcast</source>
        <translation>广播地址</translation>
    </message>
    <message>
        <source>First host</source>
        <translation>第一个主机</translation>
    </message>
    <message>
        <source>Last host</source>
        <translation>最后一个主机</translation>
    </message>
    <message>
        <source>Hosts</source>
        <translation>主机数</translation>
    </message>
    <message>
        <source>/31: a point-to-point link, both addresses are hosts (RFC 3021)</source>
        <translation>/31：点对点链路，两个地址都是主机（RFC 3021）</translation>
    </message>
    <message>
        <source>/32: a single host</source>
        <translation>/32：单个主机</translation>
    </message>
    <message>
        <source>the mask was given inverted (a wildcard) and read as such</source>
        <translation>掩码是反写的（通配符掩码），已按此解读</translation>
    </message>
    <message>
        <source>Binary (| = end of network bits)</source>
        <translation>二进制（| = 网络位结束处）</translation>
    </message>
    <message>
        <source>  address</source>
        <translation>  地址</translation>
    </message>
    <message>
        <source>  mask</source>
        <translation>  掩码</translation>
    </message>
    <message>
        <source>  network</source>
        <translation>  网络</translation>
    </message>
    <message>
        <source>index %1</source>
        <translation>索引 %1</translation>
    </message>
    <message>
        <source>  Flags</source>
        <translation>  标志</translation>
    </message>
    <message>
        <source>  MTU</source>
        <translation>  MTU</translation>
    </message>
    <message>
        <source>  Hardware address</source>
        <translation>  硬件地址</translation>
    </message>
    <message>
        <source>mask %1</source>
        <translation>掩码 %1</translation>
    </message>
    <message>
        <source>broadcast %1</source>
        <translation>广播 %1</translation>
    </message>
    <message>
        <source>  Address</source>
        <translation>  地址</translation>
    </message>
</context>
<context>
    <name>widgets::lookup::LookupTab</name>
    <message>
        <source>Auto-detect</source>
        <translation>自动识别</translation>
    </message>
    <message>
        <source>Host → addresses (getaddrinfo)</source>
        <translation>主机 → 地址 (getaddrinfo)</translation>
    </message>
    <message>
        <source>Address → name (getnameinfo)</source>
        <translation>地址 → 主机名 (getnameinfo)</translation>
    </message>
    <message>
        <source>DNS records (QDnsLookup)</source>
        <translation>DNS 记录 (QDnsLookup)</translation>
    </message>
    <message>
        <source>Service / port (getservbyname)</source>
        <translation>服务 / 端口 (getservbyname)</translation>
    </message>
    <message>
        <source>Convert address (inet_aton / inet_pton)</source>
        <translation>地址转换 (inet_aton / inet_pton)</translation>
    </message>
    <message>
        <source>Subnet calculator</source>
        <translation>子网计算器</translation>
    </message>
    <message>
        <source>Local interfaces</source>
        <translation>本机网络接口</translation>
    </message>
    <message>
        <source>A host name, an address, a port or service name, or a subnet like 192.168.1.0/24</source>
        <translation>主机名、地址、端口或服务名，或子网（如 192.168.1.0/24）</translation>
    </message>
    <message>
        <source>Look up</source>
        <translation>查询</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Copy results</source>
        <translation>复制结果</translation>
    </message>
    <message>
        <source>Record type:</source>
        <translation>记录类型：</translation>
    </message>
    <message>
        <source>Name server:</source>
        <translation>域名服务器：</translation>
    </message>
    <message>
        <source>system default (/etc/resolv.conf)</source>
        <translation>系统默认 (/etc/resolv.conf)</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>项目</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>值</translation>
    </message>
    <message>
        <source>History (double-click to repeat)</source>
        <translation>历史记录（双击重新查询）</translation>
    </message>
    <message>
        <source>Bytes of the addresses found, in network order</source>
        <translation>查到的地址的字节（网络字节序）</translation>
    </message>
    <message>
        <source>Lookup</source>
        <translation>查询</translation>
    </message>
    <message>
        <source>type something to look up, or pick a mode</source>
        <translation>输入要查询的内容，或选择一种模式</translation>
    </message>
    <message>
        <source>an IPv4 address: converted, then looked up by address</source>
        <translation>IPv4 地址：先转换，再按地址反查主机名</translation>
    </message>
    <message>
        <source>a legacy inet_aton form: converted to show how it is read</source>
        <translation>inet_aton 的旧式写法：转换并展示它是如何被解读的</translation>
    </message>
    <message>
        <source>an IPv6 address: converted, then looked up by address</source>
        <translation>IPv6 地址：先转换，再按地址反查主机名</translation>
    </message>
    <message>
        <source>a subnet: calculated</source>
        <translation>子网：进行计算</translation>
    </message>
    <message>
        <source>a port number: looked up in the services database</source>
        <translation>端口号：在服务数据库中查询</translation>
    </message>
    <message>
        <source>a service name: looked up in the services database</source>
        <translation>服务名：在服务数据库中查询</translation>
    </message>
    <message>
        <source>a host name: resolved to addresses</source>
        <translation>主机名：解析为地址</translation>
    </message>
    <message>
        <source>not a name, address, port or subnet</source>
        <translation>不是主机名、地址、端口或子网</translation>
    </message>
    <message>
        <source>Detected: %1</source>
        <translation>识别为：%1</translation>
    </message>
    <message>
        <source>Type a host name, an address, a port or service name, or a subnet.</source>
        <translation>请输入主机名、地址、端口或服务名，或子网。</translation>
    </message>
    <message>
        <source>'%1' is not a host name, an address, a port, a service or a subnet.</source>
        <translation>“%1”不是主机名、地址、端口、服务或子网。</translation>
    </message>
    <message>
        <source>Type a host name to resolve.</source>
        <translation>请输入要解析的主机名。</translation>
    </message>
    <message>
        <source>address %1</source>
        <translation>地址 %1</translation>
    </message>
    <message>
        <source>The name server must be an IP address, not '%1'.</source>
        <translation>域名服务器必须是 IP 地址，而不是“%1”。</translation>
    </message>
    <message>
        <source>A port number is between 0 and 65535, not %1.</source>
        <translation>端口号应在 0 到 65535 之间，而不是 %1。</translation>
    </message>
    <message>
        <source>'%1' is neither a service name nor a port number.</source>
        <translation>“%1”既不是服务名也不是端口号。</translation>
    </message>
    <message>
        <source>'%1' is not in this machine's services database (/etc/services).</source>
        <translation>“%1”不在本机的服务数据库 (/etc/services) 中。</translation>
    </message>
    <message>
        <source>inet_aton/inet_pton("%1")</source>
        <translation>inet_aton/inet_pton("%1")</translation>
    </message>
    <message>
        <source>getaddrinfo("%1")</source>
        <translation>getaddrinfo("%1")</translation>
    </message>
    <message>
        <source>DNS %1 %2</source>
        <translation>DNS %1 %2</translation>
    </message>
    <message>
        <source>Lookup cancelled</source>
        <translation>查询已取消</translation>
    </message>
    <message>
        <source>Looking up…</source>
        <translation>正在查询…</translation>
    </message>
    <message>
        <source>Results copied to the clipboard</source>
        <translation>结果已复制到剪贴板</translation>
    </message>
</context>
</TS>