"""BasePage: what every page type of the section shares."""

from http import HTTPMethod

from django.utils.translation import pgettext_lazy
from wagtail.models import Page

from caching.models import PageCacheVersion
from caching.privacy import CachedViewRestrictionsMixin
from core.compounds import COMPOUND_PARTS_SEARCH_FIELD, CompoundPartsMixin
from core.publishing.four_eyes import FourEyesCopyForm
from core.publishing.permissions import SectionPagePermissionTester

from .ownership import ContentOwnershipMixin


class BasePage(
    CachedViewRestrictionsMixin,
    ContentOwnershipMixin,
    CompoundPartsMixin,
    PageCacheVersion,
    Page,
):
    """The base of every page type: cached privacy and its own cache counter, a content
    owner, the four-eyes copy form, read-only HTTP and the search contract's default
    result type.

    Abstract, so it adds no table: each page type keeps its own, as before.
    """

    settings_panels = Page.settings_panels + ContentOwnershipMixin.ownership_panels
    promote_panels = Page.promote_panels

    # Every page type's search_fields start from these: Wagtail's (the title) plus the
    # parts of its compound words, weighted below everything else (core/compounds.py).
    search_fields = Page.search_fields + [COMPOUND_PARTS_SEARCH_FIELD]

    # The search contract (search/): the result type's slug for ?type= and its label.
    search_type = ("side", pgettext_lazy("search result type", "Page"))
    # A dated page type (events, funding calls) adds `search_is_current()`: search then
    # lists the current ones before the past ones among the dated hits it shows.

    # Pages are read, never changed over HTTP, so PUT, DELETE and PATCH get 405 with
    # an Allow header (Wagtail's default takes them all and answers 200). Page types
    # with a form (a funding call, Fabrikken) add POST themselves.
    allowed_http_methods = [HTTPMethod.GET, HTTPMethod.HEAD, HTTPMethod.OPTIONS]

    # Loaded with the page when a request routes to it (caching.routing): what every
    # page's foot shows (its owner). Page types add what they show beside it.
    route_select_related = ("content_owner",)

    # No «Publish copies» and no «Alias» but for administrators.
    copy_form_class = FourEyesCopyForm

    def permissions_for_user(self, user):
        # Wagtail's answers, without a query per row of a listing (core/publishing/permissions.py).
        return SectionPagePermissionTester(user, self)

    class Meta:
        abstract = True
