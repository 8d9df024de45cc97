"""Page permissions that cost no query per row of a listing.

Wagtail's PagePermissionTester answers «may this user delete the page?» for someone
without publish permission (every editor) with a query for live pages among the page
and its descendants, and the page explorer asks it twice per row: 100 queries for one
screen of 50 methods. For a leaf page those descendants are the page itself, so the
answer is on the row already. Wagtail lets a page type return its own tester from
`permissions_for_user` (core.models.BasePage does).
"""

from wagtail.models import PagePermissionTester


class SectionPagePermissionTester(PagePermissionTester):
    def can_delete(self, ignore_bulk=False):
        if self.user.is_superuser or not self.user.is_active or not self.page.is_leaf():
            return super().can_delete(ignore_bulk)
        # A leaf: Wagtail's get_descendants(inclusive=True) would find the page alone.
        if "change" in self.permissions:
            return "publish" in self.permissions or not self.page.live
        if "add" in self.permissions:
            owned = self.page.owner_id == self.user.pk
            return owned if "publish" in self.permissions else owned and not self.page.live
        return False
