from django.core.management.base import BaseCommand
from django.db import transaction
from wagtail.models import Site

from home.models import HomePage, SectionSettings


class Command(BaseCommand):
    help = "Puts the section's front page at the root of the default site. Idempotent."

    def handle(self, *args, **options):
        with transaction.atomic():
            home = HomePage.objects.get()
            site = Site.objects.filter(is_default_site=True).first() or Site(is_default_site=True)
            site.hostname = site.hostname or "localhost"
            site.port = site.port or 80
            site.site_name = "Innovasjon"
            site.root_page = home
            site.save()
            SectionSettings.for_site(site)
        self.stdout.write(self.style.SUCCESS(f"Site «{site.site_name}» serves {home.title}."))
