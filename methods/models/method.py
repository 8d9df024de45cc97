"""One method or tool: the page, its topics, downloadable resources and related methods."""

from functools import partial

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext, pgettext_lazy
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from taggit.models import TaggedItemBase
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
    MultiFieldPanel,
    ObjectList,
    PageChooserPanel,
    TabbedInterface,
)
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from caching.privacy import visible
from caching.whole_page import WholePageCacheMixin
from core.blocks import RICH_TEXT_FEATURES
from core.blocks.common import host_name, human_file_size
from core.models import BasePage

from ..blocks import StepsBlock, one_empty_step
from .phase import Phase


class Duration(models.TextChoices):
    # The values appear in addresses (?tidsbruk=…), so they are Norwegian like the other keys.
    UP_TO_AN_HOUR = "inntil-1-time", _("Up to 1 hour")
    HALF_DAY = "halv-dag", _("Up to half a day")
    FULL_DAY = "hel-dag", _("A full day")
    SEVERAL_DAYS = "flere-dager", _("Over several days")


class Difficulty(models.TextChoices):
    EASY = "lett", _("Easy")
    MEDIUM = "middels", _("Medium")
    DEMANDING = "krevende", _("Demanding")


class MethodPageTag(TaggedItemBase):
    content_object = ParentalKey(
        "methods.MethodPage", on_delete=models.CASCADE, related_name="tagged_items"
    )


