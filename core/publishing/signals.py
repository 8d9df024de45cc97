from django.dispatch import receiver
from django.utils import timezone
from wagtail.signals import page_published

from core.models import ArchivedPage, ContentOwnershipMixin


@receiver(page_published)
def confirm_content_on_publish(sender, instance, **kwargs):
    """Publishing a version is a confirmation (and ends an archiving); a page without an
    owner gets its creator."""
    if not isinstance(instance, ContentOwnershipMixin):
        return
    ArchivedPage.objects.filter(page_id=instance.pk).delete()
    changes = {"last_confirmed_at": timezone.localdate()}
    if instance.content_owner_id is None and instance.owner_id is not None:
        changes["content_owner_id"] = instance.owner_id
    type(instance).objects.filter(pk=instance.pk).update(**changes)
    for field, value in changes.items():
        setattr(instance, field, value)
