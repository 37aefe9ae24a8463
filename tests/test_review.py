"""The review of drafts, through the admin: an author submits a draft, the editors are
e-mailed and see it on the admin's index, an editor publishes it or sends it back
with a comment the author then sees on the article's page."""

import smtplib

import pytest
from django.contrib.auth.models import Permission
from django.core import mail
from django.urls import reverse
from reversion.models import Version

from articles.models import Article

from .admin_forms import change_url, form_data, new_article_data, open_article
from .factories import make_article, make_draft, make_user

pytestmark = pytest.mark.django_db

INDEX = reverse("admin:index")
ADD = reverse("admin:articles_article_add")


@pytest.fixture
def author(client):
    user = make_user("Authors", author=True, email="author@example.org")
    client.force_login(user)
    return user


@pytest.fixture
def editors():
    """Who gets the e-mail, and who does not."""
    by_permission = make_user(email="by-permission@example.org")
    by_permission.user_permissions.add(Permission.objects.get(codename="publish_article"))
    return {
        "editor": make_user("Editors", email="editor@example.org"),
        "superuser": make_user("superuser", email="root@example.org"),
        "by permission": by_permission,
        "no address": make_user("Editors", email=""),
        "inactive": make_user("Editors", email="gone@example.org", is_active=False),
        "author": make_user("Authors", email="other-author@example.org"),
    }


def submit(client, article):
    return client.post(
        change_url(article), {**open_article(client, article), "_submit_for_review": "x"}
    )


def waiting(response):
    content = response.content.decode()
    start = content.find('id="waiting-for-review"')
    return content[start : content.find("</div>", start)] if start != -1 else None


# Transactional, so the e-mail goes once the save commits, as it does on the site (and
# its message reaches the next page). The roles' groups are made again if a transactional
# test before flushed them (tests/factories.py).
@pytest.mark.django_db(transaction=True)
def test_the_author_submits_a_draft_and_every_editor_with_an_address_is_emailed(
    client, author, editors
):
    draft = make_draft(title="The fall of Constantinople", author=author.author)
    response = submit(client, draft)
    assert response.status_code == 302
    draft.refresh_from_db()
    assert draft.status == Article.Status.DRAFT and draft.submitted_at is not None
    assert not draft.is_public
    assert sorted(address for message in mail.outbox for address in message.to) == [
        "by-permission@example.org",
        "editor@example.org",
        "root@example.org",
    ]
    message = mail.outbox[0]
    assert "The fall of Constantinople" in message.subject
    assert change_url(draft) in message.body
    shown = [str(m) for m in client.get(response.url).context["messages"]]
    assert "Submitted for review: the editors have been told." in shown
    # Still a draft for readers.
    client.logout()
    assert client.get(draft.get_absolute_url()).status_code == 404


