"""Makes the media storage ready: the private container in Azure, nothing on the disk.

Run on every deploy, before the nodes serve (docs/deploy.md → «Object storage»):
idempotent, safe on several nodes at once, and it fails the deploy when the
container lets anyone read it.
"""

from django.core.exceptions import ImproperlyConfigured
from django.core.files.storage import storages
from django.core.management.base import BaseCommand, CommandError


class Command(BaseCommand):
    help = (
        "Creates the private media container in object storage when it is missing, and "
        "refuses one that allows anonymous reads. Idempotent; run on every deploy."
    )

    def handle(self, *args, **options):
        storage = storages["default"]
        kind = type(storage).__name__
        ensure_private = getattr(storage, "ensure_private", None)
        if ensure_private is None:
            if options["verbosity"]:
                self.stdout.write(f"Media are stored by {kind}: nothing to set up here.")
            return
        try:
            created = ensure_private()
        except ImproperlyConfigured as error:
            raise CommandError(str(error)) from None
        if options["verbosity"]:
            state = "created, private" if created else "private"
            self.stdout.write(
                self.style.SUCCESS(
                    f"Media container «{storage.azure_container}» ({kind}): {state}."
                )
            )
