from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from articles.models import Author

USERNAME = "admin"
PASSWORD = "historyblog"


class Command(BaseCommand):
    help = "Create (or reset) the development admin login. Refuses to run unless DEBUG is on."

    def handle(self, *args, **options):
        if not settings.DEBUG:
            raise CommandError("dev_admin only runs with DEBUG=true: it sets a known password.")
        user, _ = get_user_model().objects.get_or_create(username=USERNAME)
        user.is_staff = user.is_superuser = True
        user.set_password(PASSWORD)
        user.save()
        Author.objects.get_or_create(
            user=user, defaults={"display_name": "Site Editor", "slug": "site-editor"}
        )
        self.stdout.write(f"Development admin login: {USERNAME} / {PASSWORD}")
