"""English that is whole: with English chosen, no Norwegian interface string shows.

The msgids are English, so English is the catalogue's fallback; what can still
come out Norwegian is a string that bypasses the catalogue (hard-coded in a
template or in code) or a date formatted the Norwegian way. The crawl signs in
as the demo's employee, switches to English the way the footer's button does
(POST /i18n/setlang/) and reads every page type the section has, the
section's own views and the error page. It fails on any Norwegian *interface*
string: a msgstr from the project's nb catalogue that is specific enough to
mean something (two words or more, or one long word). Content stays Norwegian:
it is marked lang="nb" (page bodies, titles, editors' labels) and left out.
"""

import datetime
import gettext
import re
from functools import cache

import pytest
from django.conf import settings
from django.template import engines
from django.utils import timezone, translation
from wagtail.models import Page, Site

from cases.models import CasePage
from core.formats import (
    at,
    format_date,
    format_datetime,
    format_day_range,
    format_nok,
    format_when,
    month_short,
    short_day,
)
from fabrikken.models import FabrikkenPage, GuidanceRequest, RoomBooking
from funding.models import FundingApplication, FundingCallPage
from methods.models import MethodPage, Phase
from tests.helpers import DEMO_PASSWORD, collapse, soup

pytestmark = pytest.mark.django_db

# Placeholders and tags split a msgstr into the pieces a page can show verbatim.
_PLACEHOLDER = re.compile(r"%\(\w+\)[sdif]|%[sdif]|\{\{?\s*\w+\s*\}?\}|<[^>]+>")
# The attributes a reader hears or sees besides the text.
_READ_ATTRIBUTES = ("aria-label", "title", "placeholder")
# E-mail addresses and host names: «innovasjon@eksempel.no», «video.eksempel.no».
_ADDRESS = re.compile(r"(?:[\w.+-]+@)?[\w-]+(?:\.[\w-]+)*\.(?:no|com|org|net)\b")
_QUOTED = re.compile(r"«[^«»]*»")
# Content is marked with its language; the interface is what is left.
_CONTENT = re.compile(r"^(nb|nn|no)\b")


@cache
def norwegian_interface_strings():
    """The catalogue's Norwegian pieces that cannot be English: each differs from every
    English msgid and is specific (two words or more, or eight letters or more)."""
    path = settings.LOCALE_PATHS[0] / "nb" / "LC_MESSAGES" / "django.mo"
    with open(path, "rb") as mo:
        catalogue = gettext.GNUTranslations(mo)._catalog
    english, norwegian = set(), set()
    for key, msgstr in catalogue.items():
        msgid = key[0] if isinstance(key, tuple) else key
        msgid = msgid.split("\x04")[-1]  # the context, if any, comes first
        if not msgid:
            continue  # the header
        english.update(_pieces(msgid))
        if msgstr != msgid:
            norwegian.update(_pieces(msgstr))
    return sorted(
        piece
        for piece in norwegian - english
        if (len(piece.split()) >= 2 or len(piece) >= 8) and re.search(r"[^\W\d_]{3}", piece)
    )


def _pieces(text):
    for piece in _PLACEHOLDER.split(text):
        piece = collapse(piece.replace("\xa0", " ")).strip(" .,:;–-«»()·…")
        if piece:
            yield piece


def interface_text(html):
    """What the page says outside its content: text and read attributes, without
    elements marked lang="nb" (and without scripts, styles and templates).

    The `<title>` cannot mark its parts, so the content it repeats (the page's title,
    marked on the page's `<h1>`) is taken out of it; so are e-mail addresses
    («innovasjon@eksempel.no» is no word of the interface) and names quoted in
    guillemets: an error message quotes the editor's label it is about («Fill in
    «Prosjekttittel».»), inside a plain-text message that cannot mark it.
    """
    document = soup(html)
    for hidden in document(["script", "style", "template"]):
        hidden.decompose()
    content = [element for element in document.find_all(lang=_CONTENT) if element.name != "html"]
    content_texts = {collapse(element.get_text(" ")) for element in content}
    for element in content:
        element.decompose()
    title = document.title.extract().get_text(" ") if document.title else ""
    for text in sorted(content_texts, key=len, reverse=True):
        if text:
            title = title.replace(text, " ")
    said = [title, document.get_text(" ")]
    for element in document.find_all(True):
        said += [element[name] for name in _READ_ATTRIBUTES if element.has_attr(name)]
    text = _QUOTED.sub("« »", " ".join(said).replace("\xa0", " "))
    return collapse(_ADDRESS.sub(" ", text))


