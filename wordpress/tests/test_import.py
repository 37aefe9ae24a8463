"""The import of a WordPress 6 export: posts become articles with their dates, tags,
authors, pictures and statuses; the rest is counted and listed."""

import datetime

import pytest
from django.core.files.base import ContentFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from reversion.models import Version

from articles.models import Article, Author
from wordpress.models import ImportedPost

from .generated import write_export
from .helpers import SITE, copy_export, run_import, uploads_folder

pytestmark = pytest.mark.django_db


@pytest.fixture
def imported(tmp_path):
    out, _ = run_import(SITE, "--media-dir", uploads_folder(tmp_path))
    return out


def test_each_post_becomes_an_article_and_nothing_else_does(imported):
    assert sorted(Article.objects.values_list("slug", flat=True)) == [
        "musings",
        "the-declaration",
        "the-ides-of-march",
        "the-moon-landing-50-years-on",
        "trotsky-assassinated",
    ]
    assert "Articles created: 5, updated: 0, unchanged: 0." in imported
    assert (
        "Skipped: 2 attachments, 1 menu item, 1 page, 1 private post, 1 trash post"
    ) in imported
    assert "; 1 comment (not imported)." in imported
    assert "post 51 “Notes for myself” (private)" in imported
    assert "post 52 “A post we regret” (trash)" in imported


def test_a_gutenberg_post_keeps_its_text_date_tags_and_author(imported):
    article = Article.objects.get(slug="trotsky-assassinated")
    assert article.title == "Trotsky Assassinated"
    assert article.dek == "Stalin's reach found the exile in Mexico City."
    assert (article.event_year, article.event_month, article.event_day) == (1940, 8, 20)
    assert article.status == Article.Status.PUBLISHED
    assert article.publish_at == datetime.datetime(2020, 8, 20, 7, tzinfo=datetime.UTC)
    assert article.is_public
    assert sorted(article.tags.names()) == ["Mexico", "Politics"]
    assert article.author.display_name == "Matt Loren"
    assert "<!--" not in article.body
    assert article.body.startswith("On **August 20, 1940**, Ramón Mercader")
    assert "## The last exile" in article.body
    assert "<h2>The last exile</h2>" in article.body_html
    assert "<img" not in article.body_html  # the body's picture is the article's picture


def test_the_featured_image_is_published_as_an_admin_upload_is(imported):
    article = Article.objects.get(slug="trotsky-assassinated")
    assert article.picture_alt == "A low white house behind a wall, seen from the street"
    assert article.picture_caption == "The house on Avenida Viena, now a museum"
    data = article.picture.read()
    assert b"SpyCam" not in data and b"SECRETPLACE" not in data  # metadata stripped
    assert article.picture_renditions["source"] == article.picture.name
    widths = [item["width"] for item in article.picture_renditions["webp"]]
    assert widths == [480, 960, 1200]
    storage = article.picture.storage
    assert all(storage.exists(item["name"]) for item in article.picture_renditions["jpeg"])


def test_a_classic_post_gets_paragraphs_its_caption_and_a_bc_date(imported):
    article = Article.objects.get(slug="the-ides-of-march")
    assert (article.event_year, article.event_month, article.event_day) == (-43, 3, 15)
    assert article.tags.names()[0] == "Rome"  # "Uncategorized" says nothing: left out
    assert article.tags.count() == 1
    assert article.body_html.startswith(
        "<p>Caesar was warned to beware the Ides of March [sic].<br>\nHe went to the Senate"
    )
    assert "<p>Et tu, Brute?</p>" in article.body_html
    assert "[pullquote]" not in article.body
    assert article.picture_alt == "Columns of the Temple of Saturn in the Roman Forum"
    assert article.picture_caption == "The Forum as it stands today"
    assert article.picture.name.endswith(".png")


