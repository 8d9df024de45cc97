"""Demo content for the methods toolkit: the phases, fifteen methods and their worksheets.

Written from ../shared/content-brief.md §2 (phases, after KS Veikart) and §3 (methods
M1–M15). The steps are our own summaries in bokmål; durations and group sizes come from
the brief's sources where it has them. The worksheets are real PDFs, drawn by
demo/worksheets.py. Everything is looked up before it is created, so running the
loader twice changes nothing.
"""

from django.core.files.base import ContentFile
from wagtail.documents import get_document_model
from wagtail.models import Collection

from demo import worksheets
from home.models import HomePage, Person
from methods.models import (
    Difficulty,
    Duration,
    MethodIndexPage,
    MethodPage,
    MethodPageRelatedMethod,
    MethodPageResource,
    Phase,
)

WORKSHEET_COLLECTION = "Arbeidsark"

PHASES = [
    # slug, name, number, description (sort order follows the list)
    (
        "forankre",
        "Forankre og avgrense",
        1,
        "Definer problemet, sett mål og få ledere og interessenter med fra starten.",
    ),
    (
        "forsta",
        "Forstå behovet",
        2,
        "Skaff innsikt i de virkelige behovene til brukere, ansatte og organisasjonen.",
    ),
    (
        "skape",
        "Skape idéer og løsninger",
        3,
        "Gjør innsikten om til mange idéer, og velg et konkret tjenestekonsept.",
    ),
    (
        "teste",
        "Teste og prøve ut",
        4,
        "Lag enkle prototyper, test med brukerne og prøv ut i liten skala før dere bruker penger.",
    ),
    (
        "ta-i-bruk",
        "Ta i bruk",
        5,
        "Gjør løsningen til en del av driften med rutiner, opplæring og eventuelt en anskaffelse.",
    ),
    (
        "gevinster-og-spredning",
        "Hente gevinster og spre",
        6,
        "Mål mot nullpunktet, følg opp gevinstene, og del det som virker, så andre kan ta det i bruk.",
    ),
    (
        "gjennomgaende",
        "Gjennomgående",
        0,
        "Verktøy dere bruker i alle faser, som gevinstrealisering og retrospektiv.",
    ),
]

INDEX = {
    "title": "Metoder og verktøy",
    "slug": "metoder",
    "intro": (
        "Her finner du metoder og verktøy for hver fase i innovasjonsarbeidet, med steg du kan "
        "følge og arbeidsark du kan skrive ut. Innovasjon går sjelden i en rett linje – det er "
        "helt vanlig å gå tilbake en fase når dere lærer noe nytt."
    ),
}

ADVISOR = {
    "name": "Innovasjonsrådgiver (demo)",
    "role": "Rådgiver for innovasjon og forbedring",
    "unit": "Innovasjon og digitalisering",
    "email": "innovasjon@eksempel.no",
}
DESIGNER = {
    "name": "Tjenestedesigner (demo)",
    "role": "Tjenestedesigner",
    "unit": "Innovasjon og digitalisering",
    "email": "innovasjon@eksempel.no",
}

WORKSHEETS = {
    # key: (document title, file name, builder)
    "interessentanalyse": (
        "Arbeidsark: Interessentanalyse",
        "arbeidsark-interessentanalyse.pdf",
        worksheets.stakeholder_analysis,
    ),
    "gevinstkart": (
        "Arbeidsark: Gevinstkart",
        "arbeidsark-gevinstkart.pdf",
        worksheets.benefit_map,
    ),
    "pdsa": ("Arbeidsark: PDSA-syklus", "arbeidsark-pdsa-syklus.pdf", worksheets.pdsa_cycle),
    "persona": ("Mal: Persona", "mal-persona.pdf", worksheets.persona),
    "brukerreise": ("Mal: Brukerreise", "mal-brukerreise.pdf", worksheets.journey_map),
}


def load(stdout=None):
    home = HomePage.objects.get()
    phases = _phases()
    people = {"advisor": _person(ADVISOR), "designer": _person(DESIGNER)}
    documents = _worksheets()
    index = _index(home)
    created = {}
    existing = {page.slug: page for page in MethodPage.objects.child_of(index)}
    for spec in METHODS:
        if spec["slug"] in existing:
            continue
        created[spec["slug"]] = _method(index, spec, phases, people, documents)
    by_slug = {**existing, **created}
    for spec in METHODS:
        page = created.get(spec["slug"])
        if page is None:
            continue
        for position, slug in enumerate(spec.get("related", [])):
            if slug in by_slug:
                page.related_methods.add(
                    MethodPageRelatedMethod(method=by_slug[slug], sort_order=position)
                )
        page.save_revision().publish()


def _phases():
    phases = {}
    for position, (slug, name, number, description) in enumerate(PHASES, start=1):
        phase, _created = Phase.objects.get_or_create(
            slug=slug,
            defaults={
                "name": name,
                "number": number,
                "description": description,
                "sort_order": position,
            },
        )
        phases[slug] = phase
    return phases


def _person(spec):
    person, _created = Person.objects.get_or_create(
        name=spec["name"], defaults={key: value for key, value in spec.items() if key != "name"}
    )
    return person


def _worksheets():
    """The worksheets as Wagtail documents in the collection «Arbeidsark»."""
    Document = get_document_model()
    root = Collection.get_first_root_node()
    collection = root.get_children().filter(name=WORKSHEET_COLLECTION).first()
    if collection is None:
        collection = root.add_child(name=WORKSHEET_COLLECTION)
    documents = {}
    for key, (title, filename, builder) in WORKSHEETS.items():
        document = Document.objects.filter(collection=collection, title=title).first()
        if document is None:
            document = Document(title=title, collection=collection)
            document.file.save(filename, ContentFile(builder()), save=False)
            document._set_document_file_metadata()
            document.save()
        documents[key] = document
    return documents