def norwegian_in(html):
    text = interface_text(html)
    return [
        piece
        for piece in norwegian_interface_strings()
        if re.search(rf"(?<!\w){re.escape(piece)}(?!\w)", text)
    ]


# --- The crawl ------------------------------------------------------------------------------------


@pytest.fixture
def english(demo, client):
    """The demo's employee, signed in, with English chosen in the footer."""
    assert client.login(username="ansatt", password=DEMO_PASSWORD)
    response = client.post("/i18n/setlang/", {"language": "en", "next": "/"})
    assert response.status_code == 302
    yield client
    translation.activate(settings.LANGUAGE_CODE)


def crawl_paths():
    """Every live page (each page type of the section), the filtered listings, the
    section's own views with the employee's items in them, searches and a 404."""
    root = Site.objects.get(is_default_site=True).root_page
    paths = [page.url for page in Page.objects.live().descendant_of(root, inclusive=True)]
    fabrikken = FabrikkenPage.objects.live().get()
    booking = RoomBooking.objects.filter(
        booked_by__username="ansatt", start__gt=timezone.now(), cancelled_at=None
    ).first()
    guidance = GuidanceRequest.objects.filter(requester__username="ansatt").first()
    application = FundingApplication.objects.filter(applicant__username="ansatt").first()
    call = application.page.specific
    phase = Phase.objects.filter(number=2).get()
    topic = MethodPage.objects.live().filter(phases=phase).first().tags.first()
    case = CasePage.objects.live().exclude(sector=None).first()
    paths += [
        f"/metoder/?fase={phase.slug}&tema={topic.slug}",
        f"/eksempler/?status=ongoing&sektor={case.sector.slug}",
        "/arrangementer/?side=2",
        fabrikken.route_url("booking"),
        fabrikken.route_url("confirm_booking"),
        fabrikken.route_url("guidance"),
        fabrikken.route_url("my_requests"),
        fabrikken.route_url("request_detail", guidance.pk),
        fabrikken.route_url("my_bookings"),
        fabrikken.route_url("booking_detail", booking.pk),
        fabrikken.route_url("cancel_booking", booking.pk),
        call.my_applications_url(),
        call.receipt_url(application),
        "/mine-saker/",
        "/sok/?q=brukerreise",
        "/sok/?q=book+rom",
        "/sok/?q=xyzzyx",
        "/sok/",
    ]
    return paths


# A date or amount written the Norwegian way: «6. December 2026», «kl. 10.00», «kr 250 000».
_NORWEGIAN_FORMAT = re.compile(
    r"\b\d{1,2}\.\s(?:January|February|March|April|May|June|July|August|September"
    r"|October|November|December)\b|\bkl\.\s|\bkr\s\d"
)


def assert_english(response, where):
    """The page is in English with the notice; returns the Norwegian it still says."""
    html = response.content.decode()
    assert '<html lang="en">' in html, where
    assert "The interface is in English; the content is in Norwegian." in html, where
    text = interface_text(html)
    return norwegian_in(html) + _NORWEGIAN_FORMAT.findall(text)


def test_the_catalogue_yields_specific_norwegian_strings():
    strings = norwegian_interface_strings()
    assert len(strings) > 300
    assert "Send søknad" in strings
    assert "Søk i Innovasjon" in strings
    assert "Fabrikken" not in strings  # the same in both languages


def test_the_interface_text_leaves_out_content_marked_norwegian():
    html = (
        "<html lang=en><head><title>Om oss – Innovasjon</title></head><body>"
        '<h1 lang="nb">Om oss</h1><p lang="nb">Send søknad</p><p>Send application</p>'
        '<button aria-label="Lukk meny">Send søknad</button> innovasjon@eksempel.no'
        "<p>Fill in «Beskrivelse av behovet».</p></body></html>"
    )
    assert interface_text(html) == (
        "– Innovasjon Send application Send søknad Fill in « ». Lukk meny"
    )
    assert norwegian_in(html) == ["Lukk meny", "Send søknad"]


