"""Revisions through the admin: every save keeps one, with its tags and picture; the
history compares two; a restore brings back the text and the tags; deleted articles
are recovered."""

import pytest
from django.urls import reverse
from reversion.models import Version
from taggit.models import Tag

from articles import revisions
from articles.models import Article

from . import images
from .admin_forms import form_data, new_article_data, open_article, save_article
from .factories import make_draft, make_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor(client):
    user = make_user("Editors", author=True, first_name="Grace", last_name="Whitmore")
    client.force_login(user)
    return user


def add_article(client, **changes):
    response = client.post(reverse("admin:articles_article_add"), new_article_data(**changes))
    assert response.status_code == 302, response.context["adminform"].form.errors
    return Article.objects.get(slug=changes.get("slug", "the-first-television"))


def versions(article):
    return list(Version.objects.get_for_object(article).order_by("pk"))


def tag_names(article):
    return sorted(article.tags.names())


@pytest.fixture
def edited(client, editor):
    """An article saved twice: first with one title, body and tag, then another."""
    article = add_article(client, author=str(editor.author.pk), tags="Television")
    data = open_article(client, article)
    save_article(
        client,
        article,
        data,
        title="Baird's televisor",
        body="Baird shows moving pictures to the Royal Institution.",
        tags="Inventions, London",
    )
    article.refresh_from_db()
    return article


def test_every_save_keeps_a_revision_with_its_tags_and_user(edited, editor):
    first, second = versions(edited)
    assert first.field_dict["title"] == "The first television"
    assert second.field_dict["title"] == "Baird's televisor"
    assert second.revision.user == editor
    tagged = revisions.tag_versions(second.revision)
    assert sorted(Tag.objects.get(pk=v.field_dict["tag_id"]).name for v in tagged) == [
        "Inventions",
        "London",
    ]


def test_the_history_lists_every_version_newest_first_by_author_name(client, edited, editor):
    response = client.get(reverse("admin:articles_article_history", args=[edited.pk]))
    content = response.content.decode()
    assert response.status_code == 200
    listed = [entry["version"] for entry in response.context["versions"]]
    assert listed == versions(edited)[::-1]
    assert f"<td>{editor.author.display_name}</td>" in content
    assert "Compare the two versions" in content


def test_a_user_without_an_author_profile_is_named_by_their_full_name():
    assert revisions.display_name(make_user(first_name="Ida", last_name="Wells")) == "Ida Wells"
    assert revisions.display_name(make_user(username="ida")) == "ida"
    assert revisions.display_name(None) == "Someone"


def test_the_comparison_shows_only_what_changed_word_by_word(client, edited):
    first, second = versions(edited)
    url = reverse("admin:articles_article_compare", args=[edited.pk])
    response = client.get(url, {"from": second.pk, "to": first.pk})  # any order
    assert response.status_code == 200
    changes = {change.label: change for change in response.context["changes"]}
    assert set(changes) == {"Title", "Body", "Tags"}
    assert strip_marks(changes["Title"].before) == "The first television"
    assert strip_marks(changes["Title"].after) == "Baird&#x27;s televisor"
    assert "<del>" in changes["Title"].before
    assert "<ins>" not in changes["Title"].before
    # Words both versions share are not marked.
    assert changes["Body"].before == "Baird shows moving <del>pictures.</del>"
    assert changes["Body"].after.startswith("Baird shows moving <ins>pictures to the")
    assert changes["Tags"].before == "<del>Television</del>"
    assert strip_marks(changes["Tags"].after) == "Inventions\nLondon"
    assert changes["Body"].after in response.content.decode()


def strip_marks(html):
    for mark in ("<del>", "</del>", "<ins>", "</ins>"):
        html = html.replace(mark, "")
    return html


@pytest.mark.parametrize("query", [{}, {"from": "1"}, {"from": "x", "to": "1"}])
def test_a_comparison_without_two_versions_is_404(client, edited, query):
    url = reverse("admin:articles_article_compare", args=[edited.pk])
    assert client.get(url, query).status_code == 404


def test_a_comparison_of_another_articles_version_is_404(client, edited, editor):
    other = add_article(client, slug="another", author=str(editor.author.pk))
    url = reverse("admin:articles_article_compare", args=[edited.pk])
    mine, theirs = versions(edited)[0], versions(other)[0]
    assert client.get(url, {"from": mine.pk, "to": theirs.pk}).status_code == 404


