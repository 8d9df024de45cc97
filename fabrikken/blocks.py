"""What Fabrikken offers: guidance, facilitated workshops, method courses and materials.

Four kinds of offer, one block each, so the block picker says what each is
for and the page can draw each with its own mark. They share one shape: a
title, a description, a few practical details («3 timer», «Book 3–4 uker
før») and a «Demo-innhold» flag for offers the content brief only suggests.
"""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks

from core.blocks import RICH_TEXT_FEATURES

from .courses import next_course
from .models.guidance import GuidanceRequest

GROUP_OFFER = _("Offer")


class OfferItemBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Title"), max_length=80)
    description = blocks.RichTextBlock(
        label=_("Description"),
        features=RICH_TEXT_FEATURES,
        help_text=_("What employees get, and who it is for. Two or three sentences."),
    )
    details = blocks.ListBlock(
        blocks.CharBlock(max_length=120),
        label=_("Practical details"),
        min_num=0,
        max_num=6,
        default=[],
        help_text=_("Short facts shown as a list, such as «3 hours» or «Book 3–4 weeks ahead»."),
    )
    is_demo = blocks.BooleanBlock(
        label=_("Demo content"),
        required=False,
        help_text=_("Marks the offer «Demo-innhold»: only for invented example content."),
    )
    request_kind = blocks.ChoiceBlock(
        label=_("Request type"),
        choices=GuidanceRequest.Kind.choices,
        required=False,
        # A setting, not content: its label is no word to find the page by.
        search_index=False,
        help_text=_(
            "What «Be om veiledning» from this card ticks in the form. Empty: the usual "
            "type for this kind of offer."
        ),
    )
    drop_in = blocks.CharBlock(
        label=_("Drop-in time"),
        max_length=80,
        required=False,
        help_text=_(
            "For a weekly drop-in, such as «Tirsdager kl. 13–15»: the card shows the time and "
            "place instead of a request button."
        ),
    )
    drop_in_place = blocks.CharBlock(
        label=_("Drop-in place"),
        max_length=120,
        required=False,
        help_text=_("Where to come. Empty: Fabrikken's own venue and address."),
    )

    # The request type when the card names none (GuidanceRequest.Kind).
    guidance_kind = ""

    class Meta:
        template = "fabrikken/blocks/offer_item.html"
        group = GROUP_OFFER

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context=parent_context)
        context["kind"] = self.name
        context["guidance_kind"] = value.get("request_kind") or self.guidance_kind
        return context


class GuidanceOfferBlock(OfferItemBlock):
    guidance_kind = "process"

    class Meta:
        icon = "help"
        label = _("Guidance")
        description = _("Help from Fabrikken's advisers: a chat about an idea, process guidance.")
        preview_value = {
            "title": "Veiledning",
            "description": "<p>Har du en idé, men vet ikke hvor du skal begynne? Vi hjelper deg "
            "å velge metoder og lage en plan for de neste fasene.</p>",
            "details": ["1–3 møter", "Idékafé tirsdager kl. 13–15"],
            "is_demo": True,
        }


class WorkshopOfferBlock(OfferItemBlock):
    guidance_kind = "workshop"

    class Meta:
        icon = "group"
        label = _("Facilitated workshop")
        description = _("Fabrikken plans and runs a workshop for a team.")
        preview_value = {
            "title": "Fasilitering",
            "description": "<p>Vi planlegger og leder en workshop for dere: innsikt, ideer "
            "eller en retrospektiv.</p>",
            "details": ["Book 3–4 uker før"],
            "is_demo": True,
        }


class CourseOfferBlock(OfferItemBlock):
    """A course links to its next scheduled session: an upcoming event named after it."""

    guidance_kind = "course"

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context=parent_context)
        courses = (parent_context or {}).get("upcoming_courses", [])
        context["next_course"] = next_course(value["title"], courses)
        return context

    class Meta:
        icon = "doc-full"
        label = _("Method course")
        description = _("A course or method clinic, with its length.")
        preview_value = {
            "title": "Innovasjon på 1-2-3",
            "description": "<p>De seks fasene og fem kjernemetoder på tre timer.</p>",
            "details": ["3 timer"],
            "is_demo": True,
        }


class MaterialsOfferBlock(OfferItemBlock):
    guidance_kind = "materials"

    class Meta:
        icon = "tasks"
        label = _("Materials to borrow")
        description = _("Materials and kits employees can borrow; list them as details.")
        preview_value = {
            "title": "Materiell til utlån",
            "description": "<p>Alt dere trenger til en workshop.</p>",
            "details": ["Gule lapper og tusjer", "A1-ark og klistremerker", "Metodekasse"],
            "is_demo": True,
        }


class OfferBlock(blocks.StreamBlock):
    """What Fabrikken offers, in the order the editors choose."""

    guidance = GuidanceOfferBlock()
    workshop = WorkshopOfferBlock()
    course = CourseOfferBlock()
    materials = MaterialsOfferBlock()

    class Meta:
        template = "fabrikken/blocks/offer.html"
