from django.core.management.base import BaseCommand

from core.jobs import RunOnceCommand
from core.publishing.archive import archive_unconfirmed


class Command(RunOnceCommand, BaseCommand):
    help = (
        "Unpublishes to the archive the live pages not confirmed for a year and thirty days "
        "(nothing is deleted; «Arkiv» in the admin restores them). Run daily (see README)."
    )
    job_name = "archive_unconfirmed_pages"  # one node at a time, so a page is archived once

    def handle(self, *args, **options):
        pages = archive_unconfirmed()
        if options["verbosity"]:
            self.stdout.write(f"Archived {len(pages)} page(s).")