def test_word_diff_escapes_html_and_keeps_line_breaks():
    before, after = revisions.word_diff("a <b>\nc", "a <i>\nc")
    assert before == "a <del>&lt;b&gt;</del>\nc"
    assert after == "a <ins>&lt;i&gt;</ins>\nc"


def test_restore_brings_back_title_body_and_tags(client, edited):
    first = versions(edited)[0]
    url = reverse("admin:articles_article_revision", args=[edited.pk, first.pk])
    response = client.get(url)
    assert response.status_code == 200
    assert "revert to this version" in response.content.decode()
    # Opening an old version changes nothing until it is saved.
    edited.refresh_from_db()
    assert edited.title == "Baird's televisor"
    assert tag_names(edited) == ["Inventions", "London"]

    response = client.post(url, form_data(response))
    assert response.status_code == 302
    edited.refresh_from_db()
    assert edited.title == "The first television"
    assert edited.body == "Baird shows moving pictures."
    assert "<p>Baird shows moving pictures.</p>" in edited.body_html
    assert tag_names(edited) == ["Television"]
    assert len(versions(edited)) == 3  # the restore is a revision too
    assert "Reverted" in versions(edited)[-1].revision.comment


def test_restore_keeps_the_publication_as_it_is_now(client, edited):
    edited.status, edited.publish_at = Article.Status.PUBLISHED, None
    edited.save()
    first = versions(edited)[0]  # a draft
    url = reverse("admin:articles_article_revision", args=[edited.pk, first.pk])
    client.post(url, form_data(client.get(url)))
    edited.refresh_from_db()
    assert edited.title == "The first television"
    assert edited.is_public


def test_restore_of_a_version_whose_tag_was_deleted_is_refused_without_an_error(client, edited):
    first = versions(edited)[0]
    Tag.objects.filter(name="Television").delete()
    url = reverse("admin:articles_article_revision", args=[edited.pk, first.pk])
    response = client.get(url, follow=True)
    assert "tag that has since been deleted" in response.content.decode()
    response = client.post(url, new_article_data(), follow=True)
    assert response.status_code == 200
    edited.refresh_from_db()
    assert edited.title == "Baird's televisor"
    # The old text can still be read in a comparison.
    compare = reverse("admin:articles_article_compare", args=[edited.pk])
    second = versions(edited)[1]
    response = client.get(compare, {"from": first.pk, "to": second.pk})
    assert "(a deleted tag)" in strip_marks(response.content.decode())


def picture_upload(name):
    return images.upload(images.picture((800, 600)), name=name)


def test_restore_with_a_picture_file_since_deleted_keeps_the_current_picture(
    client, editor, settings, django_capture_on_commit_callbacks
):
    article = add_article(
        client,
        author=str(editor.author.pk),
        picture=picture_upload("first.jpg"),
        picture_alt="The first picture.",
    )
    old_name = article.picture.name
    data = open_article(client, article)
    with django_capture_on_commit_callbacks(execute=True):
        response = save_article(
            client, article, data, picture=picture_upload("second.jpg"), picture_alt="Second."
        )
    assert response.status_code == 302
    article.refresh_from_db()
    current = article.picture.name
    assert not (settings.MEDIA_ROOT / old_name).exists()  # replaced: its file is deleted

    first = versions(article)[0]
    assert first.field_dict["picture"].name == old_name
    url = reverse("admin:articles_article_revision", args=[article.pk, first.pk])
    response = client.get(url)
    assert response.status_code == 200
    assert "keeps its current picture" in response.content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, form_data(response) | {"title": "Restored"}, follow=True)
    assert response.status_code == 200
    article.refresh_from_db()
    assert article.title == "Restored"
    assert (article.picture.name, article.picture_alt) == (current, "Second.")
    assert (settings.MEDIA_ROOT / current).exists()
    assert client.get(reverse("articles:preview", args=[article.slug])).status_code == 200


