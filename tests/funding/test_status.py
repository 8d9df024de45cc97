"""Funding: a call's status, derived from its dates, and its own rules."""

from datetime import datetime, timedelta
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from core.formats import format_nok, format_number
from demo import factories
from funding.forms import AmountField, DateInputsField
from funding.models import FundingCallPage, FundingIndexPage
from funding.status import CallStatus, call_state, status_at, status_filter
from tests.funding.conftest import DEADLINE, OPENS, OSLO

pytestmark = pytest.mark.django_db


# --- Status: derived from the dates, at each edge, in Europe/Oslo ----------------


@pytest.mark.parametrize(
    ("now", "expected"),
    [
        (OPENS - timedelta(microseconds=1), CallStatus.UPCOMING),
        (OPENS, CallStatus.OPEN),
        (DEADLINE - timedelta(seconds=1), CallStatus.OPEN),
        (DEADLINE, CallStatus.CLOSED),
        (DEADLINE + timedelta(days=30), CallStatus.CLOSED),
    ],
    ids=["just-before-opening", "at-opening", "second-before-deadline", "at-deadline", "after"],
)
def test_status_at_each_edge_of_the_window(now, expected):
    assert status_at(OPENS, DEADLINE, now) is expected
    # The same instant written in UTC is the same edge.
    assert status_at(OPENS, DEADLINE, now.astimezone(ZoneInfo("UTC"))) is expected


def test_a_call_without_deadline_is_rolling_and_stays_open():
    later = OPENS + timedelta(days=3650)
    state = call_state(OPENS, None, later)

    assert state.status is CallStatus.OPEN
    assert state.deadline_text == "Løpende søknadsfrist"
    assert state.deadline_warning == ""


def test_status_labels_and_badge_colours_in_norwegian():
    states = [
        call_state(OPENS, DEADLINE, now) for now in (OPENS - timedelta(days=1), OPENS, DEADLINE)
    ]

    assert [str(state.label) for state in states] == ["Kommende", "Åpen", "Stengt"]
    assert [state.badge_modifier for state in states] == ["neutral", "positive", "closed"]


@pytest.mark.parametrize(
    ("now", "warning"),
    [
        (datetime(2026, 3, 17, 12, 0, tzinfo=OSLO), ""),
        (datetime(2026, 3, 18, 8, 0, tzinfo=OSLO), "Søknadsfrist om 14 dager"),
        (datetime(2026, 3, 27, 23, 59, tzinfo=OSLO), "Søknadsfrist om 5 dager"),
        (datetime(2026, 3, 31, 7, 0, tzinfo=OSLO), "Søknadsfristen går ut i morgen"),
        (datetime(2026, 4, 1, 0, 1, tzinfo=OSLO), "Søknadsfristen går ut i dag"),
        # 23.30 UTC on 31 March is 01.30 on 1 April in Stavanger: already the deadline day.
        (datetime(2026, 3, 31, 23, 30, tzinfo=ZoneInfo("UTC")), "Søknadsfristen går ut i dag"),
        (datetime(2026, 4, 1, 11, 59, tzinfo=OSLO), "Søknadsfristen går ut i dag"),
        (datetime(2026, 4, 1, 12, 0, tzinfo=OSLO), ""),
    ],
)
def test_deadline_badge_from_fourteen_days_before(now, warning):
    assert call_state(OPENS, DEADLINE, now).deadline_warning == warning


def test_a_deadline_at_midnight_ends_on_the_day_before():
    midnight = datetime(2026, 4, 2, 0, 0, tzinfo=OSLO)

    state = call_state(OPENS, midnight, datetime(2026, 4, 1, 15, 0, tzinfo=OSLO))

    assert state.deadline_warning == "Søknadsfristen går ut i dag"


def test_dates_and_amounts_are_written_the_norwegian_way():
    state = call_state(OPENS, DEADLINE, OPENS)

    assert state.deadline_text == "Søknadsfrist 1. april 2026 kl.\u00a012.00"
    assert format_nok(250000) == "kr\u00a0250\u00a0000"
    assert format_nok(5_000_000) == "kr\u00a05\u00a0000\u00a0000"
    assert format_number("3.5") == "3,5"
    assert format_nok(None) == ""


