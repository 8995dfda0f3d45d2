<?xml version="1.0" encoding="utf-8"?>
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
    <name>app::GuideDialog</name>
    <message>
        <source>Classroom guide</source>
        <translation>课堂指南</translation>
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
    <message>
        <source>Zoom &amp;in</source>
        <translation>放大(&amp;I)</translation>
    </message>
    <message>
        <source>Zoom &amp;out</source>
        <translation>缩小(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Reset zoom</source>
        <translation>恢复原始大小(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Presenter mode (large text for a projector)</source>
        <translation>演示模式（投影用大字）(&amp;P)</translation>
    </message>
    <message>
        <source>Go to tab: %1</source>
        <translation>转到标签页：%1</translation>
    </message>
    <message>
        <source>Quit Socketeer?</source>
        <translation>退出 Socketeer？</translation>
    </message>
    <message>
        <source>Closing the window stops all of this:</source>
        <translation>关闭窗口会停止下面这些：</translation>
    </message>
    <message>
        <source>Stop them and quit</source>
        <translation>停止它们并退出</translation>
    </message>
    <message>
        <source>Don&apos;t ask again</source>
        <translation>不再询问</translation>
    </message>
    <message>
        <source>&amp;Classroom guide</source>
        <translation>课堂指南(&amp;C)</translation>
    </message>
</context>
<context>
    <name>app::cli::Arguments</name>
    <message>
        <source>%1 is not a port: use a number from 0 (any free port) to 65535</source>
        <translation>%1 不是端口：请用 0（任意空闲端口）到 65535 之间的数</translation>
    </message>
    <message>
        <source>%1 is not a port: use a number from 1 to 65535</source>
        <translation>%1 不是端口：请用 1 到 65535 之间的数</translation>
    </message>
    <message>
        <source>%1 is not a host name or an IP address</source>
        <translation>%1 不是主机名，也不是 IP 地址</translation>
    </message>
    <message>
        <source>%1 is not an IP address (e.g. 0.0.0.0, 127.0.0.1, ::)</source>
        <translation>%1 不是 IP 地址（例如 0.0.0.0、127.0.0.1、::）</translation>
    </message>
    <message>
        <source>%1 is not HOST or HOST:PORT (write an IPv6 address with a port as [::1]:80)</source>
        <translation>%1 不是“主机”或“主机:端口”（带端口的 IPv6 地址写成 [::1]:80）</translation>
    </message>
    <message>
        <source>%1 is not a duration from %2 to %3 (e.g. 500ms, 2s, 1m)</source>
        <translation>%1 不是 %2 到 %3 之间的时长（例如 500ms、2s、1m）</translation>
    </message>
    <message>
        <source>%1 is not a size from %2 to %3 (e.g. 512, 64k, 10MiB)</source>
        <translation>%1 不是 %2 到 %3 之间的大小（例如 512、64k、10MiB）</translation>
    </message>
    <message>
        <source>%1 is not a rate: use a number per second above 0 and at most %2 (e.g. 200, 2.5, 10k)</source>
        <translation>%1 不是速率：请用大于 0、不超过 %2 的每秒个数（例如 200、2.5、10k）</translation>
    </message>
    <message>
        <source>%1 is not a whole number from %2 to %3</source>
        <translation>%1 不是 %2 到 %3 之间的整数</translation>
    </message>
</context>
<context>
    <name>app::cli::Chat</name>
    <message>
        <source>(private) %1 -&gt; %2: %3</source>
        <translation>（私聊）%1 -&gt; %2：%3</translation>
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
        <source>Speak the course&apos;s classic UDP protocol (L/C/Q).</source>
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
        <source>--quit-with takes Q or E</source>
        <translation>--quit-with 只能是 Q 或 E</translation>
    </message>
    <message>
        <source>Joined %1:%2 as %3.</source>
        <translation>已以 %3 的身份进入 %1:%2。</translation>
    </message>
</context>
<context>
    <name>app::cli::ChatServe</name>
    <message>
        <source>Run the chat room: native TCP clients (nc works) and the course&apos;s classic UDP clients share one room on the same port number. Lines typed here go to the room from 管理员.</source>
        <translation>运行聊天室服务端：原生 TCP 客户端（可用 nc）和课程的经典 UDP 客户端在同一端口号上共用一个聊天室。在这里输入的行以“管理员”身份发到聊天室。</translation>
    </message>
    <message>
        <source>TCP and UDP port (default %1; 0 picks a free one).</source>
        <translation>TCP 和 UDP 端口（默认 %1；0 表示任选一个空闲端口）。</translation>
    </message>
    <message>
        <source>Address to listen on (default: all).</source>
        <translation>监听的地址（默认：全部）。</translation>
    </message>
    <message>
        <source>Do not serve the classic UDP protocol.</source>
        <translation>不提供经典 UDP 协议。</translation>
    </message>
    <message>
        <source>cannot start the chat server: %1</source>
        <translation>无法启动聊天室服务端：%1</translation>
    </message>
    <message>
        <source>The chat room is open on %1: native clients over TCP, the course&apos;s classic clients over UDP; at most %2 clients.</source>
        <translation>聊天室已在 %1 开放：原生客户端走 TCP，课程的经典客户端走 UDP；最多 %2 个客户端。</translation>
    </message>
    <message>
        <source>The chat room is open on %1: native clients over TCP; at most %2 clients.</source>
        <translation>聊天室已在 %1 开放：原生客户端走 TCP；最多 %2 个客户端。</translation>
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
        <source>Show this help; &apos;socketeer COMMAND --help&apos; shows a command&apos;s help</source>
        <translation>显示本帮助；&apos;socketeer 命令 --help&apos; 显示某个命令的帮助</translation>
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
        <source>socketeer: unknown command &apos;%1&apos;</source>
        <translation>socketeer：未知命令“%1”</translation>
    </message>
    <message>
        <source>Try &apos;socketeer --help&apos;.</source>
        <translation>请试试 &apos;socketeer --help&apos;。</translation>
    </message>
    <message>
        <source>Join a chat room from the terminal (native TCP or the course&apos;s classic UDP)</source>
        <translation>在终端里加入聊天室（原生 TCP 或课程的经典 UDP）</translation>
    </message>
    <message>
        <source>Send an HTTP request and see the exact bytes, timing and TLS</source>
        <translation>发送 HTTP 请求，查看原始字节、计时和 TLS</translation>
    </message>
    <message>
        <source>List, download and upload files (verified, resumable)</source>
        <translation>列出、下载和上传文件（校验、可续传）</translation>
    </message>
    <message>
        <source>Send and receive UDP datagrams: broadcast, multicast, struct payloads, loss</source>
        <translation>收发 UDP 数据报：广播、组播、struct 载荷、丢包统计</translation>
    </message>
    <message>
        <source>Raw TCP: connect, send, and see every read&apos;s boundary; framings</source>
        <translation>原始 TCP：连接、发送，看清每次读取的边界；分帧</translation>
    </message>
</context>
<context>
    <name>app::cli::Files</name>
    <message>
        <source>Resumed at byte %1.</source>
        <translation>从第 %1 字节处续传。</translation>
    </message>
    <message>
        <source>verified</source>
        <translation>已校验</translation>
    </message>
    <message>
        <source>not verified (the classic protocol carries no checksum)</source>
        <translation>未校验（经典协议不带校验和）</translation>
    </message>
    <message>
        <source>No &quot;##&quot; end marker arrived: the download was ended by a quiet connection.</source>
        <translation>没有收到 &quot;##&quot; 结束标记：下载因连接静默而结束。</translation>
    </message>
    <message>
        <source>List, download and upload files on a Socketeer file server (default port %1).</source>
        <translation>列出、下载和上传 Socketeer 文件服务器上的文件（默认端口 %1）。</translation>
    </message>
    <message>
        <source>Downloads and uploads are verified with SHA-256 and resume where an interrupted one stopped.</source>
        <translation>下载和上传都用 SHA-256 校验，中断后从停下的地方续传。</translation>
    </message>
    <message>
        <source>Progress (percent, speed, time left) goes to stderr; --quiet hides it.</source>
        <translation>进度（百分比、速度、剩余时间）输出到 stderr；--quiet 可隐藏。</translation>
    </message>
    <message>
        <source>--classic 2018|2020 talks to the course&apos;s Python file servers instead (no resume, no verification).</source>
        <translation>--classic 2018|2020 改为与课程的 Python 文件服务器通信（不能续传，不校验）。</translation>
    </message>
    <message>
        <source>Exit codes: 0 done, 1 refused by the server or the local file exists, 2 usage error, 3 network, timeout, verification or disk failure.</source>
        <translation>退出码：0 完成，1 服务端拒绝或本地文件已存在，2 用法错误，3 网络、超时、校验或磁盘故障。</translation>
    </message>
    <message>
        <source>Print the listing as JSON.</source>
        <translation>以 JSON 格式输出文件列表。</translation>
    </message>
    <message>
        <source>Replace LOCAL if it exists.</source>
        <translation>如果本地文件已存在则替换。</translation>
    </message>
    <message>
        <source>No progress on stderr.</source>
        <translation>不在 stderr 上显示进度。</translation>
    </message>
    <message>
        <source>Talk to a course server: 2018 (L/G/P/Q) or 2020 (LIST/RETR/STOR/EXIT).</source>
        <translation>与课程的服务端通信：2018（L/G/P/Q）或 2020（LIST/RETR/STOR/EXIT）。</translation>
    </message>
    <message>
        <source>YEAR</source>
        <translation>年份</translation>
    </message>
    <message>
        <source>--classic takes 2018 or 2020, not &apos;%1&apos;</source>
        <translation>--classic 只接受 2018 或 2020，而不是 &apos;%1&apos;</translation>
    </message>
    <message>
        <source>%1 exists; use --overwrite to replace it</source>
        <translation>%1 已存在；使用 --overwrite 替换它</translation>
    </message>
    <message>
        <source>%1 is not a readable file</source>
        <translation>%1 不是可读的文件</translation>
    </message>
    <message>
        <source>%1 (code %2)</source>
        <translation>%1（代码 %2）</translation>
    </message>
    <message>
        <source>The file server (default port %1; [::1]:%1 for IPv6).</source>
        <translation>文件服务器（默认端口 %1；IPv6 写成 [::1]:%1）。</translation>
    </message>
    <message>
        <source>The file on the server.</source>
        <translation>服务器上的文件。</translation>
    </message>
    <message>
        <source>Where to save it (default: its name, here).</source>
        <translation>保存到哪里（默认：当前目录，同名）。</translation>
    </message>
    <message>
        <source>The file to upload.</source>
        <translation>要上传的文件。</translation>
    </message>
    <message>
        <source>Its name on the server (default: the same name).</source>
        <translation>它在服务器上的名字（默认：同名）。</translation>
    </message>
    <message>
        <source>List the server&apos;s files: socketeer files ls HOST[:PORT] [--json]</source>
        <translation>列出服务器的文件：socketeer files ls 主机[:端口] [--json]</translation>
    </message>
    <message>
        <source>Download: socketeer files get HOST[:PORT] REMOTE [LOCAL] [--overwrite]</source>
        <translation>下载：socketeer files get 主机[:端口] 远程文件 [本地文件] [--overwrite]</translation>
    </message>
    <message>
        <source>Upload: socketeer files put HOST[:PORT] LOCAL [REMOTE]</source>
        <translation>上传：socketeer files put 主机[:端口] 本地文件 [远程文件]</translation>
    </message>
    <message>
        <source>Usage: socketeer files VERB HOST[:PORT] [arguments] [options]</source>
        <translation>用法：socketeer files 动作 主机[:端口] [参数] [选项]</translation>
    </message>
    <message>
        <source>Verbs:</source>
        <translation>动作：</translation>
    </message>
    <message>
        <source>&apos;socketeer files VERB --help&apos; shows a verb&apos;s options.</source>
        <translation>“socketeer files 动作 --help”显示该动作的选项。</translation>
    </message>
</context>
<context>
    <name>app::cli::FilesProgress</name>
    <message>
        <source>%1 of %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <source>ETA %1</source>
        <translation>剩余 %1</translation>
    </message>
    <message>
        <source>%1 in %2 s (%3/s)</source>
        <translation>%1，用时 %2 秒（%3/s）</translation>
    </message>
</context>
<context>
    <name>app::cli::FilesServe</name>
    <message>
        <source>Serve one folder to file-transfer clients (socketeer-files/1, or the course&apos;s classic protocol).</source>
        <translation>把一个文件夹提供给文件传输客户端（socketeer-files/1，或课程的经典协议）。</translation>
    </message>
    <message>
        <source>Folder to share (default: %1, created on demand).</source>
        <translation>要共享的文件夹（默认：%1，需要时自动创建）。</translation>
    </message>
    <message>
        <source>DIR</source>
        <translation>目录</translation>
    </message>
    <message>
        <source>Refuse every upload.</source>
        <translation>拒绝所有上传。</translation>
    </message>
    <message>
        <source>Let uploads replace existing files (off by default).</source>
        <translation>允许上传覆盖已有文件（默认关闭）。</translation>
    </message>
    <message>
        <source>Largest upload accepted, e.g. 100M or 2G (default: no limit).</source>
        <translation>接受的最大上传大小，例如 100M 或 2G（默认：不限制）。</translation>
    </message>
    <message>
        <source>SIZE</source>
        <translation>大小</translation>
    </message>
    <message>
        <source>Speak the course&apos;s classic protocol (L/G/P/Q and LIST/RETR/STOR/EXIT).</source>
        <translation>使用课程的经典协议（L/G/P/Q 以及 LIST/RETR/STOR/EXIT）。</translation>
    </message>
    <message>
        <source>cannot create the shared folder %1</source>
        <translation>无法创建共享文件夹 %1</translation>
    </message>
    <message>
        <source>cannot serve files: %1</source>
        <translation>无法提供文件服务：%1</translation>
    </message>
    <message>
        <source>No --root given: sharing the default folder %1</source>
        <translation>未指定 --root：共享默认文件夹 %1</translation>
    </message>
    <message>
        <source>Sharing %1 on %2 with the course&apos;s classic protocol.</source>
        <translation>正在 %2 上用课程的经典协议共享 %1。</translation>
    </message>
    <message>
        <source>Sharing %1 on %2 with socketeer-files/1.</source>
        <translation>正在 %2 上用 socketeer-files/1 共享 %1。</translation>
    </message>
    <message>
        <source>Uploads are refused (read-only).</source>
        <translation>拒绝上传（只读）。</translation>
    </message>
    <message>
        <source>Uploads may replace existing files.</source>
        <translation>上传可以覆盖已有文件。</translation>
    </message>
    <message>
        <source>Most bytes unfinished uploads may claim together (default %1; 0: no bound).</source>
        <translation>未完成的上传合计最多可占用的字节数（默认 %1；0：不限制）。</translation>
    </message>
    <message>
        <source>Free space an upload must leave on the disk (default %1; 0: no check).</source>
        <translation>上传后磁盘上必须保留的空闲空间（默认 %1；0：不检查）。</translation>
    </message>
    <message>
        <source>Remove an unfinished upload nobody wrote to for this long, e.g. 12h (default %1 h; 0: keep).</source>
        <translation>未完成的上传在这段时间内无人写入就删除，例如 12h（默认 %1 小时；0：保留）。</translation>
    </message>
    <message>
        <source>DURATION</source>
        <translation>时长</translation>
    </message>
</context>
<context>
    <name>app::cli::Help</name>
    <message>
        <source>missing verb: one of %1</source>
        <translation>缺少动作：应为 %1 之一</translation>
    </message>
    <message>
        <source>unknown verb &apos;%1&apos; (expected one of %2)</source>
        <translation>未知的动作“%1”（应为 %2 之一）</translation>
    </message>
</context>
<context>
    <name>app::cli::Http</name>
    <message>
        <source>TLS: %1, cipher %2 (%3 bits)</source>
        <translation>TLS：%1，加密套件 %2（%3 位）</translation>
    </message>
    <message>
        <source>certificate %1: %2</source>
        <translation>证书 %1：%2</translation>
    </message>
    <message>
        <source>issued by %1</source>
        <translation>签发者 %1</translation>
    </message>
    <message>
        <source>valid from %1 to %2</source>
        <translation>有效期 %1 至 %2</translation>
    </message>
    <message>
        <source> (continuing: --insecure)</source>
        <translation>（继续：--insecure）</translation>
    </message>
    <message>
        <source>hop %1 of %2: %3</source>
        <translation>第 %1 跳，共 %2 跳：%3</translation>
    </message>
    <message>
        <source>reusing connection #%1 to %2 (keep-alive)</source>
        <translation>复用连接 #%1 到 %2（keep-alive）</translation>
    </message>
    <message>
        <source>connection #%1 to %2 from %3</source>
        <translation>连接 #%1 到 %2，本地 %3</translation>
    </message>
    <message>
        <source>body: %1 bytes on the wire (%2)</source>
        <translation>响应体：线上 %1 字节（%2）</translation>
    </message>
    <message>
        <source> -&gt; %1 bytes de-chunked from %2 chunk(s)</source>
        <translation> -&gt; 去掉分块后 %1 字节，共 %2 块</translation>
    </message>
    <message>
        <source> -&gt; %1 bytes after %2</source>
        <translation> -&gt; %2 解码后 %1 字节</translation>
    </message>
    <message>
        <source>the body could not be decoded: %1</source>
        <translation>响应体无法解码：%1</translation>
    </message>
    <message numerus="yes">
        <source>timing (ms since start): %1; %n read(s)</source>
        <translation>
            <numerusform>计时（从开始算起的毫秒数）：%1；读取 %n 次</numerusform>
        </translation>
    </message>
    <message>
        <source>cannot read %1: %2</source>
        <translation>无法读取 %1：%2</translation>
    </message>
    <message>
        <source>%1 requests in %2 s (%3 per second, %4 ms each), %5 connection(s), %6 bytes received, %7 failed</source>
        <translation>%1 个请求用时 %2 秒（每秒 %3 个，每个 %4 毫秒），%5 个连接，收到 %6 字节，失败 %7 个</translation>
    </message>
    <message>
        <source>Send one HTTP request and print the exact bytes both ways, the TLS details and the timing. The decoded body goes last (or to --output).</source>
        <translation>发送一个 HTTP 请求，打印双向的原始字节、TLS 详情和计时。解码后的响应体最后输出（或写入 --output）。</translation>
    </message>
    <message>
        <source>http:// or https:// URL</source>
        <translation>http:// 或 https:// 网址</translation>
    </message>
    <message>
        <source>Method (default GET, or POST with a body).</source>
        <translation>请求方法（默认 GET，带请求体时为 POST）。</translation>
    </message>
    <message>
        <source>METHOD</source>
        <translation>方法</translation>
    </message>
    <message>
        <source>Add a header &apos;Name: value&apos;; &apos;Name:&apos; removes an automatic one.</source>
        <translation>添加请求头 &apos;Name: value&apos;；&apos;Name:&apos; 删除一个自动添加的请求头。</translation>
    </message>
    <message>
        <source>HEADER</source>
        <translation>请求头</translation>
    </message>
    <message>
        <source>Request body.</source>
        <translation>请求体。</translation>
    </message>
    <message>
        <source>DATA</source>
        <translation>数据</translation>
    </message>
    <message>
        <source>Request body from a file.</source>
        <translation>从文件读取请求体。</translation>
    </message>
    <message>
        <source>FILE</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>Send this file&apos;s bytes exactly as they are (URL gives host and port).</source>
        <translation>按原样发送此文件的字节（网址只提供主机和端口）。</translation>
    </message>
    <message>
        <source>Continue despite TLS certificate errors (they are still shown).</source>
        <translation>即使 TLS 证书有错误也继续（错误仍会显示）。</translation>
    </message>
    <message>
        <source>Follow redirects, showing every hop.</source>
        <translation>跟随重定向，显示每一跳。</translation>
    </message>
    <message>
        <source>Send HTTP/1.0 instead of HTTP/1.1.</source>
        <translation>发送 HTTP/1.0 而不是 HTTP/1.1。</translation>
    </message>
    <message>
        <source>Write the decoded body to FILE.</source>
        <translation>把解码后的响应体写入 FILE。</translation>
    </message>
    <message>
        <source>Send the request N times in a row (keep-alive reused) and print only a summary.</source>
        <translation>连续发送该请求 N 次（复用 keep-alive 连接），只打印汇总。</translation>
    </message>
    <message>
        <source>N</source>
        <translation>N</translation>
    </message>
    <message>
        <source>not an http:// or https:// URL: %1</source>
        <translation>不是 http:// 或 https:// 网址：%1</translation>
    </message>
    <message>
        <source>use -d or --data-file, not both</source>
        <translation>-d 和 --data-file 只能用一个</translation>
    </message>
    <message>
        <source>invalid method &apos;%1&apos;</source>
        <translation>无效的请求方法 &apos;%1&apos;</translation>
    </message>
    <message>
        <source>a header needs &apos;Name: value&apos;: %1</source>
        <translation>请求头需要写成 &apos;Name: value&apos;：%1</translation>
    </message>
    <message>
        <source>cannot write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <source>body saved to %1 (%2 bytes)</source>
        <translation>响应体已保存到 %1（%2 字节）</translation>
    </message>
    <message>
        <source>Check a raw HTTP request file for protocol mistakes, byte by byte.</source>
        <translation>逐字节检查原始 HTTP 请求文件中的协议错误。</translation>
    </message>
    <message>
        <source>the request&apos;s exact bytes</source>
        <translation>请求的原始字节</translation>
    </message>
    <message>
        <source>Print the request with Content-Length set to the body&apos;s real size.</source>
        <translation>打印请求，并把 Content-Length 设为请求体的实际大小。</translation>
    </message>
    <message>
        <source>byte %1: %2 [%3]</source>
        <translation>第 %1 字节：%2 [%3]</translation>
    </message>
    <message>
        <source>no problems found</source>
        <translation>没有发现问题</translation>
    </message>
    <message>
        <source>The capture server is &apos;socketeer serve http&apos;.</source>
        <translation>抓包服务器是 &apos;socketeer serve http&apos;。</translation>
    </message>
    <message>
        <source>How long to wait for each response (default 30s; a bare number is seconds).</source>
        <translation>每个响应最多等多久（默认 30s；只写数字表示秒）。</translation>
    </message>
    <message>
        <source>Send one request and show the exact bytes both ways: socketeer http send URL [options]</source>
        <translation>发送一个请求，显示双向的确切字节：socketeer http send URL [选项]</translation>
    </message>
    <message>
        <source>Find protocol mistakes in a raw request: socketeer http check FILE</source>
        <translation>找出原始请求里的协议错误：socketeer http check 文件</translation>
    </message>
    <message>
        <source>Usage: socketeer http VERB [arguments] [options]</source>
        <translation>用法：socketeer http 动作 [参数] [选项]</translation>
    </message>
    <message>
        <source>Verbs:</source>
        <translation>动作：</translation>
    </message>
    <message>
        <source>&apos;socketeer http VERB --help&apos; shows a verb&apos;s options.</source>
        <translation>“socketeer http 动作 --help”显示该动作的选项。</translation>
    </message>
</context>
<context>
    <name>app::cli::HttpServe</name>
    <message>
        <source>Capture server: shows each request&apos;s exact bytes and answers it. Without --root it echoes the request back as text/plain (what the browser sent, in the browser); with --root it serves a folder like the course&apos;s httpserver v2.</source>
        <translation>抓包服务器：显示每个请求的原始字节并回应。不带 --root 时把请求原样以 text/plain 返回（在浏览器里看到浏览器发送了什么）；带 --root 时像课程的 httpserver v2 一样提供一个文件夹。</translation>
    </message>
    <message>
        <source>Serve this folder (index.html, 404, nothing outside it).</source>
        <translation>提供此文件夹（index.html、404，绝不访问文件夹之外）。</translation>
    </message>
    <message>
        <source>DIR</source>
        <translation>目录</translation>
    </message>
    <message>
        <source>Send bodies with Transfer-Encoding: chunked.</source>
        <translation>用 Transfer-Encoding: chunked 发送响应体。</translation>
    </message>
    <message>
        <source>Compress bodies with Content-Encoding: gzip.</source>
        <translation>用 Content-Encoding: gzip 压缩响应体。</translation>
    </message>
    <message>
        <source>Slow drip: send N bytes every 100 ms.</source>
        <translation>慢速滴流：每 100 毫秒发送 N 字节。</translation>
    </message>
    <message>
        <source>N</source>
        <translation>N</translation>
    </message>
    <message>
        <source>Also print each request&apos;s exact bytes.</source>
        <translation>同时打印每个请求的原始字节。</translation>
    </message>
    <message>
        <source>%1 is not a folder</source>
        <translation>%1 不是文件夹</translation>
    </message>
    <message>
        <source>The capture server listens on %1 and serves the files in %2.</source>
        <translation>抓包服务器正在 %1 上监听，提供 %2 里的文件。</translation>
    </message>
    <message>
        <source>The capture server listens on %1 and echoes every request back.</source>
        <translation>抓包服务器正在 %1 上监听，把每个请求原样回显。</translation>
    </message>
    <message>
        <source>Answer 400 to a request the HTTP rules call malformed although it can be read (the default with --root); otherwise it is answered and flagged.</source>
        <translation>对 HTTP 规则认定为格式错误、但仍能读出的请求回应 400（带 --root 时的默认行为）；否则照常回应并加上标记。</translation>
    </message>
    <message>
        <source>Answer such requests and flag them (the default without --root).</source>
        <translation>照常回应这类请求并加上标记（不带 --root 时的默认行为）。</translation>
    </message>
    <message>
        <source>With --root, also serve names starting with &quot;.&quot; (hidden by default: 404).</source>
        <translation>带 --root 时，也提供以“.”开头的文件（默认隐藏：404）。</translation>
    </message>
    <message>
        <source>--strict and --no-strict exclude each other</source>
        <translation>--strict 和 --no-strict 不能同时使用</translation>
    </message>
</context>
<context>
    <name>app::cli::Limits</name>
    <message>
        <source>Most clients at once, from every host together</source>
        <translation>同时连接的客户端最多数量（所有主机合计）</translation>
    </message>
    <message>
        <source>Most clients at once from one address; 0: no per-host bound</source>
        <translation>同一地址同时连接的最多数量；0：不按主机限制</translation>
    </message>
    <message>
        <source>Close a connection that completed no request and moved no byte for this long</source>
        <translation>连接在这段时间内没有完成任何请求、也没有传输任何字节时关闭它</translation>
    </message>
    <message>
        <source>Close a connection whose begun request is not complete within this (one byte now and then does not extend it)</source>
        <translation>已开始的请求在这段时间内没有完成时关闭连接（偶尔发一个字节不会延长期限）</translation>
    </message>
    <message>
        <source>Close a connection that has not joined or said hello within this</source>
        <translation>连接在这段时间内没有加入或打招呼时关闭它</translation>
    </message>
    <message>
        <source>Abort a connection whose pending output takes no byte for this long</source>
        <translation>待发送的数据在这段时间内一个字节也没有被取走时中止连接</translation>
    </message>
    <message>
        <source>Unsent output per connection above which its requests wait (backpressure); 0: no bound</source>
        <translation>每个连接未发送数据的上限，超过后它的请求要等待（背压）；0：不限制</translation>
    </message>
    <message>
        <source>Input buffered by all connections together; 0: no bound</source>
        <translation>所有连接合计缓存的输入数据；0：不限制</translation>
    </message>
    <message>
        <source>N</source>
        <translation>N</translation>
    </message>
    <message>
        <source>DURATION</source>
        <translation>时长</translation>
    </message>
    <message>
        <source>SIZE</source>
        <translation>大小</translation>
    </message>
    <message>
        <source>no bound</source>
        <translation>不限制</translation>
    </message>
    <message>
        <source>off</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>%1 (default %2).</source>
        <translation>%1（默认 %2）。</translation>
    </message>
    <message>
        <source>%1 (default: each server&apos;s own).</source>
        <translation>%1（默认：各服务器自己的值）。</translation>
    </message>
</context>
<context>
    <name>app::cli::Lookup</name>
    <message>
        <source>Print the result as JSON.</source>
        <translation>以 JSON 格式输出结果。</translation>
    </message>
    <message>
        <source>Show this help.</source>
        <translation>显示此帮助。</translation>
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
        <source>not a valid host name: &apos;%1&apos;</source>
        <translation>不是有效的主机名：&apos;%1&apos;</translation>
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
        <source>Ask DNS directly for records (QDnsLookup). Unlike &apos;host&apos;, this never reads /etc/hosts. The name server is asked on port 53.</source>
        <translation>直接向 DNS 查询记录（QDnsLookup）。与 &apos;host&apos; 不同，它从不读取 /etc/hosts。域名服务器使用 53 端口。</translation>
    </message>
    <message>
        <source>Record type: A, AAAA, CNAME, MX, NS, PTR, SRV or TXT (default A).</source>
        <translation>记录类型：A、AAAA、CNAME、MX、NS、PTR、SRV 或 TXT（默认 A）。</translation>
    </message>
    <message>
        <source>Ask this name server (an IP address) instead of the system&apos;s.</source>
        <translation>询问这个域名服务器（IP 地址），而不是系统配置的服务器。</translation>
    </message>
    <message>
        <source>The DNS name; for PTR an IP address is turned into its in-addr.arpa name.</source>
        <translation>DNS 名称；对于 PTR，IP 地址会转换成对应的 in-addr.arpa 名称。</translation>
    </message>
    <message>
        <source>unknown record type &apos;%1&apos;</source>
        <translation>未知的记录类型 &apos;%1&apos;</translation>
    </message>
    <message>
        <source>--server needs an IP address, not &apos;%1&apos;</source>
        <translation>--server 需要 IP 地址，而不是 &apos;%1&apos;</translation>
    </message>
    <message>
        <source>no %1 records</source>
        <translation>没有 %1 记录</translation>
    </message>
    <message>
        <source>Look a service up in the system&apos;s services database like getservbyname()/getservbyport(), and classify the port.</source>
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
        <source>not a service name or port number: &apos;%1&apos;</source>
        <translation>不是服务名也不是端口号：&apos;%1&apos;</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not in the services database</source>
        <translation>服务数据库中没有 &apos;%1&apos;</translation>
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
        <source>192.168.1.10/24, 192.168.1.10/255.255.255.0, &apos;192.168.1.10 255.255.255.0&apos; or 2001:db8::/32.</source>
        <translation>192.168.1.10/24、192.168.1.10/255.255.255.0、&apos;192.168.1.10 255.255.255.0&apos; 或 2001:db8::/32。</translation>
    </message>
    <message>
        <source>List this machine&apos;s network interfaces: name, flags, addresses, netmask, broadcast.</source>
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
        <source>this machine&apos;s network interfaces</source>
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
        <source>Every verb takes --json. &apos;socketeer lookup VERB --help&apos; shows a verb&apos;s options.</source>
        <translation>每个动作都支持 --json。&apos;socketeer lookup 动作 --help&apos; 显示该动作的选项。</translation>
    </message>
    <message>
        <source>Exit codes: 0 found, 1 nothing found, 2 usage error, 3 lookup failed (network, timeout).</source>
        <translation>退出码：0 找到，1 未找到，2 用法错误，3 查询失败（网络、超时）。</translation>
    </message>
    <message>
        <source>Give up after this long (default: 10s for host and addr, 15s for dns; a bare number is seconds).</source>
        <translation>超过这么久就放弃（默认：host 和 addr 为 10s，dns 为 15s；只写数字表示秒）。</translation>
    </message>
</context>
<context>
    <name>app::cli::Output</name>
    <message>
        <source>Try &apos;%1 --help&apos;.</source>
        <translation>请试试 &apos;%1 --help&apos;。</translation>
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
        <source>unexpected argument &apos;%1&apos;</source>
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
        <source>Servers:</source>
        <translation>服务端：</translation>
    </message>
    <message>
        <source>Starting every classroom server with its defaults (&apos;socketeer serve --help&apos; lists them).</source>
        <translation>正在以默认设置启动所有课堂服务端（&apos;socketeer serve --help&apos; 会列出它们）。</translation>
    </message>
    <message>
        <source>Chat room: native TCP and the course&apos;s classic UDP, port 8888</source>
        <translation>聊天室：原生 TCP 和课程的经典 UDP，端口 8888</translation>
    </message>
    <message>
        <source>HTTP capture server (echo, or --root DIR static files), port 8000</source>
        <translation>HTTP 抓包服务器（回显请求，或用 --root DIR 提供静态文件），端口 8000</translation>
    </message>
    <message>
        <source>File server (socketeer-files/1 or --classic), port 8880</source>
        <translation>文件服务器（socketeer-files/1 或 --classic），端口 8880</translation>
    </message>
    <message>
        <source>&apos;socketeer serve SERVER --help&apos; shows a server&apos;s options.</source>
        <translation>“socketeer serve 服务器 --help”显示该服务器的选项。</translation>
    </message>
    <message>
        <source>Without SERVER, every classroom server starts with its defaults; the limit flags below then go to every server that has them. SIGINT, SIGTERM and SIGHUP stop the servers cleanly (exit status 0).</source>
        <translation>不指定 SERVER 时，所有课堂服务器按默认设置启动；下面的限制选项会交给每个支持它的服务器。SIGINT、SIGTERM 和 SIGHUP 会让服务器正常停止（退出状态 0）。</translation>
    </message>
    <message>
        <source>Raw TCP server (echo, show, or reply), port 8007</source>
        <translation>原始 TCP 服务器（回显、只显示或回复），端口 8007</translation>
    </message>
    <message>
        <source>TCP echo server, port 8007 (the same as &apos;serve tcp&apos;)</source>
        <translation>TCP 回显服务器，端口 8007（与 &apos;serve tcp&apos; 相同）</translation>
    </message>
</context>
<context>
    <name>app::cli::Signals</name>
    <message>
        <source>The servers did not finish stopping in time; exiting anyway.</source>
        <translation>服务器没有按时停止完毕；仍然退出。</translation>
    </message>
    <message>
        <source>%1 received: stopping the servers (a second signal quits at once).</source>
        <translation>收到 %1：正在停止服务器（再收到一次信号会立即退出）。</translation>
    </message>
</context>
<context>
    <name>app::cli::Tcp</name>
    <message>
        <source>the delimiter is empty (write it after the colon: delimiter:##)</source>
        <translation>分隔符为空（写在冒号后面：delimiter:##）</translation>
    </message>
    <message>
        <source>a length prefix has 1, 2, 4 or 8 bytes (length:2, length:4le, length:2be:inclusive)</source>
        <translation>长度前缀为 1、2、4 或 8 字节（length:2、length:4le、length:2be:inclusive）</translation>
    </message>
    <message>
        <source>after the width only &apos;:inclusive&apos; may follow (the length counts its own header)</source>
        <translation>宽度之后只能跟 &apos;:inclusive&apos;（长度包含头部本身）</translation>
    </message>
    <message>
        <source>unknown framing &apos;%1&apos; (none, line, delimiter:TEXT, fixed:N, length:N[le|be][:inclusive])</source>
        <translation>未知的分帧方式 &apos;%1&apos;（none、line、delimiter:TEXT、fixed:N、length:N[le|be][:inclusive]）</translation>
    </message>
    <message>
        <source>Send this text (escapes: \n \r \t \xNN ...); repeat for several writes.</source>
        <translation>发送这段文本（转义：\n \r \t \xNN ……）；重复使用可分多次写入。</translation>
    </message>
    <message>
        <source>TEXT</source>
        <translation>文本</translation>
    </message>
    <message>
        <source>Send these bytes written in hex (&quot;de ad be ef&quot;).</source>
        <translation>发送用十六进制写出的这些字节（&quot;de ad be ef&quot;）。</translation>
    </message>
    <message>
        <source>HEX</source>
        <translation>十六进制</translation>
    </message>
    <message>
        <source>END</source>
        <translation>行尾</translation>
    </message>
    <message>
        <source>After sending, shut our sending side (FIN) and keep reading until the other side closes.</source>
        <translation>发送后关闭我方的发送方向（FIN），继续读取直到对方关闭。</translation>
    </message>
    <message>
        <source>Set TCP_NODELAY (each write leaves at once).</source>
        <translation>设置 TCP_NODELAY（每次写入立即发出）。</translation>
    </message>
    <message>
        <source>Close after this long (e.g. 2s) instead of waiting for the other side.</source>
        <translation>经过这段时间（例如 2s）后关闭，而不是等待对方。</translation>
    </message>
    <message>
        <source>DURATION</source>
        <translation>时长</translation>
    </message>
    <message>
        <source>Also re-cut what arrives into frames: none, line, delimiter:TEXT, fixed:N, length:N[le|be][:inclusive].</source>
        <translation>同时把收到的数据重新切分成帧：none、line、delimiter:TEXT、fixed:N、length:N[le|be][:inclusive]。</translation>
    </message>
    <message>
        <source>FRAMING</source>
        <translation>分帧</translation>
    </message>
    <message>
        <source>Largest frame --framing accepts (default 1M).</source>
        <translation>--framing 接受的最大帧（默认 1M）。</translation>
    </message>
    <message>
        <source>SIZE</source>
        <translation>大小</translation>
    </message>
    <message>
        <source>none, lf or crlf</source>
        <translation>none、lf 或 crlf</translation>
    </message>
    <message>
        <source>Connected: %1 -&gt; %2</source>
        <translation>已连接：%1 -&gt; %2</translation>
    </message>
    <message>
        <source>Half-closed: sent FIN, still reading.</source>
        <translation>已半关闭：已发送 FIN，仍在读取。</translation>
    </message>
    <message numerus="yes">
        <source>The other side closed the connection (%n read(s), %1 bytes).</source>
        <translation>
            <numerusform>对方关闭了连接（%n 次读取，%1 字节）。</numerusform>
        </translation>
    </message>
    <message>
        <source>Connect, send, and show every read with its size (and frames)</source>
        <translation>连接、发送，并显示每次读取及其大小（以及帧）</translation>
    </message>
    <message>
        <source>Usage: socketeer tcp VERB [options]</source>
        <translation>用法：socketeer tcp 动作 [选项]</translation>
    </message>
    <message>
        <source>Verbs:</source>
        <translation>动作：</translation>
    </message>
    <message>
        <source>&apos;socketeer tcp VERB --help&apos; shows a verb&apos;s options.</source>
        <translation>&apos;socketeer tcp 动作 --help&apos; 显示该动作的选项。</translation>
    </message>
    <message>
        <source>Listen (TCP port or Unix socket), show every read, echo or reply</source>
        <translation>监听（TCP 端口或 Unix 套接字），显示每次读取，回显或回复</translation>
    </message>
    <message>
        <source>Connect to the Unix-domain socket at this path instead.</source>
        <translation>改为连接此路径上的 Unix 域套接字。</translation>
    </message>
    <message>
        <source>PATH</source>
        <translation>路径</translation>
    </message>
    <message>
        <source>Text encoding for --send, typed lines and what arrives: utf-8 (default), gbk, gb18030 or latin1.</source>
        <translation>--send、键入的行以及收到的数据所用的文本编码：utf-8（默认）、gbk、gb18030 或 latin1。</translation>
    </message>
    <message>
        <source>NAME</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Append to every --send and typed line: none, lf or crlf (default none for --send, lf for typed lines).</source>
        <translation>附加到每个 --send 和每个键入的行之后：none、lf 或 crlf（--send 默认 none，键入的行默认 lf）。</translation>
    </message>
    <message>
        <source>Show what arrives as text, line by line.</source>
        <translation>把收到的数据作为文本逐行显示。</translation>
    </message>
    <message>
        <source>One line per read with its size (the default unless typing on standard input).</source>
        <translation>每次读取显示一行及其大小（除非从标准输入键入，否则这是默认方式）。</translation>
    </message>
    <message>
        <source>When standard input ends, keep our sending side open (no half-close).</source>
        <translation>标准输入结束时，保持我方的发送方向打开（不半关闭）。</translation>
    </message>
    <message>
        <source>End with a reset (RST, SO_LINGER 0) instead of FIN: after the sends are out, or when --wait passes.</source>
        <translation>以重置（RST，SO_LINGER 0）而不是 FIN 结束：在数据全部发出之后，或 --wait 到时。</translation>
    </message>
    <message>
        <source>Speak TLS over the connection (the certificate is checked).</source>
        <translation>在连接上使用 TLS（会校验证书）。</translation>
    </message>
    <message>
        <source>With --tls: accept certificate problems for this connection (like curl -k); they are still printed.</source>
        <translation>配合 --tls：对本连接接受证书问题（类似 curl -k）；问题仍会打印出来。</translation>
    </message>
    <message>
        <source>Print the kernel&apos;s TCP facts (TCP_INFO: state, RTT, window, queues...) on stderr when the connection ends.</source>
        <translation>连接结束时在 stderr 上打印内核的 TCP 信息（TCP_INFO：状态、RTT、窗口、队列……）。</translation>
    </message>
    <message>
        <source>Also print them every DURATION while connected (e.g. 1s).</source>
        <translation>连接期间也按这个间隔定期打印（例如 1s）。</translation>
    </message>
    <message>
        <source>not with --unix</source>
        <translation>不能与 --unix 同用</translation>
    </message>
    <message>
        <source>only with --tls</source>
        <translation>只能配合 --tls</translation>
    </message>
    <message>
        <source>not with --half-close (choose one way to end)</source>
        <translation>不能与 --half-close 同用（请选择一种结束方式）</translation>
    </message>
    <message>
        <source>unknown encoding &apos;%1&apos; (utf-8, gbk, gb18030 or latin1)</source>
        <translation>未知的编码 &apos;%1&apos;（utf-8、gbk、gb18030 或 latin1）</translation>
    </message>
    <message>
        <source>TCP facts:</source>
        <translation>TCP 信息：</translation>
    </message>
    <message>
        <source>TLS:</source>
        <translation>TLS：</translation>
    </message>
    <message>
        <source>Connected to %1</source>
        <translation>已连接到 %1</translation>
    </message>
    <message>
        <source>Reset the connection (RST).</source>
        <translation>已重置连接（RST）。</translation>
    </message>
    <message>
        <source>TCP facts (last read before the end):</source>
        <translation>TCP 信息（结束前最后一次读取）：</translation>
    </message>
    <message>
        <source>No TCP facts: %1</source>
        <translation>没有 TCP 信息：%1</translation>
    </message>
    <message>
        <source>a Unix socket has none</source>
        <translation>Unix 套接字没有这些信息</translation>
    </message>
    <message>
        <source>none were read</source>
        <translation>一次也没有读取到</translation>
    </message>
    <message>
        <source>not sent: %1</source>
        <translation>未发送：%1</translation>
    </message>
    <message>
        <source>Connects to HOST PORT (or to a Unix socket with --unix PATH), sends what you give, and prints every read as one line &apos;[read N] bytes&apos; — the boundaries TCP made, not the sender&apos;s messages. Bytes are shown as Python shows bytes (\n, \xNN), or as text with --encoding. Without --send or --hex, what you type on standard input is sent line by line (like nc; the end of input half-closes) and what arrives is printed as text. It ends when the other side closes, or after --wait.</source>
        <translation>连接到 HOST PORT（或用 --unix 路径 连接 Unix 套接字），发送你给出的内容，并把每次读取打印成一行 &apos;[read N] 字节&apos;——这是 TCP 造成的边界，而不是发送方的消息边界。字节按 Python 显示 bytes 的方式显示（\n、\xNN），或用 --encoding 显示为文本。不带 --send 或 --hex 时，你在标准输入中键入的内容会逐行发送（类似 nc；输入结束时半关闭），收到的数据以文本显示。对方关闭或 --wait 到时结束。</translation>
    </message>
    <message>
        <source>Host name or address (not with --unix).</source>
        <translation>主机名或地址（不能与 --unix 同用）。</translation>
    </message>
    <message>
        <source>TCP port (not with --unix).</source>
        <translation>TCP 端口（不能与 --unix 同用）。</translation>
    </message>
    <message>
        <source>Connect N clients at once: is the server a loop server or concurrent?</source>
        <translation>同时连接 N 个客户端：服务器是循环服务器还是并发服务器？</translation>
    </message>
</context>
<context>
    <name>app::cli::TcpListen</name>
    <message>
        <source>Listens for TCP clients (or on a Unix socket with --unix PATH, then without PORT) and prints each client&apos;s connect and close and every read as &apos;tcp: #ID PEER read N: bytes&apos; — one line per read, the boundaries TCP made. By default it only shows what arrives; --echo sends every read back, --reply TEXT answers every read. SIGINT, SIGTERM and SIGHUP stop it cleanly (exit status 0).</source>
        <translation>监听 TCP 客户端（或用 --unix 路径 在 Unix 套接字上监听，此时不带 PORT），打印每个客户端的连接和关闭，并把每次读取打印为 &apos;tcp: #ID 对端 read N: 字节&apos;——每次读取一行，这是 TCP 造成的边界。默认只显示收到的数据；--echo 把每次读到的数据发回，--reply 文本 用该文本回复每次读取。SIGINT、SIGTERM 和 SIGHUP 会让它正常停止（退出状态 0）。</translation>
    </message>
    <message>
        <source>TCP port (0 picks a free one).</source>
        <translation>TCP 端口（0 表示选一个空闲端口）。</translation>
    </message>
    <message>
        <source>not with --unix (a Unix socket has a path, no address)</source>
        <translation>不能与 --unix 同用（Unix 套接字只有路径，没有地址）</translation>
    </message>
    <message>
        <source>Listening on %1 (%2).</source>
        <translation>正在 %1 上监听（%2）。</translation>
    </message>
</context>
<context>
    <name>app::cli::TcpProbe</name>
    <message>
        <source>#</source>
        <translation>#</translation>
    </message>
    <message>
        <source>local port</source>
        <translation>本地端口</translation>
    </message>
    <message>
        <source>connect ms</source>
        <translation>连接 ms</translation>
    </message>
    <message>
        <source>first byte ms</source>
        <translation>首字节 ms</translation>
    </message>
    <message>
        <source>done ms</source>
        <translation>完成 ms</translation>
    </message>
    <message>
        <source>bytes</source>
        <translation>字节</translation>
    </message>
    <message>
        <source>outcome</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Connects N clients to HOST:PORT at the same moment; each sends a message and waits for its answer, then keeps its connection open for --hold. Prints every client&apos;s times (ms since the start) and what they say about the server: one client at a time (a loop server: the answers climb a staircase), concurrent, or a few at a time. Exit code 3 when no client got its answer (every connection refused, or none answered in time).</source>
        <translation>在同一时刻让 N 个客户端连接 HOST:PORT；每个客户端发送一条消息并等待回答，然后按 --hold 保持连接。打印每个客户端的时间（从开始算起的毫秒数），以及这些时间说明了服务器的什么：一次只服务一个客户端（循环服务器：回答呈阶梯状）、并发，或一次服务几个。没有任何客户端得到回答时（连接全部被拒绝，或都没有按时回答）退出码为 3。</translation>
    </message>
    <message>
        <source>Host name or address.</source>
        <translation>主机名或地址。</translation>
    </message>
    <message>
        <source>TCP port.</source>
        <translation>TCP 端口。</translation>
    </message>
    <message>
        <source>How many clients (1-1000, default 10).</source>
        <translation>客户端数量（1-1000，默认 10）。</translation>
    </message>
    <message>
        <source>N</source>
        <translation>N</translation>
    </message>
    <message>
        <source>What each client sends (escapes: \n \xNN ...; default &quot;hello\n&quot;; empty: nothing).</source>
        <translation>每个客户端发送的内容（转义：\n \xNN ……；默认 &quot;hello\n&quot;；为空则不发送）。</translation>
    </message>
    <message>
        <source>TEXT</source>
        <translation>文本</translation>
    </message>
    <message>
        <source>What counts as the answer: N bytes, &apos;any&apos; bytes, or &apos;close&apos; (the server closing). Default: as many bytes as sent (an echo), or any bytes when nothing is sent.</source>
        <translation>什么算作回答：N 个字节、&apos;any&apos;（任意字节）或 &apos;close&apos;（服务器关闭连接）。默认：与发送的字节数相同（回显）；不发送时为任意字节。</translation>
    </message>
    <message>
        <source>N|any|close</source>
        <translation>N|any|close</translation>
    </message>
    <message>
        <source>Give up on a client this long after the start (default 10s).</source>
        <translation>从开始算起超过这么久就放弃该客户端（默认 10s）。</translation>
    </message>
    <message>
        <source>DURATION</source>
        <translation>时长</translation>
    </message>
    <message>
        <source>Keep each connection open this long after its answer (default 50ms; a loop server cannot serve the next client meanwhile).</source>
        <translation>得到回答后让每个连接再保持这么久（默认 50ms；在此期间循环服务器无法服务下一个客户端）。</translation>
    </message>
    <message>
        <source>Print one JSON document instead of the table.</source>
        <translation>打印一个 JSON 文档，而不是表格。</translation>
    </message>
    <message>
        <source>a number of bytes, &apos;any&apos; or &apos;close&apos;</source>
        <translation>字节数、&apos;any&apos; 或 &apos;close&apos;</translation>
    </message>
    <message>
        <source>%1:%2 refused every connection: nothing listens on that port</source>
        <translation>%1:%2 拒绝了所有连接：该端口上没有程序在监听</translation>
    </message>
    <message>
        <source>no client got its answer</source>
        <translation>没有客户端得到回答</translation>
    </message>
    <message numerus="yes">
        <source>Probing %1:%2 with %n client(s)…</source>
        <translation>
            <numerusform>正在用 %n 个客户端探测 %1:%2……</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>app::cli::TcpServe</name>
    <message>
        <source>Raw TCP server: no protocol. Every read from a client is logged as one line &apos;tcp: #ID PEER read N: bytes&apos; (the boundaries TCP made). Modes: echo (default) sends every read back, show only logs, reply answers every read with --reply, or with the first --rule whose MATCH the read contains.</source>
        <translation>原始 TCP 服务器：没有协议。客户端的每次读取都记录为一行 &apos;tcp: #ID 对端 read N: 字节&apos;（TCP 造成的边界）。模式：echo（默认）把每次读到的数据发回，show 只记录，reply 用 --reply 回复每次读取，或用读取内容中包含其 MATCH 的第一条 --rule 回复。</translation>
    </message>
    <message>
        <source>TCP port (default %1; 0 picks a free one).</source>
        <translation>TCP 端口（默认 %1；0 表示选一个空闲端口）。</translation>
    </message>
    <message>
        <source>PORT</source>
        <translation>端口</translation>
    </message>
    <message>
        <source>Address to listen on (default 127.0.0.1; 0.0.0.0 for every address).</source>
        <translation>监听的地址（默认 127.0.0.1；0.0.0.0 表示所有地址）。</translation>
    </message>
    <message>
        <source>ADDR</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>MODE</source>
        <translation>模式</translation>
    </message>
    <message>
        <source>TEXT</source>
        <translation>文本</translation>
    </message>
    <message>
        <source>MATCH=REPLY</source>
        <translation>MATCH=REPLY</translation>
    </message>
    <message>
        <source>write MATCH=REPLY, MATCH not empty</source>
        <translation>请写成 MATCH=REPLY，MATCH 不能为空</translation>
    </message>
    <message>
        <source>echo, show or reply</source>
        <translation>echo、show 或 reply</translation>
    </message>
    <message>
        <source>The TCP server listens on %1 (%2).</source>
        <translation>TCP 服务器正在 %1 上监听（%2）。</translation>
    </message>
    <message>
        <source>echo, show or reply (the same as --echo, --show, or --reply/--rule).</source>
        <translation>echo、show 或 reply（等同于 --echo、--show 或 --reply/--rule）。</translation>
    </message>
    <message>
        <source>Send every read back.</source>
        <translation>把每次读到的数据发回。</translation>
    </message>
    <message>
        <source>Only log what arrives; send nothing.</source>
        <translation>只记录收到的数据，不发送任何内容。</translation>
    </message>
    <message>
        <source>Answer every read with this text (escapes: \n \xNN ...).</source>
        <translation>用这段文本回复每次读取（转义：\n \xNN ……）。</translation>
    </message>
    <message>
        <source>Listen on a Unix-domain socket at this path instead of a TCP port (a stale socket file nobody answers on is replaced; the file is removed on exit).</source>
        <translation>在此路径的 Unix 域套接字上监听，而不是在 TCP 端口上（无人应答的残留套接字文件会被替换；退出时删除该文件）。</translation>
    </message>
    <message>
        <source>PATH</source>
        <translation>路径</translation>
    </message>
    <message>
        <source>reply needs --reply TEXT or --rule MATCH=REPLY, and they need reply</source>
        <translation>reply 模式需要 --reply 文本 或 --rule MATCH=REPLY，而这两个选项也需要 reply 模式</translation>
    </message>
    <message>
        <source>choose one of --echo, --show, --reply TEXT or --rule MATCH=REPLY</source>
        <translation>请在 --echo、--show、--reply 文本 和 --rule MATCH=REPLY 中选择一个</translation>
    </message>
    <message>
        <source>give either --reply TEXT or --rule MATCH=REPLY, not both</source>
        <translation>只能给出 --reply 文本 或 --rule MATCH=REPLY 其中之一，不能同时给出</translation>
    </message>
    <message>
        <source>Removed the stale socket file %1 (nobody answered on it).</source>
        <translation>已删除残留的套接字文件 %1（没有程序在上面应答）。</translation>
    </message>
    <message>
        <source>The TCP server listens on the Unix socket %1 (%2).</source>
        <translation>TCP 服务器正在 Unix 套接字 %1 上监听（%2）。</translation>
    </message>
    <message>
        <source>A read containing MATCH is answered with REPLY (escapes allowed; the first matching rule wins; repeat). /PATTERN/=REPLY: a read matching the regular expression PATTERN.</source>
        <translation>包含 MATCH 的一次读取用 REPLY 回答（可用转义；第一条匹配的规则生效；可重复）。/PATTERN/=REPLY：匹配正则表达式 PATTERN 的一次读取。</translation>
    </message>
    <message>
        <source>write /PATTERN/=REPLY, PATTERN not empty</source>
        <translation>请写成 /PATTERN/=REPLY，PATTERN 不能为空</translation>
    </message>
</context>
<context>
    <name>app::cli::Udp</name>
    <message>
        <source>Usage: socketeer udp VERB [options]</source>
        <translation>用法：socketeer udp 子命令 [选项]</translation>
    </message>
    <message>
        <source>Verbs:</source>
        <translation>子命令：</translation>
    </message>
    <message>
        <source>Send datagrams: unicast, broadcast, multicast; text, hex, file or struct payloads</source>
        <translation>发送数据报：单播、广播、组播；文本、十六进制、文件或 struct 载荷</translation>
    </message>
    <message>
        <source>Receive datagrams on a port; join multicast groups; count loss of sequenced traffic</source>
        <translation>在端口上接收数据报；加入组播组；统计带序号流量的丢包</translation>
    </message>
    <message>
        <source>&apos;socketeer udp VERB --help&apos; shows a verb&apos;s options.</source>
        <translation>“socketeer udp 子命令 --help”显示该子命令的选项。</translation>
    </message>
    <message>
        <source>Set SO_BROADCAST even if HOST does not look like a broadcast address.</source>
        <translation>即使 HOST 看起来不是广播地址也设置 SO_BROADCAST。</translation>
    </message>
    <message>
        <source>Time to live: IP_MULTICAST_TTL for groups, IP_TTL otherwise.</source>
        <translation>生存时间：组播时为 IP_MULTICAST_TTL，否则为 IP_TTL。</translation>
    </message>
    <message>
        <source>Send multicast out of this interface (IP_MULTICAST_IF).</source>
        <translation>从此接口发出组播（IP_MULTICAST_IF）。</translation>
    </message>
    <message>
        <source>Send from this local address.</source>
        <translation>从此本地地址发送。</translation>
    </message>
    <message>
        <source>Send from this local port.</source>
        <translation>从此本地端口发送。</translation>
    </message>
    <message>
        <source>The payload arguments are hex digits (&quot;de ad be ef&quot;).</source>
        <translation>载荷参数是十六进制数字（&quot;de ad be ef&quot;）。</translation>
    </message>
    <message>
        <source>Pack the VALUE arguments with this Python struct format.</source>
        <translation>用此 Python struct 格式打包 VALUE 参数。</translation>
    </message>
    <message>
        <source>Send the contents of FILE (at most 65507 bytes).</source>
        <translation>发送 FILE 的内容（最多 65507 字节）。</translation>
    </message>
    <message>
        <source>Send N datagrams (default 1; 0 = until interrupted).</source>
        <translation>发送 N 个数据报（默认 1；0 = 直到中断）。</translation>
    </message>
    <message>
        <source>Prefix each datagram with a sequence number and send time (for loss counting).</source>
        <translation>在每个数据报前加上序号和发送时间（用于统计丢包）。</translation>
    </message>
    <message>
        <source>With --sequenced: make every datagram N bytes (header + payload, padded).</source>
        <translation>配合 --sequenced：每个数据报为 N 字节（头部 + 载荷，不足补零）。</translation>
    </message>
    <message>
        <source>Print only errors.</source>
        <translation>只打印错误。</translation>
    </message>
    <message>
        <source>use only one of --hex, --struct and --file</source>
        <translation>--hex、--struct 和 --file 只能用一个</translation>
    </message>
    <message>
        <source>unexpected argument &apos;%1&apos; (the payload comes from --file)</source>
        <translation>多余的参数“%1”（载荷来自 --file）</translation>
    </message>
    <message>
        <source>--struct: %1 (at character %2)</source>
        <translation>--struct：%1（第 %2 个字符）</translation>
    </message>
    <message>
        <source>%1 (at character %2)</source>
        <translation>%1（第 %2 个字符）</translation>
    </message>
    <message>
        <source>use either --interval or --rate</source>
        <translation>--interval 和 --rate 只能用一个</translation>
    </message>
    <message>
        <source>Destination address or host name.</source>
        <translation>目标地址或主机名。</translation>
    </message>
    <message>
        <source>Destination port.</source>
        <translation>目标端口。</translation>
    </message>
    <message>
        <source>The payload (see above).</source>
        <translation>载荷（见上文）。</translation>
    </message>
    <message>
        <source>missing HOST and PORT</source>
        <translation>缺少 HOST 和 PORT</translation>
    </message>
    <message>
        <source>sending to %1 (%2) from port %3</source>
        <translation>正在从端口 %3 发送到 %1（%2）</translation>
    </message>
    <message>
        <source>socket options: %1</source>
        <translation>套接字选项：%1</translation>
    </message>
    <message numerus="yes">
        <source>payload (%n byte(s)):</source>
        <translation>
            <numerusform>载荷（%n 字节）：</numerusform>
        </translation>
    </message>
    <message>
        <source>sent %1 datagram(s), %2 bytes, in %3 s: %4 datagrams/s</source>
        <translation>已发送 %1 个数据报，%2 字节，用时 %3 秒：%4 个数据报/秒</translation>
    </message>
    <message>
        <source>Listen on this local address (default 0.0.0.0; :: for IPv6).</source>
        <translation>在此本地地址上监听（默认 0.0.0.0；IPv6 用 ::）。</translation>
    </message>
    <message>
        <source>Join this multicast group (repeatable).</source>
        <translation>加入此组播组（可重复）。</translation>
    </message>
    <message>
        <source>Join the groups on this interface.</source>
        <translation>在此接口上加入组播组。</translation>
    </message>
    <message>
        <source>Answer every datagram with TEXT (escapes allowed).</source>
        <translation>用 TEXT 回复每个数据报（可用转义）。</translation>
    </message>
    <message>
        <source>Stop after N datagrams (exit 1 if the timeout comes first).</source>
        <translation>收到 N 个数据报后停止（若先超时则退出码为 1）。</translation>
    </message>
    <message>
        <source>Do not print each datagram.</source>
        <translation>不逐个打印数据报。</translation>
    </message>
    <message>
        <source>Do not print each datagram; print counters and loss at the end.</source>
        <translation>不逐个打印数据报；结束时打印计数和丢包。</translation>
    </message>
    <message numerus="yes">
        <source>%n byte(s)</source>
        <translation>
            <numerusform>%n 字节</numerusform>
        </translation>
    </message>
    <message>
        <source>seq %1</source>
        <translation>序号 %1</translation>
    </message>
    <message>
        <source>datagrams</source>
        <translation>数据报</translation>
    </message>
    <message>
        <source>bytes</source>
        <translation>字节</translation>
    </message>
    <message>
        <source>seconds</source>
        <translation>秒</translation>
    </message>
    <message>
        <source>rate (datagrams/s)</source>
        <translation>速率（数据报/秒）</translation>
    </message>
    <message>
        <source>replies</source>
        <translation>回复</translation>
    </message>
    <message>
        <source>sequenced</source>
        <translation>带序号</translation>
    </message>
    <message>
        <source>expected</source>
        <translation>应收</translation>
    </message>
    <message>
        <source>lost</source>
        <translation>丢失</translation>
    </message>
    <message>
        <source>out of order</source>
        <translation>乱序</translation>
    </message>
    <message>
        <source>duplicates</source>
        <translation>重复</translation>
    </message>
    <message>
        <source>jitter (ms)</source>
        <translation>抖动（毫秒）</translation>
    </message>
    <message>
        <source>Receive datagrams on PORT (0 = any free port; the bound port is printed first). Several listeners may share a port (SO_REUSEADDR).</source>
        <translation>在 PORT 上接收数据报（0 = 任意空闲端口；首先打印实际绑定的端口）。多个监听者可以共享一个端口（SO_REUSEADDR）。</translation>
    </message>
    <message>
        <source>Local port.</source>
        <translation>本地端口。</translation>
    </message>
    <message>
        <source>%1 is not a multicast group address</source>
        <translation>%1 不是组播组地址</translation>
    </message>
    <message>
        <source>timed out after %1 of %2 datagrams</source>
        <translation>超时：只收到 %2 个数据报中的 %1 个</translation>
    </message>
    <message>
        <source>Send datagrams to HOST:PORT. HOST may be an address, a host name, a broadcast address (255.255.255.255 or &apos;&lt;broadcast&gt;&apos;, or a subnet&apos;s x.x.x.255) or a multicast group. The payload is the TEXT argument (escapes %1), or --hex, --file, or --struct FORMAT with one VALUE argument per value (Python struct syntax, e.g. --struct &apos;!i8sf&apos; 7 zhangsan 1.75; negative values need no --: --struct &apos;&lt;hq&apos; -2 -9000000000).</source>
        <translation>向 主机:端口 发送数据报。主机可以是地址、主机名、广播地址（255.255.255.255 或 &apos;&lt;broadcast&gt;&apos;，或子网的 x.x.x.255）或组播组。数据是 TEXT 参数（转义 %1），或 --hex、--file，或 --struct 格式 加上每个值一个 VALUE 参数（Python struct 语法，例如 --struct &apos;!i8sf&apos; 7 zhangsan 1.75；负数不需要 --：--struct &apos;&lt;hq&apos; -2 -9000000000）。</translation>
    </message>
    <message>
        <source>Wait this long between datagrams (e.g. 20ms, 0.5s; a bare number is milliseconds).</source>
        <translation>两个数据报之间等这么久（例如 20ms、0.5s；只写数字表示毫秒）。</translation>
    </message>
    <message>
        <source>Send PPS datagrams per second (e.g. 200, 10k).</source>
        <translation>每秒发送 PPS 个数据报（例如 200、10k）。</translation>
    </message>
    <message>
        <source>Stop after this long (e.g. 500ms, 30s, 5m; a bare number is seconds).</source>
        <translation>这么久之后停止（例如 500ms、30s、5m；只写数字表示秒）。</translation>
    </message>
    <message>
        <source>Receiving datagrams on %1.</source>
        <translation>正在 %1 上接收数据报。</translation>
    </message>
    <message>
        <source>sources</source>
        <translation>来源数</translation>
    </message>
    <message>
        <source>expected (sum of sources)</source>
        <translation>应收（各来源之和）</translation>
    </message>
    <message>
        <source>lost (sum of sources)</source>
        <translation>丢失（各来源之和）</translation>
    </message>
    <message>
        <source>out of order (sum of sources)</source>
        <translation>乱序（各来源之和）</translation>
    </message>
    <message>
        <source>duplicates (sum of sources)</source>
        <translation>重复（各来源之和）</translation>
    </message>
    <message>
        <source>jitter (ms, worst source)</source>
        <translation>抖动（毫秒，最差的来源）</translation>
    </message>
    <message>
        <source>Per source:</source>
        <translation>各来源：</translation>
    </message>
    <message>
        <source>received %1  expected %2  lost %3  out of order %4  duplicates %5  jitter %6 ms</source>
        <translation>已收 %1  应收 %2  丢失 %3  乱序 %4  重复 %5  抖动 %6 毫秒</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>No display found (DISPLAY and WAYLAND_DISPLAY are not set): starting the headless classroom servers instead.</source>
        <translation>未找到显示器（DISPLAY 和 WAYLAND_DISPLAY 均未设置）：改为启动无界面的课堂服务端。</translation>
    </message>
    <message>
        <source>Run &apos;socketeer --help&apos; for the command line.</source>
        <translation>运行 &apos;socketeer --help&apos; 查看命令行用法。</translation>
    </message>
</context>
<context>
    <name>presentation::chat::ChatText</name>
    <message>
        <source>the server sent a line this client cannot read (malformed); it was ignored</source>
        <translation>服务器发来一行本客户端看不懂的内容（格式不对），已忽略</translation>
    </message>
    <message>
        <source>the server sent a line that is not UTF-8; it was ignored</source>
        <translation>服务器发来一行不是 UTF-8 的内容，已忽略</translation>
    </message>
    <message>
        <source>the server sent an unknown command; it was ignored</source>
        <translation>服务器发来一个未知命令，已忽略</translation>
    </message>
    <message>
        <source>the server sent a line with an invalid name; it was ignored</source>
        <translation>服务器发来一行带无效用户名的内容，已忽略</translation>
    </message>
    <message>
        <source>the server sent a line this client cannot read (%1); it was ignored</source>
        <translation>服务器发来一行本客户端看不懂的内容（%1），已忽略</translation>
    </message>
    <message>
        <source>sending classic UDP datagrams to %1</source>
        <translation>正在向 %1 发送经典 UDP 数据报</translation>
    </message>
    <message>
        <source>the server sent a line longer than %1 bytes; it was dropped</source>
        <translation>服务器发来一行超过 %1 字节的内容，已丢弃</translation>
    </message>
    <message>
        <source>closing the connection once the queued lines are out</source>
        <translation>排队的行发完后关闭连接</translation>
    </message>
    <message>
        <source>closed the connection at once</source>
        <translation>立即关闭了连接</translation>
    </message>
    <message>
        <source>an empty datagram: ignored</source>
        <translation>空数据报：已忽略</translation>
    </message>
    <message>
        <source>a datagram that is not UTF-8: ignored</source>
        <translation>不是 UTF-8 的数据报：已忽略</translation>
    </message>
    <message>
        <source>a datagram that is not L, C, Q or E: ignored</source>
        <translation>不是 L、C、Q 或 E 的数据报：已忽略</translation>
    </message>
    <message>
        <source>a datagram without a name: ignored</source>
        <translation>没有用户名的数据报：已忽略</translation>
    </message>
    <message>
        <source>a datagram longer than %1 bytes: ignored</source>
        <translation>超过 %1 字节的数据报：已忽略</translation>
    </message>
    <message>
        <source>a chat datagram from an address that has not logged in: ignored</source>
        <translation>来自未登录地址的聊天数据报：已忽略</translation>
    </message>
    <message>
        <source>a quit datagram from an address that has not logged in: ignored</source>
        <translation>来自未登录地址的退出数据报：已忽略</translation>
    </message>
    <message>
        <source>No error.</source>
        <translation>没有错误。</translation>
    </message>
    <message>
        <source>That name cannot be used: a name has 1 to 32 characters, no spaces, and may not contain 管理员.</source>
        <translation>不能使用这个用户名：用户名为 1 到 32 个字符，不含空格，也不能含“管理员”。</translation>
    </message>
    <message>
        <source>Someone in the room already has that name, %1. Choose another name and connect again.</source>
        <translation>聊天室里已经有人叫 %1 了。请换个用户名再连接。</translation>
    </message>
    <message>
        <source>Someone in the room already has that name. Choose another name and connect again.</source>
        <translation>聊天室里已经有人用这个用户名了。请换个用户名再连接。</translation>
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
        <source>Nobody is listening at %1. Is the server running, and are the port and the mode right?</source>
        <translation>%1 上没有程序在监听。服务端在运行吗？端口和模式对吗？</translation>
    </message>
    <message>
        <source>The server %1 could not be found. Check the host name&apos;s spelling.</source>
        <translation>找不到服务器 %1。请检查主机名的拼写。</translation>
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
        <source>The connection to the server was lost. Connect again to rejoin.</source>
        <translation>与服务器的连接断了。重新连接即可回到聊天室。</translation>
    </message>
    <message>
        <source>Network error: %1</source>
        <translation>网络错误：%1</translation>
    </message>
    <message>
        <source>Unknown chat error %1.</source>
        <translation>未知的聊天错误 %1。</translation>
    </message>
    <message>
        <source>%1 is already in use. Choose another port (0 picks a free one).</source>
        <translation>%1 已被占用。请换一个端口（0 表示任选一个空闲端口）。</translation>
    </message>
    <message>
        <source>The UDP port of %1 is taken (the classic protocol uses the TCP port&apos;s number). Choose another port, or leave the classic protocol off.</source>
        <translation>%1 的 UDP 端口已被占用（经典协议使用与 TCP 相同的端口号）。请换一个端口，或者不启用经典协议。</translation>
    </message>
    <message>
        <source>Not allowed to listen on %1: ports below 1024 need administrator rights. Choose a higher port.</source>
        <translation>不允许在 %1 上监听：1024 以下的端口需要管理员权限。请选一个更大的端口。</translation>
    </message>
    <message>
        <source>Cannot listen on %1: that address is not one of this computer&apos;s.</source>
        <translation>无法在 %1 上监听：这不是本机的地址。</translation>
    </message>
    <message>
        <source>Cannot listen on %1: %2</source>
        <translation>无法在 %1 上监听：%2</translation>
    </message>
    <message>
        <source>Unknown chat server error %1.</source>
        <translation>未知的聊天服务端错误 %1。</translation>
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
    <message>
        <source>Sent.</source>
        <translation>已发送。</translation>
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
        <source>reason %1</source>
        <translation>原因 %1</translation>
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
        <source>refused: %1 clients from this address already</source>
        <translation>已拒绝：来自该地址的客户端已有 %1 个</translation>
    </message>
</context>
<context>
    <name>presentation::common::ErrnoText</name>
    <message>
        <source>operation not permitted</source>
        <translation>不允许的操作</translation>
    </message>
    <message>
        <source>no such file or folder</source>
        <translation>没有这个文件或文件夹</translation>
    </message>
    <message>
        <source>interrupted by a signal</source>
        <translation>被信号中断</translation>
    </message>
    <message>
        <source>input/output error (the disk or device failed)</source>
        <translation>输入/输出错误（磁盘或设备故障）</translation>
    </message>
    <message>
        <source>bad file descriptor</source>
        <translation>无效的文件描述符</translation>
    </message>
    <message>
        <source>temporarily unavailable, try again</source>
        <translation>暂时不可用，请重试</translation>
    </message>
    <message>
        <source>out of memory</source>
        <translation>内存不足</translation>
    </message>
    <message>
        <source>permission denied</source>
        <translation>权限不足</translation>
    </message>
    <message>
        <source>already exists</source>
        <translation>已存在</translation>
    </message>
    <message>
        <source>cannot move across file systems</source>
        <translation>不能跨文件系统移动</translation>
    </message>
    <message>
        <source>not a folder</source>
        <translation>不是文件夹</translation>
    </message>
    <message>
        <source>is a folder</source>
        <translation>是一个文件夹</translation>
    </message>
    <message>
        <source>invalid argument</source>
        <translation>无效的参数</translation>
    </message>
    <message>
        <source>the system has too many open files</source>
        <translation>系统打开的文件太多</translation>
    </message>
    <message>
        <source>this program has too many open files</source>
        <translation>本程序打开的文件太多</translation>
    </message>
    <message>
        <source>file too large (a size limit such as ulimit -f)</source>
        <translation>文件太大（超出 ulimit -f 等大小限制）</translation>
    </message>
    <message>
        <source>no space left on the disk</source>
        <translation>磁盘空间已满</translation>
    </message>
    <message>
        <source>the file system is read-only</source>
        <translation>文件系统是只读的</translation>
    </message>
    <message>
        <source>the other side closed the connection (broken pipe)</source>
        <translation>对方已关闭连接（管道破裂）</translation>
    </message>
    <message>
        <source>file name too long</source>
        <translation>文件名太长</translation>
    </message>
    <message>
        <source>too many levels of symbolic links</source>
        <translation>符号链接层数过多</translation>
    </message>
    <message>
        <source>folder not empty</source>
        <translation>文件夹不是空的</translation>
    </message>
    <message>
        <source>disk quota exceeded</source>
        <translation>超出磁盘配额</translation>
    </message>
    <message>
        <source>not a socket</source>
        <translation>不是套接字</translation>
    </message>
    <message>
        <source>message too long</source>
        <translation>消息太长</translation>
    </message>
    <message>
        <source>address already in use (another program has this port)</source>
        <translation>地址已被占用（另一个程序在使用这个端口）</translation>
    </message>
    <message>
        <source>this computer has no such address</source>
        <translation>本机没有这个地址</translation>
    </message>
    <message>
        <source>the network is down</source>
        <translation>网络已断开</translation>
    </message>
    <message>
        <source>network unreachable</source>
        <translation>网络不可达</translation>
    </message>
    <message>
        <source>connection aborted</source>
        <translation>连接被中止</translation>
    </message>
    <message>
        <source>connection reset by the other side</source>
        <translation>连接被对方重置</translation>
    </message>
    <message>
        <source>no buffer space available</source>
        <translation>没有可用的缓冲区空间</translation>
    </message>
    <message>
        <source>not connected</source>
        <translation>未连接</translation>
    </message>
    <message>
        <source>timed out</source>
        <translation>超时</translation>
    </message>
    <message>
        <source>connection refused (nothing listens on that port)</source>
        <translation>连接被拒绝（那个端口上没有程序在监听）</translation>
    </message>
    <message>
        <source>the host is down</source>
        <translation>主机已关闭</translation>
    </message>
    <message>
        <source>no route to the host</source>
        <translation>没有到达主机的路由</translation>
    </message>
</context>
<context>
    <name>presentation::common::EscapesText</name>
    <message>
        <source>a backslash at the end needs a character after it (write \\ for a backslash)</source>
        <translation>末尾的反斜杠后面需要一个字符（反斜杠本身请写 \\）</translation>
    </message>
    <message>
        <source>\x needs two hex digits, as in \x0a</source>
        <translation>\x 需要两位十六进制数字，例如 \x0a</translation>
    </message>
    <message>
        <source>unknown escape \%1 (known: %2)</source>
        <translation>未知的转义 \%1（支持：%2）</translation>
    </message>
    <message>
        <source>invalid escape</source>
        <translation>无效的转义</translation>
    </message>
</context>
<context>
    <name>presentation::common::EventText</name>
    <message>
        <source>event %1 (%2)</source>
        <translation>事件 %1（%2）</translation>
    </message>
    <message>
        <source>connecting to %1…</source>
        <translation>正在连接 %1…</translation>
    </message>
    <message>
        <source>connected</source>
        <translation>已连接</translation>
    </message>
    <message>
        <source>closed the connection</source>
        <translation>已关闭连接</translation>
    </message>
    <message>
        <source>the other side closed the connection</source>
        <translation>对方关闭了连接</translation>
    </message>
    <message>
        <source>connection failed: %1</source>
        <translation>连接失败：%1</translation>
    </message>
    <message>
        <source>listening on %1</source>
        <translation>正在监听 %1</translation>
    </message>
    <message>
        <source>stopped listening</source>
        <translation>已停止监听</translation>
    </message>
    <message>
        <source>client #%1 connected</source>
        <translation>客户端 #%1 已连接</translation>
    </message>
    <message>
        <source>client #%1 disconnected</source>
        <translation>客户端 #%1 已断开</translation>
    </message>
    <message>
        <source>refused a client: the limit of %1 clients is reached</source>
        <translation>拒绝了一个客户端：已达到 %1 个客户端的上限</translation>
    </message>
    <message>
        <source>nothing moved for %1 s: closed</source>
        <translation>%1 秒内没有任何数据往来：已关闭</translation>
    </message>
    <message>
        <source>sending failed: %1</source>
        <translation>发送失败：%1</translation>
    </message>
</context>
<context>
    <name>presentation::common::LimitsText</name>
    <message>
        <source>connected but did not join in time</source>
        <translation>已连接但未在限定时间内加入</translation>
    </message>
    <message>
        <source>a request was begun but not completed in time</source>
        <translation>请求已开始但未在限定时间内完成</translation>
    </message>
    <message>
        <source>idle for too long</source>
        <translation>空闲时间过长</translation>
    </message>
    <message>
        <source>did not read what the server sent</source>
        <translation>未读取服务器发送的数据</translation>
    </message>
    <message>
        <source>the transfer was slower than the minimum rate</source>
        <translation>传输速率低于最低速率</translation>
    </message>
    <message>
        <source>a time limit passed</source>
        <translation>已超过时间限制</translation>
    </message>
    <message>
        <source>the name is fine</source>
        <translation>名字有效</translation>
    </message>
    <message>
        <source>the name is empty</source>
        <translation>名字为空</translation>
    </message>
    <message>
        <source>the name contains a control character (%1)</source>
        <translation>名字含有控制字符（%1）</translation>
    </message>
    <message>
        <source>the name contains an invisible character (%1)</source>
        <translation>名字含有不可见字符（%1）</translation>
    </message>
    <message>
        <source>the name contains a text-direction control (%1)</source>
        <translation>名字含有文字方向控制字符（%1）</translation>
    </message>
    <message>
        <source>the name contains a code point that is not a character (%1)</source>
        <translation>名字含有不是字符的码位（%1）</translation>
    </message>
    <message>
        <source>the name is not allowed</source>
        <translation>名字不被允许</translation>
    </message>
</context>
<context>
    <name>presentation::files::FilesText</name>
    <message>
        <source>%1: “%2”</source>
        <translation>%1：“%2”</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>the server</source>
        <translation>服务器</translation>
    </message>
    <message>
        <source>the server did not understand the request</source>
        <translation>服务器看不懂这个请求</translation>
    </message>
    <message>
        <source>the server does not allow this</source>
        <translation>服务器不允许这样做</translation>
    </message>
    <message>
        <source>the server has no such file: %1</source>
        <translation>服务器上没有这个文件：%1</translation>
    </message>
    <message>
        <source>%1 already exists on the server and overwriting is off</source>
        <translation>服务器上已有 %1，且不允许覆盖</translation>
    </message>
    <message>
        <source>the file is larger than the server accepts</source>
        <translation>文件比服务器接受的上限还大</translation>
    </message>
    <message>
        <source>the server&apos;s file is shorter than the part already downloaded</source>
        <translation>服务器上的文件比已下载的部分还短</translation>
    </message>
    <message>
        <source>verification failed: the SHA-256 of %1 does not match, nothing was kept</source>
        <translation>校验失败：%1 的 SHA-256 不一致，什么也没有保留</translation>
    </message>
    <message>
        <source>another client is uploading %1 right now; try again later</source>
        <translation>另一个客户端正在上传 %1，请稍后再试</translation>
    </message>
    <message>
        <source>the server could not read its files</source>
        <translation>服务器读不了自己的文件</translation>
    </message>
    <message>
        <source>the server has too many clients; try again later</source>
        <translation>服务器的客户端太多，请稍后再试</translation>
    </message>
    <message>
        <source>the file could not be written on the server (is the disk full?)</source>
        <translation>服务器写不进这个文件（磁盘满了吗？）</translation>
    </message>
    <message>
        <source>the server refused: “%1”</source>
        <translation>服务器拒绝了：“%1”</translation>
    </message>
    <message>
        <source>no error</source>
        <translation>没有错误</translation>
    </message>
    <message>
        <source>cannot connect to %1</source>
        <translation>无法连接 %1</translation>
    </message>
    <message>
        <source>the connection to %1 was lost; try again to resume</source>
        <translation>与 %1 的连接断了；再试一次即可续传</translation>
    </message>
    <message>
        <source>%1 did not answer in time</source>
        <translation>%1 没有及时回答</translation>
    </message>
    <message>
        <source>%1 does not speak socketeer-files/1 (for a course server choose a classic protocol)</source>
        <translation>%1 不讲 socketeer-files/1（课程的服务器请选经典协议）</translation>
    </message>
    <message>
        <source>the other side sent a control line longer than %1 bytes</source>
        <translation>对方发来的控制行超过了 %1 字节</translation>
    </message>
    <message>
        <source>cannot open %1</source>
        <translation>无法打开 %1</translation>
    </message>
    <message>
        <source>cannot read %1 (did it change meanwhile?)</source>
        <translation>无法读取 %1（它在此期间被改动了吗？）</translation>
    </message>
    <message>
        <source>cannot write %1</source>
        <translation>无法写入 %1</translation>
    </message>
    <message>
        <source>cannot move the finished download into place as %1</source>
        <translation>无法把下载完的文件放到 %1</translation>
    </message>
    <message>
        <source>the server is read-only: uploads are refused</source>
        <translation>服务器是只读的：拒绝上传</translation>
    </message>
    <message>
        <source>the name %1 is not allowed in the shared folder</source>
        <translation>共享文件夹里不允许用 %1 这个名字</translation>
    </message>
    <message>
        <source>the client left before %1 was complete</source>
        <translation>客户端在 %1 传完之前就离开了</translation>
    </message>
    <message>
        <source>the shared folder %1 does not exist or is not a folder</source>
        <translation>共享文件夹 %1 不存在或不是文件夹</translation>
    </message>
    <message>
        <source>cannot listen on %1</source>
        <translation>无法在 %1 上监听</translation>
    </message>
    <message>
        <source>error %1</source>
        <translation>错误 %1</translation>
    </message>
    <message>
        <source>error: %1</source>
        <translation>错误：%1</translation>
    </message>
    <message>
        <source>stopped by the user (the partial file is kept)</source>
        <translation>已被用户停止（保留了未完成的部分）</translation>
    </message>
    <message>
        <source>connected (the classic servers send no greeting)</source>
        <translation>已连接（经典服务器不发问候语）</translation>
    </message>
    <message>
        <source>the remote file is shorter than the partial download: starting over</source>
        <translation>远程文件比已下载的部分还短：从头开始</translation>
    </message>
    <message>
        <source>the resumed download did not verify: downloading the whole file again</source>
        <translation>续传的下载没有通过校验：重新下载整个文件</translation>
    </message>
    <message>
        <source>the resumed upload did not verify: uploading the whole file again</source>
        <translation>续传的上传没有通过校验：重新上传整个文件</translation>
    </message>
    <message>
        <source>hashing the %1 bytes already here</source>
        <translation>正在计算本地已有的 %1 字节的哈希</translation>
    </message>
    <message>
        <source>resuming the download at byte %1</source>
        <translation>从第 %1 字节续传下载</translation>
    </message>
    <message>
        <source>resuming the upload at byte %1</source>
        <translation>从第 %1 字节续传上传</translation>
    </message>
    <message>
        <source>receiving %1 bytes of file data</source>
        <translation>正在接收 %1 字节的文件数据</translation>
    </message>
    <message>
        <source>received %1 bytes of file data</source>
        <translation>已接收 %1 字节的文件数据</translation>
    </message>
    <message>
        <source>sending %1 bytes of file data</source>
        <translation>正在发送 %1 字节的文件数据</translation>
    </message>
    <message>
        <source>sent %1 bytes of file data</source>
        <translation>已发送 %1 字节的文件数据</translation>
    </message>
    <message>
        <source>sending %1 bytes of file data (from byte %2)</source>
        <translation>正在发送 %1 字节的文件数据（从第 %2 字节起）</translation>
    </message>
    <message>
        <source>SHA-256 verified: %1</source>
        <translation>SHA-256 校验通过：%1</translation>
    </message>
    <message>
        <source>SHA-256 verified by the server: %1</source>
        <translation>服务器校验 SHA-256 通过：%1</translation>
    </message>
    <message>
        <source>unexpected data from the server (%1 bytes)</source>
        <translation>服务器发来了意外的数据（%1 字节）</translation>
    </message>
    <message>
        <source>the status “%1” and data arrived in one read (sticky packets)</source>
        <translation>状态“%1”和数据在一次读取中一起到达（粘包）</translation>
    </message>
    <message>
        <source>the server answered “%1”: an empty file list</source>
        <translation>服务器回答“%1”：文件列表是空的</translation>
    </message>
    <message>
        <source>sending %1 bytes of file data, then a pause and “##”</source>
        <translation>正在发送 %1 字节的文件数据，然后停顿一下再发“##”</translation>
    </message>
    <message>
        <source>received %1 bytes, ended by “##”</source>
        <translation>已接收 %1 字节，以“##”结束</translation>
    </message>
    <message>
        <source>received %1 bytes, ended by %2 ms of quiet (no “##” seen)</source>
        <translation>已接收 %1 字节，以 %2 毫秒的安静结束（没有看到“##”）</translation>
    </message>
    <message>
        <source>sent %1 bytes and “##” (a classic server sends no confirmation)</source>
        <translation>已发送 %1 字节和“##”（经典服务器不发确认）</translation>
    </message>
    <message>
        <source>listening on %1, sharing %2</source>
        <translation>正在 %1 上监听，共享 %2</translation>
    </message>
    <message>
        <source>the client said goodbye</source>
        <translation>客户端道别了</translation>
    </message>
    <message>
        <source>ignored an unknown request (the course&apos;s servers do the same)</source>
        <translation>忽略了一个未知的请求（课程的服务器也是这样做的）</translation>
    </message>
    <message>
        <source>refused “%1”: %2</source>
        <translation>拒绝了“%1”：%2</translation>
    </message>
    <message>
        <source>a control line passed %1 bytes: closed</source>
        <translation>控制行超过了 %1 字节：已关闭</translation>
    </message>
    <message>
        <source>cannot read the rest of %1: closed</source>
        <translation>无法读取 %1 的其余部分：已关闭</translation>
    </message>
    <message>
        <source>the upload passed the limit of %1 bytes: closed</source>
        <translation>上传超过了 %1 字节的上限：已关闭</translation>
    </message>
    <message>
        <source>no complete request within %1 ms of connecting: closed</source>
        <translation>连接后 %1 毫秒内没有完整的请求：已关闭</translation>
    </message>
    <message>
        <source>a request was not complete within %1 ms: closed</source>
        <translation>请求在 %1 毫秒内没有完成：已关闭</translation>
    </message>
    <message>
        <source>idle for %1 ms: closed</source>
        <translation>空闲了 %1 毫秒：已关闭</translation>
    </message>
    <message>
        <source>the client took none of the pending output for %1 ms: closed</source>
        <translation>客户端在 %1 毫秒内没有取走任何待发送的数据：已关闭</translation>
    </message>
    <message>
        <source>the transfer was slower than the minimum rate over %1 ms: closed</source>
        <translation>传输在 %1 毫秒内低于最低速率：已关闭</translation>
    </message>
    <message>
        <source>a deadline passed: closed</source>
        <translation>超过了期限：已关闭</translation>
    </message>
    <message>
        <source>refused a connection: its address already has %1 connections</source>
        <translation>拒绝了一个连接：该地址已有 %1 个连接</translation>
    </message>
    <message numerus="yes">
        <source>removed %n unfinished upload(s) nobody resumed in time</source>
        <translation>
            <numerusform>删除了 %n 个无人及时续传的未完成上传</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>presentation::http::HttpExplain</name>
    <message>
        <source>1xx informational: the final answer is still to come</source>
        <translation>1xx 信息：最终响应还在后面</translation>
    </message>
    <message>
        <source>2xx success</source>
        <translation>2xx 成功</translation>
    </message>
    <message>
        <source>3xx redirect: the answer is somewhere else</source>
        <translation>3xx 重定向：响应在别处</translation>
    </message>
    <message>
        <source>4xx client error: the request was wrong</source>
        <translation>4xx 客户端错误：请求有误</translation>
    </message>
    <message>
        <source>5xx server error: the server failed</source>
        <translation>5xx 服务端错误：服务器出错</translation>
    </message>
    <message>
        <source>not a valid status code (100-599)</source>
        <translation>不是有效的响应码（100-599）</translation>
    </message>
    <message>
        <source>Continue: send the request body now.</source>
        <translation>Continue：现在发送请求体。</translation>
    </message>
    <message>
        <source>Switching Protocols: the connection now speaks another protocol.</source>
        <translation>Switching Protocols：连接改用另一种协议。</translation>
    </message>
    <message>
        <source>OK: the request worked; the body is the answer.</source>
        <translation>OK：请求成功；响应体就是答案。</translation>
    </message>
    <message>
        <source>Created: a new resource was made.</source>
        <translation>Created：创建了一个新资源。</translation>
    </message>
    <message>
        <source>No Content: it worked and there is deliberately no body.</source>
        <translation>No Content：成功，并且故意没有响应体。</translation>
    </message>
    <message>
        <source>Partial Content: only the requested range is in the body.</source>
        <translation>Partial Content：响应体中只有请求的那一部分。</translation>
    </message>
    <message>
        <source>Moved Permanently: use the Location header from now on.</source>
        <translation>Moved Permanently：今后请使用 Location 头中的地址。</translation>
    </message>
    <message>
        <source>Found: the answer is at the Location header for now.</source>
        <translation>Found：答案暂时在 Location 头指向的地址。</translation>
    </message>
    <message>
        <source>See Other: fetch the Location header with GET.</source>
        <translation>See Other：用 GET 获取 Location 头中的地址。</translation>
    </message>
    <message>
        <source>Not Modified: your cached copy is still good; no body follows.</source>
        <translation>Not Modified：你缓存的副本仍然有效；没有响应体。</translation>
    </message>
    <message>
        <source>Temporary Redirect: repeat the same request at Location.</source>
        <translation>Temporary Redirect：在 Location 处重复同样的请求。</translation>
    </message>
    <message>
        <source>Permanent Redirect: repeat the same request at Location, from now on.</source>
        <translation>Permanent Redirect：今后在 Location 处重复同样的请求。</translation>
    </message>
    <message>
        <source>Bad Request: the server could not parse the request.</source>
        <translation>Bad Request：服务器无法解析该请求。</translation>
    </message>
    <message>
        <source>Unauthorized: credentials are needed (see WWW-Authenticate).</source>
        <translation>Unauthorized：需要凭据（见 WWW-Authenticate）。</translation>
    </message>
    <message>
        <source>Forbidden: the server understood and refuses.</source>
        <translation>Forbidden：服务器理解了请求，但拒绝执行。</translation>
    </message>
    <message>
        <source>Not Found: the server has nothing at this path.</source>
        <translation>Not Found：服务器在此路径下什么也没有。</translation>
    </message>
    <message>
        <source>Method Not Allowed: this path does not accept this method.</source>
        <translation>Method Not Allowed：此路径不接受该请求方法。</translation>
    </message>
    <message>
        <source>Length Required: send a Content-Length header.</source>
        <translation>Length Required：请发送 Content-Length 请求头。</translation>
    </message>
    <message>
        <source>Content Too Large: the body is larger than the server accepts.</source>
        <translation>Content Too Large：请求体超过了服务器接受的大小。</translation>
    </message>
    <message>
        <source>Request Header Fields Too Large: the request head is too big.</source>
        <translation>Request Header Fields Too Large：请求头太大。</translation>
    </message>
    <message>
        <source>Internal Server Error: the server&apos;s program failed.</source>
        <translation>Internal Server Error：服务器的程序出错了。</translation>
    </message>
    <message>
        <source>Not Implemented: the server does not support this method.</source>
        <translation>Not Implemented：服务器不支持该请求方法。</translation>
    </message>
    <message>
        <source>Bad Gateway: a proxy got a bad answer from the next server.</source>
        <translation>Bad Gateway：代理从下一台服务器得到了错误的响应。</translation>
    </message>
    <message>
        <source>Service Unavailable: the server is overloaded or down for now.</source>
        <translation>Service Unavailable：服务器暂时过载或停机。</translation>
    </message>
    <message>
        <source>Gateway Timeout: a proxy waited too long for the next server.</source>
        <translation>Gateway Timeout：代理等待下一台服务器太久。</translation>
    </message>
    <message>
        <source>The URL is not usable: it must start with http:// or https:// and name a host.</source>
        <translation>网址不可用：必须以 http:// 或 https:// 开头并包含主机名。</translation>
    </message>
    <message>
        <source>The host name could not be resolved (%1). Check the spelling, or try its IP address.</source>
        <translation>无法解析主机名（%1）。请检查拼写，或改用 IP 地址。</translation>
    </message>
    <message>
        <source>Could not connect (%1). Is a server listening on that host and port?</source>
        <translation>无法连接（%1）。该主机和端口上有服务器在监听吗？</translation>
    </message>
    <message>
        <source>The server&apos;s certificate did not verify, so nothing was sent. Read the TLS errors; continue despite them only if you trust this server (for example your own test server).</source>
        <translation>服务器的证书未通过验证，因此没有发送任何内容。请阅读 TLS 错误；只有在信任该服务器时（例如你自己的测试服务器）才选择忽略错误继续。</translation>
    </message>
    <message>
        <source>The TLS handshake failed (%1). Is the server really speaking TLS on this port?</source>
        <translation>TLS 握手失败（%1）。该端口上的服务器真的在使用 TLS 吗？</translation>
    </message>
    <message>
        <source>No complete response within the timeout (%1). The server may be slow, or waiting for more request bytes (check Content-Length).</source>
        <translation>在超时时间（%1）内没有收到完整的响应。服务器可能很慢，或在等待更多请求字节（检查 Content-Length）。</translation>
    </message>
    <message numerus="yes">
        <source>The server closed the connection after %n byte(s), before the response was complete.</source>
        <translation>
            <numerusform>服务器在收到 %n 字节后关闭了连接，响应并不完整。</numerusform>
        </translation>
    </message>
    <message>
        <source>The response breaks the HTTP rules at byte %1: %2</source>
        <translation>响应在第 %1 字节处违反了 HTTP 规则：%2</translation>
    </message>
    <message>
        <source>The response head is larger than the limit (%1 bytes): stopped reading.</source>
        <translation>响应头超过了上限（%1 字节）：已停止读取。</translation>
    </message>
    <message>
        <source>The response body is larger than the limit: stopped reading.</source>
        <translation>响应体超过了上限：已停止读取。</translation>
    </message>
    <message>
        <source>Stopped after %1 redirects: the server keeps sending you elsewhere.</source>
        <translation>重定向 %1 次后停止：服务器一直把你指向别处。</translation>
    </message>
    <message>
        <source>Sending the request failed (%1).</source>
        <translation>发送请求失败（%1）。</translation>
    </message>
    <message>
        <source>Stopped.</source>
        <translation>已停止。</translation>
    </message>
    <message>
        <source>The certificate is self-signed: nobody vouches for it but the server itself.</source>
        <translation>证书是自签名的：除了服务器自己，没有人为它担保。</translation>
    </message>
    <message>
        <source>The chain ends in a self-signed certificate that this computer does not trust.</source>
        <translation>证书链以一个本机不信任的自签名证书结尾。</translation>
    </message>
    <message>
        <source>The certificate has expired.</source>
        <translation>证书已过期。</translation>
    </message>
    <message>
        <source>The certificate is not valid yet (check the clocks).</source>
        <translation>证书尚未生效（请检查时钟）。</translation>
    </message>
    <message>
        <source>The certificate is for another name than the host in the URL.</source>
        <translation>证书针对的名称与网址中的主机不同。</translation>
    </message>
    <message>
        <source>The certificate&apos;s issuer is unknown here (a missing intermediate, or a private CA).</source>
        <translation>此处不认识证书的签发者（缺少中间证书，或是私有 CA）。</translation>
    </message>
    <message>
        <source>The certificate is not trusted for this purpose.</source>
        <translation>证书不被信任用于此用途。</translation>
    </message>
    <message>
        <source>The certificate was revoked.</source>
        <translation>证书已被吊销。</translation>
    </message>
    <message>
        <source>The request is empty.</source>
        <translation>请求为空。</translation>
    </message>
    <message>
        <source>Line ends with LF only; HTTP needs CR LF.</source>
        <translation>行尾只有 LF；HTTP 要求 CR LF。</translation>
    </message>
    <message>
        <source>A CR that is not followed by LF.</source>
        <translation>CR 后面没有跟着 LF。</translation>
    </message>
    <message>
        <source>The head never ends: an empty line (CR LF CR LF) must follow the last header.</source>
        <translation>请求头没有结束：最后一个请求头之后必须有一个空行（CR LF CR LF）。</translation>
    </message>
    <message>
        <source>The request line must be METHOD, space, target, space, version: &quot;GET / HTTP/1.1&quot;.</source>
        <translation>请求行必须是 方法、空格、目标、空格、版本：&quot;GET / HTTP/1.1&quot;。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a valid method name.</source>
        <translation>“%1”不是有效的请求方法名。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a standard method; many servers will answer 405 or 501.</source>
        <translation>“%1”不是标准请求方法；许多服务器会回应 405 或 501。</translation>
    </message>
    <message>
        <source>The target must start with &quot;/&quot; (or be a full http:// URL).</source>
        <translation>目标必须以 &quot;/&quot; 开头（或是完整的 http:// 网址）。</translation>
    </message>
    <message>
        <source>The version must be HTTP/1.1 or HTTP/1.0.</source>
        <translation>版本必须是 HTTP/1.1 或 HTTP/1.0。</translation>
    </message>
    <message>
        <source>A header line without a colon.</source>
        <translation>一行请求头没有冒号。</translation>
    </message>
    <message>
        <source>No space is allowed between a header name and its colon.</source>
        <translation>请求头名称和冒号之间不允许有空格。</translation>
    </message>
    <message>
        <source>The header name holds a character that is not allowed.</source>
        <translation>请求头名称中含有不允许的字符。</translation>
    </message>
    <message>
        <source>A line starting with a space continues the previous header (obsolete, refused).</source>
        <translation>以空格开头的行是上一个请求头的续行（已废弃，会被拒绝）。</translation>
    </message>
    <message>
        <source>HTTP/1.1 requires a Host header.</source>
        <translation>HTTP/1.1 要求有 Host 请求头。</translation>
    </message>
    <message>
        <source>More than one Host header.</source>
        <translation>Host 请求头不止一个。</translation>
    </message>
    <message>
        <source>Content-Length must be a decimal number.</source>
        <translation>Content-Length 必须是十进制数。</translation>
    </message>
    <message>
        <source>Content-Length says %1 bytes but the body has %2: the server will wait for more or read too little.</source>
        <translation>Content-Length 写的是 %1 字节，但请求体有 %2 字节：服务器会等待更多数据或读得太少。</translation>
    </message>
    <message>
        <source>There is a body but no Content-Length: the server will ignore it (or wait).</source>
        <translation>有请求体但没有 Content-Length：服务器会忽略它（或一直等待）。</translation>
    </message>
    <message>
        <source>Both Content-Length and Transfer-Encoding: a request smuggling risk.</source>
        <translation>同时有 Content-Length 和 Transfer-Encoding：有请求走私的风险。</translation>
    </message>
    <message>
        <source>llhttp (the parser Node.js uses) refuses this byte: %1</source>
        <translation>llhttp（Node.js 使用的解析器）拒绝这个字节：%1</translation>
    </message>
    <message>
        <source>Malformed at byte %1: %2</source>
        <translation>第 %1 字节处格式错误：%2</translation>
    </message>
    <message>
        <source>The request head is too large (answered 431).</source>
        <translation>请求头太大（已回应 431）。</translation>
    </message>
    <message>
        <source>The request body is too large (answered 413).</source>
        <translation>请求体太大（已回应 413）。</translation>
    </message>
    <message>
        <source>The client closed the connection before the request ended.</source>
        <translation>客户端在请求结束之前关闭了连接。</translation>
    </message>
    <message>
        <source>GET: fetch the resource; no body.</source>
        <translation>GET：获取资源；没有请求体。</translation>
    </message>
    <message>
        <source>POST: send data (a form, JSON) to be processed.</source>
        <translation>POST：发送数据（表单、JSON）供服务器处理。</translation>
    </message>
    <message>
        <source>HEAD: like GET but only the head comes back, no body.</source>
        <translation>HEAD：与 GET 相同，但只返回响应头，没有响应体。</translation>
    </message>
    <message>
        <source>PUT: store the body at this path (replace it).</source>
        <translation>PUT：把请求体存到此路径（替换原有内容）。</translation>
    </message>
    <message>
        <source>DELETE: remove the resource at this path.</source>
        <translation>DELETE：删除此路径上的资源。</translation>
    </message>
    <message>
        <source>CONNECT: ask a proxy to open a tunnel to host:port.</source>
        <translation>CONNECT：请代理打开一条到 host:port 的隧道。</translation>
    </message>
    <message>
        <source>TRACE: the server echoes the request it received (often disabled).</source>
        <translation>TRACE：服务器回显它收到的请求（常被禁用）。</translation>
    </message>
    <message>
        <source>OPTIONS: ask which methods the server allows.</source>
        <translation>OPTIONS：询问服务器允许哪些请求方法。</translation>
    </message>
    <message>
        <source>A custom method: the server decides what it means.</source>
        <translation>自定义请求方法：含义由服务器决定。</translation>
    </message>
    <message>
        <source>DNS lookup</source>
        <translation>DNS 查询</translation>
    </message>
    <message>
        <source>TCP connect</source>
        <translation>TCP 连接</translation>
    </message>
    <message>
        <source>TLS handshake</source>
        <translation>TLS 握手</translation>
    </message>
    <message>
        <source>request sent</source>
        <translation>请求已发送</translation>
    </message>
    <message>
        <source>first byte</source>
        <translation>首字节</translation>
    </message>
    <message>
        <source>read</source>
        <translation>读取</translation>
    </message>
    <message>
        <source>done</source>
        <translation>完成</translation>
    </message>
    <message>
        <source>no body</source>
        <translation>无响应体</translation>
    </message>
    <message>
        <source>Content-Length</source>
        <translation>Content-Length</translation>
    </message>
    <message>
        <source>chunked</source>
        <translation>分块</translation>
    </message>
    <message>
        <source>until the server closed</source>
        <translation>直到服务器关闭连接</translation>
    </message>
    <message>
        <source>Byte %1 (%2): %3</source>
        <translation>第 %1 字节（%2）：%3</translation>
    </message>
</context>
<context>
    <name>presentation::http::HttpText</name>
    <message>
        <source>resolving %1…</source>
        <translation>正在解析 %1…</translation>
    </message>
    <message>
        <source>%1 resolved to %2</source>
        <translation>%1 解析为 %2</translation>
    </message>
    <message>
        <source>connection #%1 open</source>
        <translation>连接 #%1 已打开</translation>
    </message>
    <message>
        <source>reusing connection #%1 to %2 (keep-alive)</source>
        <translation>复用到 %2 的连接 #%1（keep-alive）</translation>
    </message>
    <message>
        <source>TLS handshake with %1</source>
        <translation>与 %1 进行 TLS 握手</translation>
    </message>
    <message>
        <source>TLS verification errors ignored as asked: %1</source>
        <translation>按要求忽略了 TLS 校验错误：%1</translation>
    </message>
    <message>
        <source>TLS established: %1, %2</source>
        <translation>TLS 已建立：%1，%2</translation>
    </message>
    <message>
        <source>%1 unexpected bytes on an idle connection</source>
        <translation>空闲连接上出现了 %1 个意外的字节</translation>
    </message>
    <message>
        <source>the server closed connection #%1</source>
        <translation>服务器关闭了连接 #%1</translation>
    </message>
    <message>
        <source>the server had closed connection #%1 while it was idle: sending again on a new connection</source>
        <translation>服务器在连接 #%1 空闲时已关闭它：在新连接上重新发送</translation>
    </message>
    <message>
        <source>response %1 complete: %2 bytes on the wire</source>
        <translation>响应 %1 已完整：线路上 %2 字节</translation>
    </message>
    <message>
        <source>following %1 to %2</source>
        <translation>按 %1 跳转到 %2</translation>
    </message>
    <message>
        <source>exchange failed: %1</source>
        <translation>请求失败：%1</translation>
    </message>
    <message>
        <source>no error</source>
        <translation>没有错误</translation>
    </message>
    <message>
        <source>The server closed the connection before the response was complete.</source>
        <translation>响应还没收完，服务器就关闭了连接。</translation>
    </message>
    <message>
        <source>The response breaks the HTTP rules: %1</source>
        <translation>响应违反了 HTTP 规则：%1</translation>
    </message>
    <message>
        <source>The response head is larger than the limit: stopped reading.</source>
        <translation>响应头超过了上限：停止读取。</translation>
    </message>
    <message>
        <source>unknown error %1 (%2)</source>
        <translation>未知错误 %1（%2）</translation>
    </message>
    <message>
        <source>Cannot listen on %1: another program is using this port. Try another one, or 0 (any free port).</source>
        <translation>无法在 %1 上监听：另一个程序正在使用这个端口。换一个，或用 0（任意空闲端口）。</translation>
    </message>
    <message>
        <source>Cannot listen on %1: permission denied (ports below 1024 need administrator rights). Try a port above 1024.</source>
        <translation>无法在 %1 上监听：权限不足（1024 以下的端口需要管理员权限）。请用 1024 以上的端口。</translation>
    </message>
    <message>
        <source>Cannot listen on %1: the address is not one of this computer&apos;s. Try 127.0.0.1 or 0.0.0.0.</source>
        <translation>无法在 %1 上监听：这不是本机的地址。试试 127.0.0.1 或 0.0.0.0。</translation>
    </message>
    <message>
        <source>Cannot listen on %1 (%2).</source>
        <translation>无法在 %1 上监听（%2）。</translation>
    </message>
    <message>
        <source>refused a connection from %1: it already has %2 connections open (429)</source>
        <translation>拒绝了来自 %1 的连接：它已经打开了 %2 个连接（429）</translation>
    </message>
    <message>
        <source>a request was not complete %1 ms after its first byte: answered 408 and closed</source>
        <translation>请求在第一个字节到达 %1 毫秒后仍未完成：已回应 408 并关闭</translation>
    </message>
    <message>
        <source>the client took none of the response for %1 ms: connection aborted</source>
        <translation>客户端在 %1 毫秒内没有取走任何响应数据：连接已中止</translation>
    </message>
</context>
<context>
    <name>presentation::lookup::HandoutText</name>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>Only this computer can connect (%1).</source>
        <translation>只有本机可以连接（%1）。</translation>
    </message>
    <message>
        <source>This computer has no network address students can reach (only 127.0.0.1:%1).</source>
        <translation>本机没有学生可以访问的网络地址（只有 127.0.0.1:%1）。</translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message numerus="yes">
        <source> (and %n more)</source>
        <translation>
            <numerusform>（另有 %n 个）</numerusform>
        </translation>
    </message>
    <message>
        <source>Students connect to: %1</source>
        <translation>学生请连接：%1</translation>
    </message>
    <message>
        <source>Only this computer can send to it (%1, UDP).</source>
        <translation>只有本机可以向它发送（%1，UDP）。</translation>
    </message>
    <message>
        <source>Students send to: %1 (UDP)</source>
        <translation>学生请发送到：%1（UDP）</translation>
    </message>
</context>
<context>
    <name>presentation::lookup::Lookup</name>
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
        <source>&quot;this network&quot; (0.0.0.0/8)</source>
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
        <source>Python&apos;s &apos;&lt;broadcast&gt;&apos;: every host on this link; routers never forward it.</source>
        <translation>即 Python 的 &apos;&lt;broadcast&gt;&apos;：本链路上的所有主机；路由器从不转发。</translation>
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
        <source>the zone after &apos;%&apos; is empty or malformed</source>
        <translation>&apos;%&apos; 之后的区域为空或格式错误</translation>
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
        <source>the mask&apos;s one bits are not contiguous</source>
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
        <source>getaddrinfo (like gethostbyname) asks /etc/hosts first: this name is listed there, so DNS was not needed. &apos;socketeer lookup dns&apos; would not see it.</source>
        <translation>getaddrinfo（与 gethostbyname 一样）先查 /etc/hosts：这个名称在其中列出，所以不需要 DNS。&apos;socketeer lookup dns&apos; 看不到它。</translation>
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
        <source>inside this machine&apos;s ephemeral range: clients&apos; outgoing ports come from here</source>
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
        <source>&apos;%1&apos; (inet_aton stops at whitespace)</source>
        <translation>&apos;%1&apos;（inet_aton 遇到空白就停止）</translation>
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
    <name>presentation::lookup::LookupText</name>
    <message>
        <source>the address %1 as bytes</source>
        <translation>地址 %1 的字节</translation>
    </message>
    <message>
        <source>what inet_aton/inet_pton(&quot;%1&quot;) read</source>
        <translation>inet_aton/inet_pton(&quot;%1&quot;) 读出的内容</translation>
    </message>
    <message>
        <source>the addresses getaddrinfo(&quot;%1&quot;) answered</source>
        <translation>getaddrinfo(&quot;%1&quot;) 返回的地址</translation>
    </message>
    <message>
        <source>the addresses of the DNS %1 answer for %2</source>
        <translation>DNS 对 %2 的 %1 回答中的地址</translation>
    </message>
</context>
<context>
    <name>presentation::tcp::TcpText</name>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>half-closed: sent FIN (shutdown write), still reading</source>
        <translation>已半关闭：已发送 FIN（shutdown 写方向），仍在读取</translation>
    </message>
    <message>
        <source>aborted: sent RST (SO_LINGER 0)</source>
        <translation>已中止：已发送 RST（SO_LINGER 0）</translation>
    </message>
    <message>
        <source>TCP_NODELAY on: every write goes out at once</source>
        <translation>TCP_NODELAY 开：每次写入立即发出</translation>
    </message>
    <message>
        <source>TCP_NODELAY off: small writes may be merged (Nagle)</source>
        <translation>TCP_NODELAY 关：小的写入可能被合并（Nagle 算法）</translation>
    </message>
    <message>
        <source>refused a client: %1 already has %2 connections</source>
        <translation>拒绝了一个客户端：%1 已有 %2 个连接</translation>
    </message>
    <message>
        <source>closed client #%1: %2</source>
        <translation>已关闭客户端 #%1：%2</translation>
    </message>
    <message>
        <source>client #%1 does not read its replies (%2 bytes waiting): stopped reading from it</source>
        <translation>客户端 #%1 不读取回复（%2 字节等待中）：暂停从它读取</translation>
    </message>
    <message numerus="yes">
        <source>closed %n client(s)</source>
        <translation>
            <numerusform>关闭了 %n 个客户端</numerusform>
        </translation>
    </message>
    <message>
        <source>cannot resolve %1; check the name</source>
        <translation>无法解析 %1；请检查名字</translation>
    </message>
    <message>
        <source>%1 refused the connection: nothing listens on that port</source>
        <translation>%1 拒绝了连接：该端口上没有程序在监听</translation>
    </message>
    <message>
        <source>connecting to %1 timed out: a firewall may drop the packets</source>
        <translation>连接 %1 超时：可能是防火墙丢弃了数据包</translation>
    </message>
    <message>
        <source>the connection to %1 failed</source>
        <translation>到 %1 的连接失败</translation>
    </message>
    <message>
        <source>not connected (or the sending side is already closed)</source>
        <translation>未连接（或发送方向已经关闭）</translation>
    </message>
    <message>
        <source>the system refused %1</source>
        <translation>系统拒绝了 %1</translation>
    </message>
    <message>
        <source>the connection failed</source>
        <translation>连接失败</translation>
    </message>
    <message>
        <source>cannot listen on %1</source>
        <translation>无法在 %1 上监听</translation>
    </message>
    <message>
        <source>the server failed</source>
        <translation>服务器出错</translation>
    </message>
    <message>
        <source>the rest is an incomplete frame</source>
        <translation>剩下的是一个不完整的帧</translation>
    </message>
    <message>
        <source>the rest cannot be framed: a length smaller than its own header</source>
        <translation>剩下的无法分帧：长度小于其头部本身</translation>
    </message>
    <message>
        <source>the rest cannot be framed: a frame larger than %1 bytes</source>
        <translation>剩下的无法分帧：帧大于 %1 字节</translation>
    </message>
    <message>
        <source>TLS established: %1, %2</source>
        <translation>TLS 已建立：%1，%2</translation>
    </message>
    <message>
        <source>certificate problems accepted for this connection (insecure): %1</source>
        <translation>已对本连接接受证书问题（不安全）：%1</translation>
    </message>
    <message>
        <source>removed %1: a socket file nobody answered on (left by a server that stopped)</source>
        <translation>已删除 %1：无人应答的套接字文件（由已停止的服务器遗留）</translation>
    </message>
    <message>
        <source>%1 does not exist: no server has created its socket there (check the path)</source>
        <translation>%1 不存在：没有服务器在那里创建套接字（请检查路径）</translation>
    </message>
    <message>
        <source>%1 is not a socket (a file or a folder): give the path the server listens on</source>
        <translation>%1 不是套接字（是文件或文件夹）：请给出服务器监听的路径</translation>
    </message>
    <message>
        <source>no permission to connect to %1 (the socket file or its folder)</source>
        <translation>没有权限连接 %1（套接字文件或其所在文件夹）</translation>
    </message>
    <message>
        <source>%1 refused the connection: nothing listens on that socket (a file left by a server that stopped?)</source>
        <translation>%1 拒绝了连接：该套接字上没有程序在监听（可能是已停止的服务器遗留的文件？）</translation>
    </message>
    <message>
        <source>the certificate of %1 is not trusted (--insecure accepts it for this connection)</source>
        <translation>%1 的证书不受信任（--insecure 可对本连接接受它）</translation>
    </message>
    <message>
        <source>the TLS handshake with %1 failed: does the other side speak TLS?</source>
        <translation>与 %1 的 TLS 握手失败：对方使用的是 TLS 吗？</translation>
    </message>
    <message>
        <source>cannot listen on %1: another server answers on that socket</source>
        <translation>无法在 %1 上监听：另一个服务器正在该套接字上应答</translation>
    </message>
    <message>
        <source>cannot listen on %1: the path exists and is not a socket (left alone; choose another path)</source>
        <translation>无法在 %1 上监听：该路径已存在且不是套接字（未做改动；请换一个路径）</translation>
    </message>
    <message>
        <source>cannot listen on %1: no permission</source>
        <translation>无法在 %1 上监听：没有权限</translation>
    </message>
    <message>
        <source>cannot listen on %1: its folder does not exist</source>
        <translation>无法在 %1 上监听：所在文件夹不存在</translation>
    </message>
    <message>
        <source>cannot listen on %1: a Unix socket path holds at most 107 bytes</source>
        <translation>无法在 %1 上监听：Unix 套接字路径最多 107 字节</translation>
    </message>
    <message>
        <source>ESTABLISHED (both sides may send)</source>
        <translation>ESTABLISHED（双方都可以发送）</translation>
    </message>
    <message>
        <source>SYN-SENT (our SYN is out, waiting for SYN+ACK)</source>
        <translation>SYN-SENT（我方 SYN 已发出，等待 SYN+ACK）</translation>
    </message>
    <message>
        <source>SYN-RECEIVED (the handshake&apos;s last ACK is awaited)</source>
        <translation>SYN-RECEIVED（等待握手的最后一个 ACK）</translation>
    </message>
    <message>
        <source>FIN-WAIT-1 (we sent FIN, not yet acknowledged)</source>
        <translation>FIN-WAIT-1（我方已发送 FIN，尚未被确认）</translation>
    </message>
    <message>
        <source>FIN-WAIT-2 (our FIN acknowledged; the peer may still send)</source>
        <translation>FIN-WAIT-2（我方 FIN 已被确认；对方仍可发送）</translation>
    </message>
    <message>
        <source>TIME-WAIT (both FINs done; waiting out late segments)</source>
        <translation>TIME-WAIT（双方的 FIN 均已完成；等待迟到的报文段过期）</translation>
    </message>
    <message>
        <source>CLOSED</source>
        <translation>CLOSED</translation>
    </message>
    <message>
        <source>CLOSE-WAIT (the peer sent FIN; we may still send)</source>
        <translation>CLOSE-WAIT（对方已发送 FIN；我方仍可发送）</translation>
    </message>
    <message>
        <source>LAST-ACK (we sent our FIN after the peer&apos;s; waiting for its ACK)</source>
        <translation>LAST-ACK（我方在对方之后发送了 FIN；等待对方的 ACK）</translation>
    </message>
    <message>
        <source>LISTEN</source>
        <translation>LISTEN</translation>
    </message>
    <message>
        <source>CLOSING (both sent FIN at once)</source>
        <translation>CLOSING（双方同时发送了 FIN）</translation>
    </message>
    <message>
        <source>NEW-SYN-RECEIVED</source>
        <translation>NEW-SYN-RECEIVED</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 毫秒</translation>
    </message>
    <message numerus="yes">
        <source>%n byte(s)</source>
        <translation>
            <numerusform>%n 字节</numerusform>
        </translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Round-trip time</source>
        <translation>往返时间</translation>
    </message>
    <message>
        <source>RTT variation</source>
        <translation>RTT 偏差</translation>
    </message>
    <message>
        <source>Congestion window</source>
        <translation>拥塞窗口</translation>
    </message>
    <message numerus="yes">
        <source>%n segment(s)</source>
        <translation>
            <numerusform>%n 个报文段</numerusform>
        </translation>
    </message>
    <message>
        <source>Segment size (MSS)</source>
        <translation>报文段大小（MSS）</translation>
    </message>
    <message>
        <source>Retransmits now</source>
        <translation>当前重传次数</translation>
    </message>
    <message>
        <source>Retransmitted in all</source>
        <translation>累计重传</translation>
    </message>
    <message>
        <source>Unacknowledged</source>
        <translation>未确认</translation>
    </message>
    <message>
        <source>Bytes acknowledged</source>
        <translation>已确认字节</translation>
    </message>
    <message>
        <source>Bytes received</source>
        <translation>已接收字节</translation>
    </message>
    <message>
        <source>Send queue</source>
        <translation>发送队列</translation>
    </message>
    <message>
        <source>Receive queue</source>
        <translation>接收队列</translation>
    </message>
    <message>
        <source>Send buffer (SO_SNDBUF)</source>
        <translation>发送缓冲区（SO_SNDBUF）</translation>
    </message>
    <message>
        <source>Receive buffer (SO_RCVBUF)</source>
        <translation>接收缓冲区（SO_RCVBUF）</translation>
    </message>
    <message>
        <source>Where the connection is in TCP&apos;s state machine.</source>
        <translation>连接在 TCP 状态机中所处的状态。</translation>
    </message>
    <message>
        <source>How long a segment takes to be acknowledged, smoothed: the kernel&apos;s estimate of the round trip.</source>
        <translation>一个报文段从发出到被确认所需的时间（经过平滑）：内核对往返时间的估计。</translation>
    </message>
    <message>
        <source>How much the round-trip time varies; the retransmission timeout is about RTT + 4 × this.</source>
        <translation>往返时间的波动幅度；重传超时约为 RTT + 4 × 该值。</translation>
    </message>
    <message>
        <source>How many segments may be in flight unacknowledged: grows while all goes well, shrinks on loss.</source>
        <translation>可以同时在途、尚未被确认的报文段数：一切顺利时增大，丢包时缩小。</translation>
    </message>
    <message>
        <source>The largest segment this side sends, agreed in the handshake.</source>
        <translation>本方发送的最大报文段，在握手时协商确定。</translation>
    </message>
    <message>
        <source>Timeouts in a row for the oldest unacknowledged segment (0 when all is well).</source>
        <translation>最早的未确认报文段连续超时的次数（一切正常时为 0）。</translation>
    </message>
    <message>
        <source>Segments sent again over the connection&apos;s life: each one is a loss or a delay TCP repaired.</source>
        <translation>连接存续期间重新发送过的报文段：每一个都是 TCP 修复的一次丢失或延迟。</translation>
    </message>
    <message>
        <source>Segments sent and not yet acknowledged by the peer.</source>
        <translation>已发送但尚未被对方确认的报文段。</translation>
    </message>
    <message>
        <source>Bytes of ours the peer has acknowledged: they reached its kernel (not necessarily its program).</source>
        <translation>对方已确认的我方字节数：它们已到达对方的内核（不一定已被对方的程序读取）。</translation>
    </message>
    <message>
        <source>Bytes that arrived from the peer.</source>
        <translation>从对方收到的字节数。</translation>
    </message>
    <message>
        <source>Bytes our program wrote that the peer has not acknowledged yet (they wait in our kernel).</source>
        <translation>我方程序已写出但对方尚未确认的字节（它们在我方内核中等待）。</translation>
    </message>
    <message>
        <source>Bytes that arrived and our program has not read yet.</source>
        <translation>已到达但我方程序尚未读取的字节。</translation>
    </message>
    <message>
        <source>Our kernel&apos;s send buffer: how much may wait before a write blocks.</source>
        <translation>我方内核的发送缓冲区：写入阻塞之前最多可以积压多少数据。</translation>
    </message>
    <message>
        <source>Our kernel&apos;s receive buffer: it bounds the window the peer may fill.</source>
        <translation>我方内核的接收缓冲区：它限定了对方可以填满的窗口大小。</translation>
    </message>
    <message>
        <source>Protocol</source>
        <translation>协议</translation>
    </message>
    <message>
        <source>Cipher</source>
        <translation>加密套件</translation>
    </message>
    <message>
        <source>%1 (%2 bits)</source>
        <translation>%1（%2 位）</translation>
    </message>
    <message>
        <source>Certificate %1</source>
        <translation>证书 %1</translation>
    </message>
    <message>
        <source>%1, issued by %2, valid %3 to %4%5</source>
        <translation>%1，颁发者 %2，有效期 %3 至 %4%5</translation>
    </message>
    <message>
        <source> (self-signed)</source>
        <translation>（自签名）</translation>
    </message>
    <message>
        <source>Accepted problem</source>
        <translation>已接受的问题</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>问题</translation>
    </message>
    <message>
        <source>not connected</source>
        <translation>未连接</translation>
    </message>
    <message>
        <source>connecting</source>
        <translation>正在连接</translation>
    </message>
    <message>
        <source>connected</source>
        <translation>已连接</translation>
    </message>
    <message>
        <source>half-closed: we sent FIN, still reading</source>
        <translation>已半关闭：我方已发送 FIN，仍在读取</translation>
    </message>
    <message>
        <source>closing</source>
        <translation>正在关闭</translation>
    </message>
    <message>
        <source>closed</source>
        <translation>已关闭</translation>
    </message>
    <message>
        <source>UTF-8</source>
        <translation>UTF-8</translation>
    </message>
    <message>
        <source>GBK</source>
        <translation>GBK</translation>
    </message>
    <message>
        <source>GB18030</source>
        <translation>GB18030</translation>
    </message>
    <message>
        <source>Latin-1 (ISO-8859-1)</source>
        <translation>Latin-1 (ISO-8859-1)</translation>
    </message>
    <message>
        <source>Character %1: %2</source>
        <translation>第 %1 个字符：%2</translation>
    </message>
    <message>
        <source>Character %1, “%2” (%3), cannot be written in %4: choose another encoding or remove it</source>
        <translation>第 %1 个字符“%2”（%3）无法用 %4 编码：请换一种编码或删除它</translation>
    </message>
    <message>
        <source>running</source>
        <translation>进行中</translation>
    </message>
    <message>
        <source>done</source>
        <translation>完成</translation>
    </message>
    <message>
        <source>refused</source>
        <translation>被拒绝</translation>
    </message>
    <message>
        <source>connect timed out</source>
        <translation>连接超时</translation>
    </message>
    <message>
        <source>no answer in time</source>
        <translation>未按时回答</translation>
    </message>
    <message>
        <source>reset</source>
        <translation>被重置</translation>
    </message>
    <message>
        <source>closed early</source>
        <translation>提前关闭</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <source>any bytes</source>
        <translation>任意字节</translation>
    </message>
    <message>
        <source>the server closing</source>
        <translation>服务器关闭连接</translation>
    </message>
    <message>
        <source>One client at a time — a loop server</source>
        <translation>一次只服务一个客户端——循环服务器</translation>
    </message>
    <message>
        <source>Concurrent — the clients were served at the same time</source>
        <translation>并发——客户端同时得到服务</translation>
    </message>
    <message>
        <source>Partly concurrent — a few clients at a time</source>
        <translation>部分并发——一次服务几个客户端</translation>
    </message>
    <message>
        <source>Inconclusive</source>
        <translation>无法判断</translation>
    </message>
    <message>
        <source>Partly concurrent — at most %1 clients at a time (a pool of %1?)</source>
        <translation>部分并发——一次最多 %1 个客户端（大小为 %1 的池？）</translation>
    </message>
    <message>
        <source>Inconclusive — fewer than two clients got their answer</source>
        <translation>无法判断——得到回答的客户端少于两个</translation>
    </message>
    <message>
        <source>Inconclusive — no client waited while another was served (each connected after the previous answer)</source>
        <translation>无法判断——没有客户端在另一个被服务时等待（每个都在上一个回答之后才连上）</translation>
    </message>
    <message>
        <source>Inconclusive — every answer came within %1 and the server closed each connection: a quick server that answers and closes looks the same either way; make it take longer per client</source>
        <translation>无法判断——所有回答都在 %1 内到达，且服务器关闭了每个连接：回答后立即关闭的快速服务器两种情况看起来一样；请让它处理每个客户端的时间长一些</translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n client(s) got their answer.</source>
        <translation>
            <numerusform>%n 个客户端中有 %1 个得到了回答。</numerusform>
        </translation>
    </message>
    <message>
        <source>The others: %1.</source>
        <translation>其余：%1。</translation>
    </message>
    <message>
        <source>, </source>
        <translation>，</translation>
    </message>
    <message>
        <source>The quickest answer took %1; answers more than %2 apart count as different groups.</source>
        <translation>最快的回答用时 %1；间隔超过 %2 的回答算作不同的组。</translation>
    </message>
    <message numerus="yes">
        <source>At most %1 answers came together, in %n group(s).</source>
        <translation>
            <numerusform>最多 %1 个回答同时到达，共 %n 组。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The staircase: %n step(s) where a connected client waited while another was answered; median step %1.</source>
        <translation>
            <numerusform>阶梯：%n 级，已连上的客户端在另一个客户端被回答时等待；每级中位数 %1。</numerusform>
        </translation>
    </message>
    <message>
        <source>No staircase: no connected client waited while another was answered.</source>
        <translation>没有阶梯：没有已连上的客户端在另一个客户端被回答时等待。</translation>
    </message>
    <message numerus="yes">
        <source>%n client(s) had to send packets again before their answer: the server&apos;s listen backlog was full (their delay is not counted as a step).</source>
        <translation>
            <numerusform>%n 个客户端在得到回答前不得不重发数据包：服务器的监听队列（backlog）已满（它们的延迟不算作阶梯）。</numerusform>
        </translation>
    </message>
    <message>
        <source>First answer to last: %1.</source>
        <translation>从第一个回答到最后一个：%1。</translation>
    </message>
    <message>
        <source>the probe needs 1 to %1 clients, a port, and at least one expected byte</source>
        <translation>探测需要 1 到 %1 个客户端、一个端口，以及至少一个期望的字节</translation>
    </message>
    <message>
        <source>cannot open another socket</source>
        <translation>无法再打开套接字</translation>
    </message>
    <message>
        <source>the probe failed</source>
        <translation>探测失败</translation>
    </message>
    <message>
        <source>not a valid regular expression at character %1 (%2)</source>
        <translation>不是有效的正则表达式，第 %1 个字符处（%2）</translation>
    </message>
</context>
<context>
    <name>presentation::udp::UdpText</name>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>sending failed, stopped</source>
        <translation>发送失败，已停止</translation>
    </message>
    <message>
        <source>a destination address and a port (1-65535) are needed</source>
        <translation>需要目标地址和端口（1-65535）</translation>
    </message>
    <message>
        <source>the datagram would be larger than UDP over IPv4 carries (at most %1 bytes)</source>
        <translation>数据报会超过 IPv4 上 UDP 能携带的大小（最多 %1 字节）</translation>
    </message>
    <message>
        <source>count, interval and rate cannot be negative</source>
        <translation>次数、间隔和速率不能为负数</translation>
    </message>
    <message>
        <source>cannot bind %1</source>
        <translation>无法绑定 %1</translation>
    </message>
    <message>
        <source>cannot set SO_BROADCAST</source>
        <translation>无法设置 SO_BROADCAST</translation>
    </message>
    <message>
        <source>there is no network interface named %1</source>
        <translation>没有名为 %1 的网络接口</translation>
    </message>
    <message>
        <source>cannot set the TTL</source>
        <translation>无法设置 TTL</translation>
    </message>
    <message>
        <source>sending to %1 failed</source>
        <translation>发送到 %1 失败</translation>
    </message>
    <message>
        <source>sending failed</source>
        <translation>发送失败</translation>
    </message>
    <message>
        <source>%1 is not a multicast group address (224.0.0.0/4 or ff00::/8)</source>
        <translation>%1 不是组播组地址（224.0.0.0/4 或 ff00::/8）</translation>
    </message>
    <message>
        <source>cannot join %1</source>
        <translation>无法加入 %1</translation>
    </message>
    <message>
        <source>cannot leave %1</source>
        <translation>无法离开 %1</translation>
    </message>
    <message>
        <source>the listener is not running</source>
        <translation>监听器未运行</translation>
    </message>
    <message>
        <source>the listener failed</source>
        <translation>接收器出错了</translation>
    </message>
    <message>
        <source>a byte needs two hex digits</source>
        <translation>一个字节需要两位十六进制数字</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a hex digit</source>
        <translation>“%1”不是十六进制数字</translation>
    </message>
    <message>
        <source>%1 is not a regular file</source>
        <translation>%1 不是普通文件</translation>
    </message>
    <message>
        <source>cannot open %1</source>
        <translation>无法打开 %1</translation>
    </message>
    <message>
        <source>%1 has more than %2 bytes; a datagram holds at most %2</source>
        <translation>%1 超过 %2 字节；一个数据报最多容纳 %2 字节</translation>
    </message>
    <message>
        <source>%1 has %2 bytes; a datagram holds at most %3</source>
        <translation>%1 有 %2 字节；一个数据报最多容纳 %3 字节</translation>
    </message>
    <message>
        <source>invalid payload</source>
        <translation>无效的数据</translation>
    </message>
    <message>
        <source>total struct size too long (at most %1 bytes)</source>
        <translation>struct 总大小过大（最多 %1 字节）</translation>
    </message>
    <message>
        <source>repeat count given without format specifier</source>
        <translation>给出了重复次数但没有格式码</translation>
    </message>
    <message>
        <source>bad char in struct format: &apos;%1&apos;</source>
        <translation>struct 格式中有无效字符：“%1”</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is only available with native byte order (@)</source>
        <translation>“%1”只能用于本机字节序（@）</translation>
    </message>
    <message>
        <source>required argument is not an integer</source>
        <translation>参数必须是整数</translation>
    </message>
    <message>
        <source>&apos;%1&apos; format requires %2 &lt;= number &lt;= %3</source>
        <translation>“%1”格式要求 %2 &lt;= 数值 &lt;= %3</translation>
    </message>
    <message>
        <source>required argument is not a float</source>
        <translation>参数必须是浮点数</translation>
    </message>
    <message>
        <source>float too large to pack with %1 format</source>
        <translation>浮点数太大，无法用 %1 格式打包</translation>
    </message>
    <message>
        <source>char format requires a bytes object of length 1</source>
        <translation>c 格式需要长度为 1 的字节串</translation>
    </message>
    <message>
        <source>argument for &apos;%1&apos; must be a bytes object</source>
        <translation>“%1”的参数必须是字节串</translation>
    </message>
    <message>
        <source>pack expected %1 items for packing (got %2)</source>
        <translation>打包需要 %1 个值（得到 %2 个）</translation>
    </message>
    <message>
        <source>unpack requires a buffer of %1 bytes (got %2)</source>
        <translation>解包需要 %1 字节的数据（得到 %2 字节）</translation>
    </message>
    <message numerus="yes">
        <source>the format takes %n value(s)</source>
        <translation>
            <numerusform>该格式需要 %n 个值</numerusform>
        </translation>
    </message>
    <message>
        <source>, </source>
        <translation>，</translation>
    </message>
    <message numerus="yes">
        <source>got %n</source>
        <translation>
            <numerusform>得到 %n 个</numerusform>
        </translation>
    </message>
    <message>
        <source>value %1: %2</source>
        <translation>第 %1 个值：%2</translation>
    </message>
    <message>
        <source>value %1 (&apos;%2&apos;) is not a number</source>
        <translation>第 %1 个值（&apos;%2&apos;）不是数字</translation>
    </message>
    <message>
        <source>value %1 (&apos;%2&apos;) is not True or False</source>
        <translation>第 %1 个值（&apos;%2&apos;）不是 True 或 False</translation>
    </message>
    <message>
        <source>value %1 (&apos;%2&apos;) is not an integer</source>
        <translation>第 %1 个值（&apos;%2&apos;）不是整数</translation>
    </message>
    <message>
        <source>unterminated quote starting at character %1</source>
        <translation>从第 %1 个字符开始的引号没有结束</translation>
    </message>
    <message>
        <source>expected a comma at character %1</source>
        <translation>第 %1 个字符处应为逗号</translation>
    </message>
    <message>
        <source>invalid struct</source>
        <translation>无效的 struct</translation>
    </message>
    <message>
        <source>cannot resolve host &apos;%1&apos;: %2</source>
        <translation>无法解析主机“%1”：%2</translation>
    </message>
    <message>
        <source>unicast</source>
        <translation>单播</translation>
    </message>
    <message>
        <source>limited broadcast</source>
        <translation>受限广播地址</translation>
    </message>
    <message>
        <source>subnet broadcast</source>
        <translation>子网广播</translation>
    </message>
    <message>
        <source>multicast</source>
        <translation>组播地址</translation>
    </message>
</context>
<context>
    <name>widgets::chat::ChatMessageModel</name>
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
        <source>Runs Socketeer&apos;s chat server here (native TCP and classic UDP on the same port) so one machine is enough for a demo</source>
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
            <numerusform>%n 条新消息 ↓</numerusform>
        </translation>
    </message>
    <message>
        <source>Enter the server&apos;s host and port first.</source>
        <translation>请先输入服务端的主机和端口。</translation>
    </message>
    <message>
        <source>The local server stopped.</source>
        <translation>本机服务端已停止。</translation>
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
        <source>Leaving the room…</source>
        <translation>正在退出聊天室…</translation>
    </message>
    <message>
        <source>Local server on port %1.</source>
        <translation>本机服务端在端口 %1。</translation>
    </message>
    <message>
        <source>The local server could not start: %1</source>
        <translation>本地服务端无法启动：%1</translation>
    </message>
    <message numerus="yes">
        <source>chat server on port %1, %n client(s) connected</source>
        <translation>
            <numerusform>端口 %1 上的聊天服务端，已连接 %n 个客户端</numerusform>
        </translation>
    </message>
    <message>
        <source>In the room at %1 port %2 as %3 (%4).</source>
        <translation>已以 %3 的身份进入 %1 端口 %2 的聊天室（%4）。</translation>
    </message>
    <message>
        <source>Local server listening on port %1 (TCP and classic UDP) on every address. %2</source>
        <translation>本机服务端正在所有地址的端口 %1 上监听（TCP 和经典 UDP）。%2</translation>
    </message>
</context>
<context>
    <name>widgets::classroom::ClassroomTab</name>
    <message>
        <source>Chat server</source>
        <translation>聊天服务器</translation>
    </message>
    <message>
        <source>File server</source>
        <translation>文件服务器</translation>
    </message>
    <message>
        <source>HTTP capture server</source>
        <translation>HTTP 抓包服务器</translation>
    </message>
    <message>
        <source>Only this computer can connect (%1). Tick &quot;Listen on the LAN&quot; in its tab.</source>
        <translation>只有本机可以连接（%1）。请在该标签页勾选“在局域网上监听”。</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>启动</translation>
    </message>
    <message>
        <source>every address of this computer</source>
        <translation>本机所有地址</translation>
    </message>
    <message numerus="yes">
        <source>listening on port %1 (%2), %n client(s)</source>
        <translation>
            <numerusform>正在端口 %1 上监听（%2），%n 个客户端</numerusform>
        </translation>
    </message>
    <message>
        <source>stopped</source>
        <translation>已停止</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>Client</source>
        <translation>客户端</translation>
    </message>
    <message>
        <source>Since</source>
        <translation>连接时间</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>已接收</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>已发送</translation>
    </message>
    <message>
        <source>&amp;Disconnect selected</source>
        <translation>断开所选客户端(&amp;D)</translation>
    </message>
    <message numerus="yes">
        <source>%1: %n client(s) connected</source>
        <translation>
            <numerusform>%1：已连接 %n 个客户端</numerusform>
        </translation>
    </message>
    <message>
        <source>Stop the server?</source>
        <translation>停止服务器？</translation>
    </message>
    <message>
        <source>Students are connected; stopping disconnects them:
%1</source>
        <translation>有学生正在连接，停止将断开他们：
%1</translation>
    </message>
    <message>
        <source>Socketeer — connect to the teacher&apos;s computer</source>
        <translation>Socketeer —— 连接老师的电脑</translation>
    </message>
    <message>
        <source>No server is running: start one first.</source>
        <translation>没有正在运行的服务器：请先启动一个。</translation>
    </message>
    <message>
        <source>Instructions for students copied.</source>
        <translation>已复制给学生的说明。</translation>
    </message>
    <message>
        <source>The ufw firewall is on: students cannot connect until the ports are open. Run: %1</source>
        <translation>ufw 防火墙已开启：开放端口之前学生无法连接。请运行：%1</translation>
    </message>
    <message>
        <source>firewalld is running: students cannot connect until the ports are open. Run: %1</source>
        <translation>firewalld 正在运行：开放端口之前学生无法连接。请运行：%1</translation>
    </message>
    <message>
        <source>Classroom</source>
        <translation>课堂</translation>
    </message>
    <message>
        <source>The file server came back read-only: this computer is on another network than when uploads were allowed.</source>
        <translation>文件服务器已以只读方式恢复：本机所在的网络与允许上传时不同。</translation>
    </message>
    <message>
        <source>Start the servers the lesson needs and hand out the addresses below. Each server also has its own tab with every setting; what you start here shows there too.</source>
        <translation>启动本节课需要的服务器，把下面的地址告诉学生。每个服务器也有自己的标签页和全部设置；在这里启动的服务器也会在那里显示。</translation>
    </message>
    <message>
        <source>Start &amp;all</source>
        <translation>全部启动(&amp;A)</translation>
    </message>
    <message>
        <source>St&amp;op all</source>
        <translation>全部停止(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Copy instructions for students</source>
        <translation>复制给学生的说明(&amp;C)</translation>
    </message>
    <message>
        <source>Start these servers again next time</source>
        <translation>下次启动时重新启动这些服务器</translation>
    </message>
    <message>
        <source>Chat room: %1
  nc %2 %3    (then type: NICK yourname, then MSG hello)
  socketeer chat --host %2 --port %3 --name yourname
  Python:
%4
  s.sendall(b&quot;NICK yourname\n&quot;)</source>
        <translation>聊天室：%1
  nc %2 %3    （然后输入：NICK 你的名字，再输入 MSG 你好）
  socketeer chat --host %2 --port %3 --name 你的名字
  Python：
%4
  s.sendall(&quot;NICK 你的名字\n&quot;.encode())</translation>
    </message>
    <message>
        <source>File server: %1
  nc %2 %3    (then type: LIST)
  socketeer files ls %1
  Python:
%4
  s.sendall(b&quot;LIST\n&quot;)</source>
        <translation>文件服务器：%1
  nc %2 %3    （然后输入：LIST）
  socketeer files ls %1
  Python：
%4
  s.sendall(b&quot;LIST\n&quot;)</translation>
    </message>
    <message>
        <source>HTTP server: open http://%1/ in a browser
  curl -v http://%1/
  nc -C %2 %3    (then type: GET / HTTP/1.1, Host: x, and an empty line)</source>
        <translation>HTTP 服务器：用浏览器打开 http://%1/
  curl -v http://%1/
  nc -C %2 %3    （然后输入：GET / HTTP/1.1、Host: x 和一个空行）</translation>
    </message>
    <message>
        <source>UDP listener</source>
        <translation>UDP 监听器</translation>
    </message>
    <message>
        <source>TCP echo server</source>
        <translation>TCP 回显服务器</translation>
    </message>
    <message>
        <source>Only this computer can send to it (%1, UDP). Bind it to 0.0.0.0 in its tab.</source>
        <translation>只有本机可以向它发送（%1，UDP）。请在它的标签页中把它绑定到 0.0.0.0。</translation>
    </message>
    <message>
        <source>Try it: nc %1 %2 (type a line: it comes back) · Python: s = socket.create_connection((&quot;%1&quot;, %2)); s.sendall(b&quot;hi\n&quot;); print(s.recv(1024))</source>
        <translation>试一试：nc %1 %2（输入一行：它会原样返回）· Python：s = socket.create_connection((&quot;%1&quot;, %2)); s.sendall(b&quot;hi\n&quot;); print(s.recv(1024))</translation>
    </message>
    <message numerus="yes">
        <source>listening on UDP port %1 (%2), %n sender(s) seen</source>
        <translation>
            <numerusform>正在 UDP 端口 %1 上监听（%2），已有 %n 个发送方</numerusform>
        </translation>
    </message>
    <message>
        <source>Sender</source>
        <translation>发送方</translation>
    </message>
    <message>
        <source>First seen</source>
        <translation>首次出现</translation>
    </message>
    <message>
        <source>Replied</source>
        <translation>已回复</translation>
    </message>
    <message>
        <source>UDP listener: %1 (UDP: no connection, every line you send is one datagram)
  nc -u %2 %3    (then type a line and press Enter)
  socketeer udp send %2 %3 hello
  Python:
import socket
s = socket.socket(socket.%4, socket.SOCK_DGRAM)
s.sendto(b&quot;hello&quot;, (&quot;%2&quot;, %3))</source>
        <translation>UDP 监听器：%1（UDP：无连接，你发送的每一行都是一个数据报）
  nc -u %2 %3    （然后输入一行并按 Enter）
  socketeer udp send %2 %3 hello
  Python：
import socket
s = socket.socket(socket.%4, socket.SOCK_DGRAM)
s.sendto(b&quot;hello&quot;, (&quot;%2&quot;, %3))</translation>
    </message>
    <message>
        <source>TCP echo server: %1 (what you send comes back)
  nc %2 %3    (then type a line)
  socketeer tcp connect %2 %3    (shows every read with its size)
  Python:
%4
  s.sendall(&quot;你好\n&quot;.encode())
  print(s.recv(1024).decode())</source>
        <translation>TCP 回显服务器：%1（你发送的内容会原样返回）
  nc %2 %3    （然后输入一行）
  socketeer tcp connect %2 %3    （显示每次读取及其大小）
  Python：
%4
  s.sendall(&quot;你好\n&quot;.encode())
  print(s.recv(1024).decode())</translation>
    </message>
    <message>
        <source>Every address students can use:
%1</source>
        <translation>学生可以使用的所有地址：
%1</translation>
    </message>
    <message>
        <source>An nftables rule set drops incoming connections (chain %1): students cannot connect until the ports are open. Run: %2</source>
        <translation>nftables 规则集会丢弃传入连接（链 %1）：开放端口之前学生无法连接。请运行：%2</translation>
    </message>
    <message>
        <source>, </source>
        <translation>，</translation>
    </message>
    <message>
        <source>An iptables rule set drops incoming connections (%1, chain INPUT): students cannot connect until the ports are open. Run: %2</source>
        <translation>iptables 规则集会丢弃传入连接（%1，链 INPUT）：开放端口之前学生无法连接。请运行：%2</translation>
    </message>
</context>
<context>
    <name>widgets::common::PreparedListDialog</name>
    <message>
        <source>Rename prepared send</source>
        <translation>重命名预存发送</translation>
    </message>
    <message>
        <source>New name:</source>
        <translation>新名称：</translation>
    </message>
    <message>
        <source>Another prepared send is called &quot;%1&quot;.</source>
        <translation>已有另一条预存发送名为“%1”。</translation>
    </message>
    <message>
        <source>Prepared sends</source>
        <translation>预存发送</translation>
    </message>
    <message>
        <source>The lesson&apos;s messages in order. Send sends the selected one and selects the next; drag a row or use Up and Down to reorder. Keep this window open beside the tab.</source>
        <translation>本节课的消息，按顺序排列。“发送”会发送选中的一条并选中下一条；拖动行或用“上移”“下移”调整顺序。可以让这个窗口一直开在标签页旁边。</translation>
    </message>
    <message>
        <source>&amp;Send</source>
        <translation>发送(&amp;S)</translation>
    </message>
    <message>
        <source>Save &amp;current…</source>
        <translation>保存当前内容(&amp;C)…</translation>
    </message>
    <message>
        <source>&amp;Up</source>
        <translation>上移(&amp;U)</translation>
    </message>
    <message>
        <source>Do&amp;wn</source>
        <translation>下移(&amp;W)</translation>
    </message>
    <message>
        <source>&amp;Rename…</source>
        <translation>重命名(&amp;R)…</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>删除(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Export lesson…</source>
        <translation>导出课程(&amp;E)…</translation>
    </message>
    <message>
        <source>&amp;Import lesson…</source>
        <translation>导入课程(&amp;I)…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
</context>
<context>
    <name>widgets::common::PreparedSendsButton</name>
    <message>
        <source>No prepared sends yet</source>
        <translation>还没有预存的发送</translation>
    </message>
    <message>
        <source>Save current as…</source>
        <translation>把当前内容保存为…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Export lesson…</source>
        <translation>导出课程…</translation>
    </message>
    <message>
        <source>Import lesson…</source>
        <translation>导入课程…</translation>
    </message>
    <message>
        <source>Save prepared send</source>
        <translation>保存预存发送</translation>
    </message>
    <message>
        <source>Name (e.g. &quot;step 2: hello&quot;):</source>
        <translation>名称（例如“第 2 步：你好”）：</translation>
    </message>
    <message>
        <source>Export lesson</source>
        <translation>导出课程</translation>
    </message>
    <message>
        <source>Socketeer lesson (*.socketeer-lesson.json)</source>
        <translation>Socketeer 课程文件 (*.socketeer-lesson.json)</translation>
    </message>
    <message>
        <source>Could not write %1.</source>
        <translation>无法写入 %1。</translation>
    </message>
    <message>
        <source>Import lesson</source>
        <translation>导入课程</translation>
    </message>
    <message>
        <source>Socketeer lesson (*.socketeer-lesson.json);;All files (*)</source>
        <translation>Socketeer 课程文件 (*.socketeer-lesson.json);;所有文件 (*)</translation>
    </message>
    <message numerus="yes">
        <source>%n prepared send(s) imported.</source>
        <translation>
            <numerusform>已导入 %n 条预存发送。</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 is not a Socketeer lesson file.</source>
        <translation>%1 不是 Socketeer 课程文件。</translation>
    </message>
    <message>
        <source>Could not read %1.</source>
        <translation>无法读取 %1。</translation>
    </message>
    <message>
        <source>Prepared</source>
        <translation>预存发送</translation>
    </message>
    <message>
        <source>Prepared sends: a lesson&apos;s messages, saved with a name and sent again with one click</source>
        <translation>预存发送：一节课要用的消息，起名保存，一键再次发送</translation>
    </message>
    <message>
        <source>Manage list…</source>
        <translation>管理列表…</translation>
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
    <name>widgets::files::FilesTab</name>
    <message>
        <source>File transfer</source>
        <translation>文件传输</translation>
    </message>
    <message>
        <source>Local folder</source>
        <translation>本地文件夹</translation>
    </message>
    <message>
        <source>Folder to share</source>
        <translation>要共享的文件夹</translation>
    </message>
    <message>
        <source>Server:</source>
        <translation>服务端：</translation>
    </message>
    <message>
        <source>host name or address</source>
        <translation>主机名或地址</translation>
    </message>
    <message>
        <source>Socketeer (verified, resumable)</source>
        <translation>Socketeer 协议（校验、可续传）</translation>
    </message>
    <message>
        <source>Classic course protocol 2018/19 (L/G/P/Q)</source>
        <translation>课程经典协议 2018/19（L/G/P/Q）</translation>
    </message>
    <message>
        <source>Classic course protocol 2020 (LIST/RETR/STOR/EXIT)</source>
        <translation>课程经典协议 2020（LIST/RETR/STOR/EXIT）</translation>
    </message>
    <message>
        <source>Connect / refresh</source>
        <translation>连接 / 刷新</translation>
    </message>
    <message>
        <source>Classic mode speaks the course&apos;s file-server protocol. It has no framing: the server pauses 0.1 s between messages and ends a download with &quot;##&quot;, hoping each recv() gets one message (sticky packets, 粘包). So it is slower, a file ending in &quot;##&quot; can be cut, there is no resume and no checksum. The wire view shows each read as it arrived.</source>
        <translation>经典模式使用课程中文件服务器的协议。它没有消息分帧：服务端在消息之间暂停 0.1 秒，并以 &quot;##&quot; 结束下载，指望每次 recv() 恰好收到一条消息（粘包问题）。因此它更慢，以 &quot;##&quot; 结尾的文件可能被截断，也不能续传、没有校验和。线路视图按实际到达的顺序显示每一次读取。</translation>
    </message>
    <message>
        <source>Local folder:</source>
        <translation>本地文件夹：</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <source>Files on the server (drop files here to upload):</source>
        <translation>服务端的文件（把文件拖到这里即可上传）：</translation>
    </message>
    <message>
        <source>Files on the server: %1</source>
        <translation>服务端的文件：%1</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <source>Modified</source>
        <translation>修改时间</translation>
    </message>
    <message>
        <source>Upload →</source>
        <translation>上传 →</translation>
    </message>
    <message>
        <source>← Download</source>
        <translation>← 下载</translation>
    </message>
    <message>
        <source>Transfers:</source>
        <translation>传输队列：</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>暂停</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>继续</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>重试</translation>
    </message>
    <message>
        <source>Clear finished</source>
        <translation>清除已完成</translation>
    </message>
    <message>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>Direction</source>
        <translation>方向</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>进度</translation>
    </message>
    <message>
        <source>Speed</source>
        <translation>速度</translation>
    </message>
    <message>
        <source>Time left</source>
        <translation>剩余时间</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Local server (for one-machine demos)</source>
        <translation>本机服务端（用于单机演示）</translation>
    </message>
    <message>
        <source>Share folder:</source>
        <translation>共享文件夹：</translation>
    </message>
    <message>
        <source>Port:</source>
        <translation>端口：</translation>
    </message>
    <message>
        <source>Classic protocol</source>
        <translation>经典协议</translation>
    </message>
    <message>
        <source>Read-only</source>
        <translation>只读</translation>
    </message>
    <message>
        <source>Allow overwrite</source>
        <translation>允许覆盖</translation>
    </message>
    <message>
        <source>Wire view:</source>
        <translation>线路视图：</translation>
    </message>
    <message>
        <source>this tab&apos;s client connections</source>
        <translation>本标签页的客户端连接</translation>
    </message>
    <message>
        <source>the local server</source>
        <translation>本机服务端</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>未知</translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) on the server.</source>
        <translation>
            <numerusform>服务端有 %n 个文件。</numerusform>
        </translation>
    </message>
    <message>
        <source>Could not list the server&apos;s files: %1</source>
        <translation>无法获取服务端的文件列表：%1</translation>
    </message>
    <message>
        <source>Queued</source>
        <translation>排队中</translation>
    </message>
    <message>
        <source>Transferring</source>
        <translation>传输中</translation>
    </message>
    <message>
        <source>Connecting</source>
        <translation>正在连接</translation>
    </message>
    <message>
        <source>Paused (the partial file is kept)</source>
        <translation>已暂停（已保留部分文件）</translation>
    </message>
    <message>
        <source>✔ Verified (SHA-256), resumed at %1</source>
        <translation>✔ 已校验（SHA-256），从 %1 处续传</translation>
    </message>
    <message>
        <source>✔ Verified (SHA-256)</source>
        <translation>✔ 已校验（SHA-256）</translation>
    </message>
    <message>
        <source>Done, not verified (the classic protocol has no checksum)</source>
        <translation>已完成，未校验（经典协议没有校验和）</translation>
    </message>
    <message>
        <source>✘ Failed: %1</source>
        <translation>✘ 失败：%1</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <source>Download</source>
        <translation>下载</translation>
    </message>
    <message>
        <source>Upload</source>
        <translation>上传</translation>
    </message>
    <message>
        <source>%1/s</source>
        <translation>%1/s</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <source>Stop server</source>
        <translation>停止服务端</translation>
    </message>
    <message>
        <source>Start server</source>
        <translation>启动服务端</translation>
    </message>
    <message>
        <source>Not running</source>
        <translation>未运行</translation>
    </message>
    <message>
        <source>Could not start: %1</source>
        <translation>无法启动：%1</translation>
    </message>
    <message>
        <source>The local file server stopped.</source>
        <translation>本机文件服务器已停止。</translation>
    </message>
    <message>
        <source>Sharing %1 on port %2.</source>
        <translation>正在端口 %2 上共享 %1。</translation>
    </message>
    <message>
        <source>Could not start the file server: %1</source>
        <translation>无法启动文件服务器：%1</translation>
    </message>
    <message numerus="yes">
        <source>file server on port %1, %n client(s) connected</source>
        <translation>
            <numerusform>端口 %1 上的文件服务器，已连接 %n 个客户端</numerusform>
        </translation>
    </message>
    <message>
        <source>download of %1, %2 %</source>
        <translation>下载 %1，%2 %</translation>
    </message>
    <message>
        <source>upload of %1, %2 %</source>
        <translation>上传 %1，%2 %</translation>
    </message>
    <message numerus="yes">
        <source>%n transfer(s) waiting in the queue</source>
        <translation>
            <numerusform>队列中有 %n 个传输在等待</numerusform>
        </translation>
    </message>
    <message>
        <source>Replace the local file?</source>
        <translation>替换本地文件？</translation>
    </message>
    <message>
        <source>%1 is already in %2 (%3, changed %4). Replace it with the server&apos;s file?</source>
        <translation>%2 里已有 %1（%3，修改于 %4）。要用服务器上的文件替换它吗？</translation>
    </message>
    <message>
        <source>Replace</source>
        <translation>替换</translation>
    </message>
    <message>
        <source>Keep both</source>
        <translation>两个都保留</translation>
    </message>
    <message>
        <source>Skip</source>
        <translation>跳过</translation>
    </message>
    <message>
        <source>Stop the file server?</source>
        <translation>停止文件服务器？</translation>
    </message>
    <message numerus="yes">
        <source>%n client(s) connected; stopping disconnects them and interrupts their transfers (an interrupted upload can resume later).</source>
        <translation>
            <numerusform>已连接 %n 个客户端；停止会断开它们并中断传输（中断的上传以后可以续传）。</numerusform>
        </translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message numerus="yes">
        <source>Sharing %1 on port %2, %n client(s) connected.</source>
        <translation>
            <numerusform>正在端口 %2 上共享 %1，已连接 %n 个客户端。</numerusform>
        </translation>
    </message>
    <message>
        <source>Largest upload:</source>
        <translation>最大上传：</translation>
    </message>
    <message>
        <source>no limit</source>
        <translation>不限</translation>
    </message>
    <message>
        <source> MiB</source>
        <translation> MiB</translation>
    </message>
    <message>
        <source>Uploads larger than this are refused before any byte is sent (like socketeer serve files --max-upload).</source>
        <translation>大于此值的上传在发送任何字节之前就会被拒绝（与 socketeer serve files --max-upload 相同）。</translation>
    </message>
</context>
<context>
    <name>widgets::http::HttpCapturePage</name>
    <message>
        <source>Address:</source>
        <translation>地址：</translation>
    </message>
    <message>
        <source>127.0.0.1 = this computer only; 0.0.0.0 = every address (other computers can connect)</source>
        <translation>127.0.0.1 = 仅本机；0.0.0.0 = 所有地址（其他计算机也能连接）</translation>
    </message>
    <message>
        <source>Port:</source>
        <translation>端口：</translation>
    </message>
    <message>
        <source>Open in browser</source>
        <translation>在浏览器中打开</translation>
    </message>
    <message>
        <source>Answer:</source>
        <translation>回应：</translation>
    </message>
    <message>
        <source>Echo the request (text/plain)</source>
        <translation>原样返回请求（text/plain）</translation>
    </message>
    <message>
        <source>Canned response</source>
        <translation>固定响应</translation>
    </message>
    <message>
        <source>Static files from a folder</source>
        <translation>文件夹中的静态文件</translation>
    </message>
    <message>
        <source>Redirect</source>
        <translation>重定向</translation>
    </message>
    <message>
        <source>Deliberately malformed</source>
        <translation>故意格式错误</translation>
    </message>
    <message>
        <source>LF instead of CR LF</source>
        <translation>用 LF 代替 CR LF</translation>
    </message>
    <message>
        <source>Body shorter than Content-Length</source>
        <translation>响应体比 Content-Length 短</translation>
    </message>
    <message>
        <source>Status line without a code</source>
        <translation>响应行没有响应码</translation>
    </message>
    <message>
        <source>Chunk size that is not hex</source>
        <translation>分块大小不是十六进制</translation>
    </message>
    <message>
        <source>Status code</source>
        <translation>响应码</translation>
    </message>
    <message>
        <source>Folder to serve (index.html, 404, nothing outside it)</source>
        <translation>要提供的文件夹（index.html、404，绝不访问文件夹之外）</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <source>Location, e.g. /elsewhere or http://host/</source>
        <translation>Location，例如 /elsewhere 或 http://host/</translation>
    </message>
    <message>
        <source>Body of the canned response</source>
        <translation>固定响应的响应体</translation>
    </message>
    <message>
        <source>Extra headers, one &quot;Name: value&quot; per line (replace Socketeer&apos;s own)</source>
        <translation>额外的响应头，每行一个 &quot;Name: value&quot;（会替换 Socketeer 自己添加的）</translation>
    </message>
    <message>
        <source>Chunked</source>
        <translation>分块</translation>
    </message>
    <message>
        <source>gzip</source>
        <translation>gzip</translation>
    </message>
    <message>
        <source>Answer 100 Continue</source>
        <translation>回应 100 Continue</translation>
    </message>
    <message>
        <source>Slow drip (bytes per 100 ms, 0 = off):</source>
        <translation>慢速滴流（每 100 毫秒字节数，0 = 关闭）：</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Connection</source>
        <translation>连接</translation>
    </message>
    <message>
        <source>From</source>
        <translation>来自</translation>
    </message>
    <message>
        <source>Request line</source>
        <translation>请求行</translation>
    </message>
    <message>
        <source>Answer</source>
        <translation>回应</translation>
    </message>
    <message>
        <source>Bytes</source>
        <translation>字节</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>启动</translation>
    </message>
    <message>
        <source>Not listening</source>
        <translation>未监听</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an IP address.</source>
        <translation>“%1”不是 IP 地址。</translation>
    </message>
    <message>
        <source>Capture server listening on port %1</source>
        <translation>抓包服务器正在监听端口 %1</translation>
    </message>
    <message>
        <source>Folder to serve</source>
        <translation>要提供的文件夹</translation>
    </message>
    <message>
        <source>#%1 (reused, request %2)</source>
        <translation>#%1（复用，第 %2 个请求）</translation>
    </message>
    <message>
        <source>#%1 (new)</source>
        <translation>#%1（新连接）</translation>
    </message>
    <message>
        <source>Captured %1 from %2</source>
        <translation>捕获了来自 %2 的 %1</translation>
    </message>
    <message>
        <source>Start the server, then point a browser, curl or your own client at it. Each request appears here with its exact bytes.</source>
        <translation>启动服务器，然后让浏览器、curl 或你自己的客户端连接它。每个请求都会连同原始字节显示在这里。</translation>
    </message>
    <message>
        <source>Connection #%1, request %2 on it, from %3</source>
        <translation>连接 #%1，其上的第 %2 个请求，来自 %3</translation>
    </message>
    <message numerus="yes">
        <source>— exact bytes (%n byte(s)) —</source>
        <translation>
            <numerusform>— 原始字节（%n 字节）—</numerusform>
        </translation>
    </message>
    <message>
        <source>— parsed —</source>
        <translation>— 解析结果 —</translation>
    </message>
    <message>
        <source>method: %1
target: %2
version: %3
</source>
        <translation>方法：%1
目标：%2
版本：%3
</translation>
    </message>
    <message numerus="yes">
        <source>body: %n byte(s)</source>
        <translation>
            <numerusform>请求体：%n 字节</numerusform>
        </translation>
    </message>
    <message>
        <source>— answered —</source>
        <translation>— 回应 —</translation>
    </message>
    <message>
        <source>Escapes: \r \n \t \xNN</source>
        <translation>转义：\r \n \t \xNN</translation>
    </message>
    <message>
        <source>Read the body as text with escapes, so any bytes can be sent (\x00 is a zero byte, \\ a backslash)</source>
        <translation>把响应体当作带转义的文本读取，可发送任意字节（\x00 是零字节，\\ 是反斜杠）</translation>
    </message>
    <message>
        <source>character %1: %2 (sent as typed)</source>
        <translation>第 %1 个字符：%2（按原样发送）</translation>
    </message>
    <message>
        <source>Listen on the &amp;LAN</source>
        <translation>在局域网上监听(&amp;L)</translation>
    </message>
    <message>
        <source>Listens on every address (0.0.0.0), so students&apos; computers can connect; unticked, only this computer can</source>
        <translation>在所有地址（0.0.0.0）上监听，学生的电脑才能连接；不勾选时只有本机可以连接</translation>
    </message>
    <message>
        <source>Malformed by the HTTP rules (RFC 9110/9112) though the parser read it:</source>
        <translation>按 HTTP 规则（RFC 9110/9112）格式错误，但解析器仍读出了它：</translation>
    </message>
    <message>
        <source>Listening on %1:%2. %3</source>
        <translation>正在监听 %1:%2。%3</translation>
    </message>
</context>
<context>
    <name>widgets::http::HttpRawPage</name>
    <message>
        <source>Line ends sent as CR LF (correct HTTP)</source>
        <translation>行尾按 CR LF 发送（正确的 HTTP）</translation>
    </message>
    <message>
        <source>Line ends sent as LF only (a common mistake)</source>
        <translation>行尾只按 LF 发送（常见错误）</translation>
    </message>
    <message>
        <source>Send slowly, byte by byte</source>
        <translation>慢速发送，逐字节</translation>
    </message>
    <message>
        <source>Copy from Compose</source>
        <translation>从“编写”复制</translation>
    </message>
    <message>
        <source>Fix Content-Length</source>
        <translation>修正 Content-Length</translation>
    </message>
    <message>
        <source>Send raw</source>
        <translation>发送原始请求</translation>
    </message>
    <message>
        <source>Type the request exactly as it goes on the wire: request line, headers, an empty line, the body. ¶ marks each line end. The hex view shows the bytes; the checker below points at mistakes (click one to jump to its byte).</source>
        <translation>按线上的原样输入请求：请求行、请求头、一个空行、请求体。¶ 标出每个行尾。十六进制视图显示字节；下方的检查器指出错误（点击可跳到对应字节）。</translation>
    </message>
    <message>
        <source>byte %1: %2</source>
        <translation>第 %1 字节：%2</translation>
    </message>
    <message numerus="yes">
        <source>No protocol mistakes found (%n byte(s)).</source>
        <translation>
            <numerusform>没有发现协议错误（%n 字节）。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>widgets::http::HttpResponseView</name>
    <message>
        <source>Headers</source>
        <translation>响应头</translation>
    </message>
    <message>
        <source>Body</source>
        <translation>响应体</translation>
    </message>
    <message>
        <source>Raw</source>
        <translation>原始</translation>
    </message>
    <message>
        <source>Hex</source>
        <translation>十六进制</translation>
    </message>
    <message>
        <source>Timing</source>
        <translation>计时</translation>
    </message>
    <message>
        <source>TLS</source>
        <translation>TLS</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>值</translation>
    </message>
    <message>
        <source>Save body…</source>
        <translation>保存响应体…</translation>
    </message>
    <message>
        <source>Each hop of a followed redirect, with its own bytes</source>
        <translation>跟随重定向时的每一跳，各有自己的字节</translation>
    </message>
    <message>
        <source>No response yet.</source>
        <translation>还没有响应。</translation>
    </message>
    <message>
        <source>Connection #%1 reused (keep-alive): %2 → %3</source>
        <translation>复用连接 #%1（keep-alive）：%2 → %3</translation>
    </message>
    <message>
        <source>New connection #%1: %2 → %3</source>
        <translation>新连接 #%1：%2 → %3</translation>
    </message>
    <message numerus="yes">
        <source>— sent (%n byte(s)) —</source>
        <translation>
            <numerusform>— 已发送（%n 字节）—</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>— received (%n byte(s)) —</source>
        <translation>
            <numerusform>— 已接收（%n 字节）—</numerusform>
        </translation>
    </message>
    <message>
        <source>sent:</source>
        <translation>已发送：</translation>
    </message>
    <message>
        <source>received:</source>
        <translation>已接收：</translation>
    </message>
    <message>
        <source>Image: %1 × %2 pixels, %3 bytes</source>
        <translation>图片：%1 × %2 像素，%3 字节</translation>
    </message>
    <message>
        <source>Body: %1 bytes on the wire (%2)</source>
        <translation>响应体：线上 %1 字节（%2）</translation>
    </message>
    <message>
        <source> → %1 bytes after removing %2 chunk header(s)</source>
        <translation> → 去掉 %2 个分块头后 %1 字节</translation>
    </message>
    <message>
        <source> → %1 bytes after %2 decoding</source>
        <translation> → %2 解码后 %1 字节</translation>
    </message>
    <message>
        <source>(decoding failed: %1)</source>
        <translation>（解码失败：%1）</translation>
    </message>
    <message>
        <source>Head: %1 bytes. Keep-alive: %2.</source>
        <translation>响应头：%1 字节。keep-alive：%2。</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>no, the connection closes</source>
        <translation>否，连接将关闭</translation>
    </message>
    <message>
        <source>Plain HTTP: nothing is encrypted; anyone on the path can read these bytes.</source>
        <translation>明文 HTTP：没有任何加密；路径上的任何人都能读到这些字节。</translation>
    </message>
    <message>
        <source>Protocol: %1
Cipher: %2 (%3 bits)
</source>
        <translation>协议：%1
加密套件：%2（%3 位）
</translation>
    </message>
    <message>
        <source>Checked against the name: %1
</source>
        <translation>验证所用的名称：%1
</translation>
    </message>
    <message>
        <source>Certificate %1%2</source>
        <translation>证书 %1%2</translation>
    </message>
    <message>
        <source> (self-signed)</source>
        <translation>（自签名）</translation>
    </message>
    <message>
        <source>  subject: %1
  issuer: %2
  valid: %3 to %4
  names: %5
  SHA-256: %6
</source>
        <translation>  主体：%1
  签发者：%2
  有效期：%3 至 %4
  名称：%5
  SHA-256：%6
</translation>
    </message>
    <message>
        <source>Verification errors (you chose to continue):</source>
        <translation>验证错误（你选择了继续）：</translation>
    </message>
    <message>
        <source>Verification errors (nothing was sent):</source>
        <translation>验证错误（没有发送任何内容）：</translation>
    </message>
    <message>
        <source>The certificate verified.</source>
        <translation>证书验证通过。</translation>
    </message>
    <message>
        <source>Save body</source>
        <translation>保存响应体</translation>
    </message>
    <message>
        <source>Could not write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
</context>
<context>
    <name>widgets::http::HttpTab</name>
    <message>
        <source>HTTP</source>
        <translation>HTTP</translation>
    </message>
    <message>
        <source>Request and response</source>
        <translation>请求与响应</translation>
    </message>
    <message>
        <source>Capture server</source>
        <translation>抓包服务器</translation>
    </message>
    <message>
        <source>Wire</source>
        <translation>线上数据</translation>
    </message>
    <message>
        <source>Compose</source>
        <translation>编写</translation>
    </message>
    <message>
        <source>Raw</source>
        <translation>原始</translation>
    </message>
    <message>
        <source>History</source>
        <translation>历史</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>发送</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <source>http://host:port/path or https://…</source>
        <translation>http://主机:端口/路径 或 https://…</translation>
    </message>
    <message>
        <source>Header</source>
        <translation>请求头</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>值</translation>
    </message>
    <message>
        <source>Grey rows are headers Socketeer adds by itself: edit a value to replace it, untick to leave it out. Ticked rows are sent in this order.</source>
        <translation>灰色行是 Socketeer 自动添加的请求头：修改值即可替换，取消勾选即可不发送。勾选的行按此顺序发送。</translation>
    </message>
    <message>
        <source>Add header</source>
        <translation>添加请求头</translation>
    </message>
    <message>
        <source>Remove header</source>
        <translation>删除请求头</translation>
    </message>
    <message>
        <source>Body:</source>
        <translation>请求体：</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>文本</translation>
    </message>
    <message>
        <source>JSON</source>
        <translation>JSON</translation>
    </message>
    <message>
        <source>Form (a=1&amp;b=2)</source>
        <translation>表单（a=1&amp;b=2）</translation>
    </message>
    <message>
        <source>File…</source>
        <translation>文件…</translation>
    </message>
    <message>
        <source>Version:</source>
        <translation>版本：</translation>
    </message>
    <message>
        <source>Timeout (s):</source>
        <translation>超时（秒）：</translation>
    </message>
    <message>
        <source>Follow redirects</source>
        <translation>跟随重定向</translation>
    </message>
    <message>
        <source>Continue despite TLS errors</source>
        <translation>即使 TLS 有错误也继续</translation>
    </message>
    <message>
        <source>Only for servers you trust (your own test server): the errors are still shown.</source>
        <translation>仅用于你信任的服务器（你自己的测试服务器）：错误仍会显示。</translation>
    </message>
    <message>
        <source>Copy as curl</source>
        <translation>复制为 curl 命令</translation>
    </message>
    <message>
        <source>Added by Socketeer</source>
        <translation>由 Socketeer 添加</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a valid method name.</source>
        <translation>“%1”不是有效的请求方法名。</translation>
    </message>
    <message>
        <source>Copied the curl command.</source>
        <translation>已复制 curl 命令。</translation>
    </message>
    <message>
        <source>Body from a file</source>
        <translation>从文件读取请求体</translation>
    </message>
    <message>
        <source>(file %1, %2 bytes)</source>
        <translation>（文件 %1，%2 字节）</translation>
    </message>
    <message numerus="yes">
        <source>HTTP capture server on port %1, %n connection(s) open</source>
        <translation>
            <numerusform>端口 %1 上的 HTTP 抓包服务器，打开了 %n 个连接</numerusform>
        </translation>
    </message>
    <message>
        <source>HTTP request to %1</source>
        <translation>发往 %1 的 HTTP 请求</translation>
    </message>
</context>
<context>
    <name>widgets::http::TimingWaterfall</name>
    <message>
        <source>send request</source>
        <translation>发送请求</translation>
    </message>
    <message>
        <source>wait (server think time)</source>
        <translation>等待（服务器处理时间）</translation>
    </message>
    <message>
        <source>receive response</source>
        <translation>接收响应</translation>
    </message>
    <message>
        <source>%1: %2 ms (from %3 to %4 ms)</source>
        <translation>%1：%2 毫秒（从 %3 到 %4 毫秒）</translation>
    </message>
    <message numerus="yes">
        <source>%n read(s) from the socket</source>
        <translation>
            <numerusform>从套接字读取了 %n 次</numerusform>
        </translation>
    </message>
    <message>
        <source>No timing yet: send a request.</source>
        <translation>还没有计时：请发送一个请求。</translation>
    </message>
    <message>
        <source>total %1 ms; each tick on the last bar is one read</source>
        <translation>总计 %1 毫秒；最后一条上的每个刻度是一次读取</translation>
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
        <source>&apos;%1&apos; is not a host name, an address, a port, a service or a subnet.</source>
        <translation>“%1”不是主机名、地址、端口、服务或子网。</translation>
    </message>
    <message>
        <source>Type a host name to resolve.</source>
        <translation>请输入要解析的主机名。</translation>
    </message>
    <message>
        <source>The name server must be an IP address, not &apos;%1&apos;.</source>
        <translation>域名服务器必须是 IP 地址，而不是“%1”。</translation>
    </message>
    <message>
        <source>A port number is between 0 and 65535, not %1.</source>
        <translation>端口号应在 0 到 65535 之间，而不是 %1。</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is neither a service name nor a port number.</source>
        <translation>“%1”既不是服务名也不是端口号。</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not in this machine&apos;s services database (/etc/services).</source>
        <translation>“%1”不在本机的服务数据库 (/etc/services) 中。</translation>
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
<context>
    <name>widgets::tcp::FactsPage</name>
    <message>
        <source>A Unix-domain socket has no TCP state: no round trips, no congestion window.</source>
        <translation>Unix 域套接字没有 TCP 状态：没有往返时间，也没有拥塞窗口。</translation>
    </message>
    <message>
        <source>No facts: the connection is not open.</source>
        <translation>没有信息：连接未打开。</translation>
    </message>
    <message>
        <source>Select a connection (a client session or one of the server&apos;s clients) to see what the kernel knows about it.</source>
        <translation>选择一个连接（客户端会话或服务器的某个客户端），查看内核对它掌握的信息。</translation>
    </message>
    <message>
        <source>What the kernel knows about this connection now (getsockopt TCP_INFO), read twice a second.</source>
        <translation>内核当前掌握的关于此连接的信息（getsockopt TCP_INFO），每秒读取两次。</translation>
    </message>
    <message>
        <source>TCP facts</source>
        <translation>TCP 信息</translation>
    </message>
    <message>
        <source>Fact</source>
        <translation>项目</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>值</translation>
    </message>
</context>
<context>
    <name>widgets::tcp::FramingView</name>
    <message>
        <source>None (all bytes are one frame)</source>
        <translation>不分帧（所有字节为一帧）</translation>
    </message>
    <message>
        <source>Lines (\n or \r\n)</source>
        <translation>按行（\n 或 \r\n）</translation>
    </message>
    <message>
        <source>Delimiter</source>
        <translation>分隔符</translation>
    </message>
    <message>
        <source>Fixed length</source>
        <translation>固定长度</translation>
    </message>
    <message>
        <source>Length prefix</source>
        <translation>长度前缀</translation>
    </message>
    <message>
        <source>How the received bytes are cut into messages. TCP itself keeps no message boundaries.</source>
        <translation>如何把收到的字节切分成消息。TCP 本身不保留消息边界。</translation>
    </message>
    <message>
        <source>Delimiter:</source>
        <translation>分隔符：</translation>
    </message>
    <message>
        <source>The bytes between messages; escapes \r \n \t \xNN are allowed.</source>
        <translation>消息之间的字节；可用转义 \r \n \t \xNN。</translation>
    </message>
    <message>
        <source>Bytes:</source>
        <translation>字节数：</translation>
    </message>
    <message>
        <source>Every message is exactly this many bytes.</source>
        <translation>每条消息恰好是这么多字节。</translation>
    </message>
    <message numerus="yes">
        <source>%n-byte length</source>
        <translation>
            <numerusform>%n 字节长度</numerusform>
        </translation>
    </message>
    <message>
        <source>big endian (network order)</source>
        <translation>大端（网络字节序）</translation>
    </message>
    <message>
        <source>little endian</source>
        <translation>小端</translation>
    </message>
    <message>
        <source>length counts the header</source>
        <translation>长度包含头部</translation>
    </message>
    <message>
        <source>#</source>
        <translation>#</translation>
    </message>
    <message>
        <source>Bytes</source>
        <translation>字节</translation>
    </message>
    <message>
        <source>Payload</source>
        <translation>载荷</translation>
    </message>
    <message>
        <source>Enter a delimiter (escapes allowed).</source>
        <translation>请输入分隔符（可用转义）。</translation>
    </message>
    <message>
        <source>These framing settings cannot cut a stream.</source>
        <translation>这些分帧设置无法切分数据流。</translation>
    </message>
    <message numerus="yes">
        <source>%n frame(s)</source>
        <translation>
            <numerusform>%n 帧</numerusform>
        </translation>
    </message>
    <message>
        <source>the newest %1 listed</source>
        <translation>列出最新的 %1 帧</translation>
    </message>
    <message numerus="yes">
        <source>%1 (%n byte(s))</source>
        <translation>
            <numerusform>%1（%n 字节）</numerusform>
        </translation>
    </message>
    <message>
        <source>older reads were dropped from the view, so the first frame may begin mid-message</source>
        <translation>较早的读取已从视图中丢弃，所以第一帧可能从消息中间开始</translation>
    </message>
</context>
<context>
    <name>widgets::tcp::ProbePage</name>
    <message>
        <source>Enter the server&apos;s address.</source>
        <translation>请输入服务器地址。</translation>
    </message>
    <message>
        <source>Message: %1</source>
        <translation>消息：%1</translation>
    </message>
    <message numerus="yes">
        <source>Connecting %n client(s) at once to %1:%2 ...</source>
        <translation>
            <numerusform>正在同时把 %n 个客户端连接到 %1:%2 ……</numerusform>
        </translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <source>Run probe</source>
        <translation>开始探测</translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n client(s) answered, in %2.</source>
        <translation>
            <numerusform>%n 个客户端中有 %1 个得到回答，用时 %2。</numerusform>
        </translation>
    </message>
    <message>
        <source>Concurrency probe</source>
        <translation>并发探测</translation>
    </message>
    <message>
        <source>Server:</source>
        <translation>服务器：</translation>
    </message>
    <message>
        <source>Port:</source>
        <translation>端口：</translation>
    </message>
    <message>
        <source>Clients at once:</source>
        <translation>同时连接数：</translation>
    </message>
    <message>
        <source>Deadline (s):</source>
        <translation>期限（秒）：</translation>
    </message>
    <message>
        <source>Each sends:</source>
        <translation>每个发送：</translation>
    </message>
    <message>
        <source>The message every client sends once connected (escapes: \n \r \t \xNN). Empty: send nothing.</source>
        <translation>每个客户端连上后发送的消息（转义：\n \r \t \xNN）。为空则不发送。</translation>
    </message>
    <message>
        <source>Done when:</source>
        <translation>完成条件：</translation>
    </message>
    <message>
        <source>this many bytes came back</source>
        <translation>收到这么多字节</translation>
    </message>
    <message>
        <source>any byte came back</source>
        <translation>收到任意字节</translation>
    </message>
    <message>
        <source>the server closed the connection</source>
        <translation>服务器关闭了连接</translation>
    </message>
    <message>
        <source>One row per client, the first answered on top: grey while connecting, amber while waiting for the server, green while the answer arrives.</source>
        <translation>每个客户端一行，最先得到回答的在最上面：灰色表示正在连接，琥珀色表示等待服务器，绿色表示回答正在到达。</translation>
    </message>
</context>
<context>
    <name>widgets::tcp::ProbeTimeline</name>
    <message>
        <source>Run the probe: each client becomes one row here. A loop server draws a staircase, a concurrent server a column.</source>
        <translation>开始探测：每个客户端在这里显示为一行。循环服务器画出阶梯，并发服务器画出一列。</translation>
    </message>
    <message>
        <source>connecting</source>
        <translation>连接中</translation>
    </message>
    <message>
        <source>waiting</source>
        <translation>等待</translation>
    </message>
    <message>
        <source>answer</source>
        <translation>回答</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <source>ms</source>
        <translation>毫秒</translation>
    </message>
    <message numerus="yes">
        <source>%n client(s), first answered on top</source>
        <translation>
            <numerusform>%n 个客户端，最先回答的在上</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>widgets::tcp::ReceivedView</name>
    <message>
        <source>Text</source>
        <translation>文本</translation>
    </message>
    <message>
        <source>Hex</source>
        <translation>十六进制</translation>
    </message>
    <message>
        <source>Frames</source>
        <translation>分帧</translation>
    </message>
    <message>
        <source>What each recv() returned, decoded; a separator marks every read.</source>
        <translation>每次 recv() 返回的内容（已解码）；每次读取之间用分隔线标出。</translation>
    </message>
    <message>
        <source>The same bytes re-cut by a framing: how a program finds messages in a stream.</source>
        <translation>按分帧方式重新切分的同一批字节：程序就是这样在数据流中找出消息的。</translation>
    </message>
    <message>
        <source>Show as:</source>
        <translation>显示为：</translation>
    </message>
    <message>
        <source>Keep:</source>
        <translation>保留：</translation>
    </message>
    <message>
        <source> reads</source>
        <translation> 次读取</translation>
    </message>
    <message>
        <source>The view keeps the newest reads (and at most %1 MiB); older ones are dropped and counted.</source>
        <translation>视图保留最新的若干次读取（最多 %1 MiB）；更早的会被丢弃并计数。</translation>
    </message>
    <message>
        <source>Save to file…</source>
        <translation>保存到文件…</translation>
    </message>
    <message>
        <source>Append every read from now on to a file, byte for byte.</source>
        <translation>从现在起把每次读取逐字节追加到文件中。</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>清空</translation>
    </message>
    <message>
        <source>Writing every read to %1; click to stop.</source>
        <translation>正在把每次读取写入 %1；点击停止。</translation>
    </message>
    <message numerus="yes">
        <source>── read %1 · %n byte(s) · %2 ──</source>
        <translation>
            <numerusform>── 第 %1 次读取 · %n 字节 · %2 ──</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>── read %1 from %3 · %n byte(s) · %2 ──</source>
        <translation>
            <numerusform>── 第 %1 次读取，来自 %3 · %n 字节 · %2 ──</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>… %n more character(s) of this read not shown here (Frames, Save to file and the wire view have every byte)</source>
        <translation>
            <numerusform>… 本次读取还有 %n 个字符未在此显示（“分帧”、“保存到文件”和线路视图包含每一个字节）</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>… %n more byte(s) of this read not shown here</source>
        <translation>
            <numerusform>… 本次读取还有 %n 字节未在此显示</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The view keeps the newest %1 read(s); %n older read(s) dropped (%2 bytes).</source>
        <translation>
            <numerusform>视图保留最新的 %1 次读取；已丢弃 %n 次较早的读取（%2 字节）。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Data came faster than it can be drawn: %n read(s) kept but not drawn here (Frames, Save to file and the wire view have them).</source>
        <translation>
            <numerusform>数据到达的速度超过了显示速度：%n 次读取已保留但未在此显示（分帧、保存到文件和线路视图中都有）。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>widgets::tcp::SendBox</name>
    <message>
        <source>Write %1 of %2</source>
        <translation>第 %1 次写入，共 %2 次</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>文本</translation>
    </message>
    <message>
        <source>Hex</source>
        <translation>十六进制</translation>
    </message>
    <message>
        <source>How the text becomes bytes. Devices and Windows tools in China often speak GBK.</source>
        <translation>文本如何变成字节。国内的设备和 Windows 工具常用 GBK。</translation>
    </message>
    <message>
        <source>Escapes</source>
        <translation>转义</translation>
    </message>
    <message>
        <source>Interpret %1 (\xNN is one raw byte in any encoding).</source>
        <translation>解析 %1（在任何编码下，\xNN 都表示一个原始字节）。</translation>
    </message>
    <message>
        <source>No line end</source>
        <translation>无行尾</translation>
    </message>
    <message>
        <source>+ \n</source>
        <translation>+ \n</translation>
    </message>
    <message>
        <source>+ \r\n</source>
        <translation>+ \r\n</translation>
    </message>
    <message>
        <source>Times:</source>
        <translation>次数：</translation>
    </message>
    <message>
        <source>every</source>
        <translation>每隔</translation>
    </message>
    <message>
        <source> ms</source>
        <translation> 毫秒</translation>
    </message>
    <message>
        <source>One write per message</source>
        <translation>每条消息写一次</translation>
    </message>
    <message>
        <source>Split into N writes (拆包)</source>
        <translation>拆成 N 次写入（拆包）</translation>
    </message>
    <message>
        <source>N messages in one write (粘包)</source>
        <translation>N 条消息一次写入（粘包）</translation>
    </message>
    <message>
        <source>Make the stream&apos;s lesson happen on demand: one message arriving in several reads, or several messages arriving in one read.</source>
        <translation>按需重现数据流这一课的现象：一条消息分几次读取到达，或几条消息在一次读取中到达。</translation>
    </message>
    <message>
        <source>N = </source>
        <translation>N = </translation>
    </message>
    <message>
        <source>gap</source>
        <translation>间隔</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>发送</translation>
    </message>
    <message>
        <source>Send (Ctrl+Enter)</source>
        <translation>发送（Ctrl+Enter）</translation>
    </message>
    <message>
        <source>Send file…</source>
        <translation>发送文件…</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <source>Nothing sent: %1</source>
        <translation>未发送：%1</translation>
    </message>
    <message>
        <source>Nothing sent: cannot read %1: %2</source>
        <translation>未发送：无法读取 %1：%2</translation>
    </message>
    <message>
        <source>Nothing sent: select a connected session or a server with clients.</source>
        <translation>未发送：请选择一个已连接的会话，或一个有客户端的服务器。</translation>
    </message>
    <message>
        <source>Nothing sent: the message is empty.</source>
        <translation>未发送：消息为空。</translation>
    </message>
    <message>
        <source>Nothing sent: that is more than %1 MiB in one send; lower the count.</source>
        <translation>未发送：一次发送超过 %1 MiB；请减少数量。</translation>
    </message>
    <message numerus="yes">
        <source>Sending %n byte(s) in one write.</source>
        <translation>
            <numerusform>正在一次写入 %n 字节。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Sending in %n write(s).</source>
        <translation>
            <numerusform>正在分 %n 次写入发送。</numerusform>
        </translation>
    </message>
    <message>
        <source>File to send</source>
        <translation>要发送的文件</translation>
    </message>
    <message>
        <source>Character %1: %2</source>
        <translation>第 %1 个字符：%2</translation>
    </message>
    <message>
        <source>Sent %1 of %2 MiB</source>
        <translation>已发送 %1 / %2 MiB</translation>
    </message>
    <message>
        <source>The file could not be read after %1 byte(s): %2</source>
        <translation>读到 %1 字节后无法继续读取文件：%2</translation>
    </message>
    <message>
        <source>Sent the whole file: %1 bytes.</source>
        <translation>整个文件已发送：%1 字节。</translation>
    </message>
    <message>
        <source>Stopped after %1 of %2 byte(s).</source>
        <translation>已停止：发送了 %1 / %2 字节。</translation>
    </message>
    <message>
        <source>Streaming %1 (%2 MiB, larger than %3 MiB: sent once, repeats and pieces do not apply).</source>
        <translation>正在流式发送 %1（%2 MiB，超过 %3 MiB：只发送一次，重复次数和分片设置不适用）。</translation>
    </message>
</context>
<context>
    <name>widgets::tcp::TcpTab</name>
    <message>
        <source>Connect to a server</source>
        <translation>连接服务器</translation>
    </message>
    <message>
        <source>Host:</source>
        <translation>主机：</translation>
    </message>
    <message>
        <source>An IP address (IPv4 or IPv6), a host name, or the path of a Unix-domain socket (starting with /: the port is not used).</source>
        <translation>IP 地址（IPv4 或 IPv6）、主机名，或 Unix 域套接字的路径（以 / 开头：此时不使用端口）。</translation>
    </message>
    <message>
        <source>TLS</source>
        <translation>TLS</translation>
    </message>
    <message>
        <source>Wrap the connection in TLS (like openssl s_client): the certificate chain and protocol show under TCP facts.</source>
        <translation>用 TLS 包装连接（类似 openssl s_client）：证书链和协议显示在“TCP 信息”中。</translation>
    </message>
    <message>
        <source>Accept certificate problems</source>
        <translation>接受证书问题</translation>
    </message>
    <message>
        <source>Connect even when the certificate does not verify (self-signed, wrong name), like curl -k; the problems are still listed.</source>
        <translation>即使证书校验不通过（自签名、名称不符）也连接，类似 curl -k；问题仍会列出。</translation>
    </message>
    <message>
        <source>Port:</source>
        <translation>端口：</translation>
    </message>
    <message>
        <source>New connection</source>
        <translation>新建连接</translation>
    </message>
    <message>
        <source>Open another client session; every session stays in the list.</source>
        <translation>再打开一个客户端会话；每个会话都会保留在列表中。</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>服务器</translation>
    </message>
    <message>
        <source>Every address (students can connect)</source>
        <translation>所有地址（学生可以连接）</translation>
    </message>
    <message>
        <source>This computer only (127.0.0.1)</source>
        <translation>仅本机（127.0.0.1）</translation>
    </message>
    <message>
        <source>Unix-domain socket (a path)</source>
        <translation>Unix 域套接字（路径）</translation>
    </message>
    <message>
        <source>The socket file&apos;s path; programs on this computer connect to it (AF_UNIX).</source>
        <translation>套接字文件的路径；本机上的程序连接到它（AF_UNIX）。</translation>
    </message>
    <message>
        <source>any free</source>
        <translation>任意空闲</translation>
    </message>
    <message>
        <source>Show only</source>
        <translation>仅显示</translation>
    </message>
    <message>
        <source>Echo every read back</source>
        <translation>回显每次读取</translation>
    </message>
    <message>
        <source>Fixed reply to every read</source>
        <translation>固定回复每次读取</translation>
    </message>
    <message>
        <source>Reply by rules</source>
        <translation>按规则回复</translation>
    </message>
    <message>
        <source>Sent back for every read; escapes \r \n \t \xNN are allowed.</source>
        <translation>每次读取后发回的内容；可用转义 \r \n \t \xNN。</translation>
    </message>
    <message>
        <source>hello =&gt; hi there\n</source>
        <translation>hello =&gt; 你好\n</translation>
    </message>
    <message>
        <source>Close (FIN)</source>
        <translation>关闭（FIN）</translation>
    </message>
    <message>
        <source>Graceful close: FIN after what is queued; what the peer still sends is read.</source>
        <translation>正常关闭：排队的数据发完后发送 FIN；对方还发来的数据仍会读取。</translation>
    </message>
    <message>
        <source>Half-close</source>
        <translation>半关闭</translation>
    </message>
    <message>
        <source>shutdown(SHUT_WR): the peer reads end-of-file, and we keep reading what it sends.</source>
        <translation>shutdown(SHUT_WR)：对方读到文件结束（EOF），我方继续读取对方发来的数据。</translation>
    </message>
    <message>
        <source>Abort (RST)</source>
        <translation>中止（RST）</translation>
    </message>
    <message>
        <source>SO_LINGER 0 then close: the kernel sends RST and throws away what is queued.</source>
        <translation>先设 SO_LINGER 0 再关闭：内核发送 RST，并丢弃排队中的数据。</translation>
    </message>
    <message>
        <source>Disconnect</source>
        <translation>断开</translation>
    </message>
    <message>
        <source>Close the selected client of the server.</source>
        <translation>关闭服务器上选中的客户端。</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <source>Remove a finished connection (and what it received) from the list.</source>
        <translation>从列表中移除已结束的连接（及其收到的数据）。</translation>
    </message>
    <message>
        <source>TCP_NODELAY</source>
        <translation>TCP_NODELAY</translation>
    </message>
    <message>
        <source>On: every write leaves at once. Off (Nagle&apos;s algorithm): small writes may wait and be merged.</source>
        <translation>开：每次写入立即发出。关（Nagle 算法）：小的写入可能等待并被合并。</translation>
    </message>
    <message>
        <source>Wire</source>
        <translation>线路视图</translation>
    </message>
    <message>
        <source>Programs on this computer connect to %1 (a Unix-domain socket).</source>
        <translation>本机上的程序请连接 %1（Unix 域套接字）。</translation>
    </message>
    <message>
        <source>TCP</source>
        <translation>TCP</translation>
    </message>
    <message numerus="yes">
        <source>TCP server on port %1, %n client(s) connected</source>
        <translation>
            <numerusform>端口 %1 上的 TCP 服务器，已连接 %n 个客户端</numerusform>
        </translation>
    </message>
    <message>
        <source>TCP connection to %1</source>
        <translation>到 %1 的 TCP 连接</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <source>Listen</source>
        <translation>监听</translation>
    </message>
    <message>
        <source>Enter a host name or an IP address to connect to.</source>
        <translation>请输入要连接的主机名或 IP 地址。</translation>
    </message>
    <message>
        <source>TCP: %1</source>
        <translation>TCP：%1</translation>
    </message>
    <message>
        <source>Server (stopped)</source>
        <translation>服务器（已停止）</translation>
    </message>
    <message>
        <source>Server on %1 · %2</source>
        <translation>%1 上的服务器 · %2</translation>
    </message>
    <message>
        <source>Server on every address, port %1 · %2</source>
        <translation>所有地址上的服务器，端口 %1 · %2</translation>
    </message>
    <message>
        <source>Stop the TCP server?</source>
        <translation>停止 TCP 服务器？</translation>
    </message>
    <message numerus="yes">
        <source>%n client(s) connected; stopping disconnects them.</source>
        <translation>
            <numerusform>已连接 %n 个客户端；停止会断开它们。</numerusform>
        </translation>
    </message>
    <message>
        <source>Enter the path of the socket file to create.</source>
        <translation>请输入要创建的套接字文件路径。</translation>
    </message>
    <message>
        <source>The server did not start: %1</source>
        <translation>服务器未能启动：%1</translation>
    </message>
    <message>
        <source>TCP server listening on the Unix-domain socket %1.</source>
        <translation>TCP 服务器正在 Unix 域套接字 %1 上监听。</translation>
    </message>
    <message>
        <source>TCP server listening on %1. %2</source>
        <translation>TCP 服务器正在 %1 上监听。%2</translation>
    </message>
    <message>
        <source>The TCP server stopped.</source>
        <translation>TCP 服务器已停止。</translation>
    </message>
    <message>
        <source>Rule line %1: write TEXT =&gt; REPLY.</source>
        <translation>规则第 %1 行：请写成 文本 =&gt; 回复。</translation>
    </message>
    <message>
        <source>Rule line %1: the text is empty or an escape is wrong.</source>
        <translation>规则第 %1 行：文本为空或转义有误。</translation>
    </message>
    <message>
        <source>The reply has a wrong escape (escapes: \r \n \t \xNN).</source>
        <translation>回复中有错误的转义（转义：\r \n \t \xNN）。</translation>
    </message>
    <message>
        <source>Select a connection in the list (or open one) to send to it.</source>
        <translation>在列表中选择一个连接（或新建一个）以向它发送。</translation>
    </message>
    <message>
        <source>To %1 (client session)</source>
        <translation>发往 %1（客户端会话）</translation>
    </message>
    <message>
        <source>To the server&apos;s client %1</source>
        <translation>发往服务器的客户端 %1</translation>
    </message>
    <message numerus="yes">
        <source>To every client of the server (%n now)</source>
        <translation>
            <numerusform>发往服务器的所有客户端（当前 %n 个）</numerusform>
        </translation>
    </message>
    <message>
        <source>→ %1 (%2)</source>
        <translation>→ %1（%2）</translation>
    </message>
    <message>
        <source>Client session from %1 to %2</source>
        <translation>从 %1 到 %2 的客户端会话</translation>
    </message>
    <message numerus="yes">
        <source>%1 (%n client(s))</source>
        <translation>
            <numerusform>%1（%n 个客户端）</numerusform>
        </translation>
    </message>
    <message>
        <source>Select to see every client&apos;s reads and to send to all clients.</source>
        <translation>选中后可查看每个客户端的读取，并向所有客户端发送。</translation>
    </message>
    <message>
        <source>← %1 (connected)</source>
        <translation>← %1（已连接）</translation>
    </message>
    <message>
        <source>← %1 (gone)</source>
        <translation>← %1（已断开）</translation>
    </message>
    <message numerus="yes">
        <source>In: %1 bytes in %n read(s)</source>
        <translation>
            <numerusform>收：%1 字节，%n 次读取</numerusform>
        </translation>
    </message>
    <message>
        <source>out: %1 bytes</source>
        <translation>发：%1 字节</translation>
    </message>
    <message numerus="yes">
        <source>%n message(s) under the framing</source>
        <translation>
            <numerusform>按分帧共 %n 条消息</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 bytes written to %2</source>
        <translation>%1 字节已写入 %2</translation>
    </message>
    <message>
        <source>Save what this connection receives</source>
        <translation>保存此连接收到的数据</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <source>One rule per line: TEXT =&gt; REPLY. A read that contains TEXT is answered with REPLY (the first rule that matches; escapes allowed on both sides). /PATTERN/ =&gt; REPLY answers a read that matches the regular expression PATTERN.</source>
        <translation>每行一条规则：文本 =&gt; 回复。包含该文本的一次读取用回复作答（第一条匹配的规则生效；两边都可用转义）。/PATTERN/ =&gt; 回复：回答匹配正则表达式 PATTERN 的一次读取。</translation>
    </message>
    <message>
        <source>Rule line %1: %2</source>
        <translation>规则第 %1 行：%2</translation>
    </message>
    <message>
        <source> clients at most</source>
        <translation> 个客户端（最多）</translation>
    </message>
    <message>
        <source>Connections at once, from every address together; one more is closed at once without a byte. Applies to clients that connect afterwards.</source>
        <translation>同时连接数（所有地址合计）；多出的一个连接会被立即关闭，不发一个字节。对此后连上的客户端生效。</translation>
    </message>
    <message>
        <source> per address</source>
        <translation> 个/每地址</translation>
    </message>
    <message>
        <source>any number per address</source>
        <translation>每地址不限</translation>
    </message>
    <message>
        <source>Connections at once from one address (one student&apos;s reconnect loop); a concurrency probe from this computer needs as many as its clients. Not used on a Unix-domain socket. Applies to clients that connect afterwards.</source>
        <translation>同一地址的同时连接数（防止某个学生的重连循环）；从本机做并发探测时，需不少于探测的客户端数。Unix 域套接字不使用此项。对此后连上的客户端生效。</translation>
    </message>
    <message>
        <source>idle </source>
        <translation>空闲 </translation>
    </message>
    <message>
        <source> s</source>
        <translation> 秒</translation>
    </message>
    <message>
        <source>no idle limit</source>
        <translation>不限空闲</translation>
    </message>
    <message>
        <source>A client that moves no byte either way for this long is aborted (RST). Applies to clients that connect afterwards.</source>
        <translation>客户端在这么长时间内双向都没有一个字节：连接被中止（RST）。对此后连上的客户端生效。</translation>
    </message>
</context>
<context>
    <name>widgets::udp::DatagramModel</name>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>Bytes</source>
        <translation>字节</translation>
    </message>
    <message>
        <source>Seq</source>
        <translation>序号</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>文本</translation>
    </message>
</context>
<context>
    <name>widgets::udp::ListenerPanel</name>
    <message>
        <source>Listen</source>
        <translation>监听</translation>
    </message>
    <message>
        <source>Bind address:</source>
        <translation>绑定地址：</translation>
    </message>
    <message>
        <source>Port:</source>
        <translation>端口：</translation>
    </message>
    <message>
        <source>any free port</source>
        <translation>任意空闲端口</translation>
    </message>
    <message>
        <source>Multicast group:</source>
        <translation>组播组：</translation>
    </message>
    <message>
        <source>any interface</source>
        <translation>任意接口</translation>
    </message>
    <message>
        <source>Join</source>
        <translation>加入</translation>
    </message>
    <message>
        <source>Leave</source>
        <translation>离开</translation>
    </message>
    <message>
        <source>Reply to each sender with:</source>
        <translation>回复每个发送方：</translation>
    </message>
    <message>
        <source>Filter by source or text</source>
        <translation>按来源或文本筛选</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>暂停</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>清空</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>导出 CSV…</translation>
    </message>
    <message>
        <source>Export pcap…</source>
        <translation>导出 pcap…</translation>
    </message>
    <message>
        <source>Decode as struct:</source>
        <translation>按 struct 解码：</translation>
    </message>
    <message>
        <source>format, e.g. !i8sf</source>
        <translation>格式，例如 !i8sf</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>开始</translation>
    </message>
    <message>
        <source>Joined: %1</source>
        <translation>已加入：%1</translation>
    </message>
    <message>
        <source>Not listening.</source>
        <translation>未在监听。</translation>
    </message>
    <message>
        <source>Listening on %1. Socket options: %2</source>
        <translation>正在监听 %1。套接字选项：%2</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not an IP address to bind.</source>
        <translation>“%1”不是可绑定的 IP 地址。</translation>
    </message>
    <message>
        <source>Cannot listen: %1. Another program may hold the port without sharing it; try another port.</source>
        <translation>无法监听：%1。可能有其他程序独占了该端口；请换一个端口。</translation>
    </message>
    <message>
        <source>Cannot join the group: %1</source>
        <translation>无法加入组播组：%1</translation>
    </message>
    <message>
        <source>Cannot leave the group: %1</source>
        <translation>无法离开组播组：%1</translation>
    </message>
    <message>
        <source>Reply, character %1: %2</source>
        <translation>回复，第 %1 个字符：%2</translation>
    </message>
    <message>
        <source>Datagrams: %1   Bytes: %2   Listed: %3 (newest %4 kept)</source>
        <translation>数据报：%1   字节：%2   列出：%3（保留最新的 %4 个）</translation>
    </message>
    <message>
        <source>Paused: %1 arrived and were counted but not listed.</source>
        <translation>已暂停：%1 个到达并已计数，但未列出。</translation>
    </message>
    <message>
        <source>%1 were counted but not listed: they arrived faster than the table could take them.</source>
        <translation>%1 个已计数但未列出：到达速度超过了表格的处理速度。</translation>
    </message>
    <message>
        <source>Replies sent: %1, failed: %2</source>
        <translation>已发送回复：%1，失败：%2</translation>
    </message>
    <message>
        <source>No sequenced datagrams yet (send with the sequenced test mode to count loss).</source>
        <translation>还没有带序号的数据报（用序号测试模式发送即可统计丢包）。</translation>
    </message>
    <message>
        <source>Sequenced: %1   expected %2   lost %3 (%4%)   out of order %5   duplicates %6   jitter %7 ms</source>
        <translation>带序号：%1   应收 %2   丢失 %3（%4%）   乱序 %5   重复 %6   抖动 %7 毫秒</translation>
    </message>
    <message>
        <source>Select a datagram to see its bytes.</source>
        <translation>选择一个数据报查看其字节。</translation>
    </message>
    <message numerus="yes">
        <source>From %1, %n byte(s)</source>
        <translation>
            <numerusform>来自 %1，%n 字节</numerusform>
        </translation>
    </message>
    <message>
        <source>sent to %1</source>
        <translation>发往 %1</translation>
    </message>
    <message>
        <source>Format, character %1: %2</source>
        <translation>格式，第 %1 个字符：%2</translation>
    </message>
    <message>
        <source>The datagram has %1 bytes; the format needs %2.</source>
        <translation>数据报有 %1 字节；该格式需要 %2 字节。</translation>
    </message>
    <message numerus="yes">
        <source>%n more byte(s) after the format.</source>
        <translation>
            <numerusform>格式之后还有 %n 字节。</numerusform>
        </translation>
    </message>
    <message>
        <source>Export pcap</source>
        <translation>导出 pcap</translation>
    </message>
    <message>
        <source>Export CSV</source>
        <translation>导出 CSV</translation>
    </message>
    <message>
        <source>pcap capture (*.pcap)</source>
        <translation>pcap 抓包文件 (*.pcap)</translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message numerus="yes">
        <source>Saved %n datagram(s) to %1.</source>
        <translation>
            <numerusform>已将 %n 个数据报保存到 %1。</numerusform>
        </translation>
    </message>
    <message>
        <source>Could not save %1: %2</source>
        <translation>无法保存 %1：%2</translation>
    </message>
    <message>
        <source>Cannot join the group: &apos;%1&apos; is not an IP address.</source>
        <translation>无法加入组：&apos;%1&apos; 不是 IP 地址。</translation>
    </message>
    <message>
        <source>Cannot leave the group: &apos;%1&apos; is not an IP address.</source>
        <translation>无法离开组：&apos;%1&apos; 不是 IP 地址。</translation>
    </message>
    <message>
        <source>Every address of this computer; no network address other computers can reach.</source>
        <translation>本机所有地址；没有其他计算机可以访问的网络地址。</translation>
    </message>
    <message>
        <source>Every address of this computer: others send to %1.</source>
        <translation>本机所有地址：其他计算机请发送到 %1。</translation>
    </message>
</context>
<context>
    <name>widgets::udp::RatePlot</name>
    <message>
        <source>%1 /s (peak %2)</source>
        <translation>%1 个/秒（峰值 %2）</translation>
    </message>
</context>
<context>
    <name>widgets::udp::SenderPanel</name>
    <message>
        <source>Destination</source>
        <translation>目标</translation>
    </message>
    <message>
        <source>Kind:</source>
        <translation>类型：</translation>
    </message>
    <message>
        <source>Unicast (one host)</source>
        <translation>单播（一台主机）</translation>
    </message>
    <message>
        <source>Limited broadcast 255.255.255.255</source>
        <translation>受限广播 255.255.255.255</translation>
    </message>
    <message>
        <source>Subnet broadcast of an interface</source>
        <translation>某接口的子网广播</translation>
    </message>
    <message>
        <source>IPv4 multicast group</source>
        <translation>IPv4 组播组</translation>
    </message>
    <message>
        <source>IPv6 multicast group</source>
        <translation>IPv6 组播组</translation>
    </message>
    <message>
        <source>Host:</source>
        <translation>主机：</translation>
    </message>
    <message>
        <source>Port:</source>
        <translation>端口：</translation>
    </message>
    <message>
        <source>TTL:</source>
        <translation>TTL：</translation>
    </message>
    <message>
        <source>system default</source>
        <translation>系统默认</translation>
    </message>
    <message>
        <source>IP_MULTICAST_TTL for groups (0 = this host only, 1 = this subnet), IP_TTL otherwise.</source>
        <translation>组播时为 IP_MULTICAST_TTL（0 = 仅本机，1 = 本子网），否则为 IP_TTL。</translation>
    </message>
    <message>
        <source>Interface:</source>
        <translation>接口：</translation>
    </message>
    <message>
        <source>Outgoing interface for multicast (IP_MULTICAST_IF).</source>
        <translation>组播的发出接口（IP_MULTICAST_IF）。</translation>
    </message>
    <message>
        <source>routing table decides</source>
        <translation>由路由表决定</translation>
    </message>
    <message>
        <source>Payload</source>
        <translation>载荷</translation>
    </message>
    <message>
        <source>Text (escapes %1)</source>
        <translation>文本（转义 %1）</translation>
    </message>
    <message>
        <source>Hex bytes</source>
        <translation>十六进制字节</translation>
    </message>
    <message>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>Python struct (format + values)</source>
        <translation>Python struct（格式 + 值）</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <source>Format:</source>
        <translation>格式：</translation>
    </message>
    <message>
        <source>Byte order @ = &lt; &gt; !, codes x c b B ? h H i I l L q Q n N e f d s p, repeat counts: !i8sf</source>
        <translation>字节序 @ = &lt; &gt; !，格式码 x c b B ? h H i I l L q Q n N e f d s p，可带重复次数：!i8sf</translation>
    </message>
    <message>
        <source>Values:</source>
        <translation>值：</translation>
    </message>
    <message>
        <source>Comma-separated, strings in quotes: 7, &quot;zhangsan&quot;, 1.75</source>
        <translation>用逗号分隔，字符串加引号：7, &quot;zhangsan&quot;, 1.75</translation>
    </message>
    <message>
        <source>Bytes to send:</source>
        <translation>要发送的字节：</translation>
    </message>
    <message>
        <source>Repeat</source>
        <translation>重复</translation>
    </message>
    <message>
        <source>Count:</source>
        <translation>次数：</translation>
    </message>
    <message>
        <source>until stopped</source>
        <translation>直到停止</translation>
    </message>
    <message>
        <source>Interval (ms):</source>
        <translation>间隔（毫秒）：</translation>
    </message>
    <message>
        <source>Rate (datagrams/s):</source>
        <translation>速率（数据报/秒）：</translation>
    </message>
    <message>
        <source>Sequenced test mode (sequence number + send time, for loss counting)</source>
        <translation>序号测试模式（序号 + 发送时间，用于统计丢包）</translation>
    </message>
    <message>
        <source>Datagram size:</source>
        <translation>数据报大小：</translation>
    </message>
    <message>
        <source>header + payload</source>
        <translation>头部 + 载荷</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>发送</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <source>Choose a file to send.</source>
        <translation>请选择要发送的文件。</translation>
    </message>
    <message>
        <source>Format, character %1: %2</source>
        <translation>格式，第 %1 个字符：%2</translation>
    </message>
    <message>
        <source>Values: %1</source>
        <translation>值：%1</translation>
    </message>
    <message>
        <source>Character %1: %2</source>
        <translation>第 %1 个字符：%2</translation>
    </message>
    <message numerus="yes">
        <source>Bytes to send (%n byte(s)):</source>
        <translation>
            <numerusform>要发送的字节（%n 字节）：</numerusform>
        </translation>
    </message>
    <message>
        <source>(empty datagram)</source>
        <translation>（空数据报）</translation>
    </message>
    <message>
        <source>File to send</source>
        <translation>要发送的文件</translation>
    </message>
    <message>
        <source>No interface offers a broadcast address.</source>
        <translation>没有接口提供广播地址。</translation>
    </message>
    <message>
        <source>%1 is not a multicast group (224.0.0.0/4 or ff00::/8).</source>
        <translation>%1 不是组播组（224.0.0.0/4 或 ff00::/8）。</translation>
    </message>
    <message>
        <source>%1 is a multicast group: choose a multicast destination kind.</source>
        <translation>%1 是组播组：请选择组播目标类型。</translation>
    </message>
    <message>
        <source>Cannot send: %1</source>
        <translation>无法发送：%1</translation>
    </message>
    <message>
        <source>Socket options: %1</source>
        <translation>套接字选项：%1</translation>
    </message>
    <message>
        <source>Sent %1 datagram(s), %2 bytes, %3 datagrams/s</source>
        <translation>已发送 %1 个数据报，%2 字节，%3 个数据报/秒</translation>
    </message>
    <message>
        <source>Sending stopped: %1</source>
        <translation>发送已停止：%1</translation>
    </message>
    <message>
        <source>An IP address or a host name (resolved when sending).</source>
        <translation>IP 地址或主机名（发送时解析）。</translation>
    </message>
    <message>
        <source>Enter a host name or an IP address.</source>
        <translation>请输入主机名或 IP 地址。</translation>
    </message>
    <message>
        <source>Resolving %1…</source>
        <translation>正在解析 %1…</translation>
    </message>
    <message>
        <source>Sequenced test mode</source>
        <translation>序号测试模式</translation>
    </message>
</context>
<context>
    <name>widgets::udp::UdpTab</name>
    <message>
        <source>UDP</source>
        <translation>UDP</translation>
    </message>
    <message numerus="yes">
        <source>UDP listener on port %1, %n sender(s) seen</source>
        <translation>
            <numerusform>端口 %1 上的 UDP 监听器，已有 %n 个发送方</numerusform>
        </translation>
    </message>
</context>
</TS>
