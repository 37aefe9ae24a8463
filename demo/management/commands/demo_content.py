import datetime

from django.core.files.base import ContentFile
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils import timezone

from articles import dates
from articles.models import Article, Author
from articles.search import update_search_vector
from briefs.csvfile import import_file
from demo import loader, pictures
from pictures.renditions import delete_files, is_current, make_renditions, publish, stored_names


def has_file(field_file):
    return bool(field_file) and field_file.storage.exists(field_file.name)


def publish_time(today, position, status):
    """Published articles appear a few days apart, going back about six months;
    the scheduled one a week from today. Fixed for the day, so reruns change nothing."""
    if status == "draft":
        return None
    day = today + datetime.timedelta(days=7 if status == "scheduled" else -1 - 5 * position)
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(9)))


def picture_year(article):
    """The year as the picture shows it: "44 BC", "c. 1450", "AD 79"."""
    year = dates.HistoricalDate(article.event_year, approximate=article.event_approximate)
    return dates.format_date(year)


def write_author(data):
    author = Author.objects.filter(slug=data["slug"]).first() or Author(slug=data["slug"])
    author.display_name = data["display_name"]
    author.bio = data["bio"]
    author.links = data["links"]
    author.full_clean()
    if not has_file(author.photo):
        portrait = pictures.draw_portrait(data["initials"], data["colour"])
        author.photo = ContentFile(portrait, name=f"{data['slug']}.png")
        author.photo_renditions = publish(author.photo, square=True)
    elif not is_current(author.photo, author.photo_renditions):
        author.photo_renditions = make_renditions(author.photo, square=True)
    author.save()
    return author


def write_article(data, author, publish_at):
    article = Article.objects.filter(slug=data["slug"]).first() or Article(slug=data["slug"])
    article.title = data["title"]
    article.dek = data["dek"]
    article.body = data["body"]
    article.author = author
    for field, value in data["event"].items():
        setattr(article, field, value)
    draft = data["status"] == "draft"
    article.status = Article.Status.DRAFT if draft else Article.Status.PUBLISHED
    article.publish_at = publish_at
    picture = data["picture"]
    if picture:
        alt = pictures.describe(picture, picture_year(article))
        # The alt text names everything drawn, so a changed one means a changed drawing
        # (the ever-current article moves to a new year once a year).
        redraw = not has_file(article.picture) or article.picture_alt != alt
        article.picture_alt = alt
        article.picture_caption = data["caption"]
        article.picture_credit = loader.CREDIT
    article.full_clean()
    if picture and redraw:
        if article.picture:
            delete_files(
                article.picture.storage, stored_names(article.picture, article.picture_renditions)
            )
        drawing = pictures.draw(picture, picture_year(article), seed=data["slug"])
        article.picture = ContentFile(drawing, name=f"{data['slug']}.jpg")
        article.picture_renditions = publish(article.picture)
    elif picture and not is_current(article.picture, article.picture_renditions):
        article.picture_renditions = make_renditions(article.picture)
    article.save()
    article.tags.set(data["tags"])
    update_search_vector(article)
    return article


class Command(BaseCommand):
    help = (
        "Write the demo authors and articles of demo/content/, with pictures drawn by Pillow. "
        "Safe to run again: rows are matched by slug and existing pictures are kept."
    )

    def handle(self, *args, **options):
        today = timezone.localdate()
        with transaction.atomic():
            authors = {data["slug"]: write_author(data) for data in loader.authors()}
            articles = loader.articles(today)
            for position, data in enumerate(articles):
                publish_at = publish_time(today, position, data["status"])
                write_article(data, authors[data["author"]], publish_at)
        # The briefs through the same import as `manage.py import_briefs`: a rerun adds
        # none twice.
        briefs = import_file(str(loader.CONTENT / "briefs.csv"), publish=True)
        if briefs.refused:
            raise CommandError(f"demo/content/briefs.csv: refused rows {briefs.refused}")
        if options["verbosity"]:
            self.stdout.write(
                f"Demo content: {len(authors)} authors, {len(articles)} articles, "
                f"{briefs.imported} new briefs ({briefs.already} already there)."
            )
