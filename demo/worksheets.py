"""The demo worksheets: printable PDF sheets a group fills in while using a method.

Each function returns the bytes of a PDF. The texts are bokmål; the layouts follow the
methods in ../shared/content-brief.md §3.
"""

from .pdf import A4_LANDSCAPE, A4_PORTRAIT, Canvas, build

MARGIN = 40
FOOTER = "Innovasjon – Stavanger kommune · Metoder og verktøy · innovasjon@eksempel.no"


def _header(canvas, title, instructions):
    top = canvas.height - MARGIN
    canvas.text(MARGIN, top - 18, title, size=20, bold=True)
    y = canvas.paragraph(MARGIN, top - 42, instructions, canvas.width - 2 * MARGIN, size=10)
    canvas.text(MARGIN, MARGIN - 18, FOOTER, size=8)
    return y - 8


def _labelled_box(canvas, x, y, width, height, label, hint="", grey=None):
    """A box to write in, its label in bold at the top left; (x, y) is the bottom left."""
    canvas.rect(x, y, width, height, fill_grey=grey)
    canvas.text(x + 8, y + height - 16, label, size=11, bold=True)
    if hint:
        canvas.paragraph(x + 8, y + height - 30, hint, width - 16, size=8.5)


def _table(canvas, x, top, widths, headings, rows, row_height=26):
    """A grid with a grey heading row and `rows` empty rows; returns the y below it."""
    total = sum(widths)
    canvas.rect(x, top - row_height, total, row_height, fill_grey=0.9)
    left = x
    for width, heading in zip(widths, headings, strict=True):
        canvas.text(left + 6, top - row_height + 9, heading, size=10, bold=True)
        left += width
    y = top - row_height
    for _row in range(rows):
        canvas.rect(x, y - row_height, total, row_height)
        y -= row_height
    left = x
    for width in widths[:-1]:
        left += width
        canvas.line(left, top, left, y)
    return y


def stakeholder_analysis():
    grid = Canvas(A4_LANDSCAPE)
    y = _header(
        grid,
        "Arbeidsark: Interessentanalyse",
        "Skriv hver interessent på en lapp. Vurder hvor stor innflytelse de har på prosjektet, og "
        "hvor interessert de er i det, og plasser lappen i rutenettet. Ruten sier hvordan dere bør "
        "involvere dem.",
    )
    left, bottom = MARGIN + 34, MARGIN + 20
    width, height = grid.width - left - MARGIN, y - bottom - 10
    half_w, half_h = width / 2, height / 2
    quadrants = [
        (
            left,
            bottom + half_h,
            "Holde fornøyd",
            "Stor innflytelse, liten interesse. Informer om det som angår dem, og be om råd når det trengs.",
        ),
        (
            left + half_w,
            bottom + half_h,
            "Involvere tett",
            "Stor innflytelse, stor interesse. Ta dem med i beslutninger og møt dem ofte.",
        ),
        (
            left,
            bottom,
            "Følge med",
            "Liten innflytelse, liten interesse. Følg med på om dette endrer seg.",
        ),
        (
            left + half_w,
            bottom,
            "Holde informert",
            "Liten innflytelse, stor interesse. Del fremdrift jevnlig, og lytt til innspill.",
        ),
    ]
    for x, y0, label, hint in quadrants:
        _labelled_box(grid, x, y0, half_w, half_h, label, hint)
    grid.text(
        left - 10,
        bottom + half_h - 70,
        "liten  <  Innflytelse  >  stor",
        size=10,
        bold=True,
        upwards=True,
    )
    grid.text(left + half_w - 20, bottom - 14, "Interesse: liten  >  stor", size=10, bold=True)

    table = Canvas(A4_PORTRAIT)
    y = _header(
        table,
        "Interessenter og kommunikasjon",
        "Noter forventninger og bekymringer for hver interessent, velg strategi fra rutenettet, og "
        "bestem hvem som holder kontakten. Gå gjennom lista på nytt ved hvert faseskifte.",
    )
    _table(
        table,
        MARGIN,
        y - 6,
        [120, 120, 120, 80, 75],
        ["Interessent", "Forventninger", "Bekymringer", "Strategi", "Ansvarlig"],
        rows=20,
    )
    return build([grid, table], title="Arbeidsark: Interessentanalyse")


def benefit_map():
    sheet = Canvas(A4_LANDSCAPE)
    y = _header(
        sheet,
        "Arbeidsark: Gevinstkart",
        "Les kartet fra høyre mot venstre: start med effektmålet, list gevinstene, og knytt hver "
        "gevinst til endringene og tiltakene som gir den. Hver gevinst trenger en indikator og en "
        "gevinstansvarlig i linjen.",
    )
    columns = ["Tiltak", "Endring", "Gevinst", "Effektmål"]
    hints = [
        "Hva gjør prosjektet?",
        "Hva blir annerledes i arbeidshverdagen?",
        "Spart tid, unngåtte kostnader, bedre kvalitet",
        "Hvorfor gjør vi dette?",
    ]
    gap = 22
    width = (sheet.width - 2 * MARGIN - 3 * gap) / 4
    top = y - 10
    box_h = (top - 48 - MARGIN - 10 - 3 * 8) / 3
    for number, (label, hint) in enumerate(zip(columns, hints, strict=True)):
        x = MARGIN + number * (width + gap)
        sheet.text(x, top - 12, label, size=12, bold=True)
        sheet.paragraph(x, top - 26, hint, width, size=8.5)
        rows = 1 if label == "Effektmål" else 3
        for row in range(rows):
            sheet.rect(x, top - 48 - (row + 1) * (box_h + 8), width, box_h, fill_grey=0.96)
        if number < 3:
            arrow_y = top - 48 - box_h / 2 - 8
            sheet.line(x + width + 4, arrow_y, x + width + gap - 4, arrow_y, line_width=1.5)
            sheet.line(
                x + width + gap - 9, arrow_y + 4, x + width + gap - 4, arrow_y, line_width=1.5
            )
            sheet.line(
                x + width + gap - 9, arrow_y - 4, x + width + gap - 4, arrow_y, line_width=1.5
            )

    follow_up = Canvas(A4_LANDSCAPE)
    y = _header(
        follow_up,
        "Gevinstene: måling og ansvar",
        "Mål nullpunktet før dere endrer noe, ellers kan dere ikke vise hva endringen ga. Skriv "
        "når dere måler igjen, og hvem i linjen som eier gevinsten.",
    )
    _table(
        follow_up,
        MARGIN,
        y - 6,
        [170, 150, 100, 100, 110, 132],
        ["Gevinst", "Indikator", "Nullpunkt", "Mål", "Måles når", "Gevinstansvarlig"],
        rows=14,
        row_height=30,
    )
    return build([sheet, follow_up], title="Arbeidsark: Gevinstkart")


