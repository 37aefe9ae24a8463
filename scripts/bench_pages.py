"""What `make bench` measures (scripts/bench.py): a page of every public kind, the searches,
the staff's editorial calendar, and the cookies that bypass the page cache.

Each page is (name, path, kind). The kind says how it is measured and judged
(scripts/bench_report.py): "page" with the cache hit and bypassed; "search" and "broad"
likewise, judged by the search targets; "never" a page the site never caches, measured
once; "staff" an admin page, measured once with a staff login's session.
"""

import os
from urllib.parse import urlencode

# Before demo.corpus gives the bench its searches, the one query it always measured.
FALLBACK_SEARCHES = [("search", "treaty harbour")]
STAFF_USERNAME = "bench-editor"


def searches():
    """(name, query) of each search to measure: demo.corpus.BENCH_SEARCHES once there."""
    try:
        from demo.corpus import BENCH_SEARCHES
    except ImportError:
        return FALLBACK_SEARCHES
    return list(BENCH_SEARCHES)


def search_kind(name):
    return "broad" if name.endswith("broad") else "search"


def sample_article():
    """A seeded, published article with a precise day, a tag and an author: every page
    of its day, years, tag and author is there at any size of the database."""
    from articles.models import Article

    return (
        Article.objects.published()
        .filter(
            slug__startswith="seed-",
            event_day__isnull=False,
            event_approximate=False,
            tags__isnull=False,
        )
        .select_related("author")
        .order_by("pk")
        .first()
    )


def pages():
    from articles import dates, periods

    article = sample_article()
    tag = article.tags.order_by("pk").first().slug
    author = article.author.slug
    month, day = article.event_month, article.event_day
    year = article.event_year
    word = article.title.split()[0]
    listed = [
        ("home", "/", "page"),
        ("article", article.get_absolute_url(), "page"),
        ("day", f"/on-this-day/{dates.day_slug(month, day)}/", "page"),
        ("year", f"/years/{dates.year_slug(year)}/", "page"),
        ("decade", f"/years/{periods.decade_slug(dates.decade(year))}/", "page"),
        ("century", f"/centuries/{periods.century_slug(dates.century(year))}/", "page"),
        ("random-day", "/on-this-day/random/", "never"),
        ("timeline", "/timeline/", "page"),
        ("tag", f"/tags/{tag}/", "page"),
        ("tags", "/tags/", "page"),
        ("author", f"/authors/{author}/", "page"),
        ("authors", "/authors/", "page"),
        *[
            (name, "/search/?" + urlencode({"q": query}), search_kind(name))
            for name, query in searches()
        ],
        ("briefs-search", "/search/briefs/?" + urlencode({"q": word}), "page"),
        ("feed-latest", "/feeds/latest/", "page"),
        ("feed-latest-atom", "/feeds/latest/atom/", "page"),
        ("feed-tag", f"/feeds/tags/{tag}/", "page"),
        ("feed-tag-atom", f"/feeds/tags/{tag}/atom/", "page"),
        ("feed-author", f"/feeds/authors/{author}/", "page"),
        ("feed-author-atom", f"/feeds/authors/{author}/atom/", "page"),
        ("feed-day", "/feeds/on-this-day/", "page"),
        ("feed-day-atom", "/feeds/on-this-day/atom/", "page"),
        ("sitemap", "/sitemap.xml", "page"),
        ("sitemap-articles", "/sitemap-articles.xml", "page"),
        ("robots", "/robots.txt", "page"),
        ("newsletter", "/newsletter/", "never"),
        ("newsletter-inbox", "/newsletter/check-your-inbox/", "never"),
        ("api-docs", "/api/", "page"),
        ("api-index", "/api/v1/", "page"),
        ("api-openapi", "/api/v1/openapi.json", "page"),
        ("api-today", "/api/v1/on-this-day/", "page"),
        ("api-day", f"/api/v1/on-this-day/{month:02d}/{day:02d}/", "page"),
        ("api-briefs", f"/api/v1/briefs/{month:02d}/{day:02d}/", "page"),
        ("api-list", "/api/v1/articles/", "page"),
        ("api-list-filtered", f"/api/v1/articles/?tag={tag}&author={author}", "page"),
        ("api-detail", f"/api/v1/articles/{article.slug}/", "page"),
        ("api-tags", "/api/v1/tags/", "page"),
        ("api-authors", "/api/v1/authors/", "page"),
        ("ics", "/calendars/anniversaries.ics", "page"),
        ("ics-tag", f"/calendars/tags/{tag}.ics", "page"),
        ("embed-page", "/embed/", "page"),
        ("embed", "/embed/today/", "page"),
        ("card", f"/articles/{article.slug}/card.jpg", "page"),
        ("site-card", "/share/site.jpg", "page"),
        ("calendar", "/admin/desk/calendar/", "staff"),
    ]
    return select(listed, os.environ.get("BENCH_PAGES", ""))


def select(listed, wanted):
    """The pages named in ``wanted`` (comma-separated; "feed" names every "feed-…"), or
    all of them."""
    names = [name.strip() for name in wanted.split(",") if name.strip()]
    if not names:
        return listed
    chosen = [
        page
        for page in listed
        if any(page[0] == name or page[0].startswith(name + "-") for name in names)
    ]
    if not chosen:
        raise SystemExit(f"BENCH_PAGES={wanted} names none of: {', '.join(p[0] for p in listed)}")
    return chosen


def bypass_cookie():
    """The Cookie header of a staff member, who always gets freshly rendered pages."""
    from historyblog.staff import STAFF_COOKIE, signed_value

    return f"{STAFF_COOKIE}={signed_value(0)}"


def staff_cookie():
    """The Cookie header of an editor logged in to the admin, verified by a one-time
    password device when OTP_REQUIRED is on: a session made in the database as a login
    would make it, and the staff cookie the login would have set."""
    from django.conf import settings
    from django.contrib.auth.models import Group, User
    from django.test import Client
    from django_otp.plugins.otp_totp.models import TOTPDevice

    from historyblog.staff import STAFF_COOKIE, signed_value

    user, _created = User.objects.get_or_create(
        username=STAFF_USERNAME, defaults={"is_staff": True}
    )
    user.groups.add(Group.objects.get(name="Editors"))
    device, _created = TOTPDevice.objects.get_or_create(
        user=user, name="bench", defaults={"confirmed": True}
    )
    client = Client()
    client.force_login(user)
    session = client.session
    session["otp_device_id"] = device.persistent_id
    session.save()
    return (
        f"{settings.SESSION_COOKIE_NAME}={session.session_key}; "
        f"{STAFF_COOKIE}={signed_value(user.pk)}"
    )


def cookie_for(kind, bypass, staff):
    if kind == "staff":
        return staff
    return bypass_cookie() if bypass else None


def count_queries(path, cookie, statuses=(200,), counted=None):
    """The queries of a request for ``counted`` (default ``path``) sent with ``cookie``,
    after one for ``path`` that fills the caches, and the length of the answer, which
    must have one of ``statuses``: wrk counts a redirect (to the login page, say) as an
    answer."""
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    # The cookie goes with every request, as wrk sends it: the site answers a staff
    # cookie without a staff login by taking it back, which a client would honour.
    client = Client(HTTP_COOKIE=cookie) if cookie else Client()
    client.get(path, SERVER_NAME="127.0.0.1")  # fills the cache
    with CaptureQueriesContext(connection) as queries:
        response = client.get(counted or path, SERVER_NAME="127.0.0.1")
    if response.status_code not in statuses:
        raise SystemExit(f"{path}: {response.status_code}, not {statuses}")
    return len(queries), len(response.content)
