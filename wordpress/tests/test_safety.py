"""An export that is not one, or one that attacks the parser, gets one clear message and
changes nothing; a dry run shows what would happen and saves nothing."""

import gzip
import zipfile

import pytest
from django.core.management.base import CommandError

from articles.models import Article, Author
from wordpress.models import ImportedPost, OldAddress

from .helpers import SITE, run_import, uploads_folder, write

pytestmark = pytest.mark.django_db

EXTERNAL_ENTITY = """<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE rss [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
<rss version="2.0" xmlns:wp="http://wordpress.org/export/1.2/"><channel>
<wp:wxr_version>1.2</wp:wxr_version>
<item><title>&secret;</title><wp:post_id>1</wp:post_id><wp:post_type>post</wp:post_type>
<wp:status>publish</wp:status></item></channel></rss>
"""

BILLION_LAUGHS = """<?xml version="1.0"?>
<!DOCTYPE rss [
 <!ENTITY lol "lol">
 <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
 <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
 <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
 <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
 <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
 <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
]>
<rss version="2.0" xmlns:wp="http://wordpress.org/export/1.2/"><channel>
<wp:wxr_version>1.2</wp:wxr_version><title>&lol9;</title></channel></rss>
"""

RSS_FEED = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>A blog</title><link>https://blog.example</link>
<item><title>A post</title><link>https://blog.example/a-post/</link></item>
</channel></rss>
"""


def refusal(path):
    with pytest.raises(CommandError) as refused:
        run_import(path)
    assert not Article.objects.exists() and not Author.objects.exists()
    return str(refused.value)


@pytest.mark.parametrize("export", [EXTERNAL_ENTITY, BILLION_LAUGHS], ids=["xxe", "bomb"])
def test_entities_are_refused_before_anything_is_read(tmp_path, export):
    message = refusal(write(tmp_path / "export.xml", export))
    assert "declares a document type or entities" in message
    assert "root:" not in message  # nothing of /etc/passwd


def test_an_rss_feed_is_not_an_export(tmp_path):
    message = refusal(write(tmp_path / "feed.xml", RSS_FEED))
    assert "an RSS feed, not a WordPress export" in message


def test_another_xml_file_is_not_an_export(tmp_path):
    message = refusal(write(tmp_path / "sitemap.xml", '<?xml version="1.0"?><urlset/>'))
    assert "whose root is <urlset>" in message


def test_a_cut_off_export_says_where(tmp_path):
    text = SITE.read_text()
    message = refusal(write(tmp_path / "cut.xml", text[: len(text) // 2]))
    assert "not well-formed XML (line" in message
    assert "Export it again" in message


def test_a_picture_or_a_missing_file_is_not_an_export(tmp_path):
    (tmp_path / "photo.xml").write_bytes(b"\xff\xd8\xff\xe0 not xml")
    assert "not well-formed XML" in refusal(tmp_path / "photo.xml")
    assert "no such file" in refusal(tmp_path / "nowhere.xml")


def test_a_dry_run_saves_nothing_and_says_what_it_would_do(tmp_path, settings):
    out, _ = run_import(SITE, "--media-dir", uploads_folder(tmp_path), "--dry-run")
    assert "Articles would be created: 5" in out
    assert "Dry run: nothing was saved." in out
    trotsky = "would be created: post 12 “Trotsky Assassinated” → /articles/trotsky-assassinated/"
    assert f"{trotsky} (Published)" in out
    assert "would be created: post 61 “Musings” → /articles/musings/ (Draft)" in out
    for model in (Article, Author, ImportedPost, OldAddress):
        assert not model.objects.exists()
    media = settings.MEDIA_ROOT
    assert not media.exists() or not any(path.is_file() for path in media.rglob("*"))


def test_a_gzipped_export_is_read_and_a_zip_archive_explained(tmp_path):
    (tmp_path / "export.xml.gz").write_bytes(gzip.compress(SITE.read_bytes()))
    out, _ = run_import(tmp_path / "export.xml.gz")
    assert "Articles created: 5" in out
    archive = tmp_path / "wordpress.com.zip"
    with zipfile.ZipFile(archive, "w") as zipped:
        zipped.write(SITE, "site.xml")
    assert "a zip archive: unzip it" in refusal_after_import(archive)
    (tmp_path / "cut.xml.gz").write_bytes(gzip.compress(SITE.read_bytes())[:500])
    assert "compressed export is damaged" in refusal_after_import(tmp_path / "cut.xml.gz")


def refusal_after_import(path):
    with pytest.raises(CommandError) as refused:
        run_import(path)
    return str(refused.value)