def test_scheduled_drafts_and_dateless_posts(imported):
    scheduled = Article.objects.get(slug="the-moon-landing-50-years-on")
    assert scheduled.status == Article.Status.PUBLISHED
    assert scheduled.publish_at > timezone.now() and not scheduled.is_public
    assert (scheduled.event_year, scheduled.event_month, scheduled.event_day) == (1969, 7, 20)
    draft = Article.objects.get(slug="the-declaration")
    assert draft.status == Article.Status.DRAFT and draft.publish_at is None
    assert (draft.event_year, draft.event_month, draft.event_day) == (1776, None, None)
    dateless = Article.objects.get(slug="musings")
    assert dateless.status == Article.Status.DRAFT  # published in WordPress, but undated
    assert dateless.event_approximate
    assert ImportedPost.objects.get(post_id=61).needs_event_date
    assert "Drafts needing an event date (no date found): 1" in imported
    assert "post 61 “Musings”" in imported


def test_missing_pictures_and_authors_to_complete_are_reported(imported):
    moon = "post 31 “The Moon Landing, 50 Years On”"
    assert f"{moon}: featured image 99 is not in the export" in imported
    assert "Authors to complete (WordPress exports no bio): 2" in imported
    assert "Matt Loren (matt, matt@pasttense.example)" in imported
    assert "Shortcodes removed (what they enclosed was kept): [pullquote] x1" in imported
    assert set(Author.objects.values_list("slug", flat=True)) == {"matt", "ines"}


def test_a_missing_picture_file_is_reported_and_the_post_still_imported(tmp_path):
    uploads = uploads_folder(tmp_path)
    (uploads / "2020/08/coyoacan.jpg").unlink()
    out, _ = run_import(SITE, "--media-dir", uploads)
    article = Article.objects.get(slug="trotsky-assassinated")
    assert not article.picture
    assert "Pictures missing or refused: 2" in out
    assert "2020/08/coyoacan.jpg: not found in" in out


def test_a_path_leading_out_of_the_uploads_folder_is_refused(tmp_path):
    uploads = uploads_folder(tmp_path)
    (tmp_path / "secret.png").write_bytes((uploads / "2019/03/forum.png").read_bytes())
    export = copy_export(
        tmp_path,
        replace=[
            (
                "uploads/2019/03/forum.png]]></wp:attachment_url>",
                "uploads/../../secret.png]]></wp:attachment_url>",
            )
        ],
    )
    out, _ = run_import(export, "--media-dir", uploads)
    assert not Article.objects.get(slug="the-ides-of-march").picture
    assert "refused, the path leads out of the uploads folder" in out


def test_a_rerun_updates_what_changed_and_duplicates_nothing(tmp_path):
    uploads = uploads_folder(tmp_path)
    run_import(SITE, "--media-dir", uploads)
    trotsky = Article.objects.get(slug="trotsky-assassinated")
    picture_name = trotsky.picture.name
    # An editor fixes the Ides article's title here; WordPress edits both titles.
    ides = Article.objects.get(slug="the-ides-of-march")
    ides.title = "The Ides of March, 44 BC"
    ides.save()
    export = copy_export(
        tmp_path,
        replace=[
            ("<![CDATA[Trotsky Assassinated]]>", "<![CDATA[Trotsky Is Assassinated]]>"),
            ("<![CDATA[The Ides of March]]>", "<![CDATA[Beware the Ides]]>"),
        ],
    )
    out, _ = run_import(export, "--media-dir", uploads)
    assert Article.objects.count() == 5
    assert ImportedPost.objects.count() == 5
    trotsky.refresh_from_db()
    assert trotsky.title == "Trotsky Is Assassinated"
    assert trotsky.picture.name == picture_name  # the same picture is not imported again
    assert Article.objects.get(slug="the-ides-of-march").title == "The Ides of March, 44 BC"
    assert "Articles created: 0, updated: 1, unchanged: 4." in out
    assert "post 21 “Beware the Ides”: title" in out


def test_the_date_field_option_names_the_custom_field(tmp_path):
    export = copy_export(
        tmp_path,
        replace=[("<![CDATA[event_date]]>", "<![CDATA[when]]>")],
    )
    run_import(export, "--date-field", "when")
    assert Article.objects.get(slug="the-ides-of-march").event_year == -43


def test_a_password_protected_post_is_never_published(tmp_path):
    export = copy_export(
        tmp_path,
        replace=[
            (
                "<wp:post_name><![CDATA[trotsky-assassinated]]></wp:post_name>",
                "<wp:post_name><![CDATA[trotsky-assassinated]]></wp:post_name>"
                "<wp:post_password><![CDATA[members]]></wp:post_password>",
            )
        ],
    )
    out, _ = run_import(export)
    assert Article.objects.get(slug="trotsky-assassinated").status == Article.Status.DRAFT
    assert "Password-protected posts, imported as drafts: 1" in out


