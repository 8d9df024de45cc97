"""The «Steg» tab: a new method opens with one empty step and a labelled «Legg til steg»,
errors come only on save, and each step may have an image with its alternative text
(methods/blocks.py)."""

import json

import pytest
from django.urls import reverse
from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from demo import factories
from methods.blocks import StepsBlock
from methods.models import MethodPage, Phase
from tests.helpers import page_html, soup

pytestmark = pytest.mark.django_db


@pytest.fixture
def index(home):
    factories.make_phases()
    return factories.make_method_index()


@pytest.fixture
def photo(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    return get_image_model().objects.create(
        title="Lapper på veggen", file=get_test_image_file(filename="lapper.png", size=(1200, 800))
    )


def add_url(index):
    return reverse("wagtailadmin_pages:add", args=("methods", "methodpage", index.pk))


def steps_widget(response):
    """The «Steg» StreamField's block widget: its definition and its [state, error] arguments."""
    for element in soup(page_html(response)).select("[data-w-block-arguments-value]"):
        definition = element["data-w-block-data-value"]
        if "methods.blocks.StepsBlock" in definition:
            return json.loads(definition), json.loads(element["data-w-block-arguments-value"])
    raise AssertionError("no steps widget")


def method_form(steps, **extra):
    phase = Phase.objects.get(slug="forsta")
    return nested_form_data(
        {
            "title": "Skygging",
            "slug": "skygging",
            "summary": "Følg en kollega gjennom en vanlig oppgave.",
            "hero_image_alt": "",
            "phases": str(phase.pk),
            "tags": "",
            "duration": "halv-dag",
            "duration_detail": "",
            "participants_min": 1,
            "participants_max": 2,
            "difficulty": "middels",
            "materials": "",
            "when_to_use": rich_text("<p>Når rutinen og praksisen er ulike.</p>"),
            "outcome": rich_text("<p>Konkrete observasjoner.</p>"),
            "steps": streamfield(steps),
            "resources": inline_formset([]),
            "related_methods": inline_formset([]),
            "contact_person": "",
            "search_description": "",
            "seo_title": "",
            **extra,
        }
    )


def step(title="", description="", image="", image_alt=""):
    return (
        "step",
        {
            "title": title,
            "description": rich_text(description) if description else rich_text(""),
            "tip": "",
            "duration": "",
            "image": image,
            "image_alt": image_alt,
        },
    )


def test_a_new_method_opens_with_one_empty_step_a_labelled_button_and_no_error(
    redaktor_client, index
):
    response = redaktor_client.get(add_url(index))

    definition, (state, error) = steps_widget(response)
    assert [child["type"] for child in state] == ["step"]
    assert not state[0]["value"]["title"]
    assert error is None
    assert "Legg til steg" in json.dumps(definition, ensure_ascii=False)
    assert "methods/admin/steps-block.js" in page_html(response)
    html = soup(page_html(response))
    assert not html.select(".error-message, .help-critical, .w-field--error")


def test_an_untouched_step_is_left_out_of_a_draft_and_submitting_asks_for_one(
    redaktor_client, index
):
    response = redaktor_client.post(add_url(index), method_form([step()]))
    assert response.status_code == 302, steps_widget(response)[1]
    page = MethodPage.objects.get(slug="skygging")
    assert list(page.get_latest_revision_as_object().steps) == []

    edit = reverse("wagtailadmin_pages:edit", args=[page.pk])
    response = redaktor_client.post(
        edit, method_form([step()], **{"action-submit": "Send til godkjenning"})
    )
    assert response.status_code == 200
    _definition, (_state, error) = steps_widget(response)
    assert error["messages"] == ["Skriv minst ett steg: det gruppa gjør først."]
    assert not page.get_latest_revision_as_object().workflow_in_progress


def test_an_image_without_alternative_text_is_refused_in_norwegian_and_the_input_kept(
    redaktor_client, index, photo
):
    form = method_form([step("Samle gruppa", "<p>Alle møtes i rommet.</p>", image=photo.pk)])
    response = redaktor_client.post(add_url(index), form)

    assert response.status_code == 200
    assert not MethodPage.objects.filter(slug="skygging").exists()
    _definition, (state, error) = steps_widget(response)
    assert "Skriv en alternativ tekst: beskriv hva bildet viser." in json.dumps(
        error, ensure_ascii=False
    )
    assert state[0]["value"]["title"] == "Samle gruppa"
    assert state[0]["value"]["image"]["id"] == photo.pk


def test_a_step_with_an_image_and_its_text_is_saved(redaktor_client, index, photo):
    form = method_form(
        [step("Samle gruppa", "<p>Alle møtes.</p>", image=photo.pk, image_alt="Gule lapper.")]
    )
    response = redaktor_client.post(add_url(index), form)
    assert response.status_code == 302
    page = MethodPage.objects.get(slug="skygging").get_latest_revision_as_object()
    assert page.steps[0].value["image"] == photo
    assert page.steps[0].value["image_alt"] == "Gule lapper."


def test_a_step_shows_its_image_with_its_alternative_text(employee_client, index, photo):
    page = factories.make_method(
        index,
        steps=[
            (
                "step",
                {
                    "title": "Heng opp lappene",
                    "description": "<p>Sorter dem i grupper.</p>",
                    "image": photo,
                    "image_alt": "Gule lapper sortert i fire grupper på en vegg.",
                },
            )
        ],
    )
    html = soup(page_html(employee_client.get(page.url)))
    images = html.select("ol.steps li img")
    assert len(images) == 1
    assert images[0]["alt"] == "Gule lapper sortert i fire grupper på en vegg."
    assert "/images/" in images[0]["src"] or "lapper" in images[0]["src"]


def test_steps_saved_before_images_existed_still_load_and_render(employee_client, index):
    """Existing steps have no image keys: the new optional fields take their defaults."""
    page = factories.make_method(index)
    value = StepsBlock().to_python(
        [{"type": "step", "value": {"title": "Gammel", "description": "<p>x</p>"}}]
    )
    assert value[0].value["image"] is None
    assert not value[0].value["image_alt"]
    assert employee_client.get(page.url).status_code == 200


def test_an_error_stays_on_its_step_after_an_untouched_one(redaktor_client, index, photo):
    form = method_form([step(), step("Samle gruppa", "<p>Alle møtes.</p>", image=photo.pk)])
    response = redaktor_client.post(add_url(index), form)

    assert response.status_code == 200
    _definition, (state, error) = steps_widget(response)
    assert [child["value"]["title"] or "" for child in state] == ["", "Samle gruppa"]
    assert list(error["blockErrors"]) == ["1"]
