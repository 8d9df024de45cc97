"""Funding's services for search (core.services): applying, and one's own applications.
Registered in wagtail_hooks.py; task words as in fabrikken/services.py.
"""

from django.utils.translation import gettext_lazy as _

from core.services import Service

PAGE = "funding.FundingIndexPage"

SERVICES = (
    Service(
        title=_("Apply for innovation funding"),
        page_type=PAGE,
        summary=_("The open funding calls first, each with its application form and deadline."),
        task_words=(
            "søknad",
            "søke",
            "søke midler",
            "søke om midler",
            "midler",
            "innovasjonsmidler",
            "støtte",
            "støtteordning",
            "tilskudd",
            "finansiering",
            "penger",
            "søknadsfrist",
            "utlysning",
        ),
    ),
    Service(
        title=_("My applications"),
        page_type=PAGE,
        route="my_applications",
        summary=_("The applications you have sent, and where each of them stands."),
        task_words=("mine søknader", "søknader", "søknadsstatus"),
    ),
)
