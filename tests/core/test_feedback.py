"""Page feedback (issue 19, item 7): «Fant du det du lette etter?» on every page of the
section, stored without the user, throttled, only on pages the user may see; the owner
reads their pages' feedback in the report «Tilbakemeldinger» and the dashboard panel,
moderators read all; counts in the review report; old feedback deleted by a job."""

import datetime
import re

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.db import connection
from django.test import Client, RequestFactory
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from wagtail import hooks
from wagtail.models import Page, PageViewRestriction

from core.feedback import throttle, views
from core.feedback.access import answer_counts, shows_menu_item
from core.feedback.models import PageFeedback
from core.publishing.reviews import owned_page_models
from core.publishing.roles import MODERATORS
from tests.helpers import soup, text_at, text_of

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _demo(demo):
    """Every test reads the demo's pages and sign-ins."""


def user(username):
    return get_user_model().objects.get(username=username)


def client_as(username):
    client = Client()
    client.force_login(user(username))
    return client


def page_at(path):
    return Page.objects.get(url_path="/home" + path).specific


def answer(client, page, value):
    return client.post(reverse("page_feedback", args=[page.pk]), {"answer": value})


def thanks_url(page):
    return reverse("page_feedback_thanks", args=[page.pk])


def feedback_form(response):
    return soup(response).select_one("section.page-feedback form")


@pytest.fixture
def method():
    return page_at("/metoder/brukerreise/")


@pytest.fixture
def ansatt():
    return client_as("ansatt")


# --- The employee's side -----------------------------------------------------------------


def test_every_page_type_shows_the_form():
    ansatt = client_as("ansatt")
    for model in owned_page_models():
        page = model.objects.live().first()
        assert page is not None, f"the demo has no {model.__name__}"
        response = ansatt.get(page.url)
        assert response.status_code == 200, page.url
        form = feedback_form(response)
        assert form is not None, f"{model.__name__}: no feedback form at {page.url}"
        assert form["method"] == "post"
        assert form["action"] == reverse("page_feedback", args=[page.pk])
        buttons = [(b["name"], b["value"], b.get_text(strip=True)) for b in form("button")]
        assert buttons == [("answer", "ja", "Ja"), ("answer", "nei", "Nei")]
        assert form.select_one("input[name=csrfmiddlewaretoken]")
        assert text_at(response, "#tilbakemelding-tittel") == "Fant du det du lette etter?"
        assert "vi lagrer ikke hvem du er" in text_of(str(form))


def test_no_form_on_search_sign_in_error_pages_or_the_feedback_pages(ansatt, method):
    for url, status in (("/sok/?q=metode", 200), ("/finnes-ikke/", 404)):
        response = ansatt.get(url)
        assert response.status_code == status
        assert not soup(response).select("section.page-feedback"), url
    assert not soup(Client().get("/logg-inn/")).select("section.page-feedback")
    answer(ansatt, method, "ja")
    assert not soup(ansatt.get(thanks_url(method))).select("section.page-feedback")


def test_each_user_gets_their_own_csrf_token_in_the_form_of_a_cached_page(method):
    """The form stays outside {% sharedcache %}: the second user's page is served from
    the cache, yet carries the second user's token."""
    tokens = []
    for username in ("ansatt", "redaktor"):
        client = client_as(username)
        response = client.get(method.url)
        token = feedback_form(response).select_one("input[name=csrfmiddlewaretoken]")["value"]
        tokens.append(token)
        # The token is valid for this user: the answer goes through with CSRF checks on.
        strict = Client(enforce_csrf_checks=True)
        strict.cookies = client.cookies
        posted = strict.post(
            reverse("page_feedback", args=[method.pk]),
            {"answer": "ja", "csrfmiddlewaretoken": token},
        )
        assert posted.status_code == 302
    assert tokens[0] != tokens[1]


def test_without_a_csrf_token_the_answer_is_refused(method):
    client = Client(enforce_csrf_checks=True)
    client.force_login(user("ansatt"))
    response = client.post(reverse("page_feedback", args=[method.pk]), {"answer": "ja"})
    assert response.status_code == 403
    assert not PageFeedback.objects.filter(page=method, is_demo=False).exists()


