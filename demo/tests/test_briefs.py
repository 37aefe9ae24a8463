"""demo/content/briefs.csv: every row imports (through import_briefs' own code), and
with the demo articles every day of the year has at least three entries."""

import datetime
from io import StringIO

import pytest
from django.core.management import call_command

from articles import dates
from briefs import csvfile
from briefs.models import Brief
from demo import loader
from demo.management.commands import demo_content

pytestmark = pytest.mark.django_db

TODAY = datetime.date(2026, 12, 3)


def test_every_day_of_the_year_has_three_entries_with_the_demo_articles():
    report = csvfile.import_file(str(loader.CONTENT / "briefs.csv"), publish=True)
    assert report.refused == []
    entries = {}
    for brief in Brief.objects.published():
        entries.setdefault(brief.day_of_year, 0)
        entries[brief.day_of_year] += 1
    for article in loader.articles(TODAY):
        # Not the article dated today wherever today is, nor drafts and scheduled ones.
        published = article["status"] == "published" and article["slug"] != "about-this-demo"
        if (
            published
            and article["event"]["event_day"]
            and not article["event"]["event_approximate"]
        ):
            day = (article["event"]["event_month"], article["event"]["event_day"])
            entries[day] = entries.get(day, 0) + 1
    days = [
        (month, day)
        for month in range(1, 13)
        for day in range(1, dates.days_in_month(2000, month) + 1)
    ]
    assert len(days) == 366
    assert [day for day in days if entries.get(day, 0) < 3] == []
    kinds = set(Brief.objects.values_list("kind", flat=True))
    assert kinds == {"event", "birth", "death"}


def test_demo_content_loads_the_briefs_and_a_rerun_adds_none(monkeypatch):
    # The articles and their pictures are another test's business (and slow to draw).
    monkeypatch.setattr(demo_content, "write_author", lambda data: None)
    monkeypatch.setattr(demo_content, "write_article", lambda *args: None)
    out = StringIO()
    call_command("demo_content", stdout=out)
    count = Brief.objects.published().count()
    assert count == 1098 and f"{count} new briefs" in out.getvalue()
    again = csvfile.import_file(str(loader.CONTENT / "briefs.csv"), publish=True)
    assert (again.imported, again.already) == (0, count)
