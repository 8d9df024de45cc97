"""Deletes page feedback older than twelve months. Run daily from cron (docs/deploy.md)."""

from django.core.management.base import BaseCommand

from core.feedback.models import PageFeedback
from core.jobs import RunOnceCommand


class Command(RunOnceCommand, BaseCommand):
    help = "Deletes page feedback («Fant du det du lette etter?») received more than 12 months ago."
    job_name = "delete_old_feedback"  # one node at a time (core.jobs)

    def handle(self, *args, **options):
        deleted, _ = PageFeedback.objects.expired().delete()
        if options["verbosity"]:
            self.stdout.write(f"Feedback older than 12 months deleted ({deleted} rows).")
