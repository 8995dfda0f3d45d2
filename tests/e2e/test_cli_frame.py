#!/usr/bin/env python3
"""End-to-end tests of the command-line frame: --version, --help, usage errors, the no-display fallback, zh_CN output."""
import os
import re
import subprocess
import sys
import time
import unittest

SOCKETEER = os.environ["SOCKETEER"]
DEADLINE_S = 30


def run(*args, env=None):
    return subprocess.run([SOCKETEER, *args], capture_output=True, text=True, env=env, timeout=DEADLINE_S)


class CliFrame(unittest.TestCase):
    def test_version(self):
        r = run("--version")
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertRegex(r.stdout.strip(), r"^socketeer \d+\.\d+\.\d+$")

    def test_help_lists_commands(self):
        r = run("--help")
        self.assertEqual(r.returncode, 0, r.stderr)
        for command in ("lookup", "serve"):
            self.assertRegex(r.stdout, rf"(?m)^  {command}\s+\S")
        self.assertIn("Exit codes", r.stdout)

    def test_one_help_layout(self):
        # every command with subcommands: "Usage: socketeer CMD ..." first, then its table of verbs
        tables = {"lookup": ["host", "dns", "interfaces"], "files": ["ls", "get", "put"], "udp": ["send", "listen"],
                  "http": ["send", "check"], "serve": ["chat", "files", "http"]}
        for command, verbs in tables.items():
            r = run(command, "--help")
            self.assertEqual(r.returncode, 0, (command, r.stderr))
            self.assertTrue(r.stdout.startswith(f"Usage: socketeer {command} "), (command, r.stdout))
            for verb in verbs:
                self.assertRegex(r.stdout, rf"(?m)^  {verb}\s+\S", command)
                # every leaf: QCommandLineParser's layout, its usage line naming the command (not the binary's path)
                leaf = run(command, verb, "--help")
                self.assertEqual(leaf.returncode, 0, (command, verb, leaf.stderr))
                first = leaf.stdout.splitlines()[0]
                self.assertTrue(first.startswith(f"Usage: socketeer {command} {verb} [options]"), (command, verb, first))
                self.assertIn("\nOptions:\n", leaf.stdout, (command, verb))
                self.assertIn("-h, --help", leaf.stdout, (command, verb))
        r = run("chat", "--help")
        self.assertTrue(r.stdout.startswith("Usage: socketeer chat [options]"), r.stdout)

    def test_missing_and_unknown_verbs_are_usage_errors(self):
        for command in ("lookup", "files", "udp", "http"):
            for args in ([], ["frob"]):
                r = run(command, *args)
                self.assertEqual(r.returncode, 2, (command, args))
                self.assertEqual(r.stdout, "")
                self.assertTrue(r.stderr.startswith(f"socketeer {command}: "), r.stderr)
                self.assertIn(f"'socketeer {command} --help'", r.stderr)
        r = run("serve", "frob")
        self.assertEqual(r.returncode, 2)
        self.assertIn("unknown verb 'frob'", r.stderr)

    def test_bad_values_name_the_option(self):
        cases = [(["serve", "chat", "--port", "65536"], "socketeer serve chat: --port: '65536' is not a port"),
                 (["serve", "files", "--max-upload", "10X"], "socketeer serve files: --max-upload: '10X' is not a size"),
                 (["serve", "http", "--bind", "nowhere"], "socketeer serve http: --bind: 'nowhere' is not an IP address"),
                 (["files", "ls", "[::1:80"], "socketeer files ls: HOST[:PORT]: '[::1:80' is not HOST or HOST:PORT"),
                 (["files", "ls", "h:0"], "socketeer files ls: HOST[:PORT]: '0' is not a port"),
                 (["chat", "--name", "a", "--port", "0"], "socketeer chat: --port: '0' is not a port"),
                 (["http", "send", "http://127.0.0.1:9/", "--timeout", "2d"], "socketeer http send: --timeout: '2d' is not a duration"),
                 (["lookup", "host", "localhost", "--timeout", "-1"], "socketeer lookup host: --timeout: '-1' is not a duration")]
        for args, expected in cases:
            r = run(*args)
            self.assertEqual(r.returncode, 2, (args, r.stderr))
            self.assertTrue(r.stderr.startswith(expected), (args, r.stderr))
            self.assertEqual(len(r.stderr.splitlines()), 2, r.stderr)   # the reason and the hint to --help

    def test_listening_line_is_fixed_in_every_language(self):
        # the machine-readable start-up line is the same under zh_CN; the sentence for people follows it
        for language in ("C.UTF-8", "zh_CN.UTF-8"):
            env = dict(os.environ, LC_ALL=language, LANG=language, LANGUAGE=language.split(".")[0])
            env["HOME"] = os.environ.get("TEST_HOME", "/tmp/socketeer-e2e-home")
            proc = subprocess.Popen([SOCKETEER, "serve", "http", "--port", "0", "--bind", "::1"], stdout=subprocess.PIPE,
                                    stderr=subprocess.PIPE, stdin=subprocess.DEVNULL, text=True, env=env)
            try:
                first = proc.stdout.readline()
                m = re.fullmatch(r"socketeer: listening http tcp ::1 (\d+)\n", first)
                self.assertIsNotNone(m, (language, first, proc.stderr.read() if proc.poll() is not None else ""))
                self.assertNotEqual(int(m.group(1)), 0)
                second = proc.stdout.readline()
                self.assertIn("[::1]:%s" % m.group(1), second)
            finally:
                proc.terminate()
                proc.wait(timeout=DEADLINE_S)
                proc.stdout.close()
                proc.stderr.close()

    def test_unknown_command_is_a_usage_error(self):
        r = run("frobnicate")
        self.assertEqual(r.returncode, 2)
        self.assertEqual(r.stdout, "")
        self.assertIn("unknown command 'frobnicate'", r.stderr)

    def test_chinese_locale_translates_the_cli(self):
        env = dict(os.environ, LC_ALL="zh_CN.UTF-8", LANG="zh_CN.UTF-8", LANGUAGE="zh_CN")
        env["HOME"] = os.environ.get("TEST_HOME", "/tmp/socketeer-e2e-home")
        r = run("--help", env=env)
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertIn("用法", r.stdout)
        self.assertIn("命令", r.stdout)

    def test_no_display_starts_the_servers(self):
        env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
        proc = subprocess.Popen([SOCKETEER], stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, text=True, env=env)
        try:
            first = proc.stderr.readline()
            self.assertIn("No display found", first)
            second = proc.stderr.readline()
            self.assertIn("socketeer --help", second)
        finally:
            if proc.poll() is None:
                proc.terminate()
            proc.wait(timeout=DEADLINE_S)
            proc.stderr.close()


if __name__ == "__main__":
    unittest.main(verbosity=2)
