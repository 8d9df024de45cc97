"""Demo content for events: «Arrangementer» with two past and two coming events.

Facts come from ../shared/content-brief.md §1.1 (the municipality's annual
reports): the first Innovasjonsdagen was held on 26 November 2020 with over
500 participants, and many watched the recordings later; Innovasjonsdagen
2021, «Tenke det, tørre det, gjøre det», was held digitally with talks and a
workshop, an evening talk streamed for employees and residents, a little over
800 employees at the peak, and a recording to watch afterwards.

What the sources do not say is invented, and every event says so: each page
carries the «Demo-innhold» badge and a note naming what is invented. No exact
date for 2021 was found, so the page stores a plausible one (the Thursday of
the same week as in 2020) and its note says «Datoen er ikke bekreftet». The
times, programmes and links (on eksempel.no) are examples; speakers are roles,
never names. The two coming events, Innovasjonsdagen and the course
«Innovasjon på 1-2-3» at Fabrikken (content brief §6.2), are dated from the
day the loader first runs, so the site always shows every state.

Related methods and cases are looked up by slug (their apps load first).
Everything is looked up by slug before it is created: a second run changes nothing.
"""

import datetime

from django.utils import timezone

from cases.models import CasePage
from events.models import (
    Audience,
    EventFormat,
    EventIndexPage,
    EventPage,
    EventPageRelatedCase,
    EventPageRelatedMethod,
)
from home.models import HomePage, Person
from methods.models import MethodPage

INDEX_SLUG = "arrangementer"
CONTACT_NAME = "Innovasjonsrådgiver (demo)"
TUESDAY, THURSDAY = 1, 3


def load(stdout=None):
    home = HomePage.objects.get()
    index_page = _index_page(home)
    contact = _contact()
    today = timezone.localdate()
    for spec in (DAY_2020, DAY_2021, course(today), next_day(today)):
        _event(index_page, spec, contact)


def at(day, hour, minute=0):
    """A moment on `day` in Norwegian time."""
    naive = datetime.datetime.combine(day, datetime.time(hour, minute))
    return timezone.make_aware(naive, timezone.get_default_timezone())


def weekday_from(day, weekday):
    """The first `weekday` (0 = Monday) on or after `day`."""
    return day + datetime.timedelta(days=(weekday - day.weekday()) % 7)


def working_weekday_from(day, weekday):
    """The first `weekday` on or after `day` outside Christmas and the July holidays."""
    if (day.month == 12 and day.day >= 15) or (day.month == 1 and day.day < 8):
        day = datetime.date(day.year + (day.month == 12), 1, 8)
    elif day.month == 7:
        day = datetime.date(day.year, 8, 10)
    return weekday_from(day, weekday)


def _index_page(home):
    existing = EventIndexPage.objects.child_of(home).filter(slug=INDEX_SLUG).first()
    if existing is not None:
        return existing
    page = EventIndexPage(
        title="Arrangementer",
        slug=INDEX_SLUG,
        intro=(
            "Innovasjonsdagen og andre arrangementer om innovasjon for ansatte i Stavanger "
            "kommune. Se hva som kommer, meld deg på, og se opptak fra tidligere år."
        ),
        body=[
            ("heading", {"text": "Vil du lage et arrangement?", "level": "h2", "anchor": ""}),
            (
                "paragraph",
                "<p>Har enheten din noe å vise fram, eller vil dere lære bort en metode? "
                "Ta kontakt med innovasjonsavdelingen, så hjelper vi med program, rom og "
                "sending.</p>",
            ),
        ],
        search_description="Innovasjonsdagen og andre arrangementer om innovasjon i Stavanger kommune.",
        show_in_menus=True,
    )
    home.add_child(instance=page)
    page.save_revision().publish()
    return page


def _contact():
    person, _created = Person.objects.get_or_create(
        name=CONTACT_NAME,
        defaults={
            "role": "Rådgiver for innovasjon og forbedring",
            "unit": "Innovasjon og digitalisering",
            "email": "innovasjon@eksempel.no",
        },
    )
    return person


