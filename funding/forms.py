"""The application form: Wagtail's form builder with Norwegian-friendly fields.

Editors define the fields in the admin; `FundingFormBuilder` turns them into
Django form fields whose error messages say what to do (UI guide §5.5), whose
dates are three text inputs (Dag, Måned, År — §5.6; the shared
`core.forms.DateInputsField`) and whose amounts accept
«250 000», «250.000» and «kr 250 000,-». Every form carries a one-time token so a
double-click or a resent POST cannot create a second application.

Every number field is an amount in kroner: never negative, never absurdly large,
and within the call's own least and most per application when the editors set
them (the hint says «Du kan søke om 100 000–800 000 kroner»). Dates in an
application are plans (a start, an external deadline), so none may be in the past.
No input, however odd («Infinity», «1e308», 46 digits), gets past the form as
anything but a form error.
"""

import datetime
import re
from decimal import Decimal

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail.contrib.forms.forms import BaseForm, FormBuilder

from core.formats import format_date, format_number
from core.forms import DateInputsField, example_date_text, example_datetime_text
from core.models.profile import PROFILE_FIELD_LABELS, work_place
from core.submissions import TOKEN_FIELD, OneTimeTokenMixin

# A sanity limit: no call gives out a trillion kroner, and a shorter number keeps
# Decimal arithmetic (and the stored answer) well inside its precision.
MAX_AMOUNT_DIGITS = 12


class AmountField(forms.DecimalField):
    """A number as people write it: «250 000», «250.000», «kr 250 000,-», «1,5».

    `least` and `most` are the call's range per application (either may be None).
    """

    widget = forms.TextInput(attrs={"inputmode": "decimal"})
    default_error_messages = {
        "negative": _(
            "The amount can't be negative. Write it without a minus, for example 250 000."
        ),
        "too_large": _("The amount is too large. Write it in kroner, for example 250 000."),
        "max_decimal_places": _(
            "Write the amount with at most two decimals, for example 1 500,50."
        ),
        "out_of_range": _("The amount is outside what you can apply for."),
    }

    def __init__(self, *, least=None, most=None, **kwargs):
        kwargs.setdefault("decimal_places", 2)
        super().__init__(**kwargs)
        self.least, self.most = least, most

    def to_python(self, value):
        if isinstance(value, str):
            text = re.sub(r"[\s\u00a0\u202f]", "", value).lower()
            text = re.sub(r"^(kr\.?|nok)", "", text)
            text = re.sub(r"(kr\.?|kroner|nok|,-|\.-|,–)$", "", text)
            if re.fullmatch(r"\d{1,3}(\.\d{3})+", text):
                text = text.replace(".", "")
            value = text.replace(",", ".")
        number = super().to_python(value)
        if not isinstance(number, Decimal):
            return number
        # «Infinity», «NaN»: Decimal reads them, but they are no amount.
        if not number.is_finite():
            raise ValidationError(self.error_messages["invalid"], code="invalid")
        if number.is_zero():
            return Decimal(0)  # also «-0» and «0e400»
        if number.adjusted() >= MAX_AMOUNT_DIGITS:
            raise ValidationError(self.error_messages["too_large"], code="too_large")
        if number == number.to_integral_value():
            number = number.quantize(Decimal(1))
        return number

    def validate(self, value):
        super().validate(value)
        if value is None:
            return
        if value < 0:
            raise ValidationError(self.error_messages["negative"], code="negative")
        if (self.least is not None and value < self.least) or (
            self.most is not None and value > self.most
        ):
            raise ValidationError(self.error_messages["out_of_range"], code="out_of_range")


def amount_range_sentence(least, most):
    """«Du kan søke om 100 000–800 000 kroner.», «… inntil 30 000 kroner.» or ""."""
    if least and most:
        return gettext("You can apply for %(least)s–%(most)s kroner.") % {
            "least": format_number(least),
            "most": format_number(most),
        }
    if most:
        return gettext("You can apply for up to %(most)s kroner.") % {"most": format_number(most)}
    if least:
        return gettext("You can apply for at least %(least)s kroner.") % {
            "least": format_number(least)
        }
    return ""


