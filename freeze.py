"""Build the whole site as static files: `make freeze` (python freeze.py [DEST]).

Runs strictly: a redirect, a 404 or an endpoint without a URL generator fails
the build. The answers of the self-check are worked out by the same engine at
build time, for the rules in force on the day of the build.
"""
from __future__ import annotations

import sys
import time
import warnings
from pathlib import Path

from flask_frozen import Freezer, MissingURLGeneratorWarning

from flats import create_app
from flats.urls import all_urls, frozen_files

ROOT = Path(__file__).resolve().parent


def build(destination: Path = ROOT / "build", config: dict | None = None, prepare=None) -> list[str]:
    """Freeze the site into `destination`; return the URLs written. `prepare(app)` may adjust the app first."""
    app = create_app({
        "FROZEN_BUILD": True,
        "FREEZER_DESTINATION": str(destination),
        "FREEZER_REDIRECT_POLICY": "error",
        "FREEZER_IGNORE_404_NOT_FOUND": False,
        "FREEZER_REMOVE_EXTRA_FILES": True,
        "FREEZER_DEFAULT_MIMETYPE": "text/html",
        **(config or {}),
    })
    if prepare:
        prepare(app)
    freezer = Freezer(app, with_no_argument_rules=False, log_url_for=False)

    adapter = app.url_map.bind("localhost")

    @freezer.register_generator
    def every_url():
        """Each URL as (endpoint, values), so the freezer knows every endpoint is covered."""
        for path in ["/", "/404.html", "/sitemap.xml", "/robots.txt", *all_urls(app), *frozen_files(app)]:
            yield adapter.match(path, method="GET")

    with warnings.catch_warnings():
        warnings.simplefilter("error", MissingURLGeneratorWarning)
        return sorted(freezer.freeze())


def main(argv: list[str]) -> int:
    destination = Path(argv[0]) if argv else ROOT / "build"
    start = time.perf_counter()
    urls = build(destination)
    print(f"froze {len(urls)} URLs into {destination} in {time.perf_counter() - start:.2f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