def _event(index_page, spec, contact):
    existing = EventPage.objects.child_of(index_page).filter(slug=spec["slug"]).first()
    if existing is not None:
        return existing
    spec = dict(spec)
    related = spec.pop("related", [])
    cases = spec.pop("cases", [])
    page = EventPage(
        contact_person=contact,
        is_demo=True,
        search_description=spec["summary"],
        **spec,
    )
    methods = {method.slug: method for method in MethodPage.objects.live().filter(slug__in=related)}
    for position, slug in enumerate(related):
        if slug in methods:
            page.related_methods.add(
                EventPageRelatedMethod(method=methods[slug], sort_order=position)
            )
    found = {case.slug: case for case in CasePage.objects.live().filter(slug__in=cases)}
    for position, slug in enumerate(cases):
        if slug in found:
            page.related_cases.add(EventPageRelatedCase(case=found[slug], sort_order=position))
    index_page.add_child(instance=page)
    page.save_revision().publish()
    return page


# --- Programme helpers ---------------------------------------------------------------


def talk(start, end, title, speaker="", description="", streamed=False):
    return (
        "agenda_item",
        {
            "start_time": start,
            "end_time": end,
            "title": title,
            "speaker": speaker,
            "description": description,
            "is_streamed": streamed,
        },
    )


def workshop(start, end, title, facilitator, description, materials="", places=None):
    return (
        "workshop",
        {
            "start_time": start,
            "end_time": end,
            "title": title,
            "facilitator": facilitator,
            "description": description,
            "materials": materials,
            "places": places,
        },
    )


def pause(start, end, title="Pause"):
    return ("pause", {"start_time": start, "end_time": end, "title": title})


def recording(url, title, caption=""):
    return [("video", {"url": url, "title": title, "caption": caption})]


def t(hour, minute=0):
    return datetime.time(hour, minute)


# --- The events ------------------------------------------------------------------------

DAY_2020 = {
    "slug": "innovasjonsdagen-2020",
    "title": "Innovasjonsdagen 2020",
    "tagline": "",
    "summary": (
        "Den første innovasjonsdagen i Stavanger kommune samlet over 500 ansatte, og mange "
        "så opptakene i etterkant."
    ),
    "start": at(datetime.date(2020, 11, 26), 9),
    "end": at(datetime.date(2020, 11, 26), 14),
    "event_format": EventFormat.DIGITAL,
    "place": "Digitalt",
    "audience": Audience.EMPLOYEES,
    "programme": [
        talk(t(9), t(9, 15), "Velkommen til den første innovasjonsdagen", "Kommunedirektøren"),
        talk(
            t(9, 15),
            t(10),
            "Hva er innovasjon i en kommune?",
            "Leder for innovasjon og digitalisering",
            "<p>Om nye løsninger som skaper verdi for innbyggerne, og hvorfor alle ansatte "
            "kan bidra.</p>",
        ),
        pause(t(10), t(10, 15)),
        talk(
            t(10, 15),
            t(11, 30),
            "Eksempler fra tjenestene",
            "Ansatte fra tre tjenesteområder",
            "<p>Korte innlegg om forbedringer som startet med en idé fra en ansatt.</p>",
        ),
        talk(
            t(13, 30),
            t(14),
            "Oppsummering og veien videre",
            "Leder for innovasjon og digitalisering",
        ),
    ],
    "stream_url": "https://video.eksempel.no/innovasjonsdagen-2020/direkte",
    "recording": recording(
        "https://video.eksempel.no/innovasjonsdagen-2020",
        "Opptak fra Innovasjonsdagen 2020",
        "Foredragene fra dagen, til å se når det passer deg.",
    ),
    "participants": 500,
    "participants_at_least": True,
    "participants_label": "deltakere",
    "report": (
        "<p>Over 500 var med da Stavanger kommune arrangerte sin første innovasjonsdag, "
        "26. november 2020. Mange så opptakene senere.</p>"
        "<p>Innovasjonsdagen er ett av flere tiltak for å bygge en sterk og systematisk "
        "innovasjonskultur i kommunen.</p>"
    ),
    "demo_note": (
        "Datoen og deltakertallet er fra kommunens årsrapport for 2020. Tidspunktene, "
        "programmet og lenkene er eksempler."
    ),
    "related": ["hvordan-kan-vi", "idemyldring"],
}