def test_every_page_in_english_says_nothing_norwegian_outside_its_content(english):
    found = {}
    for path in crawl_paths():
        response = english.get(path)
        assert response.status_code == 200, (path, response.status_code)
        found[path] = assert_english(response, path)

    missing = english.get("/finnes-ikke/")
    assert missing.status_code == 404
    found["404"] = assert_english(missing, "404")

    draft = open_draft(english)
    errors = english.post(draft, {"amount": "mange", "action": "save"})
    assert 'class="error-summary"' in errors.content.decode()
    found["the funding application with errors"] = assert_english(errors, "funding errors")
    checked = english.post(draft, {"action": "check"}, follow=True)
    found["check the answers"] = assert_english(checked, "check the answers")

    page = Page.objects.get(url_path="/home/hva-er-innovasjon/")
    answered = english.post(f"/tilbakemelding/{page.pk}/", {"answer": "nei"}, follow=True)
    found["feedback, thanks"] = assert_english(answered, "feedback")
    commented = english.post(f"/tilbakemelding/{page.pk}/takk/", {"comment": "Fint"}, follow=True)
    found["feedback, comment"] = assert_english(commented, "comment")

    found = {where: hits for where, hits in found.items() if hits}
    report = "\n".join(f"{where}: {hits}" for where, hits in found.items())
    assert not found, f"Norwegian interface strings in English:\n{report}"


# --- The pieces -----------------------------------------------------------------------------------


def test_dates_and_amounts_in_english_order():
    day = datetime.date(2026, 12, 6)
    start = at(day, datetime.time(10))
    with translation.override("en"):
        assert format_date(day) == "6 December 2026"
        assert format_date(day, weekday=True, year=False) == "Sunday 6 December"
        assert format_datetime(start) == "6 December 2026 at\xa010.00"
        assert format_when(start, at(day, datetime.time(11, 30))) == (
            "Sunday 6 December 2026 at 10.00–11.30"
        )
        assert format_day_range(day, day + datetime.timedelta(days=4)) == "6–10 December 2026"
        assert format_nok(250_000) == "NOK\xa0250\xa0000"
        assert short_day(day) == "Sun 6 Dec"
        assert month_short(day) == "Dec"
    with translation.override("nb"):
        assert format_date(day) == "6. desember 2026"
        assert format_datetime(start) == "6. desember 2026 kl.\xa010.00"
        assert format_day_range(day, day + datetime.timedelta(days=4)) == "6.–10. desember 2026"
        assert format_nok(250_000) == "kr\xa0250\xa0000"
        assert short_day(day) == "søn 6.12."


def test_content_is_marked_only_when_the_interface_is_not_norwegian():
    template = engines["django"].from_string(
        "{% load core_tags %}<h1{% content_lang %}>{{ title }}</h1> {{ name|as_content }}"
    )
    context = {"title": "Om oss", "name": "Forstå <behovet>"}
    with translation.override("nb"):
        assert template.render(context) == "<h1>Om oss</h1> Forstå &lt;behovet&gt;"
    with translation.override("en"):
        assert template.render(context) == (
            '<h1 lang="nb">Om oss</h1> <span lang="nb">Forstå &lt;behovet&gt;</span>'
        )


def test_a_norwegian_page_has_no_notice_and_no_extra_lang(demo, client):
    assert client.login(username="ansatt", password=DEMO_PASSWORD)
    html = client.get("/hva-er-innovasjon/").content.decode()
    assert '<html lang="nb">' in html
    assert "<h1>Hva er innovasjon?</h1>" in html
    assert "language-notice" not in html
    # The footer's «Norsk bokmål» switch is the one element that names its language.
    assert html.count('lang="nb"') == 1


def open_draft(client):
    """A new structured application to the open call: the draft form's address."""
    call = next(call for call in FundingCallPage.objects.live().specific() if call.state.is_open)
    return client.post(call.url + call.reverse_subpage("application_start"))["Location"]


def test_an_editors_form_marks_its_labels_and_a_code_form_does_not(english):
    form = soup(english.get(open_draft(english))).select_one("form.application-form")
    labels = form.select("label")
    marked = [label for label in labels if label.find(lang="nb")]
    # The call's criteria are the editors' words; the rest of the form is the interface's.
    assert len(marked) == 4, "a call's criteria are content"
    assert form.find("label", string="Project title") and "Prosjekttittel" not in form.get_text()
    guidance = FabrikkenPage.objects.live().get().route_url("guidance")
    form = soup(english.get(guidance)).select_one("main form")
    assert form.select("label") and not form.find(lang="nb")


def test_phase_names_in_search_badges_and_ways_in_are_content(english):
    html = english.get("/sok/", {"q": "brukerreise"}).content.decode()
    assert 'Phase 2 · <span lang="nb">Forstå behovet</span>' in html
    html = english.get("/sok/").content.decode()
    assert '<span lang="nb">Forstå behovet</span>' in html
