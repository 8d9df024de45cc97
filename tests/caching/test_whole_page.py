"""The front page served whole from the cache: each employee still sees their own.

The page is kept once per audience and language, with the account menu, the user's
next booking, Wagtail's userbar and every CSRF token filled in per request
(caching.whole_page). What one employee's request kept must give another exactly the
page they would have got without it.
"""

import re
from datetime import timedelta

import pytest
from django.contrib.auth.models import Group
from django.contrib.messages import constants
from django.contrib.messages.storage.cookie import CookieStorage
from django.http import HttpResponse
from django.template import Context, Template, TemplateSyntaxError
from django.test import Client, RequestFactory
from django.utils import timezone
from wagtail.models import Page

from caching import whole_page
from caching.middleware import BUILT_HEADER
from demo import factories
from home.models import HomePage
from tests.helpers import html_of, text_at

pytestmark = pytest.mark.django_db

TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


@pytest.fixture(autouse=True)
def _report_built(settings):
    settings.CACHE_BUILT_HEADER = True


@pytest.fixture
def front(home):
    fabrikken = factories.make_fabrikken_page()
    soon = timezone.now() + timedelta(hours=1)
    event = factories.make_event(
        title="Innovasjonsdagen 2026", start=soon, end=soon + timedelta(hours=2)
    )
    Group.objects.get_or_create(name="Ledere")
    secret = factories.make_content_page(title="Budsjettarbeid for ledere", slug="budsjett")
    factories.restrict_to_groups(secret, "Ledere")
    home.refresh_from_db()  # a child count of its own, not the one from before the children
    home.highlights.create(page=secret, description="Bare for ledere.")
    home.save_revision().publish()
    return {"home": home, "fabrikken": fabrikken, "event": event}


def signed_in(user, **kwargs):
    client = Client(**kwargs)
    client.force_login(user)
    return client


@pytest.fixture
def kari(front):
    user = factories.make_user("kari", first_name="Kari", last_name="Nordmann", groups=["Ledere"])
    factories.make_room_booking(front["fabrikken"].rooms.get(slug="verkstedet"), user)
    return user


@pytest.fixture
def ola(front):
    return factories.make_user("ola", first_name="Ola", last_name="Kollega")


@pytest.fixture
def per(front):
    """Ola's colleague with the same audience (no restricted groups): shares his kept page."""
    return factories.make_user("per", first_name="Per", last_name="Hansen")


def front_page(client):
    response = client.get("/")
    assert response.status_code == 200
    return response


def without_tokens(html):
    return TOKEN.sub('name="csrfmiddlewaretoken" value=""', html)


def assembled(client, monkeypatch):
    """The front page as it is without the whole-page cache."""
    with monkeypatch.context() as patched:
        patched.setattr(whole_page, "_cacheable", lambda page, request: False)
        return html_of(front_page(client))


def test_a_colleague_gets_the_kept_page_with_their_own_parts(kari, ola, per, monkeypatch):
    kari_client, ola_client, per_client = signed_in(kari), signed_in(ola), signed_in(per)
    front_page(kari_client)  # a leader: an audience, and a kept page, of her own
    front_page(ola_client)

    kari_html = html_of(front_page(kari_client))
    assert text_at(kari_html, ".account__name") == "Kari Nordmann"
    assert "fabrikken-home__next" in kari_html
    assert "Budsjettarbeid for ledere" in kari_html

    per_response = front_page(per_client)  # the page Ola's request kept
    assert per_response[BUILT_HEADER] == "0"
    assert "home/home_page.html" not in [t.name for t in per_response.templates]
    per_html = html_of(per_response)
    assert text_at(per_html, ".account__name") == "Per Hansen"
    assert "Ola" not in per_html and "Kari" not in per_html
    assert "fabrikken-home__next" not in per_html
    assert "Budsjettarbeid for ledere" not in per_html

    assert without_tokens(per_html) == without_tokens(assembled(per_client, monkeypatch))
    assert without_tokens(kari_html) == without_tokens(assembled(kari_client, monkeypatch))


def test_an_editor_gets_the_userbar_on_the_page_an_employee_kept(front, redaktor, ola):
    front_page(signed_in(ola))
    ola_html = html_of(front_page(signed_in(ola)))
    editor_response = front_page(signed_in(redaktor))

    assert "wagtail-userbar" not in ola_html
    assert "home/home_page.html" not in [t.name for t in editor_response.templates]
    assert "wagtail-userbar" in html_of(editor_response)


