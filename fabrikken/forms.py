"""The two forms employees fill in: «Be om veiledning» and «Bekreft booking».

Messages say what to do (UI guide §5.5); dates are «Dag», «Måned», «År» and
times are written «09.30» (§5.6). Both carry a one-time token, so a
double-click or a resent form is stored once.
"""

import datetime
import re

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from core.formats import at, format_time, format_time_range, local
from core.forms import DateInputsField, example_date_text
from core.submissions import OneTimeTokenMixin

# The model modules, not the package: fabrikken.models.page imports this module, so
# going through fabrikken/models/__init__.py would make the order of its imports matter.
from .models.bookings import SLOT_TAKEN_MESSAGE, RoomBooking
from .models.guidance import GuidanceRequest
from .schedule import booking_problems, booking_window_message


class GuidanceRequestForm(OneTimeTokenMixin, forms.ModelForm):
    """«Be om veiledning»: what the challenge is, where, what help, how urgent, when."""

    class Meta:
        model = GuidanceRequest
        fields = ["challenge", "service_area", "unit", "kind", "urgency", "preferred_times"]
        # «Tjenesteområde» and «Enhet» as in every form of the section, prefilled from the profile.
        labels = {
            "challenge": _("What is the challenge or the idea?"),
            "service_area": _("Service area"),
            "unit": _("Unit"),
            "kind": _("What kind of help do you want?"),
            "urgency": _("How urgent is it?"),
            "preferred_times": _("When does it suit you?"),
        }
        help_texts = {
            "challenge": _(
                "What do you want to change or try, and for whom? A few sentences are enough."
            ),
            "service_area": _("For example «Helse og velferd»."),
            "unit": _("Where you work, for example «Hundvåg sykehjem»."),
            "preferred_times": _(
                "Days or times that suit you, for example «tirsdager etter kl. 12» or «uke 14»."
            ),
        }
        widgets = {
            "challenge": forms.Textarea(attrs={"rows": 6}),
            "kind": forms.RadioSelect,
            "urgency": forms.RadioSelect,
            "preferred_times": forms.Textarea(attrs={"rows": 3}),
        }
        error_messages = {
            "challenge": {
                "required": _("Describe the challenge or the idea."),
                "max_length": _("Shorten the description to at most %(limit_value)d characters."),
            },
            "unit": {
                "required": _("Write which unit you work in, for example «Hundvåg sykehjem».")
            },
            "kind": {"required": _("Choose what kind of help you want.")},
            "urgency": {"required": _("Choose how urgent it is.")},
            "preferred_times": {
                "required": _("Write when it suits you, for example «tirsdager etter kl. 12»."),
            },
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Radio buttons without Django's empty «---------» choice.
        for name in ("kind", "urgency"):
            self.fields[name].choices = [c for c in self.fields[name].choices if c[0]]
        self.add_token()

    def summary(self):
        """(label, answer) pairs as the requester wrote them, for receipts and e-mails."""
        return request_summary(self.instance)


def request_summary(guidance_request):
    labels = GuidanceRequestForm.Meta.labels
    return [
        (labels["challenge"], guidance_request.challenge),
        *(
            [(labels["service_area"], guidance_request.service_area)]
            if guidance_request.service_area
            else []
        ),
        (labels["unit"], guidance_request.unit),
        (labels["kind"], guidance_request.get_kind_display()),
        (labels["urgency"], guidance_request.get_urgency_display()),
        (labels["preferred_times"], guidance_request.preferred_times),
    ]


TIME_PATTERN = re.compile(r"^(?:kl\.?\s*)?(\d{1,2})(?:\s*[.:,]\s*(\d{2}))?$")


def parse_time(text):
    """«9», «09.30», «9:30», «0930» or «kl. 09.30» as a time, or None."""
    text = str(text or "").strip().lower()
    if re.fullmatch(r"\d{3,4}", text):
        text = f"{text[:-2]}.{text[-2:]}"
    match = TIME_PATTERN.match(text)
    if not match:
        return None
    hour, minute = int(match.group(1)), int(match.group(2) or 0)
    if hour > 23 or minute > 59:
        return None
    return datetime.time(hour, minute)


class TimeTextField(forms.Field):
    """A time of day as people write it: «09.30» (UI guide §5.6 accepts «:» too)."""

    widget = forms.TextInput(
        attrs={"inputmode": "decimal", "autocomplete": "off", "class": "input--width-time"}
    )
    default_error_messages = {"invalid": _("Write a time, for example 09.30.")}

    def to_python(self, value):
        if value in self.empty_values:
            return None
        if isinstance(value, datetime.time):
            return value
        parsed = parse_time(value)
        if parsed is None:
            raise ValidationError(self.error_messages["invalid"], code="invalid")
        return parsed

    def prepare_value(self, value):
        if isinstance(value, datetime.time):
            return format_time(value)
        return value


class BookingForm(OneTimeTokenMixin, forms.Form):
    """«Bekreft booking»: the room, the day, the times, what for and how many."""

    room = forms.ChoiceField(
        label=_("Room"),
        error_messages={
            "required": _("Choose a room."),
            "invalid_choice": _("Choose one of the rooms in the list."),
        },
    )
    date = DateInputsField(
        label=_("Date"),
        error_messages={
            "incomplete": _("The date must have a day, a month and a year."),
        },
    )
    start = TimeTextField(
        label=_("From"),
        help_text=_("For example 09.00. Whole quarter hours: .00, .15, .30 or .45."),
        error_messages={"required": _("Write when you need the room from, for example 09.00.")},
    )
    end = TimeTextField(
        label=_("To"),
        help_text=_("For example 11.30."),
        error_messages={"required": _("Write when you are done, for example 11.30.")},
    )
    people = forms.IntegerField(
        label=_("Number of people"),
        min_value=1,
        max_value=999,
        widget=forms.TextInput(
            attrs={"inputmode": "numeric", "autocomplete": "off", "class": "input--width-time"}
        ),
        error_messages={
            "required": _("Write how many you will be."),
            "invalid": _("Write the number of people as digits, for example 8."),
            "min_value": _("Write how many you will be, at least 1."),
            "max_value": _("Write how many you will be, at most %(limit_value)s."),
        },
    )
    purpose = forms.CharField(
        label=_("What will you use the room for?"),
        help_text=_("For example «Workshop om brukerreiser for hjemmetjenesten»."),
        max_length=200,
        error_messages={
            "required": _("Write what you will use the room for."),
            "max_length": _("Shorten the text to at most %(limit_value)d characters."),
        },
    )

    # When the employee opened the form (a Unix time): a booking that overlaps and
    # was made after it is a race they lost, and is said so (UI guide §5.7).
    opened = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, page, rooms, hours, user, now=None, last_day=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.page = page
        self.rooms = {room.slug: room for room in rooms}
        self.hours = hours
        self.user = user
        self.now = now
        # The horizon: the last day employees can book (Fabrikken's page sets it).
        self.last_day = last_day
        example = {"date": example_date_text()}
        self.fields["date"].error_messages.update(
            {
                "required": gettext("Write the date, for example %(date)s.") % example,
                "invalid": gettext("Write a date that exists, for example %(date)s.") % example,
            }
        )
        self.fields["room"].choices = [
            (
                room.slug,
                gettext("%(room)s (up to %(capacity)s people)")
                % {"room": room.name, "capacity": room.capacity},
            )
            for room in rooms
        ]
        self.add_token()

    def clean(self):
        cleaned_data = super().clean()
        room = self.rooms.get(cleaned_data.get("room"))
        day = cleaned_data.get("date")
        start_time, end_time = cleaned_data.get("start"), cleaned_data.get("end")
        start = end = None
        if day and start_time and end_time:
            start, end = at(day, start_time), at(day, end_time)
        cleaned_data["room_object"] = room
        cleaned_data["start_at"], cleaned_data["end_at"] = start, end
        if room is None:
            return cleaned_data
        problems = booking_problems(
            room,
            start,
            end,
            cleaned_data.get("people"),
            now=self.now,
            hours=self.hours,
            last_day=self.last_day,
        )
        for name, message in problems.items():
            if name not in self.errors:
                self.add_error(name, message)
        if not problems and start and end:
            taken = RoomBooking.objects.overlapping(room, start, end).order_by("start").first()
            if taken is not None:
                self.add_error(None, self.taken_message(room, taken, cleaned_data.get("opened")))
        return cleaned_data

    def check_offered_time(self):
        """A time offered in the address (a grid link, or typed) must be bookable.

        A day before today or beyond the horizon is not filled in; the form says
        which days can be booked instead, as an error on the date.
        """
        day = self.initial.get("date")
        if day is None:
            return
        today = local(self.now or timezone.now()).date()
        if today <= day and (self.last_day is None or day <= self.last_day):
            return
        for name in ("date", "start", "end"):
            self.initial.pop(name, None)
        self.cleaned_data = {}  # an unbound form has none; add_error needs it
        self.add_error(
            "date",
            booking_window_message(self.last_day)
            if self.last_day
            else gettext("That time has passed. Choose a time ahead."),
        )

    def taken_message(self, room, taken, opened):
        """A booking made since the form was opened lost a race; otherwise say what is taken."""
        times = format_time_range(taken.start, taken.end)
        if taken.booked_by_id == self.user.pk:
            return gettext(
                "You have already booked «%(room)s» %(times)s that day. Choose another time."
            ) % {"room": room.name, "times": times}
        if opened and taken.created_at.timestamp() >= opened:
            return SLOT_TAKEN_MESSAGE
        return gettext("«%(room)s» is already booked %(times)s that day. Choose another time.") % {
            "room": room.name,
            "times": times,
        }
