"""«Arrangementer»: what is coming, what has been, and a calendar file of everything coming."""

from itertools import groupby

from django.db import models
from django.utils import timezone
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext_lazy as _
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from caching.privacy import visible
from core.blocks import BodyBlock
from core.formats import local
from core.listing import PER_PAGE, SectionPages, requested_page
from core.models import BasePage, SectionOwnerMixin
from core.schedule import ScheduledWholePageMixin
from events import ics
from events.state import not_over_filter

from .event import EventPage

LISTING_PER_PAGE = PER_PAGE  # coming events and past ones together


class EventIndexPage(ScheduledWholePageMixin, RoutablePageMixin, SectionOwnerMixin, BasePage):
    """The list of events at /arrangementer/: coming first (soonest first), then past ones by year.

    It also serves /arrangementer/kalender/, an .ics file of every event that is
    live or still to come, for employees to import into Outlook.
    """

    intro = models.TextField(
        _("introduction"),
        max_length=400,
        help_text=_("The lead paragraph: what kind of events these are, and who they are for."),
    )
    body = StreamField(
        BodyBlock(),
        verbose_name=_("body"),
        blank=True,
        help_text=_("Optional: shown below the events, for example how to suggest an event."),
    )

    content_panels = Page.content_panels + ["intro", "body"]
    search_fields = BasePage.search_fields + [index.SearchField("intro"), index.SearchField("body")]

    parent_page_types = ["home.HomePage"]
    subpage_types = ["events.EventPage"]
    max_count = 1

    class Meta:
        verbose_name = _("event listing")
        verbose_name_plural = _("event listings")

    @property
    def summary(self):
        return self.intro

    # --- The listing ------------------------------------------------------------------

    def events(self, request):
        """The live events `request` may see."""
        # The programme is the page's heavy part and no card shows it; the recording stays
        # loaded, since the archive says which events have one.
        return visible(EventPage.objects.live().child_of(self), request).defer("programme")

    def grouped_events(self, request, now=None):
        """(coming, past_by_year) from one query.

        Coming: live and upcoming events, the soonest first. Past: a list of (year,
        events) with the latest year first and the latest event first within it.
        """
        now = now or timezone.now()
        coming, past = [], []
        for event in self.events(request).order_by("start", "title"):
            event.state = event.state_at(now)
            (past if event.state.is_past else coming).append(event)
        past.sort(key=lambda event: (event.start, event.title), reverse=True)
        past_by_year = [
            (year, list(events))
            for year, events in groupby(past, key=lambda event: local(event.start).year)
        ]
        return coming, past_by_year

    def listing(self, request):
        """What the listing shows: the coming events, then the past ones by year, in pages.

        Hundreds of events a year would make one page of them too heavy (issue #20's
        budget: 100 kB of HTML), so the two lists are read as one in pages of
        LISTING_PER_PAGE (`?side=2`, UI guide §5.4): the coming events come first.
        """
        coming, past_by_year = self.grouped_events(request)
        pages = SectionPages(
            [("coming", coming), ("past", [e for _year, events in past_by_year for e in events])],
            request,
            self.get_url(request),
            per_page=LISTING_PER_PAGE,
        )
        return {
            "coming": pages.shown["coming"],
            "any_coming": bool(coming),
            "past_by_year": [
                (year, list(events))
                for year, events in groupby(
                    pages.shown["past"], key=lambda event: local(event.start).year
                )
            ],
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
                "calendar_url": self.url + self.reverse_subpage("calendar"),
            },
        )

    @path("kalender/", name="calendar")
    def calendar(self, request):
        """Every event that is live or still to come, as one .ics file (RFC 5545)."""
        events = list(
            self.events(request)
            .filter(not_over_filter())
            .select_related("contact_person")  # the description names the contact's e-mail
            .order_by("start", "title")
        )
        return ics.calendar_response(
            ics.build_calendar(events, request, name=self.title), filename=f"{self.slug}.ics"
        )
