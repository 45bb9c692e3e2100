"""Build the whole site as static files: `make freeze` (python freeze.py [DEST] [--base-path /mieszkania/]).

Runs strictly: a redirect, a 404 or an endpoint without a URL generator fails
the build. The answers of the self-check are worked out by the same engine at
build time, for the rules in force on the day of the build. Every link is
relative except on 404.html, which a server shows at any missing address: its
links are absolute under the base path (--base-path, else the path of site.url
in content/site.yaml, else /). Text files get .gz and .br copies beside them
for servers that send pre-compressed files (nginx's gzip_static, brotli_static).
"""
from __future__ import annotations

import argparse
import gzip
import sys
import time
import warnings
from pathlib import Path
from urllib.parse import urlsplit

import brotli
from flask_frozen import Freezer, MissingURLGeneratorWarning

from flats import create_app
from flats.data import site_data
from flats.urls import all_urls, frozen_files

ROOT = Path(__file__).resolve().parent
COMPRESSED = {".html", ".css", ".js", ".xml", ".txt", ".svg", ".json"}


def base_path(given: str | None, site_url: str) -> str:
    """The public path of the site's root, with slashes at both ends."""
    path = given if given is not None else urlsplit(site_url).path
    return "/" + path.strip("/") + "/" if path.strip("/") else "/"


def build(destination: Path = ROOT / "build", config: dict | None = None, base: str | None = None,
          prepare=None) -> list[str]:
    """Freeze the site into `destination` for serving at `base`; return the URLs written.

    `prepare(app)` may adjust the app before freezing (tests add URLs with it).
    """
    app = create_app({
        "FROZEN_BUILD": True,
        "FREEZER_DESTINATION": str(destination),
        "FREEZER_REDIRECT_POLICY": "error",
        "FREEZER_IGNORE_404_NOT_FOUND": False,
        "FREEZER_REMOVE_EXTRA_FILES": True,
        "FREEZER_DEFAULT_MIMETYPE": "text/html",
        **(config or {}),
    })
    app.config["FROZEN_BASE_PATH"] = base_path(base, site_data(app).details["site"]["url"])
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
        urls = sorted(freezer.freeze())
    compress(destination)
    return urls


def compress(folder: Path) -> None:
    """Write file.gz and file.br beside each text file, at the best compression (a build is rare, a visit is not)."""
    for path in sorted(folder.rglob("*")):
        if path.suffix in COMPRESSED and path.is_file():
            data = path.read_bytes()
            # mtime=0: the same input gives the same .gz, so rebuilds are reproducible.
            path.with_name(path.name + ".gz").write_bytes(gzip.compress(data, compresslevel=9, mtime=0))
            path.with_name(path.name + ".br").write_bytes(brotli.compress(data, quality=11))


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description="Build the static site.")
    parser.add_argument("destination", nargs="?", type=Path, default=ROOT / "build")
    parser.add_argument("--base-path", help="the public path of the site's root, e.g. /mieszkania/ "
                                            "(default: the path of site.url in content/site.yaml, else /)")
    options = parser.parse_args(argv)
    start = time.perf_counter()
    urls = build(options.destination, base=options.base_path)
    print(f"froze {len(urls)} URLs into {options.destination} in {time.perf_counter() - start:.2f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