DAY_2021 = {
    "slug": "innovasjonsdagen-2021",
    "title": "Innovasjonsdagen 2021",
    "tagline": "Tenke det, tørre det, gjøre det",
    "summary": (
        "En digital innovasjonsdag for alle ansatte, med foredrag, workshop og et "
        "kveldsforedrag som også innbyggerne kunne følge."
    ),
    # Not confirmed: no source gives the 2021 date. The note below says so on the page.
    "start": at(datetime.date(2021, 11, 25), 9),
    "end": at(datetime.date(2021, 11, 25), 20),
    "event_format": EventFormat.DIGITAL,
    "place": "Digitalt, kveldsforedraget også på Facebook",
    "audience": Audience.EVERYONE,
    "programme": [
        talk(t(9), t(9, 15), "Velkommen", "Kommunedirektøren"),
        talk(
            t(9, 15),
            t(10),
            "Tenke det: hvorfor vi trenger nye idéer",
            "Leder for innovasjon og digitalisering",
            "<p>Om hvorfor kommunen må finne nye måter å løse oppgavene på, og hva innovasjon "
            "betyr i hverdagen på en arbeidsplass.</p>",
        ),
        talk(
            t(10),
            t(10, 45),
            "Tørre det: å teste før vi vet svaret",
            "Tjenestedesigner, Helse og velferd",
            "<p>Hvordan en liten test med brukerne sparte en tjeneste for en dyr feil, og hva "
            "det krevde av lederne.</p>",
        ),
        pause(t(10, 45), t(11)),
        workshop(
            t(11),
            t(12, 30),
            "Gjøre det: fra idé til første test",
            "Veiledere fra innovasjonsavdelingen",
            "<p>I små grupper på Teams velger dere én idé fra egen arbeidsplass, formulerer den "
            "som et «hvordan kan vi»-spørsmål og planlegger en enkel test dere kan gjøre neste "
            "uke.</p>",
            materials="Penn, papir og kamera på",
        ),
        talk(t(12, 30), t(12, 45), "Oppsummering", "Leder for innovasjon og digitalisering"),
        talk(
            t(19),
            t(20),
            "Kveldsforedrag: innovasjon for og med innbyggerne",
            "Gjesteforeleser",
            "<p>Kveldsforedraget ble sendt direkte for både ansatte og innbyggere i Stavanger.</p>",
            streamed=True,
        ),
    ],
    "stream_url": "https://video.eksempel.no/innovasjonsdagen-2021/direkte",
    "recording": recording(
        "https://video.eksempel.no/innovasjonsdagen-2021",
        "Opptak fra Innovasjonsdagen 2021",
        "Foredragene og kveldsforedraget.",
    ),
    "participants": 800,
    "participants_at_least": True,
    "participants_label": "ansatte på det meste",
    "report": (
        "<p>Over 800 ansatte var med da Innovasjonsdagen 2021 ble arrangert digitalt. Dagen "
        "hadde foredrag og en workshop, og kveldsforedraget ble strømmet for både ansatte og "
        "innbyggere.</p>"
        "<p>Opptaket ligger øverst på siden, så du kan se foredragene når det passer deg.</p>"
    ),
    "demo_note": (
        "Datoen er ikke bekreftet. Tema, format og deltakertall er fra kommunens årsrapport "
        "for 2021; tidspunktene, programmet og lenkene er eksempler."
    ),
    "related": ["hvordan-kan-vi", "idemyldring", "prototyping"],
    "cases": ["trygg-hjemme"],
}


