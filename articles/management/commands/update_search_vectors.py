from django.core.management.base import BaseCommand
from django.db import connections

from articles.models import Article
from articles.search import update_search_vector


class Command(BaseCommand):
    help = (
        "Recompute the PostgreSQL search vector of every article: after changing "
        "SEARCH_CONFIG, or after articles were written without the admin."
    )

    def handle(self, *args, **options):
        articles = Article.objects.all()
        if connections[articles.db].vendor != "postgresql":
            self.stdout.write("Not PostgreSQL: search needs no stored vectors here.")
            return
        update_search_vector(articles)
        if options["verbosity"]:
            self.stdout.write(f"Search vectors updated for {articles.count()} articles.")
