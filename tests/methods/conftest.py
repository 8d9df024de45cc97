"""Fixtures and helpers the methods tests share."""

import pytest

from demo import factories


@pytest.fixture
def index(home):
    factories.make_phases()
    return factories.make_method_index()


@pytest.fixture
def toolkit(index):
    """Five methods with known phases, topics, time and difficulty."""
    specs = [
        ("Brukerreise", ["forsta", "skape"], ["brukerinnsikt", "samarbeid"], "halv-dag", "middels"),
        ("Dybdeintervju", ["forsta"], ["brukerinnsikt"], "flere-dager", "middels"),
        ("Crazy 8s", ["skape"], ["idéutvikling"], "inntil-1-time", "lett"),
        ("Brukertesting", ["teste"], ["brukerinnsikt", "testing"], "hel-dag", "middels"),
        ("Retrospektiv", ["gjennomgaende"], ["samarbeid"], "inntil-1-time", "lett"),
    ]
    return {
        title: factories.make_method(
            index,
            title=title,
            phases=phases,
            tags=tags,
            duration=duration,
            difficulty=difficulty,
            revision=False,
        )
        for title, phases, tags, duration, difficulty in specs
    }
