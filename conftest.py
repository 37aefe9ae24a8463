"""Fixtures for every test of the project, wherever it lives (tests/ and each app's tests/)."""

import pytest
from django.core.cache import cache

import pagecache


@pytest.fixture(autouse=True)
def plain_static_files_storage(settings, tmp_path):
    """Templates use {% static %}; the manifest storage would need collectstatic first.

    STATIC_ROOT points at an empty directory so WhiteNoise finds one and stays quiet.
    """
    settings.STATIC_ROOT = tmp_path / "staticfiles"
    settings.STATIC_ROOT.mkdir()
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }


@pytest.fixture(autouse=True)
def media_in_tmp_path(settings, tmp_path):
    """Uploaded and generated files go to a temporary directory, never into the repo."""
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture(autouse=True)
def empty_cache(settings):
    """Every test starts with an empty cache, and with the page cache off: view tests
    read ``response.context`` and change rows with ``QuerySet.update()``, which a cached
    page cannot honour. pagecache/tests/test_cache.py turns it on."""
    settings.PAGE_CACHE = False
    cache.clear()
    pagecache.forget_local_copies()
