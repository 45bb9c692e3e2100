"""Static files named by their content: style.css is linked as style.3f2a9c1b.css and cached for a year.

Each file in static/ is hashed once at start-up. url_for('static',
filename='style.css'), and so url('static', filename=…) in templates, gives
the fingerprinted name, relative like every link; the static route serves
that name as immutable. A changed file gets a new name, so no visitor keeps an
old stylesheet. The plain name still answers, revalidated each time.
"""
from __future__ import annotations

import hashlib
import posixpath
from pathlib import Path

from flask import Flask, send_from_directory

YEAR = 365 * 24 * 3600
IMMUTABLE = f"public, max-age={YEAR}, immutable"


def fingerprinted(name: str, content: bytes) -> str:
    """`name` with the first 8 hex digits of its content's SHA-256 before the extension."""
    stem, extension = posixpath.splitext(name)
    return f"{stem}.{hashlib.sha256(content).hexdigest()[:8]}{extension}"


def fingerprints(folder: Path) -> dict[str, str]:
    """{plain name: fingerprinted name} for every file under `folder`, as slash-separated paths."""
    return {path.relative_to(folder).as_posix(): fingerprinted(path.relative_to(folder).as_posix(), path.read_bytes())
            for path in sorted(folder.rglob("*")) if path.is_file()}


def init_app(app: Flask) -> None:
    names = fingerprints(Path(app.static_folder))
    plain = {v: k for k, v in names.items()}
    app.extensions["static_names"] = names

    @app.url_defaults
    def fingerprint(endpoint, values):
        if endpoint == "static" and values.get("filename") in names:
            values["filename"] = names[values["filename"]]

    def static(filename: str):
        """A fingerprinted name for a year; a plain one revalidated (Flask's no-cache)."""
        if filename not in plain:
            return app.send_static_file(filename)
        response = send_from_directory(app.static_folder, plain[filename], max_age=YEAR)
        response.headers["Cache-Control"] = IMMUTABLE
        return response

    app.view_functions["static"] = static
