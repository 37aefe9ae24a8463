"""A refusal is a page of the site or of the admin, saying why, with a way back; not
Django's bare "403 Forbidden"."""

import pytest
from django.core.exceptions import PermissionDenied
from django.test import RequestFactory
from django.urls import reverse

from historyblog.errors import permission_denied

from .factories import make_draft, make_user

pytestmark = pytest.mark.django_db


def test_an_author_opening_another_authors_article_is_told_why_with_a_way_back(client):
    theirs = make_draft(author=make_user("Authors", author=True).author)
    client.force_login(make_user("Authors", author=True))
    response = client.get(reverse("admin:articles_article_change", args=[theirs.pk]))
    assert response.status_code == 403
    content = response.content.decode()
    assert "<h1>You cannot open this page</h1>" in content
    assert (
        "This article is another author&#x27;s. You can open the articles credited to you; "
        "an editor can open every article."
    ) in content
    back = reverse("admin:articles_article_changelist")
    assert f'<a href="{back}">Back to the articles</a>' in content
    assert f'href="{reverse("admin:index")}"' in content
    assert 'id="site-name"' in content  # in the admin's frame
    assert theirs.title not in content


def test_a_refusal_in_the_admin_without_a_reason_says_whom_to_ask(client):
    client.force_login(make_user())  # staff, in no group: may not see the articles
    response = client.get(reverse("admin:articles_article_changelist"))
    assert response.status_code == 403
    content = response.content.decode()
    assert "Your login does not allow this. If you need it, ask an editor." in content
    assert "Back to the" not in content  # no list this login may see
    assert f'href="{reverse("admin:index")}"' in content


def test_a_refusal_on_the_site_is_the_sites_page_with_links_to_read_on(client):
    request = RequestFactory().get("/somewhere/")
    request.user = make_user()
    response = permission_denied(request, PermissionDenied("internal detail"))
    assert response.status_code == 403
    content = response.content.decode()
    assert "This page is not open to readers" in content
    assert f'href="{reverse("articles:home")}"' in content
    assert "internal detail" not in content
