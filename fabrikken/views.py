"""The employees' pages under /fabrikken/, served as routes of FabrikkenPage.

Each view takes the page and the request. Personal pages (forms, receipts,
«Mine …») are never cached. An employee only ever sees their own requests
and bookings: anyone else's is a 404, also when the address is guessed.
"""

import datetime

from django.contrib import messages
from django.db import transaction
from django.db.models import Prefetch
from django.http import Http404, HttpResponseNotAllowed, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext

from core import images
from core.formats import at, format_date, format_time, format_when, local
from core.images import images_with_renditions
from core.links import full_url
from core.models.profile import work_place
from core.submissions import TOKEN_FIELD, earlier_submission, find_earlier, store_once

from . import courses, emails, free_times, schedule
from .calendar import booking_calendar_response
from .forms import BookingForm, GuidanceRequestForm, parse_time, request_summary

# The model modules, not the package: fabrikken.models.page imports this module, so
# going through fabrikken/models/__init__.py would make the order of its imports matter.
from .models.bookings import SLOT_TAKEN_MESSAGE, RoomBooking
from .models.guidance import GuidanceRequest

# Bookings under «Tidligere» in «Mine bookinger».
EARLIER_BOOKINGS_SHOWN = 10


def _render(page, request, template, context, status=200):
    """A personal page: only what the template needs (not the page's own context), never cached."""
    context = {"page": page, "self": page, "request": request, **context}
    response = TemplateResponse(request, template, context, status=status)
    add_never_cache_headers(response)
    return response


def _get_or_post_only(request):
    if request.method not in ("GET", "HEAD", "POST"):
        return HttpResponseNotAllowed(["GET", "POST"])
    return None


def _get_only(request):
    if request.method not in ("GET", "HEAD"):
        return HttpResponseNotAllowed(["GET"])
    return None


def _links(page):
    return {
        "guidance_url": page.route_url("guidance"),
        "my_requests_url": page.route_url("my_requests"),
        "booking_url": page.route_url("booking"),
        "my_bookings_url": page.route_url("my_bookings"),
    }


# --- The page ------------------------------------------------------------------


def page_context(page, request):
    """What the page shows besides its fields: hours by day, rooms, contacts, the user's bookings."""
    from .models.page import WEEKDAYS

    hours = page.hours_by_weekday()
    user = getattr(request, "user", None)
    upcoming = 0
    if user is not None and user.is_authenticated and page.pk:
        upcoming = RoomBooking.objects.upcoming().filter(booked_by=user).count()
    return {
        **_links(page),
        "opening_hours": [(label, hours.get(number)) for number, label in WEEKDAYS],
        # Each photo with the renditions the page shows: no query per room or person.
        "rooms": list(
            page.rooms.prefetch_related(
                Prefetch("photo", queryset=images_with_renditions(*images.CARD))
            )
        ),
        "contacts": contact_people(page),
        "my_upcoming_count": upcoming,
        # The course cards link to their next session: one query, only if there are any.
        "upcoming_courses": courses.upcoming_courses(request)
        if any(block.block_type == "course" for block in page.offer)
        else [],
    }


def contact_people(page):
    contacts = page.contacts.select_related("person").prefetch_related(
        Prefetch("person__photo", queryset=images_with_renditions(*images.PERSON_PHOTO))
    )
    return [contact.person for contact in contacts]


# --- «Be om veiledning» ----------------------------------------------------------


