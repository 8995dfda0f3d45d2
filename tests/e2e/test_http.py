#!/usr/bin/env python3
"""e2e: `socketeer serve http` as the server of curl, `socketeer http send` as the client of real servers.

- curl --trace records what curl sent; the capture server echoes what it received: they must be equal.
- --root serves files, refuses to leave the folder (curl --path-as-is), answers 404.
- `http send` against python3 -m http.server, with -L through a redirect, --raw, and against
  openssl s_server with a self-signed certificate (refused without --insecure, explained; accepted with it).
- `http check` points at the byte of a mistake and fixes Content-Length.
- Bounds (docs/reliability.md, "HTTP"): a file larger than one piece is streamed whole; --max-per-host 1 answers
  a second connection from the same address with 429; a too-large Content-Length is answered 413 at once,
  also instead of 100 Continue.
- Conformance (docs/protocols/http.md, "Conformance"): every row of the table is sent as raw bytes to `serve http`
  (echo, not strict), `serve http --root` (strict) and nginx (the second implementation, a temporary config, its
  own session, stopped with its whole process group), and each answer's status line is compared with the table;
  the findings appear in the X-Socketeer-Finding header and in the log line, non-ASCII header bytes as \\xNN.
Every server listens on a port the OS chose.
"""
import os
import re
import select
import shutil
import socket
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "pylib"))
from procs import free_port, stop_group  # noqa: E402

SOCKETEER = os.environ.get("SOCKETEER", "socketeer")
TIMEOUT = 20
failures = []


def check(condition, message):
    if not condition:
        failures.append(message)
        print("FAIL:", message, file=sys.stderr)


def start(args, pattern, **kw):
    """Starts a process and reads its output until `pattern` matches a line; returns (process, match)."""
    proc = subprocess.Popen(args, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, **kw)
    deadline = time.monotonic() + TIMEOUT
    while time.monotonic() < deadline:
        line = proc.stdout.readline().decode("utf-8", "replace")
        if not line:
            break
        m = re.search(pattern, line)
        if m:
            return proc, m
    proc.kill()
    raise SystemExit(f"{args[0]} did not print {pattern!r}")


def trace_sent(path):
    """The bytes curl --trace says it sent (headers and data)."""
    sent = bytearray()
    sending = False
    with open(path, encoding="latin-1") as f:
        for line in f:
            if line.startswith("=>"):
                sending = line.startswith("=> Send header") or line.startswith("=> Send data")
                continue
            if line.startswith("<=") or line.startswith("=="):
                sending = False
                continue
            if sending and re.match(r"^[0-9a-f]{4}: ", line):
                hexpart = line[6:6 + 48]
                sent += bytes.fromhex(hexpart.replace(" ", ""))
    return bytes(sent)


def run(args, **kw):
    return subprocess.run(args, capture_output=True, timeout=TIMEOUT, **kw)


# --- conformance: raw bytes to socketeer (echo / strict --root) and to nginx ---

NGINX = shutil.which("nginx") or "/usr/sbin/nginx"
BIG = 9_000_000   # above the capture server's 8 MiB body cap and nginx's 1 MiB client_max_body_size

