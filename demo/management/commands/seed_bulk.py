"""Fills the database in use with thousands of realistic pages, and takes them away again.

    manage.py seed_bulk --pages 10000    # add 10 000 pages to the demo site
    manage.py seed_bulk --pages 10000    # again: 10 000 more (slugs continue)
    manage.py seed_bulk --remove         # delete every bulk page, image and topic

The demo site must be there first (`make setup`). The pages are spread over the
page types as demo/bulk/__init__.py says (SHARES), live, indexed for search, with
generated pictures whose renditions are made ahead. How bulk content is
recognised, and so what --remove deletes, is in demo/bulk/cleanup.py.

With DEBUG off it refuses unless given --force: it must never fill production
by accident.
"""

import time

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import connection

from demo import bulk


class Command(BaseCommand):
    help = "Adds N realistic bulk pages to the demo site (--pages N), or removes them (--remove)."

    def add_arguments(self, parser):
        action = parser.add_mutually_exclusive_group(required=True)
        action.add_argument("--pages", type=int, metavar="N", help="How many pages to add.")
        action.add_argument(
            "--remove", action="store_true", help="Delete every bulk page, image and topic."
        )
        parser.add_argument(
            "--images",
            type=int,
            default=bulk.media.IMAGE_COUNT,
            help="How many generated pictures the pages share (default %(default)s).",
        )
        parser.add_argument(
            "--batch",
            type=int,
            default=500,
            help="Pages per transaction (default %(default)s).",
        )
        parser.add_argument(
            "--no-renditions",
            action="store_true",
            help="Skip making the pictures' renditions ahead of the first visit.",
        )
        parser.add_argument(
            "--force",
            action="store_true",
            help="Run even with DEBUG off. Never on production.",
        )

    def handle(self, *args, **options):
        self.verbosity = options["verbosity"]
        if not settings.DEBUG and not options["force"]:
            raise CommandError(
                "DEBUG is off, so this may be production: seed_bulk would fill it with "
                "thousands of invented pages. Run it against a development or test database, "
                "or add --force if you are sure this database may be filled."
            )
        started = time.perf_counter()
        if options["remove"]:
            deleted = bulk.remove(log=self.progress)
            self.stdout.write(
                f"seed_bulk --remove: deleted {self.summary(deleted)} "
                f"in {time.perf_counter() - started:.1f} s"
            )
            return
        if options["pages"] < 1 or options["batch"] < 1 or options["images"] < 0:
            raise CommandError("--pages and --batch must be at least 1, --images at least 0.")
        try:
            report = bulk.seed(
                options["pages"],
                image_count=options["images"],
                batch=options["batch"],
                renditions=not options["no_renditions"],
                log=self.progress,
            )
        except LookupError as error:
            raise CommandError(str(error)) from error
        seconds = report["seconds"]
        self.stdout.write(
            f"seed_bulk: added {self.summary(report['counts'])} sharing {report['images']} image(s) "
            f"on {connection.vendor} in {seconds['total']:.1f} s "
            f"(pages {seconds['build']:.1f} s, search index {seconds['index']:.1f} s, "
            f"renditions {seconds['renditions']:.1f} s)"
        )

    def progress(self, message):
        if self.verbosity > 0:
            self.stdout.write(f"  {message}")
            self.stdout.flush()

    @staticmethod
    def summary(counts):
        return ", ".join(f"{count} {kind}" for kind, count in counts.items())