def test_yes_is_stored_with_the_page_and_time_and_never_the_user(ansatt, method):
    before = timezone.now()
    response = answer(ansatt, method, "ja")
    assert response.status_code == 302
    assert response["Location"] == thanks_url(method)
    feedback = PageFeedback.objects.get(page=method, is_demo=False)
    assert (feedback.answer, feedback.comment) == ("ja", "")
    assert feedback.created_at >= before
    # Nothing on the row could name who answered.
    user_fields = [
        field.name
        for field in PageFeedback._meta.get_fields()
        if field.is_relation and field.related_model is get_user_model()
    ]
    assert user_fields == ["handled_by"]
    assert feedback.handled_by is None
    assert not any(
        isinstance(value, str) and "ansatt" in value for value in vars(feedback).values()
    )


def test_no_and_a_comment_are_stored_after_redirects(ansatt, method):
    answer(ansatt, method, "nei")
    response = ansatt.get(thanks_url(method))
    assert response.status_code == 200
    assert text_at(response, "h1") == "Takk for svaret"
    page_text = text_of(response)
    assert "Du svarte «Nei» på «Brukerreise»" in page_text
    assert "Ikke skriv personopplysninger" in page_text
    assert "tilbakemeldingen er anonym" in page_text
    assert "Vil du si mer? (valgfritt)" in page_text
    textarea = soup(response).select_one("form#tilbakemelding-skjema textarea[name=comment]")
    assert textarea is not None

    sent = ansatt.post(thanks_url(method), {"comment": "Savner et eksempel fra barnehage."})
    assert sent.status_code == 302 and sent["Location"] == thanks_url(method)
    feedback = PageFeedback.objects.get(page=method, is_demo=False)
    assert (feedback.answer, feedback.comment) == ("nei", "Savner et eksempel fra barnehage.")
    done = ansatt.get(thanks_url(method))
    assert text_at(done, "h1") == "Takk for kommentaren"
    assert soup(done).select_one("textarea") is None  # one comment per answer


@pytest.mark.parametrize(
    ("comment", "error"),
    [
        ("   ", "Skriv en kommentar, eller gå tilbake til siden hvis du ikke har noe å legge til"),
        ("x" * 1001, "Kort ned kommentaren til høyst 1000 tegn (den har 1001)"),
    ],
)
def test_an_empty_or_too_long_comment_is_explained_in_norwegian_and_nothing_is_lost(
    ansatt, method, comment, error
):
    answer(ansatt, method, "nei")
    response = ansatt.post(thanks_url(method), {"comment": comment})
    assert response.status_code == 200
    assert text_at(response, ".error-summary h2") == "Noe må rettes før du kan sende inn"
    assert error in text_at(response, ".error-summary ul")
    assert error in text_at(response, ".field__error")
    assert soup(response).title.get_text().startswith("Feil: ")
    # What was written is still in the field (Django strips surrounding spaces).
    assert soup(response).select_one("textarea").get_text() == comment.strip()
    feedback = PageFeedback.objects.get(page=method, is_demo=False)
    assert (feedback.answer, feedback.comment) == ("nei", "")


def test_the_thanks_page_without_an_answer_leads_back_to_the_page(ansatt, method):
    response = ansatt.get(thanks_url(method))
    assert response.status_code == 302 and response["Location"] == method.url
    # Another employee's answer is not theirs to comment on.
    answer(client_as("redaktor"), method, "nei")
    assert ansatt.post(thanks_url(method), {"comment": "Ikke min"}).status_code == 302
    assert PageFeedback.objects.get(page=method, is_demo=False).comment == ""


def test_the_session_remembers_the_latest_answers_only(ansatt, monkeypatch):
    monkeypatch.setattr(views, "REMEMBERED", 2)
    pages = [page_at(path) for path in ("/metoder/", "/eksempler/", "/stotte/")]
    for page in pages:
        answer(ansatt, page, "ja")
    assert ansatt.get(thanks_url(pages[0])).status_code == 302  # forgotten: back to the page
    assert ansatt.get(thanks_url(pages[2])).status_code == 200


