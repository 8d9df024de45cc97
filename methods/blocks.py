"""The steps of a method: a numbered list that a facilitator can follow in the room."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks

from core.blocks import RICH_TEXT_FEATURES


class StepBlock(blocks.StructBlock):
    title = blocks.CharBlock(
        label=_("Title"),
        max_length=120,
        help_text=_("What the group does, starting with a verb, such as «Samle gruppa»."),
    )
    description = blocks.RichTextBlock(
        label=_("Description"),
        features=RICH_TEXT_FEATURES,
        help_text=_("How to do the step, in a few short sentences."),
    )
    tip = blocks.TextBlock(
        label=_("Tip"),
        required=False,
        max_length=400,
        help_text=_("Optional. Advice from experience, such as a common mistake to avoid."),
    )
    duration = blocks.CharBlock(
        label=_("Time"),
        required=False,
        max_length=40,
        help_text=_("Optional. How long the step takes, such as «ca. 15 min»."),
    )

    class Meta:
        icon = "list-ol"
        label = _("Step")
        description = _(
            "One step of the method, shown with its number. Add the steps in the order "
            "the group does them."
        )
        template = "methods/blocks/step.html"
        preview_template = "methods/blocks/step_preview.html"
        preview_value = {
            "title": "Skriv lapper i stillhet",
            "description": (
                "<p>Alle skriver hver for seg, én tanke per lapp. Bruk tusj, så lappene kan "
                "leses på avstand.</p>"
            ),
            "tip": "Still deg selv i rommet med en tidtaker, så ingen begynner å diskutere.",
            "duration": "ca. 10 min",
        }


class StageBlock(blocks.StructBlock):
    title = blocks.CharBlock(
        label=_("Heading"),
        max_length=80,
        help_text=_("Short, such as «Før verkstedet», «Første økt» or «Etterpå»."),
    )

    class Meta:
        icon = "title"
        label = _("Stage heading")
        description = _(
            "Divides a long method into stages, such as before, during and after the "
            "workshop. The steps go on counting from one stage to the next."
        )
        template = "methods/blocks/stage.html"
        preview_value = {"title": "Første økt"}


class StepsBlock(blocks.StreamBlock):
    step = StepBlock()
    stage = StageBlock()

    class Meta:
        block_counts = {"step": {"min_num": 1}}
