import datetime

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel

REVIEW_AFTER = datetime.timedelta(days=365)


class ContentOwnershipMixin(models.Model):
    """Who answers for a page, and when they last confirmed it is still right.

    Every page type of the section mixes this in. The confirmation date is not
    content: it is kept out of revisions, so publishing an older draft never
    turns it back.
    """

    content_owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("content owner"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The person who answers for the content and confirms it once a year."),
    )
    last_confirmed_at = models.DateField(
        _("last confirmed"),
        null=True,
        blank=True,
        editable=False,
        help_text=_("Set when the page is published or its owner confirms it."),
    )

    ownership_panels = [MultiFieldPanel([FieldPanel("content_owner")], heading=_("Ownership"))]

    class Meta:
        abstract = True

    def with_content_json(self, content):
        page = super().with_content_json(content)
        page.last_confirmed_at = self.last_confirmed_at
        return page

    @property
    def review_due(self):
        return self.last_confirmed_at is None or (
            self.last_confirmed_at <= timezone.localdate() - REVIEW_AFTER
        )
