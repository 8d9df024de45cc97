"""`make cluster-check`: two gunicorn nodes behind nginx share one truth.

Run inside scripts/with-redis.sh and scripts/with-postgres.sh (DATABASE_URL and
REDIS_URL from them). It migrates, sets up the section and loads the demo, starts
node A and node B (production settings, DEBUG off, each on its own loopback port)
and nginx in front with both in its upstream (deploy/nginx.conf), then proves
over HTTP, printing the numbers:

  a) a page published through A's admin is on B at once: the page, the menu, search;
  b) the same Fabrikken slot booked through A and B at the same moment: one booking;
  c) a session signed in through A works on B;
  d) SIGKILL to node A under load through nginx: only A's in-flight requests may fail;
  e) an image uploaded through A renders through B;
  f) 20 slow-header clients against nginx: /healthz keeps answering in under 1 s
     (and, for comparison only, what the same does to gunicorn alone).

Object storage: the nodes inherit the whole environment, so run under the object
storage's wrapper (AZURE_STORAGE_CONNECTION_STRING set, e.g. scripts/with-azurite.sh)
and check e) goes through it; without it MEDIA_ROOT is a folder both nodes share.
Exits 1 when any check fails.
"""

import html
import io
import os
import re
import secrets
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
import traceback
from html.parser import HTMLParser
from pathlib import Path

import requests

from scripts.nginx_front import ROOT, Nginx, free_port, stop
from scripts.slow_clients import slow_clients

PYTHON = sys.executable
GUNICORN = str(Path(sys.executable).parent / "gunicorn")
SLOT_TAKEN = "Noen andre booket"


# --- Setting up ----------------------------------------------------------------------------


def object_storage_env():
    """The object-storage hook: what the nodes inherit to store media elsewhere than MEDIA_ROOT.

    The nodes get the whole environment; this names what is passed, for the report.
    """
    names = [
        name
        for name in os.environ
        if name.startswith("AZURE_STORAGE_")
        or name in ("AWS_STORAGE_BUCKET_NAME", "AWS_S3_ENDPOINT_URL")
    ]
    return {name: os.environ[name] for name in names}


def node_env(work, site_url, password):
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "intranet.settings.production",
        # One key for every node: a session signed by A must be valid on B.
        "SECRET_KEY": os.environ.get("CLUSTER_SECRET_KEY") or secrets.token_urlsafe(40),
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "SECURE_SSL_REDIRECT": "off",
        "SECURE_COOKIES": "off",
        "SECURE_HSTS_SECONDS": "0",
        # Behind nginx: the client is the address nginx appends to X-Forwarded-For.
        "AXES_PROXY_COUNT": "1",
        "DEMO_CONTENT": "on",
        "DEMO_PASSWORD": password,
        "SITE_URL": site_url,
        "MEDIA_ROOT": str(work / "media"),
        "STATIC_ROOT": str(work / "static"),
        "GUNICORN_WORKERS": "2",
        "GUNICORN_THREADS": "2",
        "LOG_LEVEL": "WARNING",
    }


def manage(env, log, *args):
    started = time.monotonic()
    with log.open("a") as out:
        result = subprocess.run(
            [PYTHON, "manage.py", *args], cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT
        )
    if result.returncode != 0:
        print(log.read_text()[-4000:])
        raise SystemExit(f"manage.py {' '.join(args)} failed")
    return time.monotonic() - started


