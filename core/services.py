"""Services: the tasks an employee comes to do, which search shows before the pages.

A section declares its services in its `wagtail_hooks.py`:

    @hooks.register("register_search_services")
    def search_services():
        return [Service(title=_("Book a room at Fabrikken"), page_type="fabrikken.FabrikkenPage",
                        route="booking", task_words=("book", "møterom", …))]

search/ reads them through the hook (sections never import search). A service lives
on a page, the page itself or one of its routes (RoutablePageMixin), so it is found
only when that page is live and the user may see it, through the same privacy gate as
every hit.
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class Service:
    #: What the user does, as a link text: «Book rom på Fabrikken» (a lazy translation).
    title: str
    #: The page model that serves it, as "app_label.ModelName".
    page_type: str
    #: The page's route (RoutablePageMixin's name), or "" for the page itself.
    route: str = ""
    #: One sentence under the title.
    summary: str = ""
    #: Words and expressions people search with for this task, in bokmål, lower case:
    #: «book», «møterom», «mine bookinger». The title's words count too.
    task_words: tuple = ()
