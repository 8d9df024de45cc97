"""Forms shared by the section: the sign-in form and fields people fill in as they write.

`DateInputsField` is a known date as three text inputs, «Dag», «Måned», «År»
(UI guide §5.6); the templatetag `form_field` (core/templatetags/form_tags.py)
renders it and every other field with label, hint, error and ARIA wiring.
"""

from datetime import date

from django import forms
from django.contrib.auth.forms import AuthenticationForm
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class SignInForm(AuthenticationForm):
    """Django's sign-in form, with messages that tell the employee what to do."""

    error_messages = {
        "invalid_login": _(
            "The username or password is wrong. Check what you typed and try again."
        ),
        "inactive": _("This account is not active. Contact the section's administrator."),
    }

    def __init__(self, request=None, *args, **kwargs):
        super().__init__(request, *args, **kwargs)
        self.fields["username"].label = _("Username")
        self.fields["password"].label = _("Password")
        self.fields["username"].error_messages["required"] = _("Write your username.")
        self.fields["password"].error_messages["required"] = _("Write your password.")


MONTHS = {
    "januar": 1,
    "februar": 2,
    "mars": 3,
    "april": 4,
    "mai": 5,
    "juni": 6,
    "juli": 7,
    "august": 8,
    "september": 9,
    "oktober": 10,
    "november": 11,
    "desember": 12,
}
MONTH_ABBREVIATIONS = {name[:3]: number for name, number in MONTHS.items()} | {"sept": 9}


def example_date(today=None):
    """The date hints and errors show as an example: the 15th, three months from now.

    A fixed example drifts into the past, where forms that ask about plans refuse it.
    """
    today = today or timezone.localdate()
    months = today.year * 12 + today.month - 1 + 3
    return date(months // 12, months % 12 + 1, 15)


def example_date_text(today=None):
    """The example date as employees type it: «15 3 2027»."""
    example = example_date(today)
    return f"{example.day} {example.month} {example.year}"


def example_datetime_text(today=None):
    """The example date and time as employees type it: «15.3.2027 09.30»."""
    example = example_date(today)
    return f"{example.day}.{example.month}.{example.year} 09.30"


def parse_month(text):
    """A month as a number («3», «03») or a Norwegian name («mars», «mar.»)."""
    text = text.strip().lower().rstrip(".")
    if text.isdecimal():  # not isdigit: int() can't read «²»
        return int(text)
    return MONTHS.get(text) or MONTH_ABBREVIATIONS.get(text)


class DateInputsWidget(forms.MultiWidget):
    """Day, month and year as three text inputs; rendered by core/includes/form_field.html."""

    def __init__(self, attrs=None):
        widgets = [forms.TextInput(attrs={"inputmode": "numeric"}) for _part in range(3)]
        super().__init__(widgets, attrs)

    def decompress(self, value):
        if isinstance(value, date):
            return [value.day, value.month, value.year]
        return [None, None, None]


class DateInputsField(forms.MultiValueField):
    """A date typed as «15», «3» (or «mars»), «2026»."""

    widget = DateInputsWidget
    parts = ("day", "month", "year")

    def __init__(self, **kwargs):
        kwargs.pop("max_length", None)
        fields = [forms.CharField(required=False, max_length=10) for _part in self.parts]
        super().__init__(fields, require_all_fields=False, **kwargs)

    def compress(self, data_list):
        if not data_list or not any(data_list):
            return None
        day, month, year = ((part or "").strip() for part in data_list)
        if not (day and month and year):
            raise ValidationError(self.error_messages["incomplete"], code="incomplete")
        month_number = parse_month(month)
        # isdecimal, not isdigit: «²» is a digit that int() can't read. A year has at
        # most four digits, so date() never overflows (year 9999999999 would).
        if not (day.isdecimal() and year.isdecimal() and len(year) <= 4 and month_number):
            raise ValidationError(self.error_messages["invalid"], code="invalid")
        year_number = int(year)
        if year_number < 100:
            year_number += 2000
        try:
            return date(year_number, month_number, int(day))
        except (ValueError, OverflowError) as error:
            raise ValidationError(self.error_messages["invalid"], code="invalid") from error
