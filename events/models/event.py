"""An event such as Innovasjonsdagen: one page that serves before, during and after the day."""

from datetime import timedelta
from functools import cached_property, partial

from django.core.exceptions import ValidationError
from django.db import models
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import (
    FieldRowPanel,
    InlinePanel,
    MultiFieldPanel,
    ObjectList,
    PageChooserPanel,
    TabbedInterface,
)
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from caching.privacy import visible
from core.blocks import RICH_TEXT_FEATURES, VideoBlock
from core.formats import format_date
from core.models import BasePage
from core.schedule import ScheduledWholePageMixin
from events import ics
from events.blocks import ProgrammeBlock
from events.outlook import outlook_url
from events.state import event_state

# The index page's calendar feed lives at this sub-address, so no event may take it as its slug.
CALENDAR_ROUTE = "kalender"


class EventFormat(models.TextChoices):
    DIGITAL = "digital", _("Online")
    IN_PERSON = "fysisk", _("In person")
    HYBRID = "hybrid", _("In person and online")


class Audience(models.TextChoices):
    EMPLOYEES = "ansatte", _("Employees")
    RESIDENTS = "innbyggere", _("Residents")
    EVERYONE = "alle", _("Employees and residents")


class EventPage(ScheduledWholePageMixin, RoutablePageMixin, BasePage):
    """An event, such as «Innovasjonsdagen 2021»: programme, streaming, recording and calendar file.

    What the page shows first follows from `start` and `end` (events/state.py) and
    is never stored: before the event the programme, «Legg i kalender» and «Meld
    deg på»; during it «Sendes nå» with the stream link; afterwards the recording,
    the number of participants and a short summary. Editors preview each state.
    """

    search_type = ("arrangement", _("Event"))

    tagline = models.CharField(
        _("theme"),
        max_length=120,
        blank=True,
        help_text=_(
            "Optional. The event's theme or slogan, such as «Tenke det, tørre det, gjøre det»."
        ),
    )
    summary = models.TextField(
        _("summary"),
        max_length=400,
        help_text=_(
            "One or two sentences on cards and in search: what the event is and who it is for."
        ),
    )
    # The moments the page changes by itself (core/schedule.py renews cached parts then).
    scheduled_fields = ("start", "end")

    start = models.DateTimeField(
        _("starts"), help_text=_("Norwegian time, for example 25.11.2021 09:00.")
    )
    end = models.DateTimeField(
        _("ends"),
        help_text=_("Norwegian time. The page shows the recording from this moment on."),
    )
    event_format = models.CharField(
        _("format"), max_length=10, choices=EventFormat.choices, default=EventFormat.DIGITAL
    )
    place = models.CharField(
        _("place"),
        max_length=200,
        blank=True,
        help_text=_(
            "Where people meet, such as «Fabrikken, Sandvigå 7». For an online event, "
            "where it is sent, such as «Teams og Facebook»."
        ),
    )
    audience = models.CharField(
        _("who it is for"), max_length=12, choices=Audience.choices, default=Audience.EMPLOYEES
    )
    programme = StreamField(
        ProgrammeBlock(),
        verbose_name=_("programme"),
        blank=True,
        help_text=_("The parts of the event in time order."),
    )
    registration_url = models.URLField(
        _("sign-up address"),
        blank=True,
        help_text=_("Optional. The form where people sign up; the page shows «Meld deg på»."),
    )
    registration_note = models.CharField(
        _("about signing up"),
        max_length=250,
        blank=True,
        help_text=_("Optional. Such as the sign-up deadline, or «Du trenger ikke melde deg på»."),
    )
    stream_url = models.URLField(
        _("stream address"),
        blank=True,
        help_text=_("Where people watch live. The page shows it first while the event is on."),
    )
    recording = StreamField(
        [("video", VideoBlock())],
        verbose_name=_("recording"),
        blank=True,
        max_num=1,
        help_text=_("The recording, shown first once the event is over."),
    )
    participants = models.PositiveIntegerField(
        _("participants"),
        null=True,
        blank=True,
        help_text=_("After the event: how many took part, such as 800."),
    )
    participants_at_least = models.BooleanField(
        _("the number is a minimum"),
        default=False,
        help_text=_("Tick to show «Over 800» instead of «800»."),
    )
    participants_label = models.CharField(
        _("what the number counts"),
        max_length=60,
        blank=True,
        help_text=_(
            "Optional. Up to six words, such as «ansatte på det meste». Default: «deltakere»."
        ),
    )
    report = RichTextField(
        _("how it went"),
        features=RICH_TEXT_FEATURES,
        blank=True,
        help_text=_("After the event: a short summary of what happened and what came out of it."),
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
        help_text=_("Who people can ask about the event."),
    )
    contact_email = models.EmailField(
        _("contact e-mail"),
        blank=True,
        help_text=_(
            "Optional. Where people write with questions about signing up or taking part, "
            "such as «innovasjon@stavanger.kommune.no». Default: the contact person's e-mail."
        ),
    )
    is_demo = models.BooleanField(
        _("demo content"),
        default=False,
        help_text=_("Marks the event «Demo-innhold». Only for invented example content."),
    )
    demo_note = models.CharField(
        _("what is invented"),
        max_length=250,
        blank=True,
        help_text=_(
            "With demo content: what readers should not take as fact, such as "
            "«Datoen er ikke bekreftet». Shown under the badge."
        ),
    )

    content_panels = Page.content_panels + [
        "tagline",
        "summary",
        MultiFieldPanel(
            [
                FieldRowPanel(["start", "end"]),
                FieldRowPanel(["event_format", "audience"]),
                "place",
                "stream_url",
            ],
            heading=_("When and where"),
        ),
        MultiFieldPanel(["registration_url", "registration_note"], heading=_("Signing up")),
        MultiFieldPanel(["contact_person", "contact_email"], heading=_("Contact")),
    ]
    programme_panels = ["programme"]
    after_panels = [
        "recording",
        MultiFieldPanel(
            [FieldRowPanel(["participants", "participants_at_least"]), "participants_label"],
            heading=_("Participants"),
        ),
        "report",
    ]
    related_panels = [
        InlinePanel(
            "related_cases",
            heading=_("Related cases"),
            label=_("Related case"),
            max_num=6,
            help_text=_("Projects the event shows or talks about."),
        ),
        InlinePanel(
            "related_methods",
            heading=_("Related methods"),
            label=_("Related method"),
            max_num=6,
            help_text=_("Methods the event teaches or uses, such as in a workshop."),
        ),
    ]
    settings_panels = BasePage.settings_panels + [
        MultiFieldPanel(["is_demo", "demo_note"], heading=_("Demo content"))
    ]
    edit_handler = TabbedInterface(
        [
            ObjectList(content_panels, heading=_("Content")),
            ObjectList(programme_panels, heading=_("Programme")),
            ObjectList(after_panels, heading=_("After the event")),
            ObjectList(related_panels, heading=_("Related")),
            ObjectList(BasePage.promote_panels, heading=_("Promote")),
            ObjectList(settings_panels, heading=_("Settings")),
        ]
    )

    search_fields = BasePage.search_fields + [
        index.SearchField("summary", boost=2),
        index.AutocompleteField("summary"),
        index.SearchField("tagline", boost=2),
        index.SearchField("place"),
        index.SearchField("programme"),
        index.SearchField("report"),
        # The state is derived from these two; filter on them to search by state.
        index.FilterField("start"),
        index.FilterField("end"),
        index.FilterField("event_format"),
        index.FilterField("audience"),
    ]

    parent_page_types = ["events.EventIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("event")
        verbose_name_plural = _("events")

    # --- What the event says about itself --------------------------------------

    def state_at(self, now):
        return event_state(self.start, self.end, now, has_stream=bool(self.stream_url))

    @cached_property
    def state(self):
        """The state now: computed once per page object, never stored."""
        return self.state_at(timezone.now())

    def search_is_current(self):
        """Upcoming or under way: search lists it before past events (the search contract)."""
        return not self.state.is_past

    def search_badges(self):
        """The state and the date, for search results (the search contract)."""
        state = self.state
        badges = [(state.label, state.badge_modifier), (format_date(self.start), "neutral")]
        if self.is_demo:
            badges.append((gettext("Demo content"), "warning"))
        return badges

    @property
    def location_text(self):
        """«Fabrikken, Sandvigå 7», «Digitalt», «Fabrikken, Sandvigå 7 og digitalt»."""
        if self.event_format == EventFormat.DIGITAL:
            return self.place or gettext("Online")
        if self.event_format == EventFormat.HYBRID:
            if self.place:
                return gettext("%(place)s and online") % {"place": self.place}
            return gettext("In person and online")
        return self.place

    @property
    def contact_address(self):
        """The e-mail address for questions beside «Meld deg på»: the event's own, else the
        contact person's; "" when neither is known."""
        if self.contact_email:
            return self.contact_email
        person = self.contact_person
        return person.email if person else ""

    @property
    def participants_text(self):
        """«Over 800» or «800», with no-break spaces in big numbers; "" when not known."""
        if self.participants is None:
            return ""
        number = f"{self.participants:,}".replace(",", "\u00a0")
        if self.participants_at_least:
            return gettext("Over %(number)s") % {"number": number}
        return number

    @property
    def participants_caption(self):
        return self.participants_label or gettext("participants")

    @property
    def recording_video(self):
        """The recording's video block value (url, title, caption), or None."""
        for block in self.recording:
            return block.value
        return None

    def live_related_methods(self, request):
        """The related methods this employee can open, in the editors' order."""
        from methods.models import MethodPage

        return _live_in_order(MethodPage, self.related_methods, "method_id", request)

    def live_related_cases(self, request):
        """The related cases this employee can open, in the editors' order."""
        from cases.models import CasePage

        return _live_in_order(CasePage, self.related_cases, "case_id", request)

    def clean(self):
        super().clean()
        errors = {}
        if self.start and self.end and self.end <= self.start:
            errors["end"] = _("The end must come after the start.")
        if self.event_format in (EventFormat.IN_PERSON, EventFormat.HYBRID) and not self.place:
            errors["place"] = _("Write where people meet.")
        if self.slug == CALENDAR_ROUTE:
            errors["slug"] = _(
                "«%(slug)s» is the address of the calendar feed. Choose another."
            ) % {"slug": CALENDAR_ROUTE}
        if not self.is_demo and self.demo_note:
            errors["demo_note"] = _("Only demo content has a note on what is invented.")
        if errors:
            raise ValidationError(errors)

    # --- Serving ---------------------------------------------------------------------

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.setdefault("state", self.state)
        context["related_cases"] = partial(self.live_related_cases, request)
        context["related_methods"] = partial(self.live_related_methods, request)
        # A new page in the editor's preview has no address yet, so no calendar file either.
        url = self.get_url(request)
        context["calendar_url"] = url + self.reverse_subpage("calendar") if url else ""
        context["outlook_url"] = outlook_url(self, self.get_full_url(request)) if url else ""
        return context

    # Editors see each state before it happens: «Før», «Under» and «Etter» in the preview.
    @property
    def preview_modes(self):
        return [
            ("", _("As it is now")),
            ("before", _("Before the event")),
            ("during", _("During the event")),
            ("after", _("After the event")),
        ]

    def preview_moment(self, mode_name):
        """The moment each preview mode shows the page at: None for now."""
        if not (self.start and self.end):
            return None
        return {
            "before": self.start - timedelta(days=1),
            "during": self.start,
            "after": self.end,
        }.get(mode_name)

    def get_preview_context(self, request, mode_name):
        moment = self.preview_moment(mode_name)
        context = self.get_context(request)
        if moment is not None:
            context["state"] = self.state_at(moment)
        context["preview_mode"] = mode_name
        return context

    def serve_preview(self, request, mode_name):
        # RoutablePageMixin would serve the index route and drop the mode; render it ourselves.
        request.is_preview = True
        return TemplateResponse(
            request,
            self.get_preview_template(request, mode_name),
            self.get_preview_context(request, mode_name),
        )

    @path("kalender/", name="calendar")
    def calendar(self, request):
        """«Legg i kalender»: this event as an .ics file (RFC 5545) that Outlook imports."""
        return ics.calendar_response(
            ics.build_calendar([self], request), filename=f"{self.slug}.ics"
        )


def _live_in_order(model, links, key, request):
    """The live pages `links` point to through `key` that `request` may see, in the editors'
    order (two queries)."""
    ids = list(links.order_by("sort_order").values_list(key, flat=True))
    if not ids:
        return []
    found = visible(model.objects.live(), request).in_bulk(ids)
    return [found[pk] for pk in ids if pk in found]


class EventPageRelatedCase(Orderable):
    """A project the event shows or talks about, chosen by the editors."""

    page = ParentalKey(EventPage, on_delete=models.CASCADE, related_name="related_cases")
    case = models.ForeignKey(
        "cases.CasePage", verbose_name=_("case"), on_delete=models.CASCADE, related_name="+"
    )

    panels = [PageChooserPanel("case", page_type="cases.CasePage")]

    class Meta(Orderable.Meta):
        verbose_name = _("related case")
        verbose_name_plural = _("related cases")


class EventPageRelatedMethod(Orderable):
    """A method the event teaches or uses, chosen by the editors."""

    page = ParentalKey(EventPage, on_delete=models.CASCADE, related_name="related_methods")
    method = models.ForeignKey(
        "methods.MethodPage", verbose_name=_("method"), on_delete=models.CASCADE, related_name="+"
    )

    panels = [PageChooserPanel("method", page_type="methods.MethodPage")]

    class Meta(Orderable.Meta):
        verbose_name = _("related method")
        verbose_name_plural = _("related methods")
