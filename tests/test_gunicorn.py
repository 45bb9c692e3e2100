"""`make serve` for real: gunicorn with deploy/gunicorn.conf.py, and a log with no answers in it."""
from __future__ import annotations

import http.client
import re
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


def get(netloc: str, target: str, headers: dict | None = None) -> tuple[int, str]:
    connection = http.client.HTTPConnection(netloc, timeout=10)
    try:
        connection.request("GET", target, headers=headers or {})
        response = connection.getresponse()
        return response.status, response.read().decode("utf-8", "replace")
    finally:
        connection.close()


def test_a_script_name_header_changes_no_page_and_no_link():
    """gunicorn's default forwarder_headers let a client at a trusted address (127.0.0.1, as the test is)
    send `SCRIPT_NAME: /evil` with GET /evil/pl/: gunicorn cut /evil off the path, the app served /pl/
    with ../evil/ in its links. forwarder_headers = "" drops the header: /evil/pl/ is just missing."""
    with gunicorn(FLATS_WORKERS="1", FLATS_THREADS="1") as base:
        netloc = urllib.parse.urlsplit(base).netloc
        for target in ("/evil/pl/", "/evil/en/chelm/", "/evil/pl/sprawdz/mielec/"):
            for _ in range(2):
                status, page = get(netloc, target, {"SCRIPT_NAME": "/evil"})
                assert status == 404, f"{target} with SCRIPT_NAME answered {status}"
                assert "evil" not in page.replace(target, ""), f"SCRIPT_NAME changed the links of {target}"
        for path in ("/pl/", "/en/chelm/", "/pl/sprawdz/mielec/"):
            status, page = get(netloc, path)
            assert status == 200 and re.search(r'href="[^"]*static/style\.[0-9a-f]{8}\.css"', page), path
            assert "evil" not in page, f"{path} kept links another request's SCRIPT_NAME made"
