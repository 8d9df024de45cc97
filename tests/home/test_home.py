"""The front page, content pages, navigation and the private-intranet gate."""

from unittest import mock

import pytest
from bs4 import BeautifulSoup
from django.core.exceptions import ValidationError
from django.db import OperationalError
from django.urls import reverse
from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from demo import factories
from home.models import ContentPage, ContentPageRelatedLink, HomePage
from tests.helpers import page_html

pytestmark = pytest.mark.django_db


def test_signed_in_employee_sees_the_front_page(employee_client, home):
    guide = factories.make_content_page(title="Hva er innovasjon?", show_in_menus=True)
    home.intro = "Inspirasjon og verktøy for innovasjonsarbeid."
    home.highlights.create(page=guide, description="Start med det grunnleggende.")
    home.save_revision().publish()

    response = employee_client.get("/")

    assert response.status_code == 200
    html = response.content.decode()
    assert '<html lang="nb">' in html
    assert "<h1" in html and "Innovasjon i Stavanger kommune" in html
    assert "Inspirasjon og verktøy for innovasjonsarbeid." in html
    assert "Start med det grunnleggende." in html
    assert 'href="/hva-er-innovasjon/"' in html
    assert "Hopp til hovedinnhold" in html
    assert "Kari Ansatt" in html
    assert "Logg ut" in html
    assert 'action="/sok/"' in html


def test_front_page_leaves_out_unpublished_highlights(employee_client, home):
    draft = factories.make_content_page(title="Kladd om kultur", publish=False)
    home.highlights.create(page=draft)
    home.save_revision().publish()

    html = page_html(employee_client.get("/"))

    assert "Kladd om kultur" not in html


def test_the_first_screen_offers_the_editors_buttons_and_only_pages_one_may_see(
    employee_client, home
):
    methods = factories.make_method_index()
    draft = factories.make_content_page(title="Kladd", publish=False)
    secret = factories.make_content_page(title="Hemmelig", slug="hemmelig")
    factories.restrict_to_groups(secret, "Hemmelig prosjekt")
    home.actions.create(page=methods, link_text="Finn en metode")
    home.actions.create(page=draft, link_text="Les kladden")
    home.actions.create(page=secret, link_text="Se hemmeligheten")
    home.highlights.create(page=secret)  # once a highlight the gate left out broke the page
    home.save_revision().publish()

    soup = BeautifulSoup(page_html(employee_client.get("/")), "html.parser")

    buttons = soup.select(".hero .hero__actions a")
    assert [(a.get_text(strip=True), a["href"], a["class"]) for a in buttons] == [
        ("Finn en metode", "/metoder/", ["button", "button--primary"])
    ]


def test_the_front_page_takes_at_most_three_buttons(admin_client, home):
    html = page_html(admin_client.get(f"/admin/pages/{home.pk}/edit/"))
    assert "Knapper under ingressen" in html
    assert 'name="actions-MAX_NUM_FORMS" value="3"' in html


def test_anonymous_visitor_is_sent_to_sign_in_and_back(client, home):
    page = factories.make_content_page()
    factories.make_user("kari")

    response = client.get(page.url)
    assert response.status_code == 302
    assert response["Location"] == f"{reverse('login')}?next={page.url}"

    sign_in = client.get(response["Location"])
    assert sign_in.status_code == 200
    assert "Logg inn" in sign_in.content.decode()

    signed_in = client.post(
        reverse("login"), {"username": "kari", "password": factories.PASSWORD, "next": page.url}
    )
    assert signed_in.status_code == 302
    assert signed_in["Location"] == page.url
    assert client.get(page.url).status_code == 200


def test_wrong_password_shows_a_norwegian_error_and_keeps_the_username(client, home):
    factories.make_user("kari")

    response = client.post(reverse("login"), {"username": "kari", "password": "feil"})

    html = response.content.decode()
    assert response.status_code == 200
    assert "<title>Feil: " in html
    assert "Noe må rettes før du kan logge inn" in html
    assert "Brukernavnet eller passordet er feil." in html
    assert 'value="kari"' in html
    assert "_auth_user_id" not in client.session


def test_empty_sign_in_says_what_to_fill_in(client, home):
    html = client.post(reverse("login"), {"username": "", "password": ""}).content.decode()

    assert "Skriv brukernavnet ditt." in html
    assert "Skriv passordet ditt." in html
    assert 'aria-invalid="true"' in html


@pytest.mark.parametrize(
    "url",
    [
        "/",
        "/admin/",
        "/sok/?q=metode",
        "/documents/1/arbeidsark.pdf",
        "/media/original_images/x.png",
    ],
)
def test_everything_but_sign_in_and_health_needs_a_signed_in_user(client, home, url):
    response = client.get(url)

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))


def test_sign_out_is_a_post_and_ends_the_session(employee_client):
    response = employee_client.post(reverse("logout"))

    assert response.status_code == 302
    assert response["Location"] == reverse("login")
    assert employee_client.get("/").status_code == 302


def test_healthz_answers_anonymously_when_the_database_answers(client):
    response = client.get("/healthz")

    assert response.status_code == 200
    assert response.content == b"ok\nmail queue: 0 waiting, 0 failed\n"


