from .bookings import SLOT_TAKEN_MESSAGE, RoomBooking
from .guidance import GuidanceRequest
from .page import FabrikkenContact, FabrikkenPage, OpeningHours, Room

__all__ = [
    "SLOT_TAKEN_MESSAGE",
    "FabrikkenContact",
    "FabrikkenPage",
    "GuidanceRequest",
    "OpeningHours",
    "Room",
    "RoomBooking",
]
