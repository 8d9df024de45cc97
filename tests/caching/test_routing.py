"""Routing a request by url_path (caching/routing.py) answers as Wagtail's walk does.

A cold route (after a publish, or in a new worker) is found in two queries; wherever
a page on the way routes otherwise than Wagtail's Page.route, the walk answers.
"""

import pytest
from django.contrib.auth.backends import ModelBackend
from django.contrib.auth.models import Group, Permission
from django.core.cache import cache
from django.db import connection
from django.http import Http404
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page, Site

from caching import routing
from caching.backends import CachedPermissionsModelBackend
from demo import factories


def wagtail_route(rf, path):
    """What Wagtail's own walk answers for `path`: (page, args) or None for a 404."""
    request = rf.get(path)
    site = Site.find_for_request(request)
    try:
        result = site.root_page.specific.route(request, [part for part in path.split("/") if part])
    except Http404:
        return None
    return summary(result)


def summary(result):
    """The page and, for a RoutablePageMixin route, the view's name and arguments."""
    view, args, kwargs = result.args or (None, (), {})
    return result.page.pk, getattr(view, "__name__", None), tuple(args), kwargs


def our_route(rf, path):
    request = rf.get(path)
    site = routing.find_site(request)
    try:
        result = routing.find_route(site, path, request)
    except Http404:
        return None
    if result is routing.UNSURE:
        return routing.UNSURE
    return summary(result)


@pytest.fixture
def tree(home):
    methods = factories.make_method_index()
    method = factories.make_method(methods, title="Brukerreise")
    draft = factories.make_method(methods, title="Utkast", publish=False)
    events = factories.make_event_index()
    event = factories.make_event(events, title="Innovasjonsdagen")
    fabrikken = factories.make_fabrikken_page()
    return {"method": method, "draft": draft, "events": events, "event": event, "fab": fabrikken}


@pytest.mark.parametrize(
    "path",
    [
        "/",
        "/metoder/",
        "/metoder/brukerreise/",
        "/metoder/utkast/",  # not live: 404
        "/metoder/finnes-ikke/",
        "/metoder/brukerreise/mer/",
        "/arrangementer/innovasjonsdagen/",
        "/fabrikken/",
        "/fabrikken/booking/",
        "/fabrikken/veiledning/mine/",
        "/fabrikken/finnes-ikke/",
        "/finnes-ikke/i/det-hele-tatt/",
    ],
)
def test_the_route_by_url_path_is_wagtails(tree, rf, path):
    assert our_route(rf, path) == wagtail_route(rf, path)


def test_a_routable_page_whose_own_route_takes_the_path_leaves_it_to_wagtail(tree, rf):
    # An event named «kalender» is hidden behind the listing's calendar feed in Wagtail
    # (editors may not choose the slug; an import could).
    event = factories.make_event(tree["events"], title="Snart", slug="snart")
    url_path = tree["events"].url_path + "kalender/"
    Page.objects.filter(pk=event.pk).update(slug="kalender", url_path=url_path)
    assert our_route(rf, "/arrangementer/kalender/") is routing.UNSURE
    assert wagtail_route(rf, "/arrangementer/kalender/")[0] == tree["events"].pk


def test_a_cold_method_page_routes_in_two_queries_and_keeps_its_breadcrumbs(tree, rf):
    request = rf.get("/metoder/brukerreise/")
    site = routing.find_site(request)
    with CaptureQueriesContext(connection) as queries:
        result = routing.find_route(site, "/metoder/brukerreise/", request)
    assert result.page.pk == tree["method"].pk
    assert len(queries) == 2
    trail = routing.ancestors(request, result.page)
    assert [page.title for page in trail] == [
        page.title for page in Page.objects.ancestor_of(result.page).filter(depth__gte=2)
    ]


def test_the_site_and_its_root_paths_come_from_one_query(home, rf, settings):
    settings.ALLOWED_HOSTS = ["*"]
    other_root = factories.make_content_page(title="Annet nettsted")
    Site.objects.create(hostname="annet.eksempel.no", root_page=other_root)
    for host in ("testserver", "annet.eksempel.no", "ukjent.eksempel.no"):
        request = rf.get("/", HTTP_HOST=host)
        cache.clear()
        with CaptureQueriesContext(connection) as queries:
            assert routing.find_site(request) == Site._find_for_request(request)
        assert len(queries) == 2  # ours, then Wagtail's for the comparison
    cache.clear()
    routing.find_site(rf.get("/"))
    with CaptureQueriesContext(connection) as queries:
        ours = Site.get_site_root_paths()
    assert len(queries) == 0  # find_site left them in Wagtail's cache
    cache.clear()
    assert ours == Site.get_site_root_paths()


def test_permissions_in_one_query_are_django_s(db):
    group = Group.objects.create(name="Saksbehandlere i test")
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    user = factories.make_user("kari", groups=[group.name])
    user.user_permissions.add(Permission.objects.get(codename="add_group"))
    superuser = factories.make_user("sjef", is_superuser=True)
    for person in (user, superuser, factories.make_user("ola")):
        with CaptureQueriesContext(connection) as queries:
            ours = CachedPermissionsModelBackend()._read_permissions(person)
        assert len(queries) == 1
        assert ours == ModelBackend().get_all_permissions(type(person).objects.get(pk=person.pk))
