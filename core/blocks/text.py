"""Text blocks: heading, paragraph, quote and info box."""

from django.core.validators import validate_slug
from django.utils.translation import gettext_lazy as _
from wagtail import blocks

from .common import GROUP_TEXT, RICH_TEXT_FEATURES, make_anchor


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("Text"), max_length=120)
    level = blocks.ChoiceBlock(
        label=_("Level"),
        choices=[
            ("h2", _("Level 2: a section of the page")),
            ("h3", _("Level 3: a part of a level-2 section")),
        ],
        default="h2",
    )
    anchor = blocks.CharBlock(
        label=_("Anchor"),
        required=False,
        max_length=80,
        validators=[validate_slug],
        help_text=_(
            "Optional. The end of a link straight to this heading, such as «soknadsfrist». "
            "Leave it empty to make one from the text."
        ),
    )

    class Meta:
        icon = "title"
        label = _("Heading")
        description = _("A heading that divides the page into sections; start with level 2.")
        group = GROUP_TEXT
        template = "core/blocks/heading.html"
        preview_value = {"text": "Slik søker du om innovasjonsmidler", "level": "h2"}

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context=parent_context)
        context["anchor_id"] = value.get("anchor") or make_anchor(value.get("text"))
        return context


class ParagraphBlock(blocks.RichTextBlock):
    """Running text. Headings have their own block, so the editor offers none here."""

    def __init__(self, features=None, **kwargs):
        super().__init__(features=features or RICH_TEXT_FEATURES, **kwargs)

    class Meta:
        icon = "pilcrow"
        label = _("Paragraph")
        description = _("Running text with bold, italic, links and lists.")
        group = GROUP_TEXT
        template = "core/blocks/paragraph.html"
        preview_value = (
            "<p>Innovasjon betyr å ta i bruk noe nytt som skaper verdi for innbyggerne og "
            "samfunnet. Det kan være:</p>"
            "<ul><li>en ny eller tydelig endret tjeneste</li>"
            "<li>en ny arbeidsmåte eller organisering</li>"
            "<li>en ny måte å kommunisere på</li></ul>"
        )


class QuoteBlock(blocks.StructBlock):
    text = blocks.TextBlock(
        label=_("Quote"),
        max_length=600,
        help_text=_("Without quotation marks: the page adds them."),
    )
    source = blocks.CharBlock(
        label=_("Who said it"),
        required=False,
        max_length=120,
        help_text=_("A role rather than a name if the person has not agreed to be named."),
    )
    role = blocks.CharBlock(
        label=_("Their role"),
        required=False,
        max_length=160,
        help_text=_("For example the unit or project, such as «Velkommen til skolen»."),
    )

    class Meta:
        icon = "openquote"
        label = _("Quote")
        description = _("Words from a colleague or user, with who said it.")
        group = GROUP_TEXT
        template = "core/blocks/quote.html"
        preview_value = {
            "text": (
                "Vi trodde vi visste hva foreldrene trengte. Intervjuene viste oss noe helt annet."
            ),
            "source": "Rektor ved en av pilotskolene",
            "role": "prosjektet «Velkommen til skolen»",
        }


class InfoBoxBlock(blocks.StructBlock):
    VARIANT_LABELS = {
        "info": _("Good to know"),
        "warning": _("Important"),
        "success": _("Recommended"),
    }

    variant = blocks.ChoiceBlock(
        label=_("Kind"),
        choices=[
            ("info", _("Information (blue, labelled «Good to know»)")),
            ("warning", _("Warning (yellow, labelled «Important»)")),
            ("success", _("Success (green, labelled «Recommended»)")),
        ],
        default="info",
    )
    heading = blocks.CharBlock(label=_("Heading"), required=False, max_length=120)
    text = blocks.RichTextBlock(label=_("Text"), features=RICH_TEXT_FEATURES)

    class Meta:
        icon = "info-circle"
        label = _("Info box")
        description = _("A framed notice for a deadline, a warning or advice.")
        group = GROUP_TEXT
        template = "core/blocks/info_box.html"
        preview_value = {
            "variant": "warning",
            "heading": "Søknadsfrist 1. april 2022 kl. 12.00",
            "text": (
                "<p>Lederen for enheten må godkjenne søknaden før du sender den. "
                "Sett av tid til det i god tid før fristen.</p>"
            ),
        }

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context=parent_context)
        context["variant_label"] = self.VARIANT_LABELS.get(
            value.get("variant"), self.VARIANT_LABELS["info"]
        )
        return context


# Migrations name the paragraph block by its public path, so the module layout can change.
DECONSTRUCT_ALIASES = {ParagraphBlock: "core.blocks.ParagraphBlock"}
