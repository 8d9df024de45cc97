"""Demo content for Fabrikken: the page, four rooms, opening hours, bookings and requests.

Written from the content brief §6. Only its facts (§6.1) are stated as fact,
in the introduction: what Fabrikken is, that it is a shared creative workshop
arena in the kurs- og kompetansesenter at Sandvigå 7, and its purpose.
Everything of §6.2 (the offer, the rooms, the opening hours, the directions)
is a suggestion and carries «Demo-innhold». The contact is the placeholder
innovasjon@eksempel.no.

Bookings and requests belong to the demo sign-ins and are dated from the day
the loader first runs. Everything is looked up before it is created: a second
run changes nothing.
"""

import datetime
import uuid

from django.contrib.auth import get_user_model
from django.utils import timezone

from fabrikken.formats import at
from fabrikken.models import (
    FabrikkenContact,
    FabrikkenPage,
    GuidanceRequest,
    OpeningHours,
    Room,
    RoomBooking,
)
from home.models import HomePage, Person

PAGE_SLUG = "fabrikken"
CONTACT_EMAIL = "innovasjon@eksempel.no"
DEMO_USERNAMES = ("ansatt", "redaktor", "moderator")


def load(stdout=None):
    home = HomePage.objects.get()
    page = _page(home)
    rooms = {room.slug: room for room in page.rooms.all()}
    today = timezone.localdate()
    users = {u.username: u for u in get_user_model().objects.filter(username__in=DEMO_USERNAMES)}
    _bookings(rooms, users, today)
    _requests(users, today)


def rich(*paragraphs):
    return "".join(f"<p>{text}</p>" for text in paragraphs)


def offer(kind, title, description, details):
    return (
        kind,
        {"title": title, "description": rich(description), "details": details, "is_demo": True},
    )


OFFER = [
    offer(
        "guidance",
        "Idékafé",
        "Kom innom med en idé og få en samtale på 30 minutter med en veileder: er dette "
        "innovasjon, hvem bør være med, og hva er neste steg?",
        ["Drop-in tirsdager kl. 13–15", "30 minutter"],
    ),
    offer(
        "guidance",
        "Prosessveiledning",
        "Vi hjelper teamet å velge metoder og lage en faseplan – fra å forstå behovet til å "
        "teste en løsning.",
        ["1–3 møter", "For team og prosjektledere"],
    ),
    offer(
        "guidance",
        "Gjennomlesing av søknader",
        "Vi leser søknaden din til støtteordningene og gir råd før du sender den inn.",
        ["Send utkastet minst en uke før fristen"],
    ),
    offer(
        "workshop",
        "Fasilitering",
        "Fabrikken planlegger og leder en workshop for dere: innsiktsarbeid, idéutvikling "
        "eller en retrospektiv.",
        ["Book 3–4 uker før", "Vi tar med materiell"],
    ),
    offer(
        "course",
        "Innovasjon på 1-2-3",
        "Et grunnkurs i de seks fasene og fem kjernemetoder, med øvelser underveis.",
        ["3 timer"],
    ),
    offer(
        "course",
        "Metodeklinikk",
        "Én metode, grundig: vi prøver den på en ekte problemstilling fra deltakerne.",
        ["90 minutter"],
    ),
    offer(
        "course",
        "Gevinstrealisering i praksis",
        "Slik lager dere et gevinstkart og følger opp gevinstene etter at løsningen er tatt i bruk.",
        ["Halv dag"],
    ),
    offer(
        "materials",
        "Materiell til utlån",
        "Alt dere trenger for å kjøre en workshop selv, og en metodekasse dere kan låne med hjem.",
        [
            "Gule lapper, tusjer, A1-ark, klistremerker og tidtakere",
            "Maler: brukerreise, persona, gevinstkart, interessentmatrise, A3 og PDSA",
            "Prototypesett: papp, tape, Lego og rollekort",
        ],
    ),
]

