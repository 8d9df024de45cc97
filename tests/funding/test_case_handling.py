"""Case handling in the admin (/admin/soknader/): the calls, a call's applications with
filters, totals and export, the case, «Start vurdering», assessment and decision, and who may
do what (docs/funding-pipeline.md «Case handling»)."""

import csv
import io
from datetime import date
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from openpyxl import load_workbook
from wagtail import hooks

from core.publishing import roles
from demo import factories
from funding.case_handling.forms import add_months
from funding.models import (
    Application,
    Assessment,
    Attachment,
    CallCriterion,
    CoApplicant,
    Decision,
    FinalReport,
    FundingCallPage,
)
from funding.models.pipeline import Status

pytestmark = pytest.mark.django_db

NEXT_YEAR = date.today().year + 1


@pytest.fixture
def call(section, open_call):
    for number, title in enumerate(["Behovet er dokumentert", "Gevinstene er beskrevet"]):
        CallCriterion.objects.create(call=open_call, title=title, sort_order=number)
    FundingCallPage.objects.filter(pk=open_call.pk).update(total_budget=1_000_000)
    open_call.refresh_from_db()
    return open_call


@pytest.fixture
def handler(section):
    return factories.make_user("saksbehandler", groups=[roles.CASE_HANDLERS], first_name="Siri")


@pytest.fixture
def handler_client(client, handler):
    client.force_login(handler)
    return client


def sent(call, user, title="Digital innsjekk", unit="Hundvåg sykehjem", amount=250_000, **fields):
    application = Application.objects.create(
        call=call,
        created_by=user,
        project_title=title,
        unit=unit,
        service_area="Helse og velferd",
        need="Lange køer ved skranken.",
        target_users="Pasienter og pårørende.",
        plan="Prøve ut en innsjekkingsskjerm.",
        amount=Decimal(amount),
        planned_start=date(NEXT_YEAR, 3, 1),
        planned_end=date(NEXT_YEAR, 8, 31),
        **fields,
    )
    application.move_to(Status.SUBMITTED, by=user)
    return application


def url(name, application, *extra):
    return reverse(f"funding_cases:{name}", args=(application.call_id, application.pk, *extra))


def list_url(call, **query):
    base = reverse("funding_cases:list", args=(call.pk,))
    return base + ("?" + "&".join(f"{k}={v}" for k, v in query.items()) if query else "")


# --- The listings --------------------------------------------------------------------


def test_the_menu_item_shows_for_case_handlers_only(client, section, handler, moderator, redaktor):
    for user, shown in ((handler, True), (moderator, True), (redaktor, False)):
        client.force_login(user)
        html = client.get(reverse("wagtailadmin_home")).content.decode()
        assert (reverse("funding_cases:calls") in html) is shown, user


def test_the_calls_index_counts_sent_open_and_decided(handler_client, call, employee, handler):
    sent(call, employee)
    decided = sent(call, employee, title="Tavla")
    decided.move_to(Status.REJECTED, by=handler)
    Application.objects.create(call=call, created_by=employee, project_title="Utkast")

    response = handler_client.get(reverse("funding_cases:calls"))

    assert response.status_code == 200
    row = next(row for row in response.context["object_list"] if row.pk == call.pk)
    assert (row.sent_count, row.open_count, row.decided_count) == (2, 1, 1)
    assert list_url(call) in response.content.decode()


def test_a_calls_list_shows_sent_applications_with_totals_never_drafts(
    handler_client, call, employee, handler
):
    ola = factories.make_user("ola", first_name="Ola", last_name="Nordmann")
    first = sent(call, employee, amount=400_000)
    CoApplicant.objects.create(application=first, user=ola, added_by=employee)
    granted = sent(call, employee, title="Tavla", amount=300_000)
    Decision.objects.create(
        application=granted,
        status=Status.GRANTED,
        granted_amount=200_000,
        justification="Godt begrunnet.",
        decided_by=handler,
    )
    granted.move_to(Status.GRANTED, by=handler)
    Application.objects.create(call=call, created_by=employee, project_title="Hemmelig utkast")

    response = handler_client.get(list_url(call))
    html = response.content.decode()

    assert response.status_code == 200
    assert "Hemmelig utkast" not in html
    assert first.reference in html and "Digital innsjekk" in html
    assert "Kari Ansatt, Ola Nordmann" in html
    assert "Hundvåg sykehjem" in html and "kr\u00a0400\u00a0000" in html
    assert first.get_status_display() in html and granted.get_status_display() in html
    totals = response.context["totals"]
    assert (totals["applied"], totals["granted"], totals["remaining"]) == (
        700_000,
        200_000,
        800_000,
    )
    assert "Gjenstår av kr\u00a01\u00a0000\u00a0000" in html and "kr\u00a0800\u00a0000" in html


