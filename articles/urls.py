from django.urls import path, register_converter

from . import converters, views

register_converter(converters.DayOfYearConverter, "day")
register_converter(converters.YearConverter, "year")

app_name = "articles"

urlpatterns = [
    path("", views.HomeView.as_view(), name="home"),
    path("articles/<slug:slug>/", views.ArticleView.as_view(), name="article"),
    path("on-this-day/", views.today_redirect, name="today"),
    path("on-this-day/<day:day>/", views.DayView.as_view(), name="day"),
    path("tags/", views.TagIndexView.as_view(), name="tags"),
    path("tags/<str:slug>/", views.TagView.as_view(), name="tag"),
    path("authors/", views.AuthorIndexView.as_view(), name="authors"),
    path("authors/<slug:slug>/", views.AuthorView.as_view(), name="author"),
    path("years/<year:year>/", views.YearView.as_view(), name="year"),
    path("timeline/", views.timeline, name="timeline"),
    path("healthz", views.healthz, name="healthz"),
]
