"""«Eksempler»: every live case as a card, with filters employees combine."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import PageChooserPanel
from wagtail.models import Page
from wagtail.search import index

from caching.whole_page import WholePageCacheMixin
from core.models import BasePage, SectionOwnerMixin


class CaseIndexPage(WholePageCacheMixin, SectionOwnerMixin, BasePage):
    """The case listing at /eksempler/, and the case the front page shows first."""

    intro = models.TextField(
        _("introduction"),
        max_length=500,
        help_text=_("Two or three sentences above the filters: what employees find here."),
    )
    featured_case = models.ForeignKey(
        "cases.CasePage",
        verbose_name=_("pinned case"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_(
            "Optional. Shown first under «Fra prosjektene» on the front page; the newest "
            "cases follow."
        ),
    )

    content_panels = Page.content_panels + [
        "intro",
        PageChooserPanel("featured_case", page_type="cases.CasePage"),
    ]
    search_fields = BasePage.search_fields + [index.SearchField("intro")]

    search_prefetch = ()

    parent_page_types = ["home.HomePage"]
    subpage_types = ["cases.CasePage"]
    max_count = 1

    class Meta:
        verbose_name = _("case listing")
        verbose_name_plural = _("case listings")

    @property
    def summary(self):
        return self.intro

    def clean(self):
        super().clean()
        featured = self.featured_case
        if featured is not None and self.pk and not featured.is_descendant_of(self):
            raise ValidationError({"featured_case": _("Choose a case from this listing.")})

    def get_context(self, request, *args, **kwargs):
        from cases.listing import CaseListing

        context = super().get_context(request, *args, **kwargs)
        # Built only when the cached listing (the template's sharedcache) is missing.
        context["listing"] = SimpleLazyObject(lambda: CaseListing(self, request))
        return context