def test_the_list_filters_by_status_and_unit(handler_client, call, employee, handler):
    sent(call, employee, title="På Hundvåg")
    other = sent(call, employee, title="På Tasta", unit="Tasta sykehjem")
    other.move_to(Status.IN_REVIEW, by=handler)

    def titles(**query):
        response = handler_client.get(list_url(call, **query))
        return sorted(row.project_title for row in response.context["object_list"])

    assert titles() == ["På Hundvåg", "På Tasta"]
    assert titles(status="under_vurdering") == ["På Tasta"]
    assert titles(unit="Hundvåg sykehjem") == ["På Hundvåg"]
    assert titles(status="sendt", unit="Tasta sykehjem") == []
    # The unit filter offers the call's own units.
    form = handler_client.get(list_url(call)).context["filters"].form
    assert [value for value, _label in form.fields["unit"].choices][1:] == [
        "Hundvåg sykehjem",
        "Tasta sykehjem",
    ]


def test_the_export_writes_every_application_as_csv_and_xlsx(handler_client, call, employee):
    application = sent(call, employee)

    response = handler_client.get(list_url(call, export="csv"))
    rows = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode())))
    assert rows[0][:3] == ["Referansenummer", "Prosjekttittel", "Søkere"]
    assert rows[1][:3] == [application.reference, "Digital innsjekk", "Kari Ansatt"]
    assert application.get_status_display() in rows[1]
    assert f"soknader-{call.slug}.csv" in response["Content-Disposition"]

    response = handler_client.get(list_url(call, export="xlsx"))
    sheet = load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
    values = list(sheet.values)
    assert values[1][0] == application.reference and values[1][5] == 250_000


def count_queries(client, address):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(address)
        if hasattr(response, "streaming_content"):
            b"".join(response.streaming_content)
    assert response.status_code == 200
    return len(queries)


def test_the_list_and_the_export_cost_the_same_queries_for_3_and_30_applications(
    handler_client, call, employee
):
    co = factories.make_user("ola")

    def add(count):
        for number in range(count):
            application = sent(
                call, employee, title=f"Prosjekt {number}", unit=f"Enhet {number % 4}"
            )
            CoApplicant.objects.create(application=application, user=co, added_by=employee)

    addresses = [list_url(call), list_url(call, export="csv"), list_url(call, export="xlsx")]
    add(3)
    handler_client.get(list_url(call))  # the first request of a session fills the admin's caches
    few = [count_queries(handler_client, address) for address in addresses]
    add(27)
    many = [count_queries(handler_client, address) for address in addresses]
    assert many == few


# --- The case ------------------------------------------------------------------------


def test_the_case_shows_answers_applicants_attachments_log_and_the_hooks_actions(
    handler_client, call, employee, handler
):
    application = sent(call, employee, legacy_answers={"Hjelp fra Fabrikken": "Ja"})
    first, second = call.criteria_items.all()
    application.answers.create(criterion=first, text="Vi har intervjuet tolv pasienter.")
    Attachment.objects.create(
        application=application,
        file="applications/x/y",
        original_name="gevinstkart.pdf",
        size=2048,
        content_type="application/pdf",
    )

    def lag_eksempel(request, app):
        assert app.pk == application.pk
        return [("Lag eksempel", "/admin/eksempel/")]

    with hooks.register_temporarily("register_funding_application_actions", lag_eksempel):
        response = handler_client.get(url("case", application))
    html = response.content.decode()

    assert response.status_code == 200
    for text in (
        "Digital innsjekk",
        "Kari Ansatt",
        "Lange køer ved skranken.",
        "Pasienter og pårørende.",
        "kr\u00a0250\u00a0000",
        "1. Behovet er dokumentert",
        "Vi har intervjuet tolv pasienter.",
        "2. Gevinstene er beskrevet",
        "Hjelp fra Fabrikken",
        "gevinstkart.pdf",
        f"{Status.DRAFT.label} → {Status.SUBMITTED.label}",
        "Lag eksempel",
        "/admin/eksempel/",
        "Start vurdering",
    ):
        assert text in html, text


