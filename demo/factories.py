"""Small builders for the objects tests need; each returns a saved object."""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from wagtail.models import Site

from core.models import Person, SectionSettings
from home.models import ContentPage, HomePage

PASSWORD = "riktig-hest-batteri-stift"


def make_user(username="ansatt", groups=(), **fields):
    fields.setdefault("first_name", username.capitalize())
    fields.setdefault("last_name", "Testesen")
    user = get_user_model().objects.create_user(username=username, password=PASSWORD, **fields)
    for name in groups:
        user.groups.add(Group.objects.get(name=name))
    return user


def home_page():
    """The front page, with the site settings `setup_section` makes beside it."""
    home = HomePage.objects.get()
    SectionSettings.for_site(Site.objects.get(is_default_site=True))
    return home


def make_person(**fields):
    fields.setdefault("name", "Innovasjonsrådgiver")
    fields.setdefault("role", "Rådgiver")
    fields.setdefault("unit", "Innovasjon og digitalisering")
    fields.setdefault("email", "innovasjon@eksempel.no")
    return Person.objects.create(**fields)


def published_index(model, parent, fields):
    """A section's listing page, published below `parent` (the front page by default)."""
    page = model(**fields)
    (parent or home_page()).add_child(instance=page)
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def make_content_page(parent=None, publish=True, **fields):
    parent = parent or home_page()
    fields.setdefault("title", "Hva er innovasjon?")
    fields.setdefault("intro", "Innovasjon er noe nytt som skaper verdi.")
    fields.setdefault(
        "body", [("paragraph", "<p>En idé blir ikke innovasjon før den er tatt i bruk.</p>")]
    )
    page = ContentPage(live=publish, **fields)
    parent.add_child(instance=page)
    revision = page.save_revision()
    if publish:
        revision.publish()
        page.refresh_from_db()
    return page


# --- Funding --------------------------------------------------------------------

FUNDING_FIELDS = [
    # label, field type, required, choices, help text
    ("Prosjekttittel", "singleline", True, "", "Et kort navn som sier hva dere vil prøve ut."),
    ("Tjenesteområde", "dropdown", True, "Helse og velferd\nOppvekst og utdanning", ""),
    ("Enhet", "singleline", True, "", "For eksempel «Hundvåg sykehjem»."),
    ("Beskrivelse av behovet", "multiline", True, "", ""),
    ("Beløp det søkes om", "number", True, "", "I kroner."),
    ("Samarbeidspartnere", "checkboxes", False, "Universitetet i Stavanger\nNæringslivet", ""),
    ("Hjelp fra Fabrikken", "radio", False, "Ja\nNei", ""),
    ("Planlagt oppstart", "date", False, "", ""),
    ("Forankret hos leder", "checkbox", True, "", ""),
]


def make_funding_index(parent=None, **fields):
    from funding.models import FundingIndexPage

    defaults = {
        "title": "Støtteordninger",
        "slug": "stotte",
        "intro": "Penger du kan søke om til innovasjonsarbeid.",
    }
    return published_index(FundingIndexPage, parent, {**defaults, **fields})


def make_funding_call(index=None, publish=True, form_fields=FUNDING_FIELDS, **fields):
    """A funding call; open by default (opened a week ago, deadline in three weeks)."""
    from datetime import timedelta

    from django.utils import timezone

    from funding.models import FundingCallPage, FundingFormField, FundingIndexPage

    index = index or FundingIndexPage.objects.first() or make_funding_index()
    now = timezone.now()
    fields.setdefault("title", "Innovasjonsmidler 2026")
    fields.setdefault("summary", "Penger til prosjekter som prøver ut nye løsninger.")
    fields.setdefault("opens_at", now - timedelta(days=7))
    fields.setdefault("deadline", now + timedelta(days=21))
    fields.setdefault("eligibility", "<p>Alle enheter kan søke.</p>")
    fields.setdefault("criteria", "<ol><li>Behovet er dokumentert med gevinstkart.</li></ol>")
    fields.setdefault("process", "<p>Ledergruppen bestemmer, og alle får svar i mai.</p>")
    fields.setdefault("to_address", "innovasjon@eksempel.no")
    page = FundingCallPage(live=publish, **fields)
    for number, (label, field_type, required, choices, help_text) in enumerate(form_fields):
        page.form_fields.add(
            FundingFormField(
                sort_order=number,
                label=label,
                field_type=field_type,
                required=required,
                choices=choices,
                help_text=help_text,
            )
        )
    index.add_child(instance=page)
    revision = page.save_revision()
    if publish:
        revision.publish()
        page.refresh_from_db()
    return page


# --- Methods --------------------------------------------------------------------

PHASES = [
    ("forankre", "Forankre og avgrense", 1),
    ("forsta", "Forstå behovet", 2),
    ("skape", "Skape ideer og løsninger", 3),
    ("teste", "Teste og prøve ut", 4),
    ("ta-i-bruk", "Ta i bruk", 5),
    ("gevinster-og-spredning", "Hente gevinster og spre", 6),
    ("gjennomgaende", "Gjennomgående", 0),
]


