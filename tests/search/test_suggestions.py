"""Suggestions kept in the cache (search/suggest.py): a repeat asks the index nothing, and
no kept answer is ever stale, another audience's, another language's or from before an
event passed."""

import datetime
from unittest import mock

import pytest
from django.contrib.auth.models import Group
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from demo import factories

# A warm suggestion reads the session (not with Redis, which keeps it), the user and
# the cache counters, as every signed-in request does, and nothing else: no index, no
# page, no service.
WARM_QUERIES = 3


def assert_served_from_cache(queries):
    sql = [query["sql"] for query in queries]
    assert len(sql) <= WARM_QUERIES, sql
    assert not [statement for statement in sql if "wagtail" in statement], sql


def suggested(client, text):
    response = client.get("/sok/forslag/", {"q": text})
    assert response.status_code == 200
    return response.json()


def titles(client, text):
    return [item["title"] for item in suggested(client, text)]


def test_a_repeat_is_served_from_the_cache_whatever_the_case_and_spaces(employee_client, section):
    first = suggested(employee_client, "bru")
    assert first == [{"title": "Brukerreise", "url": "/metoder/brukerreise/", "type": "Metode"}]

    for typed in ("bru", "Bru ", "  BRU"):
        with CaptureQueriesContext(connection) as queries:
            response = employee_client.get("/sok/forslag/", {"q": typed})
        assert response.json() == first
        assert_served_from_cache(queries)
    # The browser may keep the answer a minute, for this user only: as before.
    assert response["Cache-Control"] in ("private, max-age=60", "max-age=60, private")


def test_services_are_kept_with_the_pages(employee_client, section):
    expected = [
        {"title": "Søk om innovasjonsmidler", "url": "/stotte/", "type": "Tjeneste"},
        {
            "title": "Innovasjonsmidler 2026",
            "url": "/stotte/innovasjonsmidler-2026/",
            "type": "Støtte",
        },
    ]
    assert suggested(employee_client, "innovasjonsm") == expected
    with CaptureQueriesContext(connection) as queries:
        assert suggested(employee_client, "Innovasjonsm") == expected
    assert_served_from_cache(queries)


def test_a_page_published_renamed_moved_and_unpublished_shows_at_once(employee_client, section):
    assert titles(employee_client, "proto") == []  # kept

    page = factories.make_method(section["index"], title="Prototyping", slug="prototyping")
    assert suggested(employee_client, "proto") == [
        {"title": "Prototyping", "url": "/metoder/prototyping/", "type": "Metode"}
    ]

    page.title = "Prototyping på papir"
    page.save_revision().publish()
    assert titles(employee_client, "proto") == ["Prototyping på papir"]

    page.slug = "papirprototyp"
    page.save_revision().publish()
    assert [item["url"] for item in suggested(employee_client, "proto")] == [
        "/metoder/papirprototyp/"
    ]

    page.unpublish()
    assert titles(employee_client, "proto") == []


def test_a_renamed_section_gives_its_pages_new_addresses_at_once(employee_client, section):
    assert suggested(employee_client, "bru")[0]["url"] == "/metoder/brukerreise/"
    index = section["index"]
    index.slug = "verktoy"
    index.save_revision().publish()
    assert suggested(employee_client, "bru")[0]["url"] == "/verktoy/brukerreise/"


@pytest.mark.parametrize("leader_first", [True, False], ids=["leader-first", "employee-first"])
def test_a_restricted_page_is_suggested_only_to_those_who_may_see_it(client, section, leader_first):
    Group.objects.get_or_create(name="Ledere")
    factories.restrict_to_groups(section["idemyldring"], "Ledere")
    employee = factories.make_user("ansatt")
    leader = factories.make_user("leder", groups=["Ledere"])
    asking = [(leader, ["Idémyldring"]), (employee, [])]
    if not leader_first:
        asking.reverse()
    for _round in range(2):  # the second round is served from the cache
        for user, expected in asking:
            client.force_login(user)
            assert titles(client, "Idém") == expected, user.username


def test_a_restriction_added_after_the_first_answer_applies_at_once(employee_client, section):
    assert titles(employee_client, "gevinst") == ["Gevinstkart"]
    Group.objects.get_or_create(name="Ledere")
    factories.restrict_to_groups(section["gevinstkart"], "Ledere")
    assert titles(employee_client, "gevinst") == []


def test_a_service_on_a_restricted_page_is_never_suggested_to_those_who_may_not_see_it(
    client, section
):
    Group.objects.get_or_create(name="Ledere")
    factories.restrict_to_groups(section["funding_index"], "Ledere")
    leader = factories.make_user("leder", groups=["Ledere"])
    employee = factories.make_user("ansatt")
    client.force_login(leader)
    assert titles(client, "innovasjonsm") == ["Søk om innovasjonsmidler", "Innovasjonsmidler 2026"]
    client.force_login(employee)
    assert titles(client, "innovasjonsm") == []


def test_each_language_has_its_own_answer(employee_client, section):
    assert suggested(employee_client, "bru")[0]["type"] == "Metode"
    employee_client.cookies["django_language"] = "en"
    assert suggested(employee_client, "bru")[0]["type"] == "Method"
    employee_client.cookies["django_language"] = "nb"
    assert suggested(employee_client, "bru")[0]["type"] == "Metode"


def test_an_event_that_passes_moves_behind_the_upcoming_one(employee_client, home):
    now = timezone.now()
    soon_over = factories.make_event(
        title="Designsprint med designskisser",
        slug="designsprint",
        start=now - datetime.timedelta(hours=1),
        end=now + datetime.timedelta(hours=1),
    )
    factories.make_event(
        title="Designsprint for ledere",
        slug="designsprint-for-ledere",
        start=now + datetime.timedelta(days=2),
        end=now + datetime.timedelta(days=2, hours=3),
    )
    # Both current: the better match (two words begin so) first, and kept.
    assert titles(employee_client, "designs") == [
        "Designsprint med designskisser",
        "Designsprint for ledere",
    ]

    later = soon_over.end + datetime.timedelta(minutes=5)
    with mock.patch("django.utils.timezone.now", return_value=later):
        assert titles(employee_client, "designs") == [
            "Designsprint for ledere",
            "Designsprint med designskisser",
        ]
