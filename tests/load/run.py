"""`make load`: start `make serve`'s gunicorn on loopback, run locust headless
(50 users, 60 s), print the result and write it into docs/BENCHMARKS.md."""
from __future__ import annotations

import csv
import datetime as dt
import os
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
BIN = Path(sys.executable).parent
USERS, SPAWN, SECONDS = int(os.environ.get("LOAD_USERS", 50)), 10, int(os.environ.get("LOAD_SECONDS", 60))
BENCHMARKS = ROOT / "docs" / "BENCHMARKS.md"
START, END = "<!-- load:start -->", "<!-- load:end -->"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_server(port: int) -> subprocess.Popen:
    env = dict(os.environ, PORT=str(port))
    server = subprocess.Popen([str(BIN / "gunicorn"), "-c", "deploy/gunicorn.conf.py", "flats:create_app()"],
                              cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    for _ in range(100):
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/health")
            return server
        except OSError:
            time.sleep(0.1)
    server.terminate()
    raise SystemExit("gunicorn did not start")


def run_locust(port: int, prefix: str) -> None:
    subprocess.run([str(BIN / "locust"), "-f", str(ROOT / "tests" / "load" / "locustfile.py"), "--headless",
                    "-u", str(USERS), "-r", str(SPAWN), "-t", f"{SECONDS}s", "--host", f"http://127.0.0.1:{port}",
                    "--csv", prefix, "--only-summary", "--stop-timeout", "5"], cwd=ROOT, check=False)


def table(prefix: str) -> tuple[str, dict]:
    rows = list(csv.DictReader(open(f"{prefix}_stats.csv")))
    lines = ["| request | count | failures | median ms | p95 ms | p99 ms | max ms | req/s |", "|---|---|---|---|---|---|---|---|"]
    for r in rows:
        lines.append(f"| {r['Name']} | {r['Request Count']} | {r['Failure Count']} | {r['50%']} | {r['95%']} | "
                     f"{r['99%']} | {float(r['Max Response Time']):.0f} | {float(r['Requests/s']):.1f} |")
    return "\n".join(lines), next(r for r in rows if r["Name"] == "Aggregated")


def write(markdown: str) -> None:
    text = BENCHMARKS.read_text() if BENCHMARKS.exists() else "# Benchmarks\n"
    block = f"{START}\n{markdown}\n{END}"
    if START in text:
        text = text[:text.index(START)] + block + text[text.index(END) + len(END):]
    else:
        text = text.rstrip() + "\n\n" + block + "\n"
    BENCHMARKS.parent.mkdir(exist_ok=True)
    BENCHMARKS.write_text(text)


def main() -> int:
    port = free_port()
    server = start_server(port)
    try:
        with tempfile.TemporaryDirectory() as tmp:
            run_locust(port, f"{tmp}/load")
            rows, total = table(f"{tmp}/load")
    finally:
        server.terminate()
        server.wait(timeout=30)
    failures = int(total["Failure Count"])
    markdown = (f"## Load test (`make load`)\n\nRun on {dt.date.today().isoformat()} on this project's 2-core "
                f"machine: locust, {USERS} concurrent users (spawned {SPAWN}/s) for {SECONDS} s against `make serve` "
                f"(gunicorn, deploy/gunicorn.conf.py) on loopback; every page in every language, the stylesheet, "
                f"self-check submissions (results and errors) and API calls.\n\n{rows}\n\n"
                f"**{total['Request Count']} requests, {failures} failed; p99 {total['99%']} ms.**\n\n"
                f"Command: `make load` (`LOAD_USERS`, `LOAD_SECONDS` to change the bounds).")
    print(markdown)
    write(markdown)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
