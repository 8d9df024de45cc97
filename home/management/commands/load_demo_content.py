from importlib import import_module

from django.apps import apps
from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils.module_loading import module_has_submodule


class Command(BaseCommand):
    help = "Builds the demo site from each app's demo.py, in INSTALLED_APPS order. Idempotent."

    def handle(self, *args, **options):
        with transaction.atomic():
            for app_config in apps.get_app_configs():
                if not module_has_submodule(app_config.module, "demo"):
                    continue
                import_module(f"{app_config.name}.demo").load()
                self.stdout.write(f"Demo content: {app_config.label}")
        self.stdout.write(self.style.SUCCESS("Demo content is in place."))
