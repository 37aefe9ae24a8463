from django.contrib.auth.management import create_permissions
from django.db import migrations

# Both roles of articles' migration 0004 use the desk: authors and editors note
# ideas, and see every idea (desk/admin.py lets authors change only the ideas they
# noted or were given; editors change them all).
ROLES = ["Authors", "Editors"]
ACTIONS = ["add", "change", "delete", "view"]


def grant_ideas(apps, schema_editor):
    # Permissions are made after all migrations ran (post_migrate): make them now, for
    # a new database, where this migration runs before that.
    app_config = apps.get_app_config("desk")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    permissions = Permission.objects.filter(
        content_type__app_label="desk", codename__in=[f"{action}_idea" for action in ACTIONS]
    )
    for group in Group.objects.filter(name__in=ROLES):
        group.permissions.add(*permissions)


def take_back_ideas(apps, schema_editor):
    Permission = apps.get_model("auth", "Permission")
    Group = apps.get_model("auth", "Group")
    permissions = Permission.objects.filter(content_type__app_label="desk")
    for group in Group.objects.filter(name__in=ROLES):
        group.permissions.remove(*permissions)


class Migration(migrations.Migration):
    dependencies = [
        ("desk", "0001_ideas"),
        ("articles", "0004_roles"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(grant_ideas, take_back_ideas)]
