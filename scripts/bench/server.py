"""gunicorn with the production settings on a free loopback port, and signing in to it."""

import contextlib
import http.client
import http.cookies
import os
import re
import secrets
import signal
import socket
import subprocess
import sys
import time
import urllib.parse
from pathlib import Path

from . import ROOT


def production_env(database_env, port, workers):
    """The environment gunicorn and the in-process query count share: the production
    settings on the benchmark database, with what a loopback server without TLS needs."""
    return {
        **database_env,
        "DJANGO_SETTINGS_MODULE": "intranet.settings.production",
        "SECRET_KEY": secrets.token_urlsafe(40),
        "ALLOWED_HOSTS": "127.0.0.1,localhost,testserver",
        "SECURE_SSL_REDIRECT": "off",
        "SECURE_COOKIES": "off",
        "SECURE_HSTS_SECONDS": "0",
        "AXES_PROXY_COUNT": "0",  # the load generator talks to gunicorn directly
        # The demo app (load_demo_content, seed_bulk) on the production settings too, as
        # `make serve` has it: the server runs on the database the demo tooling built.
        "DEMO_CONTENT": "on",
        "SITE_URL": f"http://127.0.0.1:{port}",
        "PORT": str(port),
        "GUNICORN_WORKERS": str(workers),
        # Each response says how many cached parts it built (the working day counts them).
        "CACHE_BUILT_HEADER": "on",
    }


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Gunicorn:
    """gunicorn -c python:intranet.gunicorn_conf with 2 workers on loopback; stopped on leaving, always."""

    def __init__(self, env, port, log_dir, workers=2):
        self.env, self.port, self.workers = env, port, workers
        self.log_file = log_dir / "gunicorn.log"
        self.access_log = log_dir / "gunicorn-access.log"
        self.process = None

    def __enter__(self):
        gunicorn = Path(sys.executable).parent / "gunicorn"
        command = [
            str(gunicorn),
            "-c",
            "python:intranet.gunicorn_conf",
            "intranet.wsgi",
            "--workers",
            str(self.workers),
            "--bind",
            f"127.0.0.1:{self.port}",
            # Worker recycling off: a restart's cold start would land in the numbers.
            "--max-requests",
            "0",
            "--access-logfile",
            str(self.access_log),
        ]
        self.access_log.unlink(missing_ok=True)
        out = self.log_file.open("w")
        self.process = subprocess.Popen(
            command,
            cwd=ROOT,
            env={**os.environ, **self.env},
            stdout=out,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        out.close()
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise SystemExit(f"gunicorn stopped at start; see {self.log_file}")
            with contextlib.suppress(OSError, http.client.HTTPException):
                connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=5)
                connection.request("GET", "/healthz")
                if connection.getresponse().status == 200:
                    return self
            time.sleep(0.3)
        raise SystemExit(f"gunicorn did not answer /healthz; see {self.log_file}")

    def __exit__(self, *exc):
        self.stop()

    def stop(self):
        if not self.process or self.process.poll() is not None:
            return
        with contextlib.suppress(ProcessLookupError):
            os.killpg(self.process.pid, signal.SIGTERM)
        try:
            self.process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait()


def sign_in(port, username, password):
    """A real sign-in at /logg-inn/ (GET for the CSRF token, then POST); the Cookie header."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    connection.request("GET", "/logg-inn/")
    response = connection.getresponse()
    html = response.read().decode()
    cookies = http.cookies.SimpleCookie()
    for header in response.headers.get_all("Set-Cookie") or []:
        cookies.load(header)
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1)
    body = urllib.parse.urlencode(
        {"username": username, "password": password, "csrfmiddlewaretoken": token, "next": "/"}
    )
    connection.request(
        "POST",
        "/logg-inn/",
        body=body,
        headers={
            "Content-Type": "application/x-www-form-urlencoded",
            "Cookie": f"csrftoken={cookies['csrftoken'].value}",
            "Origin": f"http://127.0.0.1:{port}",
        },
    )
    response = connection.getresponse()
    response.read()
    for header in response.headers.get_all("Set-Cookie") or []:
        cookies.load(header)
    if response.status != 302 or "sessionid" not in cookies:
        raise SystemExit(f"signing in as {username} failed (HTTP {response.status})")
    return f"sessionid={cookies['sessionid'].value}"