class Node:
    """One gunicorn node (its own process group, so SIGKILL takes master and workers)."""

    def __init__(self, name, port, env, work):
        self.name, self.port = name, port
        self.log = work / f"node-{name}.log"
        self.process = subprocess.Popen(
            [GUNICORN, "-c", "python:intranet.gunicorn_conf", "intranet.wsgi"],
            cwd=ROOT,
            env={**env, "GUNICORN_BIND": f"127.0.0.1:{port}"},
            stdout=self.log.open("w"),
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        self.url = f"http://127.0.0.1:{port}"

    def wait(self):
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                break
            try:
                if requests.get(f"{self.url}/healthz", timeout=5).status_code == 200:
                    return
            except requests.RequestException:
                pass
            time.sleep(0.3)
        print(self.log.read_text()[-4000:])
        raise SystemExit(f"node {self.name} did not answer /healthz")

    def kill(self):
        os.killpg(self.process.pid, signal.SIGKILL)
        self.process.wait()


# --- HTTP helpers ---------------------------------------------------------------------------


class FormParser(HTMLParser):
    """The fields of one <form> (by id, else the first POST form) as a browser would send them."""

    def __init__(self, form_id=None):
        super().__init__()
        self.form_id, self.inside, self.done = form_id, False, False
        self.fields, self.select, self.textarea = {}, None, None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form" and not self.done and not self.inside:
            wanted = (
                attrs.get("id") == self.form_id
                if self.form_id
                else (attrs.get("method") or "").lower() == "post"
            )
            self.inside = wanted
        if not self.inside:
            return
        name = attrs.get("name")
        if tag == "input" and name:
            kind = attrs.get("type", "text")
            if kind in ("checkbox", "radio") and "checked" not in attrs:
                return
            if kind not in ("submit", "file", "button"):
                self.fields[name] = attrs.get("value", "")
        elif tag == "select" and name:
            self.select = name
            self.fields.setdefault(name, "")
        elif (
            tag == "option"
            and self.select
            and ("selected" in attrs or not self.fields[self.select])
        ):
            self.fields[self.select] = attrs.get("value", "")
        elif tag == "textarea" and name:
            self.textarea = name
            self.fields[name] = ""

    def handle_endtag(self, tag):
        if tag == "form" and self.inside:
            self.inside, self.done = False, True
        elif tag == "select":
            self.select = None
        elif tag == "textarea":
            self.textarea = None

    def handle_data(self, data):
        if self.textarea:
            self.fields[self.textarea] += data


def form_fields(page_html, form_id=None):
    parser = FormParser(form_id)
    parser.feed(page_html)
    return parser.fields


def csrf_token(page_html):
    return re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page_html).group(1)


def sign_in(base, username, password):
    """A requests session signed in at base's /logg-inn/ (GET for the token, then POST)."""
    session = requests.Session()
    page = session.get(f"{base}/logg-inn/", timeout=30)
    response = session.post(
        f"{base}/logg-inn/",
        data={
            "username": username,
            "password": password,
            "csrfmiddlewaretoken": csrf_token(page.text),
            "next": "/",
        },
        allow_redirects=False,
        timeout=30,
    )
    if response.status_code != 302 or "sessionid" not in session.cookies:
        raise CheckFailed(
            f"signing in as {username} at {base} failed (HTTP {response.status_code})"
        )
    return session


class CheckFailed(Exception):
    pass


def expect(condition, message):
    if not condition:
        raise CheckFailed(message)


def png_bytes():
    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", (640, 400), (30, 110, 160)).save(buffer, "PNG")
    return buffer.getvalue()


# --- a) and e): publish through A, read through B ------------------------------------------


