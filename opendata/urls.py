from django.urls import path

from . import calendars, docs, embed, views

app_name = "opendata"

urlpatterns = [
    # The JSON API
    path("api/", docs.docs, name="docs"),
    path("api/v1/", views.index, name="index"),
    path("api/v1/openapi.json", docs.openapi_json, name="openapi"),
    path("api/v1/on-this-day/", views.on_this_day_today, name="on_this_day_today"),
    path("api/v1/on-this-day/<str:month>/<str:day>/", views.on_this_day, name="on_this_day"),
    path("api/v1/briefs/<str:month>/<str:day>/", views.briefs, name="briefs"),
    path("api/v1/articles/", views.articles, name="articles"),
    path("api/v1/articles/<str:slug>/", views.article, name="article"),
    path("api/v1/tags/", views.tags, name="tags"),
    path("api/v1/authors/", views.authors, name="authors"),
    path("api/v1/<path:rest>", views.not_found, name="not_found"),
    # Calendars to subscribe to
    path("calendars/anniversaries.ics", calendars.anniversaries, name="calendar"),
    path("calendars/tags/<str:slug>.ics", calendars.tag_anniversaries, name="tag_calendar"),
    # The embeddable widget
    path("embed/", embed.embed_page, name="embed"),
    path("embed/today/", embed.widget, name="widget"),
]
