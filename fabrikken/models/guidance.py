"""«Be om veiledning»: an employee asks Fabrikken for help, and the staff follow it up."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class GuidanceRequest(models.Model):
    """One employee's request for guidance, worked by Fabrikken's staff in the admin.

    The requester is the signed-in user, never a typed name; their name and
    e-mail are also kept as they were when they asked. The requester sees
    their own requests and the status; the staff note is for the staff only.
    """

    class Kind(models.TextChoices):
        IDEA = "idea", _("A chat about an idea")
        PROCESS = "process", _("Process guidance: choosing methods, making a plan")
        WORKSHOP = "workshop", _("A facilitated workshop for our team")
        COURSE = "course", _("A method course for our team")
        APPLICATION = "application", _("Feedback on a funding application")
        MATERIALS = "materials", _("Borrowing materials")
        OTHER = "other", _("Something else")

    class Urgency(models.TextChoices):
        URGENT = "urgent", _("Urgent: within a week")
        SOON = "soon", _("Within a month")
        LATER = "later", _("No hurry")

    class Status(models.TextChoices):
        NEW = "new", _("New")
        IN_PROGRESS = "in_progress", _("Being worked on")
        CLOSED = "closed", _("Completed")

    requester = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("requester"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="guidance_requests",
    )
    requester_name = models.CharField(_("requester's name"), max_length=300)
    requester_email = models.EmailField(_("requester's e-mail"), blank=True)
    challenge = models.TextField(_("the challenge"), max_length=4000)
    service_area = models.CharField(_("service area"), max_length=120, blank=True)
    unit = models.CharField(_("unit"), max_length=200)
    kind = models.CharField(_("kind of help"), max_length=20, choices=Kind.choices)
    urgency = models.CharField(_("urgency"), max_length=10, choices=Urgency.choices)
    preferred_times = models.TextField(_("preferred times"), max_length=1000)
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.NEW
    )
    staff_note = models.TextField(
        _("staff note"),
        blank=True,
        help_text=_("For Fabrikken's staff only; the requester does not see it."),
    )
    token = models.UUIDField(
        _("submission token"),
        editable=False,
        help_text=_("From the form the requester sent; the same form sent twice is one request."),
    )
    created_at = models.DateTimeField(_("sent"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("guidance request")
        verbose_name_plural = _("guidance requests")
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["requester", "token"], name="fabrikken_guidance_request_once_per_form"
            )
        ]
        indexes = [
            models.Index(fields=["requester", "-created_at"]),
            models.Index(fields=["status", "-created_at"]),
        ]

    def __str__(self):
        return f"{self.requester_name}: {self.get_kind_display()}"

    @property
    def status_badge(self):
        """The badge colour from the UI guide: new neutral, in progress active, closed positive."""
        return {
            self.Status.NEW: "neutral",
            self.Status.IN_PROGRESS: "active",
            self.Status.CLOSED: "positive",
        }.get(self.status, "neutral")
