"""Small builders for the objects tests need; each returns a saved object."""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from home.models import ContentPage, HomePage, Person

PASSWORD = "riktig-hest-batteri-stift"


def make_user(username="ansatt", groups=(), **fields):
    fields.setdefault("first_name", username.capitalize())
    fields.setdefault("last_name", "Testesen")
    user = get_user_model().objects.create_user(username=username, password=PASSWORD, **fields)
    for name in groups:
        user.groups.add(Group.objects.get(name=name))
    return user


def home_page():
    return HomePage.objects.get()


def make_person(**fields):
    fields.setdefault("name", "Innovasjonsrådgiver")
    fields.setdefault("role", "Rådgiver")
    fields.setdefault("unit", "Innovasjon og digitalisering")
    fields.setdefault("email", "innovasjon@eksempel.no")
    return Person.objects.create(**fields)


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
    ("Enhet", "dropdown", True, "Helse og velferd\nOppvekst og utdanning", ""),
    ("Beskrivelse av behovet", "multiline", True, "", ""),
    ("Beløp det søkes om", "number", True, "", "I kroner."),
    ("Samarbeidspartnere", "checkboxes", False, "Universitetet i Stavanger\nNæringslivet", ""),
    ("Hjelp fra Fabrikken", "radio", False, "Ja\nNei", ""),
    ("Planlagt oppstart", "date", False, "", ""),
    ("Forankret hos leder", "checkbox", True, "", ""),
]


def make_funding_index(parent=None, **fields):
    from funding.models import FundingIndexPage

    parent = parent or home_page()
    fields.setdefault("title", "Støtteordninger")
    fields.setdefault("slug", "stotte")
    fields.setdefault("intro", "Penger du kan søke om til innovasjonsarbeid.")
    page = FundingIndexPage(**fields)
    parent.add_child(instance=page)
    page.save_revision().publish()
    page.refresh_from_db()
    return page


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
    ("skape", "Skape idéer og løsninger", 3),
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

    parent = parent or home_page()
    fields.setdefault("title", "Metoder og verktøy")
    fields.setdefault("slug", "metoder")
    fields.setdefault("intro", "Metoder og verktøy for hver fase i innovasjonsarbeidet.")
    page = MethodIndexPage(**fields)
    parent.add_child(instance=page)
    page.save_revision().publish()
    page.refresh_from_db()
    return page


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
