"""Plain language (språklova § 9): the LIX helper for editors and moderators (core/readability.py).

LIX = words / sentences + 100 × long words / words; a long word has more than six letters.
"""

from unittest import mock

import pytest
from django.contrib.auth import get_user_model
from django.http import HttpResponse
from django.urls import reverse
from wagtail.models import Page

from core import readability
from methods.models import MethodPage
from tests.helpers import soup, text_at

# Each row: text, words, sentences, long words, LIX (rounded). The counts by hand:
SCORES = [
    # 4 words, 1 sentence, 0 long: 4/1 + 0 = 4.
    ("Vi lager en plan.", 4, 1, 0, 4),
    # 7 words, 2 sentences; long: «innovasjon» (10 letters), «hjelper» (7), «kommunen» (8):
    # 7/2 + 100·3/7 = 3.5 + 42.9 = 46.4.
    ("Vi jobber med innovasjon. Det hjelper kommunen.", 7, 2, 3, 46),
    # Abbreviations do not end a sentence, nor «kl. 10.00» or «3,5» (numbers are words without
    # letters, never long). 7 + 10 = 17 words, 2 sentences («… Sandvigå 7.» and «Ta med …»);
    # long: «Sandvigå» (8), «Post-it-lapper» (12; «f.eks.» has 4): 17/2 + 100·2/17 = 8.5 + 11.8.
    (
        "Vi møtes kl. 10.00 i Sandvigå 7. Ta med f.eks. Post-it-lapper, bl.a. penner, ca. 3,5 "
        "liter kaffe.",
        17,
        2,
        2,
        20,
    ),
    # «osv.» ends a sentence before a capital, not before «og»; «nr. 2.» is no end before «2».
    # 7 + 4 = 11 words, 2 sentences, long: «starter» (7): 11/2 + 100·1/11 = 5.5 + 9.1 = 14.6.
    ("Ta med penn, papir osv. og kaffe. Vi starter nr. 2.", 11, 2, 1, 15),
    # Quotes: «?» inside «» before a lowercase word goes on; a «.» inside «» before a capital
    # ends. 10 words, 3 sentences, long: «trenger» (7): 10/3 + 100·1/10 = 3.33 + 10 = 13.
    ("«Hva trenger vi?» spurte hun. «Mer tid.» Så gikk vi.", 10, 3, 1, 13),
    # A colon ends a sentence only before a capital: «Tid: 10 min.» (3 words), «Tre ting:» (2),
    # «Penn og papir.» (3): 8 words, 3 sentences, none long: 8/3 = 2.7.
    ("Tid: 10 min. Tre ting: Penn og papir.", 8, 3, 0, 3),
    # A date's «1.» is no end: 4 words, 1 sentence: 4.
    ("Møtet er 1. mars.", 4, 1, 0, 4),
    # Paragraphs (blank lines) end sentences without a full stop: list items and headings.
    # 4 + 2 + 2 = 8 words, 3 sentences, long: «metoden» (7): 8/3 + 100·1/8 = 2.7 + 12.5 = 15.2.
    ("Slik bruker du metoden\n\nEn plan\n\nEt kart", 8, 3, 1, 15),
]


@pytest.mark.parametrize(("text", "words", "sentences", "long_words", "lix"), SCORES)
def test_lix_of_a_table_of_texts(text, words, sentences, long_words, lix):
    result = readability.score_text(text, target_lix=40)
    assert (result.words, result.sentences, result.long_words, result.lix) == (
        words,
        sentences,
        long_words,
        lix,
    ), [sentence.text for sentence in result.longest]


def test_no_text_has_no_lix():
    result = readability.score_text("  – ")
    assert (result.lix, result.level, result.meets_target, result.longest) == (
        None,
        None,
        False,
        (),
    )


def test_levels_and_the_target():
    # 10 words in one sentence: 10; 20 long words in one sentence: 20 + 100 = 120.
    easy = readability.score_text("en to tre fire fem seks sju åtte ni ti", target_lix=40)
    hard = readability.score_text(" ".join(["innovasjonsarbeid"] * 20) + ".", target_lix=40)
    assert (easy.lix, easy.level, easy.meets_target) == (10, "very_easy", True)
    assert (hard.lix, hard.level, hard.meets_target) == (120, "very_hard", False)


def test_the_three_longest_sentences_come_longest_first():
    result = readability.score_text("En to. En to tre fire. En. En to tre. En to tre fire fem.")
    assert [(sentence.text, sentence.words) for sentence in result.longest] == [
        ("En to tre fire fem.", 5),
        ("En to tre fire.", 4),
        ("En to tre.", 3),
    ]


def test_the_text_is_the_main_element_without_navigation_forms_or_page_meta():
    html = """<html><body><nav>Meny</nav><header>Stavanger kommune</header>
        <main><h1>Brukerreise</h1><p class="meta page-meta">Sist oppdatert i går</p>
        <ul><li>Ett <strong>punkt</strong></li><li>To punkt</li></ul>
        <span class="visually-hidden">Steg</span><form><label>Søk</label></form>
        <div>Innledning <p>Et avsnitt. Et til.</p> slutt</div><!-- kommentar --></main>
        <footer>Bunntekst</footer></body></html>"""
    assert readability.text_blocks(html) == [
        "Brukerreise",
        "Ett punkt",
        "To punkt",
        "Innledning",
        "Et avsnitt. Et til.",
        "slutt",
    ]
    # Six blocks, the paragraph two sentences: 7 sentences of 1 + 2 + 2 + 1 + 4 + 1 = 11 words.
    result = readability.score_html(html, target_lix=40)
    assert (result.words, result.sentences) == (11, 7)