# (name, request bytes, echo status, echo finding "rule@offset" or None, strict --root status, nginx status).
# A status is the response's first line; "HTTP/0.9" means nginx answered with the body alone (no status line);
# "+open" means the connection stayed open after the answer. Keep in step with the table in docs/protocols/http.md.
CONFORMANCE = [
    ("whitespace before colon", b"GET /a.txt HTTP/1.1\r\nHost: t\r\nX-A : b\r\n\r\n",
     "200 OK+open", "space-before-colon@33", "400 Bad Request", "400 Bad Request"),
    ("space inside a field name", b"GET /a.txt HTTP/1.1\r\nHost: t\r\nX A: b\r\n\r\n",
     "200 OK+open", "invalid-header-name@31", "400 Bad Request", "400 Bad Request"),
    ("two Host", b"GET /a.txt HTTP/1.1\r\nHost: t\r\nHost: u\r\n\r\n",
     "200 OK+open", "duplicate-host@30", "400 Bad Request", "400 Bad Request"),
    ("HTTP/1.1 without Host", b"GET /a.txt HTTP/1.1\r\n\r\n",
     "200 OK+open", "missing-host@21", "400 Bad Request", "400 Bad Request"),
    ("double space in the request line", b"GET  /a.txt HTTP/1.1\r\nHost: t\r\n\r\n",
     "200 OK+open", "bad-request-line@4", "400 Bad Request", "200 OK+open"),
    ("obs-fold", b"GET /a.txt HTTP/1.1\r\nHost: t\r\nX-A: b\r\n c\r\n\r\n",
     "200 OK+open", "folded-header@38", "400 Bad Request", "400 Bad Request"),
    ("no version (HTTP/0.9)", b"GET /a.txt\r\n\r\n",
     "200 OK", "bad-request-line@10", "400 Bad Request", "HTTP/0.9"),
    ("HTTP/2.0 on the request line", b"GET /a.txt HTTP/2.0\r\nHost: t\r\n\r\n",
     "200 OK", "bad-version@11", "400 Bad Request", "505 HTTP Version Not Supported"),
    ("HTTP/3.0 on the request line", b"GET /a.txt HTTP/3.0\r\nHost: t\r\n\r\n",
     "400 Bad Request", None, "400 Bad Request", "505 HTTP Version Not Supported"),
    ("bare LF line ends", b"GET /a.txt HTTP/1.1\nHost: t\n\n",
     "400 Bad Request", None, "400 Bad Request", "200 OK+open"),
    ("Content-Length with chunked", b"POST /a.txt HTTP/1.1\r\nHost: t\r\nContent-Length: 3\r\n"
     b"Transfer-Encoding: chunked\r\n\r\n0\r\n\r\n", "400 Bad Request", None, "400 Bad Request", "400 Bad Request"),
    ("CONNECT", b"CONNECT example.org:443 HTTP/1.1\r\nHost: example.org:443\r\n\r\n",
     "405 Method Not Allowed", None, "405 Method Not Allowed", "400 Bad Request"),
    ("HTTP/1.0 with keep-alive", b"GET /a.txt HTTP/1.0\r\nConnection: keep-alive\r\n\r\n",
     "200 OK+open", None, "200 OK+open", "200 OK+open"),
    ("HTTP/1.0 without keep-alive", b"GET /a.txt HTTP/1.0\r\n\r\n",
     "200 OK", None, "200 OK", "200 OK"),
    ("absolute-form target", b"GET http://t/a.txt HTTP/1.1\r\nHost: t\r\n\r\n",
     "200 OK+open", None, "200 OK+open", "200 OK+open"),
    ("dotfile", b"GET /.env HTTP/1.1\r\nHost: t\r\n\r\n",
     "200 OK+open", None, "404 Not Found+open", "200 OK+open"),
    ("Expect: 100-continue over the body cap", b"POST /a.txt HTTP/1.1\r\nHost: t\r\nContent-Length: %d\r\n"
     b"Expect: 100-continue\r\n\r\n" % BIG, "413 Content Too Large", None, "413 Content Too Large",
     "413 Request Entity Too Large+open"),
]



def start_nginx(prefix, root):
    port = free_port()
    user = "user root;\n" if os.geteuid() == 0 else ""
    conf = (f"worker_processes 1;\ndaemon off;\npid {prefix}/nginx.pid;\nerror_log {prefix}/error.log;\n{user}"
            f"events {{ worker_connections 64; }}\nhttp {{\n access_log off;\n"
            f" client_body_temp_path {prefix}/b; proxy_temp_path {prefix}/p; fastcgi_temp_path {prefix}/f;\n"
            f" uwsgi_temp_path {prefix}/u; scgi_temp_path {prefix}/s;\n types {{ text/plain txt; }}\n"
            f" server {{ listen 127.0.0.1:{port}; root {root}; }}\n}}\n")
    path = os.path.join(prefix, "nginx.conf")
    open(path, "w").write(conf)
    proc = subprocess.Popen([NGINX, "-p", prefix, "-e", f"{prefix}/error.log", "-c", path],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    deadline = time.monotonic() + TIMEOUT
    while time.monotonic() < deadline and proc.poll() is None:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.2):
                return proc, port
        except OSError:
            time.sleep(0.05)  # polling for nginx to accept, not a fixed wait
    stop_group(proc)
    raise SystemExit("nginx did not start")


