"""What Fabrikken offers: guidance, facilitated workshops, method courses and materials.

Four kinds of offer, one block each, so the block picker says what each is
for and the page can draw each with its own mark. They share one shape: a
title, a description, a few practical details («3 timer», «Book 3–4 uker
før») and a «Demo-innhold» flag for offers the content brief only suggests.
"""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks

from core.blocks import RICH_TEXT_FEATURES

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

    # The kind of help the «Be om veiledning» link asks for (GuidanceRequest.Kind).
    guidance_kind = ""

    class Meta:
        template = "fabrikken/blocks/offer_item.html"
        group = GROUP_OFFER

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context=parent_context)
        context["kind"] = self.name
        context["guidance_kind"] = self.guidance_kind
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
    guidance_kind = "course"

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
