"""An application: a form submission that knows which employee sent it."""

import datetime

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.dateparse import parse_date, parse_datetime
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail.contrib.forms.models import AbstractFormSubmission

from core.formats import format_date, format_datetime, format_number


class FundingApplication(AbstractFormSubmission):
    """One employee's answers to one funding call's form, sent while the call was open.

    The applicant is the signed-in user, never a typed name. Their name and
    e-mail address are also kept as they were when they applied, so the
    moderators' list and the CSV export read the same later.
    """

    applicant = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("applicant"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="funding_applications",
    )
    applicant_name = models.CharField(_("applicant's name"), max_length=300)
    applicant_email = models.EmailField(_("applicant's e-mail"), blank=True)
    token = models.UUIDField(
        _("submission token"),
        editable=False,
        help_text=_(
            "From the form the applicant sent; the same form sent twice is one application."
        ),
    )

    class Meta:
        verbose_name = _("application")
        verbose_name_plural = _("applications")
        ordering = ["-submit_time"]
        constraints = [
            models.UniqueConstraint(
                fields=["page", "applicant", "token"], name="funding_application_once_per_form"
            )
        ]
        indexes = [models.Index(fields=["applicant", "-submit_time"])]

    def __str__(self):
        return gettext("%(name)s, %(date)s") % {
            "name": self.applicant_name,
            "date": format_date(self.submit_time) if self.submit_time else "",
        }

    def get_data(self):
        """The answers plus who applied: what the admin listing and the CSV export show."""
        return {
            **super().get_data(),
            "applicant": self.applicant_name,
            "applicant_username": self.applicant.get_username() if self.applicant else "",
            "applicant_email": self.applicant_email,
        }

    def answers(self, form_fields):
        """(label, readable answer) pairs in the form's order, for receipts and e-mails.

        Answers to fields the editors have since removed come last, under their
        stored names, so nothing the applicant wrote is hidden.
        """
        data = dict(self.form_data)
        pairs = []
        for field in form_fields:
            if field.clean_name in data:
                value = data.pop(field.clean_name)
                pairs.append((field.label, readable_answer(value, field.field_type)))
        for name, value in data.items():
            pairs.append((name, readable_answer(value, None)))
        return pairs


def readable_answer(value, field_type):
    """An answer as a reader writes it: «Ja», «1. mars 2026», «250 000», lists joined."""
    if value is None or value == "" or value == []:
        return "–"
    if isinstance(value, bool) or field_type == "checkbox":
        return gettext("Yes") if value else gettext("No")
    if isinstance(value, list):
        return ", ".join(str(item) for item in value)
    if field_type == "number":
        return format_number(value)
    if field_type == "date":
        parsed = value if isinstance(value, datetime.date) else parse_date(str(value))
        return format_date(parsed) if parsed else str(value)
    if field_type == "datetime":
        parsed = value if isinstance(value, datetime.datetime) else parse_datetime(str(value))
        if parsed and timezone.is_naive(parsed):
            parsed = timezone.make_aware(parsed)
        return format_datetime(parsed) if parsed else str(value)
    return str(value)
