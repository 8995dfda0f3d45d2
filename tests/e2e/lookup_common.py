"""Helpers shared by the lookup end-to-end tests: run the built `socketeer` binary and check its exit status."""
import json
import os
import subprocess

SOCKETEER = os.environ["SOCKETEER"]
DEADLINE_S = 30


def run(*args, env=None):
    """Runs `socketeer ARGS...`; returns the CompletedProcess (text mode)."""
    return subprocess.run([SOCKETEER, *args], capture_output=True, text=True, env=env, timeout=DEADLINE_S,
                          stdin=subprocess.DEVNULL)


def lookup(*args):
    return run("lookup", *args)


def lookup_json(testcase, *args, expect=0):
    """Runs `socketeer lookup ARGS... --json`, asserts the exit code and returns the parsed JSON."""
    r = lookup(*args, "--json")
    testcase.assertEqual(r.returncode, expect, f"{args}: rc={r.returncode} stderr={r.stderr!r}")
    return json.loads(r.stdout)


def assert_usage_error(testcase, r, what):
    """Exit 2, a one-line reason naming the command, nothing on stdout, and no crash."""
    testcase.assertGreaterEqual(r.returncode, 0, f"{what}: killed by signal {-r.returncode}")
    testcase.assertEqual(r.returncode, 2, f"{what}: rc={r.returncode} stdout={r.stdout!r} stderr={r.stderr!r}")
    testcase.assertEqual(r.stdout, "", what)
    first = r.stderr.splitlines()[0] if r.stderr else ""
    testcase.assertTrue(first.startswith("socketeer lookup"), f"{what}: {r.stderr!r}")
    testcase.assertGreater(len(first), len("socketeer lookup: "), what)