class MethodPage(WholePageCacheMixin, BasePage):
    """One method or tool, written so a facilitator can run it from the page or a printout."""

    summary = models.TextField(
        _("summary"),
        max_length=300,
        help_text=_(
            "One or two sentences about what the method does. Shown on cards, in search "
            "results and in link previews."
        ),
    )
    hero_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Optional. A photo of the method in use, shown under the summary."),
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

    phases = ParentalManyToManyField(
        Phase,
        verbose_name=_("phases"),
        related_name="methods",
        help_text=_("The phases where the method helps most. Choose one or more."),
    )
    tags = ClusterTaggableManager(
        verbose_name=_("topics"),
        through=MethodPageTag,
        blank=True,
        help_text=_(
            "Topics employees can filter on, such as «brukerinnsikt» or «samarbeid». Reuse "
            "the topics that exist; separate them with commas."
        ),
    )
    duration = models.CharField(
        _("time needed"),
        max_length=20,
        choices=Duration.choices,
        help_text=_("The group used for filtering. Write the exact time in the next field."),
    )
    duration_detail = models.CharField(
        _("time in practice"),
        max_length=60,
        blank=True,
        help_text=_("Optional. The time as a facilitator plans it, such as «45–60 min»."),
    )
    participants_min = models.PositiveSmallIntegerField(
        _("fewest participants"),
        default=1,
        validators=[MinValueValidator(1), MaxValueValidator(500)],
    )
    participants_max = models.PositiveSmallIntegerField(
        _("most participants"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(500)],
        help_text=_("Leave empty when there is no upper limit."),
    )
    difficulty = models.CharField(
        _("difficulty"),
        max_length=20,
        choices=Difficulty.choices,
        default=Difficulty.EASY,
        help_text=_(
            "Easy: anyone can lead it the first time. Medium: some practice helps. "
            "Demanding: plan it with someone who has done it before."
        ),
    )
    materials = models.TextField(
        _("materials"),
        blank=True,
        help_text=_("What the group needs, one thing per line, such as «Gule lapper og tusj»."),
    )
    when_to_use = RichTextField(
        _("when to use it"),
        features=RICH_TEXT_FEATURES,
        help_text=_("The situations where the method helps, and when to choose another one."),
    )
    outcome = RichTextField(
        _("what you get out of it"),
        features=RICH_TEXT_FEATURES,
        help_text=_("What the group has in hand afterwards, such as a map, a list or a decision."),
    )
    steps = StreamField(
        StepsBlock(),
        # A new method opens with one step to write in; StepsBlock.clean drops it if untouched.
        default=one_empty_step,
        verbose_name=_("steps"),
        help_text=_("The steps in the order the group does them. The page numbers them."),
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
        help_text=_("Who employees can ask about the method, for example to get help running it."),
    )

    content_panels = Page.content_panels + [
        "summary",
        MultiFieldPanel(["hero_image", "hero_image_alt"], heading=_("Image")),
    ]
    method_panels = [
        FieldPanel("phases", widget=forms.CheckboxSelectMultiple),
        "tags",
        MultiFieldPanel(
            [
                FieldRowPanel(["duration", "duration_detail"]),
                FieldRowPanel(["participants_min", "participants_max"]),
                "difficulty",
            ],
            heading=_("Facts"),
        ),
        "when_to_use",
        "outcome",
        "materials",
    ]
    steps_panels = ["steps"]
    resources_panels = [
        InlinePanel(
            "resources",
            heading=_("Worksheets and links"),
            label=_("Resource"),
            help_text=_("Worksheets and templates to download, and pages on other sites."),
        ),
        InlinePanel(
            "related_methods",
            heading=_("Related methods"),
            label=_("Related method"),
            max_num=6,
            help_text=_("Methods that work well before or after this one."),
        ),
        FieldPanel("contact_person"),
    ]
    edit_handler = TabbedInterface(
        [
            ObjectList(content_panels, heading=_("Content")),
            ObjectList(method_panels, heading=_("Method")),
            ObjectList(steps_panels, heading=_("Steps")),
            ObjectList(resources_panels, heading=_("Resources and contact")),
            ObjectList(BasePage.promote_panels, heading=_("Promote")),
            ObjectList(
                BasePage.settings_panels,
                heading=_("Settings"),
            ),
        ]
    )

    search_fields = BasePage.search_fields + [
        index.SearchField("summary", boost=2),
        index.AutocompleteField("summary"),
        index.SearchField("when_to_use"),
        index.SearchField("outcome"),
        index.SearchField("materials"),
        index.SearchField("steps"),
        index.RelatedFields("tags", [index.SearchField("name"), index.FilterField("slug")]),
        index.RelatedFields(
            "phases",
            [index.SearchField("name"), index.FilterField("slug"), index.FilterField("id")],
        ),
        index.FilterField("duration"),
        index.FilterField("difficulty"),
    ]

    # Search (the SEARCH CONTRACT): a «Metode» with its phases as badges.
    search_type = ("metode", pgettext_lazy("search result type", "Method"))
    search_prefetch = ("phases",)

    parent_page_types = ["methods.MethodIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("method")
        verbose_name_plural = _("methods")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # Called by the template only when its cached part is missing.
        context["related_methods"] = partial(self.live_related_methods, request)
        return context

    def clean(self):
        super().clean()
        errors = {}
        if self.hero_image_id and not (self.hero_image_alt or "").strip():
            errors["hero_image_alt"] = _(
                "Write an alternative text: describe what the image shows."
            )
        if (
            self.participants_max is not None
            and self.participants_min is not None
            and self.participants_max < self.participants_min
        ):
            errors["participants_max"] = _(
                "The most participants can't be fewer than the fewest participants."
            )
        if errors:
            raise ValidationError(errors)

    def search_badges(self):
        """The phases as badges, «Fase 2 · Forstå behovet» (uses only the prefetched phases)."""
        return [(phase.label_html, f"phase-{phase.number}") for phase in self.phases.all()]

    @property
    def materials_list(self):
        return [line.strip(" -•\t") for line in self.materials.splitlines() if line.strip(" -•\t")]

    def step_groups(self):
        """The steps in numbered lists, one per stage heading, the numbers running on.

        A method without stage headings is one list of steps with level-3 titles; with
        stages, each stage is a level-3 heading and its steps get level-4 titles.
        """
        has_stages = any(block.block_type == "stage" for block in self.steps)
        level = 4 if has_stages else 3
        groups, current, number = [], None, 0
        for block in self.steps:
            if block.block_type == "stage":
                current = {"heading": block.value["title"], "steps": [], "level": level}
                groups.append(current)
                continue
            if current is None:
                current = {"heading": "", "steps": [], "level": level}
                groups.append(current)
            number += 1
            current["steps"].append((number, block))
        groups = [group for group in groups if group["steps"]]
        for group in groups:
            group["start"] = group["steps"][0][0]
        return groups

    @property
    def participants_label(self):
        """«3–8 personer», «4 personer», «1 person», «Fra 6 personer»."""
        low, high = self.participants_min, self.participants_max
        if high is None:
            return ngettext("From %(count)s person", "From %(count)s people", low or 1) % {
                "count": low or 1
            }
        if high == low:
            return ngettext("%(count)s person", "%(count)s people", low) % {"count": low}
        return _("%(low)s–%(high)s people") % {"low": low, "high": high}

    @property
    def duration_label(self):
        return self.duration_detail or self.get_duration_display()

    def live_related_methods(self, request):
        """The related methods this employee can open, in the editors' order."""
        ids = list(self.related_methods.order_by("sort_order").values_list("method_id", flat=True))
        if not ids:
            return []
        found = visible(MethodPage.objects.live(), request).exclude(pk=self.pk).in_bulk(ids)
        return [found[pk] for pk in ids if pk in found]

    def download_resources(self):
        items = []
        for resource in self.resources.select_related("document").order_by("sort_order"):
            if resource.document_id:
                document = resource.document
                items.append(
                    {
                        "kind": "document",
                        "url": document.url,
                        "text": resource.link_text,
                        "description": resource.description,
                        "file_type": document.file_extension.upper(),
                        "file_size": human_file_size(document.get_file_size()),
                    }
                )
            elif resource.link_url:
                items.append(
                    {
                        "kind": "link",
                        "url": resource.link_url,
                        "text": resource.link_text,
                        "description": resource.description,
                        "host": host_name(resource.link_url),
                    }
                )
        return items


class MethodPageResource(Orderable):
    """A worksheet or template to download, or a page on another site."""

    page = ParentalKey(MethodPage, on_delete=models.CASCADE, related_name="resources")
    document = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("document"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
        help_text=_("A worksheet or template. Choose a document or write an external address."),
    )
    link_url = models.URLField(
        _("external address"), blank=True, help_text=_("Only when the resource is on another site.")
    )
    title = models.CharField(
        _("link text"),
        max_length=120,
        blank=True,
        help_text=_(
            "Say what the reader gets, such as «Last ned arbeidsark». For a document you may "
            "leave it empty: the page writes «Last ned» and the document's title."
        ),
    )
    description = models.CharField(
        _("description"),
        max_length=200,
        blank=True,
        help_text=_("Optional. One sentence under the link."),
    )

    panels = ["document", "link_url", "title", "description"]

    class Meta(Orderable.Meta):
        verbose_name = _("resource")
        verbose_name_plural = _("resources")

    def clean(self):
        super().clean()
        if bool(self.document_id) == bool(self.link_url):
            raise ValidationError(_("Choose either a document or an external address, not both."))
        if self.link_url and not self.title:
            raise ValidationError({"title": _("Write a link text for the external address.")})

    @property
    def link_text(self):
        if self.title:
            return self.title
        if self.document_id:
            return _("Download %(title)s") % {"title": self.document.title}
        return self.link_url


class MethodPageRelatedMethod(Orderable):
    """A method editors recommend alongside this one."""

    page = ParentalKey(MethodPage, on_delete=models.CASCADE, related_name="related_methods")
    method = models.ForeignKey(
        MethodPage, verbose_name=_("method"), on_delete=models.CASCADE, related_name="+"
    )

    panels = [PageChooserPanel("method", page_type="methods.MethodPage")]

    class Meta(Orderable.Meta):
        verbose_name = _("related method")
        verbose_name_plural = _("related methods")
