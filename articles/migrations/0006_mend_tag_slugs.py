# Tags typed without commas used to be split on spaces, so "War & Peace" saved a tag
# "&", whose slug was empty: its address could not be built and the pages listing it
# failed. Each tag without a slug gets one made from its name, or "tag-<id>" when its
# name has no letter or digit; the name is kept, for an editor to rename or merge.

from django.db import migrations
from django.utils.text import slugify


def mend_empty_slugs(apps, schema_editor):
    Tag = apps.get_model("taggit", "Tag")
    taken = set(Tag.objects.values_list("slug", flat=True))
    for tag in Tag.objects.filter(slug=""):
        base = slugify(tag.name, allow_unicode=True) or f"tag-{tag.pk}"
        slug, number = base, 1
        while slug in taken:
            number += 1
            slug = f"{base}-{number}"
        tag.slug = slug
        tag.save(update_fields=["slug"])
        taken.add(slug)


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0005_article_version"),
        ("taggit", "0006_rename_taggeditem_content_type_object_id_taggit_tagg_content_8fc721_idx"),
    ]

    operations = [migrations.RunPython(mend_empty_slugs, migrations.RunPython.noop)]
