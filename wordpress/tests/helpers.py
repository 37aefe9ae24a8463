"""Running the import in tests: the hand-written export, an uploads folder with its
pictures, and the command's output."""

import io
from pathlib import Path

from django.core.management import call_command

from tests.images import leaky_picture, picture

EXPORTS = Path(__file__).parent / "exports"
SITE = EXPORTS / "site.xml"


def uploads_folder(root: Path) -> Path:
    """A copy of the site's wp-content/uploads: the Trotsky post's featured image (with
    GPS and camera data), the Ides post's captioned picture."""
    uploads = root / "uploads"
    (uploads / "2020/08").mkdir(parents=True)
    (uploads / "2019/03").mkdir(parents=True)
    (uploads / "2020/08/coyoacan.jpg").write_bytes(leaky_picture(size=(1200, 800)))
    (uploads / "2019/03/forum.png").write_bytes(picture((640, 480), "PNG"))
    return uploads


def copy_export(root: Path, name="site.xml", replace=()) -> Path:
    """The hand-written export, copied to ``root`` with some text replaced."""
    text = SITE.read_text()
    for old, new in replace:
        assert old in text, old
        text = text.replace(old, new)
    path = root / name
    path.write_text(text)
    return path


def run_import(*args):
    """The command's output (stdout, stderr)."""
    out, err = io.StringIO(), io.StringIO()
    call_command("import_wordpress", *[str(arg) for arg in args], stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def write(path: Path, text: str) -> Path:
    path.write_text(text)
    return path