# --- Floods --------------------------------------------------------------------------------


def test_one_answer_per_session_and_page_in_a_while(ansatt, method):
    answer(ansatt, method, "ja")
    again = answer(ansatt, method, "nei")
    assert again.status_code == 302 and again["Location"] == thanks_url(method) + "?igjen=1"
    assert list(
        PageFeedback.objects.filter(page=method, is_demo=False).values_list("answer", flat=True)
    ) == ["ja"]
    response = ansatt.get(again["Location"])
    assert "Du har allerede svart på «Brukerreise» for litt siden" in text_of(response)
    # The first answer's comment form is still there.
    assert soup(response).select_one("textarea[name=comment]") is not None
    # Another page, or another employee, counts.
    assert answer(ansatt, page_at("/metoder/"), "nei").status_code == 302
    assert answer(client_as("redaktor"), method, "nei").status_code == 302
    assert PageFeedback.objects.filter(is_demo=False).count() == 3


def test_too_many_answers_a_minute_are_refused_in_norwegian_and_can_be_sent_again(
    ansatt, monkeypatch
):
    monkeypatch.setattr(throttle, "PER_MINUTE", 2)
    pages = [page_at(path) for path in ("/metoder/", "/eksempler/", "/stotte/")]
    assert answer(ansatt, pages[0], "ja").status_code == 302
    assert answer(ansatt, pages[1], "ja").status_code == 302
    refused = answer(ansatt, pages[2], "nei")
    assert refused.status_code == 429
    assert "Du har sendt mange tilbakemeldinger på kort tid" in text_of(refused)
    assert soup(refused).title.get_text().startswith("Feil: ")
    # Nothing stored, and the buttons are there to send it again.
    assert not PageFeedback.objects.filter(page=pages[2], is_demo=False).exists()
    buttons = soup(refused).select("form button[name=answer]")
    assert [b["value"] for b in buttons] == ["ja", "nei"]
    # A comment over the limit keeps its text.
    refused_comment = ansatt.post(thanks_url(pages[0]), {"comment": "Bra side."})
    assert refused_comment.status_code == 429
    assert "Du har sendt mange tilbakemeldinger" in text_at(refused_comment, ".error-summary")
    assert soup(refused_comment).select_one("textarea").get_text() == "Bra side."
    assert PageFeedback.objects.get(page=pages[0], is_demo=False).comment == ""
    # The next minute the count starts again.
    monkeypatch.setattr(throttle.time, "time", lambda: 60 * 10**8)
    assert answer(ansatt, pages[2], "nei").status_code == 302


# --- Privacy --------------------------------------------------------------------------------


def test_feedback_only_on_a_live_page_the_user_may_see(ansatt):
    restricted = page_at("/metoder/brukerreise/")
    restriction = PageViewRestriction.objects.create(
        page=restricted, restriction_type=PageViewRestriction.GROUPS
    )
    restriction.groups.add(Group.objects.get(name=MODERATORS))
    assert ansatt.get(restricted.url).status_code in (403, 404)
    assert answer(ansatt, restricted, "nei").status_code == 404
    assert ansatt.get(thanks_url(restricted)).status_code == 404
    assert not PageFeedback.objects.filter(page=restricted, is_demo=False).exists()
    # A moderator passes the restriction.
    assert answer(client_as("moderator"), restricted, "ja").status_code == 302
    assert PageFeedback.objects.filter(page=restricted, is_demo=False).count() == 1

    draft = page_at("/metoder/")
    draft.unpublish()
    assert answer(ansatt, draft, "ja").status_code == 404
    assert answer(ansatt, Page.objects.get(depth=1), "ja").status_code == 404  # the tree's root
    assert ansatt.get(reverse("page_feedback", args=[restricted.pk])).status_code == 405
    assert answer(ansatt, page_at("/eksempler/"), "kanskje").status_code == 400


# --- The owner's side ----------------------------------------------------------------------


