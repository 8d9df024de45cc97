"""Funding: no input breaks the form; the limits users expect (issue 16, items 8–9)."""

import re
import uuid
from datetime import datetime, timedelta
from unittest import mock

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.utils import timezone

from demo import factories
from funding.models import FundingApplication
from tests.funding.conftest import DEADLINE, MONTHS_NB, OPENS, OSLO, answers
from tests.helpers import html_of, text_of

pytestmark = pytest.mark.django_db


# --- No input breaks the form; the limits users expect (issue 16, items 8–9) -----------


@pytest.mark.parametrize(
    ("amount", "message"),
    [
        ("Infinity", "Skriv et tall i «Beløp det søkes om», for eksempel 250\u00a0000."),
        ("-Infinity", "Skriv et tall i «Beløp det søkes om», for eksempel 250\u00a0000."),
        ("NaN", "Skriv et tall i «Beløp det søkes om», for eksempel 250\u00a0000."),
        ("sNaN", "Skriv et tall i «Beløp det søkes om», for eksempel 250\u00a0000."),
        ("1e308", "Beløpet i «Beløp det søkes om» er for stort."),
        ("9" * 46, "Beløpet i «Beløp det søkes om» er for stort."),
        ("1e-400", "Skriv beløpet i «Beløp det søkes om» med høyst to desimaler"),
        ("-5", "Beløpet i «Beløp det søkes om» kan ikke være negativt."),
        ("kr -250 000", "Beløpet i «Beløp det søkes om» kan ikke være negativt."),
    ],
)
def test_a_hostile_amount_is_a_form_error_and_nothing_is_stored(
    employee_client, open_call, amount, message
):
    response = employee_client.post(open_call.url, answers(belop_det_sokes_om=amount))

    assert response.status_code == 200
    assert message in text_of(response)
    assert 'href="#id_belop_det_sokes_om"' in html_of(response)
    assert FundingApplication.objects.count() == 0
    assert mail.outbox == []


@pytest.mark.parametrize(
    ("day", "month", "year"),
    [("1", "1", "²"), ("1", "²", "2030"), ("1", "1", "9999999999"), ("1", "1", "10000")],
    ids=["superscript-year", "superscript-month", "ten-digit-year", "year-10000"],
)
def test_a_hostile_date_is_a_form_error_and_nothing_is_stored(
    employee_client, open_call, day, month, year
):
    response = employee_client.post(
        open_call.url,
        answers(planlagt_oppstart_0=day, planlagt_oppstart_1=month, planlagt_oppstart_2=year),
    )

    assert response.status_code == 200
    assert "Skriv en dato som finnes i «Planlagt oppstart»" in text_of(response)
    assert FundingApplication.objects.count() == 0


def test_the_form_says_the_calls_range_and_keeps_to_it(employee_client, open_call):
    open_call.min_per_application = 100_000
    open_call.max_per_application = 800_000
    open_call.save_revision().publish()
    range_text = "Du kan søke om 100\u00a0000–800\u00a0000 kroner."
    error = f"{range_text} Endre beløpet i «Beløp det søkes om»."

    form = employee_client.get(open_call.url)
    too_little = employee_client.post(open_call.url, answers(belop_det_sokes_om="99 999"))
    too_much = employee_client.post(open_call.url, answers(belop_det_sokes_om="800 001"))

    # The hint under the field, wired to it.
    assert re.search(
        rf'<p class="field__hint" id="id_belop_det_sokes_om_hint">[^<]*{range_text}', html_of(form)
    )
    for response in (too_little, too_much):
        assert response.status_code == 200
        assert f'<a href="#id_belop_det_sokes_om">{error}</a>' in html_of(response)
    assert FundingApplication.objects.count() == 0
    for edge in ("100 000", "kr 800 000,-"):
        assert (
            employee_client.post(open_call.url, answers(belop_det_sokes_om=edge)).status_code == 302
        )
    assert FundingApplication.objects.count() == 2


@pytest.mark.parametrize(
    ("least", "most", "sentence"),
    [
        (None, 30_000, "Du kan søke om inntil 30\u00a0000 kroner."),
        (5_000, None, "Du kan søke om minst 5\u00a0000 kroner."),
    ],
)
def test_a_call_with_one_limit_says_it(employee_client, index_page, least, most, sentence):
    call = factories.make_funding_call(
        index_page, min_per_application=least, max_per_application=most
    )

    assert sentence in text_of(employee_client.get(call.url))
    outside = "40 000" if most else "4 999"
    response = employee_client.post(call.url, answers(belop_det_sokes_om=outside))
    assert f"{sentence} Endre beløpet i «Beløp det søkes om»." in text_of(response)
    assert FundingApplication.objects.count() == 0


def test_a_call_without_limits_takes_any_sensible_amount(employee_client, open_call):
    text = text_of(employee_client.get(open_call.url))

    assert "Du kan søke om" not in text
    response = employee_client.post(open_call.url, answers(belop_det_sokes_om="0"))
    assert response.status_code == 302
    assert FundingApplication.objects.get().form_data["belop_det_sokes_om"] == "0"


def test_a_planned_start_in_the_past_is_refused(employee_client, open_call):
    today = timezone.localdate()
    yesterday = today - timedelta(days=1)

    response = employee_client.post(
        open_call.url,
        answers(
            planlagt_oppstart_0=str(yesterday.day),
            planlagt_oppstart_1=str(yesterday.month),
            planlagt_oppstart_2=str(yesterday.year),
        ),
    )

    assert response.status_code == 200
    expected_today = f"{today.day}. {MONTHS_NB[today.month - 1]} {today.year}"
    assert (
        f"«Planlagt oppstart» kan ikke være før i dag. Skriv {expected_today} eller en senere dato."
        in text_of(response)
    )
    assert FundingApplication.objects.count() == 0
    on_the_day = employee_client.post(
        open_call.url,
        answers(
            planlagt_oppstart_0=str(today.day),
            planlagt_oppstart_1=str(today.month),
            planlagt_oppstart_2=str(today.year),
        ),
    )
    assert on_the_day.status_code == 302


