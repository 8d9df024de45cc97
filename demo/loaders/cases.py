"""Demo content for the case stories: the service areas and eight invented projects.

Written from ../shared/content-brief.md §4 (cases C1–C8, all [FIKTIV]) and §1.4 (the
service areas, which are real). Every case is marked «Demo-innhold»; the numbers are
plausible, not real, and the people are roles, not names. The methods are the demo
methods, looked up by slug (methods loads first). The pictures are abstract
illustrations drawn by demo/illustrations.py. Everything is looked up before it is
created, so running the loader twice changes nothing.
"""

import datetime
from io import BytesIO

from django.core.files.images import ImageFile
from wagtail.images import get_image_model
from wagtail.models import Collection

from cases.models import CaseIndexPage, CasePage, CasePageGalleryImage, CasePageMethod, Sector
from demo import illustrations
from home.models import HomePage, Person
from methods.models import MethodPage

IMAGE_COLLECTION = "Illustrasjoner (demo)"

SECTORS = [
    # slug, name (content brief §1.4, in order of size)
    ("oppvekst-og-utdanning", "Oppvekst og utdanning"),
    ("helse-og-velferd", "Helse og velferd"),
    ("bymiljo-og-utbygging", "Bymiljø og utbygging"),
    ("stab-og-stotte", "Stab og støtte"),
    ("innbygger-og-samfunnskontakt", "Innbygger- og samfunnskontakt"),
    ("by-og-samfunnsplanlegging", "By- og samfunnsplanlegging"),
]

INDEX = {
    "title": "Eksempler",
    "slug": "eksempler",
    "intro": (
        "Her finner du prosjekter fra hele kommunen, både pågående og avsluttede. Se hva "
        "kolleger har prøvd ut, hvilke metoder de brukte, og hva de fikk ut av det. "
        "Eksemplene her er foreløpig demo-innhold."
    ),
    "featured": "velkommen-til-skolen",
}

# What each illustration shows, for its alternative text (see demo/illustrations.py).
MOTIF_DESCRIPTIONS = {
    "islands": "grønne øyer i et blått hav under en gul sol",
    "circles": "overlappende sirkler i blått, grønt og gult",
    "hills": "bølgende åser i blåtoner foran en gul sol",
    "columns": "avrundede søyler i blått og grønt, én av dem gul",
    "path": "en buktende gul linje med mørkeblå prikker over lyse blå flater",
    "waves": "bølgebånd i flere blåtoner under en gul sol",
    "leaves": "en grønn kvist med blader og en gul sol",
    "dots": "et rutenett av blå og grønne prikker der noen er gule",
}

PEOPLE = {
    "advisor": {
        "name": "Innovasjonsrådgiver (demo)",
        "role": "Rådgiver for innovasjon og forbedring",
        "unit": "Innovasjon og digitalisering",
        "email": "innovasjon@eksempel.no",
    },
    "health": {
        "name": "Prosjektleder helse og velferd (demo)",
        "role": "Prosjektleder",
        "unit": "Helse og velferd",
        "email": "innovasjon@eksempel.no",
    },
    "school": {
        "name": "Prosjektleder oppvekst (demo)",
        "role": "Prosjektleder",
        "unit": "Oppvekst og utdanning",
        "email": "innovasjon@eksempel.no",
    },
}


def load(stdout=None):
    home = HomePage.objects.get()
    sectors = _sectors()
    people = {key: _person(spec) for key, spec in PEOPLE.items()}
    methods = {page.slug: page for page in MethodPage.objects.all()}
    collection = _collection()
    index, index_created = _index(home)
    existing = {page.slug: page for page in CasePage.objects.child_of(index)}
    for spec in CASES:
        if spec["slug"] not in existing:
            existing[spec["slug"]] = _case(index, spec, sectors, people, methods, collection)
    if index_created and INDEX["featured"] in existing:
        index.featured_case = existing[INDEX["featured"]]
        index.save_revision().publish()


def _sectors():
    sectors = {}
    for position, (slug, name) in enumerate(SECTORS, start=1):
        sectors[slug], _created = Sector.objects.get_or_create(
            slug=slug, defaults={"name": name, "sort_order": position}
        )
    return sectors


