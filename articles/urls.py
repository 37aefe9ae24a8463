from django.contrib.sitemaps.views import sitemap
from django.urls import path, register_converter

from briefs import views as briefs_views
from pagecache.fragments import kept
from sharing import views as sharing_views

from . import converters, feeds, sitemaps, span_views, views

register_converter(converters.DayOfYearConverter, "day")
register_converter(converters.YearConverter, "year")
register_converter(converters.DecadeConverter, "decade")
register_converter(converters.CenturyConverter, "century")

app_name = "articles"

urlpatterns = [
    path("", views.HomeView.as_view(), name="home"),
    path("articles/<slug:slug>/", views.ArticleView.as_view(), name="article"),
    path("articles/<slug:slug>/preview/", views.ArticlePreviewView.as_view(), name="preview"),
    path("on-this-day/", views.today_redirect, name="today"),
    path("on-this-day/random/", views.random_day, name="random_day"),
    path("on-this-day/<day:day>/", views.DayView.as_view(), name="day"),
    path("tags/", views.TagIndexView.as_view(), name="tags"),
    path("tags/<str:slug>/", views.TagView.as_view(), name="tag"),
    path("authors/", views.AuthorIndexView.as_view(), name="authors"),
    path("authors/<slug:slug>/", views.AuthorView.as_view(), name="author"),
    path("years/<year:year>/", views.YearView.as_view(), name="year"),
    path("years/<decade:decade>/", span_views.DecadeView.as_view(), name="decade"),
    path("centuries/<century:century>/", span_views.CenturyView.as_view(), name="century"),
    path("timeline/", views.timeline, name="timeline"),
    path("search/", views.SearchView.as_view(), name="search"),
    path("search/briefs/", briefs_views.search_briefs, name="search_briefs"),
    path("healthz", views.healthz, name="healthz"),
    # Sharing, feeds and crawlers
    path("articles/<slug:slug>/card.jpg", sharing_views.article_card_view, name="article_card"),
    path(
        "articles/<slug:slug>/preview/card.jpg",
        sharing_views.article_card_preview_view,
        name="preview_card",
    ),
    path("share/site.jpg", sharing_views.site_card_view, name="site_card"),
    path("feeds/latest/", feeds.ArticleFeed(), name="latest_feed"),
    path("feeds/latest/atom/", feeds.ArticleAtomFeed(), name="latest_atom"),
    path("feeds/tags/<str:slug>/", feeds.TagFeed(), name="tag_feed"),
    path("feeds/tags/<str:slug>/atom/", feeds.TagAtomFeed(), name="tag_atom"),
    path("feeds/authors/<slug:slug>/", feeds.AuthorFeed(), name="author_feed"),
    path("feeds/authors/<slug:slug>/atom/", feeds.AuthorAtomFeed(), name="author_atom"),
    path("feeds/on-this-day/", feeds.OnThisDayFeed(), name="on_this_day_feed"),
    path("feeds/on-this-day/atom/", feeds.OnThisDayAtomFeed(), name="on_this_day_atom"),
    # Written once per change (a fragment): at 100,000 articles the articles' pages
    # take a while.
    path("sitemap.xml", kept("sitemap_index")(sitemaps.sitemap_index), name="sitemap"),
    path(
        "sitemap-<str:section>.xml",
        kept("sitemap")(sitemap),
        {"sitemaps": sitemaps.SITEMAPS},
        name="sitemap_section",
    ),
    path("robots.txt", sitemaps.robots_txt, name="robots"),
]