def test_start_assessment_is_a_logged_post(handler_client, call, employee, handler):
    application = sent(call, employee)
    assert handler_client.get(url("start_review", application)).status_code == 405

    response = handler_client.post(url("start_review", application))

    assert response.status_code == 302 and response["Location"] == url("case", application)
    application.refresh_from_db()
    assert application.status == Status.IN_REVIEW
    change = application.log.last()
    assert (change.from_status, change.to_status, change.by) == (
        "sendt",
        "under_vurdering",
        handler,
    )
    html = handler_client.get(url("case", application)).content.decode()
    assert f"{Status.SUBMITTED.label} → {Status.IN_REVIEW.label}" in html
    assert "Siri Testesen" in html


def test_assessors_score_each_criterion_and_the_case_shows_the_averages(
    client, call, employee, handler, moderator
):
    application = sent(call, employee)
    first, second = call.criteria_items.all()
    client.force_login(handler)
    form = {f"score_{first.pk}": "4", f"score_{second.pk}": "2", f"comment_{first.pk}": "Solid."}
    assert client.post(url("assess", application), form).status_code == 302
    # Changing one's mind updates the same rows.
    form[f"score_{second.pk}"] = "3"
    client.post(url("assess", application), form)
    client.force_login(moderator)
    client.post(url("assess", application), {f"score_{first.pk}": "5", f"score_{second.pk}": "5"})

    assert Assessment.objects.filter(assessor=handler).count() == 2
    assert Assessment.objects.get(assessor=handler, criterion=second).score == 3
    table = client.get(url("case", application)).context["assessment"]
    assert [row["average"] for row in table["rows"]] == ["4,5", "4"]
    assert table["overall"] == "4,3"


def test_the_assessment_asks_for_every_score(handler_client, call, employee):
    application = sent(call, employee)
    first, second = call.criteria_items.all()

    response = handler_client.post(url("assess", application), {f"score_{first.pk}": "6"})

    assert response.status_code == 200
    assert not Assessment.objects.exists()
    html = response.content.decode()
    assert "Gi en poengsum fra 1 til 5." in html
    # One panel per criterion, each with an id of its own (the HTML checker refuses twins).
    assert f'id="criterion-{first.pk}-section"' in html
    assert f'id="criterion-{second.pk}-section"' in html


def test_someone_on_the_application_may_neither_assess_nor_decide_it(
    client, call, employee, handler
):
    application = sent(call, employee)
    CoApplicant.objects.create(application=application, user=handler, added_by=employee)
    client.force_login(handler)

    case = client.get(url("case", application)).content.decode()
    assert "andre må vurdere og avgjøre den" in case
    for name in ("assess", "decide"):
        response = client.get(url(name, application))
        assert response.status_code == 403
        assert "så noen andre må" in response.content.decode()
    first, second = call.criteria_items.all()
    client.post(url("assess", application), {f"score_{first.pk}": "5", f"score_{second.pk}": "5"})
    client.post(url("decide", application), {"status": "avslatt", "justification": "Nei."})
    assert not Assessment.objects.exists() and not Decision.objects.exists()


# --- The decision --------------------------------------------------------------------


def decision_form(**overrides):
    data = {
        "status": "delvis_innvilget",
        "granted_amount": "200 000",
        "justification": "Behovet er godt dokumentert.",
        "report_due": "",
    }
    data.update(overrides)
    return {key: value for key, value in data.items() if value is not None}


def test_the_decision_is_recorded_then_the_application_moves_and_the_log_says_so(
    handler_client, call, employee, handler
):
    application = sent(call, employee)
    form = handler_client.get(url("decide", application)).context["form"]
    assert form["report_due"].value() == date(NEXT_YEAR, 11, 30)

    response = handler_client.post(
        url("decide", application), decision_form(report_due=f"{NEXT_YEAR}-11-30")
    )

    assert response.status_code == 302
    application.refresh_from_db()
    decision = application.decision
    assert application.status == Status.PARTLY_GRANTED
    assert (decision.granted_amount, decision.decided_by) == (200_000, handler)
    assert decision.report_due == date(NEXT_YEAR, 11, 30)
    change = application.log.last()
    assert (change.to_status, change.by) == ("delvis_innvilget", handler)
    # Decided: the case shows it read-only, and the form is closed.
    html = handler_client.get(url("case", application)).content.decode()
    assert application.get_status_display() in html and "Behovet er godt dokumentert." in html
    assert url("decide", application) not in html
    assert handler_client.get(url("decide", application)).status_code == 302
    assert handler_client.get(url("assess", application)).status_code == 302


