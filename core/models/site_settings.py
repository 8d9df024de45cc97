from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import MultiFieldPanel, PageChooserPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting


@register_setting(icon="cog")
class SectionSettings(BaseSiteSetting):
    """What the header and footer say about the section, editable without a deploy."""

    # The footer links both pages on every page: one query with the settings, not three.
    select_related = ("accessibility_page", "privacy_page")

    contact_email = models.EmailField(
        _("contact e-mail"),
        default="innovasjon@eksempel.no",
        help_text=_("Shown in the footer; where employees write with questions about innovation."),
    )
    footer_text = models.CharField(
        _("footer text"),
        max_length=255,
        blank=True,
        default="Fabrikken innovasjonsverksted, Sandvigå 7, Stavanger",
        help_text=_("One short line, such as the visiting address."),
    )
    intranet_url = models.URLField(
        _("main intranet address"),
        blank=True,
        help_text=_("The link back to the municipality's main intranet."),
    )
    intranet_label = models.CharField(
        _("main intranet link text"),
        max_length=80,
        blank=True,
        default="Til intranettet",
    )

    accessibility_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("accessibility statement"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Linked from the footer of every page."),
    )
    privacy_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("privacy page"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Linked from the footer of every page."),
    )

    panels = [
        "contact_email",
        "footer_text",
        MultiFieldPanel(["intranet_url", "intranet_label"], heading=_("Main intranet")),
        MultiFieldPanel(
            [PageChooserPanel("accessibility_page"), PageChooserPanel("privacy_page")],
            heading=_("Footer pages"),
        ),
    ]

    class Meta:
        # Moved from home/ without a schema change (core/migrations/0001_initial.py).
        db_table = "home_sectionsettings"
        verbose_name = _("section settings")