def guidance_form(page, request):
    if refused := _get_or_post_only(request):
        return refused
    if request.method != "POST":
        form = GuidanceRequestForm(initial=_guidance_initial(request))
        return _render_guidance_form(page, request, form)
    earlier = earlier_submission(request, lambda token: _find_request(request.user, token))
    if earlier is not None:
        # A double-click or a resent form: show the receipt of the first one.
        return HttpResponseRedirect(page.route_url("request_receipt", earlier.pk))
    form = GuidanceRequestForm(request.POST)
    if not form.is_valid():
        return _render_guidance_form(page, request, form)
    user = request.user
    new_request = form.save(commit=False)
    new_request.requester = user
    new_request.requester_name = user.get_full_name() or user.get_username()
    new_request.requester_email = user.email or ""
    new_request.token = form.cleaned_data[TOKEN_FIELD]

    def save():
        new_request.save()
        return new_request

    # The e-mails are queued in the request's transaction: both are kept, or neither (core/mail/).
    with transaction.atomic():
        guidance_request, stored = store_once(
            save, lambda token: _find_request(user, token), new_request.token
        )
        if stored:
            emails.send_guidance_emails(page, guidance_request)
    return HttpResponseRedirect(page.route_url("request_receipt", guidance_request.pk))


def _guidance_initial(request):
    """The service area and unit from the profile; «?hjelp=workshop» from an offer's card preselects the kind."""
    initial = work_place(request.user)
    kind = request.GET.get("hjelp", "")
    if kind in GuidanceRequest.Kind.values:
        initial["kind"] = kind
    return initial


def _find_request(user, token):
    return find_earlier(GuidanceRequest.objects.filter(requester=user), token)


def _render_guidance_form(page, request, form):
    return _render(
        page,
        request,
        "fabrikken/guidance_form.html",
        {
            **_links(page),
            "form": form,
            "contacts": contact_people(page),
            "current_title": gettext("Ask for guidance"),
        },
    )


def my_requests(page, request):
    if refused := _get_only(request):
        return refused
    requests = list(GuidanceRequest.objects.filter(requester=request.user))
    for item in requests:
        item.url = page.route_url("request_detail", item.pk)
    return _render(
        page,
        request,
        "fabrikken/my_requests.html",
        {**_links(page), "guidance_requests": requests, "current_title": gettext("My requests")},
    )


def request_detail(page, request, request_id, is_receipt):
    if refused := _get_only(request):
        return refused
    guidance_request = get_object_or_404(
        GuidanceRequest, pk=request_id, requester_id=request.user.pk
    )
    return _render(
        page,
        request,
        "fabrikken/request_detail.html",
        {
            **_links(page),
            "guidance_request": guidance_request,
            "answers": request_summary(guidance_request),
            "is_receipt": is_receipt,
            "current_title": gettext("The request has been sent")
            if is_receipt
            else guidance_request.get_kind_display(),
        },
    )


# --- Room booking ----------------------------------------------------------------


def _room_from(rooms, slug):
    """The room named in the address, or the first bookable room (unknown names are ignored)."""
    return next((room for room in rooms if room.slug == slug), rooms[0] if rooms else None)


def week_grid(page, request):
    """The week of one room: a table on wide screens; on phones the days, then a day's free times.

    «?dag=2026-03-17» chooses the day (and so the week), «?uke=2026-W12» the
    week, «?varighet=90» the length «Neste ledige tid» looks for. All of it
    works without JavaScript.
    """
    if refused := _get_only(request):
        return refused
    now = timezone.now()
    rooms = page.bookable_rooms()
    room = _room_from(rooms, request.GET.get("rom"))
    hours = page.hours_by_weekday()
    minutes = free_times.parse_duration(request.GET.get("varighet"))
    # Only the weeks from this one to the horizon's are offered; others show the nearest.
    today = local(now).date()
    last_day = page.last_bookable_day(today)
    wanted_day = free_times.parse_day(request.GET.get("dag"))
    monday = (
        schedule.monday_of(wanted_day)
        if wanted_day
        else schedule.parse_week(request.GET.get("uke")) or schedule.default_monday(hours, now)
    )
    monday = schedule.offered_monday(monday, today, last_day)
    grid = (
        schedule.week_grid(room, monday, hours, request.user, now, last_day=last_day)
        if room
        else None
    )
    context = {
        **_links(page),
        "rooms": rooms,
        "room": room,
        "grid": grid,
        "current_title": gettext("Book a room"),
    }
    if grid is not None:
        context.update(_week_context(page, grid, today, last_day, minutes))
        context.update(_day_context(page, grid, wanted_day, today, minutes))
        context.update(_next_free_context(page, room, minutes, hours, now, last_day))
        _link_segments(page, grid)
    return _render(page, request, "fabrikken/week_grid.html", context)


