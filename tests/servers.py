"""Real servers on loopback for tests, `make load` and `make bench`: gunicorn and nginx."""
from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
NGINX = shutil.which("nginx") or "/usr/sbin/nginx"
# Debian's brotli_static module (libnginx-mod-http-brotli-static), which `make nginx` installs.
NGINX_BROTLI = Path("/usr/lib/nginx/modules/ngx_http_brotli_static_module.so")


@contextmanager
def in_thread(server):
    """Run a WSGI or HTTP `server` (serve_forever/shutdown) in a thread while the block runs."""
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield server
    finally:
        server.shutdown()
        thread.join()


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_for(url: str, tries: int = 100) -> None:
    for _ in range(tries):
        try:
            urllib.request.urlopen(url)
            return
        except urllib.error.HTTPError:
            return
        except (urllib.error.URLError, ConnectionError):
            time.sleep(0.1)
    raise RuntimeError(f"{url} never answered")


@contextmanager
def gunicorn(app: str = "flats:create_app()", log=subprocess.DEVNULL, **env):
    """`make serve`'s gunicorn (deploy/gunicorn.conf.py) for `app`; yield its base URL."""
    port = free_port()
    process = subprocess.Popen([str(Path(sys.executable).with_name("gunicorn")), "-c", "deploy/gunicorn.conf.py", app],
                               cwd=ROOT, env=dict(os.environ, PORT=str(port), **env), stdout=log,
                               stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    try:
        wait_for(base + "/")
        yield base
    finally:
        process.terminate()
        process.wait(timeout=30)


def nginx_config(build: Path, work: Path, port: int) -> str:
    """A whole nginx.conf around deploy/nginx-flats.conf, serving `build` at /mieszkania/."""
    site = (ROOT / "deploy" / "nginx-flats.conf").read_text()
    site = site.replace("/srv/flats/build/", f"{build}/").replace(
        "/etc/nginx/flats/security-headers.conf", str(ROOT / "deploy" / "security-headers.conf"))
    temp = " ".join(f"{kind}_temp_path {work}/{kind};" for kind in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi"))
    # The test's build folder is private to root, so the workers run as root here.
    user = "user root;" if os.geteuid() == 0 else ""
    assert NGINX_BROTLI.exists(), f"{NGINX_BROTLI} is missing: `make nginx` installs libnginx-mod-http-brotli-static"
    return (f"load_module {NGINX_BROTLI};\n{user}\nworker_processes auto;\ndaemon off;\npid {work}/nginx.pid;\nerror_log {work}/error.log;\n"
            f"events {{ worker_connections 1024; }}\nhttp {{\n include /etc/nginx/mime.types;\n access_log off;\n"
            f" {temp}\n server {{\n  listen 127.0.0.1:{port};\n  server_tokens off;\n  {site}\n }}\n}}\n")


@contextmanager
def nginx(build: Path):
    """Debian's nginx with the project's configuration; yield the sub-path's base URL."""
    assert Path(NGINX).exists(), "nginx is missing: `make test` installs Debian's nginx"
    with tempfile.TemporaryDirectory() as tmp:
        work, port = Path(tmp), free_port()
        (work / "nginx.conf").write_text(nginx_config(build, work, port))
        process = subprocess.Popen([NGINX, "-c", str(work / "nginx.conf"), "-p", str(work)])
        base = f"http://127.0.0.1:{port}/mieszkania/"
        try:
            wait_for(base)
            yield base
        finally:
            process.terminate()
            process.wait(timeout=10)
