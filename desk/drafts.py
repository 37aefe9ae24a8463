"""An idea becomes a draft article: its title and date, credited to the author the idea
was given to (or to whoever turns it into a draft), kept as the article's first revision."""

from dataclasses import dataclass

import reversion
from django.utils.text import slugify
from django.utils.translation import gettext as _

from articles import roles
from articles.admin.forms import free_slug
from articles.models import Article
from articles.search import update_search_vector


@dataclass(frozen=True)
class Outcome:
    article: Article | None = None
    created: bool = False
    refusal: str = ""


def draft_from_idea(idea, user) -> Outcome:
    """The idea's draft: made now, or the article it already became; or why not."""
    if idea.article is not None:
        return Outcome(article=idea.article)
    if not user.has_perm("articles.add_article"):
        return Outcome(refusal=_("Your login may not add articles."))
    author = idea.assignee or getattr(user, "author", None)
    if author is None:
        return Outcome(
            refusal=_(
                "Nobody to credit the draft to: give the idea to an author (“to be "
                "written by”), or ask an editor to link your login to an author profile."
            )
        )
    if not roles.is_editor(user) and author.user_id != user.pk:
        return Outcome(
            refusal=_(
                "This idea is given to %(author)s: they, or an editor, turn it into a draft."
            )
            % {"author": author}
        )
    article = Article(
        title=idea.title,
        slug=unused_slug(idea),
        event_year=idea.event_year,
        event_month=idea.event_month,
        event_day=idea.event_day,
        event_approximate=idea.event_approximate,
        event_old_style=idea.event_old_style,
        author=author,
        status=Article.Status.DRAFT,
    )
    with reversion.create_revision():
        article.save()
        reversion.set_user(user)
        reversion.set_comment(_("Drafted from the idea “%(title)s”.") % {"title": idea.title})
    update_search_vector(article)
    idea.article = article
    idea.save(update_fields=["article"])
    return Outcome(article=article, created=True)


def unused_slug(idea):
    """The title's slug, numbered if an article has it already ("hastings-2")."""
    longest = Article._meta.get_field("slug").max_length
    slug = slugify(idea.title)[:longest].strip("-") or f"idea-{idea.pk}"
    if Article.objects.filter(slug=slug).exists():
        return free_slug(slug)
    return slug