def _index(home):
    index = MethodIndexPage.objects.child_of(home).first()
    if index is not None:
        return index
    index = MethodIndexPage(
        title=INDEX["title"],
        slug=INDEX["slug"],
        intro=INDEX["intro"],
        search_description=INDEX["intro"],
        show_in_menus=True,
    )
    home.add_child(instance=index)
    index.save_revision().publish()
    return index


def _method(index, spec, phases, people, documents):
    page = MethodPage(
        title=spec["title"],
        slug=spec["slug"],
        summary=spec["summary"],
        duration=spec["duration"],
        duration_detail=spec["duration_detail"],
        participants_min=spec["participants"][0],
        participants_max=spec["participants"][1],
        difficulty=spec["difficulty"],
        materials="\n".join(spec["materials"]),
        when_to_use=spec["when_to_use"],
        outcome=spec["outcome"],
        steps=[
            ("stage", {"title": step}) if isinstance(step, str) else ("step", _step(*step))
            for step in spec["steps"]
        ],
        contact_person=people[spec["contact"]],
        search_description=spec["summary"],
    )
    page.phases.set([phases[slug] for slug in spec["phases"]])
    page.tags.add(*spec["tags"])
    for position, resource in enumerate(spec.get("resources", [])):
        if "worksheet" in resource:
            page.resources.add(
                MethodPageResource(
                    document=documents[resource["worksheet"]],
                    title=resource.get("title", ""),
                    description=resource.get("description", ""),
                    sort_order=position,
                )
            )
        else:
            page.resources.add(
                MethodPageResource(
                    link_url=resource["url"],
                    title=resource["title"],
                    description=resource.get("description", ""),
                    sort_order=position,
                )
            )
    index.add_child(instance=page)
    return page


def _step(title, description, tip="", duration=""):
    return {
        "title": title,
        "description": f"<p>{description}</p>",
        "tip": tip,
        "duration": duration,
    }


def _html(*paragraphs):
    return "".join(f"<p>{text}</p>" for text in paragraphs)


def _list(*items):
    return "<ul>" + "".join(f"<li>{item}</li>" for item in items) + "</ul>"


