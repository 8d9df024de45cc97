"""Small builders for the objects tests need; each returns a saved object."""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from home.models import ContentPage, HomePage, Person

PASSWORD = "riktig-hest-batteri-stift"


def make_user(username="ansatt", groups=(), **fields):
    fields.setdefault("first_name", username.capitalize())
    fields.setdefault("last_name", "Testesen")
    user = get_user_model().objects.create_user(username=username, password=PASSWORD, **fields)
    for name in groups:
        user.groups.add(Group.objects.get(name=name))
    return user


def home_page():
    return HomePage.objects.get()


def make_person(**fields):
    fields.setdefault("name", "Innovasjonsrådgiver")
    fields.setdefault("role", "Rådgiver")
    fields.setdefault("unit", "Innovasjon og digitalisering")
    fields.setdefault("email", "innovasjon@eksempel.no")
    return Person.objects.create(**fields)


def make_content_page(parent=None, publish=True, **fields):
    parent = parent or home_page()
    fields.setdefault("title", "Hva er innovasjon?")
    fields.setdefault("intro", "Innovasjon er noe nytt som skaper verdi.")
    fields.setdefault(
        "body", [("paragraph", "<p>En idé blir ikke innovasjon før den er tatt i bruk.</p>")]
    )
    page = ContentPage(live=publish, **fields)
    parent.add_child(instance=page)
    revision = page.save_revision()
    if publish:
        revision.publish()
        page.refresh_from_db()
    return page
