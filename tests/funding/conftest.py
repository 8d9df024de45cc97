"""Fixtures and helpers the funding tests share."""

import uuid
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from django.utils import timezone, translation

from demo import factories

OSLO = ZoneInfo("Europe/Oslo")
# 1 April 2026 is summer time in Norway (UTC+2): the edge is 10.00 UTC.
OPENS = datetime(2026, 3, 2, 9, 0, tzinfo=OSLO)
DEADLINE = datetime(2026, 4, 1, 12, 0, tzinfo=OSLO)


# Dates in an application may not be in the past: the answers plan for next year.
NEXT_YEAR = timezone.localdate().year + 1
MONTHS_NB = "januar februar mars april mai juni juli august september oktober november desember"


MONTHS_NB = MONTHS_NB.split()


@pytest.fixture(autouse=True)
def _norwegian():
    with translation.override("nb"):
        yield


@pytest.fixture
def index_page(home):
    return factories.make_funding_index()


@pytest.fixture
def open_call(index_page):
    return factories.make_funding_call(index_page)


def answers(**overrides):
    data = {
        "prosjekttittel": "Digital innsjekk på legevakten",
        "tjenesteomrade": "Helse og velferd",
        "enhet": "Hundvåg sykehjem",
        "beskrivelse_av_behovet": "Pasientene venter lenge i kø ved skranken.",
        "belop_det_sokes_om": "kr 250 000,-",
        "samarbeidspartnere": ["Universitetet i Stavanger"],
        "hjelp_fra_fabrikken": "Ja",
        "planlagt_oppstart_0": "1",
        "planlagt_oppstart_1": "mars",
        "planlagt_oppstart_2": str(NEXT_YEAR),
        "forankret_hos_leder": "on",
        "submission_token": str(uuid.uuid4()),
    }
    data.update(overrides)
    return {key: value for key, value in data.items() if value is not None}
