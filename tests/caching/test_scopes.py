"""A publish empties only what shows the page: the rest stays warm, and nothing is stale.

Every response says how many cached parts it had to build (the X-Cache-Built header,
on here as in the benchmark's working day). A page served whole from the cache built
none; after a publish, what shows the published page builds its part again, with
the change in it, and everything else still builds none.
"""

import pytest
from wagtail.models import Page

from caching.middleware import BUILT_HEADER
from demo import factories

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _report_built(settings):
    settings.CACHE_BUILT_HEADER = True


class Site:
    """A small section: two methods, a case that used the first, a content page."""

    def __init__(self):
        self.home = factories.home_page()
        factories.make_phases()
        self.methods = factories.make_method_index(show_in_menus=True)
        self.journey = factories.make_method(title="Brukerreise", slug="brukerreise")
        self.stakeholders = factories.make_method(
            title="Interessentanalyse", slug="interessentanalyse"
        )
        self.cases = factories.make_case_index(show_in_menus=True)
        self.case = factories.make_case(
            title="Trygg hjemme", slug="trygg-hjemme", methods=[self.journey]
        )
        self.other_case = factories.make_case(title="Sammen om maten", slug="sammen-om-maten")
        self.about = factories.make_content_page(
            title="Hva er innovasjon", slug="hva-er-innovasjon", show_in_menus=True
        )

    @property
    def urls(self):
        return {
            "home": "/",
            "method listing": self.methods.url,
            "journey": self.journey.url,
            "stakeholders": self.stakeholders.url,
            "case listing": self.cases.url,
            "case": self.case.url,
            "other case": self.other_case.url,
            "about": self.about.url,
            "search": "/sok/?q=metode",
        }


@pytest.fixture
def site(db):
    return Site()


def built(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return int(response[BUILT_HEADER]), response.content.decode()


def warm_up(client, urls):
    for url in urls.values():
        client.get(url)
        client.get(url)
    # Served whole from the cache now: nothing to build.
    assert {name: built(client, url)[0] for name, url in urls.items()} == dict.fromkeys(urls, 0)


def after(client, urls):
    """(parts built, html) per URL name, each URL asked once."""
    return {name: built(client, url) for name, url in urls.items()}


def rebuilt(seen):
    return {name for name, (count, _html) in seen.items() if count}


def publish(page, **changes):
    page = page.specific
    for field, value in changes.items():
        setattr(page, field, value)
    page.save_revision().publish()
    return page


def test_a_published_method_rebuilds_what_shows_it_and_nothing_else(employee_client, site):
    warm_up(employee_client, site.urls)

    publish(site.journey, title="Brukerreisen steg for steg")

    seen = after(employee_client, site.urls)
    # Its page, its listing, the case that used it (and the case listing's method
    # filter), the front page's method section, and search.
    assert rebuilt(seen) == {"journey", "method listing", "case", "case listing", "home", "search"}
    for name in ("journey", "method listing", "case"):
        assert "Brukerreisen steg for steg" in seen[name][1], name
    # The menu is not rebuilt for a page outside it: the other pages built nothing.
    for name in ("stakeholders", "other case", "about"):
        assert seen[name][0] == 0, name


def test_a_draft_rebuilds_nothing(employee_client, site):
    warm_up(employee_client, site.urls)

    page = site.journey.specific
    page.title = "Et utkast"
    page.save_revision()

    seen = after(employee_client, site.urls)
    assert rebuilt(seen) == set()
    assert "Et utkast" not in seen["journey"][1]


def test_a_page_in_the_menu_renews_the_menu_on_every_page(employee_client, site):
    warm_up(employee_client, site.urls)

    publish(site.about, title="Om innovasjon")

    seen = after(employee_client, site.urls)
    assert rebuilt(seen) == set(site.urls)
    for name, (_count, html) in seen.items():
        assert "Om innovasjon" in html, name


def test_a_case_that_starts_using_a_method_shows_on_the_method_page(employee_client, site):
    warm_up(employee_client, site.urls)

    case = site.other_case.specific
    from cases.models import CasePageMethod

    case.method_links.add(CasePageMethod(method=site.stakeholders))
    case.save_revision().publish()

    seen = after(employee_client, site.urls)
    assert "Sammen om maten" in seen["stakeholders"][1]
    assert {"other case", "stakeholders", "case listing", "home", "search"} <= rebuilt(seen)
    assert seen["journey"][0] == 0

    # And when it stops using it, the method page drops it.
    case = Page.objects.get(pk=case.pk).specific
    case.method_links.clear()
    case.save_revision().publish()
    _count, html = built(employee_client, site.stakeholders.url)
    assert "Sammen om maten" not in html


def test_a_renamed_method_shows_on_the_page_that_lists_it_as_related(employee_client, site):
    from methods.models import MethodPageRelatedMethod

    stakeholders = site.stakeholders.specific
    stakeholders.related_methods.add(MethodPageRelatedMethod(method=site.journey))
    stakeholders.save_revision().publish()
    warm_up(employee_client, site.urls)

    publish(site.journey, title="Brukerreisen steg for steg")

    _count, html = built(employee_client, site.stakeholders.url)
    assert "Brukerreisen steg for steg" in html


def test_other_cases_of_a_service_area_are_built_once_for_all_its_case_pages(employee_client, site):
    """«More from the service area» changes with every case of the area, so it stands
    outside each case page's cached part, built once for all of them."""
    warm_up(employee_client, site.urls)

    factories.make_case(title="Hjemme med hjelp", slug="hjemme-med-hjelp")

    first, html = built(employee_client, site.case.url)
    assert "Hjemme med hjelp" in html
    assert first == 1  # the service area's newest cases, and nothing else of the page
    second, html = built(employee_client, site.other_case.url)
    assert "Hjemme med hjelp" in html
    assert second == 0


def test_an_unpublished_method_leaves_every_list_at_once(employee_client, site):
    link = f'href="{site.journey.url}"'
    urls = {name: url for name, url in site.urls.items() if name != "journey"}
    warm_up(employee_client, urls)
    assert link in built(employee_client, site.methods.url)[1]

    site.journey.specific.unpublish()

    for name, (_count, html) in after(employee_client, urls).items():
        assert link not in html, name
    assert employee_client.get(site.journey.url).status_code == 404