def make_phases():
    """The seven phases of content brief §2, by slug."""
    from methods.models import Phase

    phases = {}
    for position, (slug, name, number) in enumerate(PHASES, start=1):
        phases[slug], _created = Phase.objects.get_or_create(
            slug=slug,
            defaults={
                "name": name,
                "number": number,
                "description": f"Hva som skjer i fasen «{name}».",
                "sort_order": position,
            },
        )
    return phases


def make_method_index(parent=None, **fields):
    from methods.models import MethodIndexPage

    defaults = {
        "title": "Metoder og verktøy",
        "slug": "metoder",
        "intro": "Metoder og verktøy for hver fase i innovasjonsarbeidet.",
    }
    return published_index(MethodIndexPage, parent, {**defaults, **fields})


def make_method(index=None, publish=True, phases=("forsta",), tags=(), revision=True, **fields):
    """A method page under the listing. `revision=False` skips the revision (fast bulk setup)."""
    from methods.models import MethodIndexPage, MethodPage, Phase

    index = index or MethodIndexPage.objects.first() or make_method_index()
    fields.setdefault("title", "Brukerreise")
    fields.setdefault("summary", "Følg brukeren steg for steg gjennom tjenesten.")
    fields.setdefault("duration", "halv-dag")
    fields.setdefault("duration_detail", "ca. 90 min")
    fields.setdefault("participants_min", 4)
    fields.setdefault("participants_max", 8)
    fields.setdefault("difficulty", "middels")
    fields.setdefault("when_to_use", "<p>Når en tjeneste går på tvers av enheter.</p>")
    fields.setdefault("outcome", "<p>Et felles bilde av hele reisen.</p>")
    fields.setdefault(
        "steps",
        [
            (
                "step",
                {
                    "title": "Velg én persona",
                    "description": "<p>Bestem hvem reisen gjelder.</p>",
                    "tip": "",
                    "duration": "ca. 10 min",
                },
            )
        ],
    )
    page = MethodPage(live=publish, **fields)
    make_phases()
    page.phases.set(list(Phase.objects.filter(slug__in=phases)))
    if tags:
        page.tags.add(*tags)
    index.add_child(instance=page)
    if revision:
        latest = page.save_revision()
        if publish:
            latest.publish()
            page.refresh_from_db()
    return page


# --- Search ---------------------------------------------------------------------


def make_synonym_group(terms="brukerreise, kundereise, customer journey"):
    from search.models import SynonymGroup

    return SynonymGroup.objects.create(terms=terms)


def make_promotion(query_string, page=None, description="", **fields):
    """An editor's pick («Anbefalt») of `page` (or an external link in `fields`) for a search term."""
    from wagtail.contrib.search_promotions.models import Query, SearchPromotion

    return SearchPromotion.objects.create(
        query=Query.get(query_string), page=page, description=description, **fields
    )


def restrict_to_groups(page, *group_names):
    """A view restriction: only members of these groups may see `page` and what is below it."""
    from wagtail.models import PageViewRestriction

    restriction = PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.GROUPS
    )
    restriction.groups.set(Group.objects.filter(name__in=group_names))
    return restriction


# --- Events ---------------------------------------------------------------------


def _event_programme():
    from datetime import time

    return [
        (
            "agenda_item",
            {
                "start_time": time(9, 0),
                "end_time": time(9, 45),
                "title": "Tenke det: hvorfor vi trenger nye ideer",
                "speaker": "Leder for innovasjon og digitalisering",
                "description": "<p>Om å finne nye måter å løse oppgavene på.</p>",
                "is_streamed": False,
            },
        ),
        ("pause", {"start_time": time(9, 45), "end_time": time(10, 0), "title": "Pause"}),
        (
            "workshop",
            {
                "start_time": time(10, 0),
                "end_time": time(11, 30),
                "title": "Gjøre det: fra idé til første test",
                "facilitator": "Veiledere fra Fabrikken",
                "description": "<p>Planlegg en enkel test i små grupper.</p>",
                "materials": "Penn og gule lapper",
                "places": 30,
            },
        ),
    ]


def make_event_index(parent=None, **fields):
    from events.models import EventIndexPage

    defaults = {
        "title": "Arrangementer",
        "slug": "arrangementer",
        "intro": "Innovasjonsdagen og andre arrangementer for ansatte.",
    }
    return published_index(EventIndexPage, parent, {**defaults, **fields})


