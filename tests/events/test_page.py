"""Events: the state, derived from the time, and the page in each state."""

import re
from datetime import UTC, datetime, time, timedelta

import pytest
from django.utils import timezone

from core.formats import format_when
from demo import factories
from events.models import EventPage, EventPageRelatedCase, EventPageRelatedMethod
from events.state import EventStatus, event_state, state_filter, status_at
from tests.events.conftest import END, MICROSECOND, OSLO, START, moment
from tests.helpers import text_at, text_of, texts

pytestmark = pytest.mark.django_db


# --- The state, derived from the time -----------------------------------------------------


@pytest.mark.parametrize(
    ("now", "expected"),
    [
        (START - timedelta(days=30), EventStatus.UPCOMING),
        (START - MICROSECOND, EventStatus.UPCOMING),
        (START, EventStatus.LIVE),
        (END - MICROSECOND, EventStatus.LIVE),
        (END, EventStatus.PAST),
        (END + timedelta(days=400), EventStatus.PAST),
    ],
)
def test_the_state_changes_exactly_at_the_start_and_the_end(now, expected):
    assert status_at(START, END, now) is expected
    assert event_state(START, END, now).status is expected


def test_each_state_reads_in_norwegian_with_its_badge_colour():
    before = event_state(START, END, START - timedelta(hours=1))
    during = event_state(START, END, START, has_stream=True)
    on_site = event_state(START, END, START, has_stream=False)
    after = event_state(START, END, END)

    assert (str(before.label), before.badge_modifier) == ("Kommende", "neutral")
    assert (str(during.label), during.badge_modifier) == ("Sendes nå", "active")
    assert (str(on_site.label), on_site.badge_modifier) == ("Pågår nå", "active")
    assert (str(after.label), after.badge_modifier) == ("Avsluttet", "positive")
    assert (before.is_upcoming, during.is_live, after.is_past) == (True, True, True)


@pytest.mark.parametrize(
    ("now", "relative"),
    [
        (datetime(2021, 11, 25, 8, 0, tzinfo=OSLO), "I dag"),
        (datetime(2021, 11, 24, 23, 59, tzinfo=OSLO), "I morgen"),
        (datetime(2021, 11, 20, 12, 0, tzinfo=OSLO), "Om 5 dager"),
        (datetime(2021, 10, 26, 12, 0, tzinfo=OSLO), "Om 30 dager"),
        (datetime(2021, 10, 25, 12, 0, tzinfo=OSLO), ""),
        (START, ""),
    ],
)
def test_coming_events_say_how_soon_in_norwegian_days(now, relative):
    assert event_state(START, END, now).relative_day == relative


def test_days_are_counted_in_stavanger_not_in_utc():
    # 23.30 UTC on the 23rd is already the 24th in Oslo: the event is tomorrow.
    late_evening_utc = datetime(2021, 11, 23, 23, 30, tzinfo=UTC)
    assert event_state(START, END, late_evening_utc).relative_day == "I morgen"


def test_the_time_is_written_the_norwegian_way():
    assert format_when(START, END) == "torsdag 25. november 2021 kl. 09.00–20.00"
    assert (
        format_when(START, END + timedelta(days=1))
        == "torsdag 25. november kl. 09.00 til fredag 26. november 2021 kl. 20.00"
    )
    # Stored in UTC, shown in Norwegian time.
    assert format_when(START.astimezone(UTC), END.astimezone(UTC)).endswith("kl. 09.00–20.00")


def test_state_filters_select_the_same_events_as_the_derived_state(index_page):
    now = timezone.now()
    events = {
        "past": factories.make_event(index_page, title="Før", start=moment(-3), end=moment(-2)),
        "live": factories.make_event(
            index_page, title="Nå", start=moment(hours=-1), end=moment(hours=1)
        ),
        "upcoming": factories.make_event(index_page, title="Snart", start=moment(2), end=moment(3)),
    }
    for status in EventStatus:
        selected = set(
            EventPage.objects.filter(state_filter(status, now)).values_list("pk", flat=True)
        )
        derived = {event.pk for event in events.values() if event.state_at(now).status is status}
        assert selected == derived
        assert len(selected) == 1


# --- The page in each state ---------------------------------------------------------------


