"""Security headers on every response; no cookie is ever set."""
from __future__ import annotations

from urllib.parse import urlsplit, urlunsplit

from flask import Flask, request

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


def relative_location(response, request) -> None:
    """A redirect names a path on this site, never the host the client sent (werkzeug adds it for 308s)."""
    location = response.headers.get("Location")
    if location:
        parts = urlsplit(location)
        if parts.netloc and parts.netloc == request.host:
            response.headers["Location"] = urlunsplit(("", "", parts.path or "/", parts.query, parts.fragment))


def init_app(app: Flask) -> None:
    @app.after_request
    def secure(response):
        relative_location(response, request)
        h = response.headers
        h.setdefault("Content-Security-Policy", CSP)
        h["X-Content-Type-Options"] = "nosniff"
        h["Referrer-Policy"] = "no-referrer"
        h["Permissions-Policy"] = PERMISSIONS
        h["Cross-Origin-Opener-Policy"] = "same-origin"
        if app.config.get("HSTS"):
            h["Strict-Transport-Security"] = "max-age=31536000; includeSubDomains"
        h.pop("Set-Cookie", None)
        return response
