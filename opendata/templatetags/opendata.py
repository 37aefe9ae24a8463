from django import template

from opendata import calendars

register = template.Library()


@register.simple_tag
def webcal_url(name, *args):
    """{% webcal_url "opendata:tag_calendar" tag.slug %}: a calendar to subscribe to."""
    return calendars.webcal_url(name, *args)
