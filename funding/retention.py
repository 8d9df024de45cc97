"""How long a withdrawn application keeps its contents (docs/deploy.md → «Scheduled jobs»).

Twelve months after an application was withdrawn, its attachments (files and rows), its
criteria answers and its free-text fields are deleted by `delete_withdrawn_applications`.
The row itself stays, with its status, reference, amount and dates, so the call's totals
and the status log still add up; what remains names no project and says nothing about it.
"""

import datetime
import logging

from django.db import transaction
from django.db.models import Exists, OuterRef, Q
from django.utils import timezone

from .models.pipeline import Application, Attachment, CriterionAnswer, Status

logger = logging.getLogger(__name__)

KEEP_WITHDRAWN = datetime.timedelta(days=365)
# What is erased on the row: everything the applicants wrote.
TEXT_FIELDS = ("project_title", "service_area", "unit", "need", "target_users", "plan")


def due(now=None):
    """Withdrawn more than twelve months ago, with something left to delete."""
    cutoff = (now or timezone.now()) - KEEP_WITHDRAWN
    left = (
        Q(Exists(Attachment.objects.filter(application=OuterRef("pk"))))
        | Q(Exists(CriterionAnswer.objects.filter(application=OuterRef("pk"))))
        | ~Q(legacy_answers={})
    )
    for name in TEXT_FIELDS:
        left |= ~Q(**{name: ""})
    return Application.objects.filter(status=Status.WITHDRAWN, withdrawn_at__lt=cutoff).filter(left)


def erase(application):
    """Delete the application's contents, keeping the row. The files go first, each before
    its row: a failure leaves a row pointing at nothing, never a file no row points at."""
    for attachment in Attachment.objects.filter(application=application):
        attachment.file.delete(save=False)
        attachment.delete()
    with transaction.atomic():
        CriterionAnswer.objects.filter(application=application).delete()
        Application.objects.filter(pk=application.pk).update(
            legacy_answers={}, **dict.fromkeys(TEXT_FIELDS, "")
        )


def delete_withdrawn(now=None):
    """Erase every application due; the number erased."""
    erased = 0
    for application in due(now).only("pk", "uuid"):
        erase(application)
        erased += 1
    return erased