def _week_context(page, grid, today, last_day, minutes):
    room = grid.room
    varighet = _duration_param(minutes)
    has_previous = grid.monday > schedule.monday_of(today)
    has_next = grid.monday < schedule.monday_of(last_day)
    return {
        "previous_url": page.route_url(
            "booking", rom=room.slug, uke=grid.previous_param, varighet=varighet
        )
        if has_previous
        else "",
        "this_week_url": page.route_url(
            "booking",
            rom=room.slug,
            uke=schedule.week_param(schedule.monday_of(today)),
            varighet=varighet,
        ),
        "next_url": page.route_url("booking", rom=room.slug, uke=grid.next_param, varighet=varighet)
        if has_next
        else "",
        "horizon_text": gettext("You can book until %(date)s.")
        % {"date": format_date(last_day, weekday=True)},
    }


def _day_context(page, grid, wanted_day, today, minutes):
    """The phone's view: the week's days with their free counts, and the chosen day's free times."""
    days = free_times.days_of(grid)
    chosen = free_times.chosen_day(days, wanted_day, today)
    for item in days:
        item.url = page.route_url(
            "booking",
            rom=grid.room.slug,
            dag=item.day.isoformat(),
            varighet=_duration_param(minutes),
        )
        item.is_chosen = item is chosen
    return {"days": days, "chosen_day": chosen}


def _duration_param(minutes):
    """The length in the address only when it is not the default: shorter links."""
    return "" if minutes == free_times.DEFAULT_DURATION else minutes


def _next_free_context(page, room, minutes, hours, now, last_day):
    slot = free_times.next_free_slot(room, minutes, hours, now=now, last_day=last_day)
    return {
        "durations": [(value, free_times.duration_label(value)) for value in free_times.DURATIONS],
        "duration": minutes,
        "duration_label": free_times.duration_label(minutes),
        "next_free": slot,
        "next_free_url": _confirm_url(page, room, slot.start, slot.end) if slot else "",
    }


def _confirm_url(page, room, start, end):
    start, end = local(start), local(end)
    return page.route_url(
        "confirm_booking",
        rom=room.slug,
        start=start.strftime("%Y-%m-%dT%H:%M"),
        slutt=end.strftime("%H.%M"),
    )


def _link_segments(page, grid):
    """Free time links to «Bekreft booking»; the user's own bookings to the booking."""
    for row in grid.rows:
        for cell in row.cells:
            for segment in cell.segments:
                if segment.state == schedule.FREE:
                    segment.url = _confirm_url(page, grid.room, segment.start, segment.end)
                elif segment.state == schedule.MINE:
                    segment.url = page.route_url("booking_detail", segment.booking.pk)


def _parse_start(value):
    """«2026-03-16T08:00» from a grid link, as (date, time), or (None, None)."""
    try:
        moment = datetime.datetime.fromisoformat(str(value or ""))
    except ValueError:
        return None, None
    return moment.date(), moment.time().replace(second=0, microsecond=0)


def _booking_initial(request, rooms):
    room = _room_from(rooms, request.GET.get("rom"))
    initial = {"room": room.slug if room else None, "people": None}
    day, start = _parse_start(request.GET.get("start"))
    if day is not None:
        initial.update({"date": day, "start": start})
        end = parse_time(request.GET.get("slutt"))
        if end is None:
            # An hour later, counted on any ordinary day: 9999-12-31 23.30 + 1 h overflows.
            later = datetime.datetime.combine(datetime.date(2000, 1, 1), start)
            end = (later + datetime.timedelta(hours=1)).time()
        initial["end"] = end
    return initial