def test_every_form_on_a_kept_page_carries_the_requests_own_token(ola, per):
    front_page(signed_in(ola))
    ola_tokens = set(TOKEN.findall(html_of(front_page(signed_in(ola)))))

    client = signed_in(per, enforce_csrf_checks=True)
    response = front_page(client)
    assert "home/home_page.html" not in [t.name for t in response.templates]
    html = html_of(response)
    tokens = TOKEN.findall(html)
    # Sign out (the account menu), the language and «Fant du det du lette etter?».
    assert len(tokens) == 3
    assert not ola_tokens & set(tokens)
    assert whole_page.csrf_mark() not in html

    switched = client.post(
        "/i18n/setlang/", {"language": "en", "next": "/", "csrfmiddlewaretoken": tokens[1]}
    )
    assert switched.status_code == 302


def test_a_warm_front_page_renders_only_its_per_request_parts(kari, django_assert_max_num_queries):
    client = signed_in(kari)
    front_page(client)
    # The session, the user, the counters, the page: the booking is kept per user.
    with django_assert_max_num_queries(4):
        response = front_page(client)
    assert response[BUILT_HEADER] == "0"
    assert [template.name for template in response.templates] == [
        "includes/account.html",
        "fabrikken/home_section.html",
        "fabrikken/includes/home_section.html",
        "includes/userbar.html",
    ]


def test_a_new_booking_shows_on_the_kept_page_and_a_cancelled_one_leaves(front, ola):
    client = signed_in(ola)
    assert "fabrikken-home__next" not in html_of(front_page(client))
    room = front["fabrikken"].rooms.get(slug="verkstedet")
    booking = factories.make_room_booking(room, ola)
    assert text_at(html_of(front_page(client)), ".fabrikken-home__next a").startswith(room.name)

    booking.status = "cancelled"
    booking.save()
    assert "fabrikken-home__next" not in html_of(front_page(client))


def test_a_waiting_message_is_shown_not_a_kept_page(kari):
    client = signed_in(kari)
    front_page(client)
    request = RequestFactory().get("/")
    storage = CookieStorage(request)
    storage.add(constants.SUCCESS, "Bookingen er avbestilt.")
    response = HttpResponse()
    storage.update(response)
    client.cookies[storage.cookie_name] = response.cookies[storage.cookie_name].value

    assert "Bookingen er avbestilt." in html_of(front_page(client))
    assert "Bookingen er avbestilt." not in html_of(front_page(client))


def test_an_edit_shows_on_the_kept_page_at_once(front, ola):
    client = signed_in(ola)
    front_page(client)
    home = front["home"]
    home.intro = "Ny ingress om innovasjon i kommunen."
    home.save_revision().publish()
    assert "Ny ingress om innovasjon i kommunen." in html_of(front_page(client))

    assert "method-finder" not in html_of(front_page(client))
    factories.make_phases()
    factories.make_method_index()
    factories.make_method(title="Gevinstkart")
    assert "method-finder" in html_of(front_page(client))


def test_an_event_that_has_ended_leaves_the_kept_page(front, ola, monkeypatch):
    client = signed_in(ola)
    assert "Innovasjonsdagen 2026" in html_of(front_page(client))
    later = timezone.now() + timedelta(hours=4)  # within the session's nine hours
    monkeypatch.setattr(timezone, "now", lambda: later)
    assert "Innovasjonsdagen 2026" not in html_of(front_page(client))


def test_a_per_request_part_inside_a_shared_part_is_refused(rf, kari):
    request = rf.get("/")
    request.user = kari
    template = Template(
        '{% load shared_cache %}{% sharedcache "x" %}{% perrequest "includes/account.html" %}'
        "{% endsharedcache %}"
    )
    with pytest.raises(TemplateSyntaxError, match="cannot be inside"):
        template.render(Context({"request": request}))


def test_a_frame_that_reads_the_database_itself_is_not_kept(front, ola, monkeypatch, caplog):
    """What the frame shows outside parts has no counter to last until: it is rendered anew."""
    shown = HomePage.get_context

    def reading_context(page, request, *args, **kwargs):
        context = shown(page, request, *args, **kwargs)
        context["pages_in_the_tree"] = Page.objects.count()
        return context

    monkeypatch.setattr(HomePage, "get_context", reading_context)
    client = signed_in(ola)
    front_page(client)
    assert "home/home_page.html" in [t.name for t in front_page(client).templates]
    assert "is not kept whole" in caplog.text


