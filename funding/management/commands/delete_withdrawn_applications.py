"""Deletes what withdrawn applications held, 12 months after. Run daily from cron (docs/deploy.md)."""

from django.core.management.base import BaseCommand

from core.jobs import RunOnceCommand
from funding.retention import delete_withdrawn


class Command(RunOnceCommand, BaseCommand):
    help = (
        "Deletes the attachments, answers and texts of applications withdrawn more than 12 "
        "months ago; the row stays with its status, reference and dates."
    )
    job_name = "delete_withdrawn_applications"  # one node at a time (core.jobs)

    def handle(self, *args, **options):
        erased = delete_withdrawn()
        if options["verbosity"]:
            self.stdout.write(
                f"Withdrawn applications older than 12 months emptied ({erased} applications)."
            )
