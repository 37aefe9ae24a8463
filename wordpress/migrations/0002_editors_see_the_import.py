"""Editors see what was imported from WordPress (to find the drafts that need a date)
and manage the old addresses; the import itself is a command for whoever runs the
server."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

GRANTS = [
    ("importedpost", ["view"]),
    ("oldaddress", ["add", "change", "delete", "view"]),
]


def grant(apps, schema_editor):
    # Permissions are made after all migrations ran: make this app's now.
    app_config = apps.get_app_config("wordpress")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    editors, _created = Group.objects.get_or_create(name="Editors")
    codenames = [f"{action}_{model}" for model, actions in GRANTS for action in actions]
    editors.permissions.add(
        *Permission.objects.filter(content_type__app_label="wordpress", codename__in=codenames)
    )


def revoke(apps, schema_editor):
    Permission = apps.get_model("auth", "Permission")
    Group = apps.get_model("auth", "Group")
    for editors in Group.objects.filter(name="Editors"):
        editors.permissions.remove(*Permission.objects.filter(content_type__app_label="wordpress"))


class Migration(migrations.Migration):
    dependencies = [
        ("wordpress", "0001_initial"),
        ("articles", "0004_roles"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
