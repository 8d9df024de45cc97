"""Gunicorn for Innovasjon: `gunicorn -c python:intranet.gunicorn_conf intranet.wsgi`.

Every value can be set from the environment, so the same module serves
`make serve` on loopback and the production servers behind the proxy. It lives in
the project package so that a server installed from the wheel has it too.
"""

import multiprocessing
import os

bind = os.environ.get("GUNICORN_BIND", f"127.0.0.1:{os.environ.get('PORT', '8000')}")
workers = int(os.environ.get("GUNICORN_WORKERS", 2 * multiprocessing.cpu_count() + 1))
threads = int(os.environ.get("GUNICORN_THREADS", "2"))
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "30"))
graceful_timeout = 30
# Recycle workers now and then so a slow leak never becomes an outage.
max_requests = 2000
max_requests_jitter = 200
# The proxy in front sets X-Forwarded-*; trust it only from these addresses.
forwarded_allow_ips = os.environ.get("GUNICORN_FORWARDED_ALLOW_IPS", "127.0.0.1")

# Logs to stdout; the access log as one JSON object per line, built with
# json.dumps (intranet/log_format.py), so hostile paths cannot break a line.
accesslog = "-"
errorlog = "-"
loglevel = os.environ.get("LOG_LEVEL", "info").lower()
logger_class = "intranet.log_format.JSONAccessLogger"
