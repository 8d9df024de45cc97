"""Fixtures and helpers the core tests share: the block library's fixtures, the workflow's people and the admin forms they send."""

import pytest
from django.core.files.base import ContentFile
from django.urls import reverse
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from core.blocks import BodyBlock
from core.models import Person
from core.publishing import roles
from demo import factories
from home.models import ContentPage


@pytest.fixture
def people(section):
    return {
        "ansatt": factories.make_user("ansatt", email="ansatt@eksempel.no"),
        "redaktor": factories.make_user(
            "redaktor", groups=[roles.EDITORS], email="redaktor@eksempel.no"
        ),
        "moderator": factories.make_user(
            "moderator", groups=[roles.MODERATORS], email="moderator@eksempel.no"
        ),
        "moderator2": factories.make_user(
            "moderator2", groups=[roles.MODERATORS], email="moderator2@eksempel.no"
        ),
        "admin": factories.make_user("admin", is_superuser=True, email="admin@eksempel.no"),
    }


def client_for(client, user):
    if user is not None:
        client.force_login(user)
    return client


def page_form(title, slug, **extra):
    return nested_form_data(
        {
            "title": title,
            "slug": slug,
            "intro": "En kort ingress om siden.",
            "body": streamfield([("paragraph", rich_text("<p>Innholdet på siden.</p>"))]),
            "related_links": inline_formset([]),
            "comments": inline_formset([]),
            "show_in_menus": "on",
            **extra,
        }
    )


def submit_new_page(client, parent, title="Ny side om kultur", slug="ny-side-om-kultur"):
    url = reverse("wagtailadmin_pages:add", args=("home", "contentpage", parent.pk))
    response = client.post(url, page_form(title, slug, **{"action-submit": "Send til godkjenning"}))
    assert response.status_code == 302, response.content[:2000]
    return ContentPage.objects.get(slug=slug)


def workflow_action(client, page, action, comment=""):
    page.refresh_from_db()
    task_state = page.current_workflow_task_state
    url = reverse("wagtailadmin_pages:workflow_action", args=(page.pk, action, task_state.pk))
    return client.post(url, {"comment": comment} if comment else {})


NBSP = "\u00a0"
UNREACHABLE_VIDEO = "https://video.eksempel.invalid/opptak"
BLOCK_NAMES = [
    "heading",
    "paragraph",
    "image",
    "quote",
    "call_to_action",
    "info_box",
    "video",
    "documents",
    "accordion",
    "key_figures",
    "contact_person",
    "table",
]


# --- The block library -----------------------------------------------------------------


@pytest.fixture
def body():
    return BodyBlock()


@pytest.fixture
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    return tmp_path


@pytest.fixture
def image(media_root):
    return get_image_model().objects.create(
        title="Idémyldring på Fabrikken",
        file=get_test_image_file(filename="idemyldring.png", size=(1600, 900)),
    )


@pytest.fixture
def document(media_root):
    document = get_document_model()(title="Mal for gevinstkart")
    document.file.save("gevinstkart.pdf", ContentFile(b"%PDF-1.4\n" + b"0" * 119_991), save=False)
    document.save()
    return document


@pytest.fixture
def person(image):
    return Person.objects.create(
        name="Innovasjonsrådgiveren",
        role="Rådgiver",
        unit="Innovasjon og digitalisering",
        email="innovasjon@eksempel.no",
        phone="+47 12 34 56 78",
        photo=image,
    )


def render(body, name, value):
    block = body.child_blocks[name]
    return block.render(block.normalize(value))
