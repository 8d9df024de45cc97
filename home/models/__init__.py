from .pages import ContentPage, ContentPageRelatedLink, HomePage, HomePageHighlight

__all__ = ["ContentPage", "ContentPageRelatedLink", "HomePage", "HomePageHighlight"]