def exchange(port, data):
    """Sends raw bytes, reads one answer; returns (bytes, stayed_open). The answer is complete when its head and
    Content-Length bytes are in, or at the close; a connection still open 0.5 s after a complete answer stayed open."""
    with socket.create_connection(("127.0.0.1", port), timeout=TIMEOUT) as s:
        s.sendall(data)
        got = b""
        while True:
            head_end = got.find(b"\r\n\r\n")
            if head_end >= 0 and got.startswith(b"HTTP/1.1 100"):
                got = got[head_end + 4:]
                continue
            if head_end >= 0:
                m = re.search(rb"\r\ncontent-length: *(\d+)", got[:head_end], re.I)
                if m and len(got) >= head_end + 4 + int(m.group(1)):
                    break
            chunk = s.recv(65536)
            if not chunk:
                return got, False
            got += chunk
        s.settimeout(0.5)
        try:
            return got, s.recv(1) != b""   # b"": the server closed after its answer
        except socket.timeout:
            return got, True
        except ConnectionResetError:
            return got, False


def status_of(answer, stayed_open):
    first = answer.split(b"\r\n", 1)[0].decode("latin-1")
    status = first.split(" ", 1)[1] if first.startswith("HTTP/1.") else "HTTP/0.9"
    return status + ("+open" if stayed_open else "")


def read_log_until(proc, pattern):
    """Lines the server logged until one matches `pattern` (a deadline, never a blocking read forever)."""
    deadline = time.monotonic() + TIMEOUT
    lines = []
    while time.monotonic() < deadline:
        ready, _, _ = select.select([proc.stdout], [], [], max(0.0, deadline - time.monotonic()))
        if not ready:
            break
        line = proc.stdout.readline().decode("utf-8", "replace")
        if not line:
            break
        lines.append(line)
        if re.search(pattern, line):
            return line, lines
    return None, lines


def conformance(tmp, procs):
    root = os.path.join(tmp, "conf-root")
    os.makedirs(root)
    open(os.path.join(root, "a.txt"), "w").write("a\n")
    open(os.path.join(root, ".env"), "w").write("SECRET=1\n")
    echo, m = start([SOCKETEER, "serve", "http", "--port", "0"], r"listening http tcp 127\.0\.0\.1 (\d+)$")
    procs.append(echo)
    echo_port = int(m.group(1))
    strict, m = start([SOCKETEER, "serve", "http", "--port", "0", "--root", root], r"listening http tcp 127\.0\.0\.1 (\d+)$")
    procs.append(strict)
    strict_port = int(m.group(1))
    nginx_prefix = os.path.join(tmp, "nginx")
    os.makedirs(nginx_prefix)
    nginx, nginx_port = start_nginx(nginx_prefix, root)
    try:
        for name, data, echo_want, finding, strict_want, nginx_want in CONFORMANCE:
            answer, stayed = exchange(echo_port, data)
            got = status_of(answer, stayed)
            check(got == echo_want, f"{name}: echo answered {got!r}, the table says {echo_want!r}")
            if finding:
                rule, offset = finding.split("@")
                header = re.search(rb"\r\nX-Socketeer-Finding: offset (\d+): ", answer)
                check(header is not None and header.group(1) == offset.encode(),
                      f"{name}: X-Socketeer-Finding at byte {offset} expected: {answer[:400]!r}")
                check(answer.endswith(b"\r\n\r\n" + data), f"{name}: the request is echoed")
                line, _ = read_log_until(echo, r"^http: #")
                check(line is not None and f"finding={rule} at byte {offset}" in line, f"{name}: log line {line!r}")
            elif echo_want.startswith("200"):
                line, _ = read_log_until(echo, r"^http: #")
                check(line is not None and "finding=" not in line, f"{name}: no finding in {line!r}")
            else:
                read_log_until(echo, r"^http: #")
            answer, stayed = exchange(strict_port, data)
            got = status_of(answer, stayed)
            check(got == strict_want, f"{name}: --root (strict) answered {got!r}, the table says {strict_want!r}")
            if finding:
                check(f"Malformed request at byte {finding.split('@')[1]}: ".encode() in answer,
                      f"{name}: the strict 400 points at the byte: {answer!r}")
            answer, stayed = exchange(nginx_port, data)
            got = status_of(answer, stayed)
            check(got == nginx_want, f"{name}: nginx answered {got!r}, the table says {nginx_want!r}")
        # the echo's CONNECT answer names the methods served and carries no tunnel
        answer, _ = exchange(echo_port, CONFORMANCE[11][1])
        check(b"\r\nAllow: GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS, TRACE\r\n" in answer, f"CONNECT: {answer!r}")
        read_log_until(echo, r"^http: #")
        # non-ASCII header bytes are logged escaped, never as C1 control characters
        exchange(echo_port, b"GET /x HTTP/1.1\r\nHost: t\r\nUser-Agent: a\x9bb\xc3\xa9\r\n\r\n")
        line, _ = read_log_until(echo, r"^http: #")
        check(line is not None and 'ua="a\\x9bb\\xc3\\xa9"' in line and "\u009b" not in line, f"log escapes bytes: {line!r}")
        # --show-hidden serves the dotfile
        hidden, m = start([SOCKETEER, "serve", "http", "--port", "0", "--root", root, "--show-hidden"],
                          r"listening http tcp 127\.0\.0\.1 (\d+)$")
        procs.append(hidden)
        answer, _ = exchange(int(m.group(1)), b"GET /.env HTTP/1.1\r\nHost: t\r\n\r\n")
        check(answer.startswith(b"HTTP/1.1 200 OK\r\n") and answer.endswith(b"SECRET=1\n"), f"--show-hidden: {answer!r}")
        # --no-strict with --root: flagged, answered
        loose, m = start([SOCKETEER, "serve", "http", "--port", "0", "--root", root, "--no-strict"],
                         r"listening http tcp 127\.0\.0\.1 (\d+)$")
        procs.append(loose)
        answer, _ = exchange(int(m.group(1)), CONFORMANCE[0][1])
        check(answer.startswith(b"HTTP/1.1 200 OK\r\n") and b"X-Socketeer-Finding: offset 33: whitespace before colon"
              in answer and answer.endswith(b"\r\n\r\na\n"), f"--no-strict: {answer!r}")
    finally:
        stop_group(nginx)


