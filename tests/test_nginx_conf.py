"""deploy/nginx.conf, the site operators install and `make serve` runs (scripts/nginx_front.py).

Functional: nginx itself, unprivileged on loopback, in front of small stand-in app
nodes that echo what they receive. No timing is asserted here; the slow-client and
kill numbers are make cluster-check's.
"""

import gzip
import json
import re
import shutil
import socket
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
import requests
from django.conf import settings

from scripts import nginx_front

needs_nginx = pytest.mark.skipif(
    shutil.which("nginx") is None and not nginx_front.Path(nginx_front.NGINX).exists(),
    reason="nginx is not installed (apt-get install nginx)",
)


def site(**overrides):
    values = {"listen": "127.0.0.1:8000", "nodes": ["127.0.0.1:8001"], "static_root": "/srv/s/"}
    return nginx_front.render_site(**{**values, **overrides})


def test_the_placeholders_are_filled_and_nginx_variables_kept():
    text = site(nodes=["10.0.0.11:8000", "10.0.0.12:8000"], tls="ssl_certificate /etc/c.pem;")

    assert not nginx_front.PLACEHOLDER.search(text)
    assert "listen 127.0.0.1:8000;" in text
    assert "server 10.0.0.11:8000 max_fails=1 fail_timeout=10s;" in text
    assert "server 10.0.0.12:8000 max_fails=1 fail_timeout=10s;" in text
    assert "alias /srv/s/;" in text
    assert "ssl_certificate /etc/c.pem;" in text
    assert "proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;" in text


def test_an_unknown_placeholder_or_no_node_is_refused(tmp_path):
    template = tmp_path / "site.conf"
    template.write_text("listen ${INNOVASJON_LISTEN}; root ${INNOVASJON_ROOT};")

    with pytest.raises(ValueError, match="INNOVASJON_ROOT"):
        site(template=template)
    with pytest.raises(ValueError, match="at least one"):
        site(nodes=[])


def test_the_body_limit_is_the_upload_limit_plus_room_for_the_form():
    text = nginx_front.SITE_TEMPLATE.read_text()
    megabytes = int(re.search(r"client_max_body_size (\d+)m;", text).group(1))
    upload_limit = max(settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE, settings.WAGTAILDOCS_MAX_UPLOAD_SIZE)

    assert upload_limit < megabytes * 1024 * 1024 <= upload_limit + 2 * 1024 * 1024


def test_media_is_never_served_from_disk_by_nginx():
    text = nginx_front.SITE_TEMPLATE.read_text()

    assert "location /media" not in text
    assert "MEDIA_ROOT" not in re.sub(r"#.*", "", text)


# --- nginx itself in front of stand-in nodes -------------------------------------------------


class Echo(BaseHTTPRequestHandler):
    """A stand-in app node: answers with what it received, as JSON."""

    def _answer(self):
        length = int(self.headers.get("Content-Length") or 0)
        body = json.dumps(
            {
                "node": self.server.name,
                "method": self.command,
                "path": self.path,
                "headers": {k.lower(): v for k, v in self.headers.items()},
                "length": len(self.rfile.read(length)) if length else 0,
            }
        ).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    do_GET = do_POST = _answer

    def log_message(self, *args):
        pass


def echo_node(name):
    server = ThreadingHTTPServer(("127.0.0.1", 0), Echo)
    server.name = name
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def hanging_up_node():
    """A node that dies mid-request: reads the request, then closes without an answer."""
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(16)

    def serve():
        while True:
            try:
                connection, _ = listener.accept()
            except OSError:
                return
            connection.recv(65536)
            connection.close()

    threading.Thread(target=serve, daemon=True).start()
    return listener


@pytest.fixture
def static_root(tmp_path):
    root = tmp_path / "static"
    (root / "css").mkdir(parents=True)
    css = b"body { color: #123456; }\n" * 200
    (root / "css" / "main.0c8624a8ae86.css").write_bytes(css)
    (root / "css" / "main.0c8624a8ae86.css.gz").write_bytes(gzip.compress(css))
    (root / "css" / "main.css").write_bytes(css)
    return root


