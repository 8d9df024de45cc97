"""One answer to «Fant du det du lette etter?» on one page, with its optional comment."""

import datetime

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

# How long feedback is kept: `manage.py delete_old_feedback` removes older rows (daily cron).
KEEP_FOR = datetime.timedelta(days=365)
COMMENT_MAX_LENGTH = 1000


class Answer(models.TextChoices):
    YES = "ja", _("Yes")
    NO = "nei", _("No")


class PageFeedbackQuerySet(models.QuerySet):
    def unhandled(self):
        return self.filter(handled_at__isnull=True)

    def expired(self, now=None):
        return self.filter(created_at__lt=(now or timezone.now()) - KEEP_FOR)


class PageFeedback(models.Model):
    """Anonymous on purpose: no user, no session, no address is stored with it.

    The one person named is the editor who marked it handled (an admin action).
    """

    page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("page"),
        on_delete=models.CASCADE,
        related_name="feedback",
    )
    answer = models.CharField(_("answer"), max_length=3, choices=Answer.choices)
    comment = models.TextField(_("comment"), max_length=COMMENT_MAX_LENGTH, blank=True)
    created_at = models.DateTimeField(_("received"), default=timezone.now, db_index=True)
    handled_at = models.DateTimeField(_("handled"), null=True, blank=True)
    handled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("handled by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    is_demo = models.BooleanField(
        _("demo content"),
        default=False,
        help_text=_("Invented feedback that comes with the demo content."),
    )

    objects = PageFeedbackQuerySet.as_manager()

    class Meta:
        verbose_name = _("page feedback")
        verbose_name_plural = _("feedback answers")
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.get_answer_display()}: {self.page_id}"

    @property
    def found(self):
        return self.answer == Answer.YES

    def mark_handled(self, user):
        self.handled_at = timezone.now()
        self.handled_by = user
        self.save(update_fields=["handled_at", "handled_by"])
