from .pages import ContentPage, ContentPageRelatedLink, HomePage, HomePageHighlight
from .people import Person
from .site_settings import SectionSettings

__all__ = [
    "ContentPage",
    "ContentPageRelatedLink",
    "HomePage",
    "HomePageHighlight",
    "Person",
    "SectionSettings",
]
