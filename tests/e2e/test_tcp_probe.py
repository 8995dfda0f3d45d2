#!/usr/bin/env python3
"""`socketeer tcp probe` from the built binary against the course's server models (course_servers.py: a loop
server, select / epoll / selectors servers, a threaded and a forking server, a pool of three) and against our own
`serve tcp`: the loop server is classified sequential, the IO-multiplexing, threaded and forking ones concurrent,
the pool partial with three at once; a refused port is a clear error; --json parses and agrees with itself and with
the table."""
import json
import os
import re
import select
import subprocess
import sys
import threading
import unittest

SOCKETEER = os.environ["SOCKETEER"]
HERE = os.path.dirname(os.path.abspath(__file__))
DEADLINE_S = 30


class Peer:
    """A process that prints its port first: course_servers.py KIND, or `socketeer serve tcp --port 0 ...`."""

    def __init__(self, argv, pattern):
        self.proc = subprocess.Popen(argv, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                                     bufsize=0)
        ready, _, _ = select.select([self.proc.stdout], [], [], DEADLINE_S)
        if not ready:
            self.proc.kill()
            raise AssertionError("no port from %r" % argv)
        line = self.proc.stdout.readline().decode()
        m = re.fullmatch(pattern, line)
        if not m:
            self.proc.kill()
            raise AssertionError("unexpected first line %r" % line)
        self.port = int(m.group(1))
        # our server logs every read on stdout: drain it so that it never blocks on a full pipe
        threading.Thread(target=self.proc.stdout.read, daemon=True).start()

    def close(self):
        self.proc.terminate()
        self.proc.wait(DEADLINE_S)

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()


def course(kind, work=0.0):
    return Peer([sys.executable, os.path.join(HERE, "course_servers.py"), kind, str(work)], r"(\d+)\n")


def ours(*extra):
    return Peer([SOCKETEER, "serve", "tcp", "--port", "0", *extra],
                r"socketeer: listening tcp tcp 127\.0\.0\.1 (\d+)\n")


def probe(port, *arguments):
    return subprocess.run([SOCKETEER, "tcp", "probe", "127.0.0.1", str(port), *arguments], capture_output=True,
                          text=True, timeout=DEADLINE_S)


def probe_json(port, *arguments):
    r = probe(port, "--json", *arguments)
    if r.returncode != 0:
        raise AssertionError("exit %d: %s" % (r.returncode, r.stderr))
    return json.loads(r.stdout)


class Classification(unittest.TestCase):
    def check(self, doc, kind, clients):
        verdict = doc["verdict"]
        detail = "%s\n%s" % (doc["summary"], json.dumps(verdict))
        self.assertEqual(doc["clients"], clients)
        self.assertEqual(verdict["done"], clients, detail)
        self.assertEqual(verdict["kind"], kind, detail)
        return verdict

    def test_loop_server_is_sequential(self):
        # 0.1 s of work per client: the answers climb a staircase of ~0.15 s steps (work + our hold).
        with course("loop", 0.1) as server:
            verdict = self.check(probe_json(server.port, "--clients", "6"), "sequential", 6)
            self.assertEqual(verdict["max_at_once"], 1)
            self.assertGreaterEqual(verdict["steps"], 4)
            self.assertGreaterEqual(verdict["median_step_us"], 100_000)

    def test_instant_loop_server_is_sequential_through_the_hold(self):
        # No work at all: the staircase comes from our clients holding their connections for 80 ms each.
        with course("loop") as server:
            verdict = self.check(probe_json(server.port, "--clients", "5", "--hold", "80ms"), "sequential", 5)
            self.assertGreaterEqual(verdict["median_step_us"], 75_000)

    def test_io_multiplexing_servers_are_concurrent(self):
        for kind in ("select", "epoll", "selectors"):
            with self.subTest(kind=kind), course(kind) as server:
                verdict = self.check(probe_json(server.port, "--clients", "8"), "concurrent", 8)
                self.assertEqual(verdict["steps"], 0)

    def test_threads_and_processes_are_concurrent(self):
        for kind in ("threaded", "fork"):
            with self.subTest(kind=kind), course(kind, 0.2) as server:
                verdict = self.check(probe_json(server.port, "--clients", "6"), "concurrent", 6)
                self.assertGreaterEqual(verdict["service_us"], 200_000)

    def test_a_pool_of_three_is_partial(self):
        with course("pool", 0.3) as server:
            verdict = self.check(probe_json(server.port, "--clients", "6"), "partial", 6)
            self.assertEqual(verdict["max_at_once"], 3)
            self.assertEqual(verdict["groups"], 2)

    def test_our_server_is_concurrent(self):
        # 40 clients from 127.0.0.1: over the default per-host cap (16), so the cap is raised.
        with ours("--max-per-host", "100") as server:
            doc = probe_json(server.port, "--clients", "40")
            self.check(doc, "concurrent", 40)
            self.assertTrue(all(r["outcome"] == "done" and r["bytes"] == 6 for r in doc["results"]))

    def test_our_per_host_cap_shows_as_refusals(self):
        with ours() as server:
            doc = probe_json(server.port, "--clients", "20")
            outcomes = [r["outcome"] for r in doc["results"]]
            self.assertEqual(outcomes.count("done"), 16, outcomes)
            self.assertEqual(outcomes.count("reset") + outcomes.count("closed_early"), 4, outcomes)


