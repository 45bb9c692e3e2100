"""Gunicorn settings for `make serve`: the live site behind a reverse proxy.

Every value can be overridden from the environment (FLATS_BIND, FLATS_WORKERS,
FLATS_THREADS). The access log records method, path (never the query
string; control characters escaped), status, size and time: no answers, no
bodies, no cookies, no IP addresses beyond what the operator's proxy adds.
"""
import multiprocessing
import os

bind = os.environ.get("FLATS_BIND", "127.0.0.1:" + os.environ.get("PORT", "8000"))
# Pages are rendered from data loaded once at start-up, so CPU is the limit:
# one process per core plus one, a few threads each for slow clients.
workers = int(os.environ.get("FLATS_WORKERS", multiprocessing.cpu_count() + 1))
worker_class = "gthread"
threads = int(os.environ.get("FLATS_THREADS", 4))
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
max_requests = 5000
max_requests_jitter = 500
accesslog = "-"
errorlog = "-"
# %(U)s is the path without the query string; no %(r)s, %(q)s, %(f)s or %(a)s.
access_log_format = '%(t)s "%(m)s %(U)s" %(s)s %(B)s %(M)sms'
# The path is logged decoded: this logger escapes its control characters, so
# a request for /%0d%0aanything cannot write a line of its own (site/flats/logs.py).
logger_class = "flats.logs.GunicornLogger"
forwarded_allow_ips = os.environ.get("FLATS_FORWARDED_ALLOW_IPS", "127.0.0.1")
proc_name = "flats"
# No control socket (gunicorn ≥ 25.1 opens one under $HOME by default): the
# service is run by systemd's signals, and one path would be shared by every instance.
control_socket_disable = True
