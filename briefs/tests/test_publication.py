import datetime

import pytest
import time_machine
from django.conf import settings
from django.utils.module_loading import import_string

from briefs.models import Brief
from tests.factories import make_article

from .factories import make_brief

pytestmark = pytest.mark.django_db

NOW = datetime.datetime(2026, 8, 20, 12, tzinfo=datetime.UTC)


@time_machine.travel(NOW, tick=False)
def test_pages_change_when_the_next_article_or_brief_is_published():
    next_change = import_string(settings.PAGE_CACHE_NEXT_CHANGE)
    assert next_change() is None
    make_brief(publish_at=NOW - datetime.timedelta(hours=1))
    make_brief(publish_at=NOW + datetime.timedelta(hours=5), status=Brief.Status.DRAFT)
    assert next_change() is None
    make_brief(publish_at=NOW + datetime.timedelta(hours=3))
    assert next_change() == NOW + datetime.timedelta(hours=3)
    make_article(publish_at=NOW + datetime.timedelta(hours=2))
    assert next_change() == NOW + datetime.timedelta(hours=2)
    make_brief(publish_at=NOW + datetime.timedelta(hours=1))
    assert next_change() == NOW + datetime.timedelta(hours=1)


def test_briefs_and_their_tags_drop_cached_pages():
    assert {"briefs.Brief", "briefs.TaggedBrief"} <= set(settings.PAGE_CACHE_MODELS)
