"""Security headers on every response; no cookie is ever set."""
from __future__ import annotations

from urllib.parse import urlsplit, urlunsplit

from flask import Flask
from werkzeug.wsgi import get_host

CSP = "; ".join([
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",  # the favicon is a data: URI, so a page costs no extra request
    "connect-src 'self'",
    "manifest-src 'self'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
])
PERMISSIONS = ", ".join(f"{f}=()" for f in (
    "accelerometer", "camera", "geolocation", "gyroscope", "magnetometer",
    "microphone", "payment", "usb", "browsing-topics"))


HEADERS = [
    ("Content-Security-Policy", CSP),
    ("X-Content-Type-Options", "nosniff"),
    ("Referrer-Policy", "no-referrer"),
    ("Permissions-Policy", PERMISSIONS),
    ("Cross-Origin-Opener-Policy", "same-origin"),
]
HSTS = ("Strict-Transport-Security", "max-age=31536000; includeSubDomains")
OURS = {name.lower() for name, _ in HEADERS} | {HSTS[0].lower(), "set-cookie"}


def relative_location(location: str, environ) -> str:
    """A redirect names a path on this site, never the host the client sent (werkzeug adds it for 308s)."""
    parts = urlsplit(location)
    if parts.netloc and parts.netloc == get_host(environ):
        return urlunsplit(("", "", parts.path or "/", parts.query, parts.fragment))
    return location


class SecurityHeaders:
    """WSGI middleware: the same headers on every response, whichever layer answers it.

    Flask's views, its error pages, the 304s and the 413s all pass through
    here, and so does anything Flask's own last-resort handler writes. No response sets a cookie: a Set-Cookie is dropped.
    """

    def __init__(self, app: Flask, wsgi):
        self.wsgi = wsgi
        self.ours = HEADERS + [HSTS] if app.config.get("HSTS") else HEADERS

    def __call__(self, environ, start_response):
        def start(status, headers, exc_info=None):
            kept = [(k, v) if k != "Location" else (k, relative_location(v, environ))
                    for k, v in headers if k.lower() not in OURS]
            kept += self.ours
            return start_response(status, kept, exc_info) if exc_info else start_response(status, kept)

        return self.wsgi(environ, start)
