from django.core.management.base import BaseCommand
from django.db import transaction
from wagtail.models import Site

from core.models import SectionSettings
from core.publishing.roles import apply_roles
from home.models import HomePage


class Command(BaseCommand):
    help = (
        "Puts the section's front page at the root of the default site and applies the roles "
        "and the publishing workflow declared in core/publishing/roles.py. Idempotent; run on every deploy."
    )

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
            groups = apply_roles(home)
        self.stdout.write(self.style.SUCCESS(f"Site «{site.site_name}» serves {home.title}."))
        self.stdout.write(f"Groups: {', '.join(groups)}; workflow on the whole section.")
