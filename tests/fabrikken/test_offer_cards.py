"""Fabrikken's offer cards: each asks for its own kind of help; a drop-in says when and where;
a course links to its next session (issue #20, item 6)."""

import datetime
import re

import pytest
from django.utils import timezone

from demo import factories
from tests.helpers import html_of, text_of


def card(kind, title, **value):
    return (kind, {"title": title, "description": "<p>Om tilbudet.</p>", "details": [], **value})


def publish_offer(fabrikken, *cards, **fields):
    fabrikken.offer = list(cards)
    for name, value in fields.items():
        setattr(fabrikken, name, value)
    fabrikken.save_revision().publish()


def offer_html(client):
    html = html_of(client.get("/fabrikken/"))
    return html[html.index('class="offer-list"') : html.index("</ul>", html.index("offer-list"))]


def test_each_card_pre_selects_its_own_request_type(employee_client, fabrikken):
    publish_offer(
        fabrikken,
        card("guidance", "Prosessveiledning"),
        card("guidance", "Gjennomlesing av søknader", request_kind="application"),
        card("workshop", "Fasilitering"),
    )
    html = html_of(employee_client.get("/fabrikken/"))
    assert 'href="/fabrikken/veiledning/?hjelp=process"' in html
    assert 'href="/fabrikken/veiledning/?hjelp=application"' in html
    assert 'href="/fabrikken/veiledning/?hjelp=workshop"' in html

    form = html_of(employee_client.get("/fabrikken/veiledning/?hjelp=application"))
    assert re.search(r'value="application"\s+checked', form)
    assert not re.search(r'value="process"\s+checked', form)


@pytest.mark.parametrize("kind", ["idea", "process", "workshop", "course", "application"])
def test_the_form_ticks_the_kind_a_card_asks_for(employee_client, fabrikken, kind):
    form = html_of(employee_client.get(f"/fabrikken/veiledning/?hjelp={kind}"))
    assert len(re.findall(r"\schecked", form)) == 1
    assert re.search(rf'value="{kind}"\s+checked', form)


def test_a_weekly_drop_in_shows_its_time_and_place_instead_of_a_request_button(
    employee_client, fabrikken
):
    publish_offer(
        fabrikken,
        card("guidance", "Idékafé", request_kind="idea", drop_in="Tirsdager kl. 13–15"),
        venue="Kurs- og kompetansesenteret",
        address="Sandvigå 7",
    )
    html = offer_html(employee_client)
    assert "Tirsdager kl. 13–15, Kurs- og kompetansesenteret, Sandvigå 7" in html
    assert "Kom innom, du trenger ikke avtale først:" in html
    assert "hjelp=" not in html


def test_a_drop_in_names_its_own_place_when_given(employee_client, fabrikken):
    publish_offer(
        fabrikken,
        card("guidance", "Idékafé", drop_in="Tirsdager kl. 13–15", drop_in_place="Kantina"),
    )
    assert "Tirsdager kl. 13–15, Kantina" in offer_html(employee_client)


def test_a_course_card_links_to_the_next_session_of_the_course(employee_client, fabrikken):
    index = factories.make_event_index()
    oslo = timezone.get_default_timezone()
    soon = timezone.localdate() + datetime.timedelta(days=10)
    later = soon + datetime.timedelta(days=30)
    factories.make_event(
        index,
        title="Kurs: Innovasjon på 1-2-3 (vår)",
        slug="kurs-var",
        start=datetime.datetime.combine(later, datetime.time(12), tzinfo=oslo),
    )
    factories.make_event(
        index,
        title="Kurs: Innovasjon på 1-2-3",
        slug="kurs",
        start=datetime.datetime.combine(soon, datetime.time(12), tzinfo=oslo),
    )
    factories.make_event(  # a past session is not the next one
        index,
        title="Kurs: Innovasjon på 1-2-3 (i fjor)",
        slug="kurs-i-fjor",
        start=timezone.now() - datetime.timedelta(days=300),
    )
    publish_offer(fabrikken, card("course", "Innovasjon på 1-2-3"))

    html = offer_html(employee_client)
    assert "Neste kurs:" in html
    assert f'href="{index.url}kurs/"' in html
    assert "kl.\xa012.00" in html
    assert "kurs-var" not in html and "kurs-i-fjor" not in html


def test_a_course_without_a_scheduled_session_says_so_and_offers_a_request(
    employee_client, fabrikken
):
    publish_offer(fabrikken, card("course", "Metodeklinikk"))
    text = text_of(employee_client.get("/fabrikken/"))
    assert "Ingen kurs er satt opp nå. Be om et kurs for teamet ditt" in text
    assert 'href="/fabrikken/veiledning/?hjelp=course"' in offer_html(employee_client)


def test_the_course_lookup_is_one_query_for_the_page(
    employee_client, fabrikken, django_assert_max_num_queries
):
    publish_offer(fabrikken, card("guidance", "Prosessveiledning"))
    employee_client.get("/fabrikken/")  # warm the caches
    with django_assert_max_num_queries(60) as without:
        employee_client.get("/fabrikken/")
    publish_offer(
        fabrikken,
        card("guidance", "Prosessveiledning"),
        *[card("course", f"Kurs {number}") for number in range(4)],
    )
    employee_client.get("/fabrikken/")
    with django_assert_max_num_queries(60) as with_courses:
        employee_client.get("/fabrikken/")
    assert len(with_courses.captured_queries) <= len(without.captured_queries) + 1