def test_before_the_event_the_page_offers_sign_up_calendar_and_programme(
    employee_client, index_page
):
    event = factories.make_event(
        index_page,
        title="Innovasjonsdagen 2027",
        start=moment(days=5),
        end=moment(days=5, hours=6),
        registration_url="https://skjema.eksempel.no/innovasjonsdagen",
        registration_note="Meld deg på innen en uke før.",
        stream_url="https://video.eksempel.no/direkte",
    )
    response = employee_client.get(event.url)
    html = response.content.decode()
    text = text_at(response, "main")

    assert response.status_code == 200
    assert "Kommende" in text
    assert re.search(r"Om [56] dager", text)
    assert (
        '<a class="button button--primary" href="https://skjema.eksempel.no/innovasjonsdagen">'
        'Meld deg på <span class="button__hint">(åpnes i et eget skjema)</span></a>' in html
    )
    assert f'href="{event.url}kalender/" download' in html
    assert "Legg i kalender" in text and "Meld deg på innen en uke før." in text
    assert "Program" in text and "Gjøre det: fra idé til første test" in text
    assert "Veiledere fra Fabrikken" in text and "30 plasser" in text
    # One state at a time: nothing from during or after.
    for other in ("Sendes nå", "Se sendingen", "Se opptaket", "Slik gikk det"):
        assert other not in text
    assert text.index("Legg i kalender") < text.index("Program ")


def test_during_the_event_the_stream_comes_first(employee_client, index_page):
    event = factories.make_event(
        index_page,
        start=moment(hours=-1),
        end=moment(hours=2),
        registration_url="https://skjema.eksempel.no/innovasjonsdagen",
        stream_url="https://video.eksempel.no/direkte",
    )
    response = employee_client.get(event.url)
    html = response.content.decode()
    text = text_at(response, "main")

    assert "Sendes nå" in text
    assert (
        '<a class="button button--primary" href="https://video.eksempel.no/direkte">Se sendingen '
        '<span class="button__hint">(åpnes på video.eksempel.no)</span></a>' in html
    )
    assert text.index("Se sendingen") < text.index("Når") < text.index("Program ")
    for other in ("Meld deg på", "Legg i kalender", "Se opptaket"):
        assert other not in text


def test_an_event_on_site_without_a_stream_says_where_it_is_on(employee_client, index_page):
    event = factories.make_event(
        index_page,
        start=moment(hours=-1),
        end=moment(hours=2),
        event_format="fysisk",
        place="Fabrikken, Sandvigå 7",
    )
    text = text_at(employee_client.get(event.url), "main")

    assert "Pågår nå" in text
    assert "Arrangementet pågår nå, Fabrikken, Sandvigå 7, til kl." in text
    assert "Se sendingen" not in text


def test_after_the_event_the_recording_comes_first_then_how_it_went(
    employee_client, innovation_day
):
    response = employee_client.get(innovation_day.url)
    html = response.content.decode()
    text = text_at(response, "main")

    assert "Avsluttet" in text
    assert "«Tenke det, tørre det, gjøre det»" in text
    assert 'href="https://video.eksempel.no/innovasjonsdagen-2021"' in html
    assert "Se videoen: Opptak fra Innovasjonsdagen 2021" in text
    assert "Over 800" in text and "Ansatte på det meste" in text
    assert "Over 800 ansatte var med da dagen ble arrangert digitalt." in text
    assert (
        text.index("Se opptaket")
        < text.index("Når")
        < text.index("Slik gikk det")
        < text.index("Programmet")
    )
    for other in ("Meld deg på", "Legg i kalender", "Se sendingen", "Sendes nå"):
        assert other not in text


def test_after_a_streamed_event_without_recording_the_page_says_it_will_come(
    employee_client, index_page
):
    event = factories.make_event(
        index_page, start=moment(-2), end=moment(-2, 3), stream_url="https://video.eksempel.no/x"
    )
    text = text_at(employee_client.get(event.url), "main")
    assert "Opptaket legges ut her når det er klart." in text
    assert "Se opptaket" not in text


