"""What the desk's tests share: logins in each role, and the text of admin pages."""

import lxml.html

from desk.models import Idea
from tests.factories import make_user


def editor():
    return make_user("Editors", author=True)


def author():
    return make_user("Authors", author=True)


def make_idea(**kwargs):
    fields = {"title": "An idea", "event_year": 1926, "event_month": 8, "event_day": 20}
    fields.update(kwargs)
    return Idea.objects.create(**fields)


def tree(response):
    assert response.status_code == 200, response.status_code
    return lxml.html.fromstring(response.content.decode())


def texts(response, xpath):
    """The whitespace-normalised text of each element the XPath expression finds."""
    return [" ".join(element.text_content().split()) for element in tree(response).xpath(xpath)]