def make_event(index=None, publish=True, revision=True, **fields):
    """An event under the listing; upcoming by default (in a week, 09.00–15.00 Norwegian time).

    `revision=False` skips the revision (fast bulk setup for query budgets).
    """
    from datetime import datetime, time, timedelta

    from django.utils import timezone

    from events.models import EventIndexPage, EventPage

    index = index or EventIndexPage.objects.first() or make_event_index()
    day = timezone.localdate() + timedelta(days=7)
    oslo = timezone.get_default_timezone()
    fields.setdefault("title", "Innovasjonsdagen")
    fields.setdefault("summary", "Foredrag og workshop for alle ansatte.")
    fields.setdefault("start", datetime.combine(day, time(9), tzinfo=oslo))
    fields.setdefault("end", fields["start"] + timedelta(hours=6))
    fields.setdefault("event_format", "digital")
    fields.setdefault("place", "Digitalt")
    fields.setdefault("audience", "ansatte")
    fields.setdefault("programme", _event_programme())
    page = EventPage(live=publish, **fields)
    index.add_child(instance=page)
    if revision:
        latest = page.save_revision()
        if publish:
            latest.publish()
            page.refresh_from_db()
    return page


# --- Cases ----------------------------------------------------------------------


def make_sector(slug="helse-og-velferd", name="Helse og velferd"):
    from cases.models import Sector

    sector, _created = Sector.objects.get_or_create(slug=slug, defaults={"name": name})
    return sector


def make_case_index(parent=None, **fields):
    from cases.models import CaseIndexPage

    defaults = {
        "title": "Eksempler",
        "slug": "eksempler",
        "intro": "Prosjekter fra hele kommunen, pågående og avsluttede.",
    }
    return published_index(CaseIndexPage, parent, {**defaults, **fields})


def make_case(index=None, publish=True, sector=None, methods=(), tags=(), revision=True, **fields):
    """A case under the listing, ongoing since 2021. `revision=False` skips the revision."""
    import datetime

    from cases.models import CaseIndexPage, CasePage, CasePageMethod

    index = index or CaseIndexPage.objects.first() or make_case_index()
    fields.setdefault("title", "Trygg hjemme")
    fields.setdefault("summary", "Digital hjemmeoppfølging for pasienter med kols.")
    fields.setdefault("status", "pagaende")
    fields.setdefault("unit", "Hjemmebaserte tjenester")
    fields.setdefault("start_date", datetime.date(2021, 9, 1))
    fields.setdefault("challenge", "<p>Mange blir lagt inn igjen og igjen.</p>")
    fields.setdefault("approach", "<p>Vi intervjuet pasienter og prøvde ut nettbrett.</p>")
    page = CasePage(live=publish, sector=sector or make_sector(), **fields)
    for position, method in enumerate(methods):
        page.method_links.add(CasePageMethod(method=method, sort_order=position))
    if tags:
        page.tags.add(*tags)
    index.add_child(instance=page)
    if revision:
        latest = page.save_revision()
        if publish:
            latest.publish()
            page.refresh_from_db()
    return page


# --- Fabrikken ------------------------------------------------------------------

FABRIKKEN_ROOMS = [
    # name, slug, capacity, bookable
    ("Verkstedet", "verkstedet", 30, True),
    ("Prosjektrommet", "prosjektrommet", 8, True),
    ("Lageret", "lageret", 4, False),
]


def make_fabrikken_page(parent=None, rooms=FABRIKKEN_ROOMS, weekdays=range(5), **fields):
    """Fabrikken's page, open Monday–Friday 08.00–16.00, with three rooms (one not bookable)."""
    import datetime

    from fabrikken.models import FabrikkenPage, OpeningHours, Room

    parent = parent or home_page()
    fields.setdefault("title", "Fabrikken innovasjonsverksted")
    fields.setdefault("slug", "fabrikken")
    fields.setdefault(
        "intro", "Kommunens interne ressurssenter og veiledningstjeneste for innovasjon."
    )
    fields.setdefault("notify_address", "innovasjon@eksempel.no")
    page = FabrikkenPage(**fields)
    for weekday in weekdays:
        page.opening_hours.add(
            OpeningHours(weekday=weekday, opens=datetime.time(8), closes=datetime.time(16))
        )
    for position, (name, slug, capacity, bookable) in enumerate(rooms):
        page.rooms.add(
            Room(sort_order=position, name=name, slug=slug, capacity=capacity, bookable=bookable)
        )
    parent.add_child(instance=page)
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def next_monday():
    """The Monday of next week: a working day that is always in the future."""
    import datetime

    from django.utils import timezone

    today = timezone.localdate()
    return today - datetime.timedelta(days=today.weekday()) + datetime.timedelta(days=7)


def make_room_booking(room, user, day=None, start=(9, 0), end=(10, 0), **fields):
    """An active booking of `room` by `user` on `day` (default next Monday), start–end o'clock."""
    import datetime
    import uuid

    from core.formats import at
    from fabrikken.models import RoomBooking

    day = day or next_monday()
    fields.setdefault("purpose", "Workshop om brukerreiser")
    fields.setdefault("people", 6)
    fields.setdefault("token", uuid.uuid4())
    return RoomBooking.objects.create(
        room=room,
        booked_by=user,
        start=at(day, datetime.time(*start)),
        end=at(day, datetime.time(*end)),
        **fields,
    )
