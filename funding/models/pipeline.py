"""The funding round after «Send»: an application's life from draft to final report.

See docs/funding-pipeline.md. An application is personal data: only its applicants
(the creator and co-applicants) and case handlers may read it; `Application.objects.
visible_to(user)` is the one place that says so, and every view starts from it.
"""

import uuid

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.storage import storages
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models, transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext, pgettext_lazy
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.models import Orderable

from core.formats import format_date, format_datetime

#: The permission that makes a case handler (the «Saksbehandlere» group and moderators).
HANDLE_PERMISSION = "funding.handle_application"


class CallCriterion(Orderable):
    """One published assessment criterion of a call: answered by the applicant, scored
    by each assessor."""

    call = ParentalKey(
        "funding.FundingCallPage", on_delete=models.CASCADE, related_name="criteria_items"
    )
    title = models.CharField(
        _("criterion"),
        max_length=200,
        help_text=_(
            "One sentence the applications are assessed against, such as «Behovet er dokumentert med innsikt fra brukerne»."
        ),
    )
    help_text = models.CharField(
        _("guidance for applicants"),
        max_length=300,
        blank=True,
        help_text=_("Optional. What a good answer says, shown under the question."),
    )

    panels = ["title", "help_text"]

    class Meta(Orderable.Meta):
        verbose_name = _("assessment criterion")
        verbose_name_plural = _("assessment criteria")

    def __str__(self):
        return self.title


class Status(models.TextChoices):
    # Their own context: Wagtail's «Draft» is «Kladd» (a page), an application's is «Utkast»;
    # elsewhere «Rejected» is «Avvist», a decision is «Avslått».
    DRAFT = "utkast", pgettext_lazy("application status", "Draft")
    SUBMITTED = "sendt", pgettext_lazy("application status", "Submitted")
    IN_REVIEW = "under_vurdering", pgettext_lazy("application status", "Under assessment")
    GRANTED = "innvilget", pgettext_lazy("application status", "Granted")
    PARTLY_GRANTED = "delvis_innvilget", pgettext_lazy("application status", "Partly granted")
    REJECTED = "avslatt", pgettext_lazy("application status", "Rejected")
    WITHDRAWN = "trukket", pgettext_lazy("application status", "Withdrawn")


DECISIONS = (Status.GRANTED, Status.PARTLY_GRANTED, Status.REJECTED)
STATUS_BADGES = {
    Status.DRAFT: "neutral",
    Status.SUBMITTED: "active",
    Status.IN_REVIEW: "active",
    Status.GRANTED: "positive",
    Status.PARTLY_GRANTED: "positive",
    Status.REJECTED: "closed",
    Status.WITHDRAWN: "closed",
}
# Where each status may go, and who moves it (the views check the who).
TRANSITIONS = {
    Status.DRAFT: {Status.SUBMITTED, Status.WITHDRAWN},
    Status.SUBMITTED: {Status.IN_REVIEW, Status.WITHDRAWN, *DECISIONS},
    Status.IN_REVIEW: set(DECISIONS),
    Status.GRANTED: set(),
    Status.PARTLY_GRANTED: set(),
    Status.REJECTED: set(),
    Status.WITHDRAWN: set(),
}


class ApplicationQuerySet(models.QuerySet):
    def visible_to(self, user):
        """The applications `user` may read: their own and those they are on; every one for
        a case handler."""
        if not user.is_authenticated or not user.is_active:
            return self.none()
        if user.has_perm(HANDLE_PERMISSION):
            return (self.exclude(status=Status.DRAFT) | self.filter(_applicant_q(user))).distinct()
        return self.filter(_applicant_q(user)).distinct()


def _applicant_q(user):
    return Q(created_by=user) | Q(co_applicants__user=user)


