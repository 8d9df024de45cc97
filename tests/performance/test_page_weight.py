"""Page weight: no listing grows past 100 kB of HTML as the section grows (issue #20).

At 10 000 pages the case listing's method facet listed every method a case used (1 977
checkboxes, 778 kB) and the event and funding archives every past item (~300 kB). Seeding
10 000 pages is too slow for the suite, so this seeds what makes the facets and archives
large: 200 methods, 100 cases that between them use every method, 120 events and 120
calls (a third of the events to come, a fifth of the calls rolling: always open). `make bench` prints the same sizes at 10 000 pages.
"""

import re

import pytest
from django.db import transaction
from django.test import Client

from cases.models import CasePageMethod
from core.listing import FACET_CAP, PER_PAGE
from demo import bulk, factories

pytestmark = pytest.mark.django_db

BUDGET = 100 * 1024  # bytes of HTML
LISTINGS = ["/metoder/", "/eksempler/", "/arrangementer/", "/stotte/"]
METHODS, CASES, EVENTS, CALLS = 200, 100, 120, 120


@pytest.fixture(scope="module")
def section(django_db_setup, django_db_blocker):
    """The bulk section, built once for the module and rolled back at its end."""
    from django.core.cache import cache

    with django_db_blocker.unblock(), transaction.atomic():
        cache.clear()
        factories.home_page()
        methods = bulk.add_methods(factories.make_method_index(), METHODS)
        cases = bulk.add_cases(factories.make_case_index(), CASES)
        used = set(CasePageMethod.objects.values_list("method_id", flat=True))
        CasePageMethod.objects.bulk_create(
            CasePageMethod(page_id=cases[number % CASES].pk, method_id=method.pk, sort_order=99)
            for number, method in enumerate(methods)
            if method.pk not in used
        )
        bulk.add_events(factories.make_event_index(), EVENTS)
        bulk.add_funding_calls(factories.make_funding_index(), CALLS)
        client = Client()
        client.force_login(factories.make_user("ansatt"))
        yield client
        transaction.set_rollback(True)
    cache.clear()


def get(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return response.content.decode()


def method_options(html):
    return re.findall(r'<input type="checkbox" id="metode-\d+" name="metode"', html)


@pytest.mark.parametrize("url", LISTINGS)
def test_a_listing_stays_under_100_kb(section, url):
    size = len(section.get(url).content)

    assert size < BUDGET, f"{url}: {size / 1024:.0f} kB"


def test_every_method_is_used_so_the_facet_would_be_long(section):
    assert CasePageMethod.objects.values("method_id").distinct().count() == METHODS


def test_the_case_filter_shows_at_most_ten_methods_and_a_search(section):
    html = get(section, "/eksempler/")

    assert len(method_options(html)) == FACET_CAP
    assert 'name="metode_sok"' in html
    assert f"De {FACET_CAP} mest brukte av {METHODS}" in html


def test_the_search_in_the_method_facet_finds_the_rest_and_keeps_the_chosen(section):
    links = CasePageMethod.objects.select_related("method").order_by("method__title")
    chosen = [link.method for link in links[:12]]
    query = "&".join(f"metode={method.slug}" for method in chosen)
    html = get(section, f"/eksempler/?{query}&metode_sok=zzz-ingen")

    # Twelve chosen: all shown, checked, though the search matches none of the others.
    shown = re.findall(r'name="metode" value="([^"]+)" checked', html)
    assert sorted(shown) == sorted({method.slug for method in chosen})
    assert len(method_options(html)) == len(set(shown))
    assert "0 treff for «zzz-ingen»" in html


@pytest.mark.parametrize("url", ["/arrangementer/", "/stotte/"])
def test_the_event_and_funding_listings_come_in_pages(section, url):
    first, second = get(section, url), get(section, f"{url}?side=2")

    assert 'aria-label="Sidenavigering"' in first
    assert f'href="{url}?side=2"' in first
    item = r'<a class="[a-z_-]+" href="(/(?:arrangementer|stotte)/[^"/]+/)"'
    first_items, second_items = set(re.findall(item, first)), set(re.findall(item, second))
    assert 0 < len(first_items) <= PER_PAGE
    assert second_items and not first_items & second_items
    # Past the last page: the last page, as in the other listings.
    last = re.findall(item, get(section, f"{url}?side=9999"))
    assert last and not set(last) & first_items
