"""Reading exports: WXR 1.1 as well as 1.2, one item at a time in bounded memory."""

import io
import tracemalloc

from wordpress import wxr

from .generated import write_export
from .helpers import SITE


def test_the_export_reads_as_a_site_then_authors_and_items():
    with SITE.open("rb") as file:
        records = list(wxr.read(file))
    assert records[0] == wxr.Site(
        "1.2", "https://pasttense.example", "https://pasttense.example", "Past Tense"
    )
    assert [author.login for author in records if isinstance(author, wxr.Author)] == [
        "matt",
        "ines",
    ]
    trotsky = records[3]
    assert (trotsky.post_id, trotsky.post_type, trotsky.status) == (12, "post", "publish")
    assert trotsky.meta["_thumbnail_id"] == "13"
    assert ("post_tag", "mexico", "Mexico") in trotsky.terms
    assert trotsky.comments == 1


def test_a_wxr_1_1_export_reads_the_same():
    text = SITE.read_text().replace("export/1.2/", "export/1.1/").replace(">1.2<", ">1.1<")
    records = list(wxr.read(io.BytesIO(text.encode())))
    assert records[0].wxr_version == "1.1"
    assert records[3].excerpt == "Stalin's reach found the exile in Mexico City."


def peak_memory(posts):
    text = io.StringIO()
    write_export(text, posts, paragraphs=20)
    data = io.BytesIO(text.getvalue().encode())
    del text
    tracemalloc.start()
    count = sum(1 for record in wxr.read(data) if isinstance(record, wxr.Item))
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert count == posts
    return peak


def test_memory_does_not_grow_with_the_number_of_posts():
    # Each post holds about 6 KB of body: 600 of them are 3.6 MB of text, which a
    # parser keeping what it read would hold at once.
    few, many = peak_memory(50), peak_memory(600)
    assert many < 2 * few
    assert many < 1_000_000