@pytest.fixture
def front(tmp_path, static_root):
    """nginx on a free port in front of the nodes the test names."""
    started = []

    def start(*nodes):
        port = nginx_front.free_port()
        nginx = nginx_front.Nginx(tmp_path / "nginx", port, list(nodes), static_root)
        nginx.__enter__()
        started.append(nginx)
        return f"http://127.0.0.1:{port}"

    yield start
    for nginx in started:
        nginx.__exit__(None, None, None)


@needs_nginx
def test_the_app_gets_the_forwarded_headers_production_expects(front):
    node = echo_node("A")
    url = front(f"127.0.0.1:{node.server_port}")

    seen = requests.get(f"{url}/media/images/x.webp", headers={"X-Forwarded-For": "6.6.6.6"}).json()

    # /media/ goes to the app (which checks privacy), with the client's address
    # appended last, where AXES_PROXY_COUNT=1 reads it.
    assert seen["path"] == "/media/images/x.webp"
    assert seen["headers"]["x-forwarded-for"] == "6.6.6.6, 127.0.0.1"
    assert seen["headers"]["x-forwarded-proto"] == "http"
    # The host with its port, as the browser's Origin names it (Django's CSRF check).
    assert seen["headers"]["host"] == url.removeprefix("http://")
    assert seen["headers"]["x-forwarded-host"] == url.removeprefix("http://")
    node.shutdown()


@needs_nginx
def test_static_files_are_served_compressed_and_hashed_names_cached_for_a_year(front):
    url = front("127.0.0.1:9")  # no app node is asked for static files

    hashed = requests.get(f"{url}/static/css/main.0c8624a8ae86.css")
    plain = requests.get(f"{url}/static/css/main.css")
    missing = requests.get(f"{url}/static/css/other.css")

    assert hashed.status_code == 200
    assert hashed.headers["Content-Encoding"] == "gzip"
    assert hashed.headers["Cache-Control"] == "public, max-age=31536000, immutable"
    assert "#123456" in hashed.text
    assert plain.headers["Cache-Control"] == "public, max-age=60"
    assert missing.status_code == 404


@needs_nginx
def test_a_body_over_the_upload_limit_is_refused_by_nginx(front):
    node = echo_node("A")
    url = front(f"127.0.0.1:{node.server_port}")

    small = requests.post(f"{url}/admin/images/add/", data=b"x" * 1024)
    large = requests.post(f"{url}/admin/images/add/", data=b"x" * (12 * 1024 * 1024))

    assert small.json()["length"] == 1024
    assert large.status_code == 413
    node.shutdown()


@needs_nginx
def test_a_dead_node_is_skipped_but_a_post_is_never_sent_twice(front):
    dead = hanging_up_node()
    alive = echo_node("B")
    url = front(f"127.0.0.1:{dead.getsockname()[1]}", f"127.0.0.1:{alive.server_port}")

    # Round robin: the first request goes to the node that hangs up.
    first_get = requests.get(f"{url}/")
    posts = [requests.post(f"{url}/fabrikken/booking/bekreft/", data={"a": "1"}) for _ in range(2)]

    assert first_get.status_code == 200 and first_get.json()["node"] == "B"
    # The node that hangs up is now skipped for a while: the POSTs reach B, none twice.
    assert [post.json()["node"] for post in posts] == ["B", "B"]
    dead.close()
    alive.shutdown()


@needs_nginx
def test_a_post_that_a_node_dropped_is_not_retried_elsewhere(front):
    dead = hanging_up_node()
    alive = echo_node("B")
    url = front(f"127.0.0.1:{dead.getsockname()[1]}", f"127.0.0.1:{alive.server_port}")

    post = requests.post(f"{url}/fabrikken/booking/bekreft/", data={"a": "1"})

    # The request reached the first node, which may have acted on it: nginx says
    # 502 rather than booking twice.
    assert post.status_code == 502
    dead.close()
    alive.shutdown()
