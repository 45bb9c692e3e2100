"""X-Forwarded-* headers, trusted only when the app runs behind a known number of proxies.

Set FLATS_PROXY_FIX=1 (or the PROXY_FIX config key) when the app is served
behind one reverse proxy that sets these headers itself, as
deploy/nginx-flats-live.conf does; a proxy in front of that proxy makes 2.
The app then takes the client's address, scheme, host and port from the last
N values, those the proxies wrote. Unset or 0, the headers are ignored: a
client cannot claim to have come over HTTPS or from another host.
"""
from __future__ import annotations

import os

from flask import Flask
from werkzeug.middleware.proxy_fix import ProxyFix


def trusted_proxies(app: Flask) -> int:
    """How many proxies in front of the app set X-Forwarded-*; 0 when none is trusted."""
    value = app.config.get("PROXY_FIX", os.environ.get("FLATS_PROXY_FIX", "0"))
    text = str(value).strip() if value not in (None, "") else "0"
    hops = int(text) if text.isascii() and text.isdigit() and not isinstance(value, (bool, float)) else -1
    if hops < 0:
        raise ValueError(f"FLATS_PROXY_FIX must be the number of proxies in front of the app (0, 1, 2 …), not {value!r}")
    return hops


def wrap(app: Flask, wsgi):
    """`wsgi` behind werkzeug's ProxyFix when proxies are trusted; `wsgi` itself when none is."""
    hops = trusted_proxies(app)
    if not hops:
        return wsgi
    # No x_prefix: the live nginx site serves the app at the host's root and
    # clears X-Forwarded-Prefix, so a prefix could only come from a client.
    return ProxyFix(wsgi, x_for=hops, x_proto=hops, x_host=hops, x_port=hops, x_prefix=0)
