"""The measurements of `make bench`, each returning a Markdown section."""
from __future__ import annotations

import json
import os
import random
import re
import shutil
import statistics
import subprocess
import time
from decimal import Decimal
from pathlib import Path

from tests.browser import chromium, served
from tests.servers import gunicorn, nginx

ROOT = Path(__file__).resolve().parents[2]
KINDS = {"document": "HTML", "stylesheet": "CSS", "script": "JS", "image": "images"}


def page_weights(app, routes: list[str]) -> str:
    rows = ["| page | HTML | CSS | JS | images | total | requests |", "|---|---|---|---|---|---|---|"]
    with served(app) as base, chromium() as browser:
        for url in routes:
            page = browser.new_page()
            loaded = []
            page.on("requestfinished", lambda r: loaded.append(r))
            page.goto(base + url)
            page.wait_for_load_state("networkidle")
            sizes = {kind: 0 for kind in KINDS.values()}
            for request in loaded:
                sizes[KINDS.get(request.resource_type, "images")] += len(request.response().body())
            page.close()
            total = sum(sizes.values())
            rows.append(f"| {url} | " + " | ".join(f"{v / 1024:.1f} KB" for v in sizes.values())
                        + f" | {total / 1024:.1f} KB | {len(loaded)} |")
    return "## Page weight (live site, uncompressed)\n\nBudgets: HTML ≤ 30 KB, everything ≤ 60 KB, ≤ 4 requests " \
           "(tests/test_budgets.py enforces them).\n\n" + "\n".join(rows)


def render_times(app, routes: list[str], runs: int = 300) -> str:
    client = app.test_client()
    rows = ["| page | median ms | p99 ms |", "|---|---|---|"]
    medians = []
    for url in routes:
        client.get(url)  # the first request renders; later ones come from memory
        times = []
        for _ in range(runs):
            start = time.perf_counter()
            client.get(url).get_data()
            times.append((time.perf_counter() - start) * 1000)
        times.sort()
        medians.append(statistics.median(times))
        rows.append(f"| {url} | {statistics.median(times):.3f} | {times[int(len(times) * 0.99) - 1]:.3f} |")
    data = dict(pair.split("=") for pair in RESULT_FORM.split("&"))
    question = {k: v for k, v in data.items() if k != "income"} | {"step": "household"}
    posts = []
    for label, form in (("self-check result (POST, a fee)", data),
                        ("self-check question (POST, Continue to the next)", question)):
        times = []
        for _ in range(runs):
            start = time.perf_counter()
            client.post("/pl/sprawdz/chelm/", data=form).get_data()
            times.append((time.perf_counter() - start) * 1000)
        times.sort()
        posts.append(statistics.median(times))
        rows.append(f"| {label} | {statistics.median(times):.3f} | {times[int(len(times) * 0.99) - 1]:.3f} |")
    worst = max(medians)
    verdict = "met" if worst <= 1 else "NOT met"
    return (f"## Render time in process (Flask test client, {runs} requests a page)\n\nTarget: p50 ≤ 1 ms on every "
            f"page — **{verdict}** (slowest median {worst:.3f} ms): a GET page is rendered once a day and then "
            f"answered from memory. A self-check step (a POST) is rendered afresh for every request from what was "
            f"posted, and nothing of it is kept: a result takes {posts[0]:.1f} ms, a question {posts[1]:.1f} ms "
            "(shown, not judged; the throughput table judges them through gunicorn).\n\n"
            + "\n".join(rows))


# The self-check answers that the POST and API measurements send: a result with a fee (the slowest page).
RESULT_FORM = ("adult=yes&round_the_clock_care=no&situations=older_age&resident=yes&household=single"
               "&income=1650&step=income&action=continue")
RESULT_JSON = json.dumps({"facility": "chelm", "adult": "yes", "resident": "yes", "round_the_clock_care": "no",
                          "situations": ["older_age"], "household": "single", "income": "1650.00"})


