from .case import NEWEST_FIRST, CasePage, CasePageGalleryImage, CasePageMethod, CasePageTag
from .index import CaseIndexPage
from .sector import STATUS_BADGES, CaseStatus, Sector

__all__ = [
    "NEWEST_FIRST",
    "STATUS_BADGES",
    "CaseIndexPage",
    "CasePage",
    "CasePageGalleryImage",
    "CasePageMethod",
    "CasePageTag",
    "CaseStatus",
    "Sector",
]
