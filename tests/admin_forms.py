"""Admin forms as a browser would submit them: the fields read from the rendered page."""

from html.parser import HTMLParser

from django.urls import reverse


class FormParser(HTMLParser):
    """The values a browser would send for the form with id ``form_id``: inputs (checked
    boxes only, no buttons or files), selected options and textareas."""

    def __init__(self, form_id):
        super().__init__(convert_charrefs=True)
        self.form_id = form_id
        self.in_form = False
        self.data = {}
        self.select = None
        self.textarea = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form":
            self.in_form = attrs.get("id") == self.form_id
        if not self.in_form or ("name" not in attrs and tag != "option"):
            return
        if tag == "input":
            kind = attrs.get("type", "text")
            if kind in ("submit", "button", "file", "image"):
                return
            if kind in ("checkbox", "radio") and "checked" not in attrs:
                return
            default = "on" if kind in ("checkbox", "radio") else ""
            self.data[attrs["name"]] = attrs.get("value", default)
        elif tag == "select":
            self.select = attrs["name"]
            self.data.setdefault(self.select, "")
        elif tag == "option" and self.select and "selected" in attrs:
            self.data[self.select] = attrs.get("value", "")
        elif tag == "textarea":
            self.textarea = attrs["name"]
            self.data[self.textarea] = ""

    def handle_endtag(self, tag):
        if tag == "form":
            self.in_form = False
        elif tag == "select":
            self.select = None
        elif tag == "textarea":
            self.textarea = None

    def handle_data(self, data):
        if self.textarea:
            self.data[self.textarea] += data


def form_data(response, form_id="article_form"):
    """What the browser would post back from ``response``'s form, unchanged."""
    assert response.status_code == 200, response.status_code
    parser = FormParser(form_id)
    parser.feed(response.content.decode())
    # Browsers drop the newline that follows <textarea>, as the HTML spec says.
    return {
        name: value.removeprefix("\n") if isinstance(value, str) else value
        for name, value in parser.data.items()
    } | {"_save": "Save"}


def change_url(article):
    return reverse("admin:articles_article_change", args=[article.pk])


def open_article(client, article):
    """The change form's data, as opened by ``client``."""
    return form_data(client.get(change_url(article)))


def save_article(client, article, data, **changes):
    """Post the change form with ``changes`` made to ``data``."""
    return client.post(change_url(article), {**data, **changes})


def new_article_data(**changes):
    """A complete add form: a draft about 26 January 1926."""
    return {
        "title": "The first television",
        "slug": "the-first-television",
        "dek": "",
        "opened_version": "",
        "year": "1926",
        "era": "AD",
        "month": "1",
        "day": "26",
        "body": "Baird shows moving pictures.",
        "tags": "",
        "picture_alt": "",
        "picture_caption": "",
        "picture_credit": "",
        "status": "draft",
        "publish_at_0": "",
        "publish_at_1": "",
        "_save": "Save",
        **changes,
    }


def delete_from_the_list(client, articles):
    """Deletes ``articles`` with the article list's "Delete selected" action, confirmed."""
    return client.post(
        reverse("admin:articles_article_changelist"),
        {
            "action": "delete_selected",
            "_selected_action": [article.pk for article in articles],
            "post": "yes",
        },
    )


def listed(client, **query):
    """The articles the admin's list shows for ``query``, in its order."""
    response = client.get(reverse("admin:articles_article_changelist"), query)
    assert response.status_code == 200
    return list(response.context["cl"].result_list)