def confirm_booking(page, request):
    if refused := _get_or_post_only(request):
        return refused
    rooms = page.bookable_rooms()
    hours = page.hours_by_weekday()
    form_kwargs = {"page": page, "rooms": rooms, "hours": hours, "user": request.user}
    form_kwargs["last_day"] = page.last_bookable_day(local(timezone.now()).date())
    if request.method != "POST":
        form = BookingForm(initial=_booking_initial(request, rooms), **form_kwargs)
        form.check_offered_time()
        return _render_confirm(page, request, form)
    earlier = earlier_submission(request, lambda token: _find_booking(request.user, token))
    if earlier is not None:
        return HttpResponseRedirect(page.route_url("booking_receipt", earlier.pk))
    form = BookingForm(request.POST, **form_kwargs)
    if not form.is_valid():
        return _render_confirm(page, request, form)
    data = form.cleaned_data
    token = data[TOKEN_FIELD]
    try:
        # The same form sent twice at once: the first one's booking stands.
        booking, _stored = store_once(
            lambda: schedule.book(
                room=data["room_object"],
                user=request.user,
                start=data["start_at"],
                end=data["end_at"],
                purpose=data["purpose"],
                people=data["people"],
                token=token,
            ),
            lambda token: _find_booking(request.user, token),
            token,
        )
    except schedule.SlotTaken:
        # Lost the slot to the twin of this very form, or to someone else.
        earlier = _find_booking(request.user, token)
        if earlier is not None:
            return HttpResponseRedirect(page.route_url("booking_receipt", earlier.pk))
        form.add_error(None, SLOT_TAKEN_MESSAGE)
        return _render_confirm(page, request, form, status=409)
    return HttpResponseRedirect(page.route_url("booking_receipt", booking.pk))


def _find_booking(user, token):
    return find_earlier(RoomBooking.objects.filter(booked_by=user), token)


def _render_confirm(page, request, form, status=200):
    room = form.rooms.get(form["room"].value())
    start, end = _chosen_times(form)
    has_time = room is not None and bool(start and end) and start < end
    day = local(start).date() if has_time else None
    if day is None and not form.is_bound:
        day = form.initial.get("date")
    grid_url = page.route_url(
        "booking",
        rom=room.slug if room else "",
        dag=day.isoformat() if day else "",
    )
    chosen = ""
    if has_time:
        chosen = gettext("%(room)s, %(when)s") % {
            "room": room.name,
            "when": format_when(start, end),
        }
    return _render(
        page,
        request,
        "fabrikken/confirm_booking.html",
        {
            **_links(page),
            "form": form,
            "room": room,
            "grid_url": grid_url,
            # «Endre tidspunkt» leads back to the chosen day's free times.
            "change_url": f"{grid_url}#ledige-tider" if day else grid_url,
            "has_rooms": bool(form.rooms),
            "chosen": chosen,
            "fixed_time": _fixed_time(form, room, start, end) if has_time else [],
            "elsewhere": free_times.own_bookings_elsewhere(request.user, room, start, end)
            if has_time
            else [],
            # Each showing of the form starts a new «since you opened it».
            "opened": int(timezone.now().timestamp()),
            "current_title": gettext("Confirm booking"),
        },
        status=status,
    )


TIME_FIELDS = ("room", "date", "start", "end")


def _fixed_time(form, room, start, end):
    """The room and time as hidden fields, when they need no change: the form shows them read-only.

    A time chosen in the week or day view is shown as a summary with «Endre
    tidspunkt»; the fields come back (with their errors) when any of them is
    wrong or the room is taken.
    """
    if form.non_field_errors() or any(form.errors.get(name) for name in TIME_FIELDS):
        return []
    day = local(start).date()
    return [
        ("room", room.slug),
        ("date_0", str(day.day)),
        ("date_1", str(day.month)),
        ("date_2", str(day.year)),
        ("start", format_time(local(start))),
        ("end", format_time(local(end))),
    ]


