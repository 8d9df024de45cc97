"""Compound words through the search index (core/compounds.py), on SQLite and PostgreSQL.

A search for a word finds the pages where it is part of a compound («veiledning» →
«Prosessveiledning», «rom» → «Møterom»), as ordinary hits, not through the fallback,
and after the pages that have the word itself. The same table runs on both databases:
`bash scripts/with-postgres.sh .venv/bin/pytest tests/search/test_compounds.py`.
"""

import pytest
from django.db import transaction
from modelsearch.backends.database.postgres.weights import determine_boosts_weights, get_boosts
from wagtail.models import Page
from wagtail.search.backends import get_search_backend

from core.compounds import (
    COMPOUND_PARTS_BOOST,
    COMPOUND_PARTS_FIELD,
    parts_of,
    read_vocabulary,
    split,
    vocabulary,
)
from core.models import BasePage
from demo import factories
from search.backends import compound_weights
from tests.search.conftest import result_titles, search

pytestmark = pytest.mark.django_db

# Pages in the demo's words: compounds, and pages with the whole words beside them.
PAGES = [
    ("Prosessveiledning for team", "Vi hjelper team gjennom et prosjekt."),
    ("Veiledningstjeneste", "Fabrikkens tilbud til enhetene."),
    ("Veiledning", "Slik får du hjelp av en rådgiver."),
    ("Møterom på Fabrikken", "Book et lite lokale for workshops."),
    ("Rom og utstyr", "Alle rom har tavle og skjerm."),
    ("Innovasjonsmidler 2026", "Penger til prosjekter som prøver ut nye løsninger."),
    ("Hva er innovasjon?", "Innovasjon er noe nytt som skaper verdi."),
    ("Gevinstkart", "Vis sammenhengen mellom tiltak og gevinster."),
    ("Brukerreise", "Følg brukeren steg for steg gjennom tjenesten."),
    ("Dybdeintervju", "Samtaler med dem som bruker tilbudet."),
    ("Interessentanalyse", "Hvem berøres, og hvem kan påvirke?"),
    ("Prototypeverkstedet", "Lag en enkel modell på en ettermiddag."),
    ("Arbeidsark", "Skriv ut og fyll inn sammen."),
    ("Markedsdialog", "Snakk med leverandørene før anskaffelsen."),
]

# (query, a page whose title contains this is found, a page that ranks above it or None)
TABLE = [
    ("veiledning", "Prosessveiledning", "Veiledning"),
    ("veiledning", "Veiledningstjeneste", "Veiledning"),
    ("rom", "Møterom", "Rom og utstyr"),
    ("innovasjon", "Innovasjonsmidler", "Hva er innovasjon?"),
    ("tjeneste", "Veiledningstjeneste", "Brukerreise"),  # «tjenesten» is the word itself
    ("tjenester", "Veiledningstjeneste", "Brukerreise"),  # inflected query, stem «tjenest»
    ("prosess", "Prosessveiledning", None),
    ("møte", "Møterom", None),
    ("midler", "Innovasjonsmidler", None),
    ("kart", "Gevinstkart", None),
    ("reise", "Brukerreise", None),
    ("intervju", "Dybdeintervju", None),
    ("analyse", "Interessentanalyse", None),
    ("verksted", "Prototypeverkstedet", None),
    ("prototype", "Prototypeverkstedet", None),
    ("ark", "Arbeidsark", None),
    ("dialog", "Markedsdialog", None),
    ("innovasjon prosjekter", "Innovasjonsmidler", None),  # a part AND a word
]


@pytest.fixture(scope="module")
def compound_pages(django_db_setup, django_db_blocker):
    """The pages above, made once for the module and rolled back after it."""
    with django_db_blocker.unblock(), transaction.atomic():
        for number, (title, intro) in enumerate(PAGES):
            factories.make_content_page(title=title, slug=f"side-{number}", intro=intro, body=[])
        yield
        transaction.set_rollback(True)


def _position(titles, wanted):
    return next((n for n, title in enumerate(titles) if wanted in title), None)


@pytest.mark.parametrize(("query", "found", "above"), TABLE, ids=[f"{q}>{f}" for q, f, _a in TABLE])
def test_a_part_finds_the_compound_after_the_word_itself(
    compound_pages, employee_client, query, found, above
):
    _response, html = search(employee_client, q=query)
    titles = result_titles(html)
    assert _position(titles, found) is not None, titles
    assert "Ingen eksakte treff" not in html  # through the index, not the fallback
    if above:
        assert _position(titles, above) < _position(titles, found), titles


def test_the_table_is_long_enough():
    assert len(TABLE) >= 12


def test_a_part_finds_no_compound_it_is_not_a_part_of(compound_pages, employee_client):
    # «markedsdialog» is marked|s|dialog: «ark» in its letters is no part of it.
    _response, html = search(employee_client, q="ark")
    assert _position(result_titles(html), "Markedsdialog") is None