def test_status_filters_select_the_same_calls_as_the_derived_status(index_page):
    now = timezone.now()
    factories.make_funding_call(index_page, title="Åpen", slug="apen")
    factories.make_funding_call(index_page, title="Løpende", slug="lopende", deadline=None)
    factories.make_funding_call(
        index_page, title="Kommende", slug="kommende", opens_at=now + timedelta(days=3)
    )
    factories.make_funding_call(
        index_page,
        title="Stengt",
        slug="stengt",
        opens_at=now - timedelta(days=30),
        deadline=now - timedelta(days=1),
    )

    for status in CallStatus:
        selected = set(
            FundingCallPage.objects.filter(status_filter(status, now)).values_list(
                "title", flat=True
            )
        )
        derived = {
            call.title
            for call in FundingCallPage.objects.all()
            if call.state_at(now).status is status
        }
        assert selected == derived
    assert {
        c.title for c in FundingCallPage.objects.filter(status_filter(CallStatus.OPEN, now))
    } == {
        "Åpen",
        "Løpende",
    }


def test_search_covers_summary_criteria_and_eligibility_and_filters_by_status(index_page):
    now = timezone.now()
    factories.make_funding_call(
        index_page,
        title="Åpen utlysning",
        slug="apen",
        criteria="<p>Prosjektet har et gevinstkart.</p>",
    )
    factories.make_funding_call(
        index_page,
        title="Gammel utlysning",
        slug="gammel",
        criteria="<p>Prosjektet har et gevinstkart.</p>",
        opens_at=now - timedelta(days=60),
        deadline=now - timedelta(days=30),
    )
    factories.make_funding_call(
        index_page,
        title="Tredje",
        slug="tredje",
        eligibility="<p>Alle barnehager kan søke.</p>",
        criteria="<p>Barna merker forskjellen.</p>",
    )

    everything = FundingCallPage.objects.live().search("gevinstkart")
    open_only = (
        FundingCallPage.objects.live()
        .filter(status_filter(CallStatus.OPEN, now))
        .search("gevinstkart")
    )

    assert {page.title for page in everything} == {"Åpen utlysning", "Gammel utlysning"}
    assert [page.title for page in open_only] == ["Åpen utlysning"]
    assert [page.title for page in FundingCallPage.objects.live().search("barnehager")] == [
        "Tredje"
    ]


# --- The call's own rules ----------------------------------------------------------


def test_a_deadline_before_the_opening_is_refused(index_page):
    call = FundingCallPage(
        title="Feil datoer",
        summary="Kort.",
        opens_at=DEADLINE,
        deadline=OPENS,
        eligibility="<p>Alle.</p>",
        criteria="<p>Ingen.</p>",
        max_per_application=900_000,
        total_budget=500_000,
    )

    with pytest.raises(ValidationError) as error:
        call.clean()

    assert set(error.value.message_dict) == {"deadline", "max_per_application"}


def test_funding_pages_sit_only_where_they_belong(home, index_page):
    assert FundingIndexPage.can_exist_under(home)
    assert not FundingIndexPage.can_create_at(home)  # there is one index already
    assert not FundingCallPage.can_exist_under(home)
    assert FundingCallPage.can_create_at(index_page)
    assert not FundingIndexPage.can_exist_under(index_page)


def test_amounts_and_dates_are_read_the_way_people_write_them():
    amount = AmountField()
    date_field = DateInputsField(required=False)

    assert amount.clean("kr 250.000,-") == Decimal("250000")
    assert amount.clean("250 000") == Decimal("250000")
    assert amount.clean("1,5") == Decimal("1.5")
    assert date_field.clean(["03", "mars", "2027"]).isoformat() == "2027-03-03"
    assert date_field.clean(["15", "3", "26"]).isoformat() == "2026-03-15"
    assert date_field.clean(["", "", ""]) is None
    with pytest.raises(ValidationError):
        date_field.clean(["31", "februar", "2027"])
    with pytest.raises(ValidationError):
        date_field.clean(["1", "", "2027"])
