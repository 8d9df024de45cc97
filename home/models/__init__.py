from .pages import (
    ContentPage,
    ContentPageRelatedLink,
    HomePage,
    HomePageAction,
    HomePageHighlight,
)

__all__ = [
    "ContentPage",
    "ContentPageRelatedLink",
    "HomePage",
    "HomePageAction",
    "HomePageHighlight",
]
