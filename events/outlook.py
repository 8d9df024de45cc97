"""«Legg i Outlook»: an event as a link to a new appointment in Outlook on the web.

Some municipal mail setups block .ics attachments, and on a phone a downloaded
file goes nowhere; Outlook on the web opens a filled-in appointment from a link
instead. The address and its parameters are Outlook's «compose» deep link:
the times in ISO 8601 with their UTC offset (so Outlook needs no time zone of
its own), the text as plain, URL-encoded UTF-8.
"""

from urllib.parse import quote, urlencode

from core.formats import local
from events.ics import description

COMPOSE_URL = "https://outlook.office.com/calendar/0/deeplink/compose"


def outlook_url(page, url):
    """The link that opens `page` as a new appointment in Outlook on the web.

    `url` is the page's full address, written into the appointment's text.
    """
    params = {
        "path": "/calendar/action/compose",
        "rru": "addevent",
        "subject": page.title,
        "startdt": local(page.start).isoformat(),
        "enddt": local(page.end).isoformat(),
        "location": page.location_text,
        "body": description(page, url),
    }
    return f"{COMPOSE_URL}?{urlencode(params, quote_via=quote)}"
