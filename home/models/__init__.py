from .ownership import ContentOwnershipMixin
from .pages import ContentPage, ContentPageRelatedLink, HomePage, HomePageHighlight
from .people import Person
from .site_settings import SectionSettings
from .workflow import FourEyesApprovalTask

__all__ = [
    "ContentPage",
    "ContentOwnershipMixin",
    "ContentPageRelatedLink",
    "FourEyesApprovalTask",
    "HomePage",
    "HomePageHighlight",
    "Person",
    "SectionSettings",
]
