"""The articles app's admin: the registrations. The article admin (articles.py) is
built from its form (forms.py), list filters (filters.py), the revision interface
(history.py), the publishing actions (actions.py) and pictures.admin, which the
author admin (authors.py) uses too."""

from django.contrib import admin

from ..models import Article, Author
from .articles import ArticleAdmin
from .authors import AuthorAdmin

admin.site.register(Article, ArticleAdmin)
admin.site.register(Author, AuthorAdmin)

__all__ = ["ArticleAdmin", "AuthorAdmin"]
