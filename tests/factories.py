"""Small factories for tests: sensible defaults, every field overridable."""

import datetime
import importlib
import itertools
from zoneinfo import ZoneInfo

import time_machine
from django.apps import apps
from django.contrib.auth.models import Group, User
from django.utils import timezone

from articles.models import Article, Author
from articles.search import update_search_vector

_sequence = itertools.count(1)


def make_user(role=None, *, author=False, **kwargs):
    """A staff login in the group ``role`` ("Authors" or "Editors", made by migration
    0004), or with no group; ``role="superuser"`` for a superuser. ``author=True`` gives
    it an author profile (returned as ``user.author``). No password: tests log in with
    ``client.force_login``."""
    number = next(_sequence)
    fields = {"username": f"user-{number}", "is_staff": True}
    fields.update(kwargs)
    if role == "superuser":
        fields["is_superuser"] = True
    user = User.objects.create(**fields)
    if role in ("Authors", "Editors"):
        user.groups.add(role_group(role))
    if author:
        make_author(user=user, display_name=f"Writer {number}", slug=f"writer-{number}")
    return user


def role_group(name):
    """The group of a role, made again by migration 0004's own code when a transactional
    test before this one flushed the database (which keeps no data migration's rows)."""
    group = Group.objects.filter(name=name).first()
    if group is None:
        importlib.import_module("articles.migrations.0004_roles").create_roles(apps, None)
        group = Group.objects.get(name=name)
    return group


def make_author(**kwargs):
    number = next(_sequence)
    fields = {
        "display_name": f"Author {number}",
        "slug": f"author-{number}",
        "bio": f"Author {number} writes about the past.",
    }
    fields.update(kwargs)
    return Author.objects.create(**fields)


def make_article(*, tags=(), **kwargs):
    """A published article about 20 August 1940, published a day ago (by the current
    clock, so it honours time_machine)."""
    number = next(_sequence)
    fields = {
        "title": f"Article {number}",
        "slug": f"article-{number}",
        "dek": f"Summary of article {number}.",
        "event_year": 1940,
        "event_month": 8,
        "event_day": 20,
        "body": f"The story of article {number}.",
        "status": Article.Status.PUBLISHED,
    }
    fields.update(kwargs)
    if "author" not in fields:
        fields["author"] = make_author()
    if "publish_at" not in fields and fields["status"] == Article.Status.PUBLISHED:
        fields["publish_at"] = timezone.now() - datetime.timedelta(days=1)
    article = Article.objects.create(**fields)
    if tags:
        article.tags.add(*tags)
    update_search_vector(article)
    return article


def make_draft(**kwargs):
    return make_article(status=Article.Status.DRAFT, **kwargs)


def make_scheduled(**kwargs):
    """Published status, but with a publish time a week in the future."""
    return make_article(publish_at=timezone.now() + datetime.timedelta(days=7), **kwargs)


def noon_utc(year, month, day):
    """Freeze the clock at noon UTC on a day: ``with noon_utc(2026, 8, 20): ...``"""
    moment = datetime.datetime(year, month, day, 12, tzinfo=ZoneInfo("UTC"))
    return time_machine.travel(moment, tick=False)
