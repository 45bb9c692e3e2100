"""A plain static file server on loopback, serving a folder under a sub-path."""
from __future__ import annotations

import functools
from contextlib import contextmanager
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from .servers import in_thread


class _Handler(SimpleHTTPRequestHandler):
    prefix = "/"

    def translate_path(self, path):
        if not path.startswith(self.prefix):
            return str(Path(self.directory) / "__outside_the_sub_path__")
        return super().translate_path("/" + path[len(self.prefix):])

    def log_message(self, *args):
        pass


@contextmanager
def serve_folder(folder: Path, prefix: str = "/"):
    """Serve `folder` at http://127.0.0.1:PORT{prefix}; yield that base URL."""
    handler = type("Handler", (_Handler,), {"prefix": prefix})
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(handler, directory=str(folder)))
    try:
        with in_thread(server):
            yield f"http://127.0.0.1:{server.server_port}{prefix}"
    finally:
        server.server_close()
