"""Demo content for funding: «Støtteordninger» with the three calls of the content brief (§5).

All three calls are invented ([FIKTIV]) and carry the «Demo-innhold» badge.
They are modelled on the municipality's real internal scheme of 2017–2019
(5 mill. kr a year); the criteria are adapted from Stimulab and the
Innovasjonsprisen. The dates are computed from the day the loader first runs:
«Innovasjonsmidler» is open with the deadline three weeks ahead, «Prøv det!»
opens in ten days (then with a rolling deadline), and «Medfinansiering» closed
a week ago, with a few demo applications for the moderators to read and export.

Everything is looked up by slug before it is created: a second run changes nothing.
"""

import datetime
import uuid

from django.contrib.auth import get_user_model
from django.utils import timezone

from funding.models import FundingApplication, FundingCallPage, FundingFormField, FundingIndexPage
from home.models import HomePage, Person

INDEX_SLUG = "stotte"
CONTACT_NAME = "Innovasjonsrådgiver (demo)"
TO_ADDRESS = "innovasjon@eksempel.no"

UNITS = "\n".join(
    [
        "Oppvekst og utdanning",
        "Helse og velferd",
        "Bymiljø og utbygging",
        "Stab og støtte",
        "Innbygger- og samfunnskontakt",
        "By- og samfunnsplanlegging",
    ]
)


def load(stdout=None):
    home = HomePage.objects.get()
    index_page = _index_page(home)
    contact = _contact()
    today = timezone.localdate()
    for spec in (INNOVATION_FUNDS, TRY_IT, CO_FUNDING):
        call = _call(index_page, spec, today, contact)
        _demo_applications(call, spec.get("applications", []), today)


def at(day, hour, minute=0):
    """A moment on `day` in Norwegian time."""
    naive = datetime.datetime.combine(day, datetime.time(hour, minute))
    return timezone.make_aware(naive, timezone.get_default_timezone())


def _index_page(home):
    existing = FundingIndexPage.objects.child_of(home).filter(slug=INDEX_SLUG).first()
    if existing is not None:
        return existing
    page = FundingIndexPage(
        title="Støtteordninger",
        slug=INDEX_SLUG,
        intro=(
            "Har du en idé som kan gjøre tjenestene bedre for innbyggerne? Her finner du "
            "ordningene du kan søke penger fra, hvem som kan søke og når fristen er."
        ),
        body=[
            ("heading", {"text": "Før du søker", "level": "h2", "anchor": "for-du-soker"}),
            (
                "paragraph",
                "<p>Snakk med lederen din tidlig: alle søknader må være forankret hos leder. "
                "Har dere laget et gevinstkart og en interessentanalyse, er mye av søknaden "
                "allerede skrevet.</p>",
            ),
        ],
        search_description="Støtteordninger for innovasjon i Stavanger kommune, og hvordan du søker.",
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
            "email": TO_ADDRESS,
        },
    )
    return person


def _call(index_page, spec, today, contact):
    existing = FundingCallPage.objects.child_of(index_page).filter(slug=spec["slug"]).first()
    if existing is not None:
        return existing
    opens_day = today + datetime.timedelta(days=spec["opens_in_days"])
    deadline = None
    if spec.get("deadline_in_days") is not None:
        deadline = at(today + datetime.timedelta(days=spec["deadline_in_days"]), 12)
    page = FundingCallPage(
        title=spec["title"](today),
        slug=spec["slug"],
        summary=spec["summary"],
        opens_at=at(opens_day, 9),
        deadline=deadline,
        total_budget=spec.get("total_budget"),
        min_per_application=spec.get("min_per_application"),
        max_per_application=spec.get("max_per_application"),
        eligibility=spec["eligibility"],
        criteria=spec["criteria"],
        process=spec["process"],
        body=spec.get("body", []),
        thank_you_text=spec["thank_you_text"],
        contact_person=contact,
        to_address=TO_ADDRESS,
        from_address=TO_ADDRESS,
        subject=spec["subject"](today),
        search_description=spec["summary"],
        is_demo=True,
    )
    for number, (label, field_type, required, choices, help_text) in enumerate(spec["fields"]):
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
    index_page.add_child(instance=page)
    page.save_revision().publish()
    return page


