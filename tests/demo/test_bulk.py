"""Bulk content: `manage.py seed_bulk` and the demo.bulk functions query-budget tests use.

The section here is small (one page of each type made the ordinary way, with an
image of its own), so the tests stay fast; the bulk pages must land beside it,
live, reachable, searchable and in a consistent tree, and --remove must take
exactly them away again.
"""

import io
import re

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from taggit.models import Tag
from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import Collection, Page
from wagtail.search.models import IndexEntry

from cases.models import CasePage
from demo import bulk, factories
from events.models import EventPage
from funding.models import FundingCallPage
from home.models import ContentPage
from methods.models import MethodPage
from search import log

pytestmark = pytest.mark.django_db

MODELS = [MethodPage, CasePage, FundingCallPage, EventPage, ContentPage]


@pytest.fixture(autouse=True)
def _search_log_written_at_once(settings):
    settings.SEARCH_LOG_FLUSH_SECONDS = 0
    log.discard()
    yield
    log.discard()


@pytest.fixture
def section(home, settings):
    """One page of each type, an image and a topic of the editors' own; DEBUG on, as in development."""
    settings.DEBUG = True
    image = get_image_model().objects.create(title="Fabrikken", file=get_test_image_file())
    return {
        "image": image,
        "pages": [
            factories.make_method(tags=["samarbeid"]),
            factories.make_case(),
            factories.make_funding_call(),
            factories.make_event(),
            factories.make_content_page(),
        ],
    }


def seed_bulk(*args):
    out = io.StringIO()
    call_command("seed_bulk", *args, stdout=out)
    return out.getvalue()


def assert_tree_is_consistent():
    assert Page.find_problems() == ([], [], [], [], [])
    out = io.StringIO()
    call_command("fixtree", "--noinput", stdout=out)
    assert out.getvalue().count("No problems found.") == 2, out.getvalue()


def bulk_of(model):
    return model.objects.filter(slug__startswith=bulk.SLUG_PREFIX)


def test_seed_bulk_fills_every_type_and_remove_takes_exactly_that_away(section, employee_client):
    output = seed_bulk("--pages", "60", "--images", "1")

    assert re.search(
        r"seed_bulk: added 12 methods, 18 cases, 3 funding calls, 3 events, 24 content pages "
        r"sharing 1 image\(s\) on \w+ in [\d.]+ s",
        output,
    )
    assert [bulk_of(model).count() for model in MODELS] == [12, 18, 3, 3, 24]
    assert_tree_is_consistent()

    for model in MODELS:
        pages = bulk_of(model)
        assert not pages.filter(live=False).exists()
        assert not pages.filter(has_unpublished_changes=True).exists()
        assert not pages.filter(first_published_at=None).exists()
        page = pages.first()
        assert page.url_path == page.get_parent().url_path + page.slug + "/"
        assert page.draft_title == page.title
        response = employee_client.get(page.url)
        assert response.status_code == 200, page.url
        assert page.title in response.content.decode()

    methods = bulk_of(MethodPage)
    assert all(method.phases.exists() and method.tags.exists() for method in methods)
    cases = bulk_of(CasePage)
    assert all(case.sector_id and case.method_links.exists() for case in cases)
    assert cases.exclude(hero_image=None).exists()
    assert all(call.form_fields.exists() for call in bulk_of(FundingCallPage))

    # Search finds them, through the page employees use.
    method = methods.first()
    html = employee_client.get("/sok/", {"q": method.title}).content.decode()
    assert method.title in html

    # The pictures' renditions are there before anyone asks for them.
    images = get_image_model().objects.filter(collection__name=bulk.IMAGE_COLLECTION)
    assert images.count() == 1
    for image in images:
        assert image.renditions.count() >= 3

    ids = [str(pk) for pk in bulk.bulk_pages().values_list("pk", flat=True)]
    output = seed_bulk("--remove")

    assert "deleted 12 methods, 18 cases, 3 funding calls, 3 events, 24 content pages" in output
    assert not bulk.bulk_pages().exists()
    assert not IndexEntry.objects.filter(object_id__in=ids).exists()
    assert not Collection.objects.filter(name=bulk.IMAGE_COLLECTION).exists()
    assert list(get_image_model().objects.all()) == [section["image"]]
    assert all(type(page).objects.filter(pk=page.pk, live=True) for page in section["pages"])
    # The editors' topic stays; the topics made for the bulk pages go.
    assert list(Tag.objects.values_list("name", flat=True)) == ["samarbeid"]
    assert_tree_is_consistent()
    for page in section["pages"]:
        assert employee_client.get(page.url).status_code == 200

    # A second removal finds nothing to do.
    assert "deleted 0 methods, 0 cases" in seed_bulk("--remove")