def test_healthz_answers_503_when_the_database_does_not(client):
    with mock.patch("intranet.views.mail_queue.state", side_effect=OperationalError("down")):
        response = client.get("/healthz")

    assert response.status_code == 503


def test_content_page_shows_its_parts(employee_client, home):
    person = factories.make_person(name="Innovasjonsrådgiver", phone="51 50 00 00")
    target = factories.make_content_page(title="Innovasjonskultur")
    page = factories.make_content_page(
        title="Hva er innovasjon?",
        intro="Noe nytt som skaper verdi.",
        contact_person=person,
    )
    page.related_links.create(link_page=target)
    page.related_links.create(link_url="https://www.ks.no/", title="KS om innovasjon")
    page.save_revision().publish()

    html = page_html(employee_client.get(page.url))

    assert "<title>Hva er innovasjon? – Innovasjon – Stavanger kommune</title>" in html
    assert "Noe nytt som skaper verdi." in html
    assert "En idé blir ikke innovasjon før den er tatt i bruk." in html
    assert "Innovasjonsrådgiver" in html and 'href="tel:51500000"' in html
    assert 'href="/innovasjonskultur/">Innovasjonskultur</a>' in html
    assert 'href="https://www.ks.no/">KS om innovasjon</a>' in html
    assert 'aria-label="Brødsmulesti"' in html
    assert 'aria-current="page">Hva er innovasjon?</a>' in html
    assert "Sist oppdatert" in html


def test_main_menu_lists_menu_pages_and_marks_the_current_one(employee_client, home):
    in_menu = factories.make_content_page(title="Innovasjonskultur", show_in_menus=True)
    factories.make_content_page(title="Personvern", show_in_menus=False)

    html = page_html(employee_client.get(in_menu.url))
    menu = html.split('aria-label="Hovedmeny"')[1].split("</nav>")[0]

    assert "Innovasjonskultur" in menu
    assert "Personvern" not in menu
    assert 'aria-current="page"' in menu


def test_unknown_address_gives_a_norwegian_404(employee_client, home):
    response = employee_client.get("/finnes-ikke/")

    assert response.status_code == 404
    assert "Vi finner ikke siden" in response.content.decode()


def test_english_is_available_through_the_browser_language(employee_client, home):
    html = page_html(employee_client.get("/", HTTP_ACCEPT_LANGUAGE="en"))

    assert '<html lang="en">' in html
    assert "Skip to main content" in html


def test_related_link_needs_exactly_one_target(home):
    with pytest.raises(ValidationError):
        ContentPageRelatedLink(title="Ingen mål").clean()
    with pytest.raises(ValidationError):
        ContentPageRelatedLink(link_page=home, link_url="https://www.ks.no/").clean()
    with pytest.raises(ValidationError):
        ContentPageRelatedLink(link_url="https://www.ks.no/").clean()


class TestPageTypeRules(WagtailPageTestCase):
    def test_home_page_sits_only_at_the_root_once(self):
        self.assertAllowedParentPageTypes(HomePage, {Page})
        self.assertEqual(HomePage.max_count, 1)
        self.assertFalse(HomePage.can_create_at(Page.get_first_root_node()))

    def test_content_pages_sit_under_the_home_page_only(self):
        self.assertAllowedParentPageTypes(ContentPage, {HomePage})
        self.assertAllowedSubpageTypes(ContentPage, set())
        self.assertCanCreateAt(HomePage, ContentPage)
        self.assertCanNotCreateAt(ContentPage, ContentPage)
        self.assertCanNotCreateAt(Page, ContentPage)

    def test_home_page_takes_content_pages(self):
        self.assertCanCreateAt(HomePage, ContentPage)


class TestEditorCreatesContentPage(WagtailPageTestCase):
    def setUp(self):
        self.login()
        self.home = HomePage.objects.get()

    def test_content_page_is_created_with_its_body(self):
        data = nested_form_data(
            {
                "title": "Innovasjonskultur",
                "slug": "innovasjonskultur",
                "intro": "Trygt å prøve noe nytt.",
                "body": streamfield(
                    [
                        ("heading", {"text": "Kultur og ledelse", "level": "h2", "anchor": ""}),
                        ("paragraph", rich_text("<p>Ledere gir rom.</p>")),
                    ]
                ),
                "related_links": inline_formset([]),
            }
        )

        self.assertCanCreate(self.home, ContentPage, data)

        page = ContentPage.objects.get(slug="innovasjonskultur")
        self.assertEqual(page.intro, "Trygt å prøve noe nytt.")
        self.assertEqual([block.block_type for block in page.body], ["heading", "paragraph"])
        self.assertEqual(page.body[0].value["text"], "Kultur og ledelse")


def test_signed_in_employee_gets_uploaded_images(employee_client, settings):
    folder = settings.MEDIA_ROOT / "original_images"
    folder.mkdir(parents=True)
    (folder / "verksted.png").write_bytes(b"\x89PNG\r\n\x1a\n")

    response = employee_client.get("/media/original_images/verksted.png")

    assert response.status_code == 200
    assert response["Content-Type"] == "image/png"
    # Kept a day by this employee's browser only, never by a shared proxy.
    assert response["Cache-Control"] == "private, max-age=86400"
