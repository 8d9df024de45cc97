"""Fabrikken's page at /fabrikken/: what it offers, where it is, its opening hours and rooms.

The page also serves the employees' own pages as routes (see fabrikken/views.py):

    /fabrikken/veiledning/              «Be om veiledning» (the form)
    /fabrikken/veiledning/mine/         «Mine henvendelser»
    /fabrikken/booking/?rom=…&uke=…     the week grid of one room
    /fabrikken/booking/bekreft/         «Bekreft booking»
    /fabrikken/booking/mine/            «Mine bookinger»
"""

from http import HTTPMethod
from urllib.parse import urlencode

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.dates import WEEKDAYS as DJANGO_WEEKDAYS
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import (
    FieldPanel,
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

from core.blocks import RICH_TEXT_FEATURES
from core.formats import format_time_range, transliterate
from core.models import BasePage
from core.models.ownership import OwnedPageForm
from fabrikken import views
from fabrikken.blocks import OfferBlock

# Django's own weekday names (lower case in Norwegian, as in running text).
WEEKDAYS = sorted(DJANGO_WEEKDAYS.items())


def is_quarter_hour(time):
    return time.minute % 15 == 0 and time.second == 0 and time.microsecond == 0


class FabrikkenPageForm(OwnedPageForm):
    """The page's edit form: one opening-hours row per weekday, no room lost with its bookings."""

    def clean(self):
        cleaned_data = super().clean()
        self._check_opening_hours()
        self._check_rooms()
        return cleaned_data

    @staticmethod
    def _kept(formset):
        """The inline forms that will be saved: valid, filled in and not marked for deletion."""
        return [
            form
            for form in formset.forms
            if form.is_valid() and form.cleaned_data and not form.cleaned_data.get("DELETE")
        ]

    def _check_opening_hours(self):
        formset = self.formsets.get("opening_hours")
        if formset is None:
            return
        seen = set()
        for form in self._kept(formset):
            weekday = form.cleaned_data.get("weekday")
            if weekday in seen:
                form.add_error(
                    "weekday",
                    _("This day already has opening hours. Change or remove one of them."),
                )
            seen.add(weekday)

    def _check_rooms(self):
        from .bookings import RoomBooking

        formset = self.formsets.get("rooms")
        if formset is None:
            return
        slugs = set()
        for form in self._kept(formset):
            slug = form.cleaned_data.get("slug") or room_slug(form.cleaned_data.get("name", ""))
            if slug in slugs:
                form.add_error("slug", _("Another room has this short name. Choose another."))
            slugs.add(slug)
        for form in formset.forms:
            room = form.instance
            if not (form.is_valid() and form.cleaned_data.get("DELETE") and room.pk):
                continue
            if RoomBooking.objects.upcoming().filter(room=room).exists():
                # On the page form: a formset ignores the errors of forms marked for deletion.
                self.add_error(
                    None,
                    _(
                        "«%(room)s» has upcoming bookings and can't be removed. Untick "
                        "«Can be booked» instead; moderators can cancel the bookings."
                    )
                    % {"room": room.name},
                )


class FabrikkenPage(RoutablePageMixin, BasePage):
    """Fabrikken innovasjonsverksted: the workshop and guidance service at Sandvigå 7.

    Opening hours are structured (one row per weekday) because room bookings
    must fall inside them. The rooms are listed here; those that can be booked
    get a week grid at /fabrikken/booking/.
    """

    intro = models.TextField(
        _("introduction"),
        max_length=400,
        help_text=_("The lead paragraph: what Fabrikken is and what employees get there."),
    )
    offer = StreamField(
        OfferBlock(),
        verbose_name=_("what Fabrikken offers"),
        blank=True,
        help_text=_("Guidance, facilitated workshops, method courses and materials to borrow."),
    )
    venue = models.CharField(
        _("venue"),
        max_length=120,
        blank=True,
        help_text=_("The building, such as «Kurs- og kompetansesenteret»."),
    )
    address = models.CharField(_("address"), max_length=120, default="Sandvigå 7")
    directions = RichTextField(
        _("how to get there"),
        features=RICH_TEXT_FEATURES,
        blank=True,
        help_text=_(
            "Bus, parking, bicycle, the entrance; and whether the premises are accessible."
        ),
    )
    practical_is_demo = models.BooleanField(
        _("opening hours and directions are demo content"),
        default=False,
        help_text=_("Marks the practical information «Demo-innhold» until it is confirmed."),
    )
    booking_intro = models.TextField(
        _("about booking"),
        max_length=600,
        blank=True,
        help_text=_("Shown above the week grid: who may book, and what to do when plans change."),
    )
    guidance_intro = models.TextField(
        _("about guidance requests"),
        max_length=600,
        blank=True,
        help_text=_("Shown above the form «Be om veiledning»: what happens after one asks."),
    )
    booking_horizon_months = models.PositiveSmallIntegerField(
        _("booking horizon (months)"),
        default=6,
        validators=[MinValueValidator(1), MaxValueValidator(24)],
        help_text=_(
            "How far ahead employees can book a room, in months from today (1–24). "
            "The week grid offers no week beyond it."
        ),
    )
    notify_address = models.EmailField(
        _("notify address"),
        blank=True,
        help_text=_("Gets an e-mail about each new guidance request, such as a shared inbox."),
    )
    methods_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("methods toolkit"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The toolkit the guidance builds on, usually «Metoder og verktøy»."),
    )

    base_form_class = FabrikkenPageForm
    content_panels = Page.content_panels + [
        "intro",
        "offer",
        MultiFieldPanel(
            [
                FieldRowPanel(["venue", "address"]),
                "directions",
                InlinePanel(
                    "opening_hours",
                    label=_("Opening hours"),
                    help_text=_("One row per day Fabrikken is open. Rooms can be booked then."),
                ),
                "practical_is_demo",
            ],
            heading=_("Address and opening hours"),
        ),
        InlinePanel("contacts", heading=_("Contact persons"), label=_("Contact person")),
        PageChooserPanel("methods_page", ["methods.MethodIndexPage"]),
    ]
    rooms_panels = [
        "booking_intro",
        "booking_horizon_months",
        InlinePanel("rooms", heading=_("Rooms"), label=_("Room")),
    ]
    guidance_panels = ["guidance_intro", "notify_address"]
    edit_handler = TabbedInterface(
        [
            ObjectList(content_panels, heading=_("Content")),
            ObjectList(rooms_panels, heading=_("Rooms")),
            ObjectList(guidance_panels, heading=_("Guidance requests")),
            ObjectList(BasePage.promote_panels, heading=_("Promote")),
            ObjectList(BasePage.settings_panels, heading=_("Settings")),
        ]
    )

    # SEARCH CONTRACT (see search/): an ordinary page in the results.
    search_prefetch = ()
    search_fields = BasePage.search_fields + [
        index.SearchField("intro"),
        index.SearchField("offer"),
        index.SearchField("address"),
        index.SearchField("directions"),
        index.RelatedFields("rooms", [index.SearchField("name"), index.SearchField("equipment")]),
    ]

    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count = 1
    allowed_http_methods = [HTTPMethod.GET, HTTPMethod.HEAD, HTTPMethod.OPTIONS, HTTPMethod.POST]

    class Meta:
        verbose_name = _("Fabrikken page")
        verbose_name_plural = _("Fabrikken pages")

    @property
    def summary(self):
        return self.intro

    # --- Opening hours and rooms ------------------------------------------------

    def hours_by_weekday(self):
        """{weekday: OpeningHours}: the first row for each day the workshop is open."""
        hours = {}
        for row in self.opening_hours.all():
            hours.setdefault(row.weekday, row)
        return hours

    def bookable_rooms(self):
        return [room for room in self.rooms.all() if room.bookable]

    def last_bookable_day(self, today):
        """The last day employees can book: the horizon counted from `today`."""
        from fabrikken.schedule import last_bookable_day

        return last_bookable_day(today, self.booking_horizon_months)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(views.page_context(self, request))
        return context

    # --- Where the routes are -------------------------------------------------

    def route_url(self, name, *args, **query):
        """The address of one of the page's routes, with query parameters that have a value."""
        url = (self.url or "") + self.reverse_subpage(name, args=args)
        query = {key: value for key, value in query.items() if value}
        return f"{url}?{urlencode(query)}" if query else url

    # --- Routes (fabrikken/views.py does the work) ----------------------------

    @path("veiledning/", name="guidance")
    def guidance_route(self, request):
        return views.guidance_form(self, request)

    @path("veiledning/mine/", name="my_requests")
    def my_requests_route(self, request):
        return views.my_requests(self, request)

    @path("veiledning/mine/<int:request_id>/", name="request_detail")
    def request_detail_route(self, request, request_id):
        return views.request_detail(self, request, request_id, is_receipt=False)

    @path("veiledning/mine/<int:request_id>/sendt/", name="request_receipt")
    def request_receipt_route(self, request, request_id):
        return views.request_detail(self, request, request_id, is_receipt=True)

    @path("booking/", name="booking")
    def booking_route(self, request):
        return views.week_grid(self, request)

    @path("booking/bekreft/", name="confirm_booking")
    def confirm_booking_route(self, request):
        return views.confirm_booking(self, request)

    @path("booking/mine/", name="my_bookings")
    def my_bookings_route(self, request):
        return views.my_bookings(self, request)

    @path("booking/mine/<int:booking_id>/", name="booking_detail")
    def booking_detail_route(self, request, booking_id):
        return views.booking_detail(self, request, booking_id, is_receipt=False)

    @path("booking/mine/<int:booking_id>/bekreftet/", name="booking_receipt")
    def booking_receipt_route(self, request, booking_id):
        return views.booking_detail(self, request, booking_id, is_receipt=True)

    @path("booking/mine/<int:booking_id>/kalender/", name="booking_ics")
    def booking_ics_route(self, request, booking_id):
        return views.booking_ics(self, request, booking_id)

    @path("booking/mine/<int:booking_id>/avbestill/", name="cancel_booking")
    def cancel_booking_route(self, request, booking_id):
        return views.cancel_booking(self, request, booking_id)


class OpeningHours(Orderable):
    """When Fabrikken is open on one weekday; rooms can be booked inside these hours."""

    page = ParentalKey(FabrikkenPage, on_delete=models.CASCADE, related_name="opening_hours")
    weekday = models.PositiveSmallIntegerField(_("day"), choices=WEEKDAYS)
    opens = models.TimeField(_("opens"), help_text=_("For example 08:00."))
    closes = models.TimeField(_("closes"), help_text=_("For example 16:00."))

    panels = [FieldRowPanel(["weekday", "opens", "closes"])]

    class Meta(Orderable.Meta):
        verbose_name = _("opening hours")
        verbose_name_plural = _("opening hours")

    def __str__(self):
        return f"{self.get_weekday_display()} {format_time_range(self.opens, self.closes)}"

    def clean(self):
        super().clean()
        errors = {}
        for name in ("opens", "closes"):
            value = getattr(self, name)
            if value is not None and not is_quarter_hour(value):
                errors[name] = _("Use whole quarter hours, such as 08:00 or 15:45.")
        if self.opens and self.closes and self.closes <= self.opens:
            errors["closes"] = _("Closing must come after opening.")
        if errors:
            raise ValidationError(errors)

    def contains(self, start, end):
        """Whether the local times start–end lie inside these hours."""
        return self.opens <= start and end <= self.closes


def room_slug(name):
    return slugify(transliterate(name))[:60]


class Room(Orderable):
    """A room at Fabrikken, such as «Verkstedet»; bookable ones get a week grid."""

    page = ParentalKey(FabrikkenPage, on_delete=models.CASCADE, related_name="rooms")
    name = models.CharField(_("name"), max_length=80)
    slug = models.SlugField(
        _("short name"),
        max_length=60,
        blank=True,
        help_text=_(
            "The room in addresses, such as «verkstedet» in /fabrikken/booking/?rom=verkstedet. "
            "Made from the name if left empty."
        ),
    )
    description = models.TextField(
        _("description"),
        max_length=400,
        blank=True,
        help_text=_("What the room is good for, in a sentence or two."),
    )
    capacity = models.PositiveSmallIntegerField(
        _("capacity"), help_text=_("The most people the room takes.")
    )
    equipment = models.TextField(
        _("equipment"),
        blank=True,
        help_text=_("One item per line, such as «Whiteboardvegger» or «Stor skjerm»."),
    )
    photo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("photo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    photo_alt = models.CharField(
        _("alternative text"),
        max_length=250,
        blank=True,
        help_text=_("Required with a photo: describe what it shows in one sentence."),
    )
    bookable = models.BooleanField(
        _("can be booked"),
        default=True,
        help_text=_("Untick to stop new bookings, for example while the room is rebuilt."),
    )
    is_demo = models.BooleanField(
        _("demo content"),
        default=False,
        help_text=_("Marks the room «Demo-innhold». Only for invented example content."),
    )

    panels = [
        FieldRowPanel(["name", "slug"]),
        "description",
        FieldRowPanel(["capacity", "bookable", "is_demo"]),
        "equipment",
        FieldRowPanel([FieldPanel("photo"), "photo_alt"]),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("room")
        verbose_name_plural = _("rooms")

    def __str__(self):
        return self.name

    def clean(self):
        super().clean()
        if not self.slug and self.name:
            self.slug = room_slug(self.name)
        if self.photo_id and not self.photo_alt.strip():
            raise ValidationError(
                {"photo_alt": _("Write an alternative text: describe what the photo shows.")}
            )
        if self.capacity is not None and self.capacity < 1:
            raise ValidationError({"capacity": _("A room takes at least one person.")})

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = room_slug(self.name)
        super().save(*args, **kwargs)

    @property
    def equipment_list(self):
        return [line.strip(" -–•\t") for line in self.equipment.splitlines() if line.strip()]


class FabrikkenContact(Orderable):
    """A person employees can ask about Fabrikken."""

    page = ParentalKey(FabrikkenPage, on_delete=models.CASCADE, related_name="contacts")
    person = models.ForeignKey(
        "core.Person", verbose_name=_("person"), on_delete=models.CASCADE, related_name="+"
    )

    panels = [FieldPanel("person")]

    class Meta(Orderable.Meta):
        verbose_name = _("contact person")
        verbose_name_plural = _("contact persons")
