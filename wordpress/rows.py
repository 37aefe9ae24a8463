"""The rows an import finds or makes beside its articles: authors, tags, unique slugs
and the old addresses."""

from django.utils.text import slugify
from taggit.models import Tag

from articles.admin.forms import free_slug
from articles.models import Article, Author

from . import posts
from .models import OldAddress


class Rows:
    """Authors and tags, each looked up (or made) once per import."""

    def __init__(self, report):
        self.report = report
        self.wordpress_authors = {}  # login -> wxr.Author, from the export
        self.authors = {}  # login -> Author
        self.tags = {}  # casefolded name -> Tag

    def author(self, login) -> Author:
        """The author who wrote as ``login``: found by slug, or made from the export's
        display name; one without a bio is listed for the report."""
        login = login or "wordpress"
        if login not in self.authors:
            known = self.wordpress_authors.get(login)
            name = (known.display_name if known else "") or login
            author, _ = Author.objects.get_or_create(
                slug=slugify(login)[:100] or "wordpress", defaults={"display_name": name[:100]}
            )
            if not author.bio:
                email = f", {known.email}" if known and known.email else ""
                self.report.authors_to_complete.append(f"{author.display_name} ({login}{email})")
            self.authors[login] = author
        return self.authors[login]

    def tag(self, name) -> Tag:
        """The tag called ``name`` (case aside), made if there is none."""
        key = name.casefold()
        if key not in self.tags:
            found = Tag.objects.filter(name__iexact=name).first()
            self.tags[key] = found or Tag.objects.create(name=name)
        return self.tags[key]


def unique_slug(wanted):
    """``wanted``, or, when an article has it, the admin's next free one ("slug-2")."""
    wanted = wanted or "wordpress-post"
    return free_slug(wanted) if Article.objects.filter(slug=wanted).exists() else wanted


def save_old_addresses(item, article):
    paths = posts.old_paths(item)
    existing = dict(OldAddress.objects.filter(path__in=paths).values_list("path", "article"))
    # New ones at once (the article's save has told the page cache already); one that led
    # to another article is moved by a save, which tells it again.
    OldAddress.objects.bulk_create(
        [OldAddress(path=path, article=article) for path in paths if path not in existing]
    )
    for path, article_id in existing.items():
        if article_id != article.pk:
            OldAddress.objects.update_or_create(path=path, defaults={"article": article})
