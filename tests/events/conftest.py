"""Fixtures and helpers the events tests share."""

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.utils import timezone

from demo import factories

OSLO = ZoneInfo("Europe/Oslo")
START = datetime(2021, 11, 25, 9, 0, tzinfo=OSLO)
END = datetime(2021, 11, 25, 20, 0, tzinfo=OSLO)
MICROSECOND = timedelta(microseconds=1)


@pytest.fixture
def index_page(home):
    return factories.make_event_index()


@pytest.fixture
def innovation_day(index_page):
    """Innovasjonsdagen 2021, over, with a recording and the participation figure."""
    return factories.make_event(
        index_page,
        title="Innovasjonsdagen 2021",
        slug="innovasjonsdagen-2021",
        tagline="Tenke det, tørre det, gjøre det",
        summary="En digital innovasjonsdag for alle ansatte, med foredrag og workshop.",
        start=START,
        end=END,
        place="Digitalt, kveldsforedraget også på Facebook",
        audience="alle",
        stream_url="https://video.eksempel.no/innovasjonsdagen-2021/direkte",
        recording=[
            (
                "video",
                {
                    "url": "https://video.eksempel.no/innovasjonsdagen-2021",
                    "title": "Opptak fra Innovasjonsdagen 2021",
                    "caption": "Foredragene og kveldsforedraget.",
                },
            )
        ],
        participants=800,
        participants_at_least=True,
        participants_label="ansatte på det meste",
        report="<p>Over 800 ansatte var med da dagen ble arrangert digitalt.</p>",
    )


def moment(days=0, hours=0):
    return timezone.now() + timedelta(days=days, hours=hours)