def test_seed_bulk_twice_adds_more_pages_with_new_slugs(section):
    seed_bulk("--pages", "20", "--images", "1", "--no-renditions")
    seed_bulk("--pages", "20", "--images", "1", "--no-renditions")

    pages = bulk.bulk_pages()
    assert pages.count() == 40
    assert len(set(pages.values_list("url_path", flat=True))) == 40
    assert get_image_model().objects.filter(collection__name=bulk.IMAGE_COLLECTION).count() == 1
    assert_tree_is_consistent()


def test_seed_bulk_refuses_with_debug_off(section, settings):
    settings.DEBUG = False

    with pytest.raises(CommandError, match="DEBUG is off"):
        seed_bulk("--pages", "10")
    with pytest.raises(CommandError, match="DEBUG is off"):
        seed_bulk("--remove")

    assert not bulk.bulk_pages().exists()


def test_seed_bulk_with_debug_off_and_force_runs(section, settings):
    settings.DEBUG = False

    seed_bulk("--pages", "5", "--images", "0", "--no-renditions", "--force")

    assert bulk.bulk_pages().count() == 5


def test_seed_bulk_needs_the_demo_site(home, settings):
    settings.DEBUG = True

    with pytest.raises(CommandError, match="make setup"):
        seed_bulk("--pages", "10")


def test_add_functions_put_live_children_under_any_parent(section, home, employee_client):
    """What query-budget tests call: quick children of each type, under the parent given."""
    method_index = MethodPage.objects.first().get_parent()
    case_index = CasePage.objects.first().get_parent()

    methods = bulk.add_methods(method_index, 10, images=[])
    cases = bulk.add_cases(case_index, 10, search=False)
    calls = bulk.add_funding_calls(FundingCallPage.objects.first().get_parent(), 10)
    events = bulk.add_events(EventPage.objects.first().get_parent(), 10)
    articles = bulk.add_content_pages(home, 10)

    for pages, model in zip((methods, cases, calls, events, articles), MODELS, strict=True):
        assert len(pages) == 10
        assert all(type(page) is model and page.pk for page in pages)
    assert MethodPage.objects.child_of(method_index).live().count() == 11
    assert not any(method.hero_image_id for method in methods)
    assert CasePage.objects.filter(pk__in=[case.pk for case in cases]).live().count() == 10
    assert cases[0].title in employee_client.get(case_index.url).content.decode()
    # Indexed for search unless told not to.
    assert methods[0] in list(MethodPage.objects.live().search(methods[0].title))
    assert not IndexEntry.objects.filter(object_id=str(cases[0].pk)).exists()

    # The parent objects passed in know their new children, so add_child goes on after them.
    assert method_index.numchild == 11
    later = factories.make_method(method_index, title="Gevinstkart", slug="gevinstkart")
    assert later.get_parent().pk == method_index.pk
    assert_tree_is_consistent()


def test_index_pages_joins_what_a_page_has_one_of_instead_of_prefetching_it():
    """At 100 000 pages a chunk of 500 cases cites over a thousand different methods. Django
    5.2 prefetches a foreign key on SQLite as one OR term per target, and SQLite refuses an
    expression that deep («Expression tree is too large», seed_bulk stopped there): a case's
    sector and a method link's method are joined into the query that loads their rows."""
    from demo.bulk.pages import _fetch_plan

    joins, prefetches = _fetch_plan(CasePage, CasePage.get_search_fields())
    assert joins == ["sector"]
    assert prefetches[0] == "tags"
    links = prefetches[1]
    assert links.prefetch_through == "method_links"
    assert links.queryset.query.select_related == {"method": {}}
    assert _fetch_plan(MethodPage, MethodPage.get_search_fields()) == ([], ["tags", "phases"])


def test_index_pages_reads_the_methods_a_case_used(section):
    from cases.models import CasePageMethod

    case = CasePage.objects.first()
    method = MethodPage.objects.first()
    CasePageMethod.objects.filter(page=case).delete()
    CasePageMethod.objects.create(page=case, method=method, sort_order=0)
    IndexEntry.objects.all().delete()

    bulk.index_pages(CasePage, [case.pk])

    entry = IndexEntry.objects.get(object_id=str(case.pk))
    # PostgreSQL files a related object's title under the title and stems it.
    assert method.title.split()[0].lower()[:8] in f"{entry.title} {entry.body}".lower()


def test_index_pages_refreshes_the_title_norms_once_at_the_end(section):
    """Wagtail's index sets a new entry's title norm to 1.0 and refreshes the norms after
    each batch; index_pages refreshes them once, after the last chunk."""
    method_index = MethodPage.objects.first().get_parent()
    methods = bulk.add_methods(method_index, 6, images=[], search=False)

    bulk.index_pages(MethodPage, [method.pk for method in methods], chunk=2)

    entries = IndexEntry.objects.filter(object_id__in=[str(method.pk) for method in methods])
    assert entries.count() == 6
    assert (
        not entries.filter(title_norm=1.0).exists()
        or entries.values("title").distinct().count() == 1
    )
