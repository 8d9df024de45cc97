from .event import (
    Audience,
    EventFormat,
    EventPage,
    EventPageRelatedCase,
    EventPageRelatedMethod,
)
from .index import EventIndexPage

__all__ = [
    "Audience",
    "EventFormat",
    "EventIndexPage",
    "EventPage",
    "EventPageRelatedCase",
    "EventPageRelatedMethod",
]
