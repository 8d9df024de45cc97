"""Fabrikken's part of «Min kalender» (core/personal_calendar.py): the owner's own bookings.

Registered in wagtail_hooks.py. Only the feed owner's active bookings that have not
ended, never anyone else's; the bookings link to Fabrikken's page, so none is listed
when the owner may not see that page (caching.privacy.visible).
"""

from datetime import UTC

from caching.privacy import visible
from core.personal_calendar import CalendarItem, CalendarSource

from .calendar import booking_event
from .models.bookings import RoomBooking


class MyBookingsSource(CalendarSource):
    def items(self, user, request, now):
        from .models.page import FabrikkenPage

        page = visible(FabrikkenPage.objects.live(), request).first()
        if page is None:
            return []
        stamp = now.astimezone(UTC).replace(microsecond=0)
        # The page's full address once: full_url() per booking would look up its Site each time.
        page_url = page.get_full_url(request)
        bookings = RoomBooking.objects.upcoming(now).filter(booked_by=user).order_by("start")
        return [
            CalendarItem(
                booking.start,
                booking.end,
                booking_event(
                    page,
                    booking,
                    page_url + page.reverse_subpage("booking_detail", args=(booking.pk,)),
                    stamp,
                ),
            )
            for booking in bookings
        ]