def _demo_applications(call, applications, today):
    """A few applications from the demo sign-ins, sent days before the deadline.

    Whole numbers given for date fields are days from today.
    """
    if not applications or FundingApplication.objects.filter(page=call).exists():
        return
    users = {user.username: user for user in get_user_model().objects.all()}
    fields = {field.label: field for field in call.form_fields.all()}
    for days_before, username, answers in applications:
        user = users.get(username)
        if user is None:
            continue
        application = FundingApplication.objects.create(
            page=call,
            applicant=user,
            applicant_name=user.get_full_name() or user.get_username(),
            applicant_email=user.email,
            token=uuid.uuid4(),
            form_data={
                fields[label].clean_name: _answer(fields[label], value, today)
                for label, value in answers.items()
            },
        )
        sent = call.deadline - datetime.timedelta(days=days_before, hours=3)
        FundingApplication.objects.filter(pk=application.pk).update(submit_time=sent)


def _answer(field, value, today):
    if field.field_type == "date" and isinstance(value, int):
        return (today + datetime.timedelta(days=value)).isoformat()
    return value


def _year_title(name):
    return lambda today: f"{name} {today.year}"


INNOVATION_FUNDS = {
    "slug": "innovasjonsmidler",
    "title": _year_title("Innovasjonsmidler"),
    "subject": lambda today: f"Ny søknad: Innovasjonsmidler {today.year}",
    "summary": (
        "Penger til prosjekter som prøver ut nye løsninger for innbyggerne. Rammen er 5 millioner "
        "kroner, og dere kan søke om 100\u00a0000 til 800\u00a0000 kroner per prosjekt."
    ),
    "opens_in_days": -14,
    "deadline_in_days": 21,
    "total_budget": 5_000_000,
    "min_per_application": 100_000,
    "max_per_application": 800_000,
    "eligibility": (
        "<p>Alle enheter i kommunen kan søke. Vi ønsker oss særlig prosjekter på tvers av enheter, "
        "og prosjekter med eksterne partnere som Universitetet i Stavanger, næringslivet eller "
        "frivillige organisasjoner.</p>"
        "<p>Søknaden skal være godkjent av enhetslederen. Legg ved et gevinstkart og en "
        "interessentanalyse. Vil du ha hjelp, kan du melde deg på søknadsverkstedet på Fabrikken.</p>"
    ),
    "criteria": (
        "<ol>"
        "<li>Behovet er dokumentert med innsikt fra brukerne.</li>"
        "<li>Prosjektet er forankret hos ledelsen, og dere bidrar med minst 25 prosent egeninnsats i timer.</li>"
        "<li>Løsningen er ny for kommunen.</li>"
        "<li>Gevinstene er beskrevet i et gevinstkart.</li>"
        "<li>Andre kan lære av prosjektet og ta løsningen i bruk.</li>"
        "<li>Dere er åpne for flere mulige løsninger.</li>"
        "<li>Det finnes en plan for å teste og måle.</li>"
        "</ol>"
    ),
    "process": (
        "<p>Innovasjonsavdelingen går gjennom søknadene og gir en anbefaling. Kommunedirektørens "
        "ledergruppe bestemmer hvem som får støtte, og alle søkere får svar i løpet av seks uker "
        "etter fristen.</p>"
        "<p>Prosjekter som får støtte, leverer en statusrapport halvveis og en sluttrapport der "
        "resultatene måles mot nullpunktet. Vi ber også om en kort presentasjon på "
        "Innovasjonsdagen.</p>"
    ),
    "body": [
        (
            "accordion",
            {
                "heading": "Spørsmål og svar",
                "items": [
                    {
                        "question": "Kan vi søke om lønn?",
                        "answer": "<p>Ja, til tidsavgrensede prosjektroller, for eksempel en "
                        "prosjektleder i halv stilling i ett år.</p>",
                    },
                    {
                        "question": "Hva om prosjektet ikke lykkes?",
                        "answer": "<p>Da rapporterer dere hva dere lærte. Også det teller: "
                        "andre slipper å gjøre de samme feilene.</p>",
                    },
                ],
            },
        ),
    ],
    "thank_you_text": (
        "<p>Takk for søknaden! Vi leser alle søknadene etter fristen og tar kontakt hvis vi har "
        "spørsmål.</p>"
    ),
    "fields": [
        ("Prosjekttittel", "singleline", True, "", "Et kort navn som sier hva dere vil prøve ut."),
        ("Enhet", "dropdown", True, UNITS, "Tjenesteområdet som eier prosjektet."),
        (
            "Beskrivelse av behovet",
            "multiline",
            True,
            "",
            "Hvilket problem vil dere løse, og hva vet dere om det i dag?",
        ),
        (
            "Hvem er brukerne?",
            "multiline",
            True,
            "",
            "Hvem merker forskjellen hvis prosjektet lykkes?",
        ),
        (
            "Samarbeidspartnere",
            "checkboxes",
            False,
            "Andre enheter i kommunen\nUniversitetet i Stavanger\nNæringslivet\nFrivillige organisasjoner",
            "Kryss av for alle som er med.",
        ),
        ("Beløp det søkes om", "number", True, "", "I kroner, for eksempel 250\u00a0000."),
        ("Planlagt oppstart", "date", False, "", "For eksempel 15 3 2026."),
        (
            "Søknaden er forankret hos lederen min",
            "checkbox",
            True,
            "",
            "Enhetslederen har lest og godkjent søknaden.",
        ),
    ],
}