class Application(models.Model):
    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    call = models.ForeignKey(
        "funding.FundingCallPage",
        verbose_name=_("funding call"),
        on_delete=models.PROTECT,
        related_name="pipeline_applications",
    )
    reference = models.CharField(
        _("reference number"), max_length=30, unique=True, null=True, blank=True
    )
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.DRAFT
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("applicant"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    project_title = models.CharField(_("project title"), max_length=200, blank=True)
    service_area = models.CharField(_("service area"), max_length=200, blank=True)
    unit = models.CharField(_("unit"), max_length=200, blank=True)
    need = models.TextField(_("the need"), blank=True)
    target_users = models.TextField(_("who the project is for"), blank=True)
    plan = models.TextField(_("the plan"), blank=True)
    amount = models.DecimalField(
        _("amount applied for"), max_digits=12, decimal_places=2, null=True, blank=True
    )
    planned_start = models.DateField(_("planned start"), null=True, blank=True)
    planned_end = models.DateField(_("planned end"), null=True, blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("last saved"), auto_now=True)
    submitted_at = models.DateTimeField(_("sent"), null=True, blank=True)
    withdrawn_at = models.DateTimeField(_("withdrawn"), null=True, blank=True)
    # The one-time token of the «Send» form: a double-click sends once.
    send_token = models.UUIDField(null=True, blank=True, editable=False)
    # Answers copied from the form-builder era, shown as they were (label → answer).
    legacy_answers = models.JSONField(default=dict, blank=True)

    objects = ApplicationQuerySet.as_manager()

    class Meta:
        verbose_name = _("application")
        verbose_name_plural = _("applications")
        ordering = ["-submitted_at", "-created_at"]
        permissions = [("handle_application", _("Can handle and assess applications"))]
        indexes = [models.Index(fields=["call", "status"])]

    def __str__(self):
        return self.project_title or str(_("Untitled application"))

    @property
    def status_badge(self):
        """The badge's modifier (ui-guide §5.2): the text always says the status too."""
        return STATUS_BADGES[Status(self.status)]

    @property
    def is_decided(self):
        return self.status in DECISIONS

    def next_step(self, call=None, now=None):
        """What happens next, for the applicant's list: «Send den innen …», «Venter på vedtak»…"""
        call = call or self.call
        status = Status(self.status)
        if status == Status.DRAFT:
            state = call.state_at(now or timezone.now())
            if state.is_closed:
                return gettext("Not sent: the deadline has passed")
            if call.deadline:
                return gettext("Send it by %(when)s") % {"when": format_datetime(call.deadline)}
            return gettext("Finish and send it when you are ready")
        if status in (Status.SUBMITTED, Status.IN_REVIEW):
            if call.answer_expected_by:
                return gettext("Answer expected by %(when)s") % {
                    "when": format_date(call.answer_expected_by)
                }
            return gettext("Waiting for a decision")
        if status in (Status.GRANTED, Status.PARTLY_GRANTED):
            decision = getattr(self, "decision", None)
            if hasattr(self, "final_report"):
                return gettext("Final report sent")
            if decision and decision.report_due:
                return gettext("Final report due %(when)s") % {
                    "when": format_date(decision.report_due)
                }
            return gettext("Send a final report when the project ends")
        return ""

    def applicants(self):
        """The creator first, then the co-applicants, as users."""
        users = [self.created_by] if self.created_by else []
        users += [link.user for link in self.co_applicants.select_related("user")]
        return users

    def is_applicant(self, user):
        return user.is_authenticated and (
            self.created_by_id == user.pk or self.co_applicants.filter(user=user).exists()
        )

    def move_to(self, status, by, note=""):
        """Change the status and log who and when; refuses a step TRANSITIONS does not allow."""
        if status not in TRANSITIONS[Status(self.status)]:
            raise ValidationError(
                _("An application that is «%(current)s» cannot become «%(next)s»."),
                params={"current": self.get_status_display(), "next": Status(status).label},
                code="transition",
            )
        with transaction.atomic():
            change = StatusChange.objects.create(
                application=self, from_status=self.status, to_status=status, by=by, note=note
            )
            self.status = status
            if status == Status.SUBMITTED:
                self.submitted_at = change.at
                if not self.reference:
                    self.reference = ReferenceCounter.next_reference(self.call)
            elif status == Status.WITHDRAWN:
                self.withdrawn_at = change.at
            self.save()
            # Queued in this transaction: the change and its e-mails are kept together.
            from funding.notifications import status_changed

            status_changed(self, change)
        return change


class ReferenceCounter(models.Model):
    """The last number given per call and year: «IM-2026-014» comes after «IM-2026-013»."""

    call = models.ForeignKey("funding.FundingCallPage", on_delete=models.CASCADE, related_name="+")
    year = models.PositiveSmallIntegerField()
    last = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["call", "year"], name="funding_reference_per_call_year")
        ]

    def __str__(self):
        return f"{self.call_id}/{self.year}: {self.last}"

    @classmethod
    def next_reference(cls, call):
        """The next reference for `call`, taken under a row lock: two sends at once get two
        numbers, on SQLite and PostgreSQL alike. Call inside a transaction."""
        year = timezone.localdate().year
        cls.objects.get_or_create(call=call, year=year)
        counter = cls.objects.select_for_update().get(call=call, year=year)
        counter.last += 1
        counter.save(update_fields=["last"])
        prefix = (getattr(call, "reference_prefix", "") or "IM").upper()
        return f"{prefix}-{year}-{counter.last:03d}"