@pytest.mark.parametrize(
    "overrides, field, message",
    [
        ({"granted_amount": ""}, "granted_amount", "Skriv det innvilgede beløpet"),
        (
            {"granted_amount": "300 000"},
            "granted_amount",
            "kan ikke være mer enn kr\u00a0250\u00a0000",
        ),
        ({"justification": ""}, "justification", "Dette feltet er påkrevet."),
        ({"status": "sendt"}, "status", "Velg et gyldig valg"),
    ],
)
def test_the_decision_explains_what_to_fix(
    handler_client, call, employee, overrides, field, message
):
    application = sent(call, employee)

    response = handler_client.post(url("decide", application), decision_form(**overrides))

    assert response.status_code == 200
    assert message in " ".join(response.context["form"].errors[field])
    assert not Decision.objects.exists()


def test_a_rejection_needs_no_amount(handler_client, call, employee):
    application = sent(call, employee)

    handler_client.post(
        url("decide", application), decision_form(status="avslatt", granted_amount="")
    )

    assert Application.objects.get().status == Status.REJECTED
    assert Decision.objects.get().granted_amount is None


def test_a_grant_above_the_budget_warns_and_is_recorded_once_confirmed(
    handler_client, call, employee
):
    FundingCallPage.objects.filter(pk=call.pk).update(total_budget=150_000)
    application = sent(call, employee)

    response = handler_client.post(url("decide", application), decision_form())

    assert response.status_code == 200
    html = response.content.decode()
    assert "mer enn de kr\u00a0150\u00a0000 som er igjen" in html and "Bekreft vedtaket" in html
    assert not Decision.objects.exists()

    response = handler_client.post(url("decide", application), decision_form(confirm="on"))
    assert response.status_code == 302
    assert Decision.objects.get().granted_amount == 200_000


def test_the_final_report_shows_on_the_case(handler_client, call, employee, handler):
    application = sent(call, employee)
    Decision.objects.create(
        application=application,
        status=Status.GRANTED,
        granted_amount=250_000,
        justification="Ja.",
        decided_by=handler,
    )
    application.move_to(Status.GRANTED, by=handler)
    FinalReport.objects.create(
        application=application,
        what_was_done="Skjermen sto i skranken i tre måneder.",
        results="Kortere kø.",
        benefits="Spart tid.",
        lessons="Start i det små.",
        submitted_by=employee,
    )

    html = handler_client.get(url("case", application)).content.decode()

    assert "Sluttrapport" in html and "Skjermen sto i skranken i tre måneder." in html


def test_add_months_keeps_the_day_or_takes_the_months_last():
    assert add_months(date(2026, 8, 31), 3) == date(2026, 11, 30)
    assert add_months(date(2026, 11, 15), 3) == date(2027, 2, 15)


# --- Who may do what -----------------------------------------------------------------


def every_address(application):
    return [
        ("get", reverse("funding_cases:calls")),
        ("get", list_url(application.call)),
        ("get", list_url(application.call, export="csv")),
        ("get", url("case", application)),
        ("post", url("start_review", application)),
        ("get", url("assess", application)),
        ("get", url("decide", application)),
        ("post", url("decide", application)),
    ]


def test_every_view_refuses_an_editor(redaktor_client, call, employee):
    application = sent(call, employee)
    for method, address in every_address(application):
        assert getattr(redaktor_client, method)(address).status_code == 403, address
    assert Application.objects.get().status == Status.SUBMITTED


def test_an_application_of_another_call_or_a_draft_is_a_404(handler_client, call, employee):
    other_call = factories.make_funding_call(title="Andre midler", slug="andre-midler")
    application = sent(call, employee)
    draft = Application.objects.create(call=call, created_by=employee, project_title="Utkast")
    for name in ("case", "start_review", "assess", "decide"):
        wrong = reverse(f"funding_cases:{name}", args=(other_call.pk, application.pk))
        method = handler_client.post if name == "start_review" else handler_client.get
        assert method(wrong).status_code == 404, name
        assert method(url(name, draft)).status_code == 404, name


def test_the_calls_page_buttons_lead_to_its_applications(moderator_client, call):
    html = moderator_client.get(
        reverse("wagtailadmin_pages:edit", args=(call.pk,))
    ).content.decode()
    assert list_url(call) in html
    assert reverse("wagtailforms:list_submissions", args=(call.pk,)) not in html
