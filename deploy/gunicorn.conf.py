"""Gunicorn settings for `make serve`: the live site behind a reverse proxy.

Every value can be overridden from the environment (FLATS_BIND, FLATS_WORKERS,
FLATS_THREADS). The access log records time, method, path (never the query
string; control characters escaped), status and duration: no answers, no
bodies, no cookies, no addresses, no response size. The error log keeps no
address, no query string and no exception message (flats.logs.NothingPersonal).
"""
import gc
import multiprocessing
import os

bind = os.environ.get("FLATS_BIND", "127.0.0.1:" + os.environ.get("PORT", "8000"))
# Pages are rendered from data loaded once at start-up, so CPU is the limit:
# one process per core plus one, with one thread each. nginx reads whole
# requests and answers before passing them on (deploy/nginx-flats-live.conf),
# so no slow client holds a thread; a second thread would only wait for the
# first one's interpreter lock: a result's p99 at 300 requests a second
# (tests/perf/paced.py, six rounds each) was about 43 ms with four threads and
# 29 ms with one.
# gthread keeps connections open (keep-alive) while the thread is busy.
workers = int(os.environ.get("FLATS_WORKERS", multiprocessing.cpu_count() + 1))
worker_class = "gthread"
threads = int(os.environ.get("FLATS_THREADS", 1))
# Load the app (and validate content and rules) before forking: a broken file
# stops start-up once, with the file named, instead of in every worker.
preload_app = True
timeout = 30
graceful_timeout = 20
keepalive = 5
# Request limits: short URLs, few small headers. Bodies are capped by the app
# itself (MAX_CONTENT_LENGTH, 64 KiB: 413).
limit_request_line = 2048
limit_request_fields = 40
limit_request_field_size = 4096
# A worker is replaced after this many requests, against slow leaks. Rarely:
# every new worker starts with an empty page store (bounded in bytes, see
# site/flats/cache.py) and copies the memory it touches from the master, which
# at 5 000 cost a third of the answer path's speed under load.
max_requests = 200000
max_requests_jitter = 20000
accesslog = "-"
errorlog = "-"
# gunicorn's start, stop, worker and invalid-request messages; "debug" would add
# a line for each connection closed or reset, which this set-up does not log.
loglevel = "info"
# Time, method, path without the query string (%(U)s), status, duration in ms.
# Never %(r)s, %(q)s, %(f)s, %(a)s or %(h)s; nor the size (%(b)s, %(B)s): a
# result page's size tells the answers apart ("under 18", "needs 24-hour care").
access_log_format = '%(t)s "%(m)s %(U)s" %(s)s %(M)sms'
# The path is logged decoded: this logger escapes its control characters, so
# a request for /%0d%0aanything cannot write a line of its own (site/flats/logs.py).
logger_class = "flats.logs.GunicornLogger"
forwarded_allow_ips = os.environ.get("FLATS_FORWARDED_ALLOW_IPS", "127.0.0.1")
# No header may set SCRIPT_NAME or PATH_INFO (gunicorn's default lets a client
# at a trusted address do both): a `SCRIPT_NAME: /evil` header would put
# /evil in every link of a page, and the page is kept for every visitor. The
# proxy's X-Forwarded-* headers are read by the app (site/flats/proxy.py).
forwarder_headers = ""
proc_name = "flats"
# No control socket (gunicorn ≥ 25.1 opens one under $HOME by default): the
# service is run by systemd's signals, and one path would be shared by every instance.
control_socket_disable = True


def pre_fork(server, worker):
    # The loaded content and rules are shared with the workers copy-on-write;
    # frozen objects are never visited by the collector, so its passes do not
    # touch (and copy) the master's memory page by page.
    gc.freeze()