def pdsa_cycle():
    sheet = Canvas(A4_PORTRAIT)
    y = _header(
        sheet,
        "Arbeidsark: PDSA-syklus",
        "Bruk ett ark per test. Svar på de tre spørsmålene først, og hold testen liten: få "
        "personer, kort tid. Start neste syklus med det dere lærte.",
    )
    questions = [
        "1. Hva vil vi oppnå?",
        "2. Hvordan vet vi at endringen er en forbedring?",
        "3. Hvilken endring kan vi prøve?",
    ]
    for question in questions:
        sheet.text(MARGIN, y - 4, question, size=11, bold=True)
        sheet.line(MARGIN, y - 26, sheet.width - MARGIN, y - 26, line_width=0.5)
        sheet.line(MARGIN, y - 46, sheet.width - MARGIN, y - 46, line_width=0.5)
        y -= 62
    gap = 14
    width = (sheet.width - 2 * MARGIN - gap) / 2
    height = (y - MARGIN - 10 - gap) / 2
    boxes = [
        (
            "Planlegg (Plan)",
            "Hva tester vi, hvem, hvor og når? Hva tror vi skjer? Hvilke data samler vi?",
        ),
        ("Utfør (Do)", "Gjennomfør testen. Noter hva som skjedde, også det dere ikke ventet."),
        (
            "Juster (Act)",
            "Beholder, justerer eller forkaster vi endringen? Hva tester vi i neste syklus?",
        ),
        ("Studer (Study)", "Sammenlign resultatet med det dere trodde. Hva lærte dere?"),
    ]
    positions = [
        (MARGIN, y - height),
        (MARGIN + width + gap, y - height),
        (MARGIN, y - 2 * height - gap),
        (MARGIN + width + gap, y - 2 * height - gap),
    ]
    for (label, hint), (x, y0) in zip(boxes, positions, strict=True):
        _labelled_box(sheet, x, y0, width, height, label, hint)
    return build([sheet], title="Arbeidsark: PDSA-syklus")


def persona():
    sheet = Canvas(A4_PORTRAIT)
    y = _header(
        sheet,
        "Mal: Persona",
        "Bygg personaen på innsikt fra intervjuer, observasjon og statistikk, ikke på antakelser. "
        "Gi den et navn og et sitat, og sjekk til slutt om den bygger på fordommer.",
    )
    width = sheet.width - 2 * MARGIN
    _labelled_box(sheet, MARGIN, y - 130, 130, 130, "Tegning", "Tegn eller beskriv personen.")
    _labelled_box(
        sheet,
        MARGIN + 142,
        y - 130,
        width - 142,
        130,
        "Navn, alder og situasjon",
        "Hvor bor personen, hvem lever hen med, og hvordan møter hen kommunen?",
    )
    y -= 142
    for label, hint, height in [
        ("Mål", "Hva prøver personen å få til?", 120),
        ("Frustrasjoner", "Hva står i veien i dag?", 120),
        ("Behov", "Hva trenger personen fra oss for å lykkes?", 120),
        ("Sitat", "Noe personen kunne ha sagt, med egne ord.", 80),
    ]:
        _labelled_box(sheet, MARGIN, y - height, width, height, label, hint)
        y -= height + 12
    return build([sheet], title="Mal: Persona")


def journey_map():
    sheet = Canvas(A4_LANDSCAPE)
    y = _header(
        sheet,
        "Mal: Brukerreise",
        "Velg én persona og ett mål. Skriv stegene i rekkefølge i den øverste raden, og fyll ut "
        "kolonnene under hvert steg. Marker til slutt smertepunktene og de gode øyeblikkene.",
    )
    lanes = ["Steg", "Kontaktpunkt", "Tanker", "Følelser", "Smertepunkter og gode øyeblikk"]
    label_w, columns = 110, 6
    col_w = (sheet.width - 2 * MARGIN - label_w) / columns
    lane_h = (y - MARGIN - 10) / len(lanes)
    for row, lane in enumerate(lanes):
        top = y - row * lane_h
        sheet.rect(MARGIN, top - lane_h, label_w, lane_h, fill_grey=0.9)
        sheet.paragraph(MARGIN + 6, top - 16, lane, label_w - 12, size=10, bold=True)
        for column in range(columns):
            sheet.rect(MARGIN + label_w + column * col_w, top - lane_h, col_w, lane_h)
    return build([sheet], title="Mal: Brukerreise")
