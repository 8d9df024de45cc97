"""A case story: what a project set out to solve, what it did, which methods it used, what came of it."""

from functools import partial
from typing import NamedTuple

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Prefetch
from django.utils.dateformat import format as format_date
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from taggit.models import TaggedItemBase
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    MultiFieldPanel,
    MultipleChooserPanel,
    ObjectList,
    PageChooserPanel,
    TabbedInterface,
)
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from caching.generation import type_scope
from caching.keys import remember
from caching.privacy import audience_key, visible
from caching.whole_page import WholePageCacheMixin
from core import images
from core.blocks import RICH_TEXT_FEATURES
from core.models import BasePage
from methods.models import MethodPage

from ..blocks import CaseResultsBlock
from .sector import STATUS_BADGES, CaseStatus

# Newest project first: the latest start, then the latest published.
NEWEST_FIRST = ("-start_date", "-first_published_at", "-pk")

# The image sizes the templates ask for, so listings can fetch them with the images.
CARD_RENDITIONS = images.CARD
GALLERY_RENDITIONS = images.GALLERY_THUMBNAIL + images.GALLERY_FULL
images_with_renditions = images.images_with_renditions


class CasePageTag(TaggedItemBase):
    content_object = ParentalKey(
        "cases.CasePage", on_delete=models.CASCADE, related_name="tagged_items"
    )


