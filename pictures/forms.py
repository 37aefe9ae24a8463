from django import forms

from .uploads import upload_help_text, validate_image


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
