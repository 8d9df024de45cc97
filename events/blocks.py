"""The programme of an event: talks, workshops and breaks in the order of the day.

Each item has a start time and an optional end time, shown as «09.00–09.45».
Speakers are written as roles («Kommunedirektøren», «Tjenestedesigner, Helse og
velferd»), so the programme reads right even when people change jobs.
"""

import datetime

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError

from core.blocks import RICH_TEXT_FEATURES
from core.formats import format_time_range

GROUP_PROGRAMME = _("Programme")


def time_range(value):
    """«09.00–09.45», or «09.00» without an end time."""
    start, end = value.get("start_time"), value.get("end_time")
    if not start:
        return ""
    return format_time_range(start, end)


class ProgrammeItemBlock(blocks.StructBlock):
    """What every programme item has: when it starts and ends, and what it is called."""

    start_time = blocks.TimeBlock(
        label=_("Starts"), help_text=_("Norwegian time, for example 09:00.")
    )
    end_time = blocks.TimeBlock(
        label=_("Ends"), required=False, help_text=_("Optional. Leave empty if it isn't known.")
    )

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context=parent_context)
        context["time_range"] = time_range(value)
        context["start_iso"] = value["start_time"].strftime("%H:%M") if value["start_time"] else ""
        return context

    def clean(self, value):
        errors = {}
        cleaned = None
        try:
            cleaned = super().clean(value)
        except StructBlockValidationError as error:
            errors.update(error.block_errors)
        start, end = value.get("start_time"), value.get("end_time")
        if start and end and end <= start:
            errors["end_time"] = ValidationError(
                _("The end must come after the start."), code="invalid"
            )
        if errors:
            raise StructBlockValidationError(block_errors=errors)
        return cleaned


class AgendaItemBlock(ProgrammeItemBlock):
    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context=parent_context)
        # Where to watch a streamed part: its own address, else the event's (the page's).
        page = (parent_context or {}).get("page")
        context["watch_url"] = value.get("stream_url") or getattr(page, "stream_url", "")
        return context

    title = blocks.CharBlock(
        label=_("Title"),
        max_length=160,
        help_text=_("What happens, such as «Velkommen» or «Tørre det: å teste før vi vet svaret»."),
    )
    speaker = blocks.CharBlock(
        label=_("Speaker"),
        required=False,
        max_length=160,
        help_text=_("Optional. A role and unit, such as «Tjenestedesigner, Helse og velferd»."),
    )
    description = blocks.RichTextBlock(
        label=_("Description"),
        required=False,
        features=RICH_TEXT_FEATURES,
        help_text=_("Optional. One or two sentences on what participants get out of it."),
    )
    is_streamed = blocks.BooleanBlock(
        label=_("Streamed"),
        required=False,
        help_text=_("Tick when this part is sent live, so people can follow it from anywhere."),
    )
    stream_url = blocks.URLBlock(
        label=_("Where to watch"),
        required=False,
        help_text=_(
            "Optional. The address where this part is sent, when it is not the event's "
            "stream address. Without either, the programme says «Lenke kommer»."
        ),
    )

    class Meta:
        icon = "time"
        label = _("Agenda item")
        description = _("A talk or another part of the programme, with its time and speaker.")
        group = GROUP_PROGRAMME
        template = "events/blocks/agenda_item.html"
        preview_template = "events/blocks/programme_preview.html"
        preview_value = {
            "start_time": datetime.time(9, 15),
            "end_time": datetime.time(10, 0),
            "title": "Tenke det: hvorfor vi trenger nye ideer",
            "speaker": "Leder for innovasjon og digitalisering",
            "description": (
                "<p>Om hvorfor kommunen må finne nye måter å løse oppgavene på, og hva "
                "innovasjon betyr i hverdagen.</p>"
            ),
            "is_streamed": True,
        }


class WorkshopBlock(ProgrammeItemBlock):
    title = blocks.CharBlock(
        label=_("Title"),
        max_length=160,
        help_text=_("What participants work on, such as «Fra idé til første test»."),
    )
    facilitator = blocks.CharBlock(
        label=_("Facilitator"),
        required=False,
        max_length=160,
        help_text=_("Optional. Who leads it, as a role, such as «Veiledere fra Fabrikken»."),
    )
    description = blocks.RichTextBlock(
        label=_("Description"),
        features=RICH_TEXT_FEATURES,
        help_text=_("What participants do and what they have in hand afterwards."),
    )
    materials = blocks.CharBlock(
        label=_("What you need"),
        required=False,
        max_length=200,
        help_text=_("Optional. Such as «Penn, gule lapper og en kollega»."),
    )
    places = blocks.IntegerBlock(
        label=_("Places"),
        required=False,
        min_value=1,
        help_text=_("Optional. How many can take part."),
    )

    class Meta:
        icon = "group"
        label = _("Workshop")
        description = _(
            "A part where participants work together, with who leads it and what to bring."
        )
        group = GROUP_PROGRAMME
        template = "events/blocks/workshop.html"
        preview_template = "events/blocks/programme_preview.html"
        preview_value = {
            "start_time": datetime.time(11, 0),
            "end_time": datetime.time(12, 0),
            "title": "Gjøre det: fra idé til første test",
            "facilitator": "Veiledere fra Fabrikken",
            "description": (
                "<p>I små grupper velger dere én idé fra egen arbeidsplass og planlegger en "
                "enkel test dere kan gjøre neste uke.</p>"
            ),
            "materials": "Penn, gule lapper og en kollega",
            "places": 40,
        }


class BreakBlock(ProgrammeItemBlock):
    title = blocks.CharBlock(
        label=_("Title"),
        max_length=80,
        help_text=_("Short, such as «Pause» or «Lunsj»."),
    )

    class Meta:
        icon = "minus"
        label = _("Break")
        description = _("A pause or lunch between the other parts.")
        group = GROUP_PROGRAMME
        template = "events/blocks/break.html"
        preview_template = "events/blocks/programme_preview.html"
        preview_value = {
            "start_time": datetime.time(10, 45),
            "end_time": datetime.time(11, 0),
            "title": "Pause",
        }


class ProgrammeBlock(blocks.StreamBlock):
    """The day's programme, in the order the editors put it (the time order)."""

    agenda_item = AgendaItemBlock()
    workshop = WorkshopBlock()
    pause = BreakBlock()