ROOMS = [
    {
        "name": "Verkstedet",
        "slug": "verkstedet",
        "capacity": 30,
        "description": "Det store rommet for workshops og samlinger på tvers av enheter.",
        "equipment": "Møbler på hjul\nWhiteboardvegger\nProjektor",
    },
    {
        "name": "Prototypeverkstedet",
        "slug": "prototypeverkstedet",
        "capacity": 12,
        "description": "Her bygger dere enkle prototyper og tester dem på hverandre.",
        "equipment": "Arbeidsbord\nMateriallager\nPrototypesett",
    },
    {
        "name": "Prosjektrommet",
        "slug": "prosjektrommet",
        "capacity": 8,
        "description": "Et rom for små team, for eksempel gjennom en sprintuke.",
        "equipment": "Whiteboardvegg\nSkjerm",
    },
    {
        "name": "Samhandlingsrommet",
        "slug": "samhandlingsrommet",
        "capacity": 16,
        "description": "For hybride workshops der noen er med digitalt.",
        "equipment": "Stor skjerm\nKamera og mikrofoner for hybride møter",
    },
]


def _contact():
    person, _created = Person.objects.get_or_create(
        name="Veileder på Fabrikken (demo)",
        defaults={
            "role": "Innovasjonsveileder",
            "unit": "Fabrikken innovasjonsverksted",
            "email": CONTACT_EMAIL,
        },
    )
    return person


def _methods_page(home):
    from methods.models import MethodIndexPage

    return MethodIndexPage.objects.child_of(home).first()


def _page(home):
    existing = FabrikkenPage.objects.child_of(home).filter(slug=PAGE_SLUG).first()
    if existing is not None:
        return existing
    page = FabrikkenPage(
        title="Fabrikken innovasjonsverksted",
        slug=PAGE_SLUG,
        intro=(
            "Fabrikken er kommunens interne ressurssenter og veiledningstjeneste for innovasjon: "
            "et felles kreativt verkstedsareal i kurs- og kompetansesenteret i Sandvigå 7. Her "
            "utvikler vi nye løsninger og velferdstjenester gjennom kreative prosesser, "
            "eksperimentering og samarbeid på tvers av enheter."
        ),
        offer=OFFER,
        venue="Kurs- og kompetansesenteret",
        address="Sandvigå 7",
        directions=rich(
            "Lokalene er universelt utformet. Si gjerne fra på forhånd hvis noen i gruppa "
            "trenger tilrettelegging.",
            "Kommer du kollektivt, finner du nærmeste holdeplass i reiseplanleggeren.",
        ),
        practical_is_demo=True,
        booking_intro=(
            "Alle ansatte kan booke rommene til workshops, prosjektarbeid og samlinger på tvers "
            "av enheter. Avbestill hvis planene endrer seg, så andre kan bruke rommet."
        ),
        guidance_intro=(
            "Har du en idé, men vet ikke hvor du skal begynne? På Fabrikken får du hjelp til å "
            "gå fra idé til test – sammen med kolleger fra andre fagfelt. Fortell kort hva du "
            "trenger, så tar en veileder kontakt for å avtale tid."
        ),
        notify_address=CONTACT_EMAIL,
        methods_page=_methods_page(home),
        search_description=(
            "Fabrikken innovasjonsverksted i Sandvigå 7: veiledning, workshops, kurs og rom "
            "du kan booke."
        ),
        show_in_menus=True,
    )
    for weekday in range(5):
        page.opening_hours.add(
            OpeningHours(
                sort_order=weekday,
                weekday=weekday,
                opens=datetime.time(8),
                closes=datetime.time(16),
            )
        )
    for number, spec in enumerate(ROOMS):
        page.rooms.add(Room(sort_order=number, bookable=True, is_demo=True, **spec))
    page.contacts.add(FabrikkenContact(sort_order=0, person=_contact()))
    home.add_child(instance=page)
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def working_day(today, offset):
    """The `offset`-th working day after `today` (or before, if negative)."""
    step = 1 if offset > 0 else -1
    day, left = today, abs(offset)
    while left:
        day += datetime.timedelta(days=step)
        if day.weekday() < 5:
            left -= 1
    return day


