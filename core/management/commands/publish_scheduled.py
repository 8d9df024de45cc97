"""Wagtail's `publish_scheduled`, under the name cron already uses, run on one node at a time.

Overriding the command (core comes before wagtail in INSTALLED_APPS) rather
than adding a new name keeps every crontab, `make publish-scheduled` and
scripts/scheduler.sh as they are, and leaves no unlocked way to run it by
mistake; subclassing keeps Wagtail's options (`--dryrun`).
"""

from wagtail.management.commands.publish_scheduled import Command as WagtailPublishScheduled

from core.jobs import RunOnceCommand


class Command(RunOnceCommand, WagtailPublishScheduled):
    help = (
        "Publishes pages whose go-live time has come and unpublishes expired ones "
        "(Wagtail's command, on one node at a time)."
    )
    job_name = "publish_scheduled"
