"""How fast search is with many pages: p50/p95 server time and queries per request.

Builds a throwaway test database (in memory on SQLite; `test_<name>` on PostgreSQL when
DATABASE_URL points there; your own database is never touched), fills it with
`--pages` realistic pages (methods with phases, articles, funding calls, in Norwegian),
indexes them, signs in an employee and requests each search `--runs` times through
Django's test client. Prints one line per search: hits, queries, p50 and p95 in ms.

    manage.py benchmark_search                  # 10 000 pages, 20 runs each
    DATABASE_URL=postgres://… manage.py benchmark_search --pages 10000
"""

import datetime
import random
import statistics
import time

from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.db import connection
from django.test import Client
from django.test.utils import (
    CaptureQueriesContext,
    override_settings,
    setup_databases,
    setup_test_environment,
    teardown_databases,
    teardown_test_environment,
)
from django.utils import timezone

from search import log

SEARCHES = [
    ("/sok/", {"q": "brukerreise"}),
    ("/sok/", {"q": "metoder"}),
    ("/sok/", {"q": "innovasjon kommunen"}),
    ("/sok/", {"q": "gevinstkart", "type": "metode"}),
    ("/sok/", {"q": "tjenesten", "type": "metode", "fase": "forsta", "side": "3"}),
    ("/sok/", {"q": '"tester tidlig"'}),
    ("/sok/", {"q": "zxqvy"}),
    # A part of compounds (core/compounds.py): «innsiktsarbeid», «prosjektarbeid».
    ("/sok/", {"q": "arbeid"}),
    ("/sok/forslag/", {"q": "bru"}),
]

SUBJECTS = [
    "brukerreise",
    "gevinstkart",
    "idémyldring",
    "prototyping",
    "dybdeintervju",
    "personas",
    "tjenestedesign",
    "interessentanalyse",
    "problemtre",
    "brukertesting",
    "observasjon",
    "retrospektiv",
    "innsiktsarbeid",
    "velferdsteknologi",
    "samskaping",
    "medvirkning",
]
PLACES = [
    "hjemmetjenesten",
    "barnehagen",
    "skolen",
    "sykehjemmet",
    "biblioteket",
    "NAV-kontoret",
    "bydelen",
    "helsestasjonen",
    "byggesaksavdelingen",
    "kulturhuset",
]
SENTENCES = [
    "Metoden hjelper gruppa å forstå behovet før dere velger løsning.",
    "Vi tester tidlig med ekte brukere og justerer underveis.",
    "Innovasjonsarbeid i kommunen krever at ledere gir rom for å prøve og feile.",
    "Tjenesten ble enklere for innbyggerne etter at vi kartla brukerreisen.",
    "Gevinstene måles i tid spart, bedre kvalitet og færre henvendelser.",
    "Ansatte fra flere enheter deltok i verkstedet på Fabrikken.",
    "Prosjektet fikk støtte fra innovasjonsmidlene og ble spredt til andre bydeler.",
    "Start med et tydelig problem og en liten prototype.",
    "Samarbeid med frivillige og næringslivet ga nye ideer.",
    "Resultatene ble delt på Innovasjonsdagen.",
]


