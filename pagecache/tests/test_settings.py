"""The page cache knows the project only through its settings: pointed at other models
and functions, it follows them."""

import datetime

import pytest
from django.contrib.auth.models import Group
from django.core.cache import cache
from django.db import DatabaseError
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.utils import timezone

import pagecache.state
from pagecache.signals import connect_invalidation

pytestmark = pytest.mark.django_db

IN_AN_HOUR = timezone.now() + datetime.timedelta(hours=1)


def in_an_hour():
    return IN_AN_HOUR


def database_down():
    raise DatabaseError("no answer")


def has_a_private_cookie(cookie_header):
    return "private=1" in cookie_header


@pytest.fixture(autouse=True)
def page_cache(settings):
    settings.PAGE_CACHE = True


def test_requests_the_private_request_function_names_get_fresh_pages(client, settings):
    settings.PAGE_CACHE_PRIVATE_REQUEST = f"{__name__}.has_a_private_cookie"
    client.get("/")
    assert client.get("/")["X-Cache"] == "HIT"
    client.cookies.load("private=1")
    assert "X-Cache" not in client.get("/")


def test_the_next_change_comes_from_the_function_the_settings_name(settings):
    settings.PAGE_CACHE_NEXT_CHANGE = f"{__name__}.in_an_hour"
    assert pagecache.state.renew_state(None)["next_publish"] == IN_AN_HOUR.timestamp()


def test_without_a_next_change_function_the_state_costs_no_query(
    settings, django_assert_num_queries
):
    settings.PAGE_CACHE_NEXT_CHANGE = None
    with django_assert_num_queries(0):
        assert pagecache.state.renew_state(None)["next_publish"] is None


def test_a_database_error_from_the_next_change_leaves_the_state_unrenewed(settings):
    settings.PAGE_CACHE_NEXT_CHANGE = f"{__name__}.database_down"
    assert pagecache.state.renew_state(None) is None


@pytest.fixture
def groups_invalidate(settings):
    settings.PAGE_CACHE_MODELS = ["auth.Group"]
    connect_invalidation()
    yield
    for signal in (post_save, post_delete, m2m_changed):
        signal.disconnect(sender=Group, dispatch_uid="pagecache:auth.Group")


def test_saving_a_model_the_settings_name_replaces_the_generation(groups_invalidate):
    before = pagecache.state.renew_state(None)["generation"]
    Group.objects.create(name="Editors of the future")
    assert cache.get(pagecache.state.STATE_KEY)["generation"] != before
