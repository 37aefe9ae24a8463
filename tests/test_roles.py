"""Roles through the admin: who may list, add, change, publish, delete, preview, see the
history of and restore an article. Every role meets one author's draft."""

import pytest
import reversion
from django.urls import reverse

from articles.models import Article

from .admin_forms import change_url, new_article_data, open_article, save_article
from .factories import make_article, make_draft, make_user

pytestmark = pytest.mark.django_db

ROLES = ["anonymous", "plain staff", "author", "other author", "editor", "superuser"]


@pytest.fixture
def people():
    return {
        "anonymous": None,
        "plain staff": make_user(),
        "author": make_user("Authors", author=True),
        "other author": make_user("Authors", author=True),
        "editor": make_user("Editors", author=True),
        "superuser": make_user("superuser"),
    }


@pytest.fixture
def draft(people):
    """The author's draft, saved twice in the admin's way (two revisions)."""
    author = people["author"]
    with reversion.create_revision():
        article = make_draft(title="Vesuvius erupts", author=author.author, tags=["Rome"])
        reversion.set_user(author)
    with reversion.create_revision():
        article.title = "Vesuvius buries Pompeii"
        article.save()
        reversion.set_user(author)
    return article


@pytest.fixture
def as_role(client, people):
    def log_in(role):
        if people[role] is not None:
            client.force_login(people[role])
        return client

    return log_in


def first_version(article):
    return reversion.models.Version.objects.get_for_object(article).order_by("pk").first()


def status_of(response):
    """302 to the login page reads "login"; other redirects read "redirect"."""
    if response.status_code == 302:
        return "login" if "/login/" in response["Location"] else "redirect"
    return response.status_code


# What each role gets, in the order of ROLES.
PAGES = {
    "list": ("login", 403, 200, 200, 200, 200),
    "add": ("login", 403, 200, 200, 200, 200),
    "change": ("login", 403, 200, 403, 200, 200),
    "delete": ("login", 403, 200, 403, 200, 200),
    "history": ("login", 403, 200, 403, 200, 200),
    "restore": ("login", 403, 200, 403, 200, 200),
    "compare": ("login", 403, 200, 403, 200, 200),
    "recover list": ("login", 403, 200, 200, 200, 200),
    "preview": (404, 404, 200, 404, 200, 200),
    "preview card": (404, 404, 200, 404, 200, 200),
}


def page_url(page, article):
    args = [article.pk]
    version = first_version(article)
    return {
        "list": reverse("admin:articles_article_changelist"),
        "add": reverse("admin:articles_article_add"),
        "change": change_url(article),
        "delete": reverse("admin:articles_article_delete", args=args),
        "history": reverse("admin:articles_article_history", args=args),
        "restore": reverse("admin:articles_article_revision", args=[article.pk, version.pk]),
        "compare": reverse("admin:articles_article_compare", args=args)
        + f"?from={version.pk}&to={version.pk}",
        "recover list": reverse("admin:articles_article_recoverlist"),
        "preview": reverse("articles:preview", args=[article.slug]),
        "preview card": reverse("articles:preview_card", args=[article.slug]),
    }[page]


@pytest.mark.parametrize("page", PAGES)
@pytest.mark.parametrize("role", ROLES)
def test_who_opens_which_page_of_an_authors_draft(as_role, draft, role, page):
    response = as_role(role).get(page_url(page, draft))
    assert status_of(response) == PAGES[page][ROLES.index(role)]


@pytest.mark.parametrize(
    ("role", "listed"),
    [("author", True), ("other author", False), ("editor", True), ("superuser", True)],
)
def test_the_list_shows_authors_only_their_own_articles(as_role, draft, role, listed):
    content = as_role(role).get(reverse("admin:articles_article_changelist")).content.decode()
    assert (draft.title in content) is listed


# Changing, publishing and deleting, posted as each role would.


@pytest.mark.parametrize(
    ("role", "changed"),
    [
        ("anonymous", False),
        ("plain staff", False),
        ("author", True),
        ("other author", False),
        ("editor", True),
        ("superuser", True),
    ],
)
def test_who_may_save_changes_to_an_authors_draft(client, as_role, people, draft, role, changed):
    client.force_login(people["editor"])
    data = open_article(client, draft)
    client.logout()
    save_article(as_role(role), draft, data, title="Changed by someone")
    draft.refresh_from_db()
    assert (draft.title == "Changed by someone") is changed


