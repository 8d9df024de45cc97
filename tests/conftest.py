import pytest
from django.core.management import call_command
from django.db import transaction
from django.test import override_settings
from wagtail.models import Site

from core.publishing import roles
from demo import factories
from tests.helpers import DEMO_PASSWORD


@pytest.fixture
def home(db):
    return factories.home_page()


@pytest.fixture
def section(home):
    """The section as `make run` and deploys set it up: groups, permissions, workflow."""
    call_command("setup_section", verbosity=0)
    return home


# The public address of a deployed section (SITE_URL), as in docs/deploy.md.
PUBLIC_ADDRESS = "https://innovasjon.stavanger.kommune.no"


@pytest.fixture
def public_site(home, settings):
    """The section deployed at its public address: SITE_URL set, `setup_section` run."""
    settings.SITE_URL = settings.WAGTAILADMIN_BASE_URL = PUBLIC_ADDRESS
    call_command("setup_section", verbosity=0)
    yield PUBLIC_ADDRESS
    # The test's rollback restores the Site row, not Wagtail's cache of the site roots.
    Site.clear_site_root_paths_cache()


# --- A client signed in per role -------------------------------------------------------------


@pytest.fixture
def employee(db):
    return factories.make_user("ansatt", first_name="Kari", last_name="Ansatt")


@pytest.fixture
def employee_client(client, employee):
    client.force_login(employee)
    return client


@pytest.fixture
def redaktor(section):
    return factories.make_user("redaktor", groups=[roles.EDITORS])


@pytest.fixture
def redaktor_client(client, redaktor):
    client.force_login(redaktor)
    return client


@pytest.fixture
def moderator(section):
    return factories.make_user("moderator", groups=[roles.MODERATORS])


@pytest.fixture
def moderator_client(client, moderator):
    client.force_login(moderator)
    return client


@pytest.fixture
def admin_client(client, home):
    """A superuser's client (replaces pytest-django's own, which has no front page)."""
    client.force_login(factories.make_user("admin", is_superuser=True))
    return client


# --- The demo, loaded once per module ----------------------------------------------------------


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker, tmp_path_factory):
    """The demo content (`load_demo_content`), loaded once for the module that asks for it.

    It is loaded inside a transaction that is rolled back when the module ends; each test
    runs in a savepoint within it (pytest-django's `db`), so a test's own changes are gone
    before the next. Its images and worksheets live in a media folder of the module's.
    Put the module's tests that need an empty section in another module: the demo stays
    until the module ends.
    """
    media = tmp_path_factory.mktemp("demo-media")
    with (
        override_settings(MEDIA_ROOT=media, DEMO_PASSWORD=DEMO_PASSWORD),
        django_db_blocker.unblock(),
        transaction.atomic(),
    ):
        call_command("load_demo_content", verbosity=0)
        yield
        transaction.set_rollback(True)


# --- What every test starts from ---------------------------------------------------------------


@pytest.fixture(autouse=True)
def _media_in_tmp(request, settings, tmp_path):
    """Files that tests upload never land in the project's media folder. A module with the
    demo keeps the demo's media folder, where its pictures are. Private files (attachments)
    always go to the test's own folder, apart from the media as in production."""
    if "demo" not in request.fixturenames:
        settings.MEDIA_ROOT = tmp_path / "media"
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private"


@pytest.fixture(autouse=True)
def _fresh_cache():
    """Each test starts with an empty cache: a new test database restarts the
    cache generation, so keys from an earlier test could otherwise match."""
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()


@pytest.fixture(autouse=True)
def _no_search_counts_from_earlier_tests():
    """Searches counted in memory by an earlier test are not written into this one."""
    from search import log

    log.discard()
    yield
    log.discard()


def _transactional(item):
    marker = item.get_closest_marker("django_db")
    return "transactional_db" in getattr(item, "fixturenames", ()) or bool(
        marker and marker.kwargs.get("transaction")
    )


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_teardown(item, nextitem):
    """A transactional test ends by emptying the database, which Django's runner
    answers by running such tests last. With the suite split over workers
    (pytest -n 2) other tests may follow on the same worker, so the content the
    migrations made (the home page, the site, the groups) is put back at once."""
    yield
    # After the worker's last test the test databases are already gone.
    if nextitem is None or not _transactional(item):
        return
    from django.db import connections
    from pytest_django.plugin import blocking_manager_key

    with item.config.stash[blocking_manager_key].unblock():
        for connection in connections.all(initialized_only=True):
            contents = getattr(connection, "_test_serialized_contents", None)
            if contents:
                connection.creation.deserialize_db_from_string(contents)
