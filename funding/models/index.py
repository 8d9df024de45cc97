"""«Støtteordninger»: every funding call, and each employee's own applications."""

from django.db import models
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.cache import add_never_cache_headers
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from caching.privacy import visible
from core.blocks import BodyBlock
from core.listing import PER_PAGE, SectionPages, requested_page
from core.models import BasePage, SectionOwnerMixin
from core.schedule import ScheduledWholePageMixin

from .applications import FundingApplication
from .calls import FundingCallPage

LISTING_PER_PAGE = PER_PAGE  # open, upcoming and closed calls together


class FundingIndexPage(ScheduledWholePageMixin, RoutablePageMixin, SectionOwnerMixin, BasePage):
    """The list of funding calls at /stotte/: open first, then upcoming, then the archive.

    It also serves «Mine søknader» (/stotte/mine-soknader/), where a signed-in
    employee sees the applications they sent and nobody else's.
    """

    intro = models.TextField(
        _("introduction"),
        max_length=400,
        help_text=_("The lead paragraph: what kind of support employees can apply for."),
    )
    body = StreamField(
        BodyBlock(),
        verbose_name=_("body"),
        blank=True,
        help_text=_("Optional: shown below the calls, for example general advice on applying."),
    )

    content_panels = Page.content_panels + ["intro", "body"]
    search_fields = BasePage.search_fields + [index.SearchField("intro"), index.SearchField("body")]

    parent_page_types = ["home.HomePage"]
    subpage_types = ["funding.FundingCallPage"]
    max_count = 1

    class Meta:
        verbose_name = _("funding index page")
        verbose_name_plural = _("funding index pages")

    @property
    def summary(self):
        return self.intro

    # --- The listing ------------------------------------------------------------

    def calls(self, request):
        """The live calls `request` may see."""
        return visible(FundingCallPage.objects.live().child_of(self), request)

    def grouped_calls(self, request, now=None):
        """(open, upcoming, closed): one query, sorted for reading.

        Open calls by nearest deadline (rolling ones last), upcoming by the
        soonest opening, closed with the most recent deadline first.
        """
        now = now or timezone.now()
        groups = {"open": [], "upcoming": [], "closed": []}
        for call in self.calls(request).defer_streamfields():
            call.state = call.state_at(now)
            groups[call.state.status.value].append(call)
        groups["open"].sort(key=lambda c: (c.deadline is None, c.deadline or now, c.title))
        groups["upcoming"].sort(key=lambda c: (c.opens_at, c.title))
        groups["closed"].sort(key=lambda c: (c.deadline, c.title), reverse=True)
        return groups["open"], groups["upcoming"], groups["closed"]

    def listing(self, request):
        """What the listing shows: the open calls, the upcoming, then the closed, in pages.

        The three are read as one list in pages of LISTING_PER_PAGE (`?side=2`, UI guide
        §5.4), so that hundreds of calls over the years stay within issue #20's budget
        of 100 kB of HTML a page.
        """
        open_calls, upcoming, closed = self.grouped_calls(request)
        pages = SectionPages(
            [("open", open_calls), ("upcoming", upcoming), ("closed", closed)],
            request,
            self.get_url(request),
            per_page=LISTING_PER_PAGE,
        )
        return {
            **pages.shown,
            "any_open": bool(open_calls),
            "next_call": upcoming[0] if upcoming else None,
            "pages": pages,
        }

    @path("")
    def index_route(self, request):
        return self.render(
            request,
            context_overrides={
                # Built only when the cached listing (the template's sharedcache) is missing.
                "listing": SimpleLazyObject(lambda: self.listing(request)),
                "listing_page": requested_page(request),
                "my_applications_url": self.url + self.reverse_subpage("my_applications"),
            },
        )

    # --- «Mine søknader» -------------------------------------------------------

    @path("mine-soknader/", name="my_applications")
    def my_applications(self, request):
        from funding.my_items import ApplicationsProvider  # it imports this module

        response = self.render(
            request,
            template="funding/my_applications.html",
            context_overrides={"items": ApplicationsProvider().items(self, request.user)},
        )
        add_never_cache_headers(response)
        return response

    @path("mine-soknader/<int:application_id>/", name="application_detail")
    def application_detail(self, request, application_id):
        return self.render_application(request, application_id, is_receipt=False)

    @path("mine-soknader/<int:application_id>/sendt/", name="application_receipt")
    def application_receipt(self, request, application_id):
        return self.render_application(request, application_id, is_receipt=True)

    def render_application(self, request, application_id, is_receipt):
        """One of the signed-in employee's own applications; anyone else's is a 404."""
        application = get_object_or_404(
            FundingApplication, pk=application_id, applicant_id=request.user.pk
        )
        call = FundingCallPage.objects.filter(pk=application.page_id).first()
        if call is None:
            raise Http404
        response = self.render(
            request,
            template="funding/application_receipt.html",
            context_overrides={
                "call": call,
                "application": application,
                "answers": application.answers(call.get_form_fields()),
                "is_receipt": is_receipt,
                "current_title": gettext("The application has been sent")
                if is_receipt
                else call.title,
                "my_applications_url": self.url + self.reverse_subpage("my_applications"),
            },
        )
        add_never_cache_headers(response)
        return response
