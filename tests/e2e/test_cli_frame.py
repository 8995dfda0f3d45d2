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