@pytest.fixture
def section_pages(front):
    factories.make_phases()
    methods = factories.make_method_index(show_in_menus=True)
    journey = factories.make_method(title="Brukerreise", slug="brukerreise")
    cases = factories.make_case_index(show_in_menus=True)
    case = factories.make_case(title="Trygg hjemme", slug="trygg-hjemme", methods=[journey])
    secret = factories.make_case(title="Lederutvikling i praksis", slug="lederutvikling")
    factories.restrict_to_groups(secret, "Ledere")
    funding = factories.make_funding_index(show_in_menus=True)
    factories.make_funding_call(title="Innovasjonsmidler 2027")
    about = factories.make_content_page(title="Hva er innovasjon", slug="hva-er-innovasjon")
    about.related_links.create(link_page=secret)
    about.related_links.create(link_page=case)
    about.save_revision().publish()
    return {
        "front page": "/",
        "content page": about.url,
        "event listing": front["home"].get_children().get(slug="arrangementer").url,
        "event": front["event"].url,
        "funding listing": funding.url,
        "method listing": methods.url,
        "method": journey.url,
        "case listing": cases.url,
        "case": case.url,
    }


@pytest.mark.parametrize(
    "name",
    [
        "front page",
        "content page",
        "event listing",
        "event",
        "funding listing",
        "method listing",
        "method",
        "case listing",
        "case",
    ],
)
def test_each_kept_page_type_gives_a_colleague_their_own_page(
    name, section_pages, kari, ola, per, monkeypatch
):
    url = section_pages[name]
    kari_client, ola_client, per_client = signed_in(kari), signed_in(ola), signed_in(per)
    for client in (kari_client, ola_client, kari_client):
        assert client.get(url).status_code == 200

    kari_response, per_response = kari_client.get(url), per_client.get(url)
    assert (kari_response[BUILT_HEADER], per_response[BUILT_HEADER]) == ("0", "0")
    # Served whole (the page Ola's request kept): only the per-request parts rendered.
    assert "includes/account.html" in [t.name for t in per_response.templates]
    assert "base.html" not in [t.name for t in per_response.templates]
    kari_html, per_html = html_of(kari_response), html_of(per_response)
    assert text_at(per_html, ".account__name") == "Per Hansen"
    assert "Kari" not in per_html and "Ola" not in per_html
    assert "Lederutvikling i praksis" not in per_html
    with monkeypatch.context() as patched:
        patched.setattr(whole_page, "_cacheable", lambda page, request: False)
        assert without_tokens(per_html) == without_tokens(html_of(per_client.get(url)))
        assert without_tokens(kari_html) == without_tokens(html_of(kari_client.get(url)))


def test_a_frame_that_renders_the_requests_own_token_is_not_kept(front, ola, monkeypatch):
    """A context built without the page's get_context gives Django's real token: it
    must never reach a colleague in a kept page."""
    shown = HomePage.get_context

    def context_without_the_mark(page, request, *args, **kwargs):
        context = shown(page, request, *args, **kwargs)
        context.pop("csrf_token", None)
        return context

    monkeypatch.setattr(HomePage, "get_context", context_without_the_mark)
    per = factories.make_user("per", first_name="Per", last_name="Hansen")  # Ola's audience
    ola_tokens = set(TOKEN.findall(html_of(front_page(signed_in(ola)))))
    per_response = front_page(signed_in(per))
    assert "home/home_page.html" in [t.name for t in per_response.templates]
    assert not ola_tokens & set(TOKEN.findall(html_of(per_response)))


def test_a_kept_event_page_shows_the_event_on_once_it_starts(front, ola, monkeypatch):
    client = signed_in(ola)
    url = front["event"].url
    assert "event-now" not in html_of(client.get(url))
    assert "event-now" not in html_of(client.get(url))  # kept
    later = timezone.now() + timedelta(hours=1, minutes=30)  # the event is on
    monkeypatch.setattr(timezone, "now", lambda: later)
    assert "event-now" in html_of(client.get(url))