@pytest.mark.parametrize(
    ("role", "published"),
    [("author", False), ("editor", True), ("superuser", True)],
)
def test_only_editors_publish_from_the_form(client, as_role, people, draft, role, published):
    client.force_login(people["editor"])
    data = open_article(client, draft)  # the editor's form has the status field
    client.logout()
    save_article(as_role(role), draft, data, status="published")
    draft.refresh_from_db()
    assert (draft.status == Article.Status.PUBLISHED) is published


def test_an_authors_form_shows_the_status_without_a_field_to_change_it(as_role, draft):
    data = open_article(as_role("author"), draft)
    assert "status" not in data
    assert "publish_at_0" not in data


def test_an_author_cannot_change_the_publish_time_of_a_published_article(as_role, people):
    article = make_article(author=people["author"].author)
    published_at = article.publish_at
    client = as_role("author")
    data = open_article(client, article)
    save_article(
        client, article, data, publish_at_0="2099-01-01", publish_at_1="09:00", status="draft"
    )
    article.refresh_from_db()
    assert (article.status, article.publish_at) == (Article.Status.PUBLISHED, published_at)


def test_authors_publish_their_own_when_the_setting_allows(as_role, draft, settings):
    settings.ARTICLES_AUTHORS_CAN_PUBLISH = True
    client = as_role("author")
    data = open_article(client, draft)
    save_article(client, draft, data, status="published")
    draft.refresh_from_db()
    assert draft.is_public


def test_an_author_adds_articles_as_themselves_only(as_role, people):
    client = as_role("author")
    other = people["other author"].author
    response = client.post(
        reverse("admin:articles_article_add"), new_article_data(author=str(other.pk))
    )
    assert response.status_code == 200
    assert "Select a valid choice" in str(response.context["adminform"].form.errors["author"])
    client.post(
        reverse("admin:articles_article_add"),
        new_article_data(author=str(people["author"].author.pk), status="published"),
    )
    article = Article.objects.get(slug="the-first-television")
    assert article.author == people["author"].author
    assert article.status == Article.Status.DRAFT


def test_a_login_without_an_author_profile_cannot_add_as_an_author(client):
    client.force_login(make_user("Authors"))
    assert client.get(reverse("admin:articles_article_add")).status_code == 403


def bulk(client, action, *articles):
    return client.post(
        reverse("admin:articles_article_changelist"),
        {"action": action, "_selected_action": [article.pk for article in articles]},
    )


@pytest.mark.parametrize(
    ("role", "published"),
    [
        ("anonymous", False),
        ("plain staff", False),
        ("author", False),
        ("other author", False),
        ("editor", True),
        ("superuser", True),
    ],
)
def test_who_may_publish_in_bulk(as_role, draft, role, published):
    bulk(as_role(role), "publish_now", draft)
    draft.refresh_from_db()
    assert draft.is_public is published


def test_authors_are_not_offered_the_publishing_actions(as_role, draft, settings):
    response = as_role("author").get(reverse("admin:articles_article_changelist"))
    actions = dict(response.context["action_form"].fields["action"].choices)
    assert "publish_now" not in actions
    assert "unpublish" not in actions
    settings.ARTICLES_AUTHORS_CAN_PUBLISH = True
    response = as_role("author").get(reverse("admin:articles_article_changelist"))
    assert "publish_now" in dict(response.context["action_form"].fields["action"].choices)


def test_with_the_setting_authors_publish_only_their_own_in_bulk(as_role, draft, settings):
    settings.ARTICLES_AUTHORS_CAN_PUBLISH = True
    others = make_draft(author=make_user("Authors", author=True).author)
    bulk(as_role("author"), "publish_now", draft, others)
    draft.refresh_from_db()
    others.refresh_from_db()
    assert draft.is_public
    assert not others.is_public