def test_a_deleted_article_is_recovered_with_its_tags(client, edited):
    pk = edited.pk
    response = client.post(reverse("admin:articles_article_delete", args=[pk]), {"post": "yes"})
    assert response.status_code == 302
    assert not Article.objects.filter(pk=pk).exists()

    listing = client.get(reverse("admin:articles_article_changelist")).content.decode()
    assert reverse("admin:articles_article_recoverlist") in listing
    recover_list = client.get(reverse("admin:articles_article_recoverlist"))
    (deleted,) = recover_list.context["deleted"]
    assert "Baird&#x27;s televisor" in recover_list.content.decode()
    url = reverse("admin:articles_article_recover", args=[deleted.pk])
    response = client.post(url, form_data(client.get(url)))
    assert response.status_code == 302
    article = Article.objects.get(pk=pk)
    assert article.title == "Baird's televisor"
    assert tag_names(article) == ["Inventions", "London"]


def test_an_article_deleted_in_bulk_is_recovered_even_without_earlier_revisions(client, editor):
    article = make_draft(title="Never saved in the admin", tags=["Old"])
    assert versions(article) == []
    client.post(
        reverse("admin:articles_article_changelist"),
        {"action": "delete_selected", "_selected_action": [article.pk], "post": "yes"},
    )
    assert not Article.objects.filter(pk=article.pk).exists()
    (deleted,) = client.get(reverse("admin:articles_article_recoverlist")).context["deleted"]
    url = reverse("admin:articles_article_recover", args=[deleted.pk])
    client.post(url, form_data(client.get(url)))
    assert tag_names(Article.objects.get(title="Never saved in the admin")) == ["Old"]


def test_authors_recover_only_their_own_articles_and_as_drafts(client):
    author = make_user("Authors", author=True)
    mine = make_draft(title="Mine", author=author.author)
    theirs = make_draft(title="Theirs", author=make_user("Authors", author=True).author)
    editor = make_user("Editors")
    client.force_login(editor)
    for article in (mine, theirs):
        client.post(reverse("admin:articles_article_delete", args=[article.pk]), {"post": "yes"})

    client.force_login(author)
    response = client.get(reverse("admin:articles_article_recoverlist"))
    assert [version.object_repr for version in response.context["deleted"]] == ["Mine"]
    theirs_version = Version.objects.get_deleted(Article).get(object_repr="Theirs")
    url = reverse("admin:articles_article_recover", args=[theirs_version.pk])
    assert client.get(url).status_code == 404
    client.post(url, new_article_data())
    assert not Article.objects.filter(title="Theirs").exists()


def test_bulk_publishing_keeps_one_revision_per_article(client, editor):
    first, second = make_draft(), make_draft()
    client.post(
        reverse("admin:articles_article_changelist"),
        {"action": "publish_now", "_selected_action": [first.pk, second.pk]},
    )
    for article in (first, second):
        (version,) = versions(article)
        assert version.revision.version_set.get().object_id == str(article.pk)
        assert version.revision.user == editor
        assert "Publish now" in version.revision.comment


def test_a_recovered_article_comes_back_without_the_picture_deleted_with_it(
    client, editor, settings, django_capture_on_commit_callbacks
):
    article = add_article(
        client,
        author=str(editor.author.pk),
        picture=picture_upload("gone.jpg"),
        picture_alt="A picture deleted with its article.",
    )
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("admin:articles_article_delete", args=[article.pk]), {"post": "yes"})
    (deleted,) = client.get(reverse("admin:articles_article_recoverlist")).context["deleted"]
    url = reverse("admin:articles_article_recover", args=[deleted.pk])
    response = client.get(url)
    assert "comes back without a picture" in response.content.decode()
    response = client.post(url, form_data(response), follow=True)
    assert response.status_code == 200
    recovered = Article.objects.get(pk=article.pk)
    assert (recovered.picture.name, recovered.picture_alt, recovered.picture_renditions) == (
        "",
        "",
        {},
    )
    assert client.get(reverse("articles:preview", args=[recovered.slug])).status_code == 200


def test_recovering_an_article_whose_address_was_taken_since_says_so(client, edited):
    client.post(reverse("admin:articles_article_delete", args=[edited.pk]), {"post": "yes"})
    make_draft(slug=edited.slug)
    (deleted,) = client.get(reverse("admin:articles_article_recoverlist")).context["deleted"]
    url = reverse("admin:articles_article_recover", args=[deleted.pk])
    response = client.get(url, follow=True)
    assert response.status_code == 200
    assert f"Another article now has the address /articles/{edited.slug}/" in (
        response.content.decode()
    )
    assert not Article.objects.filter(pk=edited.pk).exists()