def publish_through_a_read_on_b(a, b, password):
    """Upload an image and publish a page with it through A's admin; poll B until it shows."""
    from wagtail.images import get_image_model
    from wagtail.models import Site
    from wagtail.test.utils.form_data import (
        inline_formset,
        nested_form_data,
        rich_text,
        streamfield,
    )

    tag = secrets.token_hex(3)
    word = "klyngeprove" + "".join(chr(ord("a") + int(c, 16) % 26) for c in tag)
    title = f"Klyngesjekk {tag}"
    admin = sign_in(a, "admin", password)

    add_image = admin.get(f"{a}/admin/images/add/", timeout=30)
    fields = form_fields(add_image.text)
    fields["title"] = f"Klyngebilde {tag}"
    upload = admin.post(
        f"{a}/admin/images/add/",
        data=fields,
        files={"file": (f"klynge-{tag}.png", png_bytes(), "image/png")},
        allow_redirects=False,
        timeout=60,
    )
    expect(upload.status_code == 302, f"image upload through A: HTTP {upload.status_code}")
    image = get_image_model().objects.get(title=f"Klyngebilde {tag}")
    if object_storage_env():
        # With object storage configured the original must not be in the nodes' folder.
        local = Path(os.environ["MEDIA_ROOT"]) / image.file.name
        expect(not local.exists(), f"the upload landed in MEDIA_ROOT ({local}), not in storage")

    home = Site.objects.get(is_default_site=True).root_page
    add_url = f"{a}/admin/pages/add/home/contentpage/{home.pk}/"
    token = csrf_token(admin.get(add_url, timeout=30).text)
    data = nested_form_data(
        {
            "csrfmiddlewaretoken": token,
            "title": title,
            "slug": f"klyngesjekk-{tag}",
            "intro": f"Publisert gjennom node A ({word}).",
            "body": streamfield(
                [
                    ("paragraph", rich_text(f"<p>Skal vises av node B straks: {word}.</p>")),
                    (
                        "image",
                        {
                            "image": image.pk,
                            "alt_text": "En blå flate.",
                            "caption": "",
                            "credit": "",
                        },
                    ),
                ]
            ),
            "related_links": inline_formset([]),
            "comments": inline_formset([]),
            "show_in_menus": "on",
            "action-publish": "Publiser",
        }
    )
    employee = sign_in(b, "ansatt", password)
    targets = {
        "page": f"{b}/klyngesjekk-{tag}/",
        "menu": f"{b}/",
        "search": f"{b}/sok/?q={word}",
    }
    # B has served all three before the publish (so its cache holds them): what it
    # shows afterwards must not be that.
    for url in targets.values():
        employee.get(url, timeout=30)

    published = admin.post(add_url, data=data, allow_redirects=False, timeout=60)
    published_at = time.monotonic()
    expect(published.status_code == 302, f"publishing through A: HTTP {published.status_code}")
    seen, attempts = {}, dict.fromkeys(targets, 0)
    deadline = published_at + 15
    while len(seen) < len(targets) and time.monotonic() < deadline:
        for name, url in targets.items():
            if name not in seen:
                attempts[name] += 1
                response = employee.get(url, timeout=30)
                if response.status_code == 200 and title in response.text:
                    seen[name] = (time.monotonic() - published_at, response.text)
        if len(seen) < len(targets):
            time.sleep(0.05)
    missing = sorted(set(targets) - set(seen))
    expect(not missing, f"node B never showed the page in: {', '.join(missing)}")
    # Time from A's response to B's response that shows it, and on which request to B.
    latencies = {name: (value[0], attempts[name]) for name, value in seen.items()}

    # e) The image in the page as B renders it, fetched through B.
    page_html = seen["page"][1]
    sources = re.findall(r'<img[^>]+src="([^"]+)"', page_html)
    sources = [html.unescape(src) for src in sources if "klynge" in src or "/images/" in src]
    expect(sources, "node B's page has no <img> of the uploaded image")
    src = sources[0]
    url = src if src.startswith("http") else f"{b}{src}"
    image_response = employee.get(url, timeout=30)
    content_type = image_response.headers.get("Content-Type", "")
    expect(
        image_response.status_code == 200 and content_type.startswith("image/"),
        f"the image through B: HTTP {image_response.status_code} {content_type}",
    )
    return latencies, (src, content_type, len(image_response.content))


# --- b) the same slot through A and B at once ----------------------------------------------