def wrk(url: str, seconds: int = 10, connections: int = 50, body: str | None = None,
        content_type: str = "application/x-www-form-urlencoded") -> tuple[float, float]:
    """(requests a second, p99 latency in ms); with `body`, each request is a POST of it (a Lua script tells wrk)."""
    command = ["wrk", "-t2", f"-c{connections}", f"-d{seconds}s", "--latency"]
    script = None
    if body is not None:
        script = Path(tempfile_dir()) / "post.lua"
        script.write_text(f'wrk.method = "POST"\nwrk.body = {json.dumps(body)}\n'
                          f'wrk.headers["Content-Type"] = "{content_type}"\n')
        command += ["-s", str(script)]
    out = subprocess.run(command + [url], capture_output=True, text=True, check=True).stdout
    if "Non-2xx" in out:
        raise AssertionError(f"wrk saw errors from {url}:\n{out}")
    rate = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
    value, unit = re.search(r"^\s*99%\s+([\d.]+)(us|ms|s)\s*$", out, re.M).groups()
    return rate, float(value) * {"us": 0.001, "ms": 1.0, "s": 1000.0}[unit]


def tempfile_dir() -> str:
    import tempfile
    return tempfile.mkdtemp(prefix="flats-wrk-")


ROUNDS, SECONDS = 5, 6  # wrk runs per URL, and seconds each
RATE, CONNECTIONS, RATE_SECONDS = 300, 50, 10  # the self-check and API targets: p99 at this rate and connections


def fixed_rate(url: str, body: str, content_type: str) -> dict:
    """POST `body` to `url` at RATE requests a second over CONNECTIONS connections, evenly spaced
    (tests/perf/paced.py: an open loop, timed from when each request was due)."""
    from tests.perf.paced import post
    found = post(url, body, content_type, RATE, CONNECTIONS, RATE_SECONDS)
    if found["not_200"]:
        raise AssertionError(f"{found['not_200']} answers from {url} were not 200")
    return found


