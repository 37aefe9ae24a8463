"""What crawlers read: /sitemap.xml, through Django's sitemaps framework, and
/robots.txt, which points to it."""

from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.sitemaps import Sitemap
from django.shortcuts import render
from django.urls import reverse

from sharing.addresses import absolute_url

from .anniversaries import days_with_articles
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
    """The days of the year with at least one published article: an empty day's page
    says so and asks not to be indexed."""

    def items(self):
        return days_with_articles()

    def location(self, day):
        return reverse("articles:day", kwargs={"day": day})


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
    "tags": TagSitemap,
    "authors": AuthorSitemap,
}


def robots_txt(request):
    """/robots.txt: everything but the admin may be crawled; the sitemap is named."""
    context = {
        "admin_path": reverse("admin:index"),
        "sitemap_url": absolute_url(reverse("articles:sitemap")),
    }
    return render(request, "robots.txt", context, content_type="text/plain; charset=utf-8")
