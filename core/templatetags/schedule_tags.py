from django import template

from core import schedule

register = template.Library()


@register.simple_tag
def schedule_stretch():
    """For {% sharedcache %} keys of fragments that change with time (core.schedule)."""
    return schedule.stretch()
