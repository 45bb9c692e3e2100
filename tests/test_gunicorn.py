"""`make serve` for real: gunicorn with deploy/gunicorn.conf.py, and a log with no answers in it."""
from __future__ import annotations

import urllib.parse
import urllib.request

from .servers import gunicorn


def test_gunicorn_serves_the_site_and_logs_no_query_strings_or_answers(tmp_path):
    log = tmp_path / "gunicorn.log"
    with log.open("w") as out, gunicorn(log=out, FLATS_WORKERS="2") as base:
        assert urllib.request.urlopen(base + "/health").status == 200
        assert urllib.request.urlopen(base + "/pl/?imie=Jan&dochod=1234").status == 200
        form = urllib.parse.urlencode({"adult": "yes", "resident": "yes", "round_the_clock_care": "no",
                                       "situations": "illness", "household": "single", "income": "4321,98"})
        page = urllib.request.urlopen(base + "/en/sprawdz/chelm/", data=form.encode()).read().decode()
        assert "4 321,98" in page.replace("\u00a0", " ")
    written = log.read_text()
    assert '"GET /pl/"' in written and '"POST /en/sprawdz/chelm/"' in written, written[-2000:]
    for secret in ("imie", "Jan", "dochod", "4321", "illness"):
        assert secret not in written, f"the log holds {secret!r}"
