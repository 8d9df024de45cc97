"""The application form: Wagtail's form builder with Norwegian-friendly fields.

Editors define the fields in the admin; `FundingFormBuilder` turns them into
Django form fields whose error messages say what to do (UI guide §5.5), whose
dates are three text inputs (Dag, Måned, År — §5.6; the shared
`home.forms.DateInputsField`) and whose amounts accept
«250 000», «250.000» and «kr 250 000,-». Every form carries a one-time token so a
double-click or a resent POST cannot create a second application.
"""

import re
import uuid
from decimal import Decimal

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.contrib.forms.forms import BaseForm, FormBuilder

from home.forms import DateInputsField

TOKEN_FIELD = "submission_token"


class AmountField(forms.DecimalField):
    """A number as people write it: «250 000», «250.000», «kr 250 000,-», «1,5»."""

    widget = forms.TextInput(attrs={"inputmode": "decimal"})

    def to_python(self, value):
        if isinstance(value, str):
            text = re.sub(r"[\s\u00a0\u202f]", "", value).lower()
            text = re.sub(r"^(kr\.?|nok)", "", text)
            text = re.sub(r"(kr\.?|kroner|nok|,-|\.-|,–)$", "", text)
            if re.fullmatch(r"\d{1,3}(\.\d{3})+", text):
                text = text.replace(".", "")
            value = text.replace(",", ".")
        number = super().to_python(value)
        if isinstance(number, Decimal) and number == number.to_integral_value():
            number = number.quantize(Decimal(1))
        return number


class FundingFormBuilder(FormBuilder):
    """Wagtail's FormBuilder with the fields and messages the UI guide asks for."""

    def get_field_options(self, field):
        options = super().get_field_options(field)
        label = field.label
        options["error_messages"] = {
            "required": self.required_message(field) % {"label": label},
            "invalid": self.invalid_message(field) % {"label": label},
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
            return _("Write a date for «%(label)s», for example 15 3 2026.")
        return _("Fill in «%(label)s».")

    @staticmethod
    def invalid_message(field):
        return {
            "email": _("Write an e-mail address in «%(label)s», for example navn@eksempel.no."),
            "url": _("Write a web address in «%(label)s», for example https://eksempel.no."),
            "number": _("Write a number in «%(label)s», for example 250 000."),
            "date": _("Write a date that exists in «%(label)s», for example 15 3 2026."),
            "datetime": _("Write a date and time in «%(label)s», for example 15.3.2026 09.30."),
        }.get(field.field_type, _("Check the answer to «%(label)s»."))

    def create_multiline_field(self, field, options):
        options.setdefault("widget", forms.Textarea(attrs={"rows": 6}))
        options["max_length"] = 10000
        return forms.CharField(**options)

    def create_number_field(self, field, options):
        options.pop("max_length", None)
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


class ApplicationForm(BaseForm):
    """The base of every generated application form: carries the one-time token."""

    submission_token = forms.UUIDField(
        widget=forms.HiddenInput,
        error_messages={
            "required": _("The form had expired. Check your answers and send it again."),
            "invalid": _("The form had expired. Check your answers and send it again."),
        },
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Move the token last so the editors' fields keep their order.
        self.fields[TOKEN_FIELD] = self.fields.pop(TOKEN_FIELD)
        if not self.is_bound:
            self.initial.setdefault(TOKEN_FIELD, uuid.uuid4())

    @property
    def token_value(self):
        """The token for the hidden input: the one posted if usable, otherwise a new one."""
        if self.is_bound:
            try:
                return uuid.UUID(str(self.data.get(TOKEN_FIELD, "")))
            except ValueError:
                return uuid.uuid4()
        return self.initial[TOKEN_FIELD]

    @property
    def visible_fields_required(self):
        return [field.field.required for field in self.visible_fields()]

    @property
    def answers(self):
        """The cleaned answers without the token, as stored in the submission."""
        return {name: value for name, value in self.cleaned_data.items() if name != TOKEN_FIELD}
