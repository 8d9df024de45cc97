"""The shared block library: documents, structure (accordion, key figures, tables), contacts and the helpers."""

import pytest
from django.core.exceptions import ValidationError
from django.utils.translation import gettext

from core.blocks.common import host_name, human_file_size, make_anchor, tel_href
from tests.core.conftest import NBSP, render
from tests.helpers import soup, text_of, texts

# --- Documents -----------------------------------------------------------------------


@pytest.mark.django_db
def test_documents_show_type_and_size(body, document):
    html = render(body, "documents", {"heading": "Maler", "documents": [document]})
    text = text_of(html)
    assert "<h2" in html and "Maler" in text
    assert f'href="{document.url}"' in html
    assert gettext("Download %(title)s") % {"title": "Mal for gevinstkart"} in text
    assert f"(PDF, 120{NBSP}kB)" in text


@pytest.mark.django_db
def test_documents_need_at_least_one(body):
    block = body.child_blocks["documents"]
    with pytest.raises(ValidationError):
        block.clean(block.normalize({"heading": "Maler", "documents": []}))


# --- Structure -----------------------------------------------------------------------


def test_accordion_renders_details_under_a_heading(body):
    html = render(
        body,
        "accordion",
        {
            "heading": "Spørsmål og svar",
            "items": [{"question": "Kan vi søke om lønn?", "answer": "<p>Ja.</p>"}],
        },
    )
    assert '<h2 class="accordion__heading">Spørsmål og svar</h2>' in html
    assert texts(html, "details > summary") == ["Kan vi søke om lønn?"]
    assert "<p>Ja.</p>" in html


def test_key_figures_put_the_label_before_the_number(body):
    html = render(
        body,
        "key_figures",
        {
            "heading": "Resultater",
            "figures": [{"value": f"30{NBSP}%", "label": "færre fall blant brukerne"}],
            "note": "2021. Kilde: demo.",
        },
    )
    assert '<dl class="key-figures">' in html
    label = soup(html).find("dt")
    assert label.get_text() == "færre fall blant brukerne"
    assert label.find_next_sibling().name == "dd"
    assert label.find_next_sibling().get_text() == "30\xa0%"
    assert "2021. Kilde: demo." in html


def test_table_renders_caption_and_header_cells(body):
    block = body.child_blocks["table"]
    html = block.render(block.get_preview_value())
    caption = soup(html).find("caption")
    assert caption.get_text().startswith("Støtteordninger og søknads")
    assert soup(html).find(attrs={"aria-labelledby": caption["id"]}) is not None
    assert 'class="table-scroll" role="region" tabindex="0"' in html
    assert html.count('<th scope="col"') == 3
    assert "<td" in html and "Prøv det!" in html


def test_table_first_column_can_be_row_headers(body):
    html = render(
        body,
        "table",
        {
            "caption": "Frister",
            "table": {
                "table_header_choice": "both",
                "first_row_is_table_header": True,
                "first_col_is_header": True,
                "data": [["Ordning", "Frist"], ["Prøv det!", "Løpende"]],
            },
        },
    )
    assert '<th scope="row"' in html and "Prøv det!" in html


# --- Contact -------------------------------------------------------------------------


@pytest.mark.django_db
def test_contact_person_card(body, person):
    html = render(body, "contact_person", {"heading": "Kontaktperson", "person": person})
    text = text_of(html)
    assert "Kontaktperson" in text and "Innovasjonsrådgiveren" in text
    assert "Rådgiver" in text and "Innovasjon og digitalisering" in text
    assert 'href="mailto:innovasjon@eksempel.no"' in html
    assert 'href="tel:+4712345678"' in html
    photo = soup(html).find("img")
    assert (photo["width"], photo["height"], photo["alt"]) == ("96", "96", "")


def test_contact_person_heading_defaults_to_kontaktperson(body):
    default = body.child_blocks["contact_person"].get_default()
    assert default["heading"] == "Kontaktperson"


# --- Helpers -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("size", "expected"),
    [
        (None, ""),
        (512, f"512{NBSP}B"),
        (120_000, f"120{NBSP}kB"),
        (999_700, f"1,0{NBSP}MB"),
        (1_400_000, f"1,4{NBSP}MB"),
        (12_300_000, f"12{NBSP}MB"),
    ],
)
def test_human_file_size(size, expected):
    assert human_file_size(size) == expected


def test_small_helpers():
    assert make_anchor("Økonomi, ærlighet og åpenhet") == "okonomi-aerlighet-og-apenhet"
    assert host_name("https://www.youtube.com/watch?v=1") == "youtube.com"
    assert host_name("not a url") == ""
    assert tel_href("51 50 70 90") == "51507090"
