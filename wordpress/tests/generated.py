"""Exports written by a program, as large as asked: for the streaming test and the
benchmark (scripts/bench_wordpress.py)."""

from xml.sax.saxutils import escape

HEAD = """<?xml version="1.0" encoding="UTF-8" ?>
<rss version="2.0"
	xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/"
	xmlns:content="http://purl.org/rss/1.0/modules/content/"
	xmlns:wfw="http://wellformedweb.org/CommentAPI/"
	xmlns:dc="http://purl.org/dc/elements/1.1/"
	xmlns:wp="http://wordpress.org/export/1.2/"
>
<channel>
	<title>Generated</title>
	<link>https://generated.example</link>
	<wp:wxr_version>1.2</wp:wxr_version>
	<wp:base_site_url>https://generated.example</wp:base_site_url>
	<wp:base_blog_url>https://generated.example</wp:base_blog_url>
	<wp:author><wp:author_id>1</wp:author_id><wp:author_login><![CDATA[editor]]></wp:author_login>
	<wp:author_email><![CDATA[editor@generated.example]]></wp:author_email>
	<wp:author_display_name><![CDATA[The Editor]]></wp:author_display_name></wp:author>
"""

MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December"]  # fmt: skip

PARAGRAPH = (
    "<!-- wp:paragraph -->\n<p>Chroniclers of the {year} campaign wrote of rain, of roads "
    "turned to mud and of messengers who arrived too late; the letters kept in the archive "
    "say as much, in a hand that grows hurried towards the end.</p>\n<!-- /wp:paragraph -->\n\n"
)


def item(number, paragraphs=6):
    """A published Gutenberg post, its date in the title, tags and a category."""
    year = 1000 + number % 1000
    month, day = number % 12, number % 28 + 1
    title = f"Post {number}: what happened on {MONTHS[month]} {day}, {year}"
    body = PARAGRAPH.format(year=year) * paragraphs
    return f"""	<item>
		<title><![CDATA[{title}]]></title>
		<link>https://generated.example/2020/01/01/post-{number}/</link>
		<dc:creator><![CDATA[editor]]></dc:creator>
		<guid isPermaLink="false">https://generated.example/?p={number}</guid>
		<description></description>
		<content:encoded><![CDATA[{body}]]></content:encoded>
		<excerpt:encoded><![CDATA[{escape(title)}.]]></excerpt:encoded>
		<wp:post_id>{number}</wp:post_id>
		<wp:post_date><![CDATA[2020-01-01 10:00:00]]></wp:post_date>
		<wp:post_date_gmt><![CDATA[2020-01-01 10:00:00]]></wp:post_date_gmt>
		<wp:post_name><![CDATA[post-{number}]]></wp:post_name>
		<wp:status><![CDATA[publish]]></wp:status>
		<wp:post_parent>0</wp:post_parent>
		<wp:post_type><![CDATA[post]]></wp:post_type>
		<wp:post_password><![CDATA[]]></wp:post_password>
		<category domain="category" nicename="c{number % 20}"
			><![CDATA[Century {number % 20}]]></category>
		<category domain="post_tag" nicename="t{number % 50}"
			><![CDATA[Theme {number % 50}]]></category>
	</item>
"""


def write_export(file, posts, paragraphs=6):
    """Write an export of ``posts`` posts to a text file object."""
    file.write(HEAD)
    for number in range(1, posts + 1):
        file.write(item(number, paragraphs))
    file.write("</channel>\n</rss>\n")
