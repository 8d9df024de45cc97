"""The state of the mail queue in one query: for /healthz and the admin dashboard panel."""

from dataclasses import dataclass
from datetime import timedelta

from django.db.models import Count, Min, Q
from django.db.models.fields.json import KT
from django.utils import timezone
from django_tasks import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from .tasks import BACKEND, parse_queued_at

# Not yet delivered, not given up: queued (perhaps for a later attempt) or being sent now.
WAITING = Q(status__in=[TaskResultStatus.READY, TaskResultStatus.RUNNING])


@dataclass(frozen=True)
class QueueState:
    waiting: int
    failed: int
    oldest: timedelta | None
    """How long the oldest waiting message has waited since it was first queued."""


def state():
    """Waiting and failed (given-up) messages and the oldest waiting one's age.

    The age counts from the message's first queuing, not from its latest retry,
    so an outage shows as a growing age. Failed rows stay until
    `prune_db_task_results --backend mail` removes them (docs/deploy.md).
    """
    row = DBTaskResult.objects.filter(backend_name=BACKEND).aggregate(
        waiting=Count("pk", filter=WAITING),
        failed=Count("pk", filter=Q(status=TaskResultStatus.FAILED)),
        oldest=Min(KT("args_kwargs__kwargs__queued_at"), filter=WAITING),
    )
    oldest = row["oldest"] and max(timezone.now() - parse_queued_at(row["oldest"]), timedelta())
    return QueueState(waiting=row["waiting"], failed=row["failed"], oldest=oldest)
