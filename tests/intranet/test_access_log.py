"""Logs: every line the platform's collector reads is one JSON object, whatever the path held."""

import datetime
import io
import json
import logging
import os
import socket
import subprocess
import sys
import time
from types import SimpleNamespace

from django.test import RequestFactory
from gunicorn.config import Config

from intranet.log_format import JSONAccessLogger, JSONFormatter
from tests.helpers import ROOT

# Paths as gunicorn hands them to the application: percent-decoded, one
# character per byte (Latin-1), so bytes that are not UTF-8 arrive as such.
HOSTILE_PATHS = [
    "/metoder/a\\b",
    "/metoder/\\",
    "/nul/\x00/x",
    '/sitat/"}, {"status": 200',
    "/kontroll/\x01\x07\x08\t\n\r\x1b\x7f",
    "/ugyldig/\xc3\x28\xff\xfe",
    "/overlang/\xc0\xae\xc0\xae",
    "/norsk/bl\xc3\xa5b\xc3\xa6r",
    "/linjeskift/\u2028\u2029\x85",
]


def gunicorn_logger():
    """Our logger class, set up as intranet/gunicorn_conf.py sets it up, writing into a buffer."""
    config = Config()
    config.set("accesslog", "-")
    config.set("logger_class", "intranet.log_format.JSONAccessLogger")
    logger = config.logger_class(config)
    assert isinstance(logger, JSONAccessLogger)
    buffer = io.StringIO()
    handler = logging.StreamHandler(buffer)
    handler.setFormatter(logging.Formatter("%(message)s"))  # gunicorn's access_fmt
    logger.access_log.handlers = [handler]
    return logger, buffer


def test_every_access_log_line_parses_whatever_the_path():
    logger, buffer = gunicorn_logger()

    for path in HOSTILE_PATHS:
        environ = {
            "REQUEST_METHOD": "GET",
            "PATH_INFO": path,
            "RAW_URI": path,
            "SERVER_PROTOCOL": "HTTP/1.1",
            "REMOTE_ADDR": "10.0.0.7",
            "HTTP_USER_AGENT": 'curl/8 "\\\x00',
        }
        response = SimpleNamespace(status="404 Not Found", sent=179, headers=[])
        request = SimpleNamespace(headers=[("HOST", "localhost")])
        logger.access(response, request, environ, datetime.timedelta(microseconds=4200))

    lines = buffer.getvalue().splitlines()
    assert len(lines) == len(HOSTILE_PATHS)
    entries = [json.loads(line) for line in lines]
    assert [entry["path"] for entry in entries] == HOSTILE_PATHS
    assert entries[0] == {
        "time": entries[0]["time"],
        "remote": "10.0.0.7",
        "method": "GET",
        "path": "/metoder/a\\b",
        "status": 404,
        "bytes": 179,
        "duration_ms": 4,
        "agent": 'curl/8 "\\\x00',
    }


def test_every_application_log_line_parses_whatever_the_path():
    buffer = io.StringIO()
    handler = logging.StreamHandler(buffer)
    handler.setFormatter(JSONFormatter())
    log = logging.getLogger("tests.access_log")
    log.addHandler(handler)
    # Only this handler sees the lines: pytest's own capture keeps no lone surrogate
    # that it would then fail to report.
    log.propagate = False
    try:
        for path in HOSTILE_PATHS:
            request = RequestFactory().get("/")
            request.path = path
            log.warning("Not Found: %s", path, extra={"request": request, "status_code": 404})
        log.warning("A file name that was not UTF-8: %s", "rapport-\udcff.pdf")
    finally:
        log.removeHandler(handler)
        log.propagate = True

    entries = [json.loads(line) for line in buffer.getvalue().splitlines()]
    assert [entry["path"] for entry in entries[:-1]] == HOSTILE_PATHS
    assert entries[-1]["message"].startswith("A file name that was not UTF-8")


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def send(port, raw_path):
    request = b"GET " + raw_path + b" HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n"
    with socket.create_connection(("127.0.0.1", port), timeout=30) as sock:
        sock.sendall(request)
        while sock.recv(65536):
            pass


def test_a_gunicorn_run_with_hostile_paths_writes_only_json_lines(tmp_path):
    """intranet/gunicorn_conf.py as `make serve` uses it, on loopback, with paths an attacker would send."""
    port = free_port()
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "intranet.settings.test",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'empty.sqlite3'}",
        "GUNICORN_BIND": f"127.0.0.1:{port}",
        "GUNICORN_WORKERS": "1",
        "LOG_LEVEL": "CRITICAL",
    }
    stdout = tmp_path / "stdout.log"
    with stdout.open("wb") as out:
        server = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "gunicorn",
                "-c",
                "python:intranet.gunicorn_conf",
                "intranet.wsgi",
            ],
            cwd=ROOT,
            env=env,
            stdout=out,
            stderr=(tmp_path / "stderr.log").open("wb"),
        )
        try:
            for _attempt in range(300):
                try:
                    send(port, b"/healthz")
                    break
                except OSError:
                    time.sleep(0.1)
            raw_paths = [
                b"/metoder/a\\b",
                b"/metoder/%5c%5c",
                b"/nul/%00/x",
                b'/sitat/"}{"status":200',
                b"/sitat/%22%7d",
                b"/kontroll/%01%07%08%09%0a%0d%1b%7f",
                b"/ugyldig/%c3%28%ff%fe",
                b"/ugyldig/\xc3\x28\xff",
                b"/overlang/%c0%ae%c0%ae",
                b"/norsk/bl%c3%a5b%c3%a6r",
            ]
            for raw_path in raw_paths:
                send(port, raw_path)
            time.sleep(0.5)
        finally:
            server.terminate()
            server.wait(timeout=30)

    lines = stdout.read_bytes().decode("utf-8").splitlines()  # the log is UTF-8
    entries = [json.loads(line) for line in lines]  # every line parses
    paths = {entry["path"] for entry in entries}
    assert "/metoder/a\\b" in paths
    assert "/metoder/\\\\" in paths
    assert "/nul/\x00/x" in paths
    assert "/kontroll/\x01\x07\x08\t\n\r\x1b\x7f" in paths
    # Gunicorn 27 hands bytes that are not UTF-8 over percent-encoded again.
    assert any(path.startswith("/ugyldig/") for path in paths)
    assert len(entries) >= len(raw_paths)


def test_a_calendar_feeds_secret_address_never_reaches_the_log():
    logger, buffer = gunicorn_logger()
    token = "Hemmelig_token-0123456789abcdefghijklmnopqrstuv"
    environ = {
        "REQUEST_METHOD": "GET",
        "PATH_INFO": f"/min-kalender/{token}.ics",
        "RAW_URI": f"/min-kalender/{token}.ics",
        "SERVER_PROTOCOL": "HTTP/1.1",
        "REMOTE_ADDR": "10.0.0.7",
    }
    response = SimpleNamespace(status="200 OK", sent=900, headers=[])
    request = SimpleNamespace(headers=[("HOST", "localhost")])
    logger.access(response, request, environ, datetime.timedelta(microseconds=4200))

    line = buffer.getvalue()
    assert token not in line
    assert json.loads(line)["path"] == "/min-kalender/[skjult].ics"
    # The page where the employee sees the address is an ordinary path.
    from intranet.log_format import loggable_path

    assert loggable_path("/min-kalender/") == "/min-kalender/"