def next_day(today):
    """The next Innovasjonsdagen: a Thursday at least three weeks ahead, hybrid at Sandvigå 7."""
    day = working_weekday_from(today + datetime.timedelta(days=21), THURSDAY)
    return {
        "slug": f"innovasjonsdagen-{day.year}",
        "title": f"Innovasjonsdagen {day.year}",
        "tagline": "Fra idé til hverdag",
        "summary": (
            "Årets innovasjonsdag for alle ansatte: foredrag om å ta nye løsninger i bruk, og "
            "workshop på Fabrikken for dem som vil prøve selv."
        ),
        "start": at(day, 9),
        "end": at(day, 15),
        "event_format": EventFormat.HYBRID,
        "place": "Fabrikken, Sandvigå 7",
        "audience": Audience.EMPLOYEES,
        "programme": [
            talk(t(9), t(9, 15), "Velkommen", "Kommunedirektøren"),
            talk(
                t(9, 15),
                t(10),
                "Fra pilot til drift: når det nye skal bli vanlig",
                "Leder for innovasjon og digitalisering",
                "<p>Hvorfor så mange gode piloter stopper, og hva som skal til for at en "
                "løsning blir en del av hverdagen.</p>",
                streamed=True,
            ),
            talk(
                t(10),
                t(10, 45),
                "Gevinster vi kan vise fram",
                "Rådgiver, Stab og støtte",
                "<p>Om å bestemme hva som skal bli bedre før man starter, og å måle det "
                "etterpå.</p>",
                streamed=True,
            ),
            pause(t(10, 45), t(11)),
            workshop(
                t(11),
                t(12, 30),
                "Lag et gevinstkart for din egen idé",
                "Veiledere fra Fabrikken",
                "<p>På Fabrikken jobber dere i små grupper med et gevinstkart for en idé fra "
                "egen arbeidsplass, og går hjem med en plan for første test.</p>",
                materials="En idé fra egen arbeidsplass, gjerne en kollega",
                places=30,
            ),
            pause(t(12, 30), t(13, 15), "Lunsj"),
            talk(
                t(13, 15),
                t(14, 45),
                "Fra tjenestene: tre team forteller",
                "Team fra Oppvekst og utdanning, Helse og velferd og Bymiljø og utbygging",
                streamed=True,
            ),
            talk(t(14, 45), t(15), "Avslutning", "Leder for innovasjon og digitalisering"),
        ],
        "registration_url": "https://skjema.eksempel.no/innovasjonsdagen",
        "registration_note": (
            "Meld deg på innen en uke før hvis du vil være med på workshopen på Fabrikken. "
            "Sendingen kan alle følge uten påmelding."
        ),
        "stream_url": "https://video.eksempel.no/innovasjonsdagen/direkte",
        "demo_note": "Arrangementet er et eksempel: dato, tema, program og lenker er oppdiktet.",
        "related": ["gevinstkart", "prototyping", "pdsa"],
        "cases": ["velkommen-til-skolen", "trygg-hjemme", "utslippsfri-anleggsplass"],
    }


def course(today):
    """«Innovasjon på 1-2-3» at Fabrikken (content brief §6.2): a Tuesday ten days ahead or more."""
    day = working_weekday_from(today + datetime.timedelta(days=10), TUESDAY)
    return {
        "slug": "innovasjon-pa-1-2-3",
        "title": "Kurs: Innovasjon på 1-2-3",
        "tagline": "",
        "summary": (
            "Et kurs på tre timer for deg som vil komme i gang: de seks fasene i et "
            "innovasjonsarbeid og fem metoder du kan bruke med en gang."
        ),
        "start": at(day, 12),
        "end": at(day, 15),
        "event_format": EventFormat.IN_PERSON,
        "place": "Fabrikken, Sandvigå 7",
        "audience": Audience.EMPLOYEES,
        "programme": [
            talk(
                t(12),
                t(12, 45),
                "Seks faser fra idé til ny praksis",
                "Veileder fra Fabrikken",
                "<p>Fra å forankre og avgrense til å hente gevinster: hva som skjer i hver fase, "
                "og hvilke spørsmål dere bør stille.</p>",
            ),
            workshop(
                t(12, 45),
                t(14),
                "Fem kjernemetoder i praksis",
                "Veiledere fra Fabrikken",
                "<p>Dere prøver «hvordan kan vi», brukerreise, idémyldring, prototyping og "
                "gevinstkart på en felles sak.</p>",
                materials="Ingenting, vi har gule lapper og tusj",
                places=24,
            ),
            pause(t(14), t(14, 15)),
            workshop(
                t(14, 15),
                t(15),
                "Din egen sak: neste steg",
                "Veiledere fra Fabrikken",
                "<p>Velg én metode og planlegg hvordan du bruker den på egen arbeidsplass neste "
                "uke.</p>",
            ),
        ],
        "registration_url": "https://skjema.eksempel.no/innovasjon-pa-1-2-3",
        "registration_note": "Kurset har plass til 24. Meld deg på innen tre dager før.",
        "demo_note": "Kurset er et forslag: dato, program og påmelding er oppdiktet.",
        "related": ["hvordan-kan-vi", "brukerreise", "idemyldring", "prototyping", "gevinstkart"],
    }