# working-day offset, room, from, to, who, purpose, people
BOOKINGS = [
    (1, "verkstedet", (9, 0), (11, 30), "ansatt", "Workshop om brukerreiser i hjemmetjenesten", 18),
    (1, "verkstedet", (12, 30), (14, 0), "moderator", "Idémyldring med barnehagene", 12),
    (1, "prosjektrommet", (8, 0), (16, 0), "redaktor", "Sprintuke: ny timebestilling", 6),
    (2, "prosjektrommet", (8, 0), (16, 0), "redaktor", "Sprintuke: ny timebestilling", 6),
    (2, "verkstedet", (10, 15), (12, 0), "moderator", "Innovasjon på 1-2-3 for nye ledere", 24),
    (3, "prosjektrommet", (13, 0), (15, 30), "ansatt", "Gevinstkart for velferdsteknologi", 5),
    (3, "samhandlingsrommet", (9, 0), (10, 30), "moderator", "Hybrid retrospektiv med NAV", 10),
    (4, "verkstedet", (8, 0), (9, 0), "redaktor", "Forberedelse av Innovasjonsdagen", 4),
    (6, "verkstedet", (13, 0), (15, 0), "ansatt", "Test av prototype med innbyggere", 15),
    (-3, "verkstedet", (9, 0), (11, 0), "ansatt", "Oppstartsmøte for prosjektet", 9),
]


def _bookings(rooms, users, today):
    if RoomBooking.objects.filter(booked_by__username__in=DEMO_USERNAMES).exists():
        return
    for offset, slug, start, end, username, purpose, people in BOOKINGS:
        room, user = rooms.get(slug), users.get(username)
        if room is None or user is None:
            continue
        day = working_day(today, offset)
        RoomBooking.objects.create(
            room=room,
            booked_by=user,
            start=at(day, datetime.time(*start)),
            end=at(day, datetime.time(*end)),
            purpose=purpose,
            people=people,
            token=uuid.uuid4(),
        )


# days ago, who, unit, kind, urgency, status, challenge, preferred times, staff note
REQUESTS = [
    (
        12,
        "ansatt",
        "Hundvåg sykehjem",
        GuidanceRequest.Kind.PROCESS,
        GuidanceRequest.Urgency.SOON,
        GuidanceRequest.Status.IN_PROGRESS,
        "Vi vil prøve ut digitalt tilsyn om natten, men vet ikke hvordan vi skal involvere "
        "pårørende og beboere før vi bestemmer oss.",
        "Tirsdager og torsdager etter kl. 12",
        "Første møte holdt. Avtalt brukerreise-workshop i Verkstedet.",
    ),
    (
        2,
        "ansatt",
        "Hundvåg sykehjem",
        GuidanceRequest.Kind.APPLICATION,
        GuidanceRequest.Urgency.URGENT,
        GuidanceRequest.Status.NEW,
        "Vi søker innovasjonsmidler og vil gjerne ha noen til å lese gjennom søknaden før fristen.",
        "Hele neste uke",
        "",
    ),
    (
        30,
        "redaktor",
        "Innbygger- og samfunnskontakt",
        GuidanceRequest.Kind.WORKSHOP,
        GuidanceRequest.Urgency.LATER,
        GuidanceRequest.Status.CLOSED,
        "Vi ønsker en workshop om klarspråk i vedtaksbrev, med saksbehandlere fra tre enheter.",
        "Etter sommerferien",
        "Workshop holdt. Oppsummering sendt til enhetslederne.",
    ),
]


def _requests(users, today):
    if GuidanceRequest.objects.filter(requester__username__in=DEMO_USERNAMES).exists():
        return
    for days_ago, username, unit, kind, urgency, status, challenge, times, note in REQUESTS:
        user = users.get(username)
        if user is None:
            continue
        guidance_request = GuidanceRequest.objects.create(
            requester=user,
            requester_name=user.get_full_name() or user.get_username(),
            requester_email=user.email,
            challenge=challenge,
            unit=unit,
            kind=kind,
            urgency=urgency,
            preferred_times=times,
            status=status,
            staff_note=note,
            token=uuid.uuid4(),
        )
        # Sent some days ago: auto_now_add set the time, so move it back.
        sent = at(today - datetime.timedelta(days=days_ago), datetime.time(10, 30))
        GuidanceRequest.objects.filter(pk=guidance_request.pk).update(
            created_at=sent, updated_at=sent
        )
