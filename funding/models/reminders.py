"""Which final-report reminders have gone out, so each goes out once (remind_final_reports)."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class ReportReminder(models.Model):
    """«The final report is due in `days_before` days» was sent for this application.

    The unique constraint is the «once»: a second run the same day (cron on two nodes, a
    rerun after a failure) finds the row and sends nothing.
    """

    application = models.ForeignKey(
        "funding.Application", on_delete=models.CASCADE, related_name="report_reminders"
    )
    days_before = models.PositiveSmallIntegerField(_("days before the due date"))
    sent_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("final report reminder")
        verbose_name_plural = _("final report reminders")
        constraints = [
            models.UniqueConstraint(
                fields=["application", "days_before"], name="funding_report_reminder_once"
            )
        ]

    def __str__(self):
        return f"{self.application}: {self.days_before}"
