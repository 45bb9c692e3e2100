"""QR codes made here with segno, as inline SVG: no image service, no data: URI.

The markup has no style attribute (the Content-Security-Policy forbids inline
styles): the size comes from the stylesheet, the colours from attributes.
"""
from __future__ import annotations

import segno
from markupsafe import Markup, escape


def qr_svg(data: str, label: str) -> Markup:
    """An accessible inline <svg> QR code for `data`, named by `label`."""
    code = segno.make(data, error="m", micro=False)
    svg = code.svg_inline(scale=1, border=4, omitsize=True, svgclass="qr", lineclass="qr-modules",
                          dark="#000", light="#fff")
    if "style" in svg:
        raise ValueError("segno's SVG carries a style attribute, which the Content-Security-Policy blocks")
    return Markup(svg.replace("<svg ", f'<svg role="img" aria-label="{escape(label)}" ', 1))
