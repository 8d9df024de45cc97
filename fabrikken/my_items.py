"""Fabrikken's part of «Mine saker» (core/my_items.py): guidance requests and room bookings.

Registered in wagtail_hooks.py. «Mine henvendelser» and «Mine bookinger» stay, as the
full lists; «Mine saker» shows what is open and links to them.
"""

from django.utils import timezone
from django.utils.translation import gettext, ngettext

from caching.privacy import visible
from core import my_items
from core.formats import format_datetime, format_when

from .models.bookings import RoomBooking
from .models.guidance import GuidanceRequest

# Past bookings shown under «Tidligere» (folded); the rest are in «Mine bookinger».
EARLIER_SHOWN = 5

my_items.watch(GuidanceRequest, "requester_id")
my_items.watch(RoomBooking, "booked_by_id")
# The front page's «Din neste booking», kept per user and forgotten with the count.
NEXT_BOOKING = "fabrikken-next-booking"
my_items.keep(NEXT_BOOKING)


def next_booking(user):
    """The user's next booking that has not ended, or None; a warm front page asks no query."""
    return my_items.kept(
        user,
        NEXT_BOOKING,
        lambda: (
            RoomBooking.objects.upcoming(timezone.now())
            .filter(booked_by=user)
            .order_by("start")
            .first()
        ),
        fresh=lambda booking: booking is None or booking.end > timezone.now(),
    )


def _page(request):
    """Fabrikken's page, if this user may see it: its routes are where the items link."""
    from .models.page import FabrikkenPage

    return visible(FabrikkenPage.objects.live(), request).first()


class GuidanceProvider(my_items.MyItemsProvider):
    kind = "guidance"

    def open_querysets(self, user):
        return [
            GuidanceRequest.objects.filter(requester=user).exclude(
                status=GuidanceRequest.Status.CLOSED
            )
        ]

    def group(self, request):
        page, user = _page(request), request.user
        if page is None:
            return None
        items = [
            self.item(page, guidance)
            for guidance in GuidanceRequest.objects.filter(requester=user).order_by("-created_at")
        ]
        return my_items.MyItemsGroup(
            kind=self.kind,
            heading=gettext("Guidance requests"),
            items=items,
            empty_text=gettext("You have not asked Fabrikken for guidance yet."),
            list_url=page.route_url("my_requests"),
            list_label=gettext("My requests"),
            action_url=page.route_url("guidance"),
            action_label=gettext("Ask for guidance"),
        )

    @staticmethod
    def item(page, request):
        status = GuidanceRequest.Status
        next_step = {
            status.NEW: gettext("Waiting for an answer from Fabrikken"),
            status.IN_PROGRESS: gettext("Fabrikken is working on it and will contact you"),
        }.get(request.status, "")
        return my_items.MyItem(
            title=request.get_kind_display(),
            url=page.route_url("request_detail", request.pk),
            when=request.created_at,
            meta=gettext("Sent %(when)s") % {"when": format_datetime(request.created_at)},
            status=request.get_status_display(),
            status_badge=request.status_badge,
            next_step=next_step,
            is_open=request.status != status.CLOSED,
        )


class BookingsProvider(my_items.MyItemsProvider):
    kind = "bookings"

    def open_querysets(self, user):
        return [RoomBooking.objects.upcoming().filter(booked_by=user)]

    def group(self, request):
        page, user = _page(request), request.user
        if page is None:
            return None
        now = timezone.now()
        mine = RoomBooking.objects.active().filter(booked_by=user)
        upcoming = mine.filter(end__gt=now).order_by("start")
        earlier = mine.filter(end__lte=now).order_by("-start")[:EARLIER_SHOWN]
        return my_items.MyItemsGroup(
            kind=self.kind,
            heading=gettext("Room bookings"),
            items=[self.item(page, booking, now) for booking in upcoming],
            earlier=[self.item(page, booking, now) for booking in earlier],
            earlier_label=gettext("Earlier bookings"),
            empty_text=gettext("You have no upcoming bookings."),
            list_url=page.route_url("my_bookings"),
            list_label=gettext("My bookings"),
            action_url=page.route_url("booking"),
            action_label=gettext("Book a room"),
        )

    @staticmethod
    def item(page, booking, now):
        if booking.is_past(now):
            status, badge, next_step, next_url = gettext("Passed"), "neutral", "", ""
        elif booking.start <= now:
            status, badge, next_step, next_url = gettext("Under way"), "active", "", ""
        else:
            status, badge = gettext("Booked"), "positive"
            next_step = gettext("Cancel the booking")
            next_url = page.route_url("cancel_booking", booking.pk)
        people = ngettext("%(count)d person", "%(count)d people", booking.people) % {
            "count": booking.people
        }
        return my_items.MyItem(
            title=booking.room_name,
            url=page.route_url("booking_detail", booking.pk),
            when=booking.start,
            meta=f"{format_when(booking.start, booking.end)} · {booking.purpose} · {people}",
            status=status,
            status_badge=badge,
            next_step=next_step,
            next_step_url=next_url,
            is_open=not booking.is_past(now),
        )
