"""What starts a new cache generation: every change to what cached parts show."""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.db.models.signals import m2m_changed, post_delete, post_migrate, post_save
from django.dispatch import receiver
from taggit.models import Tag
from wagtail.contrib.settings.models import BaseSiteSetting
from wagtail.documents.models import AbstractDocument
from wagtail.images.models import AbstractImage
from wagtail.models import Locale, Page, PageViewRestriction, Site
from wagtail.signals import post_page_move
from wagtail.snippets.models import get_snippet_models

from caching import generation

# Renditions are deliberately absent: they are made while pages render.
CONTENT_MODELS = (
    Page,
    PageViewRestriction,
    Site,
    Locale,
    BaseSiteSetting,
    AbstractImage,
    AbstractDocument,
    Tag,
)


def changes_content(instance):
    return isinstance(instance, CONTENT_MODELS) or type(instance) in get_snippet_models()


@receiver(post_save)
@receiver(post_delete)
def content_changed(sender, instance, **kwargs):
    if changes_content(instance):
        generation.bump(content=True)
    elif isinstance(instance, Group | Permission):
        generation.bump(access=True)


@receiver(post_page_move)
def page_moved(sender, **kwargs):
    generation.bump(content=True)


@receiver(m2m_changed)
def relations_changed(sender, instance, action, **kwargs):
    if not action.startswith("post_"):
        return
    user = get_user_model()
    if sender in (user.groups.through, user.user_permissions.through, Group.permissions.through):
        generation.bump(access=True)
    elif changes_content(instance):
        generation.bump(content=True)


@receiver(post_migrate)
def schema_changed(sender, app_config, **kwargs):
    """A deploy (migrate runs on each) may change templates: start afresh once."""
    if app_config.name == "caching":
        generation.bump(content=True, access=True)
