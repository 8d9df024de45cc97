"""core.formats and core_tags: the one way dates, times, money and names are written."""

import datetime
import zoneinfo
from decimal import Decimal
from pathlib import Path
from unittest import mock

import pytest
from django.template import engines
from django.template.backends.django import get_installed_libraries
from django.utils import translation

from core.formats import (
    at,
    format_date,
    format_datetime,
    format_day_range,
    format_nok,
    format_number,
    format_time,
    format_time_range,
    format_when,
    local,
    transliterate,
)
from core.templatetags import core_tags

UTC = datetime.UTC
NBSP = "\u00a0"
THURSDAY = datetime.date(2026, 3, 12)


@pytest.fixture(autouse=True)
def _norwegian():
    with translation.override("nb"):
        yield


def utc(*args):
    return datetime.datetime(*args, tzinfo=UTC)


# --- Dates ---------------------------------------------------------------------


def test_a_date_with_and_without_weekday_and_year():
    assert format_date(THURSDAY) == "12. mars 2026"
    assert format_date(THURSDAY, weekday=True) == "torsdag 12. mars 2026"
    assert format_date(THURSDAY, weekday=True, year=False) == "torsdag 12. mars"
    assert format_date(datetime.date(2026, 1, 5), weekday=True) == "mandag 5. januar 2026"


def test_weekdays_and_months_are_lower_case_in_norwegian_whatever_the_catalogue_says():
    """The drift fixed: events lower-cased, Fabrikken took the catalogue as it was."""
    capitalised = mock.patch(
        "django.utils.formats.date_format", return_value="Torsdag 12. Mars 2026"
    )
    with capitalised:
        assert format_date(THURSDAY, weekday=True) == "torsdag 12. mars 2026"
        with translation.override("nn"):
            assert format_date(THURSDAY, weekday=True) == "torsdag 12. mars 2026"
        with translation.override("en"):
            assert format_date(THURSDAY, weekday=True) == "Torsdag 12. Mars 2026"


def test_english_keeps_its_capitals():
    with translation.override("en"):
        assert format_date(THURSDAY, weekday=True).startswith("Thursday")


def test_a_moment_is_dated_in_norwegian_time_not_utc():
    late_evening_utc = utc(2026, 3, 11, 23, 30)
    assert format_date(late_evening_utc) == "12. mars 2026"
    assert format_datetime(late_evening_utc) == f"12. mars 2026 kl.{NBSP}00.30"


def test_oslo_time_across_the_spring_change_to_summer_time():
    # 29 March 2026: clocks go from 02.00 CET to 03.00 CEST (01.00 UTC).
    assert format_time(utc(2026, 3, 29, 0, 30)) == "01.30"
    assert format_time(utc(2026, 3, 29, 1, 30)) == "03.30"
    assert at(datetime.date(2026, 3, 28), datetime.time(12)).utcoffset() == datetime.timedelta(
        hours=1
    )
    assert at(datetime.date(2026, 3, 29), datetime.time(12)).utcoffset() == datetime.timedelta(
        hours=2
    )


def test_oslo_time_across_the_autumn_change_to_winter_time():
    # 25 October 2026: clocks go from 03.00 CEST back to 02.00 CET (01.00 UTC).
    assert format_datetime(utc(2026, 10, 25, 0, 30)) == f"25. oktober 2026 kl.{NBSP}02.30"
    assert format_datetime(utc(2026, 10, 25, 1, 30)) == f"25. oktober 2026 kl.{NBSP}02.30"
    assert format_time(utc(2026, 10, 25, 23, 0)) == "00.00"
    assert format_date(utc(2026, 10, 25, 23, 0)) == "26. oktober 2026"


def test_a_moment_in_another_zone_is_read_in_oslo():
    new_york = datetime.datetime(2026, 6, 1, 6, 0, tzinfo=zoneinfo.ZoneInfo("America/New_York"))
    assert format_time(new_york) == "12.00"
    assert local(new_york).tzinfo.key == "Europe/Oslo"


def test_times_and_time_ranges():
    assert format_time(datetime.time(9, 5)) == "09.05"
    assert format_time_range(datetime.time(10), datetime.time(11, 30)) == "10.00–11.30"
    assert format_time_range(datetime.time(10), None) == "10.00"


def test_when_on_one_day_and_over_several():
    start = at(THURSDAY, datetime.time(10))
    assert format_when(start, at(THURSDAY, datetime.time(11, 30))) == (
        "torsdag 12. mars 2026 kl. 10.00–11.30"
    )
    assert format_when(start, at(datetime.date(2026, 3, 13), datetime.time(15))) == (
        "torsdag 12. mars kl. 10.00 til fredag 13. mars 2026 kl. 15.00"
    )


