"""Log lines that a request cannot forge: what a client sends is logged with its control characters escaped.

Gunicorn's access log writes the decoded path, so a request for
/pl/%0d%0aFAKE would start a line of its own making. GunicornLogger
(logger_class in deploy/gunicorn.conf.py) escapes every value of an access
line; the development server (devserver.py) logs through escape() too.
"""
from __future__ import annotations

import re

from gunicorn.glogging import Logger

# C0 and C1 control characters, DEL, and Unicode's line and paragraph separators
# (each can end a line, or rewrite one, in a terminal or a log viewer), and the
# double quote, which would end the quoted request field early.
UNSAFE = re.compile('[\x00-\x1f\x7f-\x9f\u2028\u2029"]')


def escape(value: str) -> str:
    """`value` on one line: backslashes doubled, control characters and `"` as \\xNN or \\uNNNN.

    WSGI gives the path as bytes decoded as Latin-1; they are read as UTF-8 so a
    Polish or Ukrainian path stays legible, and bytes that are not UTF-8 become \\xNN.
    """
    value = value.replace("\\", "\\\\")
    try:
        value = value.encode("latin-1").decode("utf-8", "backslashreplace")
    except UnicodeEncodeError:
        pass  # already text beyond Latin-1, not bytes in disguise
    return UNSAFE.sub(lambda m: f"\\x{ord(m[0]):02x}" if ord(m[0]) < 0x100 else f"\\u{ord(m[0]):04x}", value)


class EscapedAtoms(dict):
    """Gunicorn's values for one access line, each escaped as the log format reads it.

    Gunicorn offers every request and response header and every environ value;
    the format reads five, so only those are escaped (a missing one is "-").
    """

    def __getitem__(self, key: str):
        value = self.get(key.lower() if key.startswith("{") else key, "-")
        return escape(value) if isinstance(value, str) else value


class GunicornLogger(Logger):
    """Gunicorn's logger, with every access-log value it writes escaped."""

    atoms_wrapper_class = EscapedAtoms
