"""The steps of a method: a numbered list that a facilitator can follow in the room.

The editor (the «Steg» tab) opens a new method with one empty step and a labelled
«Legg til steg» button below the steps (static/methods/admin/steps-block.js, through
the telepath adapter at the bottom). Wagtail's own ⊕ inserters stay, for a stage heading
or a step in between.
"""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.functional import cached_property
from django.utils.html import strip_tags
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.admin.staticfiles import versioned_static
from wagtail.admin.telepath import register
from wagtail.blocks.stream_block import StreamBlockAdapter, StreamBlockValidationError
from wagtail.images.blocks import ImageChooserBlock

from core.blocks import RICH_TEXT_FEATURES
from core.blocks.media import clean_requiring_alt_text


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
    image = ImageChooserBlock(
        label=_("Image"),
        required=False,
        help_text=_("Optional. A photo or sketch that shows how the step is done."),
    )
    image_alt = blocks.CharBlock(
        label=_("Alternative text"),
        required=False,
        max_length=250,
        help_text=_(
            "Required with an image. Describe what the image shows for people who can't see "
            "it, in one sentence. Don't start with «Bilde av»."
        ),
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

    def clean(self, value):
        # Also on a draft: a published step must never show an image without its text.
        return clean_requiring_alt_text(
            super().clean, value, "image_alt", required=bool(value.get("image"))
        )

    @staticmethod
    def is_untouched(value):
        """A step nobody wrote in: the one a new method opens with, left as it was."""
        return not any(
            [
                (value.get("title") or "").strip(),
                _has_content(value.get("description")),
                (value.get("tip") or "").strip(),
                (value.get("duration") or "").strip(),
                value.get("image"),
                (value.get("image_alt") or "").strip(),
            ]
        )


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


def _has_content(rich_text):
    """Whether rich text holds anything: Draftail sends «<p></p>» for an empty editor."""
    source = getattr(rich_text, "source", rich_text) or ""
    return bool(strip_tags(source).strip()) or "<embed" in source


def one_empty_step():
    """What a new method's «Steg» opens with (the `steps` field's default).

    In the stored (JSON) form, so that the step's fields get their defaults.
    """
    # No id: Wagtail gives the block one when it is saved.
    return [{"type": "step", "value": {}}]


class StepsBlock(blocks.StreamBlock):
    step = StepBlock()
    stage = StageBlock()

    class Meta:
        block_counts = {"step": {"min_num": 1}}

    def clean(self, value):
        """Leave out steps nobody wrote in, then check that one step is left.

        A new method opens with one empty step; saved as it is, it would be an invalid
        block in the draft. Without it, a draft keeps no steps and submitting asks for one.
        """
        kept = [
            (index, child)
            for index, child in enumerate(value)
            if not (child.block_type == "step" and StepBlock.is_untouched(child.value))
        ]
        if len(kept) != len(value):
            value = blocks.StreamValue(self, [(c.block_type, c.value, c.id) for _i, c in kept])
        try:
            return super().clean(value)
        except StreamBlockValidationError as error:
            # The form shows the blocks as sent, untouched ones included: errors go back
            # to the positions the editor sees.
            block_errors = {kept[i][0]: e for i, e in error.block_errors.items()}
            non_block_errors = error.non_block_errors
            if not self.is_deferred_validation and not any(c.block_type == "step" for c in value):
                # Wagtail's «Steg: De må være minst 1 elementer», said the way an editor needs it.
                non_block_errors = [
                    ValidationError(
                        _("Write at least one step: what the group does first."),
                        code="required",
                    )
                ]
            raise StreamBlockValidationError(
                block_errors=block_errors, non_block_errors=non_block_errors
            ) from error


class StepsBlockAdapter(StreamBlockAdapter):
    """Wagtail's StreamBlock in the editor, with a labelled «Legg til steg» below the steps."""

    js_constructor = "methods.blocks.StepsBlock"

    def js_args(self, block):
        name, groups, initial_states, meta = super().js_args(block)
        meta = {**meta, "addStepLabel": gettext("Add a step"), "addStepType": "step"}
        return [name, groups, initial_states, meta]

    @cached_property
    def media(self):
        return super().media + forms.Media(
            js=[versioned_static("methods/admin/steps-block.js")],
            css={"all": [versioned_static("methods/admin/steps-block.css")]},
        )


register(StepsBlockAdapter(), StepsBlock)