def test_links_to_the_old_site_lead_to_its_old_addresses_here(imported):
    body = Article.objects.get(slug="trotsky-assassinated").body
    assert "[Another murder](/2019/03/15/the-ides-of-march/)" in body


def test_an_update_keeps_a_revision_of_what_it_replaced(tmp_path):
    run_import(SITE)
    export = copy_export(
        tmp_path,
        replace=[("<![CDATA[Trotsky Assassinated]]>", "<![CDATA[Trotsky Is Assassinated]]>")],
    )
    run_import(export)
    trotsky = Article.objects.get(slug="trotsky-assassinated")
    latest = Version.objects.get_for_object(trotsky).first()
    assert latest.revision.get_comment() == "Updated from WordPress"
    assert latest.field_dict["title"] == "Trotsky Is Assassinated"


def test_the_import_costs_the_same_few_queries_for_each_post(tmp_path):
    def queries_for(posts):
        export = tmp_path / f"{posts}.xml"
        with export.open("w") as file:
            write_export(file, posts)
        with CaptureQueriesContext(connection) as queries:
            run_import(export)
        Article.objects.all().delete()
        return len(queries)

    # Each of these posts also brings two new tags (found, then made: four queries),
    # and on PostgreSQL its search vector (two).
    few, more = queries_for(5), queries_for(15)
    assert (more - few) / 10 <= 17


def test_the_progress_bar_is_shown_when_asked(tmp_path):
    _, progress = run_import(SITE, "--progress")
    assert "Importing" in progress and "100%" in progress
    _, quiet = run_import(SITE)
    assert quiet == ""


def test_a_picture_chosen_here_is_not_replaced_by_a_later_run(tmp_path):
    uploads = uploads_folder(tmp_path)
    picture = (uploads / "2019/03/forum.png").read_bytes()
    (uploads / "2019/03/forum.png").unlink()
    run_import(SITE, "--media-dir", uploads)
    ides = Article.objects.get(slug="the-ides-of-march")
    assert not ides.picture
    ides.picture = ContentFile(picture, name="chosen-here.png")
    ides.picture_alt = "Chosen by an editor"
    ides.save()
    (uploads / "2019/03/forum.png").write_bytes(picture)
    out, _ = run_import(SITE, "--media-dir", uploads)
    ides.refresh_from_db()
    assert ides.picture_alt == "Chosen by an editor"
    assert "post 21 “The Ides of March”: picture" in out


def test_a_picture_missing_at_first_is_imported_when_it_is_there(tmp_path):
    uploads = uploads_folder(tmp_path)
    picture = (uploads / "2019/03/forum.png").read_bytes()
    (uploads / "2019/03/forum.png").unlink()
    run_import(SITE, "--media-dir", uploads)
    (uploads / "2019/03/forum.png").write_bytes(picture)
    out, _ = run_import(SITE, "--media-dir", uploads)
    ides = Article.objects.get(slug="the-ides-of-march")
    assert ides.picture and ides.picture_renditions["source"] == ides.picture.name
    assert "updated: 1" in out


def test_a_link_out_of_the_folder_and_a_file_that_is_no_picture_are_refused(tmp_path):
    uploads = uploads_folder(tmp_path)
    (tmp_path / "elsewhere.jpg").write_bytes((uploads / "2020/08/coyoacan.jpg").read_bytes())
    (uploads / "2020/08/coyoacan.jpg").unlink()
    (uploads / "2020/08/coyoacan.jpg").symlink_to(tmp_path / "elsewhere.jpg")
    (uploads / "2019/03/forum.png").write_text("<?php echo 'not a picture'; ?>")
    out, _ = run_import(SITE, "--media-dir", uploads)
    assert "2020/08/coyoacan.jpg: refused, it links out of the uploads folder" in out
    assert "2019/03/forum.png: refused, This file is not a JPEG, PNG, WebP or GIF picture." in out
    assert not Article.objects.filter(picture__gt="").exists()