def _person(spec):
    person, _created = Person.objects.get_or_create(
        name=spec["name"], defaults={key: value for key, value in spec.items() if key != "name"}
    )
    return person


def _collection():
    root = Collection.get_first_root_node()
    collection = root.get_children().filter(name=IMAGE_COLLECTION).first()
    return collection or root.add_child(name=IMAGE_COLLECTION)


def _illustration(collection, motif, seed):
    """A drawn illustration as a Wagtail image, found again by its title; and its alt text."""
    Image = get_image_model()
    title = f"Illustrasjon til demo-eksempel: {seed}"
    image = Image.objects.filter(title=title).first()
    if image is None:
        image = Image(title=title, collection=collection)
        png = illustrations.draw_png(motif, seed)
        image.file = ImageFile(BytesIO(png), name=f"demo-{seed}.png")
        image._set_image_file_metadata()
        image.save()
    return image, f"Illustrasjon: {MOTIF_DESCRIPTIONS[motif]}."


def _index(home):
    index = CaseIndexPage.objects.child_of(home).first()
    if index is not None:
        return index, False
    index = CaseIndexPage(
        title=INDEX["title"],
        slug=INDEX["slug"],
        intro=INDEX["intro"],
        search_description=INDEX["intro"],
        show_in_menus=True,
    )
    home.add_child(instance=index)
    index.save_revision().publish()
    return index, True


def _case(index, spec, sectors, people, methods, collection):
    hero, hero_alt = _illustration(collection, spec["motif"], spec["slug"])
    page = CasePage(
        title=spec["title"],
        slug=spec["slug"],
        summary=spec["summary"],
        status=spec["status"],
        sector=sectors[spec["sector"]],
        unit=spec["unit"],
        start_date=spec["start"],
        end_date=spec.get("end"),
        hero_image=hero,
        hero_image_alt=hero_alt,
        challenge=spec["challenge"],
        approach=spec["approach"],
        results=spec["results"],
        lessons=spec.get("lessons", ""),
        contact_person=people[spec["contact"]],
        search_description=spec["summary"],
        is_demo=True,
    )
    page.tags.add(*spec["tags"])
    for position, slug in enumerate(spec["methods"]):
        if slug in methods:
            page.method_links.add(CasePageMethod(method=methods[slug], sort_order=position))
    for position, motif in enumerate(spec.get("gallery", [])):
        image, alt = _illustration(collection, motif, f"{spec['slug']}-{position + 1}")
        page.gallery_images.add(
            CasePageGalleryImage(image=image, alt_text=alt, sort_order=position)
        )
    index.add_child(instance=page)
    page.save_revision().publish()
    return page


def _html(*paragraphs):
    return "".join(f"<p>{text}</p>" for text in paragraphs)


def _list(*items):
    return "<ul>" + "".join(f"<li>{item}</li>" for item in items) + "</ul>"


def _figures(note, *figures):
    return (
        "key_figures",
        {
            "heading": "",
            "figures": [{"value": value, "label": label} for value, label in figures],
            "note": note,
        },
    )


def _quote(text, source, role=""):
    return ("quote", {"text": text, "source": source, "role": role})


NBSP = "\u00a0"
DEMO_NOTE = "Demo-innhold: tallene er oppdiktet."

