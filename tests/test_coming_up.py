"""Today in History's "Coming up": each item says its year, which anniversary it is and
how many days away, and a round one is marked as in today's list."""

import pytest

from .factories import make_article, noon_utc
from .views_fixtures import page

pytestmark = pytest.mark.django_db


def coming_up(content):
    return content[content.index('class="upcoming"') :]


def test_coming_up_says_the_year_the_anniversary_and_the_days_until_it(client):
    with noon_utc(2026, 8, 20):
        make_article(title="The event of tomorrow", event_year=1883, event_month=8, event_day=21)
        make_article(title="The event of next week", event_year=1976, event_month=8, event_day=27)
        content = coming_up(page(client, "/"))
    tomorrow = content[: content.index("The event of tomorrow")]
    assert "1883" in tomorrow
    assert '<span class="upcoming-number">143rd anniversary</span>' in tomorrow
    assert '<span class="upcoming-in">tomorrow</span>' in tomorrow
    first, second = content.index("The event of tomorrow"), content.index("The event of next week")
    next_week = content[first:second]
    assert "1976" in next_week
    assert '<span class="badge">50th anniversary</span>' in next_week
    assert '<span class="upcoming-in">in 7 days</span>' in next_week
    assert 'class="upcoming-item is-round"' in next_week


def test_coming_up_beyond_the_week_counts_the_days(client):
    with noon_utc(2026, 8, 20):
        make_article(title="A centenary", event_year=1926, event_month=9, event_day=3)
        content = coming_up(page(client, "/"))
    assert '<span class="badge">100th anniversary</span>' in content
    assert '<span class="upcoming-in">in 14 days</span>' in content


def test_days_until_are_counted_from_today_across_midnight(client):
    with noon_utc(2026, 8, 20):
        make_article(title="A centenary", event_year=1926, event_month=9, event_day=3)
    with noon_utc(2026, 8, 21):
        content = coming_up(page(client, "/"))
    assert '<span class="upcoming-in">in 13 days</span>' in content
