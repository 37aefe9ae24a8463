import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    initial = True

    dependencies = [
        ("articles", "0007_slug_help_text"),
    ]

    operations = [
        migrations.CreateModel(
            name="ImportedPost",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                (
                    "guid",
                    models.CharField(max_length=500, unique=True, verbose_name="WordPress GUID"),
                ),
                ("post_id", models.PositiveBigIntegerField(verbose_name="WordPress post ID")),
                (
                    "site",
                    models.CharField(blank=True, help_text="wp:base_site_url", max_length=300),
                ),
                ("imported", models.JSONField(default=dict)),
                (
                    "needs_event_date",
                    models.BooleanField(
                        default=False,
                        help_text="No event date was found: the article was imported as a draft.",
                    ),
                ),
                ("imported_at", models.DateTimeField(auto_now=True)),
                (
                    "article",
                    models.OneToOneField(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="wordpress_post",
                        to="articles.article",
                    ),
                ),
            ],
            options={
                "verbose_name": "imported WordPress post",
                "ordering": ["post_id"],
            },
        ),
        migrations.CreateModel(
            name="OldAddress",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("path", models.CharField(max_length=500, unique=True)),
                (
                    "article",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="old_addresses",
                        to="articles.article",
                    ),
                ),
            ],
            options={
                "verbose_name": "old address",
                "verbose_name_plural": "old addresses",
                "ordering": ["path"],
            },
        ),
    ]
