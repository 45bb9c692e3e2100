"""Log lines that a request cannot forge: what a client sends is logged with its control characters escaped.

Gunicorn's access log writes the decoded path, so a request for
/pl/%0d%0aFAKE would start a line of its own making. GunicornLogger
(logger_class in deploy/gunicorn.conf.py) escapes every value of an access
line; the development server (devserver.py) logs through escape() too.

Its error log, and the app's own logger, go through NothingPersonal: no
client address, no query string, no exception message (which can quote what
a client sent), and control characters escaped there too.
"""
from __future__ import annotations

import logging
import re
import traceback

from gunicorn.glogging import Logger

# C0 and C1 control characters, DEL, and Unicode's line and paragraph separators
# (each can end a line, or rewrite one, in a terminal or a log viewer), and the
# double quote, which would end the quoted request field early.
UNSAFE = re.compile('[\x00-\x1f\x7f-\x9f\u2028\u2029"]')


def escape(value: str, wsgi: bool = True) -> str:
    """`value` on one line: backslashes doubled, control characters and `"` as \\xNN or \\uNNNN.

    WSGI gives the path as bytes decoded as Latin-1; they are read as UTF-8 so a
    Polish or Ukrainian path stays legible, and bytes that are not UTF-8 become
    \\xNN. With wsgi=False (a log message, already text) that step is skipped.
    """
    value = value.replace("\\", "\\\\")
    try:
        if wsgi:
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
        if value is None:  # e.g. the path of a request that failed before the app saw it
            return "-"
        return escape(value) if isinstance(value, str) else value


# What gunicorn's error log and the app's logger ("flats", Flask's app.logger) may write.
INVALID_REQUEST = "Invalid request from ip="
FAILED_REQUEST = "Error handling request"


def code_only_traceback(exc_info) -> str:
    """A traceback with its frames (file, line, function, the line of code) and each exception's type only.

    An exception's message can hold what a client sent (a value that did not
    parse, a header, a path with its query), so it is never written; nor are
    local variables (the traceback module leaves them out unless asked).
    """
    parts: list[str] = []

    def add(te: traceback.TracebackException) -> None:
        if te.__cause__ is not None:
            add(te.__cause__)
            parts.append("\nThe above exception was the direct cause of the following exception:\n\n")
        elif te.__context__ is not None and not te.__suppress_context__:
            add(te.__context__)
            parts.append("\nDuring handling of the above exception, another exception occurred:\n\n")
        if te.stack:
            parts.append("Traceback (most recent call last):\n")
            parts.extend(te.stack.format())
        kind = te.exc_type
        name = kind.__qualname__ if kind.__module__ == "builtins" else f"{kind.__module__}.{kind.__qualname__}"
        parts.append(f"{name} (message not logged)\n")

    add(traceback.TracebackException(*exc_info))
    return "".join(parts).rstrip("\n")


class NothingPersonal(logging.Filter):
    """Rewrites each record of gunicorn's error log and the app's logger before it is written.

    - gunicorn's "Invalid request from ip=…: <what was wrong>" (a malformed
      request line or header, answered 400/414/431/501) loses the address and
      the text, which quotes what the client sent;
    - gunicorn's "Error handling request <method> <target>" keeps the path
      without its query string;
    - every message has its control characters escaped, as the access log's
      values are, so nothing a client sends can start a line;
    - a traceback keeps its frames and exception types, never a message (code_only_traceback).
    """

    def filter(self, record: logging.LogRecord) -> bool:
        if isinstance(record.msg, str) and record.msg.startswith(INVALID_REQUEST):
            record.msg, record.args = "Invalid request (answered 4xx or 501; its address and content not logged)", ()
        elif isinstance(record.msg, str) and record.msg.startswith(FAILED_REQUEST) and record.args:
            record.args = tuple(arg.split("?", 1)[0].split("#", 1)[0] if isinstance(arg, str) else arg
                                for arg in record.args)
        record.msg, record.args = escape(record.getMessage(), wsgi=False), ()
        if record.exc_info and record.exc_info[0] is not None:
            record.exc_text = code_only_traceback(record.exc_info)
        return True


class GunicornLogger(Logger):
    """Gunicorn's logger: every access-log value escaped, and the error log, with the app's logger, kept impersonal."""

    atoms_wrapper_class = EscapedAtoms

    def setup(self, cfg) -> None:
        super().setup(cfg)
        # The app's logger is Flask's app.logger, named after the package (Flask(__name__) in flats/__init__.py).
        for log in (self.error_log, logging.getLogger("flats")):
            if not any(isinstance(f, NothingPersonal) for f in log.filters):
                log.addFilter(NothingPersonal())
