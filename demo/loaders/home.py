"""Demo content for the front page, the content pages and the demo sign-ins.

Written from ../shared/content-brief.md: facts about Stavanger kommune are
paraphrased from the annual reports; anything invented is marked as demo.
Every function looks things up before it creates them, so running the
loader twice changes nothing.
"""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management.base import CommandError
from wagtail.models import Site

from home.models import ContentPage, HomePage, Person, SectionSettings
from home.roles import EDITORS, MODERATORS, apply_roles

DEFAULT_DEMO_PASSWORD = "innovasjon-demo"

DEMO_USERS = [
    # username, first name, last name, superuser, Wagtail group
    ("admin", "Administrator", "Demo", True, None),
    ("redaktor", "Redaktør", "Demo", False, EDITORS),
    ("moderator", "Moderator", "Demo", False, MODERATORS),
    ("ansatt", "Ansatt", "Demo", False, None),
]


def demo_password():
    return settings.DEMO_PASSWORD or DEFAULT_DEMO_PASSWORD


def load(stdout=None):
    home = HomePage.objects.get()
    apply_roles(home)
    users = create_users()
    advisor = _person()
    what = _content_page(home, WHAT_IS_INNOVATION, contact=advisor)
    culture = _content_page(home, INNOVATION_CULTURE, contact=advisor)
    accessibility = _content_page(home, ACCESSIBILITY, in_menu=False)
    privacy = _content_page(home, PRIVACY, in_menu=False)
    _front_page(home, highlights=[what, culture])
    _section_settings(home, accessibility=accessibility, privacy=privacy)
    _page_awaiting_approval(home, author=users["redaktor"])


def create_users():
    password = demo_password()
    if password == DEFAULT_DEMO_PASSWORD and not settings.DEBUG:
        raise CommandError(
            "Refusing to create demo users with the default password while DEBUG is off. "
            "Set DEMO_PASSWORD to a password of your own."
        )
    User = get_user_model()
    users = {}
    for username, first_name, last_name, is_superuser, group_name in DEMO_USERS:
        user, created = User.objects.get_or_create(
            username=username,
            defaults={
                "first_name": first_name,
                "last_name": last_name,
                "email": f"{username}@eksempel.no",
                "is_superuser": is_superuser,
                "is_staff": is_superuser,
            },
        )
        if created:
            user.set_password(password)
            user.save(update_fields=["password"])
        if group_name:
            user.groups.add(Group.objects.get(name=group_name))
        users[username] = user
    return users


def _page_awaiting_approval(home, author):
    """A draft the editor has submitted, so a moderator has something to approve at once."""
    if home.get_children().filter(slug=BENEFITS["slug"]).exists():
        return
    page = ContentPage(
        title=BENEFITS["title"],
        slug=BENEFITS["slug"],
        intro=BENEFITS["intro"],
        body=BENEFITS["body"],
        show_in_menus=True,
        live=False,
        owner=author,
        content_owner=author,
    )
    home.add_child(instance=page)
    page.save_revision(user=author)
    page.get_workflow().start(page, author)


def _person():
    person, _created = Person.objects.get_or_create(
        name="Innovasjonsrådgiver (demo)",
        defaults={
            "role": "Rådgiver for innovasjon og forbedring",
            "unit": "Innovasjon og digitalisering",
            "email": "innovasjon@eksempel.no",
        },
    )
    return person


def _content_page(home, spec, contact=None, in_menu=True):
    existing = home.get_children().filter(slug=spec["slug"]).first()
    if existing is not None:
        return existing.specific
    page = ContentPage(
        title=spec["title"],
        slug=spec["slug"],
        intro=spec["intro"],
        body=spec["body"],
        show_in_menus=in_menu,
        contact_person=contact,
        search_description=spec["intro"],
    )
    home.add_child(instance=page)
    page.save_revision().publish()
    return page


def _front_page(home, highlights):
    if home.highlights.exists():
        return
    home.title = "Innovasjon i Stavanger kommune"
    home.intro = HOME_INTRO
    home.body = HOME_BODY
    for page in highlights:
        home.highlights.create(page=page)
    home.save_revision().publish()


def _section_settings(home, accessibility, privacy):
    site = Site.objects.get(root_page=home)
    section = SectionSettings.for_site(site)
    if section.accessibility_page_id is None:
        section.accessibility_page = accessibility
        section.privacy_page = privacy
        section.save()


def paragraph(*texts):
    return ("paragraph", "".join(f"<p>{text}</p>" for text in texts))


def heading(text):
    return ("heading", {"text": text, "level": "h2", "anchor": ""})


