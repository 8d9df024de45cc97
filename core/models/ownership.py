import datetime

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.models import Page

from core.publishing import owners

REVIEW_AFTER = datetime.timedelta(days=365)


def owner_panel(field_name):
    """The owner as a searchable chooser of people (name and unit), not a dropdown of usernames."""
    return FieldPanel(field_name, widget=owners.OwnerChooserWidget)


def default_owner_for(parent):
    """The owner a new page below `parent` starts with: the nearest section's «Standard innholdseier»."""
    for page in reversed(list(parent.get_ancestors(inclusive=True).specific())):
        owner = getattr(page, "default_content_owner", None)
        if owner is not None and owner.is_active:
            return owner
    return None


class OwnedPageForm(WagtailAdminPageForm):
    """The page form: the owner is chosen among people who can edit, a new page starts
    with its section's default owner."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in ("content_owner", "default_content_owner"):
            if name in self.fields:
                # Whoever owns it now may stay, even after leaving the editors.
                current = getattr(self.instance, f"{name}_id", None)
                self.fields[name].queryset = owners.eligible_owners(keep=current)
        if (
            "content_owner" in self.fields
            and self.instance._state.adding
            and not self.initial.get("content_owner")
            and self.parent_page is not None
        ):
            default = default_owner_for(self.parent_page)
            if default is not None:
                self.initial["content_owner"] = default.pk


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
    # Indexed: «Arkiveres snart» and the archive job ask for a window of days of it, which
    # at 100 000 pages is a thousand rows of a hundred thousand.
    last_confirmed_at = models.DateField(
        _("last confirmed"),
        null=True,
        blank=True,
        editable=False,
        db_index=True,
        help_text=_("Set when the page is published or its owner confirms it."),
    )

    ownership_panels = [MultiFieldPanel([owner_panel("content_owner")], heading=_("Ownership"))]
    base_form_class = OwnedPageForm

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


class SectionOwnerMixin(models.Model):
    """A section's index page (and the front page) names who owns new pages below it.

    Editors set it under «Innstillinger»; a page created below starts with that owner
    (OwnedPageForm), the nearest section's when sections nest. Like every page field it
    applies once the index page is published.
    """

    default_content_owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("default content owner"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("New pages in this section start with this content owner."),
    )

    settings_panels = Page.settings_panels + [
        MultiFieldPanel(
            [owner_panel("content_owner"), owner_panel("default_content_owner")],
            heading=_("Ownership"),
        )
    ]

    class Meta:
        abstract = True