class Command(BaseCommand):
    help = "Fills a throwaway database with many pages and times a set of searches."

    def add_arguments(self, parser):
        parser.add_argument("--pages", type=int, default=10_000)
        parser.add_argument("--runs", type=int, default=20)
        parser.add_argument(
            "--in-current-database",
            action="store_true",
            help="Fill the database in use instead of a throwaway one (the tests use this).",
        )

    def handle(self, *args, **options):
        if options["in_current_database"]:
            self.fill(options["pages"])
            self.measure(options["runs"])
            return
        setup_test_environment()
        old_config = setup_databases(verbosity=0, interactive=False)
        try:
            self.fill(options["pages"])
            self.measure(options["runs"])
            log.flush()  # while the throwaway database is still there
        finally:
            teardown_databases(old_config, verbosity=0)
            teardown_test_environment()

    def fill(self, count):
        """Pages added straight to the tree (no revisions; background tasks and the
        search index switched off while filling), then indexed in one go."""
        from django.conf import settings

        from demo import factories
        from funding.models import FundingCallPage
        from home.models import ContentPage
        from methods.models import MethodPage, Phase

        started = time.perf_counter()
        backends = {
            name: {**params, "AUTO_UPDATE": False}
            for name, params in settings.WAGTAILSEARCH_BACKENDS.items()
        }
        quiet_tasks = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
        rng = random.Random(8)
        now = timezone.now()
        links = []
        with override_settings(WAGTAILSEARCH_BACKENDS=backends, TASKS=quiet_tasks):
            factories.make_phases()
            phases = list(Phase.objects.exclude(number=0))
            home = factories.home_page()
            methods = factories.make_method_index()
            funding = factories.make_funding_index()
            for number in range(count):
                subject, place = rng.choice(SUBJECTS), rng.choice(PLACES)
                text = " ".join(rng.sample(SENTENCES, 4))
                kind = number % 5
                if kind < 2:
                    page = factories.make_method(
                        methods,
                        title=f"{subject.capitalize()} i {place} {number}",
                        slug=f"metode-{number}",
                        summary=f"Slik bruker {place} {subject} i arbeidet med tjenesten.",
                        when_to_use=f"<p>{text}</p>",
                        phases=(),
                        revision=False,
                    )
                    through = MethodPage.phases.through
                    links += [
                        through(methodpage_id=page.pk, phase_id=phase.pk)
                        for phase in rng.sample(phases, 2)
                    ]
                elif kind < 4:
                    home.add_child(
                        instance=ContentPage(
                            title=f"Erfaringer med {subject} fra {place} {number}",
                            slug=f"side-{number}",
                            intro=f"Hva {place} lærte av {subject}.",
                            body=[("paragraph", f"<p>{text}</p>")],
                        )
                    )
                else:
                    funding.add_child(
                        instance=FundingCallPage(
                            title=f"Midler til {subject} {number}",
                            slug=f"midler-{number}",
                            summary=f"Støtte til {subject} i {place}. {text}",
                            opens_at=now - datetime.timedelta(days=30 + number % 60),
                            deadline=now + datetime.timedelta(days=number % 90 - 20),
                            eligibility="<p>Alle enheter kan søke.</p>",
                            criteria=f"<p>{text}</p>",
                            to_address="innovasjon@eksempel.no",
                        )
                    )
            MethodPage.phases.through.objects.bulk_create(links)
        built = time.perf_counter() - started
        call_command("update_index", verbosity=0)
        indexed = time.perf_counter() - started - built
        self.stdout.write(
            f"{count} pages on {connection.vendor}: built in {built:.0f} s, indexed in {indexed:.0f} s"
        )

    def measure(self, runs):
        from demo import factories

        client = Client()
        client.force_login(factories.make_user("benchmark"))
        self.stdout.write(f"{'search':<62} {'hits':>6} {'queries':>7} {'p50 ms':>7} {'p95 ms':>7}")
        for path, params in SEARCHES:
            client.get(path, params)  # warm up
            times = []
            for _ in range(runs):
                with CaptureQueriesContext(connection) as queries:
                    started = time.perf_counter()
                    response = client.get(path, params)
                    times.append((time.perf_counter() - started) * 1000)
            hits = self.hits(response)
            times.sort()
            p95 = times[min(len(times) - 1, round(0.95 * (len(times) - 1)))]
            label = path + "?" + "&".join(f"{k}={v}" for k, v in params.items())
            self.stdout.write(
                f"{label:<62} {hits:>6} {len(queries):>7} "
                f"{statistics.median(times):>7.1f} {p95:>7.1f}"
            )

    @staticmethod
    def hits(response):
        if response["Content-Type"].startswith("application/json"):
            return len(response.json())
        context = response.context
        search = context.get("search") if context else None
        return search.hits if search is not None else "?"
