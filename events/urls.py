"""«Min kalender»: the employee's page and the feed Outlook subscribes to (events/views.py)."""

from django.urls import path, re_path

from events import views

urlpatterns = [
    path("min-kalender/", views.my_calendar, name="my_calendar"),
    # secrets.token_urlsafe's alphabet; the .ics ending helps calendars that look at it.
    re_path(
        r"^min-kalender/(?P<token>[A-Za-z0-9_-]{32,64})\.ics$",
        views.calendar_feed,
        name="calendar_feed",
    ),
]
