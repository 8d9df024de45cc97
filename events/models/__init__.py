from .event import (
    Audience,
    EventFormat,
    EventPage,
    EventPageRelatedCase,
    EventPageRelatedMethod,
)
from .index import EventIndexPage
from .subscription import CalendarSubscription

__all__ = [
    "Audience",
    "CalendarSubscription",
    "EventFormat",
    "EventIndexPage",
    "EventPage",
    "EventPageRelatedCase",
    "EventPageRelatedMethod",
]