def booking_race(a, b, password):
    from fabrikken.models.bookings import RoomBooking

    first = sign_in(a, "ansatt", password)
    second = sign_in(b, "redaktor", password)
    grid = first.get(f"{a}/fabrikken/booking/", timeout=30)
    links = re.findall(r'href="([^"]*booking/bekreft/\?[^"]*)"', grid.text)
    expect(links, "no free slot in Fabrikken's week grid")
    link = html.unescape(links[0])
    purpose = f"Klyngesjekk {secrets.token_hex(3)}"

    forms = []
    for session, base in ((first, a), (second, b)):
        page = session.get(f"{base}{link}", timeout=30)
        fields = form_fields(page.text, "booking-skjema")
        expect("submission_token" in fields, f"no booking form at {base}{link}")
        fields.update({"people": "2", "purpose": purpose})
        forms.append((session, base, fields))

    barrier = threading.Barrier(len(forms))
    responses = [None] * len(forms)

    def book(index, session, base, fields):
        barrier.wait()
        responses[index] = session.post(
            f"{base}/fabrikken/booking/bekreft/", data=fields, allow_redirects=False, timeout=60
        )

    threads = [
        threading.Thread(target=book, args=(index, *form)) for index, form in enumerate(forms)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    stored = RoomBooking.objects.active().filter(purpose=purpose).count()
    statuses = [response.status_code for response in responses]
    won = [r for r in responses if r.status_code == 302]
    lost = [r for r in responses if r.status_code != 302]
    expect(stored == 1, f"{stored} bookings of one slot (HTTP {statuses})")
    expect(len(won) == 1 and len(lost) == 1, f"expected one winner and one loser: HTTP {statuses}")
    expect(SLOT_TAKEN in lost[0].text, f"the loser was not told «{SLOT_TAKEN} …»")
    return statuses, stored


# --- c) the session on the other node -------------------------------------------------------


def session_switch(a, b, nginx, password):
    session = sign_in(a, "ansatt", password)
    results = {}
    for name, base in (("B", b), ("nginx", nginx)):
        response = session.get(f"{base}/fabrikken/booking/mine/", allow_redirects=False, timeout=30)
        results[name] = response.status_code
    expect(all(status == 200 for status in results.values()), f"signed in on A, then {results}")
    return results


def static_from_nginx(nginx):
    """A stylesheet the sign-in page names: from STATIC_ROOT by nginx, gzipped, cached a year."""
    page = requests.get(f"{nginx}/logg-inn/", timeout=30)
    path = re.search(r'href="(/static/[^"]+\.css)"', page.text).group(1)
    response = requests.get(f"{nginx}{path}", headers={"Accept-Encoding": "gzip"}, timeout=30)
    found = {
        "status": response.status_code,
        "encoding": response.headers.get("Content-Encoding"),
        "cache": response.headers.get("Cache-Control"),
    }
    expect(
        found
        == {"status": 200, "encoding": "gzip", "cache": "public, max-age=31536000, immutable"},
        f"{path}: {found}",
    )
    return f"{path}: {found['encoding']}, {found['cache']}"


# --- d) kill node A under load ------------------------------------------------------------


def kill_under_load(node_a, nginx, nginx_log, password, clients=4, seconds=8.0, kill_after=2.5):
    sessions = [sign_in(nginx, "ansatt", password) for _ in range(clients)]
    paths = ["/", "/metoder/", "/healthz", "/fabrikken/"]
    stop_at = time.monotonic() + seconds
    log = []  # (time, ok, what)
    lock = threading.Lock()

    def client(session):
        index = 0
        while time.monotonic() < stop_at:
            path = paths[index % len(paths)]
            index += 1
            started = time.monotonic()
            try:
                response = session.get(f"{nginx}{path}", timeout=30, allow_redirects=False)
                ok, what = response.status_code == 200, response.status_code
            except requests.RequestException as error:
                ok, what = False, type(error).__name__
            with lock:
                log.append((started, time.monotonic(), ok, what))

    threads = [threading.Thread(target=client, args=(s,)) for s in sessions]
    began = time.monotonic()
    for thread in threads:
        thread.start()
    time.sleep(kill_after)
    killed_at = time.monotonic()
    node_a.kill()
    for thread in threads:
        thread.join()
    error_log = nginx_log.read_text() if nginx_log.exists() else ""
    failed = [entry for entry in log if not entry[2]]
    after = [entry for entry in log if entry[0] > killed_at + 0.5]
    failed_after = [entry for entry in after if not entry[2]]
    summary = {
        "requests": len(log),
        "failed": len(failed),
        "after_kill": len(after),
        "failed_after_kill": len(failed_after),
        "rps": len(log) / (time.monotonic() - began),
        "errors": sorted({str(entry[3]) for entry in failed}),
        # Requests nginx sent to A, found dead, and passed on to B.
        "retried_on_b": error_log.count("while connecting to upstream")
        + error_log.count("while reading response header from upstream"),
    }
    # Only requests in flight on A when it died may fail: at most one per client.
    expect(len(failed) <= clients, f"{len(failed)} failed requests (more than {clients} in flight)")
    expect(after and not failed_after, "nginx did not carry on with node B")
    return summary


# --- Running it all -------------------------------------------------------------------------


def run_check(results, name, function, *args, **kwargs):
    started = time.monotonic()
    try:
        value = function(*args, **kwargs)
        ok, detail = True, value
    except Exception as error:  # any failure is this check's, reported with the others
        ok, detail, value = False, f"{type(error).__name__}: {error}", None
        traceback.print_exc()
    results.append((name, ok, time.monotonic() - started, detail))
    print(f"[{'ok' if ok else 'FAILED'}] {name}: {detail}", flush=True)
    return value


def main():
    for name in ("DATABASE_URL", "REDIS_URL"):
        if not os.environ.get(name):
            raise SystemExit(
                f"{name} is not set: run through scripts/with-redis.sh and scripts/with-postgres.sh"
            )
    began = time.monotonic()
    work = Path(tempfile.mkdtemp(prefix="innovasjon-cluster."))
    nginx_port, port_a, port_b = free_port(), free_port(), free_port()
    nginx_url = f"http://127.0.0.1:{nginx_port}"
    password = secrets.token_urlsafe(16)
    env = node_env(work, nginx_url, password)
    storage = object_storage_env()
    print(
        "Media: "
        + (
            f"object storage ({', '.join(sorted(storage))})"
            if storage
            else f"{work / 'media'} (shared folder)"
        )
    )

    setup_log = work / "setup.log"
    timings = {
        "migrate": manage(env, setup_log, "migrate", "--noinput"),
        "setup_section": manage(env, setup_log, "setup_section"),
        "load_demo_content": manage(env, setup_log, "load_demo_content"),
        "collectstatic": manage(env, setup_log, "collectstatic", "--noinput"),
    }
    print("Set-up (s): " + ", ".join(f"{k} {v:.1f}" for k, v in timings.items()), flush=True)

    # The checks read the database as the nodes do (the bookings, the image's id).
    os.environ.update(env)
    import django

    django.setup()

    node_a = Node("A", port_a, env, work)
    node_b = Node("B", port_b, env, work)
    results = []
    try:
        node_a.wait()
        node_b.wait()
        a, b = node_a.url, node_b.url
        nodes = [f"127.0.0.1:{port_a}", f"127.0.0.1:{port_b}"]
        with Nginx(work / "nginx", nginx_port, nodes, work / "static"):
            print(f"nginx {nginx_url} → node A {a}, node B {b}", flush=True)
            published = run_check(
                results,
                "a+e) publish through A, read on B",
                publish_through_a_read_on_b,
                a,
                b,
                password,
            )
            run_check(
                results, "b) one slot booked through A and B at once", booking_race, a, b, password
            )
            run_check(results, "c) session from A on B", session_switch, a, b, nginx_url, password)
            run_check(results, "static files from nginx", static_from_nginx, nginx_url)
            slow = run_check(
                results, "f) 20 slow-header clients against nginx", slow_client_check, nginx_port
            )
            killed = run_check(
                results,
                "d) SIGKILL node A under load",
                kill_under_load,
                node_a,
                nginx_url,
                work / "nginx" / "error.log",
                password,
            )
            direct = slow_clients(port_b, seconds=8.0, timeout=3.0)
    finally:
        for node in (node_a, node_b):
            stop(node.process)

    print()
    print("Two nodes behind nginx: summary")
    print(f"{'check':<48} {'result':<7} {'time':>6}")
    for name, ok, seconds, _detail in results:
        print(f"{name:<48} {'ok' if ok else 'FAILED':<7} {seconds:>5.1f}s")
    if published:
        latencies, image = published
        print(
            "cross-node publish latency (A's publish response → B shows it): "
            + ", ".join(
                f"{name} {value * 1000:.0f} ms (request {tries} to B)"
                for name, (value, tries) in latencies.items()
            )
        )
        print(
            f"image uploaded through A, rendered through B: {image[0]} ({image[1]}, {image[2]} bytes)"
        )
    if slow:
        print(
            f"slow clients → nginx: /healthz max {slow['max'] * 1000:.0f} ms, p50 {slow['p50'] * 1000:.0f} ms,"
            f" {slow['failed']} failed of {slow['requests']} ({slow['reconnects']} slow connections cut off by nginx)"
        )
    print(
        f"slow clients → gunicorn directly (for comparison, not a check): /healthz max"
        f" {direct['max'] * 1000:.0f} ms, p50 {direct['p50'] * 1000:.0f} ms,"
        f" {direct['failed']} failed of {direct['requests']}"
    )
    if killed:
        print(
            f"kill test: {killed['requests']} requests ({killed['rps']:.0f}/s), {killed['failed']} failed"
            f" {killed['errors'] or ''}, {killed['retried_on_b']} passed on from A to B by nginx,"
            f" {killed['after_kill']} after the kill all answered by node B"
        )
    print(f"total {time.monotonic() - began:.0f} s")
    failed = [name for name, ok, *_ in results if not ok]
    if failed:
        print(f"FAILED: {', '.join(failed)}; logs in {work}")
        return 1
    shutil.rmtree(work, ignore_errors=True)
    return 0


def slow_client_check(port):
    numbers = slow_clients(port)
    expect(numbers["failed"] == 0, f"{numbers['failed']} /healthz requests failed")
    expect(numbers["max"] < 1.0, f"/healthz took {numbers['max']:.2f} s")
    return numbers


if __name__ == "__main__":
    sys.exit(main())
