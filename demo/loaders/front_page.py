"""The front page's buttons under the introduction, once every section's page exists.

The home loader runs first (the sign-ins and content pages come from it), so the tasks
the buttons lead to (methods, funding, Fabrikken) are only there at this point.
"""

from wagtail.models import Page

from demo import content
from home.models import HomePage

ACTIONS = content.read("home")["home"]["actions"]


def load(stdout=None):
    home = HomePage.objects.get()
    if home.actions.exists():
        return
    for action in ACTIONS:
        page = Page.objects.child_of(home).filter(slug=action["slug"]).first()
        if page is not None:
            home.actions.create(page=page, link_text=action["text"])
    home.save_revision().publish()