METHODS = [
    {
        "slug": "interessentanalyse",
        "title": "Interessentanalyse",
        "summary": (
            "Finn ut hvem som påvirker prosjektet eller blir påvirket av det, og bestem hvordan "
            "dere skal involvere hver av dem."
        ),
        "phases": ["forankre"],
        "tags": ["forankring", "samarbeid"],
        "duration": Duration.UP_TO_AN_HOUR,
        "duration_detail": "ca. 60 min",
        "participants": (3, 8),
        "difficulty": Difficulty.EASY,
        "materials": [
            "Rutenett med innflytelse og interesse på tavle eller A1-ark",
            "Gule lapper og tusj",
            "Arbeidsarket for interessentanalyse",
        ],
        "when_to_use": _list(
            "Når prosjektet starter, før dere har bestemt hvem som skal med.",
            "Før dere søker om midler: søknaden blir sterkere når dere vet hvem som må være med.",
            "Når dere møter motstand og ikke helt forstår hvorfor.",
        )
        + _html("Gå gjennom analysen på nytt hver gang prosjektet går over i en ny fase."),
        "outcome": _html(
            "Et kart over alle som har noe med prosjektet å gjøre, en strategi for hver av dem "
            "og en enkel kommunikasjonsplan som sier hvem som snakker med hvem, og når."
        ),
        "steps": [
            (
                "List alle interessentene",
                "Skriv alle som påvirker eller blir påvirket av prosjektet på hver sin lapp: "
                "brukere, pårørende, ansatte, ledere, tillitsvalgte, andre enheter og eksterne "
                "samarbeidspartnere.",
                "Tenk også på dem som ikke er i rommet, og som ingen har snakket med ennå.",
                "ca. 10 min",
            ),
            (
                "Noter forventninger og bekymringer",
                "Skriv kort hva hver interessent håper prosjektet gir, og hva de kan være redde "
                "for. Bruk det dere vet, og marker det dere bare tror.",
                "",
                "ca. 15 min",
            ),
            (
                "Plasser lappene i rutenettet",
                "Vurder innflytelse og interesse fra ingen til stor, og flytt lappene dit de hører "
                "hjemme. Diskuter der dere er uenige.",
                "",
                "ca. 15 min",
            ),
            (
                "Velg en strategi for hver rute",
                "Involver tett dem med stor innflytelse og stor interesse. Hold fornøyd dem med stor "
                "innflytelse, hold informert dem med stor interesse, og følg med på resten.",
                "",
                "ca. 10 min",
            ),
            (
                "Lag en kommunikasjonsplan",
                "Bestem hvem i prosjektet som har kontakten med hver interessent, hvordan og hvor "
                "ofte. Sett første kontakt i kalenderen med én gang.",
                "",
                "ca. 10 min",
            ),
        ],
        "resources": [
            {
                "worksheet": "interessentanalyse",
                "title": "Last ned arbeidsark for interessentanalyse",
                "description": "Rutenett og tabell for interessenter og kommunikasjon, to sider.",
            },
            {
                "url": "https://prosjektveiviseren.digdir.no/god-praksis/analysere-interessenter/109",
                "title": "Analysere interessenter – Prosjektveiviseren",
                "description": "Digdirs veiledning om interessentanalyse i prosjekter.",
            },
        ],
        "related": ["gevinstkart", "problemtre"],
        "contact": "advisor",
    },
    {
        "slug": "problemtre",
        "title": "Problemtre",
        "summary": (
            "Tegn problemet som et tre med årsaker som røtter og konsekvenser som krone, så dere "
            "ser hva dere faktisk kan gjøre noe med."
        ),
        "phases": ["forankre", "forsta"],
        "tags": ["problemforståelse", "samarbeid"],
        "duration": Duration.UP_TO_AN_HOUR,
        "duration_detail": "45–60 min",
        "participants": (4, 12),
        "difficulty": Difficulty.EASY,
        "materials": [
            "Stort ark med et tegnet tre",
            "Lapper i tre farger: problem, årsaker og konsekvenser",
            "Tusj",
        ],
        "when_to_use": _html(
            "Når problemet er uklart, eller når folk er uenige om hva problemet egentlig er. "
            "Metoden passer godt sammen med «5 × hvorfor», og gir et godt grunnlag for "
            "«Hvordan kan vi …?»-spørsmål."
        ),
        "outcome": _html(
            "En felles forståelse av kjerneproblemet, de viktigste årsakene og hva problemet "
            "fører til – og en omformulert problemstilling dere kan jobbe videre med."
        ),
        "steps": [
            (
                "Bli enige om kjerneproblemet",
                "Skriv problemet på stammen av treet. Formuler det som en tilstand, ikke som "
                "mangel på en bestemt løsning.",
                "«Vi mangler en app» er en løsning. «Innbyggerne finner ikke svar på nettet» er et "
                "problem.",
                "ca. 10 min",
            ),
            (
                "Finn årsakene",
                "Spør «hvorfor?» og fest årsakene som røtter. Spør videre om hver årsak, så røttene "
                "får flere lag.",
                "",
                "ca. 15 min",
            ),
            (
                "Finn konsekvensene",
                "Spør «hva fører det til?» og fest konsekvensene i kronen: for brukerne, for de "
                "ansatte og for kommunen.",
                "",
                "ca. 10 min",
            ),
            (
                "Marker det dere kan påvirke",
                "Sett en prikk på årsakene dere selv kan gjøre noe med. Det er her et prosjekt kan "
                "begynne.",
                "",
                "ca. 5 min",
            ),
            (
                "Omformuler problemet",
                "Skriv problemet på nytt med det dere nå vet, og ta det med videre i "
                "innsiktsarbeidet.",
                "",
                "ca. 10 min",
            ),
        ],
        "related": ["hvordan-kan-vi", "interessentanalyse"],
        "contact": "advisor",
    },
    {
        "slug": "gevinstkart",
        "title": "Gevinstkart",
        "summary": (
            "Vis sammenhengen mellom tiltakene, endringene de gir og gevinstene dere vil hente ut, "
            "så alle ser hvorfor prosjektet finnes."
        ),
        "phases": ["forankre", "gjennomgaende"],
        "tags": ["gevinstrealisering", "forankring"],
        "duration": Duration.HALF_DAY,
        "duration_detail": "2 økter à 90 min",
        "participants": (4, 8),
        "difficulty": Difficulty.DEMANDING,
        "materials": [
            "Arbeidsarket for gevinstkart",
            "Liste over mulige indikatorer",
            "Tall for dagens situasjon, hvis dere har dem",
        ],
        "when_to_use": _html(
            "I alle prosjekter som søker om penger, og før en pilot. Start i forankringsfasen og "
            "hold kartet levende helt til gevinstene er hentet ut: kartlegg i fase 3–4, planlegg i "
            "fase 5–6 og følg opp i fase 6.",
            "Ta med lederen som skal eie gevinstene. Uten en eier i linjen blir gevinstene sjelden "
            "hentet ut.",
        ),
        "outcome": _html(
            "Et gevinstkart med effektmål, gevinster, indikatorer og nullpunktsmålinger, og en "
            "gevinstansvarlig for hver gevinst."
        ),
        "steps": [
            "Første økt",
            (
                "Skriv effektmålet",
                "Skriv lengst til høyre hva prosjektet skal føre til for brukerne og kommunen. Det "
                "er svaret på «hvorfor gjør vi dette?».",
                "",
                "ca. 15 min",
            ),
            (
                "List gevinstene",
                "En gevinst er en effekt som minst én interessent ser som positiv. Tenk i tre "
                "typer: spart tid eller penger, bedre kvalitet og nytte for andre.",
                "Unngåtte kostnader er også en gevinst, selv om de ikke frigjør kroner i budsjettet.",
                "ca. 30 min",
            ),
            (
                "Knytt gevinstene til endringer og tiltak",
                "Tegn piler bakover: hvilken endring i arbeidshverdagen gir gevinsten, og hvilket "
                "tiltak gir endringen?",
                "",
                "ca. 30 min",
            ),
            "Andre økt",
            (
                "Velg indikatorer og mål nullpunktet",
                "Velg én indikator per gevinst som er enkel å måle, og mål den før dere endrer noe. "
                "Uten nullpunkt kan dere ikke vise hva endringen ga.",
                "",
                "ca. 60 min",
            ),
            (
                "Utnevn gevinstansvarlige",
                "Hver gevinst trenger en eier i linjen som følger den opp etter at prosjektet er "
                "over. Skriv navnet inn i kartet.",
                "",
                "ca. 15 min",
            ),
        ],
        "resources": [
            {
                "worksheet": "gevinstkart",
                "title": "Last ned arbeidsark for gevinstkart",
                "description": "Kartet og en tabell for indikatorer, nullpunkt og ansvar.",
            },
            {
                "url": "https://www.ks.no/fagomrader/innovasjon/innovasjonsledelse/gevinstrealisering/",
                "title": "Gevinstrealisering – KS",
                "description": "Interessentanalyse, gevinstrealiseringsplan og nullpunktsmåling.",
            },
            {
                "url": "https://dfo.no/fagomrader/etats-og-virksomhetsstyring/gevinstrealisering/hva-er-en-gevinst",
                "title": "Hva er en gevinst? – DFØ",
            },
        ],
        "related": ["interessentanalyse", "pdsa"],
        "contact": "advisor",
    },
    {
        "slug": "dybdeintervju",
        "title": "Dybdeintervju",
        "summary": (
            "Snakk med brukerne én og én, og lær hvordan de faktisk opplever tjenesten før dere "
            "velger en løsning."
        ),
        "phases": ["forsta"],
        "tags": ["brukerinnsikt", "tjenestedesign"],
        "duration": Duration.SEVERAL_DAYS,
        "duration_detail": "45–60 min per intervju",
        "participants": (2, 3),
        "difficulty": Difficulty.MEDIUM,
        "materials": [
            "En løs intervjuguide med åpne spørsmål",
            "Samtykkeskjema",
            "Notatark, eller lydopptaker hvis den som intervjues sier ja",
        ],
        "when_to_use": _html(
            "Før dere velger en løsning, når dere trenger å forstå behov, vaner og følelser som "
            "ikke kommer fram i statistikk eller spørreskjema."
        ),
        "outcome": _html(
            "Sitater, historier og mønstre fra virkeligheten, samlet i innsikter dere kan bygge "
            "personas, brukerreiser og «Hvordan kan vi …?»-spørsmål på."
        ),
        "steps": [
            "Før intervjuene",
            (
                "Skriv hva dere vil lære",
                "Bli enige om tre til fem ting dere vil vite mer om, og lag en løs intervjuguide "
                "med åpne spørsmål rundt dem.",
                "",
                "",
            ),
            "I intervjuet",
            (
                "Skap trygghet og still åpne spørsmål",
                "Fortell hvorfor dere intervjuer, og be om samtykke. Be om historier: «Fortell om "
                "sist du …». Én intervjuer og én referent fungerer best.",
                "Begynn med ca. fem intervjuer, og fortsett så lenge dere hører noe nytt.",
                "45–60 min",
            ),
            (
                "Grav videre",
                "Spør «hvorfor?» og «hvordan opplevdes det?» når noe virker viktig. Tål pauser; "
                "de gir ofte de beste svarene.",
                "",
                "",
            ),
            (
                "Noter sitater og følelser",
                "Referenten skriver ordrett der det er mulig, og noterer også kroppsspråk og "
                "stemning.",
                "",
                "",
            ),
            "Etterpå",
            (
                "Oppsummer samme dag",
                "Sett dere sammen rett etter intervjuet og skriv ned de viktigste innsiktene mens "
                "de er ferske.",
                "",
                "ca. 20 min",
            ),
        ],
        "resources": [
            {
                "url": "https://digitalnorway.com/topic/gjennomfor-dybdeintervju/",
                "title": "Gjennomfør et dybdeintervju – DigitalNorway",
            },
        ],
        "related": ["skygging-og-observasjon", "personas", "brukerreise"],
        "contact": "designer",
    },
    {
        "slug": "skygging-og-observasjon",
        "title": "Skygging og observasjon",
        "summary": (
            "Følg en bruker eller en kollega gjennom en vanlig oppgave, og se hva som faktisk "
            "skjer – ikke bare det folk sier skjer."
        ),
        "phases": ["forsta"],
        "tags": ["brukerinnsikt", "tjenestedesign"],
        "duration": Duration.HALF_DAY,
        "duration_detail": "2–4 timer i felten",
        "participants": (1, 2),
        "difficulty": Difficulty.MEDIUM,
        "materials": [
            "Observasjonsskjema",
            "Klokke",
            "Kamera, bare når alle har sagt ja",
        ],
        "when_to_use": _html(
            "Når dere mistenker at rutinen på papiret og praksisen er to forskjellige ting, eller "
            "når brukerne har vanskelig for å forklare hva de gjør."
        ),
        "outcome": _html(
            "Konkrete observasjoner av handlinger, avbrudd, ventetid og «lureløsninger» som dere "
            "kan sammenligne med det folk forteller i intervjuer."
        ),
        "steps": [
            (
                "Avklar tillatelser",
                "Få ja fra lederen, fra dem du skal følge, og fra brukere som er til stede. Avklar "
                "hva du kan notere, og om bilder er greit.",
                "",
                "",
            ),
            (
                "Følg en reell oppgave",
                "Vær med gjennom en vanlig arbeidsøkt uten å gripe inn eller hjelpe til. Still "
                "spørsmål etterpå, ikke underveis.",
                "",
                "2–4 timer",
            ),
            (
                "Noter det du ser",
                "Skriv ned handlinger, avbrudd, ventetid og lureløsninger, med klokkeslett. Legg "
                "merke til det folk gjør uten å tenke over det.",
                "",
                "",
            ),
            (
                "Sammenlign med det folk sier",
                "Legg observasjonene ved siden av intervjuene og rutinebeskrivelsene. Avvikene er "
                "ofte de mest verdifulle funnene.",
                "",
                "ca. 30 min",
            ),
        ],
        "related": ["dybdeintervju", "brukerreise"],
        "contact": "designer",
    },
    {
        "slug": "personas",
        "title": "Personas",
        "summary": (
            "Lag noen få tenkte personer bygd på ekte innsikt, så teamet får et felles bilde av "
            "hvem dere lager tjenesten for."
        ),
        "phases": ["forsta", "skape"],
        "tags": ["brukerinnsikt", "tjenestedesign"],
        "duration": Duration.UP_TO_AN_HOUR,
        "duration_detail": "20–60 min",
        "participants": (2, 8),
        "difficulty": Difficulty.MEDIUM,
        "materials": [
            "Personamaler i A3 eller A4",
            "Innsikt fra intervjuer, observasjon og statistikk",
        ],
        "when_to_use": _html(
            "Når teamet trenger et felles bilde av «hvem vi lager dette for», og når diskusjoner "
            "om løsninger stopper opp fordi alle tenker på ulike brukere."
        ),
        "outcome": _html(
            "Vanligvis fire til seks personas med navn, situasjon, mål, frustrasjoner og et sitat, "
            "som dere bruker aktivt i idé- og testarbeidet."
        ),
        "steps": [
            (
                "Samle innsikten",
                "Legg fram det dere vet fra intervjuer, observasjon og statistikk. Personas uten "
                "innsikt blir bare gjetting.",
                "",
                "",
            ),
            (
                "Grupper etter behov",
                "Sorter innsikten etter behov og situasjon, ikke etter alder eller kjønn. Hver "
                "tydelig gruppe blir en persona.",
                "",
                "",
            ),
            (
                "Gi personaene liv",
                "Gi hver persona et navn, en situasjon, mål, frustrasjoner og et sitat med egne "
                "ord.",
                "",
                "",
            ),
            (
                "Sjekk for fordommer",
                "Spør om personaene bygger på det dere har sett, eller på forestillinger. Rett opp "
                "det som ikke tåler spørsmålet.",
                "",
                "",
            ),
            (
                "Bruk dem",
                "Heng personaene opp der teamet jobber, og spør «hva ville hun ha sagt?» når dere "
                "vurderer idéer og prototyper.",
                "",
                "",
            ),
        ],
        "resources": [
            {
                "worksheet": "persona",
                "title": "Last ned personamal",
                "description": "Én side per persona: situasjon, mål, frustrasjoner, behov og sitat.",
            },
        ],
        "related": ["dybdeintervju", "brukerreise"],
        "contact": "designer",
    },
    {
        "slug": "brukerreise",
        "title": "Brukerreise",
        "summary": (
            "Følg brukeren steg for steg gjennom tjenesten, og finn smertepunktene og de gode "
            "øyeblikkene underveis."
        ),
        "phases": ["forsta", "skape"],
        "tags": ["brukerinnsikt", "tjenestedesign", "samarbeid"],
        "duration": Duration.HALF_DAY,
        "duration_detail": "ca. 90 min",
        "participants": (4, 8),
        "difficulty": Difficulty.MEDIUM,
        "materials": [
            "Mal for brukerreise i A1, eller en lang papirrull",
            "Lapper i flere farger",
            "Tidtaker",
            "Følelseskort og kaoskort, hvis dere har dem",
        ],
        "when_to_use": _html(
            "Når en tjeneste går på tvers av flere enheter eller kanaler, og ingen ser helheten. "
            "Lag først reisen slik den er i dag, og deretter slik dere ønsker at den skal bli."
        ),
        "outcome": _html(
            "Et felles bilde av hele reisen med kontaktpunkter, tanker og følelser, og en "
            "prioritert liste over smertepunkter dere kan ta tak i."
        ),
        "steps": [
            (
                "Velg én persona og ett mål",
                "Bestem hvem reisen gjelder, og hva personen prøver å få til, for eksempel å søke "
                "om kommunal bolig.",
                "",
                "ca. 10 min",
            ),
            (
                "Legg stegene i rekkefølge",
                "Skriv hvert steg personen går gjennom på en lapp, fra behovet oppstår til det er "
                "løst, og legg dem i en lang rad.",
                "",
                "ca. 20 min",
            ),
            (
                "Marker kontaktpunktene",
                "Skriv under hvert steg hvor personen møter kommunen: digitalt, fysisk eller i en "
                "samtale.",
                "",
                "ca. 15 min",
            ),
            (
                "Noter tanker og følelser",
                "Hva tenker og føler personen i hvert steg? Bruk sitater fra intervjuene der dere "
                "har dem.",
                "",
                "ca. 20 min",
            ),
            (
                "Finn smertepunkter og gode øyeblikk",
                "Marker hvor det butter og hvor det fungerer godt, og velg sammen hvor dere vil "
                "begynne.",
                "Start der smerten er størst og dere selv har mest å si.",
                "ca. 25 min",
            ),
        ],
        "resources": [
            {
                "worksheet": "brukerreise",
                "title": "Last ned mal for brukerreise",
                "description": "Liggende A4 som kan forstørres til A1.",
            },
            {
                "url": "https://www.baerum.kommune.no/om-barum-kommune/organisasjon/innovasjon-i-barum/metodebank/behovsfase/brukerreise/",
                "title": "Brukerreise i Bærum kommunes metodebank",
            },
        ],
        "related": ["personas", "hvordan-kan-vi"],
        "contact": "designer",
    },
    {
        "slug": "hvordan-kan-vi",
        "title": "Hvordan kan vi …?",
        "summary": (
            "Gjør et smertepunkt om til et åpent spørsmål som inviterer til mange idéer, i stedet "
            "for å hoppe rett til én løsning."
        ),
        "phases": ["forsta", "skape"],
        "tags": ["idéutvikling", "problemforståelse"],
        "duration": Duration.UP_TO_AN_HOUR,
        "duration_detail": "20–30 min",
        "participants": (3, 10),
        "difficulty": Difficulty.EASY,
        "materials": ["Gule lapper og tusj", "Klistremerker til prikkstemming"],
        "when_to_use": _html(
            "Rett før idémyldring, når innsikten er samlet og dere skal over i idéfasen. "
            "Spørsmålene hindrer at gruppa hopper rett til den første løsningen."
        ),
        "outcome": _html("Ett til tre gode spørsmål som idémyldringen kan starte fra."),
        "steps": [
            (
                "Ta ett smertepunkt",
                "Velg et smertepunkt fra brukerreisen eller innsikten som dere vil gjøre noe med.",
                "",
                "ca. 2 min",
            ),
            (
                "Skriv spørsmålet",
                "Bruk formen «Hvordan kan vi hjelpe [hvem] med å [behov] når [situasjon]?». Hver "
                "skriver sine egne varianter.",
                "",
                "ca. 8 min",
            ),
            (
                "Lag bredere og smalere varianter",
                "Gjør noen spørsmål bredere og andre smalere. For bredt gir ingen retning, for "
                "smalt peker ut løsningen på forhånd.",
                "",
                "ca. 10 min",
            ),
            (
                "Stem fram spørsmålene",
                "Prikkstem, og velg ett til tre spørsmål å ta med inn i idémyldringen.",
                "",
                "ca. 5 min",
            ),
        ],
        "related": ["idemyldring", "crazy-8s"],
        "contact": "designer",
    },
    {
        "slug": "idemyldring",
        "title": "Idémyldring",
        "summary": (
            "Få fram mange idéer på kort tid ved å skrive hver for seg først og bygge videre på "
            "hverandre etterpå."
        ),
        "phases": ["skape"],
        "tags": ["idéutvikling", "samarbeid"],
        "duration": Duration.UP_TO_AN_HOUR,
        "duration_detail": "30–45 min",
        "participants": (4, 12),
        "difficulty": Difficulty.EASY,
        "materials": [
            "«Hvordan kan vi …?»-spørsmålet skrevet stort",
            "Gule lapper og tusj",
            "Klistremerker til prikkstemming",
        ],
        "when_to_use": _html(
            "Når dere trenger bredde før dere velger. Blandede grupper fra flere fag gir flest "
            "og best idéer."
        ),
        "outcome": _html("To til tre idéer som gruppa vil ta videre til en prototype."),
        "steps": [
            (
                "Presenter spørsmålet og reglene",
                "Mange idéer, ingen kritikk, bygg videre på de andres. Vis spørsmålet der alle "
                "ser det.",
                "",
                "ca. 5 min",
            ),
            (
                "Skriv hver for seg",
                "Alle skriver idéer i stillhet, én idé per lapp. Da kommer også de stille stemmene "
                "fram.",
                "",
                "5 min",
            ),
            (
                "Del og grupper",
                "Hver leser opp lappene sine og henger dem opp. Grupper like idéer, og bygg videre "
                "på dem underveis.",
                "",
                "ca. 15 min",
            ),
            (
                "Prikkstem",
                "Alle får tre prikker og setter dem på idéene de har mest tro på.",
                "",
                "ca. 5 min",
            ),
            (
                "Velg idéene dere tar videre",
                "Velg to til tre idéer, og bestem hvem som lager en enkel prototype av hver.",
                "",
                "ca. 5 min",
            ),
        ],
        "related": ["hvordan-kan-vi", "crazy-8s"],
        "contact": "designer",
    },
    {
        "slug": "crazy-8s",
        "title": "Crazy 8s",
        "summary": (
            "Skisser åtte idéer på åtte minutter. Tempoet hjelper gruppa forbi den første, "
            "opplagte idéen."
        ),
        "phases": ["skape"],
        "tags": ["idéutvikling"],
        "duration": Duration.UP_TO_AN_HOUR,
        "duration_detail": "ca. 25 min",
        "participants": (1, 8),
        "difficulty": Difficulty.EASY,
        "materials": [
            "Et A3- eller A4-ark per person, brettet i åtte felt",
            "Tykk tusj",
            "Tidtaker",
            "Omtrent tre klistremerker per person",
        ],
        "when_to_use": _html(
            "Når gruppa har låst seg fast i sin første idé. Du trenger ikke kunne tegne: "
            "strekmenn og piler holder."
        ),
        "outcome": _html("Mange raske skisser, og et par idéer gruppa har mest tro på."),
        "steps": [
            ("Vis spørsmålet", "Heng opp «Hvordan kan vi …?»-spørsmålet der alle ser det.", "", ""),
            ("Brett arket", "Brett arket tre ganger, så det får åtte felt.", "", "1 min"),
            (
                "Skisser én idé per minutt",
                "Start tidtakeren og tegn én idé i hvert felt. Når minuttet er over, går du videre "
                "til neste felt.",
                "Bruk tykk tusj, så blir det ikke rom for detaljer.",
                "8 min",
            ),
            (
                "Presenter kort",
                "Hver viser skissene sine og forklarer dem med en setning eller to.",
                "",
                "ca. 10 min",
            ),
            (
                "Prikkstem og ta vinnerne videre",
                "Alle setter klistremerkene på skissene de liker best. Ta de mest populære videre.",
                "",
                "ca. 5 min",
            ),
        ],
        "related": ["idemyldring", "prototyping"],
        "contact": "designer",
    },
    {
        "slug": "prototyping",
        "title": "Prototyping",
        "summary": (
            "Lag en enkel, uferdig versjon av tjenesten, så dere kan teste idéen før dere bruker "
            "tid og penger på den."
        ),
        "phases": ["skape", "teste"],
        "tags": ["testing", "idéutvikling"],
        "duration": Duration.HALF_DAY,
        "duration_detail": "1–3 timer",
        "participants": (2, 6),
        "difficulty": Difficulty.MEDIUM,
        "materials": [
            "Papir, papp og teip",
            "Lego eller annet byggemateriell",
            "Rollekort",
            "Mal for storyboard",
        ],
        "when_to_use": _html(
            "Før dere bruker penger, og når en idé er lettere å forstå når man ser den. En "
            "prototype er til for å lære, ikke for å imponere."
        ),
        "outcome": _html(
            "En prototype som svarer på ett konkret spørsmål, og som er klar til å testes med "
            "brukerne."
        ),
        "steps": [
            (
                "Skriv hva dere vil finne ut",
                "Formuler ett spørsmål prototypen skal svare på, for eksempel «forstår foreldrene "
                "velkomstpakken uten at noen forklarer den?».",
                "",
                "ca. 10 min",
            ),
            (
                "Velg form",
                "Velg den enkleste formen som svarer på spørsmålet: papirskisse, storyboard, "
                "rollespill eller en fysisk modell.",
                "",
                "",
            ),
            (
                "Hold det enkelt og uferdig",
                "Bruk papp, teip og penn. Jo mer uferdig prototypen ser ut, jo ærligere "
                "tilbakemeldinger får dere.",
                "",
                "1–2 timer",
            ),
            (
                "Test én ting om gangen",
                "Vis prototypen til noen i målgruppen, og se etter svaret på spørsmålet dere "
                "skrev.",
                "",
                "",
            ),
            (
                "Juster og lag en ny versjon",
                "Endre det som ikke virket, og test igjen. Flere små runder lærer dere mer enn én "
                "stor.",
                "",
                "",
            ),
        ],
        "related": ["brukertesting", "crazy-8s"],
        "contact": "designer",
    },
    {
        "slug": "brukertesting",
        "title": "Brukertesting",
        "summary": (
            "La brukerne prøve prototypen på egen hånd mens dere ser på, og finn ut hvor de "
            "stopper opp."
        ),
        "phases": ["teste"],
        "tags": ["testing", "brukerinnsikt"],
        "duration": Duration.FULL_DAY,
        "duration_detail": "30–45 min per testperson",
        "participants": (3, 7),
        "difficulty": Difficulty.MEDIUM,
        "materials": [
            "Prototypen",
            "Testmanus med oppgaver",
            "Samtykkeskjema",
            "Observasjonsskjema",
        ],
        "when_to_use": _html(
            "Med hver prototype, og alltid før en pilot. Omtrent fem testpersoner per runde "
            "finner de fleste problemene; i tillegg trengs en testleder og en referent."
        ),
        "outcome": _html(
            "En prioritert liste over det som må endres før neste runde, med observasjoner som "
            "viser hvorfor."
        ),
        "steps": [
            "Før testene",
            (
                "Rekrutter fra målgruppen",
                "Finn omtrent fem personer som ligner dem tjenesten er for. Kolleger er sjelden "
                "gode testpersoner.",
                "",
                "",
            ),
            "Under hver test",
            (
                "Gi en realistisk oppgave",
                "Be personen gjøre noe, for eksempel «søk om plass i barnehage», ikke forklar "
                "hvordan tjenesten virker.",
                "",
                "",
            ),
            (
                "Be dem tenke høyt",
                "Be testpersonen si hva hen tenker underveis. Ikke hjelp, selv om det er fristende.",
                "Svar på spørsmål med et spørsmål: «Hva tror du?»",
                "30–45 min",
            ),
            (
                "Noter hvor de stopper opp",
                "Referenten skriver ned hvor personen nøler, gjør feil eller blir usikker.",
                "",
                "",
            ),
            "Etter testrunden",
            (
                "Prioriter endringene",
                "Samle funnene fra alle testene, og velg det som må endres før neste runde.",
                "",
                "ca. 60 min",
            ),
        ],
        "related": ["prototyping", "dybdeintervju"],
        "contact": "designer",
    },
    {
        "slug": "pdsa",
        "title": "PDSA – modell for forbedring",
        "summary": (
            "Test endringer i det små med korte sykluser av planlegg, utfør, studer og juster, "
            "og bygg på det dere lærer."
        ),
        "phases": ["teste", "ta-i-bruk", "gevinster-og-spredning"],
        "tags": ["testing", "kontinuerlig forbedring", "gevinstrealisering"],
        "duration": Duration.SEVERAL_DAYS,
        "duration_detail": "fra noen dager til noen uker per syklus",
        "participants": (3, 6),
        "difficulty": Difficulty.MEDIUM,
        "materials": ["PDSA-skjema", "Et enkelt forløpsdiagram for målingene"],
        "when_to_use": _html(
            "Når dere vil forbedre daglige rutiner, og når dere vil teste i det små før dere "
            "innfører noe for alle."
        ),
        "outcome": _html(
            "Endringer som er prøvd ut og målt i egen praksis, og data som viser om de faktisk "
            "er forbedringer."
        ),
        "steps": [
            (
                "Svar på de tre spørsmålene",
                "Hva vil vi oppnå? Hvordan vet vi at en endring er en forbedring? Hvilken endring "
                "kan vi prøve?",
                "",
                "ca. 30 min",
            ),
            (
                "Planlegg en liten test",
                "Bestem hva dere tester, hvem som er med, hvor og når, og hva dere tror vil skje. "
                "Start med få personer og kort tid.",
                "",
                "",
            ),
            (
                "Gjennomfør og samle data",
                "Gjør testen og noter hva som skjer, også det dere ikke ventet.",
                "",
                "",
            ),
            (
                "Studer resultatet",
                "Sammenlign resultatet med det dere trodde, og snakk om hva dere lærte.",
                "",
                "",
            ),
            (
                "Behold, juster eller forkast",
                "Bestem hva dere gjør med endringen, og start neste syklus med det dere vet nå.",
                "",
                "",
            ),
        ],
        "resources": [
            {
                "worksheet": "pdsa",
                "title": "Last ned arbeidsark for PDSA-syklusen",
                "description": "Ett ark per test: de tre spørsmålene og de fire stegene.",
            },
            {
                "url": "https://www.helsebiblioteket.no/kvalitetsforbedring/metoder-og-verktoy/modell-for-forbedring-langley-nolan",
                "title": "Modell for forbedring – Helsebiblioteket",
            },
        ],
        "related": ["a3-problemlosning", "gevinstkart"],
        "contact": "advisor",
    },
    {
        "slug": "a3-problemlosning",
        "title": "A3-problemløsning med tavlemøter",
        "summary": (
            "Løs problemer som stadig kommer tilbake, på ett A3-ark fra fakta til tiltaksplan, og "
            "følg opp på korte tavlemøter."
        ),
        "phases": ["ta-i-bruk", "gevinster-og-spredning"],
        "tags": ["kontinuerlig forbedring", "problemforståelse"],
        "duration": Duration.SEVERAL_DAYS,
        "duration_detail": "2–4 økter à ca. 60 min, tavlemøter 5–10 min",
        "participants": (3, 7),
        "difficulty": Difficulty.DEMANDING,
        "materials": ["A3-mal", "Forbedringstavle"],
        "when_to_use": _html(
            "Når et problem i driften kommer igjen og igjen, og når et nytt tiltak skal bli en "
            "fast del av arbeidshverdagen."
        ),
        "outcome": _html(
            "Ett A3-ark som viser hele resonnementet fra nåsituasjon til tiltak, og en fast "
            "rytme for å følge opp på tavla."
        ),
        "steps": [
            (
                "Beskriv bakgrunn og nåsituasjon",
                "Skriv hvorfor problemet er viktig, og beskriv situasjonen i dag med fakta og tall.",
                "",
                "",
            ),
            ("Sett et konkret mål", "Skriv hva dere vil oppnå, hvor mye og innen når.", "", ""),
            (
                "Finn rotårsakene",
                "Spør «hvorfor?» fem ganger for å komme forbi symptomene og inn til rotårsakene.",
                "",
                "",
            ),
            ("Velg tiltak", "Velg tiltak som treffer rotårsakene, ikke bare symptomene.", "", ""),
            (
                "Lag en tiltaksplan",
                "Skriv hvem som gjør hva, og innen når. Hvert tiltak har én ansvarlig.",
                "",
                "",
            ),
            (
                "Følg opp på tavlemøter",
                "Gå gjennom tiltakene på korte, faste tavlemøter, og juster når tallene viser at "
                "noe ikke virker.",
                "Hold møtene stående og korte; det som krever diskusjon, tar dere etterpå.",
                "5–10 min",
            ),
        ],
        "related": ["pdsa", "problemtre"],
        "contact": "advisor",
    },
    {
        "slug": "retrospektiv",
        "title": "Retrospektiv",
        "summary": (
            "Se tilbake på perioden som har gått, og bli enige om hva teamet skal fortsette med, "
            "og hva dere skal prøve annerledes."
        ),
        "phases": ["gjennomgaende"],
        "tags": ["samarbeid", "kontinuerlig forbedring"],
        "duration": Duration.UP_TO_AN_HOUR,
        "duration_detail": "45–60 min",
        "participants": (3, None),
        "difficulty": Difficulty.EASY,
        "materials": [
            "Tre kolonner på tavla: «Hva gikk bra», «Hva kan bli bedre» og «Hva prøver vi neste gang»",
            "Gule lapper og tusj",
        ],
        "when_to_use": _html(
            "Jevnlig, etter hver sprint eller pilotperiode – ikke bare når prosjektet er ferdig. "
            "En retrospektiv er også et godt sted å dele årets «beste feil». Mange team setter av "
            "60–120 minutter når de har mye å snakke om."
        ),
        "outcome": _html(
            "Én til tre konkrete forbedringer med en eier hver, og et team som snakker åpent "
            "om det som ikke virket."
        ),
        "steps": [
            (
                "Sjekk inn",
                "Start med en runde der alle sier et ord om hvordan perioden har vært. Minn om at "
                "alle gjorde så godt de kunne med det de visste.",
                "",
                "ca. 5 min",
            ),
            (
                "Skriv lapper i stillhet",
                "Alle skriver lapper til de tre kolonnene hver for seg.",
                "",
                "ca. 10 min",
            ),
            (
                "Grupper i temaer",
                "Heng opp lappene, les dem høyt og grupper like lapper i temaer.",
                "",
                "ca. 15 min",
            ),
            (
                "Velg forbedringer med eier",
                "Stem over temaene, og velg én til tre forbedringer. Gi hver forbedring en eier.",
                "",
                "ca. 15 min",
            ),
            (
                "Følg opp neste gang",
                "Start neste retrospektiv med å se på forbedringene fra sist: ble de gjort, og "
                "virket de?",
                "",
                "ca. 5 min",
            ),
        ],
        "related": ["pdsa"],
        "contact": "advisor",
    },
]
