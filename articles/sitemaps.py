"""What crawlers read: /sitemap.xml, an index of one sitemap per section
(/sitemap-<section>.xml, paged as ?p=2, ?p=3... past ``limit`` addresses), through
Django's sitemaps framework, and /robots.txt, which names the index."""

from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.sitemaps import Sitemap
from django.contrib.sitemaps.views import index
from django.core.paginator import Paginator
from django.db.models import Count, Max
from django.shortcuts import render
from django.urls import reverse
from django.utils.functional import cached_property

import pagecache
from briefs.models import Brief
from sharing.addresses import absolute_url

from . import dates
from .counts import author_counts, tag_counts
from .models import Article


class SiteSitemap(Sitemap):
    """Locations on SITE_URL, whatever Host the crawler sent; the items read once
    whatever the index and the sitemap ask of them."""

    @cached_property
    def paginator(self):
        return Paginator(self._items(), self.limit)

    @property
    def protocol(self):
        return urlsplit(settings.SITE_URL).scheme

    def get_domain(self, site=None):
        return urlsplit(settings.SITE_URL).netloc


class ArticleSitemap(SiteSitemap):
    """Published articles by pk (a new one goes on the last page: the others stay
    put), ``limit`` a page."""

    limit = 5000

    def items(self):
        return Article.objects.published().only("slug", "updated_at").order_by("pk")

    def lastmod(self, article):
        return article.updated_at

    @cached_property
    def paginator(self):
        paginator = Paginator(self._items(), self.limit)
        paginator.count = self.totals[0]  # known: no COUNT query
        return paginator

    @cached_property
    def totals(self):
        return article_totals()

    def get_latest_lastmod(self):
        """For the index: the latest change of any published article, kept until the
        next change (Django's default would read every article)."""
        return self.totals[1]


def article_totals():
    """(published articles, latest updated_at of them), one query kept until the next
    change: the index asks both for the articles' section, each of its pages the count."""

    def compute():
        totals = Article.objects.published().aggregate(count=Count("pk"), latest=Max("updated_at"))
        return totals["count"], totals["latest"]

    return pagecache.remembered("article_totals", compute)


class TagSitemap(SiteSitemap):
    limit = 5000

    def items(self):
        return sorted(tag_counts(), key=lambda tag: tag.slug)

    def location(self, tag):
        return reverse("articles:tag", args=[tag.slug])


class AuthorSitemap(SiteSitemap):
    limit = 5000

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

    def get_latest_lastmod(self):
        return max((latest for _day, latest in self.paginator.object_list), default=None)


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
        return article_years()

    def location(self, year):
        return reverse("articles:year", kwargs={"year": year})


def article_years():
    """The years with published articles, in order (one query), kept until the next
    change: the index counts them, the section lists them."""

    def compute():
        years = Article.objects.published().order_by("event_year").values_list("event_year")
        return [year for (year,) in years.distinct()]

    return pagecache.remembered("article_years", compute)


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


def sitemap_index(request):
    """/sitemap.xml: Django's sitemap index of the sections, each page of each listed
    on SITE_URL (Django's index would name the request's Host); an empty section is
    left out (a sitemap lists at least one address)."""
    sections = {name: section() for name, section in SITEMAPS.items()}
    filled = {name: section for name, section in sections.items() if section.paginator.count}
    response = index(request, filled, sitemap_url_name="articles:sitemap_section")
    for item in response.context_data["sitemaps"]:
        address = urlsplit(item.location)
        item.location = absolute_url(address._replace(scheme="", netloc="").geturl())
    return response


def robots_txt(request):
    """/robots.txt: everything but the admin and the random day (a redirect that
    changes at every visit) may be crawled; the sitemap is named."""
    context = {
        "admin_path": reverse("admin:index"),
        "random_day_path": reverse("articles:random_day"),
        "sitemap_url": absolute_url(reverse("articles:sitemap")),
    }
    return render(request, "robots.txt", context, content_type="text/plain; charset=utf-8")
