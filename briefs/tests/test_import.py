import pytest
from django.core.management import CommandError, call_command

from briefs import csvfile
from briefs.models import Brief
from tests.factories import make_article

pytestmark = pytest.mark.django_db

GOOD = (
    "date,kind,text,tags,source,article\n"
    '20 August 1940,event,Churchill praises *the Few*.,"Second World War, Britain",'
    "https://example.org/few,the-few\n"
    '"March 15, 44 BC",death,Julius Caesar is killed in Rome.,,,\n'
    "1879-03-14,birth,Albert Einstein is born in Ulm.,science,,\n"
)


def write(tmp_path, text, name="briefs.csv", encoding="utf-8"):
    path = tmp_path / name
    path.write_bytes(text.encode(encoding) if isinstance(text, str) else text)
    return str(path)


def test_a_good_file_imports_once_and_again_changes_nothing(tmp_path, capsys):
    article = make_article(slug="the-few")
    path = write(tmp_path, GOOD)
    call_command("import_briefs", path, "--publish")
    assert "Imported 3 brief(s) published; 0 already there." in capsys.readouterr().out
    caesar = Brief.objects.get(kind=Brief.Kind.DEATH)
    assert (caesar.event_year, caesar.event_month, caesar.event_day) == (-43, 3, 15)
    few = Brief.objects.get(article=article)
    assert sorted(few.tags.names()) == ["Britain", "Second World War"]
    assert few.text_html == "Churchill praises <em>the Few</em>."
    assert few.is_public
    call_command("import_briefs", path, "--publish")
    assert "Imported 0 brief(s) published; 3 already there." in capsys.readouterr().out
    assert Brief.objects.count() == 3


def test_a_dry_run_saves_nothing_and_drafts_are_the_default(tmp_path, capsys):
    path = write(tmp_path, GOOD.replace(",the-few\n", ",\n"))
    call_command("import_briefs", path, "--dry-run")
    assert "Would import 3" in capsys.readouterr().out
    assert not Brief.objects.exists()
    call_command("import_briefs", path)
    assert set(Brief.objects.values_list("status", flat=True)) == {"draft"}


def test_a_broken_row_is_reported_by_line_and_nothing_is_saved(tmp_path, capsys):
    text = GOOD.replace(",the-few\n", ",\n") + (
        "30 February 1940,event,Never happened.,,,\n"
        "1 May 1940,war,<b>Bold</b>,,ftp://example.org/x,\n"
        "2 May 1940,event,Too,many,cells,,,\n"
    )
    with pytest.raises(CommandError, match="Nothing imported: 3 row"):
        call_command("import_briefs", write(tmp_path, text))
    errors = capsys.readouterr().err
    assert "Line 5: date: “30 February 1940” is not a date that exists" in errors
    assert "Line 6: kind: “war” is no kind of brief" in errors and "source_url" in errors
    assert "Line 7: it has more cells" in errors
    assert not Brief.objects.exists()


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "is empty"),
        (b"date,kind,text\n", "has a header but no briefs"),
        (b"when,what\n1940,x\n", "The header line is"),
        ("date,kind,text\n1 May 1940,event,Caf\u00e9\n".encode("latin-1"), "not UTF-8"),
    ],
)
def test_a_file_that_cannot_be_imported_gets_one_message(tmp_path, content, message):
    with pytest.raises(CommandError, match=message):
        call_command("import_briefs", write(tmp_path, content))
    assert not Brief.objects.exists()


def test_a_file_over_the_limit_is_refused_before_it_is_read(tmp_path, monkeypatch):
    path = tmp_path / "huge.csv"
    with open(path, "wb") as file:  # 50 MB, sparse: nothing is written but the size
        file.truncate(50 * 1024 * 1024)

    def no_reading(*args, **kwargs):
        raise AssertionError("the file was opened")

    monkeypatch.setattr(csvfile, "open", no_reading, raising=False)
    with pytest.raises(CommandError, match=r"huge.csv is 50.0 MB; .* up to 5 MB"):
        call_command("import_briefs", str(path))
