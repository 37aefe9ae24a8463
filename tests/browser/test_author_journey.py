"""An author writes an article about 44 BC in the admin, with tags and a picture,
previews it, publishes it, and a reader finds it on its day page."""

import pytest
from django.contrib.auth.models import User
from playwright.sync_api import expect

from ..factories import make_author
from ..samples import jpeg
from .pages import LOADED_IMAGE, watch_for_problems

pytestmark = [
    pytest.mark.browser,
    # The live server starts before the tests point STATIC_ROOT at a folder that exists.
    pytest.mark.filterwarnings("ignore:No directory at:UserWarning"),
]

PASSWORD = "a-long-test-password"

BODY = """\
Caesar was stabbed in the Curia of Pompey.[^1]

[^1]: Suetonius, *The Twelve Caesars*.
"""


# A phone and a laptop: the whole walk works at both widths.
@pytest.mark.parametrize("width", [375, 1280])
def test_an_author_writes_previews_and_publishes_a_bc_article_that_readers_then_see(
    new_context, tmp_path, width
):
    User.objects.create_superuser("editor", "editor@example.org", PASSWORD)
    make_author(display_name="Ada Quill", slug="ada-quill")
    picture = tmp_path / "curia.jpg"
    picture.write_bytes(jpeg((1200, 800), (120, 40, 30)))

    context = new_context(viewport={"width": width, "height": 1000})
    admin = context.new_page()
    problems = watch_for_problems(admin)
    admin.goto("/admin/")
    admin.get_by_label("Username").fill("editor")
    admin.get_by_label("Password").fill(PASSWORD)
    admin.get_by_role("button", name="Log in").click()
    expect(admin.get_by_role("button", name="Log out")).to_be_visible()

    admin.goto("/admin/articles/article/add/")
    admin.locator("#id_title").press_sequentially("Caesar is killed on the Ides of March")
    expect(admin.locator("#id_slug")).to_have_value("caesar-is-killed-on-the-ides-of-march")
    admin.locator("#id_dek").fill("Senators stab the dictator in the Curia of Pompey.")
    admin.locator("#id_year").fill("44")
    admin.locator("#id_era").select_option("BC")
    admin.locator("#id_month").select_option(label="March")
    admin.locator("#id_day").fill("15")
    admin.locator("#id_body").fill(BODY)
    admin.locator("#id_tags").fill("Rome, Assassinations")
    admin.locator("#id_picture").set_input_files(picture)
    admin.locator("#id_picture_alt").fill("The Curia of Pompey, drawn in red")
    choose_in_autocomplete(admin, "author", "Ada Quill")
    admin.get_by_role("button", name="Save and continue editing").click()
    expect(admin.locator(".messagelist")).to_contain_text("was added successfully")

    with context.expect_page() as preview_opened:
        admin.get_by_role("link", name="Preview").click()
    preview = preview_opened.value
    preview.wait_for_load_state()
    expect(preview.locator(".preview-banner")).to_contain_text("not published")
    expect(preview.get_by_role("heading", level=1)).to_have_text(
        "Caesar is killed on the Ides of March"
    )
    expect(preview.locator(".article-kicker")).to_contain_text("March 15, 44 BC")
    expect(preview.locator(".article-tags")).to_contain_text("Assassinations")
    assert preview.locator(".article-figure img").evaluate(LOADED_IMAGE)
    preview.close()

    admin.locator("#id_status").select_option(label="Published")
    admin.locator(".field-publish_at").get_by_role("link", name="Today").click()
    admin.locator(".field-publish_at").get_by_role("link", name="Now").click()
    admin.get_by_role("button", name="Save", exact=True).click()
    expect(admin.locator(".messagelist")).to_contain_text("was changed successfully")

    reader = new_context(viewport={"width": width, "height": 900}).new_page()
    problems += watch_for_problems(reader)
    reader.goto("/on-this-day/march-15/")
    reader.get_by_role("link", name="Caesar is killed on the Ides of March").click()
    expect(reader).to_have_url("/articles/caesar-is-killed-on-the-ides-of-march/")
    expect(reader.locator(".article-kicker")).to_contain_text("March 15, 44 BC")
    figure = reader.locator(".article-figure img")
    expect(figure).to_have_attribute("alt", "The Curia of Pompey, drawn in red")
    assert figure.evaluate(LOADED_IMAGE)
    expect(reader.locator(".footnotes")).to_contain_text("The Twelve Caesars")
    assert problems == []


def choose_in_autocomplete(page, field, text):
    """Pick ``text`` in the admin's Select2 autocomplete for ``field``."""
    page.locator(f".field-{field} .select2-selection").click()
    page.locator(".select2-search__field").fill(text)
    page.locator(".select2-results__option", has_text=text).click()
    expect(page.locator(f".field-{field} .select2-selection__rendered")).to_have_text(text)
