from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class StaffProfile(models.Model):
    """What the municipality knows about an employee beyond the sign-in: where they work.

    The content owner chooser shows the unit beside the name, so an editor can tell two
    people of the same name apart; forms may prefill from it (issue #20). Kept beside
    Django's user (not a custom user model) so the sign-in and the permissions stay as
    they are.
    """

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("user"),
        on_delete=models.CASCADE,
        related_name="staff_profile",
    )
    unit = models.CharField(
        _("unit"),
        max_length=160,
        blank=True,
        help_text=_("The department or service the person works in."),
    )
    service_area = models.CharField(
        _("service area"),
        max_length=120,
        blank=True,
        help_text=_("For example «Helse og velferd»."),
    )

    class Meta:
        verbose_name = _("staff profile")
        verbose_name_plural = _("staff profiles")

    def __str__(self):
        return f"{self.user.get_full_name() or self.user.get_username()}, {self.unit}"
