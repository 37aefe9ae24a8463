import datetime

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext

from briefs.models import Brief
from tests.factories import make_article

from .factories import make_brief

pytestmark = pytest.mark.django_db


@time_machine.travel(datetime.datetime(2026, 8, 20, 12, tzinfo=datetime.UTC), tick=False)
def test_the_on_this_day_feed_has_the_days_briefs_linking_to_their_anchors(client):
    few = make_article(title="The Few")
    with CaptureQueriesContext(connection) as without_briefs:
        client.get("/feeds/on-this-day/")
    brief = make_brief(text="Churchill praises *the Few* & the RAF.")
    make_brief(text="A draft.", status=Brief.Status.DRAFT)
    make_brief(event_year=2027, text="Not yet happened.")
    for number in range(20):
        make_brief(event_day=14 + number % 7, text=f"Brief {number}.", article=few)
    with CaptureQueriesContext(connection) as with_briefs:
        response = client.get("/feeds/on-this-day/")
    # the week's briefs come in one query, made with or without briefs
    assert len(with_briefs) == len(without_briefs)
    xml = response.content.decode()
    assert f"/on-this-day/august-20/#brief-{brief.pk}</link>" in xml
    assert "<title>1940: Churchill praises the Few &amp; the RAF.</title>" in xml
    assert f"briefs/{brief.pk}/2026-08-20" in xml
    assert "A draft." not in xml and "Not yet happened" not in xml
    assert xml.index("The Few</title>") < xml.index("Churchill praises")
    atom = client.get("/feeds/on-this-day/atom/")
    assert atom.status_code == 200 and f"#brief-{brief.pk}" in atom.content.decode()
