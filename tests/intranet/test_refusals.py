"""Refusals end: a signed-in employee who may not see something gets a Norwegian 403 page,
an anonymous visitor the sign-in page, and there is only one sign-in page."""

import pytest
from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from django.core.management import call_command
from django.urls import URLPattern, URLResolver, get_resolver
from wagtail.documents import get_document_model
from wagtail.models import Collection, CollectionViewRestriction

from demo import factories

pytestmark = pytest.mark.django_db

NO_ACCESS = "Du har ikke tilgang til denne siden"
MAX_REDIRECTS = 5


@pytest.fixture
def group():
    return Group.objects.create(name="Prosjektgruppe Hinna")


@pytest.fixture
def owner():
    return factories.make_user("eier", first_name="Ola", last_name="Nordmann")


@pytest.fixture
def restricted_page(home, group, owner):
    page = factories.make_content_page(title="Lønnsforhandlinger 2027", content_owner=owner)
    factories.restrict_to_groups(page, group.name)
    return page


@pytest.fixture
def restricted_document(group):
    collection = Collection.get_first_root_node().add_child(name="Prosjekt Hinna")
    restriction = CollectionViewRestriction.objects.create(
        collection=collection, restriction_type=CollectionViewRestriction.GROUPS
    )
    restriction.groups.add(group)
    document = get_document_model()(title="Tilbud", collection=collection)
    document.file.save("tilbud.pdf", ContentFile(b"%PDF-1.4\nKONFIDENSIELT\n%%EOF\n"), save=True)
    return document


def follow(client, url):
    response = client.get(url, follow=True)
    assert len(response.redirect_chain) <= MAX_REDIRECTS, response.redirect_chain
    return response


def assert_no_access_page(response):
    assert response.status_code == 403
    html = response.content.decode()
    assert NO_ACCESS in html
    assert '<a href="/">' in html  # a way home
    assert "private" in response["Cache-Control"]
    return html


def test_an_employee_in_the_admin_gets_the_no_access_page(employee_client, home):
    response = follow(employee_client, "/admin/")

    html = assert_no_access_page(response)
    assert "redaksjonen" in html  # whom to ask
    assert "Du har ikke tilgang til administrasjonen." in html  # Wagtail's notice, in Norwegian


def test_an_employee_outside_the_group_gets_the_no_access_page_naming_the_owner(
    employee_client, restricted_page
):
    response = follow(employee_client, restricted_page.url)

    html = assert_no_access_page(response)
    assert "Ola Nordmann" in html  # the content owner to ask
    assert "Lønnsforhandlinger" not in html  # nothing of the page itself


def test_a_restricted_page_without_owner_points_to_the_editors(employee_client, restricted_page):
    restricted_page.content_owner = None
    restricted_page.save_revision().publish()

    html = assert_no_access_page(follow(employee_client, restricted_page.url))

    assert "Spør redaksjonen i Innovasjon" in html


def test_an_employee_outside_the_group_gets_the_no_access_page_for_a_document(
    employee_client, restricted_document
):
    response = follow(employee_client, restricted_document.url)

    html = assert_no_access_page(response)
    assert "KONFIDENSIELT" not in html


def test_a_refusal_raised_inside_a_view_gets_the_same_page(employee_client, home):
    # Wagtail's admin raises PermissionDenied for its background requests.
    response = employee_client.get("/admin/", HTTP_X_REQUESTED_WITH="XMLHttpRequest")

    html = assert_no_access_page(response)
    assert "Spør redaksjonen i Innovasjon" in html


def test_members_still_get_what_is_theirs(
    client, employee, group, restricted_page, restricted_document
):
    employee.groups.add(group)
    client.force_login(employee)

    assert client.get(restricted_page.url).status_code == 200
    document = client.get(restricted_document.url)
    assert document.status_code == 200
    assert document["Content-Disposition"].startswith("attachment")


@pytest.fixture
def section(home):
    call_command("setup_section", verbosity=0)


def test_editors_still_reach_the_admin(client, section):
    editor = factories.make_user("redaktor", groups=["Redaktører"])
    client.force_login(editor)

    assert client.get("/admin/").status_code == 200


@pytest.mark.parametrize("target", ["admin", "page", "document"])
def test_anonymous_visitors_still_go_to_sign_in(
    client, home, restricted_page, restricted_document, target
):
    url = {"admin": "/admin/", "page": restricted_page.url, "document": restricted_document.url}[
        target
    ]

    response = follow(client, url)

    assert response.status_code == 200
    assert response.redirect_chain[-1][0].startswith("/logg-inn/?next=")
    assert 'name="password"' in response.content.decode()


# --- One sign-in page ----------------------------------------------------------


@pytest.mark.parametrize(
    ("url", "sent_to"),
    [
        ("/admin/login/", "/logg-inn/?next=/admin/"),
        ("/admin/login/?next=/admin/pages/", "/logg-inn/?next=/admin/pages/"),
        ("/admin/login/?next=https://angriper.example/", "/logg-inn/?next=/admin/"),
        ("/_util/login/", "/logg-inn/?next=/"),
        ("/_util/login/?next=/metoder/", "/logg-inn/?next=/metoder/"),
    ],
)
def test_wagtails_sign_in_pages_send_anonymous_visitors_to_ours(client, home, url, sent_to):
    response = client.get(url)

    assert response.status_code == 302
    assert response["Location"] == sent_to


def test_a_signed_in_editor_at_the_admins_sign_in_goes_to_the_admin(client, section):
    client.force_login(factories.make_user("redaktor", groups=["Redaktører"]))

    response = client.get("/admin/login/")

    assert response.status_code == 302
    assert response["Location"] == "/admin/"


def test_a_post_to_the_admins_sign_in_signs_nobody_in(client, home, employee):
    response = client.post("/admin/login/", {"username": "ansatt", "password": factories.PASSWORD})

    assert response.status_code == 302
    assert response["Location"].startswith("/logg-inn/")
    assert "_auth_user_id" not in client.session


def anonymous_views(resolvers, prefix=""):
    """(route, view) of every URL pattern marked login_not_required."""
    for entry in resolvers:
        if isinstance(entry, URLResolver):
            yield from anonymous_views(entry.url_patterns, prefix + str(entry.pattern))
        elif isinstance(entry, URLPattern):
            view = entry.callback
            if getattr(view, "login_required", True) is False:
                yield prefix + str(entry.pattern), view


def test_only_the_sign_in_page_and_healthz_answer_anonymously(client, home):
    routes = {route for route, _view in anonymous_views(get_resolver().url_patterns)}
    # Django REST framework marks its views login_not_required; the admin's API
    # is wrapped in Wagtail's require_admin_access, which sends them to sign in.
    api = {route for route in routes if route.startswith("admin/api/")}
    assert client.get("/admin/api/main/pages/")["Location"].startswith("/logg-inn/")

    # The two redirects lead to /logg-inn/. «Min kalender»'s feed is for Outlook, which
    # cannot sign in: its secret token is the key (events/views.py, tests/events/).
    feed = {route for route in routes if route.startswith("^min-kalender/")}
    assert len(feed) == 1
    assert routes - api - feed == {"healthz", "logg-inn/", "admin/login/", "_util/login/"}
