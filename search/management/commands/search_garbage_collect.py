"""Deletes old search statistics. Run daily from cron (README)."""

import datetime

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.utils import timezone

from core.jobs import RunOnceCommand
from search.models import QueryDailyZeroHits


class Command(RunOnceCommand, BaseCommand):
    help = (
        "Deletes searches counted more than WAGTAILSEARCH_HITS_MAX_AGE days ago (30), "
        "then Wagtail's queries with neither counts nor promoted results."
    )
    job_name = "search_garbage_collect"  # one node at a time (core.jobs)

    def handle(self, *args, **options):
        days = getattr(settings, "WAGTAILSEARCH_HITS_MAX_AGE", 30)
        oldest = timezone.localdate() - datetime.timedelta(days=days)
        deleted, _ = QueryDailyZeroHits.objects.filter(date__lt=oldest).delete()
        # Deletes old QueryDailyHits, then queries left with no hits and no promotions
        # (which takes their QueryDailyZeroHits with them).
        call_command("searchpromotions_garbage_collect", verbosity=options["verbosity"])
        if options["verbosity"]:
            self.stdout.write(f"Search statistics older than {days} days deleted ({deleted} rows).")
