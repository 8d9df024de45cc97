"""Structured logs: one JSON object per line, for the platform's log collector.

Both the application's log (JSONFormatter, in the production settings) and
gunicorn's access log (JSONAccessLogger, in intranet/gunicorn_conf.py) build each line
with json.dumps, never by pasting values into a template: a path may hold
quotes, backslashes, NUL bytes, control characters or bytes that are not
UTF-8, and every line must still parse.
"""

import json
import logging
import re
from datetime import UTC, datetime

from gunicorn import glogging

# Characters that some readers take for the end of a line although JSON allows
# them raw inside a string; escaped, one entry stays one line for every reader.
LINE_BREAKS = str.maketrans({"\x85": "\\u0085", "\u2028": "\\u2028", "\u2029": "\\u2029"})


# Addresses that are secrets themselves: a personal calendar feed (events/urls.py) is
# fetched without sign-in, so whoever reads its address reads the calendar. The log keeps
# that the feed was fetched, never the token.
SECRET_PATHS = [re.compile(r"^(/min-kalender/)[^/]+(\.ics)$")]


def loggable_path(path):
    """`path` with any secret part replaced by «[skjult]»."""
    for pattern in SECRET_PATHS:
        path = pattern.sub(r"\1[skjult]\2", path)
    return path


def json_line(entry):
    """One JSON object on one line; readable UTF-8 where possible, ASCII escapes otherwise."""
    line = json.dumps(entry, ensure_ascii=False).translate(LINE_BREAKS)
    try:
        line.encode("utf-8")
    except UnicodeEncodeError:
        # A lone surrogate (a file name or header that was not UTF-8) cannot be
        # written as UTF-8; escaped, the line stays valid JSON.
        line = json.dumps(entry)
    return line


class JSONFormatter(logging.Formatter):
    def format(self, record):
        entry = {
            "time": datetime.fromtimestamp(record.created, UTC).isoformat(),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
        }
        request = getattr(record, "request", None)
        if request is not None and hasattr(request, "path"):
            entry["path"] = loggable_path(request.path)
            entry["method"] = request.method
        status = getattr(record, "status_code", None)
        if status is not None:
            entry["status"] = status
        if record.exc_info:
            entry["exception"] = self.formatException(record.exc_info)
        return json_line(entry)


class JSONAccessLogger(glogging.Logger):
    """Gunicorn's access log as one JSON object per request.

    Gunicorn's own access_log_format only escapes double quotes, so a path
    with a backslash or a NUL byte made an invalid line. Gunicorn hands the
    path over decoded as Latin-1 (one character per byte); it is logged so,
    escaped, and every line parses whatever was sent.
    """

    def access(self, resp, req, environ, request_time):
        # The property is gunicorn 24+; before, the log's own handlers decide.
        if not getattr(self, "access_log_enabled", True):
            return
        status = resp.status
        if isinstance(status, str):
            status = status.split(None, 1)[0]
        try:
            status = int(status)
        except (TypeError, ValueError):
            status = str(status)
        entry = {
            "time": datetime.now(UTC).isoformat(),
            "remote": environ.get("REMOTE_ADDR", "-"),
            "method": environ.get("REQUEST_METHOD"),
            "path": loggable_path(environ.get("PATH_INFO") or ""),
            "status": status,
            "bytes": getattr(resp, "sent", None),
            "duration_ms": request_time.seconds * 1000 + request_time.microseconds // 1000,
            "agent": environ.get("HTTP_USER_AGENT", "-"),
        }
        try:
            # Plain ASCII: the Latin-1 stand-ins for raw bytes are escaped, not re-encoded.
            self.access_log.info("%s", json.dumps(entry))
        except Exception:
            self.exception("Could not write the access log line")
