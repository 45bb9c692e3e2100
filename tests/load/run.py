"""`make load`: start `make serve`'s gunicorn on loopback, run locust headless
(50 users, 60 s), print the result and write it into docs/BENCHMARKS.md."""
from __future__ import annotations

import csv
import datetime as dt
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
from tests.perf.report import write_section  # noqa: E402
from tests.servers import gunicorn  # noqa: E402

BIN = Path(sys.executable).parent
USERS, SPAWN, SECONDS = int(os.environ.get("LOAD_USERS", 50)), 10, int(os.environ.get("LOAD_SECONDS", 60))


def run_locust(base: str, prefix: str) -> None:
    subprocess.run([str(BIN / "locust"), "-f", str(ROOT / "tests" / "load" / "locustfile.py"), "--headless",
                    "-u", str(USERS), "-r", str(SPAWN), "-t", f"{SECONDS}s", "--host", base,
                    "--csv", prefix, "--only-summary", "--stop-timeout", "5"], cwd=ROOT, check=False)


def table(prefix: str) -> tuple[str, dict]:
    rows = list(csv.DictReader(open(f"{prefix}_stats.csv")))
    lines = ["| request | count | failures | median ms | p95 ms | p99 ms | max ms | req/s |", "|---|---|---|---|---|---|---|---|"]
    for r in rows:
        lines.append(f"| {r['Name']} | {r['Request Count']} | {r['Failure Count']} | {r['50%']} | {r['95%']} | "
                     f"{r['99%']} | {float(r['Max Response Time']):.0f} | {float(r['Requests/s']):.1f} |")
    return "\n".join(lines), next(r for r in rows if r["Name"] == "Aggregated")


def main() -> int:
    with gunicorn() as base, tempfile.TemporaryDirectory() as tmp:
        run_locust(base, f"{tmp}/load")
        rows, total = table(f"{tmp}/load")
    failures = int(total["Failure Count"])
    markdown = (f"## Load test (`make load`)\n\nRun on {dt.date.today().isoformat()} on this project's 2-core "
                f"machine: locust, {USERS} concurrent users (spawned {SPAWN}/s) for {SECONDS} s against `make serve` "
                f"(gunicorn, deploy/gunicorn.conf.py) on loopback; every page in every language, the stylesheet, "
                f"self-check submissions (results and errors) and API calls.\n\n{rows}\n\n"
                f"**{total['Request Count']} requests, {failures} failed; p99 {total['99%']} ms.**\n\n"
                f"Command: `make load` (`LOAD_USERS`, `LOAD_SECONDS` to change the bounds).")
    print(markdown)
    write_section("load", markdown)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