HOME_INTRO = (
    "Her finner du inspirasjon, kunnskap og verktøy for innovasjonsarbeid i Stavanger kommune: "
    "hva innovasjon er, hvordan dere bygger en god innovasjonskultur, metoder for det praktiske "
    "arbeidet, hvordan dere søker om støtte, og eksempler fra prosjekter som er i gang eller avsluttet."
)

HOME_BODY = [
    (
        "key_figures",
        {
            "heading": "Innovasjon i tall",
            "figures": [
                {"value": "800+", "label": "ansatte på Innovasjonsdagen 2021"},
                {"value": "500+", "label": "deltok på den første innovasjonsdagen"},
                {"value": "5 mill. kr", "label": "i innovasjonsmidler hvert år"},
            ],
            "note": "Innovasjonsdagen 2020 og 2021. Innovasjons- og utviklingsmidler 2017–2019. "
            "Kilde: Stavanger kommunes årsrapporter.",
        },
    ),
    heading("Fabrikken innovasjonsverksted"),
    paragraph(
        "I løpet av første halvår 2022 åpner Fabrikken, et felles kreativt verksted i kurs- og "
        "kompetansesenteret i Sandvigå 7. Her kan team fra ulike enheter utvikle nye løsninger og "
        "velferdstjenester gjennom kreative prosesser, eksperimenter og samarbeid på tvers.",
    ),
    (
        "info_box",
        {
            "variant": "info",
            "heading": "Veiledning kommer",
            "text": "<p>Snart kan du også få praktisk støtte og veiledning i forbedrings- og "
            "innovasjonsarbeidet. Skriv til innovasjon@eksempel.no hvis du vil vite mer.</p>",
        },
    ),
]

WHAT_IS_INNOVATION = {
    "title": "Hva er innovasjon?",
    "slug": "hva-er-innovasjon",
    "intro": (
        "Innovasjon i offentlig sektor betyr å ta i bruk noe nytt som skaper verdi for innbyggerne "
        "og samfunnet. Det kan være en ny tjeneste, en ny arbeidsmåte eller en ny måte å kommunisere på."
    ),
    "body": [
        heading("Nytt, nyttig og tatt i bruk"),
        paragraph(
            "Stortingsmeldingen om innovasjon i offentlig sektor beskriver innovasjon som noe nytt eller "
            "vesentlig endret som blir tatt i bruk og skaper verdi. Det kan være en tjeneste, et produkt, "
            "en prosess, en ny organisering eller en ny måte å kommunisere på.",
            "En idé blir altså ikke en innovasjon før den er i bruk. Derfor handler mye av arbeidet om å "
            "teste i det små, lære av det som ikke virker, og få det som virker inn i den daglige driften.",
        ),
        (
            "quote",
            {
                "text": "Innovasjon er gjennomført forandring.",
                "source": "KS",
                "role": "Kommunesektorens organisasjon",
            },
        ),
        heading("Innovasjon i norske kommuner"),
        (
            "key_figures",
            {
                "heading": "",
                "figures": [
                    {"value": "3 av 4", "label": "kommunale arbeidssteder var innovative"},
                ],
                "note": "KS Innovasjonsbarometeret 2020. En innovasjon teller når den er tatt i bruk "
                "de siste to årene.",
            },
        ),
        paragraph(
            "Innovasjon går sjelden i en rett linje. Det er helt vanlig å gå tilbake en fase når dere "
            "lærer noe nytt om behovet eller løsningen."
        ),
        (
            "accordion",
            {
                "heading": "Spørsmål vi ofte får",
                "items": [
                    {
                        "question": "Hva er forskjellen på forbedring og innovasjon?",
                        "answer": "<p>Forbedring gjør det vi allerede gjør litt bedre. Innovasjon er "
                        "noe nytt eller vesentlig endret. Begge er viktige, og metodene overlapper.</p>",
                    },
                    {
                        "question": "Må innovasjon handle om teknologi?",
                        "answer": "<p>Nei. Mange innovasjoner er nye arbeidsmåter, nye måter å "
                        "samarbeide med innbyggerne på eller en ny organisering av tjenesten.</p>",
                    },
                    {
                        "question": "Hvem kan drive innovasjon?",
                        "answer": "<p>Alle ansatte. De beste idéene kommer ofte fra dem som møter "
                        "innbyggerne hver dag. Lederen sørger for rom og forankring.</p>",
                    },
                ],
            },
        ),
    ],
}

