"""The articles app's admin: the registrations. The article admin (articles.py) is
built from its form (forms.py), list filters (filters.py), the revision interface
(history.py), the publishing actions (actions.py), the review of drafts
(review.py), the live preview (live_preview.py) and pictures.admin, which the
author admin (authors.py) uses too."""

from django.contrib import admin

from ..models import Article, Author, EditorsPick
from .articles import ArticleAdmin
from .authors import AuthorAdmin
from .picks import EditorsPickAdmin

admin.site.register(Article, ArticleAdmin)
admin.site.register(Author, AuthorAdmin)
admin.site.register(EditorsPick, EditorsPickAdmin)

__all__ = ["ArticleAdmin", "AuthorAdmin", "EditorsPickAdmin"]
