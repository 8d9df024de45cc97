"""The admin's Norwegian on the editor's path, without a browser.

The project catalogue fills and corrects Wagtail's Norwegian (msgids in
core/publishing/admin_translations.py and .js). The browser walk in
tests/e2e/test_admin_language.py checks every view as users see it; these
render a few of them with the test client so `make test` guards the words too.
"""

import gettext
import json
import re
from pathlib import Path

import pytest
import wagtail
from django.conf import settings
from django.urls import reverse
from django.utils.translation.trans_real import DjangoTranslation, translation

from core.publishing.admin_translations import QUOTED_NAME_MSGIDS, WAGTAIL_ADMIN_MSGIDS
from tests.core.conftest import submit_new_page

pytestmark = pytest.mark.django_db

TYPOS = [
    "Tiittel",
    "De må være minst",
    "Venter på din anmeldelse",
    "feks.",
    "URLer",
    "Send inn til",
]


def html(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return response.content.decode()


def assert_words(page, norwegian, english):
    missing = [word for word in norwegian if word not in page]
    present = [word for word in english + TYPOS if word in page]
    assert not missing and not present, f"missing: {missing}; English or typos: {present}"


def test_the_editor_reads_bokmal_in_the_page_editor(client, section, people):
    client.force_login(people["redaktor"])
    page = html(client, reverse("wagtailadmin_pages:add", args=("home", "contentpage", section.pk)))
    assert_words(
        page,
        norwegian=[
            "Automatisk lagring er satt på pause",
            "Tittel i søkeresultater",
            "Beskrivelse i søkeresultater",
            "for eksempel http://domene.no/blogg/",
            "Forhåndsvis i ny fane",
            "Om innholdet",
            "Lesetid",
            "Lesbarhet",
            "Slik regner vi",
            "Problemer funnet",
            "Send til godkjenning",
        ],
        english=[
            "Autosave is paused",
            "Title tag",
            "Meta description",
            "Preview in new tab",
            "Content metrics",
            "Reading time",
            "Readability",
            "This data explained",
            "Issues found",
            "Send til Godkjenning",
        ],
    )


def test_a_submitted_page_says_it_waits_for_approval_and_the_moderator_is_asked_to_approve(
    client, section, people
):
    client.force_login(people["redaktor"])
    submitted = submit_new_page(client, section)
    page = html(client, reverse("wagtailadmin_pages:edit", args=(submitted.pk,)))
    assert_words(
        page,
        norwegian=["Dette er en side som venter på godkjenning."],
        english=["awaiting moderation", "Only reviewers"],
    )
    history = html(client, reverse("wagtailadmin_pages:workflow_history", args=(submitted.pk,)))
    assert_words(history, norwegian=["Sendt inn av", "Startet"], english=["Requested by"])

    client.force_login(people["moderator"])
    dashboard = html(client, reverse("wagtailadmin_home"))
    assert_words(dashboard, norwegian=["Venter på din godkjenning"], english=["Privacy and access"])


def test_the_page_explorer_counts_in_bokmal(client, section, people):
    client.force_login(people["redaktor"])
    page = html(client, reverse("wagtailadmin_explore", args=(section.pk,)))
    assert re.search(r"\d+–\d+ av \d+ sider", page)
    assert not re.search(r"\d+-\d+ of \d+", page)
    assert_words(page, norwegian=["Søk …"], english=["Search…"])


def test_the_admin_javascript_gets_the_projects_bokmal(client, people):
    client.force_login(people["redaktor"])
    catalogue = html(client, reverse("wagtailadmin_javascript_catalog"))
    # The catalogue is JSON: non-ASCII letters come escaped.
    norwegian = ["Lukk alle", "Søk i valgene …", "Skriv noe, eller skriv «/»", "Sett inn en blokk"]
    assert_words(catalogue, [json.dumps(word)[1:-1] for word in norwegian], english=[])


@pytest.mark.parametrize(
    ("msgid", "bokmal"),
    [
        ("The page title as you'd like it to be seen by the public", "Tittelen på siden"),
        ("Awaiting your review", "Venter på din godkjenning"),
        ("The minimum number of items is %(min_num)d", "Minste antall elementer er"),
        ("Submit to %(workflow_name)s", "Send til %(workflow_name)s"),
    ],
)
def test_wagtails_own_norwegian_is_corrected(msgid, bokmal):
    """LOCALE_PATHS come before the apps' catalogues, so the project's msgstr wins."""
    assert translation("nb").gettext(msgid).startswith(bokmal)


def test_every_listed_msgid_is_in_the_project_catalogue():
    """What `make messages --no-obsolete` keeps is what the two lists name; each has Norwegian."""
    locale = Path(settings.LOCALE_PATHS[0])
    server = translation("nb")
    missing = [m for m in WAGTAIL_ADMIN_MSGIDS + QUOTED_NAME_MSGIDS if m not in server._catalog]
    javascript = DjangoTranslation("nb", domain="djangojs", localedirs=[str(locale)])
    js_source = (Path(settings.BASE_DIR) / "core/publishing/admin_translations.js").read_text()
    js_msgids = re.findall(r'^gettext\("((?:[^"\\]|\\.)*)"', js_source, re.MULTILINE)
    assert len(js_msgids) > 40
    missing += [m for m in js_msgids if m not in javascript._catalog]
    assert not missing, missing


def test_admin_messages_quote_names_with_guillemets():
    """«…» around a page's, image's or group's name, as everywhere else in bokmål: no
    message of Wagtail's puts a name in straight quotes (an attribute's
    href="%(url)s" is HTML, not a quote)."""
    straight = re.compile(r"""(?<!=)"%\(\w+\)[sd]"|'%\(\w+\)[sd]'""")
    catalogue = translation("nb")._catalog  # the project's msgstr wins over Wagtail's
    wagtails = set()
    for mo in Path(wagtail.__file__).parent.glob("**/locale/nb/LC_MESSAGES/django.mo"):
        with mo.open("rb") as handle:
            wagtails |= set(gettext.GNUTranslations(handle)._catalog)
    wagtails &= set(catalogue.keys())
    quoted = [catalogue[msgid] for msgid in wagtails if straight.search(catalogue[msgid])]
    assert not quoted, quoted
    published = translation("nb").gettext("Page '%(page_title)s' has been published.")
    assert published == "Siden «%(page_title)s» er publisert."