def test_the_part_is_marked_in_the_compound(compound_pages, employee_client):
    _response, html = search(employee_client, q="rom")
    assert "<mark>Møterom</mark> på Fabrikken" in html


def test_suggestions_do_not_complete_parts(compound_pages):
    # The parts are for searching; suggestions complete the words of titles.
    titles = [page.title for page in Page.objects.live().autocomplete("myldr")]
    assert titles == []
    titles = [page.title for page in Page.objects.live().autocomplete("prosessv")]
    assert titles == ["Prosessveiledning for team"]


def test_every_page_type_indexes_its_compound_parts():
    models = [model for model in _subclasses(BasePage) if not model._meta.abstract]
    assert len(models) >= 10
    for model in models:
        names = [getattr(field, "field_name", None) for field in model.get_search_fields()]
        assert COMPOUND_PARTS_FIELD in names, model


def _subclasses(cls):
    for sub in cls.__subclasses__():
        yield sub
        yield from _subclasses(sub)


def test_the_backend_is_ours():
    name = type(get_search_backend()).__name__
    assert name in ("NorwegianSQLiteSearchBackend", "NorwegianPostgresSearchBackend")


# --- PostgreSQL's weights (pure computation: runs on either database) ---------------------


def test_the_parts_have_a_weight_class_of_their_own_below_the_text():
    # Wagtail's mapping of boosts to ts_rank's classes A–D (modelsearch's get_weight).
    pairs = determine_boosts_weights(get_boosts())

    def weight_class(boost):
        return next((weight for least, weight in pairs if boost >= least), pairs[-1][1])

    assert weight_class(COMPOUND_PARTS_BOOST) == "C"
    # C is the parts' alone: every other boost falls in A or B, unboosted text in D.
    assert {weight_class(b) for b in get_boosts() if b != COMPOUND_PARTS_BOOST} <= {"A", "B"}
    # {D, C, B, A}: C goes from twice D (Wagtail's) to a quarter of it.
    assert compound_weights([0.1, 0.2, 0.4, 1.0], "C") == "{0.1,0.025,0.4,1.0}"
    assert compound_weights([0.1, 0.2, 0.4, 1.0], "D") == "{0.1,0.2,0.4,1.0}"


# --- The splitter ----------------------------------------------------------------------------

WORDS = frozenset(
    read_vocabulary(
        "veiledning\nprosess\ntjeneste\nrom\nmøte\ninnovasjon\nmidler\ndag\nidé\nmyldring\n"
        "barn\nhage\nbruker\nreise\nmarked\ndialog\nark\narbeid\nvei\nledning # a comment"
    )
)

SPLITS = [
    ("prosessveiledning", ["prosess", "veiledning"]),
    ("veiledningstjeneste", ["veiledning", "tjeneste"]),  # linking s
    ("barnehage", ["barn", "hage"]),  # linking e
    ("møterom", ["møte", "rom"]),
    ("Møterommet", ["møte", "rom", "rommet"]),  # inflected last part, doubled consonant
    ("innovasjonsdagen", ["innovasjon", "dag", "dagen"]),
    ("innovasjonsmidler", ["innovasjon", "midler"]),
    ("prosessveiledningstjeneste", ["prosess", "veiledning", "tjeneste"]),
    ("idémyldring", ["idé", "myldring"]),  # accents kept as written
    ("idemyldring", ["ide", "myldring"]),  # …and found without them
    ("brukerreisen", ["bruker", "reise", "reisen"]),
    ("markedsdialog", ["marked", "dialog"]),
    ("arbeidsark", ["arbeid", "ark"]),
    ("veiledning", []),  # a listed word is never split (vei|ledning)
    ("veiledningen", []),  # …nor its inflections
    ("tjenesten", []),
    ("roman", []),  # «rom» + «an»: no part
    ("romtjeneste", ["rom", "tjeneste"]),
    ("rom", []),  # too short to be a compound
    ("tidlig", []),  # unknown parts
    ("moterom", []),  # ø is a letter of its own, not a folded o
]


@pytest.mark.parametrize(("word", "expected"), SPLITS, ids=[w for w, _e in SPLITS])
def test_split(word, expected):
    assert split(word, WORDS) == expected


def test_parts_of_a_text_each_once():
    text = "Møterom og grupperom; prosessveiledning, Prosessveiledning og veiledning."
    assert parts_of(text, WORDS) == "møte rom prosess veiledning"


def test_the_project_extends_the_vocabulary(settings):
    assert split("kaffemaskin") == []
    settings.SEARCH_COMPOUND_PARTS = ["kaffe", "maskin"]
    assert "kaffe" in vocabulary()
    assert split("kaffemaskin") == ["kaffe", "maskin"]


def test_the_curated_vocabulary_has_only_real_parts():
    words = vocabulary()
    assert {"veiledning", "tjeneste", "rom", "innovasjon", "midler"} <= words
    assert all(len(word) >= 3 for word in words)
    # Compounds of listed parts are not listed themselves: they would never be split.
    assert [word for word in words if split(word, words - {word})] == []