def throughput(build: Path) -> str:
    """Content pages beside the hello floor (wrk), and the self-check and API at a fixed rate (paced.py).

    This 2-core VM's speed drifts by a third from minute to minute, so one long
    run per server compares the noise, not the servers. The URLs take turns
    instead: ROUNDS rounds, each with a short wrk run per URL and a hello run
    before and after each content page, which is divided by the mean of
    those two; the table shows the medians over the rounds. wrk keeps every connection busy (a closed loop),
    so its latency is the queue it builds itself: the self-check and API
    targets are read at a fixed rate instead, as visitors arrive.
    """
    if not shutil.which("wrk"):
        return "## Throughput\n\nwrk is not installed (`make bench` installs Debian's wrk)."
    form = "application/x-www-form-urlencoded"
    with gunicorn("tests.perf.hello:create_app()") as hello, gunicorn() as live, nginx(build) as frozen:
        targets = {
            ("gunicorn, minimal Flask “hello”", "/"): (hello + "/", {}),
            ("gunicorn, this site", "/pl/"): (live + "/pl/", {}),
            ("gunicorn, this site", "/pl/chelm/"): (live + "/pl/chelm/", {}),
            ("gunicorn, this site", "/uk/odplatnosc/"): (live + "/uk/odplatnosc/", {}),
            ("gunicorn, self-check result (POST, a fee)", "/pl/sprawdz/chelm/"):
                (live + "/pl/sprawdz/chelm/", {"body": RESULT_FORM}),
            ("gunicorn, API (POST JSON)", "/api/v1/assessment"):
                (live + "/api/v1/assessment", {"body": RESULT_JSON, "content_type": "application/json"}),
            ("nginx, frozen build", "/mieszkania/pl/chelm/"): (frozen + "pl/chelm/", {}),
        }
        for url, options in targets.values():  # warm up: GET pages kept, workers started
            wrk(url, seconds=1, **options)
        # Each round: the hello floor before and after each content page, so that a page is divided by
        # the floor of the seconds around it; then the other rows, divided by the round's mean floor.
        hello_key = next(iter(targets))
        runs = {key: [] for key in targets}
        floors = {key: [] for key in targets}
        for _ in range(ROUNDS):
            hellos = [wrk(targets[hello_key][0], seconds=SECONDS)]
            for key, (url, options) in targets.items():
                if key[0] == "gunicorn, this site":
                    runs[key].append(wrk(url, seconds=SECONDS, **options))
                    hellos.append(wrk(targets[hello_key][0], seconds=SECONDS))
                    floors[key].append((hellos[-2][0] + hellos[-1][0]) / 2)
            floor = statistics.mean(rate for rate, _ in hellos)
            runs[hello_key].append((floor, statistics.median(p99 for _, p99 in hellos)))
            floors[hello_key].append(floor)
            for key, (url, options) in targets.items():
                if key[0] != "gunicorn, this site" and key != hello_key:
                    runs[key].append(wrk(url, seconds=SECONDS, **options))
                    floors[key].append(floor)
        paced = {"a self-check result (POST /pl/sprawdz/chelm/, a fee)": (live + "/pl/sprawdz/chelm/", RESULT_FORM, form),
                 "an API answer (POST /api/v1/assessment)": (live + "/api/v1/assessment", RESULT_JSON,
                                                            "application/json")}
        at_rate = {name: [] for name in paced}
        for _ in range(ROUNDS):  # the same rounds as wrk's: the VM's speed drifts, so each is measured 5 times
            for name, (url, body, kind) in paced.items():
                at_rate[name].append(fixed_rate(url, body, kind))
    floor = [rate for rate, _ in runs[hello_key]]
    ratios = {key: statistics.median(v / h for (v, _), h in zip(values, floors[key])) for key, values in runs.items()}
    rows = ["| server | URL | requests/s (median) | p99 ms (median) | × hello (median of rounds) | "
            "× hello, lowest–highest |", "|---|---|---|---|---|---|"]
    for (server, path), values in runs.items():
        each = [v / h for (v, _), h in zip(values, floors[server, path])]
        rows.append(f"| {server} | {path} | {statistics.median(v for v, _ in values):.0f} | "
                    f"{statistics.median(p for _, p in values):.1f} | {ratios[server, path]:.2f} | "
                    f"{min(each):.2f}–{max(each):.2f} |")
    pages = min(ratios[key] for key in runs if key[0] == "gunicorn, this site")
    goals = [f"content pages ≥ 0.8 × hello — **{'met' if pages >= 0.8 else 'NOT met'}** ({pages:.2f} ×)"]
    fixed = ["| what | requests/s sent and answered | p50 ms | p90 ms | p99 ms (median) | p99 ms, lowest–highest | "
             "max ms |", "|---|---|---|---|---|---|---|"]
    for name, measured in at_rate.items():
        med = {key: statistics.median(m[key] for m in measured) for key in ("rate", "p50", "p90", "p99", "max")}
        p99s = [m["p99"] for m in measured]
        met = med["p99"] <= 50
        goals.append(f"{name} at {RATE} requests/s, p99 ≤ 50 ms — **{'met' if met else 'NOT met'}** "
                     f"(p99 {med['p99']:.0f} ms, median of {ROUNDS} rounds; {min(p99s):.0f}–{max(p99s):.0f} ms)")
        fixed.append(f"| {name} | {med['rate']:.0f} | {med['p50']:.1f} | {med['p90']:.1f} | {med['p99']:.1f} | "
                     f"{min(p99s):.1f}–{max(p99s):.1f} | {med['max']:.1f} |")
    hello_range = f"{min(floor):.0f}–{max(floor):.0f}"
    return (f"## Throughput\n\nTargets: {'; '.join(goals)}.\n\n"
            f"### At a fixed rate: {RATE} requests a second over {CONNECTIONS} connections ({ROUNDS} rounds of "
            f"{RATE_SECONDS} s each, through gunicorn with deploy/gunicorn.conf.py)\n\n"
            "Every self-check POST and API answer is worked out afresh: nothing posted is kept. Requests go out "
            "evenly spaced, whatever the server does (tests/perf/paced.py, wrk2's constant-rate model), and each "
            "is timed from when it was due, so a late answer also counts against the ones it held up.\n\n"
            + "\n".join(fixed) + "\n\n"
            f"### As fast as it goes (wrk, 2 threads, {CONNECTIONS} connections; {ROUNDS} rounds of {SECONDS} s per "
            "URL)\n\nAll servers run at once and the URLs take turns. In each round hello runs before and after "
            "each content page, and the page is divided by the mean of those two runs, so that each ratio compares "
            "runs seconds apart; the other rows are divided by the round's mean hello (which itself read "
            f"{hello_range} requests/s across the rounds). wrk shares the 2 cores "
            "with the server, the same for every row; with every connection always busy, its p99 is the queue "
            "it makes itself (the self-check and API rows show the most each can answer, not the target).\n\n"
            + "\n".join(rows))