@pytest.fixture
def owned():
    """The method «Brukerreise» owned by redaktor, each page with fresh feedback."""
    PageFeedback.objects.all().delete()
    method = page_at("/metoder/brukerreise/")
    type(method).objects.filter(pk=method.pk).update(content_owner=user("redaktor"))
    other = page_at("/stotte/innovasjonsmidler/")
    PageFeedback.objects.create(page=method, answer="nei", comment="Mangler et eksempel")
    PageFeedback.objects.create(page=other, answer="ja", comment="Fant fristen")
    return method, other


def report_comments(response_or_html):
    return re.findall(r"Mangler et eksempel|Fant fristen", text_of(response_or_html))


def panel(client):
    """The dashboard's feedback panel as HTML, or None."""
    found = soup(client.get(reverse("wagtailadmin_home"))).select_one("#page-feedback-section")
    return str(found) if found else None


def menu_shows_feedback(username):
    request = RequestFactory().get("/admin/")
    request.user = user(username)
    items = [hook() for hook in hooks.get_hooks("register_reports_menu_item")]
    return any(item.name == "page-feedback" and item.is_shown(request) for item in items)


def test_the_owner_reads_their_own_pages_feedback_only(owned):
    redaktor = client_as("redaktor")
    report = redaktor.get(reverse("core_feedback_report"))
    assert report.status_code == 200
    assert report_comments(report) == ["Mangler et eksempel"]
    shown = panel(redaktor)
    assert "Tilbakemeldinger på dine sider" in text_of(shown)
    assert "1 svar er ikke behandlet" in text_of(shown)
    assert report_comments(shown) == ["Mangler et eksempel"]
    assert menu_shows_feedback("redaktor")


def test_a_moderator_reads_all_feedback(owned):
    moderator = client_as("moderator")
    report = moderator.get(reverse("core_feedback_report"))
    assert sorted(report_comments(report)) == ["Fant fristen", "Mangler et eksempel"]
    shown = panel(moderator)
    assert "Tilbakemeldinger på sidene" in text_of(shown)
    assert "2 svar er ikke behandlet" in text_of(shown)
    assert sorted(report_comments(shown)) == ["Fant fristen", "Mangler et eksempel"]
    assert menu_shows_feedback("moderator") and menu_shows_feedback("admin")
    # The filters: not handled, and by answer.
    only_yes = moderator.get(reverse("core_feedback_report") + "?answer=ja")
    assert report_comments(only_yes) == ["Fant fristen"]
    export = moderator.get(reverse("core_feedback_report") + "?export=csv")
    csv = b"".join(export.streaming_content).decode()
    assert "Brukerreise" in csv and "Mangler et eksempel" in csv


def test_the_menu_item_costs_no_query_once_warm(owned):
    """It is on every admin page: the answer is kept (a few minutes, or until groups change)."""
    for username, shown in (("redaktor", True), ("moderator", True), ("ansatt", False)):
        assert menu_shows_feedback(username) is shown
        reader = user(username)
        with CaptureQueriesContext(connection) as queries:
            assert shows_menu_item(reader) is shown
        # Outside a request the cache counters are read; nothing about pages or groups.
        assert all("caching_cachecounter" in query["sql"] for query in queries), queries


def test_an_employee_or_an_editor_who_owns_nothing_reads_nothing(owned):
    PageFeedback.objects.create(page=owned[0], answer="ja")
    for page_model in owned_page_models():
        page_model.objects.filter(content_owner=user("redaktor")).update(content_owner=None)
    redaktor = client_as("redaktor")
    refused = redaktor.get(reverse("core_feedback_report"))
    assert refused.status_code in (302, 403)
    assert panel(redaktor) is None
    assert not menu_shows_feedback("redaktor")
    assert not menu_shows_feedback("ansatt")
    handled = redaktor.post(
        reverse("core_feedback_mark_handled", args=[owned[0].feedback.first().pk])
    )
    assert handled.status_code == 404
    ansatt = client_as("ansatt")
    assert ansatt.get(reverse("core_feedback_report")).status_code in (302, 403)
    assert not PageFeedback.objects.filter(handled_at__isnull=False).exists()


