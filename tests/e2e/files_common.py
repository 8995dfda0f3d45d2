"""Helpers shared by the file-transfer end-to-end tests: start `socketeer serve files` on port 0, run the CLI,
and a course-style Python file server written from the course brief (../shared/course/brief.md)."""
import hashlib
import os
import re
import socket
import subprocess
import threading
import time

SOCKETEER = os.environ["SOCKETEER"]
DEADLINE_S = 30


def sha256(path):
    with open(path, "rb") as f:
        return hashlib.sha256(f.read()).hexdigest()


def run(*args, env=None):
    return subprocess.run([SOCKETEER, *args], capture_output=True, text=True, env=env, timeout=DEADLINE_S,
                          stdin=subprocess.DEVNULL)


class Server:
    """`socketeer serve files --port 0 ...` as a child process. .port comes from the machine-readable start-up line
    (`socketeer: listening files tcp ADDRESS PORT`), .banner is the sentence for people that follows it."""

    def __init__(self, *args, env=None, preexec_fn=None):
        self.proc = subprocess.Popen([SOCKETEER, "serve", "files", "--port", "0", *args], stdout=subprocess.PIPE,
                                     stderr=subprocess.PIPE, text=True, env=env, stdin=subprocess.DEVNULL,
                                     preexec_fn=preexec_fn)
        first_line = self.proc.stdout.readline()
        match = re.fullmatch(r"socketeer: listening files tcp (\S+) (\d+)\n", first_line)
        if not match:
            self.stop()
            raise AssertionError(f"no listening line first: {first_line!r} stderr={self.proc.stderr.read()!r}")
        self.port = int(match.group(2))
        self.banner = self.proc.stdout.readline()

    def stop(self):
        if self.proc.poll() is None:
            self.proc.terminate()
        self.proc.wait(timeout=DEADLINE_S)
        self.proc.stdout.close()
        self.proc.stderr.close()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.stop()


class CourseServer:
    """A 2018/19-style course file server, as the brief describes it: first character picks the request,
    sleep(0.1) between messages, '##' ends a download, an upload ends on a recv() that is exactly '##'.
    (Like the students' servers it sends 1024-byte pieces; unlike them it is not exposed to path tricks
    because the test only uses plain names.)"""

    def __init__(self, root, glue_status=False, use_y=False):
        self.root = root
        self.glue_status = glue_status
        self.use_y = use_y
        self.sock = socket.socket()
        self.sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(5)
        self.port = self.sock.getsockname()[1]
        self.thread = threading.Thread(target=self.serve, daemon=True)
        self.thread.start()

    def serve(self):
        while True:
            try:
                conn, _ = self.sock.accept()
            except OSError:
                return
            threading.Thread(target=self.handle, args=(conn,), daemon=True).start()

    def handle(self, conn):
        conn.settimeout(DEADLINE_S)
        with conn:
            while True:
                data = conn.recv(1024).decode()
                if not data or data[0] == "Q":
                    return
                if data[0] == "L":
                    names = sorted(n for n in os.listdir(self.root)
                                   if not n.startswith(".") and os.path.isfile(os.path.join(self.root, n)))
                    if not names:
                        conn.send("文件库为空".encode())
                        continue
                    listing = "".join(n + "#" for n in names)
                    status = "Y" if self.use_y else "OK"
                    if self.glue_status:
                        conn.send((status + listing).encode())
                    else:
                        conn.send(status.encode())
                        time.sleep(0.1)
                        conn.send(listing.encode())
                elif data[0] == "G":
                    name = data[2:]
                    try:
                        f = open(os.path.join(self.root, name), "rb")
                    except OSError:
                        conn.send("文件不存在".encode())
                        continue
                    conn.send(b"OK")
                    time.sleep(0.1)
                    while True:
                        piece = f.read(1024)
                        if not piece:
                            break
                        conn.send(piece)
                    f.close()
                    time.sleep(0.1)
                    conn.send(b"##")
                elif data[0] == "P":
                    name = data[2:]
                    if os.path.exists(os.path.join(self.root, name)):
                        conn.send("无法上传".encode())
                        continue
                    conn.send(b"OK")
                    with open(os.path.join(self.root, name), "wb") as f:
                        while True:
                            piece = conn.recv(1024)
                            if piece == b"##":
                                break
                            f.write(piece)

    def close(self):
        self.sock.close()
