"""{% sharedcache %}: a template fragment every employee sees alike, cached until what it shows changes.

Alike, that is, among those who may see the same pages: the key always holds the
request's audience (caching.privacy.audience_key), so a fragment that lists pages can
never hand one employee what another may see. No template has to remember it.
"""

from django import template
from django.core.cache.utils import make_template_fragment_key

from caching import whole_page
from caching.keys import building_part, remember
from caching.privacy import audience_key

register = template.Library()


class SharedFragmentNode(template.Node):
    def __init__(self, nodelist, name, vary_on, depends_on):
        self.nodelist = nodelist
        self.name = name
        self.vary_on = vary_on
        self.depends_on = depends_on

    def render(self, context):
        request = context.get("request")
        if getattr(request, "is_preview", False):
            # A preview shows a draft: never the live page's cached parts, nor the other way round.
            return self.nodelist.render(context)
        vary_on = [variable.resolve(context) for variable in self.vary_on]
        depends_on = None
        if self.depends_on is not None:
            depends_on = [variable.resolve(context) for variable in self.depends_on]
        return remember(
            lambda: self.nodelist.render(context),
            make_template_fragment_key(self.name, vary_on),
            audience_key(request),
            on=depends_on,
        )


@register.tag
def sharedcache(parser, token):
    """Cache what is inside until what it shows changes.

        {% sharedcache "main-menu" section_path on "navigation" %} … {% endsharedcache %}
        {% sharedcache "method-page" on page "type:cases.casepage" %} … {% endsharedcache %}

    The key holds the language and the request's audience (which restricted pages it
    may see), plus the variables given before `on`. After `on`, what the fragment
    shows: pages (their own counter, `cache_version`) and scopes (caching.generation:
    "navigation", "search", "type:app.model"); `site` always. Without `on`, the
    fragment lasts until any content changes. Put nothing inside that differs between
    users otherwise: no names, no {% csrf_token %}, nothing from the session. Lists
    inside go through caching.privacy.visible().
    """
    bits = token.split_contents()
    if len(bits) < 2:
        raise template.TemplateSyntaxError("'sharedcache' needs a fragment name.")
    name = bits[1].strip("\"'")
    rest = bits[2:]
    depends_on = None
    if "on" in rest:
        at = rest.index("on")
        rest, depends_on = rest[:at], [parser.compile_filter(bit) for bit in rest[at + 1 :]]
    nodelist = parser.parse(("endsharedcache",))
    parser.delete_first_token()
    return SharedFragmentNode(
        nodelist, name, [parser.compile_filter(bit) for bit in rest], depends_on
    )


class PerRequestNode(template.Node):
    def __init__(self, template_name):
        self.template_name = template_name

    def render(self, context):
        request = context.get("request")
        if building_part():
            raise template.TemplateSyntaxError(
                f"{{% perrequest {self.template_name!r} %}} is one request's: "
                "it cannot be inside a {% sharedcache %} part."
            )
        if whole_page.capturing(request):
            return whole_page.hole_mark(self.template_name)
        page = context.get("page")
        return whole_page.render_hole(self.template_name, page, request)


@register.tag
def perrequest(parser, token):
    """A part that is one request's own (the account menu, the user's booking, the userbar).

        {% perrequest "includes/account.html" %}

    The template is rendered with the page and the request's context only (the user,
    the CSRF token, …), never from the surrounding template's variables: so it renders
    the same when the rest of the page comes whole from the cache (caching.whole_page).
    """
    bits = token.split_contents()
    if len(bits) != 2 or bits[1][0] not in "\"'" or bits[1][0] != bits[1][-1]:
        raise template.TemplateSyntaxError("'perrequest' needs one template name, in quotes.")
    return PerRequestNode(bits[1][1:-1])
