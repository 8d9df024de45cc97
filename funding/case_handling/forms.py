"""The case handler's forms: one assessment per criterion, and the decision."""

import calendar
import datetime

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.admin.widgets import AdminDateInput

from core.formats import format_nok
from funding.forms import AmountField
from funding.models import Assessment, Decision
from funding.models.pipeline import DECISIONS, Status

SCORES = [(score, str(score)) for score in range(1, 6)]
#: Months after the planned end the final report is due, when the call does not say.
DEFAULT_REPORT_MONTHS = 3


class AssessmentForm(forms.Form):
    """A score (1–5) and an optional comment for each of the call's criteria."""

    def __init__(self, *args, application, assessor, criteria, **kwargs):
        super().__init__(*args, **kwargs)
        self.application, self.assessor, self.criteria = application, assessor, criteria
        mine = {
            row.criterion_id: row
            for row in Assessment.objects.filter(application=application, assessor=assessor)
        }
        for number, criterion in enumerate(criteria, start=1):
            existing = mine.get(criterion.pk)
            criterion.heading = f"{number}. {criterion.title}"
            self.fields[f"score_{criterion.pk}"] = forms.TypedChoiceField(
                label=_("Score"),
                choices=SCORES,
                coerce=int,
                widget=forms.RadioSelect,
                initial=existing.score if existing else None,
                help_text=_("1 is weak, 5 is strong."),
                error_messages={"required": _("Give a score from 1 to 5.")},
            )
            self.fields[f"comment_{criterion.pk}"] = forms.CharField(
                label=_("Comment (optional)"),
                required=False,
                widget=forms.Textarea(attrs={"rows": 3}),
                initial=existing.comment if existing else "",
            )

    def rows(self):
        """(criterion, score field, comment field) for the template."""
        return [
            (criterion, self[f"score_{criterion.pk}"], self[f"comment_{criterion.pk}"])
            for criterion in self.criteria
        ]

    def save(self):
        for criterion in self.criteria:
            Assessment.objects.update_or_create(
                application=self.application,
                assessor=self.assessor,
                criterion=criterion,
                defaults={
                    "score": self.cleaned_data[f"score_{criterion.pk}"],
                    "comment": self.cleaned_data[f"comment_{criterion.pk}"],
                },
            )


def add_months(day, months):
    """The same day `months` later, or the month's last day (31 August + 1 → 30 September)."""
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return datetime.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def default_report_due(application):
    """planned_end + the call's report months (3 when the call does not say)."""
    if not application.planned_end:
        return None
    months = getattr(application.call, "report_months", None) or DEFAULT_REPORT_MONTHS
    return add_months(application.planned_end, months)


class DecisionForm(forms.ModelForm):
    granted_amount = AmountField(
        label=_("Granted amount (NOK)"),
        required=False,
        help_text=_("Required unless the application is rejected. At most the amount applied for."),
    )
    confirm = forms.BooleanField(
        label=_("Confirm the decision"),
        required=False,
        help_text=_("The grant is more than what is left of the call's budget."),
    )

    class Meta:
        model = Decision
        fields = ["status", "granted_amount", "justification", "report_due"]
        widgets = {"status": forms.RadioSelect, "report_due": AdminDateInput}
        labels = {
            "status": _("Decision"),
            "justification": _("Justification"),
            "report_due": _("Final report due"),
        }
        help_texts = {
            "justification": _("Why: it goes to the applicants in the decision letter."),
            "report_due": _(
                "When the final report is due; by default 3 months after the planned end."
            ),
        }

    def __init__(self, *args, application, remaining=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.application, self.remaining = application, remaining
        self.fields["status"].choices = [(status.value, status.label) for status in DECISIONS]
        if not self.initial.get("report_due"):
            self.initial["report_due"] = default_report_due(application)
        self.over_budget = False

    def clean(self):
        cleaned = super().clean()
        status, amount = cleaned.get("status"), cleaned.get("granted_amount")
        if status == Status.REJECTED:
            cleaned["granted_amount"] = None
        elif status and amount is not None:
            # A missing amount is the model's own rule (Decision.clean).
            applied = self.application.amount
            if applied is not None and amount > applied:
                self.add_error(
                    "granted_amount",
                    _("The grant can't be more than the %(applied)s applied for.")
                    % {"applied": format_nok(applied)},
                )
            elif amount <= 0:
                self.add_error("granted_amount", _("Write an amount above 0, or reject."))
            self.over_budget = self.remaining is not None and amount > self.remaining
        return cleaned

    @property
    def needs_confirmation(self):
        """Valid, but the grant is above what remains and the handler has not confirmed it."""
        return self.over_budget and not self.cleaned_data.get("confirm")