CASES = [
    {
        "slug": "trygg-hjemme",
        "title": "Trygg hjemme – digital hjemmeoppfølging",
        "summary": (
            "Pasienter med kols og hjertesvikt måler blodtrykk, puls og oksygen hjemme, og "
            "sykepleierne følger med digitalt. Færre rutinebesøk, og de fleste føler seg tryggere."
        ),
        "status": "pagaende",
        "sector": "helse-og-velferd",
        "unit": "Hjemmebaserte tjenester",
        "start": datetime.date(2021, 9, 1),
        "end": datetime.date(2022, 12, 31),
        "motif": "islands",
        "contact": "health",
        "tags": ["velferdsteknologi", "brukerinnsikt", "gevinstrealisering"],
        "methods": ["interessentanalyse", "dybdeintervju", "brukerreise", "gevinstkart"],
        "challenge": _html(
            "Mange med kols og hjertesvikt blir lagt inn på sykehus igjen og igjen. Mellom "
            "innleggelsene får de faste kontrollbesøk av hjemmesykepleien, også når alt er "
            "stabilt – og ofte for sent når det ikke er det.",
            "Vi ville finne ut om pasientene kunne få tettere oppfølging med færre besøk.",
        ),
        "approach": _html(
            "Vi startet med en interessentanalyse sammen med fastleger og helseforetaket, og "
            "intervjuet ni pasienter og pårørende om hvordan en vanlig uke ser ut. "
            "Brukerreisen viste at de verste øyeblikkene kom om kvelden, når ingen var å nå.",
            "Piloten gir deltakerne et nettbrett og måleutstyr. Sykepleierne ser målingene hver "
            "dag og ringer når noe endrer seg. Før oppstart lagde vi et gevinstkart og målte "
            "antall besøk som nullpunkt.",
        ),
        "results": [
            _figures(
                f"De første seks månedene av piloten. Kilde: prosjektets egne målinger. {DEMO_NOTE}",
                ("48", "Deltakere i piloten"),
                ("8 av 10", "Føler seg tryggere hjemme"),
                (f"20{NBSP}%", "Færre uplanlagte hjemmebesøk"),
            ),
            (
                "paragraph",
                "<p>Vi sier ikke noe om innsparinger i sykehuset ennå. Den nasjonale utprøvingen "
                "av digital hjemmeoppfølging fant at pasientene fikk det bedre, men at effekten "
                "på ressursbruken er usikker.</p>",
            ),
            _quote(
                "Jeg sover bedre når jeg vet at noen følger med på målingene mine.",
                "Deltaker i piloten",
            ),
        ],
        "lessons": _list(
            "Involver fastlegene fra første dag; de vil vite hvem som gjør hva.",
            "Opplæringen tok lengre tid enn planlagt. Sett av et ekstra besøk til den.",
            "Mål nullpunktet før dere starter – ellers har dere ingenting å sammenligne med.",
        ),
    },
    {
        "slug": "nattro",
        "title": "Nattro – digitalt tilsyn i bofellesskap",
        "summary": (
            "Faste nattrunder vekket beboerne. Med digitalt tilsyn og varsling går de ansatte "
            "inn når noen trenger det, ikke på klokka."
        ),
        "status": "avsluttet",
        "sector": "helse-og-velferd",
        "unit": "Bo- og miljøtjenester",
        "start": datetime.date(2020, 8, 1),
        "end": datetime.date(2021, 6, 30),
        "motif": "waves",
        "contact": "health",
        "tags": ["velferdsteknologi", "kontinuerlig forbedring", "personvern"],
        "methods": ["interessentanalyse", "skygging-og-observasjon", "pdsa"],
        "challenge": _html(
            "I bofellesskapet gikk nattevakten runder hver annen time. Døren åpnes, lyset "
            "slås på – og mange beboere våknet og fikk en urolig natt.",
        ),
        "approach": _html(
            "Interessentanalysen tok med pårørende, verger og personvernombudet, og vi gjorde "
            "en personvernkonsekvensvurdering (DPIA) før vi prøvde noe. To av oss skygget "
            "nattevaktene gjennom tre netter for å se hvordan rundene faktisk ble gjort.",
            "Sensorene varsler når en beboer står opp eller ikke er i sengen. Gjennom fem "
            "PDSA-sykluser justerte vi varslingsgrensene, så de ansatte fikk færre falske "
            "alarmer.",
        ),
        "results": [
            _figures(
                f"Siste tre måneder av prosjektet, sammenlignet med samme periode året før. {DEMO_NOTE}",
                (f"60{NBSP}%", "Færre fysiske nattetilsyn"),
                ("14", "Beboere med digitalt tilsyn"),
                (f"10{NBSP}timer", "Frigjort hver uke, omtrent"),
            ),
            (
                "paragraph",
                "<p>Digitalt tilsyn er en av teknologiene som anbefales i det nasjonale "
                "velferdsteknologiprogrammet. Løsningen er nå en fast del av driften i "
                "bofellesskapet.</p>",
            ),
        ],
        "lessons": _list(
            "Personvern tar tid. Start vurderingen tidlig, ikke når utstyret er kjøpt.",
            "Små justeringer av varslingsgrensene betydde mer enn selve teknologien.",
        ),
    },
    {
        "slug": "velkommen-til-skolen",
        "title": "Velkommen til skolen",
        "summary": (
            "Nyankomne foreldre syntes samarbeidet mellom skole og hjem var uklart. En bildebasert "
            "velkomstpakke og frivillige foreldreverter fikk langt flere på første foreldremøte."
        ),
        "status": "avsluttet",
        "sector": "oppvekst-og-utdanning",
        "unit": "To barneskoler med innføringsklasser",
        "start": datetime.date(2021, 1, 4),
        "end": datetime.date(2021, 12, 17),
        "motif": "path",
        "contact": "school",
        "tags": ["brukerinnsikt", "tjenestedesign", "inkludering"],
        "methods": [
            "personas",
            "brukerreise",
            "hvordan-kan-vi",
            "crazy-8s",
            "prototyping",
            "brukertesting",
        ],
        "challenge": _html(
            "Foreldre som nylig har kommet til Norge og ikke snakker norsk, vet ofte ikke hva "
            "skolen forventer av dem – eller hva de kan forvente av skolen. Bare halvparten kom "
            "på det første foreldremøtet.",
        ),
        "approach": _html(
            "Vi lagde fire personas og en brukerreise fra innskriving til første "
            "utviklingssamtale. Med «Hvordan kan vi …?»-spørsmål og Crazy 8s kom lærere, "
            "foreldre og tolker fram til to idéer.",
            "Prototypen var en velkomstpakke med bilder i stedet for tekst, og frivillige "
            "«foreldreverter» som selv har vært nye. Vi testet den på to skoler og justerte "
            "etter hver runde.",
        ),
        "results": [
            _figures(
                f"Høsten 2021, målgruppen på de to pilotskolene; før piloten kom ca. 50{NBSP}%. Kilde: oppmøtelister. {DEMO_NOTE}",
                (f"78{NBSP}%", "Kom på første foreldremøte"),
                ("2", "Pilotskoler"),
                ("6", "Nye skoler tar det i bruk"),
            ),
            _quote(
                "Vi trodde vi visste hva foreldrene trengte. Intervjuene viste oss noe helt annet.",
                "Rektor ved en av pilotskolene",
            ),
        ],
        "lessons": _list(
            "Bilder fungerte bedre enn oversatt tekst – også for foreldre som leser godt.",
            "Foreldreverter må ha en fast kontaktperson på skolen, ellers faller de fra.",
        ),
        "gallery": [
            "circles",
            "dots",
        ],
    },
    {
        "slug": "enklere-vei-til-kommunal-bolig",
        "title": "Enklere vei til kommunal bolig",
        "summary": (
            "Fire av ti søknader om kommunal bolig manglet dokumenter. En sjekkliste og en kort "
            "veiledningssamtale har halvert andelen og gjort behandlingstiden kortere."
        ),
        "status": "pagaende",
        "sector": "helse-og-velferd",
        "unit": "Boligkontoret, sammen med NAV",
        "start": datetime.date(2021, 3, 1),
        "end": datetime.date(2022, 6, 30),
        "motif": "columns",
        "contact": "advisor",
        "tags": ["brukerinnsikt", "tjenestedesign", "samarbeid"],
        "methods": [
            "skygging-og-observasjon",
            "dybdeintervju",
            "brukerreise",
            "a3-problemlosning",
            "prototyping",
        ],
        "challenge": _html(
            "Søknaden om kommunal bolig krever mange vedlegg. Fire av ti søknader kom inn uten "
            "alt som trengs, og saksbehandlerne brukte mye tid på å etterlyse dokumenter.",
        ),
        "approach": _html(
            "Vi skygget skranken i to uker og intervjuet tolv søkere. Brukerreisen viste at "
            "søkerne ble sendt mellom boligkontoret og NAV uten å vite hvem som trengte hva. "
            "Med et A3-ark fant vi rotårsakene sammen med NAV.",
            "Prototypen er en enkel sjekkliste og en veiledningssamtale på 15 minutter før "
            "søknaden sendes.",
        ),
        "results": [
            _figures(
                f"Foreløpige tall, første halvår 2022; før prosjektet var andelen 40{NBSP}%. Kilde: saksbehandlingssystemet. {DEMO_NOTE}",
                (f"18{NBSP}%", "Ufullstendige søknader"),
                (f"2{NBSP}uker", "Kortere behandlingstid (median)"),
            ),
        ],
        "lessons": _list(
            "Det hjalp å sitte i skranken selv; tallene alene fortalte ikke hvorfor.",
        ),
    },
    {
        "slug": "utslippsfri-anleggsplass",
        "title": "Utslippsfri anleggsplass",
        "summary": (
            "Kommunen ville bygge uten diesel. En dialogkonferanse med leverandørene og "
            "funksjonskrav i stedet for ferdige løsninger ga den første kontrakten med "
            "elektriske gravemaskiner."
        ),
        "status": "pagaende",
        "sector": "bymiljo-og-utbygging",
        "unit": "Utbygging og eiendom",
        "start": datetime.date(2021, 5, 1),
        "end": datetime.date(2023, 12, 31),
        "motif": "hills",
        "contact": "advisor",
        "tags": ["klima og miljø", "innovative anskaffelser", "gevinstrealisering"],
        "methods": ["interessentanalyse", "gevinstkart"],
        "challenge": _html(
            "Anleggsplassene går på diesel, mens kommunen vil være en grønn spydspiss. "
            "Markedet for elektriske anleggsmaskiner var nytt, og vi visste ikke hva "
            "leverandørene kunne levere.",
        ),
        "approach": _html(
            "Vi inviterte 20 leverandører til en dialogkonferanse før konkurransen, og "
            "behandlet alle likt. Det vi lærte, gjorde vi om til funksjonskrav: vi beskrev hva "
            "anleggsplassen skulle oppnå, ikke hvilke maskiner den skulle ha.",
            "Gevinstkartet knytter kravene til målet om lavere utslipp, med en gevinsteier i "
            "linjen.",
        ),
        "results": [
            _figures(
                f"CO₂e-tallet er et anslag for første kontrakt. {DEMO_NOTE}",
                ("20", "Leverandører i dialogkonferansen"),
                (f"110{NBSP}tonn", "CO₂e unngått hvert år"),
                ("1", "Kontrakt med elektriske gravemaskiner"),
            ),
        ],
        "lessons": _list(
            "Markedsdialog er lov så lenge alle leverandører behandles likt. Dokumenter det.",
            "Funksjonskrav åpnet for løsninger vi ikke hadde tenkt på selv.",
        ),
    },
    {
        "slug": "mindre-mat-i-sopla",
        "title": "Mindre mat i søpla",
        "summary": (
            "Kjøkkenet på sykehjemmet veide matavfallet hver dag og prøvde ut små endringer i "
            "fem runder. Matsvinnet gikk ned med en tredjedel, og beboerne er mer fornøyde."
        ),
        "status": "avsluttet",
        "sector": "helse-og-velferd",
        "unit": "Sykehjemskjøkken",
        "start": datetime.date(2021, 3, 1),
        "end": datetime.date(2021, 11, 30),
        "motif": "leaves",
        "contact": "health",
        "tags": ["kontinuerlig forbedring", "klima og miljø"],
        "methods": ["pdsa", "a3-problemlosning"],
        "challenge": _html(
            "Rundt 60 kilo mat gikk i søpla hver uke på ett sykehjemskjøkken. Ingen visste "
            "helt hvorfor, og beboerne klaget samtidig på maten.",
        ),
        "approach": _html(
            "Vi startet med å veie avfallet hver dag som nullpunkt, og fulgte opp på korte "
            "tavlemøter. Så prøvde vi fem PDSA-sykluser: mindre porsjoner med mulighet for "
            "påfyll, menykort med bilder, og faste måltidsverter ved bordene.",
        ),
        "results": [
            _figures(
                f"Mars–november 2021; før prosjektet ca. 60{NBSP}kg i uken. Kilde: veiing av matavfall på kjøkkenet. {DEMO_NOTE}",
                (f"35{NBSP}%", "Mindre matsvinn"),
                (f"39{NBSP}kg", "Matsvinn per uke"),
                ("5", "Forbedringssykluser"),
            ),
            _quote(
                "Det var veiingen som åpnet øynene våre. Vi trodde ikke det var så mye.",
                "Kokk på sykehjemskjøkkenet",
            ),
        ],
        "lessons": _list(
            "Mål før dere endrer noe. Tallene gjorde det lett å bli enige.",
            "Små tester på én avdeling ga trygghet før vi endret hele huset.",
        ),
        "gallery": [
            "leaves",
            "columns",
            "circles",
        ],
    },
    {
        "slug": "fakturaflyt-uten-friksjon",
        "title": "Fakturaflyt uten friksjon",
        "summary": (
            "En programvarerobot tar seg av de faste stegene i fakturabehandlingen. Det frigjør "
            "nesten 1 900 timer i året og gir langt færre feil."
        ),
        "status": "avsluttet",
        "sector": "stab-og-stotte",
        "unit": "Økonomi og regnskap",
        "start": datetime.date(2019, 2, 1),
        "end": datetime.date(2020, 11, 30),
        "motif": "dots",
        "contact": "advisor",
        "tags": ["digitalisering", "kontinuerlig forbedring"],
        "methods": ["a3-problemlosning", "retrospektiv"],
        "challenge": _html(
            "Innkommende fakturaer ble kontrollert og ført for hånd i flere ledd. Det tok tid, "
            "og små tastefeil førte til purringer og ekstraarbeid.",
        ),
        "approach": _html(
            "Vi kartla prosessen steg for steg og brukte et A3-ark for å finne hvor feilene "
            "oppsto. De faste, regelstyrte stegene overlot vi til en programvarerobot (RPA). "
            "Etter hver ny versjon holdt teamet en retrospektiv.",
        ),
        "results": [
            _figures(
                f"Første hele år i drift. {DEMO_NOTE}",
                (f"1{NBSP}900", "Timer frigjort i året, omtrent"),
                (f"70{NBSP}%", "Færre feil i fakturaene"),
            ),
        ],
        "lessons": _list(
            "Forenkle prosessen før dere automatiserer den.",
            "Retrospektivene gjorde det trygt å si fra om det som ikke virket.",
        ),
    },
    {
        "slug": "ungdommens-moteplass",
        "title": "Ungdommens møteplass i bydelen",
        "summary": (
            "35 ungdommer har vært med og utforme en ny møteplass i bydelen. En pop-up i et tomt "
            "butikklokale fikk over 400 besøk på tre helger."
        ),
        "status": "pagaende",
        "sector": "innbygger-og-samfunnskontakt",
        "unit": "Bydelsutvikling",
        "start": datetime.date(2022, 1, 10),
        "end": datetime.date(2022, 12, 16),
        "motif": "circles",
        "contact": "advisor",
        "tags": ["samskaping", "barn og unge", "brukerinnsikt"],
        "methods": ["personas", "idemyldring", "prototyping", "brukertesting"],
        "challenge": _html(
            "Ungdommene i bydelen manglet et sted å være på kveldstid, og tidligere tilbud ble "
            "lite brukt. Vi ville lage noe sammen med ungdommene, ikke for dem.",
        ),
        "approach": _html(
            "Gjennom samskapingsverksteder med 35 ungdommer lagde vi personas og samlet idéer. "
            "De beste idéene prøvde vi ut som en pop-up i et tomt butikklokale tre helger på rad, "
            "og ungdommene testet og vurderte selv.",
        ),
        "results": [
            _figures(
                f"Så langt i prosjektet. Kilde: besøkstelling i pop-up-lokalet. {DEMO_NOTE}",
                ("35", "Ungdommer i verkstedene"),
                ("420", "Besøk i pop-up-lokalet"),
                ("3", "Idéer valgt til en fast løsning"),
            ),
            _quote(
                "Det er første gang noen har spurt oss før de bestemmer.",
                "Ungdom i et av verkstedene",
            ),
        ],
        "gallery": [
            "path",
            "islands",
        ],
    },
]