def main():
    tmp = tempfile.mkdtemp(prefix="socketeer-http-e2e-")
    procs = []
    try:
        # --- curl against the echoing capture server ---
        server, m = start([SOCKETEER, "serve", "http", "--port", "0"], r"^socketeer: listening http tcp 127\.0\.0\.1 (\d+)$")
        procs.append(server)
        port = int(m.group(1))
        check(port != 0 and port != 8000, "the first log line names the port the OS chose")
        trace = os.path.join(tmp, "trace.txt")
        body = os.path.join(tmp, "body.bin")
        r = run(["curl", "-s", "--trace", trace, "-o", body, "-H", "X-Course: PythonNet",
                 "--data-binary", "name=bob&msg=%E4%BD%A0", f"http://127.0.0.1:{port}/post?x=1"])
        check(r.returncode == 0, f"curl exits 0 (got {r.returncode})")
        sent = trace_sent(trace)
        echoed = open(body, "rb").read()
        check(len(sent) > 50 and sent.startswith(b"POST /post?x=1 HTTP/1.1\r\n"), f"curl's trace parsed: {sent[:40]!r}")
        check(echoed == sent, f"captured bytes == curl --trace's sent bytes ({len(echoed)} vs {len(sent)})")
        # keep-alive reuse seen by the server: two URLs in one curl run share one connection
        run(["curl", "-s", "-o", "/dev/null", "-o", "/dev/null", f"http://127.0.0.1:{port}/a", f"http://127.0.0.1:{port}/b"])
        server.terminate()
        log = server.communicate(timeout=TIMEOUT)[0].decode()
        check(re.search(r"#1\.1 127\.0\.0\.1:\d+ POST /post\?x=1 -> 200", log) is not None, "POST logged:\n" + log)
        check(re.search(r"#2\.1 \S+ GET /a -> 200", log) and re.search(r"#2\.2 \S+ GET /b -> 200", log),
              "the second request on connection #2 is logged as #2.2 (reuse):\n" + log)
        check('ua="curl/' in log, "the User-Agent is logged")

        # --- static files with a jail ---
        www = os.path.join(tmp, "www")
        os.makedirs(os.path.join(www, "sub"))
        open(os.path.join(www, "index.html"), "w").write("<h1>v2</h1>\n")
        open(os.path.join(tmp, "secret.txt"), "w").write("secret\n")
        server, m = start([SOCKETEER, "serve", "http", "--port", "0", "--root", www], r"^socketeer: listening http tcp 127\.0\.0\.1 (\d+)$")
        procs.append(server)
        port = int(m.group(1))
        r = run(["curl", "-s", f"http://127.0.0.1:{port}/"])
        check(r.stdout == b"<h1>v2</h1>\n", f"index.html served: {r.stdout!r}")
        for path, code in (("/nothing", "404"), ("/../secret.txt", "403"), ("/sub/../../secret.txt", "403"),
                           ("/%2e%2e/secret.txt", "403"), ("/sub", "301")):
            r = run(["curl", "-s", "--path-as-is", "-o", "/dev/null", "-w", "%{http_code}", f"http://127.0.0.1:{port}{path}"])
            check(r.stdout.decode() == code, f"{path} -> {code} (got {r.stdout!r})")
        # a file streamed in pieces arrives whole
        blob = bytes(range(256)) * (3 * 4096 + 7)
        open(os.path.join(www, "blob.bin"), "wb").write(blob)
        r = run(["curl", "-s", f"http://127.0.0.1:{port}/blob.bin"])
        check(r.stdout == blob, f"a {len(blob)}-byte file streamed whole (got {len(r.stdout)} bytes)")
        # gzip + chunked as curl sees it
        server.terminate()
        server.communicate(timeout=TIMEOUT)
        server, m = start([SOCKETEER, "serve", "http", "--port", "0", "--root", www, "--gzip", "--chunked"],
                          r"^socketeer: listening http tcp 127\.0\.0\.1 (\d+)$")
        procs.append(server)
        port = int(m.group(1))
        r = run(["curl", "-s", "--compressed", "-D", "-", f"http://127.0.0.1:{port}/index.html"])
        out = r.stdout.replace(b"\r\n", b"\n")
        check(b"transfer-encoding: chunked" in out.lower() and b"content-encoding: gzip" in out.lower()
              and out.endswith(b"<h1>v2</h1>\n"), f"gzip+chunked decoded by curl: {out!r}")
        server.terminate()
        server.communicate(timeout=TIMEOUT)

        # --- bounds: per-host cap, 413 before the body ---
        server, m = start([SOCKETEER, "serve", "http", "--port", "0", "--max-per-host", "1"],
                          r"^socketeer: listening http tcp 127\.0\.0\.1 (\d+)$")
        procs.append(server)
        port = int(m.group(1))
        held = socket.create_connection(("127.0.0.1", port), timeout=TIMEOUT)
        held.sendall(b"GET /held HTTP/1.1\r\nHost: t\r\n\r\n")
        check(held.recv(65536).startswith(b"HTTP/1.1 200 OK\r\n"), "the first connection is served")
        r = run(["curl", "-s", "-D", "-", f"http://127.0.0.1:{port}/second"])
        check(r.stdout.startswith(b"HTTP/1.1 429 Too Many Requests\r\n") and b"Your address already has 1 connections" in r.stdout,
              f"a second connection from the same address gets 429 with the reason: {r.stdout!r}")
        held.close()
        server.terminate()
        server.communicate(timeout=TIMEOUT)
        server, m = start([SOCKETEER, "serve", "http", "--port", "0"], r"^socketeer: listening http tcp 127\.0\.0\.1 (\d+)$")
        procs.append(server)
        port = int(m.group(1))
        for expect in (b"Expect: 100-continue\r\n", b""):
            s = socket.create_connection(("127.0.0.1", port), timeout=TIMEOUT)
            s.sendall(b"POST /up HTTP/1.1\r\nHost: t\r\nContent-Length: 900000000\r\n" + expect + b"\r\n")
            reply = b""
            while True:
                piece = s.recv(65536)
                if not piece:
                    break
                reply += piece
            s.close()
            check(reply.startswith(b"HTTP/1.1 413 Content Too Large\r\n") and b"100 Continue" not in reply,
                  f"413 at once for Content-Length 900000000 ({expect!r}): {reply!r}")
        server.terminate()
        log = server.communicate(timeout=TIMEOUT)[0].decode()
        check("POST /up -> 413" in log and "error=body-too-large at byte" in log, "the 413 is logged:\n" + log)

        # --- http send against python3 -m http.server ---
        pyserver, m = start([sys.executable, "-u", "-m", "http.server", "0", "--bind", "127.0.0.1", "--directory", www],
                            r"port (\d+)")
        procs.append(pyserver)
        pport = int(m.group(1))
        r = run([SOCKETEER, "http", "send", "-L", f"http://127.0.0.1:{pport}/sub"])
        text = r.stdout.decode("utf-8", "replace")
        check(r.returncode == 0, f"http send -L exits 0 ({r.returncode}): {r.stderr!r}")
        check("hop 1 of 2" in text and "hop 2 of 2" in text, "both hops printed:\n" + text)
        check("> GET /sub HTTP/1.1\\r\\n" in text and "> GET /sub/ HTTP/1.1\\r\\n" in text, "exact request lines shown")
        check("< HTTP/1.0 301 Moved Permanently\\r\\n" in text, "the 301 status line shown with its CR LF")
        check("Server: SimpleHTTP" in text, "python's headers shown")
        raw = os.path.join(tmp, "raw.txt")
        open(raw, "wb").write(b"HEAD /index.html HTTP/1.0\r\n\r\n")
        r = run([SOCKETEER, "http", "send", "--raw", raw, f"http://127.0.0.1:{pport}/ignored"])
        text = r.stdout.decode()
        check(r.returncode == 0 and "> HEAD /index.html HTTP/1.0\\r\\n\n> \\r\\n\n" in text, "--raw bytes sent as given:\n" + text)
        check("Content-Length: 12" in text and "body: 0 bytes" in text, "HEAD: no body read despite Content-Length")
        # nothing listens on a closed port: exit 1
        r = run([SOCKETEER, "http", "send", f"http://127.0.0.1:{port}/"])
        check(r.returncode == 1, f"connection refused exits 1 (got {r.returncode})")

        # --- TLS against openssl s_server with a self-signed certificate ---
        key, cert = os.path.join(tmp, "k.pem"), os.path.join(tmp, "c.pem")
        run(["openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes",
             "-keyout", key, "-out", cert, "-days", "2", "-subj", "/CN=localhost", "-addext", "subjectAltName=DNS:localhost"])
        tls, m = start(["openssl", "s_server", "-www", "-accept", "127.0.0.1:0", "-cert", cert, "-key", key],
                       r"ACCEPT 127\.0\.0\.1:(\d+)")
        procs.append(tls)
        tport = int(m.group(1))
        r = run([SOCKETEER, "http", "send", f"https://localhost:{tport}/"])
        text = r.stdout.decode()
        check(r.returncode == 3, f"self-signed refused with exit 3 (got {r.returncode})")
        check("[self-signed]" in text and "certificate 0: CN=localhost" in text and "> GET" not in text,
              "chain and error shown, nothing sent:\n" + text)
        r = run([SOCKETEER, "http", "send", "--insecure", f"https://localhost:{tport}/"])
        text = r.stdout.decode("utf-8", "replace")
        check(r.returncode == 0 and "TLS: TLS 1." in text and "(continuing: --insecure)" in text
              and "< HTTP/1.0 200 ok" in text, "--insecure continues, says so:\n" + text)

        # --- the checker ---
        bad = os.path.join(tmp, "bad.txt")
        open(bad, "wb").write(b"POST /login HTTP/1.1\r\nHost: h\r\nContent-Length: 4\r\n\r\nuser=bob")
        r = run([SOCKETEER, "http", "check", bad])
        text = r.stdout.decode()
        check(r.returncode == 1 and "byte 47:" in text and "[content-length-mismatch]" in text
              and "parser-rejected" not in text, "checker output:\n" + text)
        r = run([SOCKETEER, "http", "check", "--fix-content-length", bad])
        check(r.stdout.endswith(b"Content-Length: 8\r\n\r\nuser=bob"), f"fixed: {r.stdout!r}")
        conformance(tmp, procs)
    finally:
        for proc in procs:
            if proc.poll() is None:
                proc.kill()
                proc.wait()
        shutil.rmtree(tmp, ignore_errors=True)
    if failures:
        print(f"{len(failures)} failure(s)", file=sys.stderr)
        return 1
    print("ok")
    return 0


if __name__ == "__main__":
    sys.exit(main())
