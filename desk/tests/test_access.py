"""The desk is for staff in the admin: reached from the admin's home page, behind its
login (and its two-factor rule), refused to everyone else, and never cached."""

import pytest
from django.contrib.auth.models import User
from django.urls import reverse

from tests.factories import make_user

from .helpers import author, editor, tree

pytestmark = pytest.mark.django_db

PAGES = [
    reverse("admin:desk_calendar"),
    reverse("admin:desk_coverage"),
    reverse("admin:desk_idea_changelist"),
    reverse("admin:desk_idea_add"),
]


@pytest.mark.parametrize("path", PAGES)
def test_anonymous_visitors_are_sent_to_the_admin_login(client, path):
    response = client.get(path)
    assert response.status_code == 302
    assert response.url == f"{reverse('admin:login')}?next={path}"


@pytest.mark.parametrize("path", PAGES)
def test_a_reader_login_is_not_let_in(client, path):
    client.force_login(User.objects.create(username="reader"))
    response = client.get(path)
    assert response.status_code == 302
    assert response.url.startswith(reverse("admin:login"))


@pytest.mark.parametrize("path", PAGES[:2])
def test_staff_without_a_role_are_refused(client, path):
    client.force_login(make_user())
    assert client.get(path).status_code == 403


@pytest.mark.parametrize("user", [author, editor])
@pytest.mark.parametrize("path", PAGES)
def test_authors_and_editors_open_every_page_never_cached(client, user, path):
    client.force_login(user())
    response = client.get(path)
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    assert "private" in response["Cache-Control"]


def test_with_two_factor_login_on_an_unverified_login_is_sent_to_the_login(client, settings):
    settings.OTP_REQUIRED = True
    client.force_login(editor())
    response = client.get(PAGES[0])
    assert response.status_code == 302
    assert response.url.startswith(reverse("admin:login"))


def test_the_admin_home_lists_the_desk_with_its_pages(client):
    client.force_login(author())
    page = tree(client.get(reverse("admin:index")))
    (desk,) = page.find_class("app-desk")
    rows = [(a.text_content(), a.get("href")) for a in desk.xpath(".//th/a")]
    assert rows == [
        ("Calendar", reverse("admin:desk_calendar")),
        ("Coverage", reverse("admin:desk_coverage")),
        ("Anniversary ideas", reverse("admin:desk_idea_changelist")),
    ]


def test_the_pages_have_the_admins_breadcrumbs_and_side_bar(client):
    client.force_login(editor())
    page = tree(client.get(reverse("admin:desk_coverage")))
    crumbs = " ".join(page.find_class("breadcrumbs")[0].text_content().split())
    assert crumbs == "Home \u203a Editorial desk \u203a Coverage"
    current = page.xpath("//nav[@id='nav-sidebar']//a[@aria-current='page']")
    assert [a.text_content() for a in current] == ["Coverage"]