def test_the_facts_say_when_where_how_and_for_whom(employee_client, innovation_day):
    text = text_at(employee_client.get(innovation_day.url), "main")
    assert "Når torsdag 25. november 2021 kl. 09.00–20.00" in text
    assert "Hvor Digitalt, kveldsforedraget også på Facebook" in text
    assert "Format Digitalt" in text
    assert "For hvem Ansatte og innbyggere" in text


def test_editors_preview_each_state_before_it_happens(innovation_day):
    modes = [mode for mode, _label in innovation_day.preview_modes]
    assert modes == ["", "before", "during", "after"]

    before = innovation_day.make_preview_request(preview_mode="before").render().content.decode()
    during = innovation_day.make_preview_request(preview_mode="during").render().content.decode()
    after = innovation_day.make_preview_request(preview_mode="after").render().content.decode()

    assert "Forhåndsvisning: slik ser siden ut før arrangementet." in before
    assert "Legg i kalender" in before and "Se opptaket" not in before
    assert "Sendes nå" in during and "Legg i kalender" not in during
    assert "Se opptaket" in after and "Sendes nå" not in after


def test_a_new_event_is_previewed_before_it_has_an_address(index_page):
    page = EventPage(
        title="Nytt arrangement",
        slug="nytt-arrangement",
        summary="Et arrangement som ikke er lagret ennå.",
        start=START,
        end=END,
    )
    html = page.make_preview_request(preview_mode="before").render().content.decode()
    assert "Nytt arrangement" in html
    assert 'kalender/" download' not in html
    assert "outlook.office.com" not in html


def test_related_methods_and_cases_show_only_when_live(employee_client, innovation_day):
    method = factories.make_method(title="Idémyldring", slug="idemyldring")
    draft = factories.make_method(title="Kladd", slug="kladd", publish=False)
    EventPageRelatedMethod.objects.create(page=innovation_day, method=method, sort_order=0)
    EventPageRelatedMethod.objects.create(page=innovation_day, method=draft, sort_order=1)

    case = factories.make_case(title="Trygg hjemme", slug="trygg-hjemme")
    draft_case = factories.make_case(title="Uferdig eksempel", slug="uferdig", publish=False)
    EventPageRelatedCase.objects.create(page=innovation_day, case=case, sort_order=0)
    EventPageRelatedCase.objects.create(page=innovation_day, case=draft_case, sort_order=1)

    text = text_of(employee_client.get(innovation_day.url))
    assert "Metoder fra arrangementet Idémyldring" in text
    assert "Kladd" not in text
    assert "Relaterte eksempler Trygg hjemme" in text
    assert "Uferdig eksempel" not in text


def test_participants_are_written_with_norwegian_thousands(index_page):
    event = factories.make_event(index_page, participants=1200)
    assert (event.participants_text, event.participants_caption) == ("1\u00a0200", "deltakere")
    event.participants_at_least = True
    assert event.participants_text == "Over 1\u00a0200"
    event.participants = None
    assert event.participants_text == ""


def test_the_page_refuses_posts(employee_client, innovation_day):
    assert employee_client.post(innovation_day.url).status_code == 405


def test_a_demo_event_carries_the_badge_and_says_what_is_invented(employee_client, index_page):
    event = factories.make_event(index_page, is_demo=True, demo_note="Datoen er ikke bekreftet.")
    text = text_at(employee_client.get(event.url), "main")
    assert "Demo-innhold" in text
    assert "Datoen er ikke bekreftet." in text


def test_a_streamed_part_says_it_was_streamed_once_the_event_is_over(employee_client, index_page):
    talk = {
        "start_time": time(19, 0),
        "end_time": time(20, 0),
        "title": "Kveldsforedrag",
        "speaker": "",
        "description": "",
        "is_streamed": True,
    }
    coming = factories.make_event(
        index_page, title="Kommende dag", programme=[("agenda_item", talk)]
    )
    over = factories.make_event(
        index_page,
        title="Dagen som var",
        start=moment(days=-30),
        end=moment(days=-30, hours=6),
        programme=[("agenda_item", talk)],
    )

    assert texts(employee_client.get(coming.url), ".programme__tags") == [
        "Sendes direkte Lenke kommer"
    ]
    assert texts(employee_client.get(over.url), ".programme__tags") == ["Ble sendt direkte"]
