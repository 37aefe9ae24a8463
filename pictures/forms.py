import datetime
import os
import secrets

from django import forms
from django.contrib.admin.widgets import AdminFileWidget
from django.core import signing
from django.core.files import File
from django.utils import timezone

from .uploads import upload_help_text, validate_image

# A checked upload on a form sent back with errors waits here, under a random name,
# until the form is saved; it is deleted then, or by the next keep after a day.
KEPT_FOLDER = "kept-uploads/"
KEPT_FOR = datetime.timedelta(days=1)
_KEPT_SALT = "pictures.kept-upload"


class PictureField(forms.ImageField):
    """Django's image field, after the checks of ``uploads.validate_image``: their
    messages say what is wrong, and a decompression bomb is refused before Pillow
    decodes it. (A validator on the model field would run only after this form field's
    own check, and would read the stored picture again on every ``full_clean``.)"""

    def __init__(self, **kwargs):
        kwargs["help_text"] = kwargs.get("help_text") or upload_help_text()
        super().__init__(**kwargs)

    def to_python(self, data):
        if data not in self.empty_values:
            validate_image(data)
        return super().to_python(data)


class KeptFile(File):
    """An upload kept in storage while the rest of its form is corrected."""

    def __init__(self, storage, name, chosen_as):
        super().__init__(storage.open(name), name=chosen_as)
        self.kept_name = name


def keep(upload, storage):
    """Store ``upload`` until its form is saved; returns a signed token for the form."""
    if isinstance(upload, KeptFile):
        name, chosen_as = upload.kept_name, upload.name
    else:
        forget_old(storage)
        extension = os.path.splitext(upload.name)[1].lower()[:10]
        upload.seek(0)
        name = storage.save(f"{KEPT_FOLDER}{secrets.token_urlsafe(18)}{extension}", upload)
        chosen_as = os.path.basename(upload.name)
    return signing.dumps([name, chosen_as], salt=_KEPT_SALT)


def kept(token, storage):
    """The upload a token from :func:`keep` names, or None if it is not one, is older
    than KEPT_FOR or is gone."""
    try:
        name, chosen_as = signing.loads(token, salt=_KEPT_SALT, max_age=KEPT_FOR)
    except (signing.BadSignature, TypeError, ValueError):
        return None
    if not name.startswith(KEPT_FOLDER) or not storage.exists(name):
        return None
    return KeptFile(storage, name, chosen_as)


def forget_old(storage):
    """Delete the kept uploads of forms never saved."""
    try:
        names = storage.listdir(KEPT_FOLDER)[1]
    except (FileNotFoundError, NotImplementedError):
        return
    cutoff = timezone.now() - KEPT_FOR
    for name in names:
        if storage.get_modified_time(KEPT_FOLDER + name) < cutoff:
            storage.delete(KEPT_FOLDER + name)


class KeptPictureInput(AdminFileWidget):
    """The admin's file input, which also carries a kept upload (see :func:`keep`)
    from a form sent back with errors to the next save."""

    template_name = "pictures/kept_picture_input.html"
    storage = None  # the picture field's storage, set by PictureAdmin
    kept = None  # (token, file name) when the form comes back with an upload kept

    def value_from_datadict(self, data, files, name):
        upload = super().value_from_datadict(data, files, name)
        token = data.get(f"{name}-kept")
        if upload is None and token and self.storage is not None:
            if getattr(self, "_kept", (None,))[0] != token:
                self._kept = (token, kept(token, self.storage))
            return self._kept[1]
        return upload

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        context["widget"]["kept"] = self.kept
        return context