def test_the_owner_marks_feedback_as_handled(owned):
    method, other = owned
    redaktor = client_as("redaktor")
    feedback = PageFeedback.objects.get(page=method)
    url = reverse("core_feedback_mark_handled", args=[feedback.pk])
    assert redaktor.get(url).status_code == 405
    report = reverse("core_feedback_report")
    response = redaktor.post(url, {"next": report + "?handled=nei"})
    assert response.status_code == 302 and response["Location"] == report + "?handled=nei"
    feedback.refresh_from_db()
    assert feedback.handled_at is not None
    assert feedback.handled_by == user("redaktor")
    assert report_comments(redaktor.get(report + "?handled=nei")) == []
    assert report_comments(redaktor.get(report + "?handled=ja")) == ["Mangler et eksempel"]
    assert "Alle svar er behandlet." in text_of(panel(redaktor))
    # Not the owner of the other page's feedback; an unsafe next is ignored.
    other_feedback = PageFeedback.objects.get(page=other)
    assert (
        redaktor.post(reverse("core_feedback_mark_handled", args=[other_feedback.pk])).status_code
        == 404
    )
    moderator = client_as("moderator")
    answer = moderator.post(
        reverse("core_feedback_mark_handled", args=[other_feedback.pk]),
        {"next": "https://example.com/"},
    )
    assert answer["Location"] == report


# --- The review report's counts --------------------------------------------------------------


def review_report(client):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(reverse("core_review_report"))
    assert response.status_code == 200
    return response, len(queries)


def test_the_review_report_counts_answers_per_page_in_one_query(owned):
    method, other = owned
    for model in owned_page_models():
        model.objects.update(last_confirmed_at=None)  # every page is due for review
    moderator = client_as("moderator")
    review_report(moderator)  # warm
    _response, few = review_report(moderator)
    # Many more answers on many more pages cost nothing more.
    for page in Page.objects.filter(depth__gt=1)[:15]:
        PageFeedback.objects.create(page=page, answer="ja")
        PageFeedback.objects.create(page=page, answer="nei")
    PageFeedback.objects.create(page=method, answer="nei")
    response, many = review_report(moderator)
    assert many == few
    rows = {
        row.select_one("td a").get_text(strip=True): row.select_one("td.feedback-counts")
        for row in soup(response).select("table.listing tbody tr")
    }
    assert rows["Brukerreise"].get_text(strip=True) == "Ja 1 · Nei 3"
    assert "Tilbakemeldinger" in [th.get_text(strip=True) for th in soup(response)("th")]


def test_the_counts_for_a_page_of_the_report_cost_one_query(owned):
    pages = list(Page.objects.filter(depth__gt=1)[:20])
    with CaptureQueriesContext(connection) as queries:
        answer_counts(pages)
    assert len(queries) == 1
    counted = {page.title: (page.feedback_yes, page.feedback_no) for page in pages}
    assert counted["Brukerreise"] == (0, 1)


# --- Retention and demo ------------------------------------------------------------------------


def test_the_retention_job_deletes_feedback_older_than_twelve_months_only(method):
    now = timezone.now()
    old = PageFeedback.objects.create(
        page=method, answer="ja", created_at=now - datetime.timedelta(days=366)
    )
    kept = PageFeedback.objects.create(
        page=method, answer="nei", created_at=now - datetime.timedelta(days=364)
    )
    call_command("delete_old_feedback", verbosity=0)
    assert not PageFeedback.objects.filter(pk=old.pk).exists()
    assert PageFeedback.objects.filter(pk=kept.pk).exists()
    assert PageFeedback.objects.filter(is_demo=True).exists()  # the demo's are recent


def test_the_demo_has_feedback_marked_as_demo():
    demo = PageFeedback.objects.filter(is_demo=True)
    assert demo.count() >= 5
    assert demo.filter(answer="ja").exists() and demo.filter(answer="nei").exists()
    assert demo.filter(handled_at__isnull=True).exclude(comment="").exists()
    call_command("load_demo_content", verbosity=0)
    assert PageFeedback.objects.filter(is_demo=True).count() == demo.count()
