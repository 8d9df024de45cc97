from core.feedback.models import PageFeedback

from .archive import ArchivedPage
from .base import BasePage
from .ownership import REVIEW_AFTER, ContentOwnershipMixin, SectionOwnerMixin
from .people import Person
from .profile import StaffProfile
from .site_settings import SectionSettings
from .workflow import FourEyesApprovalTask

__all__ = [
    "ArchivedPage",
    "REVIEW_AFTER",
    "BasePage",
    "ContentOwnershipMixin",
    "FourEyesApprovalTask",
    "PageFeedback",
    "Person",
    "SectionOwnerMixin",
    "SectionSettings",
    "StaffProfile",
]
