"""«Metoder og verktøy»: the listing page of every method."""

from django.db import models
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page
from wagtail.search import index

from caching.whole_page import WholePageCacheMixin
from core.models import BasePage, SectionOwnerMixin


class MethodIndexPage(WholePageCacheMixin, SectionOwnerMixin, BasePage):
    """«Metoder og verktøy»: every method as a card, with filters employees combine."""

    intro = models.TextField(
        _("introduction"),
        max_length=500,
        help_text=_("Two or three sentences above the filters: what the methods are for."),
    )

    content_panels = Page.content_panels + ["intro"]
    search_fields = BasePage.search_fields + [index.SearchField("intro")]

    parent_page_types = ["home.HomePage"]
    subpage_types = ["methods.MethodPage"]
    max_count = 1

    class Meta:
        verbose_name = _("method listing")
        verbose_name_plural = _("method listings")

    @property
    def summary(self):
        return self.intro

    def get_context(self, request, *args, **kwargs):
        from ..listing import MethodListing

        context = super().get_context(request, *args, **kwargs)
        # Built only when the cached listing (the template's sharedcache) is missing.
        context["listing"] = SimpleLazyObject(lambda: MethodListing(self, request))
        return context
