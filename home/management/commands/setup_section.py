from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from wagtail.models import Site

from core.models import SectionSettings
from core.publishing.roles import apply_roles
from core.site_url import parse_site_url
from home.models import HomePage


class Command(BaseCommand):
    help = (
        "Puts the section's front page at the root of the default site, at the address SITE_URL "
        "names, and applies the roles "
        "and the publishing workflow declared in core/publishing/roles.py. Idempotent; run on every deploy."
    )

    def handle(self, *args, **options):
        try:
            address = parse_site_url(settings.SITE_URL)
        except ValueError as error:
            raise CommandError(str(error)) from None
        with transaction.atomic():
            home = HomePage.objects.get()
            site = Site.objects.filter(is_default_site=True).first() or Site(is_default_site=True)
            # Wagtail builds every absolute link from these two (Site.root_url).
            site.hostname, site.port = address.hostname, address.port
            site.site_name = "Innovasjon"
            site.root_page = home
            site.save()
            SectionSettings.for_site(site)
            groups = apply_roles(home)
        self.stdout.write(
            self.style.SUCCESS(f"Site «{site.site_name}» serves {home.title} at {site.root_url}.")
        )
        self.stdout.write(f"Groups: {', '.join(groups)}; workflow on the whole section.")