TRY_IT = {
    "slug": "prov-det",
    "title": lambda today: "Prøv det! – småmidler til raske eksperimenter",
    "subject": lambda today: "Ny søknad: Prøv det!",
    "summary": (
        "Inntil 30\u00a0000 kroner til et lite eksperiment som kan testes på under tre måneder. "
        "Alle ansatte kan søke med lederens ja, og du får svar innen ti arbeidsdager."
    ),
    "opens_in_days": 10,
    "deadline_in_days": None,
    "total_budget": 300_000,
    "max_per_application": 30_000,
    "eligibility": (
        "<p>Alle ansatte kan søke, alene eller sammen med kolleger. Lederen din må ha sagt ja "
        "til at dere prøver.</p>"
    ),
    "criteria": (
        "<ul>"
        "<li>Dere har en tydelig hypotese: hva tror dere vil skje?</li>"
        "<li>Eksperimentet kan testes på under tre måneder.</li>"
        "<li>Risikoen er lav for brukerne og for tjenesten.</li>"
        "<li>Dere deler det dere lærer, også om det ikke virket.</li>"
        "</ul>"
    ),
    "process": (
        "<p>Søknadsfristen er løpende. Du får svar innen ti arbeidsdager. Når eksperimentet er "
        "ferdig, deler dere resultatet i et kort innlegg eller en video på tre minutter.</p>"
    ),
    "thank_you_text": "<p>Takk! Du får svar innen ti arbeidsdager.</p>",
    "fields": [
        ("Hva vil dere teste?", "multiline", True, "", "Beskriv eksperimentet med noen setninger."),
        (
            "Hvordan vet dere om det virker?",
            "multiline",
            True,
            "",
            "Hva måler eller observerer dere?",
        ),
        ("Hva trenger dere?", "multiline", True, "", "Utstyr, tid eller hjelp fra andre."),
        # The form adds «Du kan søke om inntil 30 000 kroner.» from the call's amounts.
        ("Beløp det søkes om", "number", True, "", "I kroner."),
        ("Enhet", "dropdown", True, UNITS, ""),
        ("Lederen min har sagt ja", "checkbox", True, "", ""),
    ],
}