def build_and_engine(app, build: Path, runs: int = 20000) -> str:
    import freeze
    from flats.data import site_data
    from flats.rules import Answers, assess
    from flats.rules.codes import SITUATIONS
    start = time.perf_counter()
    urls = freeze.build(build)
    seconds = time.perf_counter() - start
    rules, rng, on = site_data(app).rules, random.Random(1), __import__("datetime").date.today()
    answers = [Answers(rng.choice(["mielec", "chelm"]), rng.random() < .9, rng.random() < .8, rng.random() < .1,
                       frozenset(s for s in SITUATIONS if rng.random() < .3), "single", None,
                       Decimal(rng.randint(0, 500000)) / 100) for _ in range(runs)]
    start = time.perf_counter()
    for a in answers:
        assess(a, rules, on)
    per_second = runs / (time.perf_counter() - start)
    verdict = "met" if seconds < 10 else "NOT met"
    return (f"## Static build and engine\n\n- `make freeze`: {len(urls)} URLs in **{seconds:.2f} s** "
            f"(target < 10 s: {verdict}).\n- Engine: **{per_second:,.0f} assessments a second** "
            f"({runs} random answer sets, one core).")


PAGES = {"home": "pl/", "facility": "pl/chelm/", "fees": "pl/odplatnosc/", "self-check form": "pl/sprawdz/chelm/"}


def lighthouse(build: Path) -> str:
    folder = ROOT / "tests" / "perf" / "lighthouse"
    cli = folder / "node_modules" / ".bin" / "lighthouse"
    if not cli.exists():
        subprocess.run(["npm", "install", "--no-audit", "--no-fund", "--silent"], cwd=folder, check=True)
    rows = ["| page | performance | accessibility | best practices | SEO |", "|---|---|---|---|---|"]
    env = dict(os.environ, CHROME_PATH="/usr/bin/chromium")
    flags = "--headless=new --no-sandbox --disable-gpu --disable-quic --no-first-run " \
            "--disable-background-networking --disable-component-update --disable-sync"
    with nginx(build) as base:
        for name, path in PAGES.items():
            run = subprocess.run([str(cli), base + path, "--quiet", "--output=json", f"--chrome-flags={flags}",
                                  "--only-categories=performance,accessibility,best-practices,seo"],
                                 capture_output=True, text=True, env=env)
            if run.returncode:
                raise RuntimeError(f"lighthouse failed on {path}: {run.stderr[-2000:]}")
            cats = json.loads(run.stdout)["categories"]
            rows.append(f"| {name} ({path}) | " + " | ".join(
                f"{round(cats[c]['score'] * 100)}" for c in ("performance", "accessibility", "best-practices", "seo"))
                + " |")
    return ("## Lighthouse 12.8.2 (mobile settings, frozen build under nginx)\n\nTarget: 100 in every category. "
            "A self-check result is not measured: it is shown after a POST (live) or by the script (frozen), "
            "which a Lighthouse URL run cannot reach.\n\n" + "\n".join(rows))
