"""Blocks that give content a structure: call to action, accordion, key figures and table."""

import hashlib
import json

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.contrib.table_block.blocks import TableBlock

from .common import GROUP_STRUCTURE, RICH_TEXT_FEATURES


class LinkStructValue(blocks.StructValue):
    @property
    def href(self):
        """Where the link goes: the chosen page if it still exists, else the external address."""
        page = self.get("link_page")
        if page is not None and page.url:
            return page.url
        return self.get("link_url") or ""


class CallToActionBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label=_("Heading"), max_length=100)
    text = blocks.TextBlock(label=_("Text"), required=False, max_length=300)
    link_page = blocks.PageChooserBlock(
        label=_("Link to a page"),
        required=False,
        help_text=_("A page in this section. Choose a page or write an external address."),
    )
    link_url = blocks.URLBlock(
        label=_("Or link to an external address"),
        required=False,
        help_text=_("Only when the target is not a page here."),
    )
    link_text = blocks.CharBlock(
        label=_("Link text"),
        max_length=60,
        help_text=_("Say what the reader will do, such as «Søk om støtte». Never «Les mer»."),
    )

    class Meta:
        icon = "arrow-right"
        label = _("Call to action")
        description = _("A box with a button that leads to the next step, such as applying.")
        group = GROUP_STRUCTURE
        template = "core/blocks/call_to_action.html"
        value_class = LinkStructValue
        preview_value = {
            "heading": "Har du en idé, men vet ikke hvor du skal begynne?",
            "text": (
                "På Fabrikken får du hjelp til å gå fra idé til test – sammen med kolleger "
                "fra andre fagfelt."
            ),
            "link_url": "https://intranett.eksempel.no/innovasjon/fabrikken/",
            "link_text": "Be om veiledning",
        }

    def clean(self, value):
        errors = {}
        cleaned = None
        try:
            cleaned = super().clean(value)
        except StructBlockValidationError as error:
            errors.update(error.block_errors)
        has_page = value.get("link_page") is not None
        has_url = bool(value.get("link_url"))
        message = None
        if has_page and has_url:
            message = _("The button can link to a page or to an external address, not both.")
        elif not has_page and not has_url and not self.is_deferred_validation:
            message = _("Choose the page the button links to, or write an external address.")
        if message or errors:
            raise StructBlockValidationError(
                block_errors=errors,
                non_block_errors=[ValidationError(message, code="link")] if message else None,
            )
        return cleaned


class AccordionItemBlock(blocks.StructBlock):
    question = blocks.CharBlock(
        label=_("Question"),
        max_length=160,
        help_text=_("Plain text, written as the reader would ask, such as «Kan vi søke om lønn?»."),
    )
    answer = blocks.RichTextBlock(label=_("Answer"), features=RICH_TEXT_FEATURES)

    class Meta:
        icon = "help"
        label = _("Question and answer")


class AccordionBlock(blocks.StructBlock):
    heading = blocks.CharBlock(
        label=_("Heading"),
        required=False,
        max_length=120,
        help_text=_("Give the questions a heading unless the one above already says it."),
    )
    items = blocks.ListBlock(AccordionItemBlock(), label=_("Questions"), min_num=1)

    class Meta:
        icon = "list-ul"
        label = _("Questions and answers")
        description = _(
            "Questions that open to show the answer. Never hide deadlines or criteria in one."
        )
        group = GROUP_STRUCTURE
        template = "core/blocks/accordion.html"
        preview_value = {
            "heading": "Spørsmål og svar",
            "items": [
                {
                    "question": "Kan vi søke om lønn?",
                    "answer": "<p>Ja, til prosjektroller som er tidsbegrenset.</p>",
                },
                {
                    "question": "Hva om prosjektet feiler?",
                    "answer": "<p>Skriv hva dere lærte i sluttrapporten. Også det teller.</p>",
                },
            ],
        }


class KeyFigureBlock(blocks.StructBlock):
    value = blocks.CharBlock(
        label=_("Figure"),
        max_length=20,
        help_text=_("The number with its unit, such as «30 %» or «kr 250 000»."),
    )
    label = blocks.CharBlock(
        label=_("What it measures"),
        max_length=80,
        help_text=_("At most six words, such as «Færre fall blant brukerne»."),
    )

    class Meta:
        icon = "decimal"
        label = _("Key figure")


class KeyFiguresBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label=_("Heading"), required=False, max_length=120)
    figures = blocks.ListBlock(KeyFigureBlock(), label=_("Figures"), min_num=1, max_num=6)
    note = blocks.CharBlock(
        label=_("Period and source"),
        required=False,
        max_length=250,
        help_text=_("When the figures were measured and where they come from."),
    )

    class Meta:
        icon = "decimal"
        label = _("Key figures")
        description = _("Two to four results shown as large numbers, with period and source.")
        group = GROUP_STRUCTURE
        template = "core/blocks/key_figures.html"
        preview_value = {
            "heading": "Resultater fra piloten",
            "figures": [
                {"value": "35\u00a0%", "label": "Mindre matsvinn"},
                {"value": "39\u00a0kg", "label": "Matsvinn per uke (før: 60\u00a0kg)"},
                {"value": "5", "label": "Forbedringssykluser"},
            ],
            "note": "Mars–november 2021. Kilde: veiing av matavfall på kjøkkenet. Demo-innhold.",
        }


TABLE_OPTIONS = {"startRows": 4, "startCols": 3}


class TableWithCaptionBlock(blocks.StructBlock):
    caption = blocks.CharBlock(
        label=_("Table caption"),
        max_length=200,
        help_text=_("What the table shows, such as «Støtteordninger og søknadsfrister»."),
    )
    table = TableBlock(
        label=_("Table"),
        table_options=TABLE_OPTIONS,
        template="core/blocks/table_grid.html",
        default={
            "table_header_choice": "row",
            "first_row_is_table_header": True,
            "first_col_is_header": False,
            "data": [["", "", ""] for _row in range(4)],
        },
    )

    class Meta:
        icon = "table"
        label = _("Table")
        description = _("Figures or facts to compare, in rows and columns with a header row.")
        group = GROUP_STRUCTURE
        template = "core/blocks/table.html"
        preview_value = {
            "caption": "Støtteordninger og søknadsfrister",
            "table": {
                "table_header_choice": "both",
                "first_row_is_table_header": True,
                "first_col_is_header": True,
                "data": [
                    ["Ordning", "Beløp per prosjekt", "Søknadsfrist"],
                    ["Innovasjonsmidler 2022", "kr 100\u00a0000–800\u00a0000", "1. april 2022"],
                    ["Prøv det!", "inntil kr 30\u00a0000", "Løpende"],
                    ["Medfinansiering", "inntil kr 200\u00a0000", "4 uker før ekstern frist"],
                ],
            },
        }

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context=parent_context)
        # The id ties the scrolling region to the caption; the same content gives the same id.
        content = json.dumps([value.get("caption"), (value.get("table") or {}).get("data")])
        context["caption_id"] = "table-" + hashlib.sha256(content.encode()).hexdigest()[:10]
        return context