INNOVATION_CULTURE = {
    "title": "Innovasjonskultur",
    "slug": "innovasjonskultur",
    "intro": (
        "En god innovasjonskultur gjør det trygt å prøve noe nytt, også når det ikke lykkes. "
        "Her er det vi vet om hva som bygger en slik kultur, og hva du som leder og kollega kan gjøre."
    ),
    "body": [
        heading("Kultur, ledelse og kompetanse"),
        paragraph(
            "Nasjonalt beskrives tre forutsetninger for innovasjon i offentlig sektor: en kultur som "
            "tåler å prøve og feile, ledere som gir retning og rom, og kompetanse i metodene som gjør "
            "idéer til praksis.",
            "Stavanger kommunes verdier er <b>nær, åpen og nyskapende</b>. Å være nyskapende betyr å være "
            "nysgjerrig på innbyggernes behov og modig nok til å prøve nye løsninger.",
        ),
        heading("Innovasjonsdagen"),
        paragraph(
            "Innovasjonsdagen er en årlig dag for alle ansatte, og ett av flere tiltak for å bygge en "
            "sterk og systematisk innovasjonskultur. I 2021 var temaet «Tenke det, tørre det, gjøre det». "
            "Dagen ble holdt digitalt med foredrag og verksted, og kveldsforedraget ble strømmet for både "
            "ansatte og innbyggere. Litt over 800 ansatte var med på det meste, og opptaket kan ses i "
            "etterkant."
        ),
        (
            "info_box",
            {
                "variant": "success",
                "heading": "Tips til deg som leder",
                "text": "<ul><li>Spør teamet hva som irriterer dem mest i hverdagen, og start der.</li>"
                "<li>Sett av tid til å teste, ikke bare til å planlegge.</li>"
                "<li>Del det som ikke virket, ikke bare suksessene.</li></ul>",
            },
        ),
        (
            "table",
            {
                "caption": "Tre kulturtiltak og hva de krever",
                "table": {
                    "first_row_is_table_header": True,
                    "first_col_is_header": False,
                    "data": [
                        ["Tiltak", "Hvem", "Tid"],
                        ["Idémøte på tavla hver fredag", "Teamet", "15 minutter"],
                        ["Retrospektiv etter hvert prosjekt", "Prosjektgruppa", "1 time"],
                        ["Del en lærdom på personalmøtet", "Leder", "10 minutter"],
                    ],
                },
            },
        ),
    ],
}

BENEFITS = {
    "title": "Gevinstrealisering i praksis",
    "slug": "gevinstrealisering",
    "intro": (
        "En gevinst er en effekt som minst én interessent ser som positiv. Her er hvordan dere "
        "planlegger, måler og henter ut gevinstene av et innovasjonsprosjekt."
    ),
    "body": [
        heading("Gevinster gjennom hele prosjektet"),
        paragraph(
            "Gevinstrealisering er ikke noe dere gjør til slutt. Kartlegg gevinstene når dere "
            "utvikler og tester løsningen, planlegg hvordan de skal hentes ut før dere tar løsningen "
            "i bruk, og følg dem opp når den er blitt ny praksis.",
            "Tre grep gjør arbeidet lettere: en interessentanalyse, en gevinstrealiseringsplan og en "
            "nullpunktsmåling, slik at dere vet hvor dere startet.",
        ),
        (
            "info_box",
            {
                "variant": "warning",
                "heading": "Hver gevinst trenger en eier",
                "text": "<p>Gevinsteieren sitter i linjen, ikke i prosjektet. Avtal hvem det er "
                "før piloten starter.</p>",
            },
        ),
    ],
}

ACCESSIBILITY = {
    "title": "Tilgjengelighetserklæring",
    "slug": "tilgjengelighetserklaering",
    "intro": (
        "Innovasjon skal kunne brukes av alle ansatte. Sidene følger kravene i WCAG 2.1 nivå AA, "
        "slik forskrift om universell utforming av IKT-løsninger krever."
    ),
    "body": [
        paragraph(
            "Finner du noe som ikke virker for deg, for eksempel med skjermleser, tastatur eller "
            "forstørrelse? Skriv til innovasjon@eksempel.no, så retter vi det."
        ),
    ],
}

PRIVACY = {
    "title": "Personvern",
    "slug": "personvern",
    "intro": ("Her står det hvilke opplysninger om deg Innovasjon lagrer, hvorfor, og hvor lenge."),
    "body": [
        paragraph(
            "Når du logger inn, lagrer vi brukernavnet ditt og når du var innlogget. Søknader, "
            "bookinger og henvendelser du sender, lagres med navnet ditt slik at saksbehandlerne kan "
            "svare deg. Bare de som behandler saken, kan se dem.",
            "Spørsmål om personvern kan du sende til innovasjon@eksempel.no.",
        ),
    ],
}
