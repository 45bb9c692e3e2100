"""`make bench`: measure the site in one run and write docs/BENCHMARKS.md.

Page weight and requests (Chromium), in-process render time, live throughput
against a "hello" Flask app under the same gunicorn settings (wrk), the
self-check and API at a fixed rate (tests/perf/paced.py), the frozen build under
nginx, build time, engine speed and Lighthouse scores.
"""
from __future__ import annotations

import datetime as dt
import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path[:0] = [str(ROOT), str(ROOT / "site")]

from tests.perf import measure  # noqa: E402
from tests.perf.report import write_section  # noqa: E402


SECTIONS = ("build", "weight", "render", "throughput", "lighthouse")


def main(only: list[str]) -> int:
    """Every section, or those named (`python tests/perf/bench.py throughput`); the build is always made."""
    from flats import create_app
    app = create_app()
    from tests.helpers import routes as site_routes
    routes = site_routes()
    wanted = [name for name in SECTIONS if not only or name in only]
    sections = {}
    with tempfile.TemporaryDirectory() as tmp:
        build = Path(tmp) / "build"
        sections["build"] = measure.build_and_engine(app, build)
        if "weight" in wanted:
            sections["weight"] = measure.page_weights(app, routes)
        if "render" in wanted:
            sections["render"] = measure.render_times(app, routes)
        if "throughput" in wanted:
            sections["throughput"] = measure.throughput(build)
        if "lighthouse" in wanted:
            sections["lighthouse"] = measure.lighthouse(build)
    sections = {name: text for name, text in sections.items() if name in wanted}
    today = dt.date.today().isoformat()
    for name, markdown in sections.items():
        write_section(name, f"{markdown}\n\n_Measured {today} by `make bench` on this project's 2-core machine._")
        print(markdown, end="\n\n")
    return 0


if __name__ == "__main__":
    os.chdir(ROOT)
    sys.exit(main(sys.argv[1:]))
