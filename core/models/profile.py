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


# Form fields editors name like this are prefilled from the profile (a funding call's
# form is built by its editors; the section's own forms name the fields in code).
PROFILE_FIELD_LABELS = {"tjenesteområde": "service_area", "enhet": "unit"}


def work_place(user):
    """{"service_area": …, "unit": …}: what the user's profile knows, for forms to prefill.

    One query; empty values and a missing profile give nothing to prefill.
    """
    if user is None or not user.is_authenticated:
        return {}
    known = StaffProfile.objects.filter(user=user).values("service_area", "unit").first() or {}
    return {name: value for name, value in known.items() if value}