@pytest.mark.parametrize(
    ("role", "deleted"),
    [
        ("anonymous", False),
        ("plain staff", False),
        ("author", True),
        ("other author", False),
        ("editor", True),
        ("superuser", True),
    ],
)
def test_who_may_delete_an_authors_draft(as_role, draft, role, deleted):
    as_role(role).post(reverse("admin:articles_article_delete", args=[draft.pk]), {"post": "yes"})
    assert Article.objects.filter(pk=draft.pk).exists() is not deleted


def test_authors_do_not_delete_their_published_articles(as_role, people):
    article = make_article(author=people["author"].author)
    client = as_role("author")
    url = reverse("admin:articles_article_delete", args=[article.pk])
    assert client.get(url).status_code == 403
    client.post(url, {"post": "yes"})
    bulk(client, "delete_selected", article)
    client.post(
        reverse("admin:articles_article_changelist"),
        {"action": "delete_selected", "_selected_action": [article.pk], "post": "yes"},
    )
    assert Article.objects.filter(pk=article.pk).exists()


@pytest.mark.parametrize(
    ("role", "restored"),
    [
        ("anonymous", False),
        ("plain staff", False),
        ("author", True),
        ("other author", False),
        ("editor", True),
        ("superuser", True),
    ],
)
def test_who_may_restore_a_revision(client, as_role, people, draft, role, restored):
    url = reverse("admin:articles_article_revision", args=[draft.pk, first_version(draft).pk])
    client.force_login(people["editor"])
    data = open_article(client, draft) | {"title": "Vesuvius erupts"}
    client.logout()
    as_role(role).post(url, data)
    draft.refresh_from_db()
    assert (draft.title == "Vesuvius erupts") is restored


def test_a_version_of_another_article_cannot_be_restored_through_this_one(as_role, draft):
    own = make_draft(author=draft.author)
    url = reverse("admin:articles_article_revision", args=[own.pk, first_version(draft).pk])
    assert as_role("author").get(url).status_code == 404


# Author profiles


def test_an_author_edits_their_own_profile_and_no_one_elses(as_role, people):
    client = as_role("author")
    own, other = people["author"].author, people["other author"].author
    assert "My profile" in client.get(reverse("admin:index")).content.decode()
    url = reverse("admin:articles_author_change", args=[own.pk])
    response = client.post(
        url,
        {
            "display_name": "Grace Whitmore",
            "bio": "Grace writes about ships.",
            "links": "https://example.org/grace",
            # Not fields for an author: a crafted post changes neither.
            "slug": "someone-else",
            "user": str(people["other author"].pk),
        },
    )
    assert response.status_code == 302
    own.refresh_from_db()
    assert (own.display_name, own.bio, own.links) == (
        "Grace Whitmore",
        "Grace writes about ships.",
        "https://example.org/grace",
    )
    assert own.user == people["author"]
    assert own.slug != "someone-else"
    other_url = reverse("admin:articles_author_change", args=[other.pk])
    assert client.get(other_url).status_code == 302  # "does not exist" for them
    client.post(other_url, {"display_name": "Hacked", "bio": "", "links": ""})
    other.refresh_from_db()
    assert other.display_name != "Hacked"
    listing = client.get(reverse("admin:articles_author_changelist")).content.decode()
    assert own.display_name in listing
    assert other.display_name not in listing


def test_editors_manage_every_author(as_role, people):
    client = as_role("editor")
    assert client.get(reverse("admin:articles_author_add")).status_code == 200
    other = people["other author"].author
    response = client.get(reverse("admin:articles_author_change", args=[other.pk]))
    assert response.status_code == 200
    assert 'name="slug"' in response.content.decode()


def test_authors_may_not_add_authors(as_role):
    assert as_role("author").get(reverse("admin:articles_author_add")).status_code == 403


def test_the_roles_are_groups_with_their_permissions():
    from django.contrib.auth.models import Group

    def codenames(name):
        return set(Group.objects.get(name=name).permissions.values_list("codename", flat=True))

    assert "publish_article" in codenames("Editors")
    assert "publish_article" not in codenames("Authors")
    assert {"add_article", "change_article", "change_author"} <= codenames("Authors")
    assert {"add_author", "change_tag", "delete_tag"} <= codenames("Editors")
