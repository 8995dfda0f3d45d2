#!/usr/bin/env python3
"""TCP echo servers written the way the course (PythonNet, notes day 07-09) writes them, as real peers for the
concurrency probe: the server models it teaches, one per kind.

    python3 course_servers.py KIND [WORK_SECONDS]

KIND: loop (循环服务器: accept, serve that one client until it leaves, then the next), select, epoll (IO
multiplexing: select.select with rlist/wlist/xlist, select.epoll with an fd map), selectors (the selectors module,
epoll underneath on Linux), threaded (a threading.Thread per client), fork (os.fork per client, SIGCHLD ignored
against zombies), pool (a pool of 3 worker threads: some clients in parallel).
WORK_SECONDS (default 0): the server's own work per message (time.sleep inside the handler, as the course's
examples do to show blocking) — the servers that block per client (loop, threaded, fork, pool) use it; the IO
multiplexing ones cannot sleep without stopping everybody and ignore it.

Each listens on 127.0.0.1 port 0 with listen(5), like the course, and prints its port on stdout as the first line.
It echoes every recv(1024) back and runs until killed.
"""
import os
import select
import selectors
import signal
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from socket import AF_INET, SO_REUSEADDR, SOCK_STREAM, SOL_SOCKET, socket
from threading import Thread

ADDR = ("127.0.0.1", 0)


def make_listener():
    sockfd = socket(AF_INET, SOCK_STREAM)
    sockfd.setsockopt(SOL_SOCKET, SO_REUSEADDR, 1)
    sockfd.bind(ADDR)
    sockfd.listen(5)
    print(sockfd.getsockname()[1], flush=True)
    return sockfd


def handle(connfd, work):
    """Serve one client until it closes: the body of the loop server, and of every thread / child process."""
    while True:
        data = connfd.recv(1024)
        if not data:
            break
        if work:
            time.sleep(work)
        connfd.send(data)
    connfd.close()


def loop_server(work):
    sockfd = make_listener()
    while True:
        connfd, addr = sockfd.accept()
        handle(connfd, work)


def select_server(work):
    sockfd = make_listener()
    rlist = [sockfd]
    wlist = []
    xlist = []
    replies = {}
    while True:
        rs, ws, xs = select.select(rlist, wlist, xlist)
        for r in rs:
            if r is sockfd:
                connfd, addr = r.accept()
                rlist.append(connfd)
            else:
                data = r.recv(1024)
                if not data:
                    rlist.remove(r)
                    if r in wlist:
                        wlist.remove(r)
                    replies.pop(r, None)
                    r.close()
                    continue
                replies[r] = replies.get(r, b"") + data
                if r not in wlist:
                    wlist.append(r)
        for w in ws:
            if w in replies:
                w.send(replies.pop(w))
            if w in wlist:
                wlist.remove(w)


def epoll_server(work):
    sockfd = make_listener()
    p = select.epoll()
    fdmap = {sockfd.fileno(): sockfd}
    p.register(sockfd, select.EPOLLIN | select.EPOLLERR)
    while True:
        events = p.poll()
        for fd, event in events:
            if fd == sockfd.fileno():
                connfd, addr = fdmap[fd].accept()
                p.register(connfd, select.EPOLLIN | select.EPOLLHUP)
                fdmap[connfd.fileno()] = connfd
            elif event & select.EPOLLIN:
                data = fdmap[fd].recv(1024)
                if not data:
                    p.unregister(fd)
                    fdmap[fd].close()
                    del fdmap[fd]
                    continue
                fdmap[fd].send(data)


def selectors_server(work):
    sockfd = make_listener()
    sel = selectors.DefaultSelector()
    sockfd.setblocking(False)
    sel.register(sockfd, selectors.EVENT_READ)
    while True:
        for key, mask in sel.select():
            if key.fileobj is sockfd:
                connfd, addr = sockfd.accept()
                connfd.setblocking(False)
                sel.register(connfd, selectors.EVENT_READ)
            else:
                connfd = key.fileobj
                try:
                    data = connfd.recv(1024)
                except ConnectionError:
                    data = b""
                if not data:
                    sel.unregister(connfd)
                    connfd.close()
                    continue
                connfd.send(data)


def threaded_server(work):
    sockfd = make_listener()
    while True:
        connfd, addr = sockfd.accept()
        t = Thread(target=handle, args=(connfd, work))
        t.daemon = True
        t.start()


def fork_server(work):
    signal.signal(signal.SIGCHLD, signal.SIG_IGN)   # no zombies
    sockfd = make_listener()
    while True:
        connfd, addr = sockfd.accept()
        pid = os.fork()
        if pid == 0:
            sockfd.close()
            handle(connfd, work)
            os._exit(0)
        connfd.close()


def pool_server(work):
    sockfd = make_listener()
    pool = ThreadPoolExecutor(max_workers=3)
    while True:
        connfd, addr = sockfd.accept()
        pool.submit(handle, connfd, work)


KINDS = {
    "loop": loop_server,
    "select": select_server,
    "epoll": epoll_server,
    "selectors": selectors_server,
    "threaded": threaded_server,
    "fork": fork_server,
    "pool": pool_server,
}

if __name__ == "__main__":
    if len(sys.argv) < 2 or sys.argv[1] not in KINDS:
        sys.exit("usage: course_servers.py %s [WORK_SECONDS]" % "|".join(KINDS))
    signal.signal(signal.SIGTERM, lambda *_: os._exit(0))
    KINDS[sys.argv[1]](float(sys.argv[2]) if len(sys.argv) > 2 else 0.0)
