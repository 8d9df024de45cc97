"""Demo content for the front page, the content pages and the demo sign-ins.

Written from ../shared/content-brief.md: facts about Stavanger kommune are
paraphrased from the annual reports; anything invented is marked as demo.
Every function looks things up before it creates them, so running the
loader twice changes nothing.
"""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management.base import CommandError
from wagtail.models import Site

from core.models import SectionSettings, StaffProfile
from core.publishing.roles import CASE_HANDLERS, EDITORS, MODERATORS, apply_roles
from demo import content
from demo.loaders import common
from home.models import ContentPage, HomePage

DEFAULT_DEMO_PASSWORD = "innovasjon-demo"

CONTENT = content.read("home")
GROUPS = {"editors": EDITORS, "moderators": MODERATORS, "case_handlers": CASE_HANDLERS}
DEMO_USERS = [
    # username, first name, last name, superuser, Wagtail group
    (
        user["username"],
        user["first_name"],
        user["last_name"],
        user["superuser"],
        GROUPS[user["group"]] if "group" in user else None,
    )
    for user in CONTENT["users"]
]
# Where each demo user works (their StaffProfile), shown in the content owner chooser.
DEMO_PROFILES = {
    user["username"]: {"unit": user["unit"], "service_area": user["service_area"]}
    for user in CONTENT["users"]
}


def _page_spec(spec):
    """A content page as the loader uses it: the body as (type, value) blocks."""
    return {**spec, "body": common.blocks(spec["body"])}


def demo_password():
    return settings.DEMO_PASSWORD or DEFAULT_DEMO_PASSWORD


def load(stdout=None):
    home = HomePage.objects.get()
    apply_roles(home)
    users = create_users()
    advisor = common.person(CONTENT["advisor"])
    what = _content_page(home, WHAT_IS_INNOVATION, contact=advisor)
    culture = _content_page(home, INNOVATION_CULTURE, contact=advisor)
    accessibility = _content_page(home, ACCESSIBILITY, in_menu=False)
    privacy = _content_page(home, PRIVACY, in_menu=False)
    _front_page(home, highlights=[what, culture])
    _section_settings(home, accessibility=accessibility, privacy=privacy)
    _page_awaiting_approval(home, author=users["redaktor"])


def create_users():
    password = demo_password()
    if password == DEFAULT_DEMO_PASSWORD and not settings.DEBUG:
        raise CommandError(
            "Refusing to create demo users with the default password while DEBUG is off. "
            "Set DEMO_PASSWORD to a password of your own."
        )
    User = get_user_model()
    users = {}
    for username, first_name, last_name, is_superuser, group_name in DEMO_USERS:
        user, created = User.objects.get_or_create(
            username=username,
            defaults={
                "first_name": first_name,
                "last_name": last_name,
                "email": f"{username}@eksempel.no",
                "is_superuser": is_superuser,
                "is_staff": is_superuser,
            },
        )
        if created:
            user.set_password(password)
            user.save(update_fields=["password"])
        if group_name:
            user.groups.add(Group.objects.get(name=group_name))
        StaffProfile.objects.get_or_create(user=user, defaults=DEMO_PROFILES[username])
        users[username] = user
    return users


def _page_awaiting_approval(home, author):
    """A draft the editor has submitted, so a moderator has something to approve at once."""
    if home.get_children().filter(slug=BENEFITS["slug"]).exists():
        return
    page = ContentPage(
        title=BENEFITS["title"],
        slug=BENEFITS["slug"],
        intro=BENEFITS["intro"],
        body=BENEFITS["body"],
        show_in_menus=True,
        live=False,
        owner=author,
        content_owner=author,
    )
    home.add_child(instance=page)
    page.save_revision(user=author)
    page.get_workflow().start(page, author)


def _content_page(home, spec, contact=None, in_menu=True):
    existing = home.get_children().filter(slug=spec["slug"]).first()
    if existing is not None:
        return existing.specific
    page = ContentPage(
        title=spec["title"],
        slug=spec["slug"],
        intro=spec["intro"],
        body=spec["body"],
        show_in_menus=in_menu,
        contact_person=contact,
        search_description=spec["intro"],
    )
    home.add_child(instance=page)
    page.save_revision().publish()
    return page


def _front_page(home, highlights):
    if home.highlights.exists():
        return
    home.title = CONTENT["home"]["title"]
    home.intro = HOME_INTRO
    home.body = HOME_BODY
    for page in highlights:
        home.highlights.create(page=page)
    home.save_revision().publish()


def _section_settings(home, accessibility, privacy):
    site = Site.objects.get(root_page=home)
    section = SectionSettings.for_site(site)
    if section.accessibility_page_id is None:
        section.accessibility_page = accessibility
        section.privacy_page = privacy
        section.save()


HOME_INTRO = CONTENT["home"]["intro"]
HOME_BODY = common.blocks(CONTENT["home"]["body"])
WHAT_IS_INNOVATION = _page_spec(CONTENT["pages"]["what_is_innovation"])
INNOVATION_CULTURE = _page_spec(CONTENT["pages"]["innovation_culture"])
BENEFITS = _page_spec(CONTENT["pages"]["benefits"])
ACCESSIBILITY = _page_spec(CONTENT["pages"]["accessibility"])
PRIVACY = _page_spec(CONTENT["pages"]["privacy"])