class CasePage(WholePageCacheMixin, BasePage):
    """A project employees can learn from: ongoing or completed, told with results in numbers."""

    summary = models.TextField(
        # Not «summary»: that msgid is translated for funding calls («kort om ordningen»).
        _("case summary"),
        max_length=300,
        help_text=_(
            "One or two sentences about what the project did and what came of it. Shown on "
            "cards, in search results and in link previews."
        ),
    )
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=CaseStatus.choices,
        default=CaseStatus.ONGOING,
    )
    sector = models.ForeignKey(
        "cases.Sector",
        verbose_name=_("service area"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="cases",
        help_text=_("The service area that owns the project. Employees filter on it."),
    )
    unit = models.CharField(
        _("responsible unit"),
        max_length=120,
        help_text=_("The unit that runs the project, such as «Hjemmebaserte tjenester»."),
    )
    start_date = models.DateField(
        _("start"),
        help_text=_("When the project started, or will start. The page shows the month and year."),
    )
    end_date = models.DateField(
        _("end"),
        null=True,
        blank=True,
        help_text=_("When it ended, or is planned to end. Required for a completed project."),
    )
    hero_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Optional. Shown at the top of the page and on the card."),
    )
    hero_image_alt = models.CharField(
        _("alternative text"),
        max_length=250,
        blank=True,
        help_text=_(
            "Required with an image. Describe what the image shows for people who can't see "
            "it, in one sentence. Don't start with «Bilde av»."
        ),
    )
    challenge = RichTextField(
        _("the challenge"),
        features=RICH_TEXT_FEATURES,
        help_text=_("The problem or need the project started from, and for whom."),
    )
    approach = RichTextField(
        _("what we did"),
        features=RICH_TEXT_FEATURES,
        help_text=_("How the project worked: insight, ideas, tests and pilots, in that order."),
    )
    results = StreamField(
        CaseResultsBlock(),
        verbose_name=_("results and effects"),
        blank=True,
        help_text=_(
            "Start with two to four key figures, with period and source. Then text, quotes and "
            "images. Leave empty while a planned project has no results yet."
        ),
    )
    lessons = RichTextField(
        _("lessons learned"),
        features=RICH_TEXT_FEATURES,
        blank=True,
        help_text=_("What others can learn: what worked, what didn't, what you would do again."),
    )
    tags = ClusterTaggableManager(
        verbose_name=_("topics"),
        through=CasePageTag,
        blank=True,
        help_text=_(
            "Topics employees can filter on, such as «velferdsteknologi» or «brukerinnsikt». "
            "Reuse the topics that exist; separate them with commas."
        ),
    )
    # The contact card beside the content, loaded with the page (caching.routing).
    route_select_related = (
        *BasePage.route_select_related,
        "contact_person",
        "contact_person__photo",
    )

    contact_person = models.ForeignKey(
        "core.Person",
        verbose_name=_("contact person"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Who employees can ask about the project."),
    )
    funding_call = models.ForeignKey(
        "funding.FundingCallPage",
        verbose_name=_("funded by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Optional. The funding call the project got money from."),
    )
    is_demo = models.BooleanField(
        _("demo content"),
        default=False,
        help_text=_("Marks the case «Demo-innhold». Only for invented example content."),
    )

    content_panels = Page.content_panels + [
        "summary",
        MultiFieldPanel(
            [
                # A handful of service areas: a select, not a chooser modal.
                FieldRowPanel(["status", FieldPanel("sector", widget=forms.Select)]),
                "unit",
                FieldRowPanel(["start_date", "end_date"]),
            ],
            heading=_("Facts"),
        ),
        MultiFieldPanel(["hero_image", "hero_image_alt"], heading=_("Image")),
    ]
    story_panels = ["challenge", "approach", "results", "lessons"]
    methods_panels = [
        MultipleChooserPanel(
            "method_links",
            chooser_field_name="method",
            heading=_("Methods used"),
            label=_("Method"),
            help_text=_(
                "The methods from the toolkit the project used, in the order it used them. "
                "Each method's page links back to this case."
            ),
        ),
        "tags",
        FieldPanel("contact_person"),
        PageChooserPanel("funding_call", page_type="funding.FundingCallPage"),
    ]
    gallery_panels = [
        MultipleChooserPanel(
            "gallery_images",
            chooser_field_name="image",
            heading=_("Gallery"),
            label=_("Image"),
            max_num=12,
            help_text=_("Optional. Photos from the project, each with an alternative text."),
        ),
    ]
    edit_handler = TabbedInterface(
        [
            ObjectList(content_panels, heading=_("Content")),
            ObjectList(story_panels, heading=_("Story")),
            ObjectList(methods_panels, heading=_("Methods and contact")),
            ObjectList(gallery_panels, heading=_("Gallery")),
            ObjectList(BasePage.promote_panels, heading=_("Promote")),
            ObjectList(
                BasePage.settings_panels + ["is_demo"],
                heading=_("Settings"),
            ),
        ]
    )

    search_fields = BasePage.search_fields + [
        index.SearchField("summary", boost=2),
        index.AutocompleteField("summary"),
        index.SearchField("challenge"),
        index.SearchField("approach"),
        index.SearchField("results"),
        index.SearchField("lessons"),
        index.SearchField("unit"),
        index.RelatedFields("tags", [index.SearchField("name"), index.FilterField("slug")]),
        index.RelatedFields("sector", [index.SearchField("name"), index.FilterField("slug")]),
        index.RelatedFields(
            "method_links", [index.RelatedFields("method", [index.SearchField("title")])]
        ),
        index.FilterField("status"),
        index.FilterField("sector_id"),
        index.FilterField("start_date"),
    ]

    # The search contract (search app): the type, and the badges a result shows.
    search_type = ("eksempel", _("Case"))
    search_prefetch = ()

    parent_page_types = ["cases.CaseIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("case")
        verbose_name_plural = _("cases")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # Called by the template only when its cached part is missing.
        context["used_methods"] = partial(self.live_methods, request)
        context["more_cases"] = partial(self.more_cases, request)
        return context

    def clean(self):
        super().clean()
        errors = {}
        if self.hero_image_id and not (self.hero_image_alt or "").strip():
            errors["hero_image_alt"] = _(
                "Write an alternative text: describe what the image shows."
            )
        if self.start_date and self.end_date and self.end_date < self.start_date:
            errors["end_date"] = _("The end can't come before the start.")
        if self.status == CaseStatus.COMPLETED and not self.end_date:
            errors["end_date"] = _("Write when the project ended.")
        if errors:
            raise ValidationError(errors)

    # --- What the case says about itself ------------------------------------------------

    @property
    def status_badge(self):
        """The badge modifier of the status: «neutral», «active» or «positive»."""
        return STATUS_BADGES.get(self.status, "neutral")

    def search_badges(self):
        badges = [(str(self.get_status_display()), self.status_badge)]
        if self.is_demo:
            badges.append((gettext("Demo content"), "warning"))
        return badges

    @property
    def period_label(self):
        """«september 2021 – desember 2022», «mars–november 2021», «Fra mars 2022»."""
        start, end = self.start_date, self.end_date
        if start is None:
            return ""
        if end is None:
            return gettext("From %(start)s") % {"start": format_date(start, "F Y")}
        if (start.year, start.month) == (end.year, end.month):
            return format_date(start, "F Y")
        if start.year == end.year:
            return f"{format_date(start, 'F')}–{format_date(end, 'F Y')}"
        return f"{format_date(start, 'F Y')} – {format_date(end, 'F Y')}"

    @property
    def years_label(self):
        """The years on a card: «2021», «2020–2021», «Fra 2022»."""
        start, end = self.start_date, self.end_date
        if start is None:
            return ""
        if end is None:
            return gettext("From %(year)s") % {"year": start.year}
        if start.year == end.year:
            return str(start.year)
        return f"{start.year}–{end.year}"

    # --- Related content ----------------------------------------------------------------

    def live_methods(self, request):
        """The methods the project used that this employee can open, in the editors' order."""
        ids = list(
            dict.fromkeys(
                self.method_links.order_by("sort_order").values_list("method_id", flat=True)
            )
        )
        if not ids:
            return []
        found = visible(MethodPage.objects.live(), request).prefetch_related("phases").in_bulk(ids)
        return [found[pk] for pk in ids if pk in found]

    def gallery(self):
        return list(
            self.gallery_images.order_by("sort_order").prefetch_related(
                Prefetch("image", queryset=images_with_renditions(*GALLERY_RENDITIONS))
            )
        )

    def more_cases(self, request, limit=3):
        """Other live cases from the same service area this employee can open, newest first.

        Shown outside the page's cached part: it changes with every case of the service
        area. So the service area's newest cases are kept once for all its case pages,
        until a case changes, and each page leaves itself out.
        """
        if not self.sector_id:
            return None
        sector, newest = remember(
            lambda: self._newest_in_sector(request, limit + 1),
            "newest-cases",
            self.sector_id,
            audience_key(request),
            on=[type_scope(CasePage)],
        )
        others = [case for case in newest if case.pk != self.pk][:limit]
        return MoreCases(sector, others) if others else None

    def _newest_in_sector(self, request, count):
        cases = (
            visible(CasePage.objects.live(), request)
            .filter(sector_id=self.sector_id)
            .order_by(*NEWEST_FIRST)
            .only(
                "id",
                "title",
                "url_path",
                "path",
                "depth",
                "status",
                "is_demo",
                "start_date",
                "end_date",
            )[:count]
        )
        return self.sector, list(cases)


class MoreCases(NamedTuple):
    sector: object
    cases: list


class CasePageMethod(Orderable):
    """A method from the toolkit that a project used."""

    page = ParentalKey(CasePage, on_delete=models.CASCADE, related_name="method_links")
    method = models.ForeignKey(
        "methods.MethodPage",
        verbose_name=_("method"),
        on_delete=models.CASCADE,
        related_name="case_links",
    )

    panels = [PageChooserPanel("method", page_type="methods.MethodPage")]

    class Meta(Orderable.Meta):
        verbose_name = _("method used")
        verbose_name_plural = _("methods used")


class CasePageGalleryImage(Orderable):
    """A photo from the project, with the alternative text every content image needs."""

    page = ParentalKey(CasePage, on_delete=models.CASCADE, related_name="gallery_images")
    image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("image"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    alt_text = models.CharField(
        _("alternative text"),
        max_length=250,
        help_text=_(
            "Describe what the image shows for people who can't see it, in one sentence. "
            "Don't start with «Bilde av»."
        ),
    )
    caption = models.CharField(_("caption"), max_length=250, blank=True)

    panels = ["image", "alt_text", "caption"]

    class Meta(Orderable.Meta):
        verbose_name = _("gallery image")
        verbose_name_plural = _("gallery images")

    def clean(self):
        super().clean()
        if not (self.alt_text or "").strip():
            raise ValidationError(
                {"alt_text": _("Write an alternative text: describe what the image shows.")}
            )
