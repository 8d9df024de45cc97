from functools import partial

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel, PageChooserPanel
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from caching.privacy import is_visible
from caching.whole_page import WholePageCacheMixin
from core.blocks import BodyBlock
from core.models import BasePage, SectionOwnerMixin
from core.schedule import ScheduledWholePageMixin


class HomePage(ScheduledWholePageMixin, SectionOwnerMixin, BasePage):
    """The section's front page: «Innovasjon i Stavanger kommune».

    Every employee's start page, so it is served whole from the cache, with the account
    menu, the user's next booking and the CSRF tokens filled in per request.
    """

    intro = models.TextField(
        _("introduction"),
        max_length=400,
        help_text=_("Two or three sentences under the title: what employees find in this section."),
    )
    body = StreamField(BodyBlock(), verbose_name=_("body"), blank=True)

    content_panels = Page.content_panels + [
        "intro",
        InlinePanel(
            "actions",
            heading=_("Buttons under the introduction"),
            label=_("Button"),
            max_num=3,
            help_text=_(
                "Up to three tasks most employees come for, such as «Finn en metode». "
                "On a phone they are what the first screen offers."
            ),
        ),
        InlinePanel(
            "highlights",
            heading=_("Highlighted pages"),
            label=_("Highlighted page"),
            max_num=6,
            help_text=_("Up to six pages shown as cards under the introduction."),
        ),
        "body",
    ]
    search_fields = BasePage.search_fields + [index.SearchField("intro"), index.SearchField("body")]

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = [
        "home.ContentPage",
        "methods.MethodIndexPage",
        "cases.CaseIndexPage",
        "funding.FundingIndexPage",
        "events.EventIndexPage",
        "fabrikken.FabrikkenPage",
    ]
    max_count = 1

    class Meta:
        verbose_name = _("home page")

    @property
    def summary(self):
        return self.intro

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # Called by the template only when its cached part is missing.
        context["highlights"] = partial(self.live_highlights, request)
        context["actions"] = partial(self.live_actions, request)
        return context

    def live_highlights(self, request):
        """The highlighted pages that are live and `request` may see, with their specific
        types, in editor order."""
        return _live_links(self.highlights, request, specific=True)

    def live_actions(self, request):
        """The buttons under the introduction whose pages are live and `request` may see."""
        return _live_links(self.actions, request)


def _live_links(links, request, specific=False):
    """An inline panel's page links, in editor order, keeping those whose page is live and
    visible to `request` (through the privacy gate), each with its page attached.

    The pages come with the links (one query); `specific` adds one query per page type
    among them, not Wagtail's extra query for the base rows.
    """
    kept = [
        link
        for link in links.filter(page__live=True).select_related("page").order_by("sort_order")
        if is_visible(link.page, request)
    ]
    if specific:
        found = _specific([link.page for link in kept])
        for link in kept:
            link.page = found.get(link.page_id, link.page)
    return kept


def _specific(pages):
    """{pk: the page as its own type} for base pages already loaded, one query per type."""
    by_type = {}
    for page in pages:
        by_type.setdefault(page.content_type_id, []).append(page.pk)
    found = {}
    for content_type_id, ids in by_type.items():
        model = ContentType.objects.get_for_id(content_type_id).model_class()
        if model is not None:
            found.update({page.pk: page for page in model.objects.filter(pk__in=ids)})
    return found


class HomePageAction(Orderable):
    """A button in the front page's first screen: a task most employees come for."""

    home_page = ParentalKey(HomePage, on_delete=models.CASCADE, related_name="actions")
    page = models.ForeignKey(
        "wagtailcore.Page", verbose_name=_("page"), on_delete=models.CASCADE, related_name="+"
    )
    link_text = models.CharField(
        _("button text"),
        max_length=40,
        help_text=_("Say what the reader will do, such as «Søk om støtte». Never «Les mer»."),
    )

    panels = [PageChooserPanel("page"), "link_text"]

    class Meta(Orderable.Meta):
        verbose_name = _("button")
        verbose_name_plural = _("buttons")


class HomePageHighlight(Orderable):
    """A page the editors want every visitor of the front page to notice."""

    home_page = ParentalKey(HomePage, on_delete=models.CASCADE, related_name="highlights")
    page = models.ForeignKey(
        "wagtailcore.Page", verbose_name=_("page"), on_delete=models.CASCADE, related_name="+"
    )
    description = models.CharField(
        _("description"),
        max_length=200,
        blank=True,
        help_text=_("Optional. Replaces the page's own introduction on the card."),
    )

    panels = [PageChooserPanel("page"), "description"]

    class Meta(Orderable.Meta):
        verbose_name = _("highlighted page")
        verbose_name_plural = _("highlighted pages")


class ContentPage(WholePageCacheMixin, BasePage):
    """An article about innovation work, such as «Hva er innovasjon?»."""

    intro = models.TextField(
        _("introduction"),
        max_length=400,
        help_text=_("The lead paragraph: say what the page is for in one or two sentences."),
    )
    body = StreamField(BodyBlock(), verbose_name=_("body"), blank=True)
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
        help_text=_("Who employees can ask about this page."),
    )

    content_panels = Page.content_panels + [
        "intro",
        "body",
        MultiFieldPanel(
            [FieldPanel("contact_person"), InlinePanel("related_links", label=_("Related link"))],
            heading=_("Contact and related links"),
        ),
    ]
    search_fields = BasePage.search_fields + [index.SearchField("intro"), index.SearchField("body")]

    parent_page_types = ["home.HomePage"]
    subpage_types = []

    class Meta:
        verbose_name = _("content page")
        verbose_name_plural = _("content pages")

    @property
    def summary(self):
        return self.intro

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["related_links"] = partial(self.visible_related_links, request)
        return context

    def visible_related_links(self, request):
        """The related links, without pages that are not live or `request` may not see."""
        links = self.related_links.select_related("link_page").order_by("sort_order")
        return [
            link
            for link in links
            if not link.link_page_id
            or (link.link_page.live and is_visible(link.link_page, request))
        ]


class ContentPageRelatedLink(Orderable):
    """A link at the end of a content page: to another page here or to another site."""

    content_page = ParentalKey(ContentPage, on_delete=models.CASCADE, related_name="related_links")
    title = models.CharField(_("link text"), max_length=120, blank=True)
    link_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("page"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
    )
    link_url = models.URLField(_("external address"), blank=True)

    panels = [PageChooserPanel("link_page"), "link_url", "title"]

    class Meta(Orderable.Meta):
        verbose_name = _("related link")
        verbose_name_plural = _("related links")

    def clean(self):
        super().clean()
        if bool(self.link_page_id) == bool(self.link_url):
            raise ValidationError(_("Choose either a page or an external address, not both."))
        if self.link_url and not self.title:
            raise ValidationError({"title": _("Write a link text for the external address.")})

    @property
    def url(self):
        return self.link_page.url if self.link_page_id else self.link_url

    @property
    def text(self):
        return self.title or (self.link_page.title if self.link_page_id else self.link_url)
