"""Browser journeys: Playwright drives Debian's chromium against a live server.

`make test-e2e` runs these (`pytest -m e2e`); `make test` leaves them out
(`addopts` deselects the `e2e` and `screenshots` markers).

How the database works here:

* The live server needs committed data, so every test is transactional
  (pytest-django's `live_server` asks for `transactional_db`), and the test
  database is a file, not SQLite's shared in-memory database: the server's
  request threads then get connections of their own, as in production,
  instead of sharing the test thread's single connection.
* The demo site is built once per run by the real commands, `setup_section`
  and `load_demo_content`. Django's serialized rollback then restores
  exactly that database before each test, so every test starts from the
  full demo content, and what one test creates (a booking, an application,
  a page) never leaks into the next. Measured on two shared cores:
  `load_demo_content` takes 12–19 s, the restore and chromium's start
  together under a second; loading the demo for each of the 20 tests would
  add five minutes.
"""

import io
import logging
import os
import shutil
from pathlib import Path

import pytest
from django.conf import settings as django_settings
from django.core.management import call_command
from django.db import connection
from django.test import override_settings
from playwright.sync_api import sync_playwright

from tests.e2e.pages import DEMO_PASSWORD, Site

CHROMIUM_PATH = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
]
ARTIFACTS_DIR = os.environ.get("E2E_ARTIFACTS", "/tmp/e2e-artifacts")
# Timeouts (ms) for one action or assertion; generous for two shared cores.
ACTION_TIMEOUT = int(os.environ.get("E2E_TIMEOUT_MS", "15000"))


@pytest.fixture(scope="session", autouse=True)
def _allow_orm_beside_playwright():
    """Let tests use the ORM while Playwright's sync API is running.

    Playwright's sync API keeps an asyncio event loop running in the test's
    own thread (it switches to it with greenlets). Django's async-unsafe guard
    sees a running loop and refuses every ORM call from that thread with
    SynchronousOnlyOperation, so a test could not make a second employee or
    look at what the browser stored. Nothing here runs concurrently with
    that loop: the ORM calls and Playwright's calls take turns in one thread,
    so the guard's worry (one connection used by several coroutines at once)
    does not apply. Set for the e2e tests only, and taken back afterwards.
    """
    previous = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    yield
    if previous is None:
        os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
    else:
        os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = previous


@pytest.fixture(scope="session")
def django_db_modify_db_settings(django_db_modify_db_settings, tmp_path_factory):
    """A file-backed SQLite test database (see the module docstring).

    The browser sends requests at the same time (the page editor autosaves
    while the editor submits, and pings its editing session). SQLite's
    default deferred transactions then fail with «database is locked» when
    two of them try to write; IMMEDIATE transactions wait for each other.
    (The same holds for the development server, which is threaded too.)
    """
    database = django_settings.DATABASES["default"]
    if database["ENGINE"].endswith("sqlite3"):
        path = tmp_path_factory.mktemp("e2e-db") / "e2e.sqlite3"
        database.setdefault("TEST", {})["NAME"] = str(path)
        database.setdefault("OPTIONS", {}).update({"transaction_mode": "IMMEDIATE", "timeout": 20})


@pytest.fixture(scope="session")
def e2e_media_root(tmp_path_factory):
    """Media for the whole run: the demo images and worksheets are written once."""
    return tmp_path_factory.mktemp("e2e-media")


@pytest.fixture(autouse=True)
def _media_in_tmp(settings, e2e_media_root):
    """Overrides tests/conftest.py: the demo's files must outlive a single test."""
    settings.MEDIA_ROOT = e2e_media_root


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker, e2e_media_root):
    """The test database with the whole demo site, built once by the real commands."""
    with (
        django_db_blocker.unblock(),
        override_settings(MEDIA_ROOT=e2e_media_root, DEMO_PASSWORD=DEMO_PASSWORD),
    ):
        # Wagtail logs every page it creates at INFO; a failing test's output is long enough.
        wagtail_log = logging.getLogger("wagtail")
        level = wagtail_log.level
        wagtail_log.setLevel(logging.WARNING)
        call_command("setup_section", stdout=io.StringIO())
        call_command("load_demo_content", stdout=io.StringIO())
        wagtail_log.setLevel(level)
        # What serialized rollback restores before each test: the demo site.
        connection._test_serialized_contents = connection.creation.serialize_db_to_string()
    yield
    shutil.rmtree(e2e_media_root, ignore_errors=True)


@pytest.fixture
def browser():
    """Chromium for one test (about half a second to start).

    Per test, not per run: while Playwright's sync API is running, Django's
    connection handler (asgiref's Local, which switches to per-context
    storage when an event loop runs) hands the test thread a different
    connection object than the one pytest-django set up, one without the
    serialized demo site. Started after the database is restored and
    stopped before it is flushed, the browser leaves both to pytest-django's
    own connection; the test's ORM calls in between use the other one, a
    second connection to the same file.
    """
    if not os.path.exists(CHROMIUM_PATH):
        pytest.fail(
            f"No chromium at {CHROMIUM_PATH}: install Debian's `chromium` "
            "(`apt-get install chromium`) or set CHROMIUM_PATH."
        )
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM_PATH, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def site(request, live_server, django_db_serialized_rollback, browser, settings):
    """The demo site served live, fresh for this test; `site.visit(...)` opens a browser."""
    settings.DEMO_PASSWORD = DEMO_PASSWORD
    site = Site(browser, live_server.url, timeout=ACTION_TIMEOUT)
    yield site
    report = getattr(request.node, "rep_call", None)
    if report is not None and report.failed:
        _keep_evidence(site, request.node.name)
    site.close()


def _keep_evidence(site, test_name):
    """A screenshot and the HTML of every open page of a failed test, for whoever debugs CI."""
    folder = Path(ARTIFACTS_DIR) / test_name
    folder.mkdir(parents=True, exist_ok=True)
    for number, page in enumerate(site.open_pages(), start=1):
        try:
            page.screenshot(path=str(folder / f"page-{number}.png"), full_page=True)
            (folder / f"page-{number}.html").write_text(page.content())
        except Exception as error:  # a closed page must not hide the real failure
            (folder / f"page-{number}.txt").write_text(repr(error))
    print(f"\nScreenshots and HTML of the failed test: {folder}")


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    outcome = yield
    report = outcome.get_result()
    setattr(item, f"rep_{report.when}", report)
