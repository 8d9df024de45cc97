"""«Lag eksempel» (docs/funding-pipeline.md → Views): a case handler who may also write
cases turns a granted application and its final report into a draft case story, linked to
the call and not published; a second click opens the same page, and others get 403."""

from datetime import date
from decimal import Decimal

import pytest
from django.contrib.auth.models import Permission
from django.urls import reverse
from wagtail import hooks
from wagtail.models import PageLogEntry

from cases.from_application import LOG_ACTION, case_story_from_application
from cases.models import CasePage
from core.publishing import roles
from demo import factories
from funding.models import Application, Decision, FinalReport
from funding.models.pipeline import Status

pytestmark = pytest.mark.django_db


@pytest.fixture
def case_index(section):
    return factories.make_case_index()


@pytest.fixture
def call(section):
    return factories.make_funding_call()


def granted(call, status=Status.GRANTED, report=True):
    kari = factories.make_user("kari", email="kari@eksempel.no")
    application = Application.objects.create(
        call=call,
        created_by=kari,
        project_title="Digital innsjekk",
        service_area="Helse og velferd",
        unit="Hundvåg sykehjem",
        need="Pasientene venter lenge i kø ved skranken.\n\nDe ansatte rekker lite annet.",
        target_users="Pasienter og pårørende.",
        plan="Prøve ut en innsjekkingsskjerm i tre måneder.",
        amount=Decimal(250_000),
        planned_start=date(2026, 3, 1),
        planned_end=date(2026, 9, 1),
    )
    application.move_to(Status.SUBMITTED, by=kari)
    handler = factories.make_user("beslutter", groups=[roles.CASE_HANDLERS])
    Decision.objects.create(
        application=application,
        status=status,
        granted_amount=None if status == Status.REJECTED else Decimal(200_000),
        justification="Godt begrunnet.",
        decided_by=handler,
    )
    application.move_to(status, by=handler)
    if report:
        FinalReport.objects.create(
            application=application,
            what_was_done="Skjermen sto i resepsjonen i tre måneder.",
            results="Køen ble halvert.",
            benefits="20 timer i uka frigjort i skranken.",
            lessons="Ta med de ansatte fra første dag.",
            submitted_by=kari,
        )
    return application


def url(application):
    return reverse("cases_story_from_application", args=(application.uuid,))


def test_a_moderator_makes_a_draft_linked_to_the_call_then_edits_it(
    moderator_client, moderator, case_index, call
):
    sector = factories.make_sector()
    application = granted(call)

    response = moderator_client.post(url(application))
    page = CasePage.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("wagtailadmin_pages:edit", args=(page.pk,))

    assert not page.live and page.has_unpublished_changes
    assert page.get_parent().pk == case_index.pk
    assert page.latest_revision is not None and page.latest_revision.user == moderator
    assert (page.title, page.funding_call_id, page.owner) == (
        "Digital innsjekk",
        call.pk,
        moderator,
    )
    assert page.content_owner == moderator
    assert (page.sector, page.unit, page.status) == (sector, "Hundvåg sykehjem", "avsluttet")
    assert (page.start_date, page.end_date) == (date(2026, 3, 1), date(2026, 9, 1))
    assert page.summary.startswith("Pasientene venter lenge i kø ved skranken.")
    assert page.challenge.startswith("<p>Pasientene venter lenge i kø ved skranken.</p>")
    assert "Skjermen sto i resepsjonen" in page.approach
    results = [block.value.source for block in page.results]
    assert "Køen ble halvert." in results[0]
    assert "<b>Gevinster</b>" in results[1] and "20 timer i uka" in results[1]
    assert "Ta med de ansatte" in page.lessons
    # Where it came from, in the page's history.
    entry = PageLogEntry.objects.get(page=page, action=LOG_ACTION)
    assert entry.data["reference"] == application.reference
    assert moderator_client.get(response["Location"]).status_code == 200


def test_a_second_click_opens_the_same_page_even_after_a_new_title(
    moderator_client, moderator, case_index, call
):
    application = granted(call)
    first = moderator_client.post(url(application))
    page = CasePage.objects.get()
    page.title = "Innsjekk uten kø"
    page.save_revision(user=moderator, clean=False)  # as the editor's «Lagre kladd»
    second = moderator_client.post(url(application))
    assert second["Location"] == first["Location"]
    assert CasePage.objects.count() == 1
    _page, created = case_story_from_application(application, moderator)
    assert not created


def test_without_a_report_the_draft_has_the_application_only(moderator, case_index, call):
    application = granted(call, status=Status.PARTLY_GRANTED, report=False)
    page, created = case_story_from_application(application, moderator)
    assert created and not page.live
    assert list(page.results) == [] and page.lessons == ""
    assert page.status == "pagaende"  # started, no report yet


def test_an_editor_without_the_case_handler_permission_gets_403(redaktor_client, case_index, call):
    application = granted(call)
    assert redaktor_client.post(url(application)).status_code == 403
    assert not CasePage.objects.exists()


def test_a_case_handler_who_cannot_add_cases_gets_403(client, case_index, call):
    application = granted(call)
    client.force_login(Application.objects.get().decision.decided_by)  # Saksbehandlere only
    assert client.post(url(application)).status_code == 403
    assert not CasePage.objects.exists()


def test_only_post_and_only_a_granted_application(moderator_client, case_index, call):
    application = granted(call, status=Status.REJECTED, report=False)
    assert moderator_client.get(url(application)).status_code == 405
    assert moderator_client.post(url(application)).status_code == 404
    assert not CasePage.objects.exists()


def test_the_case_view_gets_the_action_only_when_granted_and_allowed(
    rf, moderator, redaktor, case_index, call
):
    application = granted(call)

    def actions(user, app):
        request = rf.get("/")
        request.user = user
        found = []
        for fn in hooks.get_hooks("register_funding_application_actions"):
            found += list(fn(request, app) or [])
        return [(str(label), link) for label, link in found]

    assert actions(moderator, application) == [("Lag eksempel", url(application))]
    assert actions(redaktor, application) == []
    superuser = factories.make_user("admin", is_superuser=True)
    assert actions(superuser, application) == [("Lag eksempel", url(application))]
    application.status = Status.REJECTED
    assert actions(moderator, application) == []


def test_the_history_names_the_application(moderator, case_index, call):
    application = granted(call)
    page, _created = case_story_from_application(application, moderator)
    entry = PageLogEntry.objects.get(page=page, action=LOG_ACTION)
    assert entry.message == f"Laget fra søknad {application.reference}"
    # Handler permission given directly, not by a group, counts too.
    assert Permission.objects.filter(codename="handle_application").exists()
