"""A room booking: one employee has a room at Fabrikken from `start` to `end`."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.formats import format_when
from fabrikken.constraints import NoOverlapConstraint

# Said to the employee who loses a race for a slot (UI guide §5.7), and to a
# moderator who moves a booking onto another.
SLOT_TAKEN_MESSAGE = _("Someone else booked this time just before you. Choose another time.")


class RoomBookingQuerySet(models.QuerySet):
    def active(self):
        return self.filter(status=RoomBooking.Status.BOOKED)

    def upcoming(self, now=None):
        return self.active().filter(end__gt=now or timezone.now())

    def overlapping(self, room, start, end):
        """Active bookings of `room` that share any moment with [start, end)."""
        return self.active().filter(room=room, start__lt=end, end__gt=start)


class RoomBooking(models.Model):
    """A room at Fabrikken, booked by one employee for a time on one day.

    No two active bookings of a room overlap: the database refuses it
    (fabrikken/constraints.py on PostgreSQL; fabrikken.schedule.book()
    serialises bookings on SQLite). A cancelled booking stays, for the record,
    and frees its time. The room's name is kept with the booking, so the
    record reads the same if the room is later renamed or removed.
    """

    class Status(models.TextChoices):
        BOOKED = "booked", _("Booked")
        CANCELLED = "cancelled", _("Booking cancelled")

    room = models.ForeignKey(
        "fabrikken.Room",
        verbose_name=_("room"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="bookings",
    )
    room_name = models.CharField(_("room name"), max_length=80, editable=False)
    booked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("booked by"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="room_bookings",
    )
    booked_by_name = models.CharField(_("booker's name"), max_length=300, editable=False)
    start = models.DateTimeField(_("start"))
    end = models.DateTimeField(_("end"))
    purpose = models.CharField(_("purpose"), max_length=200)
    people = models.PositiveSmallIntegerField(_("number of people"))
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.BOOKED
    )
    token = models.UUIDField(
        _("submission token"),
        null=True,
        editable=False,
        help_text=_("From the form the booker sent; the same form sent twice is one booking."),
    )
    created_at = models.DateTimeField(_("booked at"), auto_now_add=True)
    cancelled_at = models.DateTimeField(_("cancelled at"), null=True, blank=True, editable=False)

    objects = RoomBookingQuerySet.as_manager()

    class Meta:
        verbose_name = _("room booking")
        verbose_name_plural = _("room bookings")
        ordering = ["start"]
        constraints = [
            models.CheckConstraint(
                condition=Q(end__gt=F("start")),
                name="fabrikken_booking_ends_after_start",
                violation_error_message=_("The end time must come after the start time."),
            ),
            models.UniqueConstraint(
                fields=["booked_by", "token"], name="fabrikken_booking_once_per_form"
            ),
            NoOverlapConstraint(
                name="fabrikken_booking_no_overlap",
                start="start",
                end="end",
                partition=["room"],
                condition=Q(status="booked"),
                violation_error_message=_(
                    "The room is already booked for some of this time. Choose another time."
                ),
            ),
        ]
        indexes = [
            models.Index(fields=["room", "start"]),
            models.Index(fields=["booked_by", "start"]),
        ]

    def __str__(self):
        if self.start and self.end:
            return f"{self.room_name}, {format_when(self.start, self.end)}"
        return self.room_name

    def save(self, *args, **kwargs):
        if self.status == self.Status.CANCELLED and self.cancelled_at is None:
            self.cancelled_at = timezone.now()
        if self.room is not None and not self.room_name:
            self.room_name = self.room.name
        if self.booked_by is not None and not self.booked_by_name:
            self.booked_by_name = self.booked_by.get_full_name() or self.booked_by.get_username()
        super().save(*args, **kwargs)

    def clean(self):
        """The booking rules, for bookings the staff move in the admin.

        Only an active booking whose room, times or size change is checked
        again: a past booking, one made under earlier opening hours or in a
        room since closed for booking can still be cancelled or annotated.
        """
        from fabrikken.schedule import booking_problems

        super().clean()
        if self.status != self.Status.BOOKED:
            return
        if not self._state.adding and self.pk:
            before = (
                type(self)
                .objects.filter(pk=self.pk)
                .values("room_id", "start", "end", "people", "status")
                .first()
            )
            now = {"room_id": self.room_id, "start": self.start, "end": self.end}
            now.update(people=self.people, status=self.status)
            if before == now:
                return
        problems = booking_problems(
            self.room, self.start, self.end, self.people, check_past=self._state.adding
        )
        if "date" in problems:
            problems.setdefault("start", problems.pop("date"))
        if problems:
            raise ValidationError(problems)

    def when(self):
        """«torsdag 12. mars 2026 kl. 10.00–11.30», for the admin's listing."""
        return format_when(self.start, self.end)

    when.short_description = _("when")
    when.admin_order_field = "start"

    @property
    def is_active(self):
        return self.status == self.Status.BOOKED

    def is_past(self, now=None):
        return self.end <= (now or timezone.now())

    def can_be_cancelled(self, now=None):
        """The booker may cancel until the booking starts."""
        return self.is_active and self.start > (now or timezone.now())
