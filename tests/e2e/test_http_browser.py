#!/usr/bin/env python3
"""e2e: what a browser sends. Headless Chromium (Debian's chromium) visits `socketeer serve http` on loopback:
the capture log shows its User-Agent and its favicon request, both answered.

Which connection carries the favicon is Chromium's choice, not the server's: it often opens a second, speculative
connection beside the page's and may send the favicon on whichever is idle. Keep-alive reuse is asserted
deterministically with curl in test_http.py ("#2.2"); here the log line only says which one Chromium picked."""
import os
import re
import select
import shutil
import signal
import subprocess
import sys
import tempfile
import time

SOCKETEER = os.environ.get("SOCKETEER", "socketeer")
TIMEOUT = 45


def main():
    chromium = shutil.which("chromium")
    if not chromium:
        print("chromium is not installed (scripts/deps/test.txt lists it)", file=sys.stderr)
        return 1
    profile = tempfile.mkdtemp(prefix="socketeer-chromium-")
    server = subprocess.Popen([SOCKETEER, "serve", "http", "--port", "0"], stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    try:
        first = server.stdout.readline().decode()
        m = re.search(r"^socketeer: listening http tcp 127\.0\.0\.1 (\d+)$", first)
        if not m:
            print("no listening line:", first, file=sys.stderr)
            return 1
        port = int(m.group(1))
        # The browser stays open (no --dump-dom, which exits before the favicon is asked for) until the log
        # shows the favicon request or the deadline passes; then it is closed.
        browser = subprocess.Popen([chromium, "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                                    "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-default-apps",
                                    "--disable-extensions", f"--user-data-dir={profile}", "--remote-debugging-port=0",
                                    f"http://127.0.0.1:{port}/course?page=1"],
                                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
        log = ""
        deadline = time.monotonic() + TIMEOUT
        os.set_blocking(server.stdout.fileno(), False)
        try:
            while "favicon" not in log and time.monotonic() < deadline and browser.poll() is None:
                # wake on the server's next log line (or every half second to notice a dead browser)
                readable, _, _ = select.select([server.stdout], [], [], min(0.5, max(0.0, deadline - time.monotonic())))
                chunk = server.stdout.read() if readable else None
                if chunk == b"":
                    break  # the server is gone; the assertions below say what was missing
                if chunk:
                    log += chunk.decode("utf-8", "replace")
        finally:
            try:
                os.killpg(browser.pid, signal.SIGKILL)  # the browser and its helper processes (its own session)
            except ProcessLookupError:
                pass
            browser.wait()
        failures = []
        page_line = re.search(r"#(\d+)\.1 \S+ GET /course\?page=1 -> 200 .*HeadlessChrome/", log)
        if not page_line:
            failures.append("the page request with Chromium's User-Agent is logged:\n" + log)
        favicon = re.search(r"#(\d+)\.(\d+) \S+ GET /favicon\.ico -> 200 .*HeadlessChrome/", log)
        if not favicon:
            failures.append("the favicon request with Chromium's User-Agent is logged:\n" + log)
        elif page_line:
            reused = favicon.group(1) == page_line.group(1) and favicon.group(2) != "1"
            print("favicon on", "the page's kept-alive connection" if reused else f"another connection (#{favicon.group(1)})")
        for failure in failures:
            print("FAIL:", failure, file=sys.stderr)
        print("ok" if not failures else f"{len(failures)} failure(s)")
        return 1 if failures else 0
    finally:
        server.kill()
        server.wait()
        shutil.rmtree(profile, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
