"""What moves the cache's counters on: every change to what cached parts show.

Pages bump what depends on them (caching.scopes); everything else that pages show
(settings, snippets, images, documents, tags, sites, locales) bumps `site`, which
every scoped key names; view restrictions bump `navigation` (lists vary by audience
besides); groups and permissions `access`.
"""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.db.models.signals import (
    m2m_changed,
    post_delete,
    post_migrate,
    post_save,
    pre_delete,
    pre_save,
)
from django.dispatch import receiver
from taggit.models import Tag
from wagtail.contrib.settings.models import BaseSiteSetting
from wagtail.documents.models import AbstractDocument
from wagtail.images.models import AbstractImage
from wagtail.models import Locale, Page, PageViewRestriction, Site
from wagtail.signals import post_page_move
from wagtail.snippets.models import get_snippet_models

from caching import generation, scopes

# Renditions are deliberately absent: they are made while pages render.
SITE_MODELS = (Site, Locale, BaseSiteSetting, AbstractImage, AbstractDocument, Tag)
# Nothing can show one of these before it is saved: a new one changes nothing yet.
SHOWN_ONLY_ONCE_USED = (AbstractImage, AbstractDocument, Tag)


def changes_site(instance):
    return isinstance(instance, SITE_MODELS) or type(instance) in get_snippet_models()


@receiver(pre_save)
def page_about_to_change(sender, instance, update_fields=None, raw=False, **kwargs):
    if isinstance(instance, Page) and not raw:
        scopes.before_save(instance, update_fields)


def something_else_changed(instance, created=False):
    """A change to what pages show, or to who may do what: not a page itself."""
    if isinstance(instance, PageViewRestriction):
        generation.bump_content(generation.NAVIGATION, generation.SEARCH)
    elif changes_site(instance):
        if not (created and isinstance(instance, SHOWN_ONLY_ONCE_USED)):
            generation.bump_content(generation.SITE)
    elif isinstance(instance, Group | Permission):
        generation.bump_access()


@receiver(post_save)
def saved(sender, instance, created, update_fields=None, **kwargs):
    if isinstance(instance, Page):
        scopes.after_save(instance, created, update_fields)
    else:
        something_else_changed(instance, created)


@receiver(pre_delete)
def page_about_to_go(sender, instance, **kwargs):
    if isinstance(instance, Page):
        scopes.before_delete(instance)


@receiver(post_delete)
def deleted(sender, instance, **kwargs):
    if isinstance(instance, Page):
        scopes.after_delete(instance)
    else:
        something_else_changed(instance)


@receiver(post_page_move)
def page_moved(sender, instance, **kwargs):
    # New addresses for the page and everything under it; its section's lists change too.
    generation.bump_content(
        generation.NAVIGATION,
        generation.SEARCH,
        generation.type_scope(instance.specific_class or type(instance)),
    )


@receiver(m2m_changed)
def relations_changed(sender, instance, action, **kwargs):
    if not action.startswith("post_"):
        return
    user = get_user_model()
    if sender in (user.groups.through, user.user_permissions.through, Group.permissions.through):
        generation.bump_access()
    elif isinstance(instance, PageViewRestriction):
        generation.bump_content(generation.NAVIGATION, generation.SEARCH)
    elif isinstance(instance, Page):
        generation.bump_content(
            generation.SEARCH, generation.type_scope(instance.specific_class or type(instance))
        )
        scopes.renew_pages(instance, {instance.pk})
    elif changes_site(instance):
        generation.bump_content(generation.SITE)


@receiver(post_migrate)
def schema_changed(sender, app_config, **kwargs):
    """A deploy (migrate runs on each) may change templates, a restore may bring older
    counters: start afresh, past every key used before."""
    if app_config.name == "caching":
        generation.restart()