class CoApplicant(models.Model):
    application = models.ForeignKey(
        Application, on_delete=models.CASCADE, related_name="co_applicants"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("co-applicant"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    added_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    added_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("co-applicant")
        verbose_name_plural = _("co-applicants")
        constraints = [
            models.UniqueConstraint(fields=["application", "user"], name="funding_coapplicant_once")
        ]

    def __str__(self):
        return str(self.user)


class CriterionAnswer(models.Model):
    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="answers")
    criterion = models.ForeignKey(CallCriterion, on_delete=models.PROTECT, related_name="+")
    text = models.TextField(_("answer"), blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["application", "criterion"], name="funding_answer_once")
        ]

    def __str__(self):
        return f"{self.application}: {self.criterion}"


def attachment_path(attachment, filename):
    """A private name under the application's folder; the original name is kept apart."""
    return f"applications/{attachment.application.uuid}/{uuid.uuid4().hex}"


def private_storage():
    """STORAGES["private"] (core/storage): no address under MEDIA_URL or anywhere else; the
    download view (funding/attachments.py) is the one way out."""
    return storages["private"]


class Attachment(models.Model):
    application = models.ForeignKey(
        Application, on_delete=models.CASCADE, related_name="attachments"
    )
    file = models.FileField(
        _("file"), upload_to=attachment_path, storage=private_storage, max_length=200
    )
    original_name = models.CharField(_("file name"), max_length=200)
    size = models.PositiveIntegerField(_("size in bytes"))
    content_type = models.CharField(max_length=100)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    uploaded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("attachment")
        verbose_name_plural = _("attachments")
        ordering = ["uploaded_at"]

    def __str__(self):
        return self.original_name


SCORE = [MinValueValidator(1), MaxValueValidator(5)]


class Assessment(models.Model):
    application = models.ForeignKey(
        Application, on_delete=models.CASCADE, related_name="assessments"
    )
    assessor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    criterion = models.ForeignKey(CallCriterion, on_delete=models.PROTECT, related_name="+")
    score = models.PositiveSmallIntegerField(_("score (1–5)"), validators=SCORE)
    comment = models.TextField(_("comment"), blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("assessment")
        verbose_name_plural = _("assessments")
        constraints = [
            models.UniqueConstraint(
                fields=["application", "assessor", "criterion"], name="funding_assessment_once"
            )
        ]

    def __str__(self):
        return f"{self.application}: {self.criterion} = {self.score}"

    def clean(self):
        if (
            self.application_id
            and self.assessor_id
            and self.application.is_applicant(self.assessor)
        ):
            raise ValidationError(
                _("You are on this application, so someone else must assess it."), code="own"
            )


class Decision(models.Model):
    application = models.OneToOneField(
        Application, on_delete=models.CASCADE, related_name="decision"
    )
    status = models.CharField(
        _("decision"), max_length=20, choices=[(s.value, s.label) for s in DECISIONS]
    )
    granted_amount = models.DecimalField(
        _("granted amount"), max_digits=12, decimal_places=2, null=True, blank=True
    )
    justification = models.TextField(_("justification"))
    report_due = models.DateField(_("final report due"), null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    decided_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("decision")
        verbose_name_plural = _("decisions")

    def __str__(self):
        return f"{self.application}: {self.get_status_display()}"

    def clean(self):
        if self.decided_by_id and self.application.is_applicant(self.decided_by):
            raise ValidationError(
                _("You are on this application, so someone else must decide it."), code="own"
            )
        if self.status == Status.REJECTED:
            self.granted_amount = None
        elif not self.granted_amount:
            raise ValidationError(
                {"granted_amount": _("Write the amount granted, for example 250 000.")}
            )


class StatusChange(models.Model):
    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="log")
    from_status = models.CharField(max_length=20, choices=Status.choices)
    to_status = models.CharField(max_length=20, choices=Status.choices)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    at = models.DateTimeField(default=timezone.now)
    note = models.TextField(blank=True)

    class Meta:
        ordering = ["at", "pk"]

    def __str__(self):
        return f"{self.application}: {self.from_status} → {self.to_status}"


class FinalReport(models.Model):
    application = models.OneToOneField(
        Application, on_delete=models.CASCADE, related_name="final_report"
    )
    what_was_done = models.TextField(_("what was done"))
    results = models.TextField(_("results"))
    benefits = models.TextField(_("benefits realised"))
    lessons = models.TextField(_("lessons learnt"))
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    submitted_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("final report")
        verbose_name_plural = _("final reports")

    def __str__(self):
        return f"{self.application}"
