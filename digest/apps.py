from django.apps import AppConfig


class DigestConfig(AppConfig):
    name = "digest"
    verbose_name = "Daily e-mail"
    default_auto_field = "django.db.models.BigAutoField"
