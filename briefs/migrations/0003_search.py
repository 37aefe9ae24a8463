import django.contrib.postgres.search
from django.db import migrations

# The GIN index lives outside Django's model state, as the articles' does (their
# migration 0003): SQLite has no GIN, and searches briefs without this column.
INDEX = "brief_search_vector"


def create_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"CREATE INDEX {INDEX} ON briefs_brief USING gin (search_vector)")


def drop_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"DROP INDEX IF EXISTS {INDEX}")


class Migration(migrations.Migration):
    dependencies = [
        ("briefs", "0002_roles"),
        ("articles", "0003_search"),
    ]

    operations = [
        migrations.AddField(
            model_name="brief",
            name="search_vector",
            field=django.contrib.postgres.search.SearchVectorField(editable=False, null=True),
        ),
        migrations.RunPython(create_index, drop_index),
    ]
