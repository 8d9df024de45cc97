"""The applicant's forms for a structured application (docs/funding-pipeline.md).

`DraftForm` is the whole application in sections. Every field is needed before sending,
so the labels carry no «(valgfritt)»; but a draft is saved as far as it has come, so
`is_valid_draft()` checks only what was written (an amount within the call's range, an
end after the start) and lets empty answers be. What is still missing is listed on the
check page (`missing_answers`), and «Send» refuses until nothing is.
"""

from django import forms
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from core.formats import format_number
from core.forms import DateInputsField, example_date_text
from core.submissions import OneTimeTokenMixin

from .forms import AmountField, amount_range_sentence

CRITERION_PREFIX = "criterion_"

# (section id, heading, field names): the form's sections, and the check page's.
SECTIONS = (
    ("prosjekt", _("The project"), ("project_title", "service_area", "unit")),
    ("behov", _("Need and users"), ("need", "target_users")),
    ("plan", _("Plan and amount"), ("plan", "amount", "planned_start", "planned_end")),
)
CRITERIA_SECTION = ("kriterier", _("The criteria"))
TEXT_FIELDS = ("project_title", "service_area", "unit", "need", "target_users", "plan")
MODEL_FIELDS = (*TEXT_FIELDS, "amount", "planned_start", "planned_end")


def text_area():
    return forms.Textarea(attrs={"rows": 6})


def date_messages(field):
    """A date field's hint and errors, which name the field and today's example date."""
    words = {"label": field.label, "date": example_date_text()}
    field.help_text = gettext("For example %(date)s") % words
    field.error_messages["invalid"] = (
        gettext("Write a date that exists in «%(label)s», for example %(date)s.") % words
    )
    field.error_messages["incomplete"] = (
        gettext("«%(label)s» must have a day, a month and a year.") % words
    )


class DraftForm(forms.Form):
    project_title = forms.CharField(
        label=_("Project title"),
        max_length=200,
        help_text=_("A short name that says what you want to try out."),
    )
    service_area = forms.CharField(label=_("Service area"), max_length=200)
    unit = forms.CharField(label=_("Unit"), max_length=200)
    need = forms.CharField(
        label=_("The need"),
        max_length=10000,
        widget=text_area(),
        help_text=_("What problem the project solves, and how you know it is real."),
    )
    target_users = forms.CharField(
        label=_("Who the project is for"),
        max_length=10000,
        widget=text_area(),
        help_text=_("The residents or employees who will notice the difference."),
    )
    plan = forms.CharField(
        label=_("The plan"),
        max_length=10000,
        widget=text_area(),
        help_text=_("What you will do, in which order, and who takes part."),
    )
    amount = AmountField(label=_("Amount applied for (NOK)"))
    planned_start = DateInputsField(label=_("Planned start"))
    planned_end = DateInputsField(label=_("Planned end"))

    def __init__(self, *args, call, criteria, **kwargs):
        super().__init__(*args, **kwargs)
        self.criteria = criteria
        least, most = call.min_per_application or None, call.max_per_application or None
        amount = self.fields["amount"]
        amount.least, amount.most = least, most
        # Every message names the field, as the form-builder forms' do (funding/forms.py).
        label = {"label": amount.label}
        amount.error_messages.update(
            {
                "invalid": gettext("Write a number in «%(label)s», for example 250 000.") % label,
                "negative": gettext(
                    "The amount in «%(label)s» can't be negative. Write it without a minus, "
                    "for example 250 000."
                )
                % label,
                "too_large": gettext(
                    "The amount in «%(label)s» is too large. Write it in kroner, "
                    "for example 250 000."
                )
                % label,
                "max_decimal_places": gettext(
                    "Write the amount in «%(label)s» with at most two decimals, "
                    "for example 1 500,50."
                )
                % label,
            }
        )
        sentence = amount_range_sentence(least, most)
        if sentence:
            amount.hint_after = sentence
            amount.error_messages["out_of_range"] = " ".join(
                [sentence, gettext("Change the amount in «%(label)s».") % {"label": amount.label}]
            )
        date_messages(self.fields["planned_start"])
        date_messages(self.fields["planned_end"])
        for criterion in criteria:
            field = forms.CharField(
                label=criterion.title,
                help_text=criterion.help_text,
                max_length=10000,
                widget=text_area(),
            )
            field.editors_wrote = True  # the label is content: lang="nb" under English
            self.fields[f"{CRITERION_PREFIX}{criterion.pk}"] = field

    def sections(self):
        """(id, heading, bound fields) per section, the criteria last."""
        parts = [(key, heading, [self[name] for name in names]) for key, heading, names in SECTIONS]
        criteria = [self[f"{CRITERION_PREFIX}{c.pk}"] for c in self.criteria]
        if criteria:
            parts.append((*CRITERIA_SECTION, criteria))
        return parts

    def is_valid_draft(self):
        """Valid as a draft: what is written must be right; what is empty may wait."""
        required = {name: field.required for name, field in self.fields.items()}
        for field in self.fields.values():
            field.required = False
        try:
            return self.is_valid()
        finally:
            # The labels keep saying that every answer is needed before sending.
            for name, field in self.fields.items():
                field.required = required[name]

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("planned_start"), cleaned.get("planned_end")
        if start and end and end <= start:
            self.add_error("planned_end", _("The planned end must come after the planned start."))
        return cleaned

    def criterion_answers(self):
        """{criterion pk: text} from the cleaned data."""
        return {
            c.pk: self.cleaned_data.get(f"{CRITERION_PREFIX}{c.pk}") or "" for c in self.criteria
        }


def initial_from(application, answers):
    """The form's initial values from a stored application and its {criterion pk: text}."""
    initial = {name: getattr(application, name) for name in MODEL_FIELDS}
    # As people write it, «250 000», not the database's «250000.00».
    initial["amount"] = (
        format_number(application.amount) if application.amount is not None else None
    )
    initial.update({f"{CRITERION_PREFIX}{pk}": text for pk, text in answers.items()})
    return initial


class SendForm(OneTimeTokenMixin, forms.Form):
    """The «Send» button's form: only the one-time token (a double-click sends once)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.add_token()
