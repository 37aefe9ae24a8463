"""Editors find the imported posts that still need an event date in the admin."""

import pytest

from tests.factories import make_user

from .helpers import SITE, run_import

pytestmark = pytest.mark.django_db


def test_editors_list_the_drafts_needing_a_date(client):
    run_import(SITE)
    client.force_login(make_user("Editors"))
    response = client.get("/admin/wordpress/importedpost/?needs_event_date__exact=1")
    assert response.status_code == 200
    assert [str(record.article) for record in response.context["cl"].result_list] == ["Musings"]
    assert client.get("/admin/wordpress/oldaddress/?q=trotsky").status_code == 200


def test_authors_do_not_see_the_import(client):
    client.force_login(make_user("Authors", author=True))
    assert client.get("/admin/wordpress/importedpost/").status_code == 403
