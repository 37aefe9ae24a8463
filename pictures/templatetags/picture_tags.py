"""Responsive pictures in pages: {% article_picture %} and {% author_photo %}.

Both render pictures/picture.html, a <picture> with WebP and JPEG srcsets and the
width and height that keep the layout still while it loads. Everything comes from the
renditions record on the row: a page opens no image and asks the storage nothing.
The two tags only say which field, record and alt text each kind of picture has.
"""

from django import template
from django.utils.translation import gettext as _

from pictures.renditions import sources

register = template.Library()


def picture_context(field_file, record, *, alt, sizes, css_class, eager, priority):
    """The context of pictures/picture.html for the picture in ``field_file``."""
    return {
        **sources(field_file, record),
        "alt": alt,
        "sizes": sizes,
        "css_class": css_class,
        # The first picture of a page loads at once (and the article's lead picture
        # before anything else); the rest wait until they are about to scroll in.
        "loading": "eager" if eager else "lazy",
        "fetchpriority": "high" if priority else "",
    }


@register.inclusion_tag("pictures/picture.html")
def article_picture(article, sizes, css_class="", eager=False, priority=False):
    return picture_context(
        article.picture,
        article.picture_renditions,
        alt=article.picture_alt_text,
        sizes=sizes,
        css_class=css_class,
        eager=eager,
        priority=priority,
    )


@register.inclusion_tag("pictures/picture.html")
def author_photo(author, sizes, css_class="author-photo", eager=False):
    return picture_context(
        author.photo,
        author.photo_renditions,
        alt=_("Portrait of %(name)s") % {"name": author.display_name},
        sizes=sizes,
        css_class=css_class,
        eager=eager,
        priority=False,
    )