def test_day_ranges():
    assert format_day_range(datetime.date(2026, 3, 16), datetime.date(2026, 3, 20)) == (
        "16.–20. mars 2026"
    )
    assert format_day_range(datetime.date(2026, 3, 30), datetime.date(2026, 4, 3)) == (
        "30. mars–3. april 2026"
    )
    assert format_day_range(datetime.date(2025, 12, 29), datetime.date(2026, 1, 2)) == (
        "29. desember 2025–2. januar 2026"
    )


# --- Money -------------------------------------------------------------------------


def test_amounts_are_grouped_with_no_break_spaces_and_a_decimal_comma():
    assert format_nok(250000) == f"kr{NBSP}250{NBSP}000"
    assert format_nok(5_000_000) == f"kr{NBSP}5{NBSP}000{NBSP}000"
    assert format_number(Decimal("1234.50")) == f"1{NBSP}234,50"
    assert format_number("3.5") == "3,5"
    assert format_number(1000.0) == f"1{NBSP}000"
    assert format_number(999) == "999"
    # Never an ordinary space, which would let «kr» and the figure part at a line end.
    assert " " not in format_nok(1_234_567)


def test_nothing_and_nonsense_stay_as_they_are():
    assert format_nok(None) == ""
    assert format_nok("") == ""
    assert format_number(None) == ""
    assert format_number("ukjent") == "ukjent"


# --- Names ----------------------------------------------------------------------------


def test_transliteration_with_capitals():
    assert transliterate("blåbærsyltetøy") == "blabaersyltetoy"
    assert transliterate("Ærlig Øl på Åsen") == "Aerlig Ol pa Asen"
    assert transliterate(None) == ""


@pytest.mark.django_db
def test_every_caller_transliterates_capitals_alike():
    from core.blocks.common import make_anchor
    from fabrikken.models.page import room_slug
    from funding.models import FundingFormField

    assert make_anchor("Årets Søknad") == "arets-soknad"
    assert FundingFormField(label="Beløp Å søke om").get_field_clean_name() == "belop_a_soke_om"
    assert room_slug("Øvingsrommet") == "ovingsrommet"


# --- Template filters ------------------------------------------------------------------


def test_the_filters_in_templates():
    template = engines["django"].from_string(
        "{% load core_tags %}{{ moment|oslo_datetime }}|{{ moment|oslo_time }}|"
        "{{ moment|oslo_date }}|{{ day|long_date }}|{{ day|day_without_year }}|"
        "{{ day|short_day }}|{{ moment|oslo_day_number }}|{{ moment|oslo_month_short }}|"
        "{{ amount|nok }}|{{ moment|html_datetime }}"
    )
    text = template.render({"moment": utc(2026, 3, 12, 9, 0), "day": THURSDAY, "amount": 1500})
    assert text.split("|") == [
        f"12. mars 2026 kl.{NBSP}10.00",
        "10.00",
        "12. mars 2026",
        "torsdag 12. mars 2026",
        "torsdag 12. mars",
        "tor 12.3.",
        "12",
        "mar",
        f"kr{NBSP}1{NBSP}500",
        "2026-03-12T10:00:00+01:00",
    ]


@pytest.mark.parametrize(
    "name",
    [
        "oslo_time",
        "oslo_datetime",
        "oslo_date",
        "long_date",
        "day_without_year",
        "short_day",
        "oslo_day_number",
        "oslo_month_short",
        "html_datetime",
    ],
)
def test_the_filters_say_nothing_for_nothing(name):
    assert getattr(core_tags, name)(None) == ""


def test_each_filter_is_registered_once_among_the_projects_libraries():
    """One of each: a date filter in two libraries drifts apart (issue 17)."""
    from importlib import import_module

    from django.apps import apps
    from django.conf import settings

    own_apps = tuple(
        f"{config.name}."
        for config in apps.get_app_configs()
        if Path(config.path).parent == Path(settings.BASE_DIR)
    )
    owners = {}
    for name, module_path in get_installed_libraries().items():
        if not module_path.startswith(own_apps):
            continue
        for filter_name in import_module(module_path).register.filters:
            owners.setdefault(filter_name, []).append(name)
    repeated = {name: libraries for name, libraries in owners.items() if len(libraries) > 1}
    assert repeated == {}
    assert owners["oslo_time"] == owners["oslo_datetime"] == ["core_tags"]
