"""`make serve` for real: gunicorn with deploy/gunicorn.conf.py, and a log with no answers in it."""
from __future__ import annotations

import os
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

from .test_nginx import free_port

ROOT = Path(__file__).resolve().parents[1]


def test_gunicorn_serves_the_site_and_logs_no_query_strings_or_answers(tmp_path):
    port = free_port()
    log = tmp_path / "gunicorn.log"
    env = dict(os.environ, PORT=str(port), FLATS_WORKERS="2")
    gunicorn = Path(sys.executable).with_name("gunicorn")
    with log.open("w") as out:
        process = subprocess.Popen([str(gunicorn), "-c", "deploy/gunicorn.conf.py", "flats:create_app()"],
                                   cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(100):
            try:
                assert urllib.request.urlopen(base + "/health").status == 200
                break
            except (urllib.error.URLError, ConnectionError):
                time.sleep(0.1)
        assert urllib.request.urlopen(base + "/pl/?imie=Jan&dochod=1234").status == 200
        form = urllib.parse.urlencode({"adult": "yes", "resident": "yes", "round_the_clock_care": "no",
                                       "situations": "illness", "household": "single", "income": "4321,98"})
        page = urllib.request.urlopen(base + "/en/sprawdz/chelm/", data=form.encode()).read().decode()
        assert "4 321,98" in page.replace("\u00a0", " ")
    finally:
        process.terminate()
        process.wait(timeout=20)
    written = log.read_text()
    assert '"GET /pl/"' in written and '"POST /en/sprawdz/chelm/"' in written, written[-2000:]
    for secret in ("imie", "Jan", "dochod", "4321", "illness"):
        assert secret not in written, f"the log holds {secret!r}"
