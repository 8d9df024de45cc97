"""Fixtures and helpers the cases tests share."""

import datetime

import pytest
from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file

from cases.models import (
    CaseStatus,
)
from demo import factories
from demo.loaders.cases import SECTORS


@pytest.fixture
def index(home):
    return factories.make_case_index()


@pytest.fixture
def sectors(db):
    return {slug: factories.make_sector(slug, name) for slug, name in SECTORS}


@pytest.fixture
def methods(home):
    factories.make_phases()
    method_index = factories.make_method_index()
    return {
        slug: factories.make_method(method_index, title=title, slug=slug, revision=False)
        for slug, title in [
            ("brukerreise", "Brukerreise"),
            ("pdsa", "PDSA – modell for forbedring"),
            ("personas", "Personas"),
        ]
    }


@pytest.fixture
def photo(db):
    return get_image_model().objects.create(
        title="Illustrasjon", file=get_test_image_file(size=(1600, 900))
    )


@pytest.fixture
def portfolio(index, sectors, methods):
    """Five live cases with known status, service area, topics, methods and start."""
    specs = [
        # title, status, sector, tags, methods, start
        (
            "Trygg hjemme",
            "pagaende",
            "helse-og-velferd",
            ["velferdsteknologi", "brukerinnsikt"],
            ["brukerreise"],
            datetime.date(2021, 9, 1),
        ),
        (
            "Nattro",
            "avsluttet",
            "helse-og-velferd",
            ["velferdsteknologi"],
            ["pdsa"],
            datetime.date(2020, 8, 1),
        ),
        (
            "Velkommen til skolen",
            "avsluttet",
            "oppvekst-og-utdanning",
            ["brukerinnsikt", "inkludering"],
            ["personas", "brukerreise"],
            datetime.date(2021, 1, 4),
        ),
        (
            "Utslippsfri anleggsplass",
            "pagaende",
            "bymiljo-og-utbygging",
            ["klima"],
            [],
            datetime.date(2021, 5, 1),
        ),
        (
            "Ny møteplass for ungdom",
            "planlagt",
            "innbygger-og-samfunnskontakt",
            ["barn og unge"],
            ["personas"],
            datetime.date(2022, 1, 10),
        ),
    ]
    cases = {}
    for title, status, sector, tags, used, start in specs:
        end = datetime.date(start.year + 1, 6, 30) if status == "avsluttet" else None
        cases[title] = factories.make_case(
            index,
            title=title,
            status=status,
            sector=sectors[sector],
            tags=tags,
            methods=[methods[slug] for slug in used],
            start_date=start,
            end_date=end,
            is_demo=title == "Nattro",
            revision=False,
        )
    return cases


def build_cases(index, sectors, methods, count, images=(), offset=0):
    """`count` live cases without revisions: statuses, service areas and methods in turn."""
    statuses = list(CaseStatus.values)
    slugs = list(sectors)
    used = list(methods.values())
    for number in range(offset, offset + count):
        status = statuses[number % 3]
        factories.make_case(
            index,
            title=f"Eksempel {number:03d}",
            slug=f"eksempel-{number:03d}",
            status=status,
            end_date=datetime.date(2023, 6, 1) if status == "avsluttet" else None,
            sector=sectors[slugs[number % len(slugs)]],
            start_date=datetime.date(2020, 1, 1) + datetime.timedelta(days=number),
            tags=["brukerinnsikt", f"tema-{number % 5}"],
            methods=[used[number % len(used)], used[(number + 1) % len(used)]],
            hero_image=images[number % len(images)] if images else None,
            hero_image_alt="Illustrasjon: sirkler i blått." if images else "",
            revision=False,
        )
