"""Norwegian text for bulk pages, mixed from vocabulary the project already has.

Subjects, places and sentences come from the search benchmark; method steps,
tags, key figures, quotes, units, form questions and programmes come from the
demo content, so thousands of pages read like the section without a second
copy of any list. Every function takes the caller's `random.Random`, so a seed
gives the same pages again.
"""

import datetime
from functools import cache

from demo.loaders import cases as case_demo
from demo.loaders import events as event_demo
from demo.loaders import funding as funding_demo
from demo.loaders import methods as method_demo
from demo.management.commands.benchmark_search import PLACES, SENTENCES, SUBJECTS

METHOD_TITLES = [
    "{Subject} i {place}",
    "Rask {subject}",
    "{Subject} steg for steg",
    "{Subject} på en halv dag",
    "{Subject} sammen med innbyggerne",
]
CASE_TITLES = [
    "{Subject} i {place}",
    "Forsøk med {subject} i {place}",
    "Fra idé til drift: {subject} i {place}",
    "Nye arbeidsmåter i {place}",
]
CALL_TITLES = [
    "Midler til {subject} {year}",
    "Støtte til {subject} i {place}",
    "Prøv det! {Subject} {year}",
]
EVENT_TITLES = [
    "Frokostmøte om {subject}",
    "Kurs: {subject} for nybegynnere",
    "Verksted: {subject} i praksis",
    "Erfaringsdeling fra {place}",
]
ARTICLE_TITLES = [
    "Erfaringer med {subject} fra {place}",
    "Slik jobber {place} med {subject}",
    "Veileder: {subject}",
    "Spørsmål og svar om {subject}",
]
HEADINGS = [
    "Bakgrunn",
    "Hva vi gjorde",
    "Dette lærte vi",
    "Slik kommer du i gang",
    "Hvem kan hjelpe?",
    "Veien videre",
]
EVENT_PLACES = ["Fabrikken, Sandvigå 7", "Kulturhuset, sal 2", "Rådhuset, bystyresalen"]
ONLINE_PLACES = ["Teams", "Teams og Facebook", "Digitalt"]


def words(rng, **extra):
    """A subject and a place for one page, to use in its title and its summary."""
    subject, place = rng.choice(SUBJECTS), rng.choice(PLACES)
    return {
        "subject": subject,
        "Subject": subject[:1].upper() + subject[1:],
        "place": place,
        **extra,
    }


def title(rng, patterns, words):
    return rng.choice(patterns).format(**words)


def sentences(rng, count):
    return " ".join(rng.sample(SENTENCES, count))


def html(rng, paragraphs=1, per_paragraph=3):
    return "".join(f"<p>{sentences(rng, per_paragraph)}</p>" for _ in range(paragraphs))


def bullet_list(rng, count=3):
    return "<ul>" + "".join(f"<li>{line}</li>" for line in rng.sample(SENTENCES, count)) + "</ul>"


def published(rng, today, days_back=3 * 365):
    """First and last publication: within `days_back` days, the last on or after the first."""
    first = rng.randint(1, days_back)
    last = rng.randint(0, first)
    moment = datetime.datetime.combine(today, datetime.time(12), tzinfo=datetime.UTC)
    return moment - datetime.timedelta(days=first), moment - datetime.timedelta(days=last)


# --- Blocks ---------------------------------------------------------------------------


def heading(text):
    return ("heading", {"text": text, "level": "h2", "anchor": ""})


def paragraph(rng, count=3):
    return ("paragraph", f"<p>{sentences(rng, count)}</p>")


def info_box(rng):
    variant = rng.choice(["info", "warning", "success"])
    return ("info_box", {"variant": variant, "heading": "", "text": html(rng, 1, 2)})


def key_figures(rng):
    figures = rng.sample(_figure_pool(), rng.randint(2, 3))
    note = "Tallene er generert testinnhold."
    return ("key_figures", {"heading": "", "figures": figures, "note": note})


def quote(rng):
    return ("quote", dict(rng.choice(_quote_pool())))


def article_body(rng):
    """A content page: headed sections of text, with an info box and key figures."""
    body = [paragraph(rng, 4)]
    for section in rng.sample(HEADINGS, rng.randint(2, 3)):
        body += [heading(section), paragraph(rng, 3)]
        if rng.random() < 0.4:
            body.append(rng.choice([info_box, key_figures, quote])(rng))
    return body


def funding_body(rng):
    return [heading("Slik søker du"), paragraph(rng, 3), info_box(rng)]


def case_results(rng):
    results = [key_figures(rng), paragraph(rng, 2)]
    if rng.random() < 0.5:
        results.append(quote(rng))
    return results


def method_steps(rng):
    steps = rng.sample(_step_pool(), rng.randint(3, 6))
    if rng.random() < 0.2:
        return [
            ("stage", {"title": "Før verkstedet"}),
            *steps[:2],
            ("stage", {"title": "I verkstedet"}),
            *steps[2:],
        ]
    return steps


def programme(rng):
    """A whole programme from one of the demo events (times, talks, workshops, breaks)."""
    return list(rng.choice(_programme_pool()))


def form_fields(rng):
    """The questions of one of the demo calls that still use the form builder:
    (label, field type, required, choices, help)."""
    return rng.choice(_form_pool())


# --- Vocabulary from the demo content ------------------------------------------------


@cache
def method_tags():
    return sorted({tag for spec in method_demo.METHODS for tag in spec["tags"]})


@cache
def case_tags():
    return sorted({tag for spec in case_demo.CASES for tag in spec["tags"]})


@cache
def case_units():
    return sorted({spec["unit"] for spec in case_demo.CASES})


@cache
def materials():
    return sorted({item for spec in method_demo.METHODS for item in spec["materials"]})


@cache
def _step_pool():
    return [
        ("step", method_demo._step(*step))
        for spec in method_demo.METHODS
        for step in spec["steps"]
        if not isinstance(step, str)
    ]


def _result_blocks(kind):
    return [value for spec in case_demo.CASES for name, value in spec["results"] if name == kind]


@cache
def _figure_pool():
    return [figure for block in _result_blocks("key_figures") for figure in block["figures"]]


@cache
def _quote_pool():
    return _result_blocks("quote")


@cache
def _programme_pool():
    today = datetime.date.today()
    return [event_demo.DAY_2020["programme"], event_demo.DAY_2021["programme"]] + [
        event_demo.course(today)["programme"]
    ]


@cache
def _form_pool():
    calls = (funding_demo.INNOVATION_FUNDS, funding_demo.TRY_IT, funding_demo.CO_FUNDING)
    return [call["fields"] for call in calls if call["fields"]]