class Output(unittest.TestCase):
    def test_json_agrees_with_itself_and_with_the_table(self):
        with course("selectors") as server:
            doc = probe_json(server.port, "--clients", "5", "--send", "ping\\n", "--hold", "10ms")
            self.assertEqual(doc["expect"], "bytes")
            self.assertEqual(doc["expect_bytes"], 5)
            self.assertEqual(doc["hold_ms"], 10)
            self.assertEqual([r["index"] for r in doc["results"]], list(range(5)))
            done = [r for r in doc["results"] if r["outcome"] == "done"]
            self.assertEqual(len(done), doc["verdict"]["done"])
            self.assertEqual(sorted(r["first_byte_us"] for r in done), doc["verdict"]["first_bytes_us"])
            for r in done:
                self.assertLessEqual(r["connect_start_us"], r["connected_us"])
                self.assertLessEqual(r["connected_us"], r["first_byte_us"])
                self.assertLessEqual(r["first_byte_us"], r["done_us"])
                self.assertLessEqual(r["done_us"], r["released_us"])
                self.assertEqual(r["bytes"], 5)
                self.assertGreater(r["local_port"], 0)

            table = probe(server.port, "--clients", "5", "--send", "ping\\n", "--hold", "10ms")
            self.assertEqual(table.returncode, 0, table.stderr)
            lines = table.stdout.splitlines()
            rows = [line.split() for line in lines[1:6]]
            self.assertEqual([row[0] for row in rows], ["0", "1", "2", "3", "4"])
            for row in rows:
                self.assertEqual(row[-1], "done")
                self.assertEqual(row[-2], "5")
                connect, first, finished = (float(x) for x in row[2:5])
                self.assertLessEqual(connect, first)
                self.assertLessEqual(first, finished)
            self.assertEqual(lines[6], "")
            self.assertEqual(lines[7], doc["summary"])   # the same server, the same verdict
            self.assertEqual(lines[8].strip(), doc["evidence"][0])

    def test_expect_close(self):
        # The course's request/response habit: the server answers and closes. With --expect close the close is the
        # answer; a server that keeps the connection open never gives it.
        with course("selectors") as server:
            r = probe(server.port, "--clients", "2", "--expect", "close", "--timeout", "300ms", "--json")
            self.assertEqual(r.returncode, 3, r.stderr)
            self.assertIn("no client got its answer", r.stderr)
            doc = json.loads(r.stdout)
            self.assertEqual([x["outcome"] for x in doc["results"]], ["timed_out", "timed_out"])
            self.assertEqual(doc["verdict"]["reason"], "too_few_done")

    def test_refused_port_is_a_clear_error(self):
        s = __import__("socket").socket()
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
        s.close()
        r = probe(port, "--clients", "3")
        self.assertEqual(r.returncode, 3)
        self.assertIn("refused every connection", r.stderr)
        self.assertIn("127.0.0.1:%d" % port, r.stderr)
        self.assertEqual(r.stdout.count("refused"), 4)   # three rows and the evidence

    def test_bad_input_names_the_option(self):
        for arguments, option in ((["--clients", "0"], "--clients"), (["--clients", "1001"], "--clients"),
                                  (["--expect", "some"], "--expect"), (["--timeout", "soon"], "--timeout"),
                                  (["--send", "\\xZZ"], "--send")):
            with self.subTest(arguments=arguments):
                r = probe(9, *arguments)
                self.assertEqual(r.returncode, 2, r.stderr)
                self.assertIn(option, r.stderr)


if __name__ == "__main__":
    unittest.main(verbosity=2)
