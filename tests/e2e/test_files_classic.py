#!/usr/bin/env python3
"""`socketeer serve files --classic` against students' Python clients written from the course brief
(2018/19 L/G/P/Q and 2020 LIST/RETR/STOR/EXIT): sleeps between messages, '##' end markers, no framing."""
import os
import socket
import tempfile
import time
import unittest

from files_common import Server

TIMEOUT_S = 10


def recv_until_quiet(sock, quiet_s=0.6):
    """What a careful student client does: read until the server goes quiet."""
    data = b""
    sock.settimeout(quiet_s)
    try:
        while True:
            piece = sock.recv(4096)
            if not piece:
                break
            data += piece
    except socket.timeout:
        pass
    sock.settimeout(TIMEOUT_S)
    return data


class StudentClient:
    def __init__(self, port):
        self.sock = socket.create_connection(("127.0.0.1", port), timeout=TIMEOUT_S)

    def request(self, text):
        self.sock.send(text.encode())
        return recv_until_quiet(self.sock)

    def download(self, command):
        """Send G/RETR, strip the leading OK and the trailing '##' (the course clients stop on '##')."""
        self.sock.send(command.encode())
        status = self.sock.recv(2)
        if status != b"OK":
            return status + recv_until_quiet(self.sock)
        data = b""
        while not data.endswith(b"##"):
            piece = self.sock.recv(65536)
            if not piece:
                break
            data += piece
        return b"OK" + data

    def upload(self, command, payload):
        self.sock.send(command.encode())
        answer = self.sock.recv(1024)
        if answer != b"OK":
            return answer
        self.sock.sendall(payload)
        time.sleep(0.3)  # the course's clients sleep so that '##' is a recv() of its own
        self.sock.send(b"##")
        return answer

    def close(self, word):
        self.sock.send(word.encode())
        self.sock.close()


class ClassicServer(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.TemporaryDirectory()
        self.root = os.path.join(self.tmp.name, "root")
        os.mkdir(self.root)
        with open(os.path.join(self.root, "a.txt"), "wb") as f:
            f.write(b"hello\n" * 1000)
        with open(os.path.join(self.root, "笔记.txt"), "wb") as f:
            f.write("中文内容".encode())
        with open(os.path.join(self.root, ".hidden"), "wb") as f:
            f.write(b"hidden")
        os.mkdir(os.path.join(self.root, "folder"))
        with open(os.path.join(self.tmp.name, "secret.txt"), "wb") as f:
            f.write(b"top secret")
        self.server = Server("--root", self.root, "--classic")
        self.assertIn("classic", self.server.banner)

    def tearDown(self):
        self.server.stop()
        self.tmp.cleanup()

    def test_2018_list_get_put_quit(self):
        c = StudentClient(self.server.port)
        listing = c.request("L")
        self.assertEqual(listing, "OKa.txt#笔记.txt#".encode())  # hidden files and folders are skipped
        self.assertEqual(c.download("G a.txt"), b"OK" + b"hello\n" * 1000 + b"##")
        self.assertEqual(c.download("G 笔记.txt"), b"OK" + "中文内容".encode() + b"##")
        self.assertEqual(c.download("G nope.txt"), "文件不存在".encode())
        payload = os.urandom(200000)
        self.assertEqual(c.upload("P up.bin", payload), b"OK")
        self.wait_for_file("up.bin", payload)
        self.assertEqual(c.upload("P up.bin", b"again"), "无法上传".encode())  # exists: refused
        c.close("Q")

    def test_2020_list_retr_stor_exit(self):
        c = StudentClient(self.server.port)
        self.assertEqual(c.request("LIST"), "OKa.txt\n笔记.txt".encode())
        self.assertEqual(c.download("RETR a.txt"), b"OK" + b"hello\n" * 1000 + b"##")
        self.assertEqual(c.download("RETR missing"), b"FAIL")
        self.assertEqual(c.upload("STOR new.txt", b"2020 upload"), b"OK")
        self.wait_for_file("new.txt", b"2020 upload")
        self.assertEqual(c.upload("STOR new.txt", b"x"), b"FAIL")
        c.close("EXIT")

    def test_path_tricks_are_refused(self):
        c = StudentClient(self.server.port)
        for name in ("../secret.txt", "/etc/passwd", ".hidden", "folder", "folder/../../secret.txt"):
            self.assertEqual(c.download("G " + name), "文件不存在".encode(), name)
        self.assertEqual(c.upload("P ../evil.txt", b"x"), "无法上传".encode())
        self.assertEqual(c.upload("P .bashrc", b"x"), "无法上传".encode())
        self.assertFalse(os.path.exists(os.path.join(self.tmp.name, "evil.txt")))
        with open(os.path.join(self.tmp.name, "secret.txt"), "rb") as f:
            self.assertEqual(f.read(), b"top secret")
        c.close("Q")

    def test_many_students_at_once(self):
        clients = [StudentClient(self.server.port) for _ in range(8)]
        for c in clients:
            c.sock.send(b"G a.txt")
        for c in clients:
            data = b""
            while not data.endswith(b"##"):
                piece = c.sock.recv(65536)
                self.assertTrue(piece, "server closed early")
                data += piece
            self.assertEqual(data, b"OK" + b"hello\n" * 1000 + b"##")
            c.close("Q")

    def test_abrupt_disconnect_mid_upload_leaves_nothing(self):
        c = StudentClient(self.server.port)
        c.sock.send(b"P half.bin")
        self.assertEqual(c.sock.recv(1024), b"OK")
        c.sock.sendall(b"x" * 50000)
        c.sock.close()
        d = StudentClient(self.server.port)  # the server is still fine
        self.assertEqual(d.request("L"), "OKa.txt#笔记.txt#".encode())
        d.close("Q")
        self.assertFalse(os.path.exists(os.path.join(self.root, "half.bin")))
        deadline = time.monotonic() + TIMEOUT_S  # the server drops the partial file when it sees the close
        while [n for n in os.listdir(self.root) if n.endswith(".part")] and time.monotonic() < deadline:
            time.sleep(0.05)
        self.assertEqual([n for n in os.listdir(self.root) if n.endswith(".part")], [])

    def wait_for_file(self, name, content):
        path = os.path.join(self.root, name)
        deadline = time.monotonic() + TIMEOUT_S
        while time.monotonic() < deadline:
            if os.path.exists(path):
                with open(path, "rb") as f:
                    if f.read() == content:
                        return
            time.sleep(0.05)
        self.fail(f"{name} never arrived intact")


if __name__ == "__main__":
    unittest.main()
