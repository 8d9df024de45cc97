"""{% sharedcache %}: a template fragment every employee sees alike, cached per generation.

Alike, that is, among those who may see the same pages: the key always holds the
request's audience (caching.privacy.audience_key), so a fragment that lists pages can
never hand one employee what another may see. No template has to remember it.
"""

from django import template
from django.core.cache.utils import make_template_fragment_key

from caching.keys import remember
from caching.privacy import audience_key

register = template.Library()


class SharedFragmentNode(template.Node):
    def __init__(self, nodelist, name, vary_on):
        self.nodelist = nodelist
        self.name = name
        self.vary_on = vary_on

    def render(self, context):
        request = context.get("request")
        if getattr(request, "is_preview", False):
            # A preview shows a draft: never the live page's cached parts, nor the other way round.
            return self.nodelist.render(context)
        vary_on = [variable.resolve(context) for variable in self.vary_on]
        return remember(
            lambda: self.nodelist.render(context),
            make_template_fragment_key(self.name, vary_on),
            audience_key(request),
        )


@register.tag
def sharedcache(parser, token):
    """Cache what is inside until the next publish (or any other content change).

        {% sharedcache "main-menu" section_path %} … {% endsharedcache %}

    The key holds the cache generation, the language and the request's audience
    (which restricted pages it may see), plus the variables given. Put nothing
    inside that differs between users otherwise: no names, no {% csrf_token %},
    nothing from the session. Lists inside go through caching.privacy.visible().
    """
    bits = token.split_contents()
    if len(bits) < 2:
        raise template.TemplateSyntaxError("'sharedcache' needs a fragment name.")
    name = bits[1].strip("\"'")
    nodelist = parser.parse(("endsharedcache",))
    parser.delete_first_token()
    return SharedFragmentNode(nodelist, name, [parser.compile_filter(bit) for bit in bits[2:]])
