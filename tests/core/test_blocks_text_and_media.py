"""The shared block library: the library as a whole, text, images, calls to action and video."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils.translation import gettext
from wagtail.embeds.exceptions import EmbedNotFoundException
from wagtail.models import Page

from core.blocks import media
from tests.core.conftest import BLOCK_NAMES, UNREACHABLE_VIDEO, render
from tests.helpers import page_html, soup, text_of, texts

# --- The library as a whole ----------------------------------------------------------


def test_body_block_has_the_blocks_in_order(body):
    assert list(body.child_blocks) == BLOCK_NAMES


@pytest.mark.parametrize("name", BLOCK_NAMES)
def test_every_block_is_previewable_and_described(body, name):
    block = body.child_blocks[name]
    assert block.is_previewable
    assert block.meta.icon and block.meta.icon != "placeholder"
    assert str(block.label)
    assert str(block.get_description())
    assert str(block.meta.group)
    assert block.meta.template == f"core/blocks/{name}.html"


@pytest.mark.django_db
@pytest.mark.parametrize("name", BLOCK_NAMES)
def test_every_preview_value_renders(body, name, person, document):
    block = body.child_blocks[name]
    html = block.render(block.get_preview_value())
    assert text_of(html), name


@pytest.mark.django_db
@pytest.mark.parametrize("name", ["image", "documents"])
def test_previews_without_a_picture_or_document_show_nothing(body, name):
    """With an empty library there is nothing to show: no broken picture, no empty list."""
    block = body.child_blocks[name]
    html = block.render(block.get_preview_value())

    assert soup(html).find(["img", "figure", "ul", "a"]) is None
    assert text_of(html) == ""


@pytest.mark.django_db
def test_the_contact_preview_without_people_shows_an_example_advisor(body):
    block = body.child_blocks["contact_person"]
    html = block.render(block.get_preview_value())

    assert texts(html, ".contact-card__name") == ["Innovasjonsrådgiveren"]
    assert [link["href"] for link in soup(html).select(".contact-card__channels a")] == [
        "mailto:innovasjon@eksempel.no"
    ]


@pytest.mark.django_db
@pytest.mark.parametrize("name", BLOCK_NAMES)
def test_the_block_picker_preview_uses_the_site_stylesheet(admin_client, body, name):
    block = body.child_blocks[name]
    url = reverse("wagtailadmin_block_preview")
    response = admin_client.get(url, {"id": block.definition_prefix})
    assert response.status_code == 200
    html = response.content.decode()
    assert "css/main.css" in html
    assert f'class="w-block-{name} block-{name}"' in html


@pytest.mark.django_db
def test_the_quote_preview_shows_the_quote(admin_client, body):
    block = body.child_blocks["quote"]
    url = reverse("wagtailadmin_block_preview")
    html = page_html(admin_client.get(url, {"id": block.definition_prefix}))
    assert '<figure class="quote">' in html
    assert "Intervjuene viste oss noe helt annet." in html


@pytest.mark.django_db
def test_body_renders_a_stream_of_blocks(body, image):
    stream = body.to_python(
        [
            {"type": "heading", "value": {"text": "Hva er innovasjon?", "level": "h2"}},
            {"type": "paragraph", "value": "<p>Innovasjon er gjennomført forandring.</p>"},
            {
                "type": "image",
                "value": {"image": image.pk, "alt_text": "Gule lapper på en vegg."},
            },
            {
                "type": "quote",
                "value": {"text": "Tenke det, tørre det, gjøre det.", "source": "Innovasjonsdagen"},
            },
            {
                "type": "info_box",
                "value": {"variant": "success", "text": "<p>Del det dere lærer.</p>"},
            },
        ]
    )
    html = stream.render_as_block()
    assert '<h2 id="hva-er-innovasjon">Hva er innovasjon?</h2>' in html
    assert "Innovasjon er gjennomført forandring." in html
    assert 'alt="Gule lapper på en vegg."' in html
    assert "Tenke det, tørre det, gjøre det." in html
    assert "Del det dere lærer." in html
    assert html.count('class="w-block-') == 5


# --- Text blocks ---------------------------------------------------------------------


def test_heading_takes_its_id_from_the_text_or_the_anchor(body):
    html = render(body, "heading", {"text": "Søknad og frister for 2022", "level": "h3"})
    assert '<h3 id="soknad-og-frister-for-2022">Søknad og frister for 2022</h3>' in html
    html = render(body, "heading", {"text": "Søknad", "level": "h2", "anchor": "frist"})
    assert '<h2 id="frist">Søknad</h2>' in html


def test_heading_anchor_must_be_a_slug(body):
    with pytest.raises(ValidationError):
        body.child_blocks["heading"].clean(
            body.child_blocks["heading"].normalize({"text": "Frist", "anchor": "to ord"})
        )


def test_paragraph_offers_no_headings(body):
    features = body.child_blocks["paragraph"].features
    assert set(features) == {"bold", "italic", "link", "document-link", "ol", "ul"}


def test_quote_renders_figure_with_source_and_role(body):
    html = render(
        body,
        "quote",
        {"text": "Vi lærte mest av testene.", "source": "Prosjektleder", "role": "Nattro"},
    )
    assert '<figure class="quote">' in html
    assert "<blockquote" in html and "Vi lærte mest av testene." in html
    assert "<figcaption" in html
    assert "Prosjektleder" in html and "Nattro" in html


def test_info_box_shows_its_kind_in_words(body):
    html = render(
        body,
        "info_box",
        {"variant": "warning", "heading": "Frist 1. april", "text": "<p>Søk i tide.</p>"},
    )
    assert "info-box--warning" in html
    assert gettext("Important") in text_of(html)
    assert "Frist 1. april" in html and "Søk i tide." in html


# --- Image ---------------------------------------------------------------------------


@pytest.mark.django_db
def test_image_renders_renditions_in_a_figure(body, image):
    html = render(
        body,
        "image",
        {
            "image": image,
            "alt_text": "Kolleger sorterer gule lapper.",
            "caption": "Idémyldring på Fabrikken.",
            "credit": "Stavanger kommune",
        },
    )
    assert "<figure" in html and "<figcaption" in html
    assert 'alt="Kolleger sorterer gule lapper."' in html
    assert 'loading="lazy"' in html
    picture = soup(html).find("img")
    assert picture["width"].isdigit() and picture["height"].isdigit()
    assert "srcset=" in html and "640w" in html and "1280w" in html and ".webp" in html
    assert "Idémyldring på Fabrikken." in html
    assert gettext("Photo: %(credit)s") % {"credit": "Stavanger kommune"} in text_of(html)


@pytest.mark.django_db
@pytest.mark.parametrize("alt_text", ["", "   ", None])
def test_image_without_alt_text_is_refused(body, image, alt_text):
    block = body.child_blocks["image"]
    value = block.normalize({"image": image, "alt_text": alt_text})
    with pytest.raises(ValidationError) as excinfo:
        block.clean(value)
    message = str(excinfo.value.block_errors["alt_text"].messages[0])
    assert message == gettext("Write an alternative text: describe what the image shows.")


@pytest.mark.django_db
def test_image_without_alt_text_is_refused_even_in_a_draft(body, image):
    stream = body.to_python([{"type": "image", "value": {"image": image.pk, "alt_text": ""}}])
    with pytest.raises(ValidationError):
        body.clean_deferred(stream)


@pytest.mark.django_db
def test_image_with_alt_text_is_accepted(body, image):
    block = body.child_blocks["image"]
    cleaned = block.clean(block.normalize({"image": image, "alt_text": "Gule lapper."}))
    assert cleaned["alt_text"] == "Gule lapper."


# --- Call to action ------------------------------------------------------------------


CTA = {"heading": "Søk om støtte", "text": "", "link_text": "Søk om innovasjonsmidler"}


@pytest.mark.django_db
def test_call_to_action_needs_a_link(body):
    block = body.child_blocks["call_to_action"]
    with pytest.raises(ValidationError) as excinfo:
        block.clean(block.normalize({**CTA, "link_page": None, "link_url": ""}))
    assert excinfo.value.non_block_errors


@pytest.mark.django_db
def test_call_to_action_refuses_both_links(body):
    block = body.child_blocks["call_to_action"]
    page = Page.objects.get(depth=2)
    value = block.normalize({**CTA, "link_page": page, "link_url": "https://www.ks.no/veikart"})
    with pytest.raises(ValidationError):
        block.clean(value)
    stream = body.to_python(
        [
            {
                "type": "call_to_action",
                "value": {**CTA, "link_page": page.pk, "link_url": "https://www.ks.no/veikart"},
            }
        ]
    )
    with pytest.raises(ValidationError):
        body.clean_deferred(stream)


@pytest.mark.django_db
def test_call_to_action_renders_a_button_link(body):
    block = body.child_blocks["call_to_action"]
    page = Page.objects.get(depth=2)
    value = block.clean(block.normalize({**CTA, "link_page": page, "link_url": ""}))
    html = block.render(value)
    assert '<div class="cta">' in html
    link = soup(html).find("a", string="Søk om innovasjonsmidler")
    assert "button--primary" in link["class"] and link["href"] == page.url
    value = block.clean(block.normalize({**CTA, "link_url": "https://www.ks.no/veikart"}))
    assert 'href="https://www.ks.no/veikart"' in block.render(value)


# --- Video ---------------------------------------------------------------------------


@pytest.mark.django_db
def test_video_without_embed_renders_a_plain_link(body):
    html = render(body, "video", {"url": UNREACHABLE_VIDEO, "title": "Opptak fra Innovasjonsdagen"})
    assert "<iframe" not in html
    assert f'href="{UNREACHABLE_VIDEO}"' in html
    text = text_of(html)
    assert gettext("Watch the video: %(title)s") % {"title": "Opptak fra Innovasjonsdagen"} in text
    assert gettext("(opens on %(host)s)") % {"host": "video.eksempel.invalid"} in text


@pytest.mark.django_db
def test_video_failure_is_cached(body, monkeypatch):
    calls = []

    def failing_get_embed(url, *args, **kwargs):
        calls.append(url)
        raise EmbedNotFoundException("provider is down")

    monkeypatch.setattr(media, "get_embed", failing_get_embed)
    for _attempt in range(3):
        html = render(body, "video", {"url": "https://www.youtube.com/watch?v=x", "title": "Film"})
        assert "youtube.com" in html
    assert calls == ["https://www.youtube.com/watch?v=x"]


@pytest.mark.django_db
def test_video_renders_even_when_the_lookup_crashes(body, monkeypatch):
    def crashing_get_embed(url, *args, **kwargs):
        raise RuntimeError("unexpected")

    monkeypatch.setattr(media, "get_embed", crashing_get_embed)
    html = render(body, "video", {"url": UNREACHABLE_VIDEO, "title": "Opptak"})
    assert f'href="{UNREACHABLE_VIDEO}"' in html


@pytest.mark.django_db
def test_video_with_embed_keeps_the_link(body, monkeypatch):
    class FakeEmbed:
        html = '<iframe title="Opptak" src="https://player.eksempel.no/1"></iframe>'

    monkeypatch.setattr(media, "get_embed", lambda url, *args, **kwargs: FakeEmbed())
    html = render(body, "video", {"url": UNREACHABLE_VIDEO, "title": "Opptak", "caption": "Kort"})
    assert FakeEmbed.html in html
    assert f'href="{UNREACHABLE_VIDEO}"' in html
    assert "Kort" in html
