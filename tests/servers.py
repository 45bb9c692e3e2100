"""Real servers on loopback for tests, `make load` and `make bench`: gunicorn and nginx."""
from __future__ import annotations

import http.client
import os
import shutil
import socket
import ssl
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
def gunicorn_process(app: str = "flats:create_app()", log=subprocess.DEVNULL, **env):
    """`make serve`'s gunicorn (deploy/gunicorn.conf.py) for `app`; yield (base URL, master process)."""
    port = free_port()
    process = subprocess.Popen([str(Path(sys.executable).with_name("gunicorn")), "-c", "deploy/gunicorn.conf.py", app],
                               cwd=ROOT, env=dict(os.environ, PORT=str(port), **env), stdout=log,
                               stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    try:
        wait_for(base + "/")
        yield base, process
    finally:
        process.terminate()
        process.wait(timeout=30)


@contextmanager
def gunicorn(app: str = "flats:create_app()", log=subprocess.DEVNULL, **env):
    """`make serve`'s gunicorn (deploy/gunicorn.conf.py) for `app`; yield its base URL."""
    with gunicorn_process(app, log, **env) as (base, _):
        yield base


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


# The live site behind nginx: deploy/nginx-flats-live.conf, rendered for loopback.
LIVE_HOST = "mieszkania.example.gov.pl"  # the file's server_name, kept as it is
LIVE_ACCESS_LOG = "/var/log/nginx/flats-access.log"  # the file's access_log, put in the work folder


def live_nginx_config(work: Path, port: int, upstream: str, tls: tuple[int, Path, Path] | None = None) -> str:
    """A whole nginx.conf around deploy/nginx-flats-live.conf: plain HTTP on loopback `port` in front of
    `upstream` (host:port); with tls=(port, certificate, key), as its comments say to set up HTTPS."""
    lines = []
    for line in (ROOT / "deploy" / "nginx-flats-live.conf").read_text().splitlines():
        if tls and line.startswith("#tls "):
            line = line[len("#tls "):]
        if tls and line.rstrip().endswith("#http"):
            continue
        lines.append(line)
    site = "\n".join(lines).replace("listen 80", f"listen 127.0.0.1:{port}").replace("127.0.0.1:8000", upstream)
    site = site.replace("/etc/nginx/flats/security-headers.conf", str(ROOT / "deploy" / "security-headers.conf"))
    # The file's own log, in the work folder, and beside it each upstream try's status, so a test
    # can see nginx retry: 200 "502, 200" GET /pl/ in tries.log.
    site = site.replace(f"access_log {LIVE_ACCESS_LOG} flats;",
                        f"access_log {work}/access.log flats; access_log {work}/tries.log tries;")
    if tls:
        tls_port, certificate, key = tls
        site = site.replace("listen 443", f"listen 127.0.0.1:{tls_port}").replace(
            "/etc/ssl/flats/fullchain.pem", str(certificate)).replace("/etc/ssl/flats/privkey.pem", str(key))
    temp = " ".join(f"{kind}_temp_path {work}/{kind};" for kind in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi"))
    user = "user root;" if os.geteuid() == 0 else ""  # the temporary folder is private to root
    return (f"{user}\nworker_processes 2;\ndaemon off;\npid {work}/nginx.pid;\nerror_log {work}/error.log;\n"
            f"events {{ worker_connections 1024; }}\nhttp {{\n include /etc/nginx/mime.types;\n"
            f" log_format tries '$status \"$upstream_status\" $request_method $uri';\n"
            f" {temp}\n{site}\n}}\n")


def live_get(port: int, path: str = "/", host: str = LIVE_HOST, timeout: float = 10, tls: bool = False):
    """GET `path` from nginx on loopback with the given Host; (status, headers as a list, body)."""
    if tls:
        context = ssl.create_default_context()
        context.check_hostname, context.verify_mode = False, ssl.CERT_NONE  # the test's own certificate
        connection = _LoopbackHTTPS(host, port, timeout=timeout, context=context)
    else:
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    try:
        connection.request("GET", path, headers={"Host": host})
        response = connection.getresponse()
        return response.status, response.getheaders(), response.read()
    finally:
        connection.close()


class _LoopbackHTTPS(http.client.HTTPSConnection):
    """HTTPS to 127.0.0.1 that names its host in the TLS handshake (SNI), as a browser would."""

    def connect(self):
        sock = socket.create_connection(("127.0.0.1", self.port), self.timeout)
        self.sock = self._context.wrap_socket(sock, server_hostname=self.host)


@contextmanager
def live_nginx(upstream: str, tls: tuple[int, Path, Path] | None = None):
    """Debian's nginx with deploy/nginx-flats-live.conf in front of `upstream`; yield (port, work folder)."""
    assert Path(NGINX).exists(), "nginx is missing: `make test` installs Debian's nginx"
    with tempfile.TemporaryDirectory() as tmp:
        work, port = Path(tmp), free_port()
        (work / "nginx.conf").write_text(live_nginx_config(work, port, upstream, tls))
        process = subprocess.Popen([NGINX, "-c", str(work / "nginx.conf"), "-p", str(work)])
        try:
            for _ in range(100):
                try:
                    live_get(port, "/health", timeout=2)
                    break
                except OSError:
                    time.sleep(0.1)
            else:
                raise RuntimeError(f"nginx never answered: {(work / 'error.log').read_text()}")
            yield port, work
        finally:
            process.terminate()
            process.wait(timeout=10)