def _chosen_times(form):
    """The start and end the form holds: as sent, or as offered from the week grid."""
    if form.is_bound:
        data = getattr(form, "cleaned_data", {})
        return data.get("start_at"), data.get("end_at")
    day, start, end = (form.initial.get(key) for key in ("date", "start", "end"))
    if day and start and end:
        return at(day, start), at(day, end)
    return None, None


def my_bookings(page, request):
    if refused := _get_only(request):
        return refused
    now = timezone.now()
    mine = RoomBooking.objects.active().filter(booked_by=request.user)
    upcoming = list(mine.filter(end__gt=now).order_by("start"))
    earlier = list(mine.filter(end__lte=now).order_by("-start")[:EARLIER_BOOKINGS_SHOWN])
    for booking in upcoming + earlier:
        booking.url = page.route_url("booking_detail", booking.pk)
        booking.cancel_url = page.route_url("cancel_booking", booking.pk)
        booking.ics_url = page.route_url("booking_ics", booking.pk)
        booking.cancellable = booking.can_be_cancelled(now)
    return _render(
        page,
        request,
        "fabrikken/my_bookings.html",
        {
            **_links(page),
            "upcoming": upcoming,
            "earlier": earlier,
            "current_title": gettext("My bookings"),
        },
    )


def _own_booking(request, booking_id):
    return get_object_or_404(RoomBooking, pk=booking_id, booked_by_id=request.user.pk)


def booking_detail(page, request, booking_id, is_receipt):
    if refused := _get_only(request):
        return refused
    booking = _own_booking(request, booking_id)
    now = timezone.now()
    return _render(
        page,
        request,
        "fabrikken/booking_detail.html",
        {
            **_links(page),
            "booking": booking,
            "is_receipt": is_receipt and booking.is_active,
            "cancellable": booking.can_be_cancelled(now),
            "is_past": booking.is_past(now),
            "ics_url": page.route_url("booking_ics", booking.pk),
            "cancel_url": page.route_url("cancel_booking", booking.pk),
            "week_url": page.route_url(
                "booking",
                rom=booking.room.slug if booking.room else "",
                uke=schedule.week_param(schedule.monday_of(local(booking.start).date())),
            ),
            "current_title": gettext("The room is booked") if is_receipt else booking.room_name,
        },
    )


def booking_ics(page, request, booking_id):
    if refused := _get_only(request):
        return refused
    booking = _own_booking(request, booking_id)
    if not booking.is_active:
        raise Http404
    url = full_url(page, page.route_url("booking_detail", booking.pk))
    response = booking_calendar_response(page, booking, url)
    add_never_cache_headers(response)  # one employee's booking, like the pages around it
    return response


def cancel_booking(page, request, booking_id):
    if refused := _get_or_post_only(request):
        return refused
    booking = _own_booking(request, booking_id)
    detail_url = page.route_url("booking_detail", booking.pk)
    if not booking.can_be_cancelled():
        messages.error(
            request,
            gettext(
                "The booking can no longer be cancelled: it has started, passed or is cancelled."
            ),
        )
        return HttpResponseRedirect(detail_url)
    if request.method == "POST":
        schedule.cancel(booking, request.user)
        messages.success(
            request,
            gettext("The booking of %(room)s %(when)s is cancelled.")
            % {"room": booking.room_name, "when": booking_when(booking)},
        )
        return HttpResponseRedirect(page.route_url("my_bookings"))
    return _render(
        page,
        request,
        "fabrikken/cancel_booking.html",
        {
            **_links(page),
            "booking": booking,
            "detail_url": detail_url,
            "current_title": gettext("Cancel booking"),
        },
    )


def booking_when(booking):
    return format_when(booking.start, booking.end)
