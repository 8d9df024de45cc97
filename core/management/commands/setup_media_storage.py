"""Makes the media storages ready: the private containers in Azure, nothing on the disk.

Run on every deploy, before the nodes serve (docs/deploy.md → «Object storage»):
idempotent, safe on several nodes at once, and it fails the deploy when a
container lets anyone read it. Both storages are set up: "default" (images,
documents) and "private" (application attachments, a container of its own).
"""

from django.core.exceptions import ImproperlyConfigured
from django.core.files.storage import storages
from django.core.management.base import BaseCommand, CommandError

ALIASES = {"default": "Media", "private": "Private files"}


class Command(BaseCommand):
    help = (
        "Creates the private media containers in object storage when they are missing, and "
        "refuses one that allows anonymous reads. Idempotent; run on every deploy."
    )

    def handle(self, *args, **options):
        for alias, what in ALIASES.items():
            self.set_up(storages[alias], what, options["verbosity"])

    def set_up(self, storage, what, verbosity):
        kind = type(storage).__name__
        ensure_private = getattr(storage, "ensure_private", None)
        if ensure_private is None:
            if verbosity:
                self.stdout.write(f"{what} are stored by {kind}: nothing to set up here.")
            return
        try:
            created = ensure_private()
        except ImproperlyConfigured as error:
            raise CommandError(str(error)) from None
        if verbosity:
            state = "created, private" if created else "private"
            self.stdout.write(
                self.style.SUCCESS(
                    f"{what} container «{storage.azure_container}» ({kind}): {state}."
                )
            )
