#!/usr/bin/env python3
"""`socketeer files ls|get|put` and `socketeer serve files` end to end: real server process on port 0,
SHA-256 checked with Python's hashlib, exit codes per outcome, progress on stderr, the default shared folder,
and `--classic` against a course-style Python server written from the brief."""
import hashlib
import json
import os
import re
import resource
import socket
import tempfile
import unittest

from files_common import CourseServer, Server, run, sha256


class FilesCli(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.TemporaryDirectory()
        self.root = os.path.join(self.tmp.name, "root")
        self.local = os.path.join(self.tmp.name, "local")
        os.mkdir(self.root)
        os.mkdir(self.local)
        self.big = os.urandom(5 * 1024 * 1024 + 7)
        with open(os.path.join(self.root, "big.bin"), "wb") as f:
            f.write(self.big)
        with open(os.path.join(self.root, "a b.txt"), "wb") as f:
            f.write(b"spaces\n")

    def tearDown(self):
        self.tmp.cleanup()

    def target(self, server):
        return f"127.0.0.1:{server.port}"

    def test_ls_get_put_round_trip(self):
        with Server("--root", self.root) as server:
            r = run("files", "ls", self.target(server), "--json")
            self.assertEqual(r.returncode, 0, r.stderr)
            listing = json.loads(r.stdout)
            self.assertEqual([e["name"] for e in listing], ["a b.txt", "big.bin"])
            self.assertEqual(listing[1]["size"], len(self.big))

            dest = os.path.join(self.local, "big.bin")
            r = run("files", "get", self.target(server), "big.bin", dest)
            self.assertEqual(r.returncode, 0, r.stderr)
            self.assertEqual(sha256(dest), sha256(os.path.join(self.root, "big.bin")))
            self.assertIn("sha256:" + sha256(dest), r.stdout)
            self.assertRegex(r.stderr, r"big\.bin .*(MiB|KiB)")  # the closing progress line

            upload = os.path.join(self.local, "upload.bin")
            with open(upload, "wb") as f:
                f.write(os.urandom(300000))
            r = run("files", "put", self.target(server), upload, "上传.bin")
            self.assertEqual(r.returncode, 0, r.stderr)
            self.assertEqual(sha256(os.path.join(self.root, "上传.bin")), sha256(upload))

            r = run("files", "ls", self.target(server))
            self.assertEqual(r.returncode, 0, r.stderr)
            self.assertIn("上传.bin", r.stdout)
            self.assertIn("a b.txt", r.stdout)

    def test_exit_codes(self):
        with Server("--root", self.root) as server:
            dest = os.path.join(self.local, "x")
            r = run("files", "get", self.target(server), "missing.txt", dest)
            self.assertEqual(r.returncode, 1, r.stderr)
            self.assertIn("404", r.stderr)
            r = run("files", "get", self.target(server), "../etc/passwd", dest)
            self.assertEqual(r.returncode, 1, r.stderr)
            self.assertIn("403", r.stderr)
            with open(dest, "wb") as f:
                f.write(b"mine")
            r = run("files", "get", self.target(server), "a b.txt", dest)
            self.assertEqual(r.returncode, 1, r.stderr)  # local file exists
            r = run("files", "get", self.target(server), "a b.txt", dest, "--overwrite")
            self.assertEqual(r.returncode, 0, r.stderr)
            r = run("files", "put", self.target(server), dest, "big.bin")
            self.assertEqual(r.returncode, 1, r.stderr)  # overwrite refused by default
            self.assertIn("409", r.stderr)
            self.assertEqual(sha256(os.path.join(self.root, "big.bin")), sha256_bytes(self.big))
            port = server.port
        r = run("files", "ls", f"127.0.0.1:{port}")
        self.assertEqual(r.returncode, 3)  # nobody listens any more
        r = run("files", "ls", "127.0.0.1:notaport")
        self.assertEqual(r.returncode, 2)
        r = run("files", "frob", "127.0.0.1")
        self.assertEqual(r.returncode, 2)

    def test_server_options(self):
        with Server("--root", self.root, "--read-only", "--bind", "127.0.0.1") as server:
            self.assertIn("read-only", server.banner)
            self.assertIn("127.0.0.1:", server.banner)
            src = os.path.join(self.root, "a b.txt")
            r = run("files", "put", self.target(server), src, "new.txt")
            self.assertEqual(r.returncode, 1)
        with Server("--root", self.root, "--max-upload", "1K", "--allow-overwrite") as server:
            big = os.path.join(self.root, "big.bin")
            r = run("files", "put", self.target(server), big, "copy.bin")
            self.assertEqual(r.returncode, 1)
            self.assertIn("413", r.stderr)
            small = os.path.join(self.local, "small.txt")
            with open(small, "wb") as f:
                f.write(b"replaced")
            r = run("files", "put", self.target(server), small, "a b.txt")
            self.assertEqual(r.returncode, 0, r.stderr)
        r = run("serve", "files", "--root", os.path.join(self.tmp.name, "missing"), "--port", "0")
        self.assertEqual(r.returncode, 3)
        r = run("serve", "files", "--max-upload", "lots")
        self.assertEqual(r.returncode, 2)

    def test_partial_upload_limits_from_the_command_line(self):
        big = os.path.join(self.root, "big.bin")
        # Unfinished uploads may claim 1 KiB in all: a bigger upload is refused before a byte moves.
        with Server("--root", self.root, "--partial-quota", "1K") as server:
            r = run("files", "put", self.target(server), big, "copy.bin")
            self.assertEqual(r.returncode, 1)
            self.assertIn("507", r.stderr)
            self.assertIn("quota", r.stderr)
            self.assertFalse(os.path.exists(os.path.join(self.root, "copy.bin")))
        # A free-space floor no disk here has: refused, saying why.
        with Server("--root", self.root, "--min-free", "1T") as server:
            r = run("files", "put", self.target(server), big, "copy.bin")
            self.assertEqual(r.returncode, 1)
            self.assertIn("507", r.stderr)
            self.assertIn("free space", r.stderr)
        with Server("--root", self.root, "--partial-lifetime", "12h", "--partial-quota", "0") as server:
            r = run("files", "put", self.target(server), big, "copy.bin")
            self.assertEqual(r.returncode, 0, r.stderr)
        for flag, value in (("--partial-quota", "lots"), ("--min-free", "-1"), ("--partial-lifetime", "soon")):
            r = run("serve", "files", flag, value)
            self.assertEqual(r.returncode, 2, (flag, r.stderr))
            self.assertIn(flag, r.stderr)

    def test_default_shared_folder(self):
        # A visible folder in the home directory; the hidden one of earlier versions moves there with its files.
        data = os.path.join(self.tmp.name, "data")
        old = os.path.join(data, "Socketeer", "socketeer", "Socketeer shared files")
        os.makedirs(old)
        with open(os.path.join(old, "kept.txt"), "w") as f:
            f.write("from the old folder\n")
        env = dict(os.environ, XDG_DATA_HOME=data, HOME=self.tmp.name)
        with Server(env=env) as server:
            folder = re.search(r"^Sharing (.*) on \S+ with ", server.banner).group(1)
            # The visible ~/Socketeer 共享 (netcore/files/sharefolder.h), not the hidden XDG data folder.
            self.assertEqual(folder, os.path.join(self.tmp.name, "Socketeer 共享"))
            self.assertTrue(os.path.isdir(folder))
            with open(os.path.join(folder, "kept.txt")) as f:
                self.assertEqual(f.read(), "from the old folder\n")
            self.assertFalse(os.path.exists(old))

    def test_resume_after_interrupted_download(self):
        with Server("--root", self.root) as server:
            dest = os.path.join(self.local, "big.bin")
            # a partial download left by an earlier, interrupted run
            with open(dest + ".part", "wb") as f:
                f.write(self.big[: 2 * 1024 * 1024])
            r = run("files", "get", self.target(server), "big.bin", dest)
            self.assertEqual(r.returncode, 0, r.stderr)
            self.assertIn(str(2 * 1024 * 1024), r.stderr)  # "Resumed at byte ..."
            self.assertEqual(sha256(dest), sha256_bytes(self.big))
            self.assertFalse(os.path.exists(dest + ".part"))

    def test_upload_past_ulimit_f_gets_507_with_the_reason(self):
        """Under RLIMIT_FSIZE (`ulimit -f`) the server survives SIGXFSZ: the write fails with EFBIG, the client
        reads the reason, the partial upload is gone, and the server goes on serving."""
        def small_file_size_limit():
            hard = resource.getrlimit(resource.RLIMIT_FSIZE)[1]
            resource.setrlimit(resource.RLIMIT_FSIZE, (256 * 1024, hard))

        data = os.urandom(1024 * 1024)
        with Server("--root", self.root, "--bind", "127.0.0.1", preexec_fn=small_file_size_limit) as server:
            with socket.create_connection(("127.0.0.1", server.port), timeout=20) as s:
                f = s.makefile("rb")
                self.assertEqual(f.readline(), b"HELLO socketeer-files 1 rw\n")
                s.sendall(b"PUT %d huge.bin\n" % len(data))
                self.assertEqual(f.readline(), b"READY 0\n")
                s.sendall(data)
                self.assertEqual(f.readline(), b"ERR 507 write failed: File too large\n")
                s.sendall(b"END " + hashlib.sha256(data).hexdigest().encode() + b"\n")
                s.sendall(b"LIST\n")
                self.assertEqual(f.readline(), b"OK 2\n")
            self.assertIsNone(server.proc.poll(), "the server died")
        self.assertEqual([n for n in os.listdir(self.root) if n.startswith(".socketeer-upload-")], [])
        self.assertFalse(os.path.exists(os.path.join(self.root, "huge.bin")))

    def test_classic_client_against_a_course_server(self):
        expected = ["a b.txt", "big.bin"]
        for glue, use_y in ((False, False), (True, True)):
            course = CourseServer(self.root, glue_status=glue, use_y=use_y)
            try:
                target = f"127.0.0.1:{course.port}"
                r = run("files", "ls", target, "--classic", "2018", "--json")
                self.assertEqual(r.returncode, 0, r.stderr)
                self.assertEqual(json.loads(r.stdout), expected)
                dest = os.path.join(self.local, f"classic-{glue}.bin")
                r = run("files", "get", target, "big.bin", dest, "--classic", "2018")
                self.assertEqual(r.returncode, 0, r.stderr)
                self.assertEqual(sha256(dest), sha256_bytes(self.big))
                self.assertIn("not verified", r.stdout)
                r = run("files", "get", target, "nothing.txt", dest + "x", "--classic", "2018")
                self.assertEqual(r.returncode, 1)
                self.assertIn("文件不存在", r.stderr)
                up = os.path.join(self.local, f"up-{glue}.txt")
                with open(up, "wb") as f:
                    f.write(b"from socketeer" * 100)
                r = run("files", "put", target, up, "--classic", "2018")
                self.assertEqual(r.returncode, 0, r.stderr)
                self.assertTrue(wait_for(lambda: os.path.exists(os.path.join(self.root, f"up-{glue}.txt"))
                                         and sha256(os.path.join(self.root, f"up-{glue}.txt")) == sha256(up)))
                expected.append(f"up-{glue}.txt")
            finally:
                course.close()

    def test_classic_client_times_out_on_a_silent_server(self):
        silent = socket.socket()
        silent.bind(("127.0.0.1", 0))
        silent.listen(1)
        try:
            r = run("files", "ls", f"127.0.0.1:{silent.getsockname()[1]}", "--classic", "2020")
            self.assertEqual(r.returncode, 3)
            self.assertIn("did not answer", r.stderr)
        finally:
            silent.close()


def sha256_bytes(data):
    import hashlib
    return hashlib.sha256(data).hexdigest()


def wait_for(condition, timeout_s=10):
    import time
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.05)
    return condition()


if __name__ == "__main__":
    unittest.main()
