"""What crawlers read: /sitemap.xml, through Django's sitemaps framework, and
/robots.txt, which points to it."""

from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.sitemaps import Sitemap
from django.db.models import Max
from django.shortcuts import render
from django.urls import reverse

import pagecache
from briefs.models import Brief
from sharing.addresses import absolute_url

from . import dates
from .counts import author_counts, tag_counts
from .models import Article


class SiteSitemap(Sitemap):
    """Locations on SITE_URL, whatever Host the crawler sent."""

    @property
    def protocol(self):
        return urlsplit(settings.SITE_URL).scheme

    def get_domain(self, site=None):
        return urlsplit(settings.SITE_URL).netloc


class ArticleSitemap(SiteSitemap):
    def items(self):
        return Article.objects.published().only("slug", "updated_at").order_by("pk")

    def lastmod(self, article):
        return article.updated_at


class TagSitemap(SiteSitemap):
    def items(self):
        return sorted(tag_counts(), key=lambda tag: tag.slug)

    def location(self, tag):
        return reverse("articles:tag", args=[tag.slug])


class AuthorSitemap(SiteSitemap):
    def items(self):
        return sorted(author_counts(), key=lambda author: author.slug)


class DaySitemap(SiteSitemap):
    """The days of the year with at least one published article or brief (an empty
    day's page says so and asks not to be indexed), each changed when the latest of
    them was saved or published."""

    def items(self):
        return days_updated()

    def location(self, item):
        day, _latest = item
        return reverse("articles:day", kwargs={"day": day})

    def lastmod(self, item):
        _day, latest = item
        return latest


def days_updated():
    """[((month, day), latest change)] of the days with published articles or briefs,
    in calendar order (one query: the two grouped counts united), kept until the next
    change."""

    def compute():
        grouped = [
            published.with_anniversary()
            .order_by()
            .values_list("event_month", "event_day")
            .annotate(saved=Max("updated_at"), published=Max("publish_at"))
            for published in (Article.objects.published(), Brief.objects.published())
        ]
        updated = {}
        for month, day, saved, published_at in grouped[0].union(grouped[1], all=True):
            updated[(month, day)] = max(saved, published_at, updated.get((month, day), saved))
        return sorted(updated.items())

    return pagecache.remembered("days_updated", compute)


class YearSitemap(SiteSitemap):
    def items(self):
        return (
            Article.objects.published()
            .order_by("event_year")
            .values_list("event_year", flat=True)
            .distinct()
        )

    def location(self, year):
        return reverse("articles:year", kwargs={"year": year})


class PeriodSitemap(SiteSitemap):
    """The decades and centuries with at least one published article or brief."""

    def items(self):
        years = period_years()
        decades = sorted({dates.decade(year) for year in years})
        centuries = sorted({dates.century(year) for year in years})
        return [("articles:decade", {"decade": decade}) for decade in decades] + [
            ("articles:century", {"century": century}) for century in centuries
        ]

    def location(self, item):
        name, kwargs = item
        return reverse(name, kwargs=kwargs)


def period_years():
    """The years with published articles or briefs (one query), kept until the next
    change."""

    def compute():
        years = [
            published.order_by().values_list("event_year", flat=True).distinct()
            for published in (Article.objects.published(), Brief.objects.published())
        ]
        return set(years[0].union(years[1]))

    return pagecache.remembered("period_years", compute)


class PageSitemap(SiteSitemap):
    def items(self):
        return ["articles:home", "articles:tags", "articles:authors", "articles:timeline"]

    def location(self, name):
        return reverse(name)


SITEMAPS = {
    "pages": PageSitemap,
    "articles": ArticleSitemap,
    "days": DaySitemap,
    "years": YearSitemap,
    "periods": PeriodSitemap,
    "tags": TagSitemap,
    "authors": AuthorSitemap,
}


def robots_txt(request):
    """/robots.txt: everything but the admin and the random day (a redirect that
    changes at every visit) may be crawled; the sitemap is named."""
    context = {
        "admin_path": reverse("admin:index"),
        "random_day_path": reverse("articles:random_day"),
        "sitemap_url": absolute_url(reverse("articles:sitemap")),
    }
    return render(request, "robots.txt", context, content_type="text/plain; charset=utf-8")
