import pytest

from demo import factories


@pytest.fixture
def home(db):
    return factories.home_page()


@pytest.fixture
def employee(db):
    return factories.make_user("ansatt", first_name="Kari", last_name="Ansatt")


@pytest.fixture
def employee_client(client, employee):
    client.force_login(employee)
    return client


@pytest.fixture(autouse=True)
def _media_in_tmp(settings, tmp_path):
    """Files that tests upload never land in the project's media folder."""
    settings.MEDIA_ROOT = tmp_path / "media"


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
