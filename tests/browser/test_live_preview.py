"""An editor changes an article in the admin, clicks "Preview" and reads, in a new
tab, what they typed as readers would see it; the article itself is unchanged until
they save, and the form still holds what they typed."""

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.contrib.auth.models import User
from playwright.sync_api import expect

from articles.models import Article

from ..factories import make_author, make_draft
from .pages import watch_for_problems
from .test_accessibility import WCAG_22_A_AA, describe

pytestmark = [
    pytest.mark.browser,
    pytest.mark.filterwarnings("ignore:No directory at:UserWarning"),
]

PASSWORD = "a-long-test-password"


def test_the_preview_shows_the_unsaved_form_in_a_new_tab_and_saves_nothing(new_context):
    User.objects.create_superuser("editor", "editor@example.org", PASSWORD)
    draft = make_draft(
        title="Saved title", body="Saved body.", author=make_author(display_name="Ada Quill")
    )
    context = new_context(viewport={"width": 1280, "height": 1000})
    admin = context.new_page()
    problems = watch_for_problems(admin)
    admin.goto("/admin/")
    admin.get_by_label("Username").fill("editor")
    admin.get_by_label("Password").fill(PASSWORD)
    admin.get_by_role("button", name="Log in").click()
    admin.goto(f"/admin/articles/article/{draft.pk}/change/")
    admin.locator("#id_title").fill("Typed, not saved")
    admin.locator("#id_body").fill("The *unsaved* paragraph.")
    admin.locator("#id_year").fill("44")
    admin.locator("#id_era").select_option("BC")
    admin.locator("#id_month").select_option(label="March")
    admin.locator("#id_day").fill("15")

    with context.expect_page() as opened:
        admin.get_by_role("button", name="Preview", exact=True).click()
    preview = opened.value
    preview_problems = watch_for_problems(preview)
    preview.wait_for_load_state()
    expect(preview.get_by_role("heading", name="Preview — not saved")).to_be_visible()
    expect(preview.locator("h1")).to_have_text("Typed, not saved")
    expect(preview.locator(".article-body em")).to_have_text("unsaved")
    expect(preview.locator(".article-kicker")).to_contain_text("March 15, 44 BC")
    results = Axe().run(preview, options={"runOnly": {"type": "tag", "values": WCAG_22_A_AA}})
    assert not results.response["violations"], describe(results.response["violations"])

    # Nothing saved; the form in the first tab still holds what was typed.
    draft.refresh_from_db()
    assert (draft.title, draft.body, draft.event_year) == ("Saved title", "Saved body.", 1940)
    assert Article.objects.count() == 1
    expect(admin.locator("#id_title")).to_have_value("Typed, not saved")
    assert not problems and not preview_problems, problems + preview_problems
