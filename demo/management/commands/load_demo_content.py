from django.core.management.base import BaseCommand
from django.db import transaction

from demo.loaders import LOADERS


class Command(BaseCommand):
    help = (
        "Builds the demo site from demo/content/, section by section in a fixed order. Idempotent."
    )

    def handle(self, *args, **options):
        with transaction.atomic():
            for name, loader in LOADERS:
                loader.load()
                self.stdout.write(f"Demo content: {name}")
        self.stdout.write(self.style.SUCCESS("Demo content is in place."))