@pytest.mark.parametrize("moment", ["01.01.0001 00.00", "0001-01-01 00:00", "1.1.2020 09.00"])
def test_a_date_and_time_in_the_past_is_refused_even_at_year_one(client, index_page, moment):
    """Year 1 was stored, and then the receipt failed to show it in Norwegian time."""
    call = factories.make_funding_call(
        index_page, form_fields=[("Møtetidspunkt", "datetime", True, "", "")]
    )
    client.force_login(factories.make_user("kari"))

    response = client.post(
        call.url, {"motetidspunkt": moment, "submission_token": str(uuid.uuid4())}
    )

    assert response.status_code == 200
    assert "«Møtetidspunkt» kan ikke være før i dag." in text_of(response)
    assert FundingApplication.objects.count() == 0


def test_the_calls_amounts_can_not_be_negative(index_page):
    call = factories.make_funding_call(index_page, publish=False)
    call.min_per_application = -1
    call.max_per_application = -2
    call.total_budget = -3

    with pytest.raises(ValidationError) as refused:
        call.full_clean()

    errors = refused.value.message_dict
    for name in ("min_per_application", "max_per_application", "total_budget"):
        assert "Skriv et beløp på 0 kroner eller mer." in errors[name]


@pytest.mark.parametrize(
    ("opens_in", "deadline_in", "message"),
    [
        (
            timedelta(days=3),
            timedelta(days=30),
            "Utlysningen er ikke åpen ennå. Du kan søke fra",
        ),
        (
            timedelta(days=-30),
            timedelta(days=-1),
            "Søknadsfristen gikk ut",
        ),
    ],
    ids=["upcoming", "closed"],
)
def test_applying_outside_the_window_is_refused_and_stores_nothing(
    employee_client, index_page, opens_in, deadline_in, message
):
    now = timezone.now()
    call = factories.make_funding_call(
        index_page, opens_at=now + opens_in, deadline=now + deadline_in
    )

    page = employee_client.get(call.url)
    response = employee_client.post(call.url, answers())

    assert 'name="submission_token"' not in html_of(page)
    assert "Send søknad" not in text_of(page)
    assert response.status_code == 409
    text = text_of(response)
    assert "Søknaden ble ikke sendt" in text
    assert message in text
    # What they wrote is shown so they can keep it.
    assert "Digital innsjekk på legevakten" in text
    assert not FundingApplication.objects.exists()
    assert mail.outbox == []


def test_the_form_closes_exactly_at_the_deadline(employee_client, index_page):
    now = timezone.now().replace(microsecond=0)
    call = factories.make_funding_call(index_page, deadline=now + timedelta(hours=5))

    with mock.patch("django.utils.timezone.now", return_value=call.deadline):
        refused = employee_client.post(call.url, answers())
    with mock.patch("django.utils.timezone.now", return_value=call.deadline - timedelta(seconds=1)):
        accepted = employee_client.post(call.url, answers())

    assert refused.status_code == 409
    assert accepted.status_code == 302
    assert FundingApplication.objects.count() == 1


def test_the_form_opens_exactly_at_the_opening(employee_client, index_page):
    now = timezone.now().replace(microsecond=0)
    call = factories.make_funding_call(index_page, opens_at=now + timedelta(hours=5))

    with mock.patch(
        "django.utils.timezone.now", return_value=call.opens_at - timedelta(microseconds=1)
    ):
        refused = employee_client.post(call.url, answers())
    with mock.patch("django.utils.timezone.now", return_value=call.opens_at):
        accepted = employee_client.post(call.url, answers())

    assert refused.status_code == 409
    assert accepted.status_code == 302


def test_a_double_click_after_the_deadline_still_finds_the_receipt(employee_client, index_page):
    now = timezone.now().replace(microsecond=0)
    call = factories.make_funding_call(index_page, deadline=now + timedelta(hours=1))
    data = answers()
    with mock.patch("django.utils.timezone.now", return_value=call.deadline - timedelta(seconds=1)):
        first = employee_client.post(call.url, data)
    with mock.patch("django.utils.timezone.now", return_value=call.deadline + timedelta(seconds=1)):
        second = employee_client.post(call.url, data)

    assert second.status_code == 302 and second["Location"] == first["Location"]
    assert FundingApplication.objects.count() == 1


def test_upcoming_and_closed_calls_say_when(employee_client, index_page):
    upcoming = factories.make_funding_call(
        index_page, slug="snart", opens_at=datetime(2099, 3, 2, 9, 0, tzinfo=OSLO), deadline=None
    )
    closed = factories.make_funding_call(
        index_page, slug="stengt", opens_at=OPENS, deadline=DEADLINE
    )

    upcoming_text = text_of(employee_client.get(upcoming.url))
    closed_text = text_of(employee_client.get(closed.url))

    assert "Kommende" in upcoming_text
    assert "Utlysningen åpner 2. mars 2099 kl.\u00a009.00. Da kan du søke her." in upcoming_text
    assert "Stengt" in closed_text
    assert "Søknadsfristen gikk ut 1. april 2026 kl.\u00a012.00." in closed_text


def test_the_page_refuses_other_methods(employee_client, open_call):
    assert employee_client.put(open_call.url).status_code == 405
    assert employee_client.post("/stotte/").status_code == 405
