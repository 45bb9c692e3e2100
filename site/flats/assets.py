"""Static files named by their content: style.css is linked as style.3f2a9c1b.css and cached for a year.

Each file in static/ is read once at start-up; scripts and stylesheets are
served minified (rjsmin, rcssmin: the files in the repository stay readable,
a phone downloads less), and every file is named by the hash of what is served. url_for('static',
filename='style.css'), and so url('static', filename=…) in templates, gives
the fingerprinted name, relative like every link; the static route serves
that name as immutable. A changed file gets a new name, so no visitor keeps an
old stylesheet. The plain name still answers, revalidated each time.
"""
from __future__ import annotations

import hashlib
import mimetypes
import posixpath
from pathlib import Path

import rcssmin
import rjsmin
from flask import Flask, Response

YEAR = 365 * 24 * 3600
IMMUTABLE = f"public, max-age={YEAR}, immutable"


def fingerprinted(name: str, content: bytes) -> str:
    """`name` with the first 8 hex digits of its content's SHA-256 before the extension."""
    stem, extension = posixpath.splitext(name)
    return f"{stem}.{hashlib.sha256(content).hexdigest()[:8]}{extension}"


MINIFY = {".js": rjsmin.jsmin, ".css": rcssmin.cssmin}


def served(path: Path) -> bytes:
    """What is sent for a static file: scripts and stylesheets minified, anything else as it is."""
    minify = MINIFY.get(path.suffix)
    return minify(path.read_text(encoding="utf-8")).encode("utf-8") if minify else path.read_bytes()


def contents(folder: Path) -> dict[str, bytes]:
    """{slash-separated name: bytes served} for every file under `folder`."""
    return {path.relative_to(folder).as_posix(): served(path) for path in sorted(folder.rglob("*")) if path.is_file()}


def fingerprints(folder: Path) -> dict[str, str]:
    """{plain name: fingerprinted name} for every file under `folder`."""
    return {name: fingerprinted(name, content) for name, content in contents(folder).items()}


def init_app(app: Flask) -> None:
    files = contents(Path(app.static_folder))
    names = {name: fingerprinted(name, content) for name, content in files.items()}
    plain = {v: k for k, v in names.items()}

    @app.url_defaults
    def fingerprint(endpoint, values):
        if endpoint == "static" and values.get("filename") in names:
            values["filename"] = names[values["filename"]]

    def static(filename: str):
        """A fingerprinted name for a year; a plain one revalidated (no-cache)."""
        name = plain.get(filename, filename)
        if name not in files:
            return app.send_static_file(filename)  # Flask's own 404 (or a file added after start-up)
        kind = mimetypes.guess_type(name)[0] or "application/octet-stream"
        response = Response(files[name], mimetype=kind)
        response.headers["Cache-Control"] = IMMUTABLE if filename in plain else "no-cache"
        return response

    app.view_functions["static"] = static