# --- In the admin, on the demo ----------------------------------------------------------------


def _user(username):
    return get_user_model().objects.get(username=username)


@pytest.mark.django_db
def test_the_editor_sees_lix_target_and_longest_sentences_in_the_checks_panel(demo, client):
    method = MethodPage.objects.get(title="Interessentanalyse")
    client.force_login(_user("redaktor"))
    response = client.get(reverse("wagtailadmin_pages:edit", args=(method.pk,)))
    assert response.status_code == 200

    panel = soup(response).select_one("[data-side-panel='checks'] [data-readability]")
    assert panel is not None
    expected = readability.score_page(method, response.wsgi_request)
    assert expected.words > 50
    heading = text_at(str(panel), "h2")
    assert heading == "Klarspråk (LIX)"
    assert text_at(str(panel), "[data-readability-lix]").startswith(f"LIX {expected.lix} –")
    target = text_at(str(panel), "[data-readability-target]")
    assert "LIX 40" in target
    assert "Beregnet fra sist lagrede versjon." in panel.get_text()
    longest = [
        item.get_text(" ", strip=True) for item in panel.select("[data-readability-longest] li")
    ]
    assert len(longest) == 3
    first = expected.longest[0]
    assert longest[0] == f"«{first.text}» ({first.words} ord)"
    assert "publisering" in panel.get_text()


@pytest.mark.django_db
def test_the_panel_follows_the_latest_saved_draft(demo, client):
    method = MethodPage.objects.get(title="Interessentanalyse")
    before = readability.score_page(method, None)
    draft = method.get_latest_revision_as_object()
    draft.when_to_use = "<p>" + " ".join(["Innovasjonsarbeidet"] * 60) + "</p>"
    draft.save_revision(user=_user("redaktor"))
    after = readability.score_page(Page.objects.get(pk=method.pk).specific, None)
    assert after.lix > before.lix
    assert after.longest[0].words >= 60


@pytest.mark.django_db
def test_the_moderator_sees_lix_when_approving(demo, client):
    waiting = next(page for page in Page.objects.all() if page.workflow_in_progress)
    task_state = waiting.current_workflow_task_state
    client.force_login(_user("moderator"))
    for action in ("approve", "reject"):
        url = reverse(
            "wagtailadmin_pages:workflow_action", args=(waiting.pk, action, task_state.pk)
        )
        response = client.get(url, HTTP_X_REQUESTED_WITH="XMLHttpRequest")
        assert response.status_code == 200
        html = response.json()["html"]
        assert "Klarspråk (LIX)" in html
        expected = readability.score_revision(task_state.revision, None)
        assert f"LIX {expected.lix}" in text_at(html, "[data-readability-lix]")
        assert "LIX 40" in text_at(html, "[data-readability-target]")
        assert "<textarea" in html  # Wagtail's comment form is still there


@pytest.mark.django_db
def test_a_page_above_the_target_is_still_approved(demo, client, settings):
    settings.READABILITY_TARGET_LIX = 5
    waiting = next(page for page in Page.objects.all() if page.workflow_in_progress)
    client.force_login(_user("moderator"))
    task_state = waiting.current_workflow_task_state
    assert not readability.score_revision(task_state.revision, None).meets_target
    url = reverse("wagtailadmin_pages:workflow_action", args=(waiting.pk, "approve", task_state.pk))
    assert client.post(url, {"comment": ""}).status_code == 302
    assert Page.objects.get(pk=waiting.pk).live


@pytest.mark.django_db
def test_the_moderator_sees_it_in_the_editor_of_a_page_awaiting_approval(demo, client):
    waiting = next(page for page in Page.objects.all() if page.workflow_in_progress)
    client.force_login(_user("moderator"))
    response = client.get(reverse("wagtailadmin_pages:edit", args=(waiting.pk,)))
    panel = soup(response).select_one("[data-side-panel='checks'] [data-readability]")
    assert panel is not None
    assert text_at(str(panel), "[data-readability-lix]").startswith("LIX ")


@pytest.mark.django_db
def test_a_new_page_asks_for_a_save_first(demo, client):
    index = Page.objects.get(slug="metoder")
    client.force_login(_user("redaktor"))
    response = client.get(
        reverse("wagtailadmin_pages:add", args=("methods", "methodpage", index.pk))
    )
    assert response.status_code == 200
    panel = soup(response).select_one("[data-readability]")
    assert "Lagre som kladd for å se sidens LIX." in panel.get_text()


@pytest.mark.django_db
def test_a_page_that_does_not_render_leaves_the_editor_working(demo, client):
    method = MethodPage.objects.get(title="Interessentanalyse")
    client.force_login(_user("redaktor"))
    with mock.patch.object(MethodPage, "make_preview_request", side_effect=ValueError("broken")):
        response = client.get(reverse("wagtailadmin_pages:edit", args=(method.pk,)))
    assert response.status_code == 200
    panel = soup(response).select_one("[data-readability]")
    assert "Siden har ingen tekst å måle" in panel.get_text()
    assert panel.select_one("[data-readability-lix]") is None


@pytest.mark.django_db
def test_a_preview_that_is_not_a_page_has_no_score(demo):
    method = MethodPage.objects.get(title="Interessentanalyse")
    with mock.patch.object(
        MethodPage, "make_preview_request", return_value=HttpResponse(status=404)
    ):
        assert readability.score_page(method, None) is None
    assert readability.score_page(MethodPage(title="Ny"), None) is None
