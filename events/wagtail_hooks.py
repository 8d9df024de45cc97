"""Events' part of the hooks core reads: the events in the employee's calendar feed."""

from wagtail import hooks

from events.feed import EventsSource


@hooks.register("register_personal_calendar")
def personal_calendar():
    """Every coming event the employee may see, in «Min kalender» (core/personal_calendar.py)."""
    return EventsSource()
