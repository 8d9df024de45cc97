"""Fabrikken's services for search (core.services): booking a room, asking for guidance,
and the employee's own bookings and requests. Registered in wagtail_hooks.py.

The task words are what employees type for the task, in bokmål, whatever the
interface language: search matches them by their stems, so «booke» also covers
«booker», and a compound that ends with one («prosessveiledning») counts too.
"""

from django.utils.translation import gettext_lazy as _

from core.services import Service

PAGE = "fabrikken.FabrikkenPage"

SERVICES = (
    Service(
        title=_("Book a room at Fabrikken"),
        page_type=PAGE,
        route="booking",
        summary=_("See the free times in Fabrikken's rooms and book one for your meeting."),
        task_words=(
            "book rom",
            "booke",
            "booking",
            "bestille rom",
            "reservere rom",
            "rom",
            "møterom",
            "rombooking",
            "rombestilling",
            "romreservasjon",
            "grupperom",
            "verksted",
            "lokale",
            "leie rom",
            "ledige rom",
        ),
    ),
    Service(
        title=_("Ask for guidance"),
        page_type=PAGE,
        route="guidance",
        summary=_(
            "Ask Fabrikken for process guidance, a facilitated workshop, a course "
            "or feedback on an application."
        ),
        task_words=(
            "veiledning",
            "veileder",
            "hjelp",
            "få hjelp",
            "råd",
            "rådgivning",
            "prosessveiledning",
            "prosesshjelp",
            "fasilitering",
            "fasilitator",
            "workshop",
            "sparring",
            "gjennomlesing",
            "kurs",
        ),
    ),
    Service(
        title=_("My bookings"),
        page_type=PAGE,
        route="my_bookings",
        summary=_("Your room bookings at Fabrikken: see, add to your calendar or cancel."),
        task_words=("mine bookinger", "avbestille", "avbestilling", "mine reservasjoner"),
    ),
    Service(
        title=_("My guidance requests"),
        page_type=PAGE,
        route="my_requests",
        summary=_("The guidance requests you have sent to Fabrikken, and their status."),
        task_words=(
            "mine henvendelser",
            "mine veiledninger",
            "henvendelse",
            "forespørsel",
            "veiledningsforespørsel",
        ),
    ),
)