def test_a_new_article_can_be_submitted_from_the_add_form(
    client, author, editors, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        client.post(ADD, new_article_data(author=author.author.pk, _submit_for_review="x"))
    article = Article.objects.get()
    assert article.submitted_at is not None and article.status == Article.Status.DRAFT
    assert len(mail.outbox) == 3


@pytest.mark.django_db(transaction=True)
def test_a_failing_mail_server_keeps_the_submission_and_says_so(
    client, author, editors, monkeypatch
):
    def refuse(self, messages):
        raise smtplib.SMTPServerDisconnected("the mail server went away")

    monkeypatch.setattr("django.core.mail.backends.locmem.EmailBackend.send_messages", refuse)
    draft = make_draft(author=author.author, body="Kept, whatever the mail server does.")
    data = open_article(client, draft)
    response = client.post(
        change_url(draft), {**data, "body": "Typed just now.", "_submit_for_review": "x"}
    )
    assert response.status_code == 302
    draft.refresh_from_db()
    assert draft.body == "Typed just now." and draft.submitted_at is not None
    shown = [str(m) for m in client.get(response.url).context["messages"]]
    assert any("could not be sent" in message for message in shown)


def test_editors_see_the_waiting_drafts_on_the_admin_index_and_authors_do_not(client, author):
    draft = make_draft(title="Waiting one", author=author.author)
    make_draft(title="Never submitted", author=author.author)
    submit(client, draft)
    assert waiting(client.get(INDEX)) is None
    client.force_login(make_user("Editors"))
    listed = waiting(client.get(INDEX))
    assert "Waiting one" in listed and "Never submitted" not in listed
    assert change_url(draft) in listed


def test_the_waiting_list_is_bounded_and_links_to_all_of_them(
    client, django_assert_max_num_queries
):
    for number in range(12):
        make_draft(title=f"Draft {number}").__class__.objects.filter(
            title=f"Draft {number}"
        ).update(submitted_at="2026-01-01T00:00:00Z")
    client.force_login(make_user("Editors"))
    with django_assert_max_num_queries(8):
        listed = waiting(client.get(INDEX))
    assert listed.count("<li>") == 10
    assert "?state=review" in listed
    response = client.get(reverse("admin:articles_article_changelist"), {"state": "review"})
    assert len(response.context["cl"].result_list) == 12


def test_an_editor_sends_a_draft_back_and_the_author_sees_the_comment(
    client, author, django_capture_on_commit_callbacks
):
    draft = make_draft(title="Hastings", author=author.author)
    submit(client, draft)
    editor = make_user("Editors", first_name="Ada", last_name="Editor")
    client.force_login(editor)
    page = client.get(change_url(draft)).content.decode()
    send_back = reverse("admin:articles_article_send_back", args=[draft.pk])
    assert send_back in page
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(send_back, {"comment": "Name your sources for the arrow."})
    assert response.status_code == 302
    [message] = mail.outbox  # to the author, who has an address
    assert message.to == ["author@example.org"]
    assert "Name your sources for the arrow." in message.body
    assert change_url(draft) in message.body
    draft.refresh_from_db()
    assert draft.submitted_at is None
    assert draft.review_notes.get().comment == "Name your sources for the arrow."
    assert (
        "Sent back to the author: Name your sources"
        in Version.objects.get_for_object(draft).first().revision.get_comment()
    )
    assert "Hastings" not in waiting(client.get(INDEX))

    client.force_login(author)
    page = client.get(change_url(draft)).content.decode()
    assert "Sent back by Ada Editor" in page
    assert "Name your sources for the arrow." in page
    # Submitted again, the comment no longer heads the page; it stays in the list.
    submit(client, draft)
    page = client.get(change_url(draft)).content.decode()
    assert "Sent back by" not in page
    assert "Waiting for review since" in page
    assert "1 review comment" in page


def test_sending_back_needs_a_comment_an_editor_and_a_waiting_draft(client, author):
    draft = make_draft(author=author.author)
    send_back = reverse("admin:articles_article_send_back", args=[draft.pk])
    submit(client, draft)
    assert client.post(send_back, {"comment": "Mine"}).status_code == 403  # an author
    client.force_login(make_user("Editors"))
    response = client.post(send_back, {"comment": "  "})
    assert response.status_code == 200
    assert "Please write what the author should change." in response.content.decode()
    not_waiting = make_draft()
    response = client.post(
        reverse("admin:articles_article_send_back", args=[not_waiting.pk]), {"comment": "Hm"}
    )
    assert response.status_code == 302
    shown = [str(m) for m in client.get(response.url).context["messages"]]
    assert any("is not waiting for review" in message for message in shown)
    missing = reverse("admin:articles_article_send_back", args=[999999])
    assert client.get(missing).status_code == 404


def test_publishing_a_waiting_draft_takes_it_off_the_list(client, author):
    draft = make_draft(title="Ready", author=author.author)
    submit(client, draft)
    client.force_login(make_user("Editors"))
    data = open_article(client, draft)
    client.post(change_url(draft), {**data, "status": "published"})
    draft.refresh_from_db()
    assert draft.is_public and draft.submitted_at is None
    assert "Ready" not in waiting(client.get(INDEX))


def test_authors_cannot_publish_by_submitting(client, author):
    draft = make_draft(author=author.author)
    data = open_article(client, draft)
    client.post(change_url(draft), {**data, "status": "published", "_submit_for_review": "x"})
    draft.refresh_from_db()
    assert draft.status == Article.Status.DRAFT and draft.submitted_at is not None


def test_editors_have_no_submit_button_and_published_articles_none(client, author):
    draft = make_draft(author=author.author)
    assert "_submit_for_review" in client.get(change_url(draft)).content.decode()
    published = make_article(author=author.author)
    assert "_submit_for_review" not in client.get(change_url(published)).content.decode()
    client.force_login(make_user("Editors"))
    assert "_submit_for_review" not in client.get(change_url(draft)).content.decode()
    form_data(client.get(ADD))  # the add form still renders for editors


def test_an_editor_publishes_a_waiting_draft_in_one_click(client, author):
    draft = make_draft(title="One click", author=author.author)
    submit(client, draft)
    assert 'name="_publish"' not in client.get(change_url(draft)).content.decode()  # an author
    client.force_login(make_user("Editors"))
    data = open_article(client, draft)
    assert data["status"] == "draft"
    response = client.post(change_url(draft), {**data, "_publish": "x"})
    assert response.status_code == 302
    draft.refresh_from_db()
    assert draft.is_public and draft.submitted_at is None
    assert "Published: readers see it now." in [
        str(m) for m in client.get(response.url).context["messages"]
    ]
    assert "One click" not in waiting(client.get(INDEX))
    assert Version.objects.get_for_object(draft).count() == 2  # submitted, published
    assert 'name="_publish"' not in client.get(change_url(draft)).content.decode()  # published


def test_an_author_cannot_publish_with_the_button_unless_the_setting_says_so(
    client, author, settings
):
    draft = make_draft(author=author.author)
    data = open_article(client, draft)
    client.post(change_url(draft), {**data, "_publish": "x"})
    draft.refresh_from_db()
    assert draft.status == Article.Status.DRAFT
    settings.ARTICLES_AUTHORS_CAN_PUBLISH = True
    data = open_article(client, draft)
    client.post(change_url(draft), {**data, "_publish": "x"})
    draft.refresh_from_db()
    assert draft.is_public