CO_FUNDING = {
    "slug": "medfinansiering",
    "title": lambda today: "Medfinansiering – eksterne innovasjonsmidler",
    "subject": lambda today: "Ny søknad: Medfinansiering",
    "summary": (
        "Egenandel på inntil 200\u00a0000 kroner, eller hjelp til å skrive søknaden, når dere søker "
        "Stimulab, statsforvalterens skjønnsmidler eller lignende ordninger."
    ),
    "opens_in_days": -60,
    "deadline_in_days": -7,
    "max_per_application": 200_000,
    "eligibility": (
        "<p>Enheter som vil søke eksterne innovasjonsmidler, for eksempel fra Stimulab eller "
        "statsforvalterens skjønnsmidler til fornying og innovasjon. Mange eksterne ordninger "
        "prioriterer prosjekter der kommunen bidrar selv.</p>"
        "<p>Send søknaden senest fire uker før den eksterne fristen, med et utkast til den "
        "eksterne søknaden.</p>"
    ),
    "criteria": (
        "<ol>"
        "<li>Den eksterne ordningen passer prosjektet.</li>"
        "<li>Prosjektet er forankret hos ledelsen.</li>"
        "<li>Egenandelen gjør søknaden sterkere.</li>"
        "</ol>"
    ),
    "process": (
        "<p>Innovasjonsavdelingen leser utkastet, og Fabrikken gir tilbakemelding på søknaden. "
        "Dere får svar innen to uker, slik at det er tid til å forbedre den eksterne søknaden.</p>"
    ),
    "thank_you_text": "<p>Takk! Vi leser utkastet og svarer innen to uker.</p>",
    "fields": [
        ("Prosjekttittel", "singleline", True, "", ""),
        ("Enhet", "dropdown", True, UNITS, ""),
        (
            "Hvilken ordning søker dere?",
            "radio",
            True,
            "Stimulab\nStatsforvalterens skjønnsmidler\nEn annen ordning",
            "",
        ),
        ("Ekstern søknadsfrist", "date", True, "", "For eksempel 28 2 2026."),
        (
            "Hva søker dere om?",
            "checkboxes",
            True,
            "Egenandel\nHjelp til å skrive søknaden",
            "Kryss av for ett eller begge.",
        ),
        ("Beløp det søkes om", "number", False, "", "I kroner, hvis dere søker om egenandel."),
    ],
    "applications": [
        (
            9,
            "ansatt",
            {
                "Prosjekttittel": "Digital hjemmeoppfølging i hjemmetjenesten",
                "Enhet": "Helse og velferd",
                "Hvilken ordning søker dere?": "Statsforvalterens skjønnsmidler",
                "Ekstern søknadsfrist": 21,
                "Hva søker dere om?": ["Egenandel", "Hjelp til å skrive søknaden"],
                "Beløp det søkes om": "150000",
            },
        ),
        (
            6,
            "redaktor",
            {
                "Prosjekttittel": "Samskaping med ungdom i bydelen",
                "Enhet": "Innbygger- og samfunnskontakt",
                "Hvilken ordning søker dere?": "Stimulab",
                "Ekstern søknadsfrist": 28,
                "Hva søker dere om?": ["Hjelp til å skrive søknaden"],
                "Beløp det søkes om": "",
            },
        ),
        (
            2,
            "moderator",
            {
                "Prosjekttittel": "Sensorer som varsler fall på sykehjem",
                "Enhet": "Helse og velferd",
                "Hvilken ordning søker dere?": "En annen ordning",
                "Ekstern søknadsfrist": 49,
                "Hva søker dere om?": ["Egenandel"],
                "Beløp det søkes om": "200000",
            },
        ),
    ],
}
