from core.feedback.models import PageFeedback

from .base import BasePage
from .ownership import REVIEW_AFTER, ContentOwnershipMixin
from .people import Person
from .site_settings import SectionSettings
from .workflow import FourEyesApprovalTask

__all__ = [
    "REVIEW_AFTER",
    "BasePage",
    "ContentOwnershipMixin",
    "FourEyesApprovalTask",
    "PageFeedback",
    "Person",
    "SectionSettings",
]
