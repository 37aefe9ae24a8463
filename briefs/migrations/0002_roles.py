from django.contrib.auth.management import create_permissions
from django.db import migrations

# The roles of articles' migration 0004: authors add and change draft briefs (the admin
# keeps published ones to editors, briefs/admin.py); editors also publish them.
ACTIONS = ["add", "change", "delete", "view"]
GRANTS = {
    "Authors": [f"{action}_brief" for action in ACTIONS],
    "Editors": [f"{action}_brief" for action in ACTIONS] + ["publish_brief"],
}


def grant_briefs(apps, schema_editor):
    # Permissions are made after all migrations ran (post_migrate): make them now, for
    # a new database, where this migration runs before that.
    app_config = apps.get_app_config("briefs")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for group in Group.objects.filter(name__in=GRANTS):
        group.permissions.add(
            *Permission.objects.filter(
                content_type__app_label="briefs", codename__in=GRANTS[group.name]
            )
        )


def take_back_briefs(apps, schema_editor):
    Permission = apps.get_model("auth", "Permission")
    Group = apps.get_model("auth", "Group")
    permissions = Permission.objects.filter(content_type__app_label="briefs")
    for group in Group.objects.filter(name__in=GRANTS):
        group.permissions.remove(*permissions)


class Migration(migrations.Migration):
    dependencies = [
        ("briefs", "0001_briefs"),
        ("articles", "0004_roles"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(grant_briefs, take_back_briefs)]