class FundingFormBuilder(FormBuilder):
    """Wagtail's FormBuilder with the fields and messages the UI guide asks for."""

    def get_field_options(self, field):
        options = super().get_field_options(field)
        label = field.label
        example = {"date": example_date_text(), "datetime": example_datetime_text()}
        options["error_messages"] = {
            "required": self.required_message(field) % {"label": label, **example},
            "invalid": self.invalid_message(field) % {"label": label, **example},
            "incomplete": _("«%(label)s» must have a day, a month and a year.") % {"label": label},
        }
        return options

    @staticmethod
    def required_message(field):
        if field.field_type in ("dropdown", "radio"):
            return _("Choose an answer to «%(label)s».")
        if field.field_type in ("checkboxes", "multiselect"):
            return _("Choose at least one option for «%(label)s».")
        if field.field_type == "checkbox":
            return _("Tick «%(label)s» to send the application.")
        if field.field_type == "date":
            return _("Write a date for «%(label)s», for example %(date)s.")
        return _("Fill in «%(label)s».")

    @staticmethod
    def invalid_message(field):
        return {
            "email": _("Write an e-mail address in «%(label)s», for example navn@eksempel.no."),
            "url": _("Write a web address in «%(label)s», for example https://eksempel.no."),
            "number": _("Write a number in «%(label)s», for example 250 000."),
            "date": _("Write a date that exists in «%(label)s», for example %(date)s."),
            "datetime": _("Write a date and time in «%(label)s», for example %(datetime)s."),
        }.get(field.field_type, _("Check the answer to «%(label)s»."))

    def create_multiline_field(self, field, options):
        options.setdefault("widget", forms.Textarea(attrs={"rows": 6}))
        options["max_length"] = 10000
        return forms.CharField(**options)

    def create_number_field(self, field, options):
        options.pop("max_length", None)
        label = {"label": field.label}
        options["error_messages"].update(
            {
                "negative": _(
                    "The amount in «%(label)s» can't be negative. Write it without a minus, "
                    "for example 250 000."
                )
                % label,
                "too_large": _(
                    "The amount in «%(label)s» is too large. Write it in kroner, "
                    "for example 250 000."
                )
                % label,
                "max_decimal_places": _(
                    "Write the amount in «%(label)s» with at most two decimals, "
                    "for example 1 500,50."
                )
                % label,
            }
        )
        return AmountField(**options)

    def create_date_field(self, field, options):
        return DateInputsField(**options)

    def create_datetime_field(self, field, options):
        options["input_formats"] = [
            "%d.%m.%Y %H.%M",
            "%d.%m.%Y %H:%M",
            "%d.%m.%Y kl. %H.%M",
            "%d.%m.%Y kl. %H:%M",
            "%Y-%m-%d %H:%M",
        ]
        return forms.DateTimeField(**options)

    def create_dropdown_field(self, field, options):
        options["choices"] = [("", _("Choose…")), *self.get_formatted_field_choices(field)]
        return forms.ChoiceField(**options)

    def create_multiselect_field(self, field, options):
        # A multiple <select> is hard to use; checkboxes say the same thing.
        options.setdefault("widget", forms.CheckboxSelectMultiple)
        return super().create_multiselect_field(field, options)

    def get_form_class(self):
        return type("FundingApplicationForm", (ApplicationForm,), self.formfields)


class ApplicationForm(OneTimeTokenMixin, BaseForm):
    """The base of every generated application form: carries the one-time token."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.add_token()
        self.apply_limits()
        if not self.is_bound:
            self.prefill_work_place()

    def prefill_work_place(self):
        """«Tjenesteområde» and «Enhet» from the applicant's profile, where the form asks for them.

        A dropdown is prefilled only with one of its own choices.
        """
        known = work_place(self.user)
        for name, field in self.fields.items():
            value = known.get(PROFILE_FIELD_LABELS.get(str(field.label).strip().casefold(), ""))
            if not value or name in self.initial:
                continue
            choices = getattr(field, "choices", None)
            if choices is not None and value not in {str(choice[0]) for choice in choices}:
                continue
            self.initial[name] = value

    def apply_limits(self):
        """The call's amount range on every amount, and no date in the past.

        The fields are this form's own copies, so changing them touches no other form.
        """
        least = getattr(self.page, "min_per_application", None)
        most = getattr(self.page, "max_per_application", None)
        sentence = amount_range_sentence(least, most)
        today = timezone.localdate()
        for field in self.fields.values():
            if isinstance(field, AmountField):
                field.least, field.most = least or None, most or None
                if sentence:
                    # After the editor's hint, in the interface's language (core/templatetags/form_tags.py).
                    field.hint_after = sentence
                    field.error_messages["out_of_range"] = " ".join(
                        [
                            sentence,
                            gettext("Change the amount in «%(label)s».") % {"label": field.label},
                        ]
                    )
            elif isinstance(field, (DateInputsField, forms.DateTimeField)):
                field.validators.append(NotBefore(today, field.label))

    @property
    def visible_fields_required(self):
        return [field.field.required for field in self.visible_fields()]

    @property
    def answers(self):
        """The cleaned answers without the token, as stored in the submission."""
        return {name: value for name, value in self.cleaned_data.items() if name != TOKEN_FIELD}


class NotBefore:
    """A date or date-time field's validator: `day` or later («Planlagt oppstart» not in the past)."""

    def __init__(self, day, label):
        self.day, self.label = day, label

    def __call__(self, value):
        if isinstance(value, datetime.datetime):
            # The date as written (in Norwegian time): no conversion that could overflow
            # at year 1 or 9999.
            value = value.date()
        if value is not None and value < self.day:
            raise ValidationError(
                gettext("«%(label)s» can't be before today. Write %(today)s or a later date.")
                % {"label": self.label, "today": format_date(self.day)},
                code="past",
            )
