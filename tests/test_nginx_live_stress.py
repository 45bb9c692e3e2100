"""The live proxy under attack and failure, on loopback only: slow clients, and gunicorn workers killed under load.

Every loop here is bounded in count and in time, and stops by itself.
"""
from __future__ import annotations

import http.client
import itertools
import os
import re
import signal
import socket
import threading
import time
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from .servers import LIVE_HOST, gunicorn_process, live_get, live_nginx

SLOW_CLIENTS = 200
HEADER_TIMEOUT = 10  # client_header_timeout in deploy/nginx-flats-live.conf
LOAD_SECONDS, KILL_EVERY, LOAD_THREADS = 30, 5, 6
PATHS = ["/pl/", "/en/chelm/", "/uk/odplatnosc/", "/pl/sprawdz/chelm/", "/health", "/api/v1/openapi.json",
         "/pl/sprawdz/mielec/dane.js"]


@pytest.fixture(scope="module")
def live():
    """(nginx's port, its work folder, gunicorn's master process) for the real app with 2 workers."""
    with gunicorn_process(FLATS_WORKERS="2", FLATS_PROXY_FIX="1") as (base, master):
        with live_nginx(urlsplit(base).netloc) as (port, work):
            yield port, work, master


def test_slow_header_clients_neither_starve_others_nor_stay(live):
    port, _, _ = live
    assert re.search(rf"client_header_timeout {HEADER_TIMEOUT}s;",
                     (Path(__file__).parents[1] / "deploy" / "nginx-flats-live.conf").read_text())
    slow = []
    for _ in range(SLOW_CLIENTS):
        s = socket.create_connection(("127.0.0.1", port), timeout=5)
        s.sendall(f"GET /pl/ HTTP/1.1\r\nHost: {LIVE_HOST}\r\n".encode())  # never the blank line that ends it
        slow.append(s)
    latencies, start = [], time.monotonic()
    try:
        for tick in range(HEADER_TIMEOUT + 4):  # a header line a second each, past the timeout
            for s in slow:
                try:
                    s.sendall(f"X-Slow-{tick}: 1\r\n".encode())
                except OSError:
                    pass  # nginx has closed it
            began = time.monotonic()
            status, _, _ = live_get(port, "/pl/", timeout=5)
            latencies.append(time.monotonic() - began)
            assert status == 200
            time.sleep(max(0.0, start + tick + 1 - time.monotonic()))
        closed = sum(is_closed(s) for s in slow)
    finally:
        for s in slow:
            s.close()
    assert max(latencies) < 2, f"normal requests waited up to {max(latencies):.2f} s"
    assert closed == SLOW_CLIENTS, f"only {closed} of {SLOW_CLIENTS} slow clients were cut off"


def is_closed(s: socket.socket) -> bool:
    """Whether the server has ended this connection (EOF, a reset, or a final 408 then EOF)."""
    s.settimeout(1)
    try:
        data = s.recv(4096)
        while data:
            data = s.recv(4096)
        return True
    except (ConnectionResetError, BrokenPipeError):
        return True
    except (socket.timeout, TimeoutError):
        return False


def workers(master) -> set[int]:
    path = Path(f"/proc/{master.pid}/task/{master.pid}/children")
    return {int(pid) for pid in path.read_text().split()}


def test_killing_a_worker_every_5_s_under_load_fails_under_1_percent(live):
    port, work, master = live
    deadline = time.monotonic() + LOAD_SECONDS
    results, lock = {"ok": 0, "failed": 0}, threading.Lock()
    failures: list[str] = []

    def load(offset: int) -> None:
        for n, path in enumerate(itertools.islice(itertools.cycle(PATHS), offset, offset + 20000)):
            if time.monotonic() > deadline:
                return
            try:
                ok = live_get(port, path, timeout=10)[0] == 200
                detail = path
            except (OSError, http.client.HTTPException) as exc:
                # e.g. IncompleteRead: a worker killed after its answer began, which nginx cannot retry
                ok, detail = False, f"{path}: {exc!r}"
            with lock:
                results["ok" if ok else "failed"] += 1
                if not ok:
                    failures.append(detail)

    clients = [threading.Thread(target=load, args=(i,)) for i in range(LOAD_THREADS)]
    for client in clients:
        client.start()
    killed = []
    try:
        for kill in range(LOAD_SECONDS // KILL_EVERY):
            time.sleep(max(0.0, deadline - LOAD_SECONDS + KILL_EVERY * kill + KILL_EVERY / 2 - time.monotonic()))
            alive = sorted(workers(master))
            assert alive, "gunicorn has no worker left"
            victim = alive[kill % len(alive)]
            os.kill(victim, signal.SIGKILL)
            killed.append(victim)
    finally:
        for client in clients:
            client.join(timeout=LOAD_SECONDS + 30)
    total = results["ok"] + results["failed"]
    # Lines like: 200 "502, 200" GET /pl/ (each try's status, written beside the file's own log: tests/servers.py).
    retried = re.findall(r'^200 "[^"]*, 200" GET ', (work / "tries.log").read_text(), re.MULTILINE)
    print(f"{total} requests, {results['failed']} failed ({failures[:5]}), {len(killed)} workers killed, "
          f"{len(retried)} answered after nginx retried them")
    assert len(killed) == LOAD_SECONDS // KILL_EVERY and not set(killed) & workers(master)
    assert len(workers(master)) == 2, "gunicorn replaced every killed worker"
    assert total >= 300, f"only {total} requests in {LOAD_SECONDS} s: the load did not happen"
    assert results["failed"] < total / 100, failures[:10]
    assert retried, "no request met a killed worker: the kills did not test the retries"
