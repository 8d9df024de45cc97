from django import template

from home import schedule

register = template.Library()


@register.simple_tag
def schedule_stretch():
    """For {% sharedcache %} keys of fragments that change with time (home.schedule)."""
    return schedule.stretch()
