"""The e-mails: the confirmation of a subscription, a note to an address that is
subscribed already, and the daily e-mail, each with an HTML and a plain-text part."""

from django.conf import settings
from django.core.mail import EmailMultiAlternatives, make_msgid
from django.template.loader import render_to_string
from django.urls import reverse

from sharing.addresses import absolute_url, site_host

from . import tokens


def confirm_url(email, tag_ids):
    return absolute_url(
        reverse("digest:confirm", args=[tokens.confirmation_token(email, tag_ids)])
    )


def unsubscribe_url(subscriber):
    return absolute_url(reverse("digest:unsubscribe", args=[tokens.subscriber_token(subscriber)]))


def preferences_url(subscriber):
    return absolute_url(reverse("digest:preferences", args=[tokens.subscriber_token(subscriber)]))


def render(template, context):
    """Subject, text and HTML of the templates digest/email/<template>.{subject.txt,txt,html}."""
    context = {"site_name": settings.SITE_NAME, "site_url": settings.SITE_URL, **context}
    subject = render_to_string(f"digest/email/{template}.subject.txt", context)
    return (
        " ".join(subject.split()),
        render_to_string(f"digest/email/{template}.txt", context),
        render_to_string(f"digest/email/{template}.html", context),
    )


def build(to, rendered, headers=None):
    subject, text, html = rendered
    email = EmailMultiAlternatives(
        subject=subject,
        body=text,
        to=[to],
        # Message-IDs in the site's domain, not the sending machine's name.
        headers={"Message-ID": make_msgid(domain=site_host()), **(headers or {})},
    )
    email.attach_alternative(html, "text/html")
    return email


def confirmation_message(email, tag_ids):
    context = {
        "confirm_url": confirm_url(email, tag_ids),
        "hours": settings.DIGEST_CONFIRM_HOURS,
    }
    return build(email, render("confirm", context))


def already_subscribed_message(subscriber):
    """Sent when a subscribed address is entered again: the page said the same as for a
    new address, and the owner gets the link to their preferences."""
    context = {"preferences_url": preferences_url(subscriber)}
    return build(subscriber.email, render("already_subscribed", context))


# Stand-ins for each subscriber's own links in the e-mail rendered once for everybody
# who follows the same tags: letters and underscores, which no escaping changes.
UNSUBSCRIBE_URL = "__DIGEST_UNSUBSCRIBE_URL__"
PREFERENCES_URL = "__DIGEST_PREFERENCES_URL__"


class DigestEmail:
    """The daily e-mail of ``digest``, rendered once, then addressed to each subscriber
    with their own links."""

    def __init__(self, digest):
        context = {
            "digest": digest,
            "unsubscribe_url": UNSUBSCRIBE_URL,
            "preferences_url": PREFERENCES_URL,
            "day_url": absolute_url(reverse("articles:day", kwargs={"day": digest.day_of_year})),
        }
        self.rendered = render("digest", context)

    def to(self, subscriber):
        """The e-mail to ``subscriber``, with the one-click unsubscribe headers of RFC
        8058 (mail providers use them only with an https:// link)."""
        unsubscribe, preferences = unsubscribe_url(subscriber), preferences_url(subscriber)
        subject, text, html = (
            part.replace(UNSUBSCRIBE_URL, unsubscribe).replace(PREFERENCES_URL, preferences)
            for part in self.rendered
        )
        headers = {
            "List-Unsubscribe": f"<{unsubscribe}>",
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
            "List-Id": f"{settings.SITE_NAME} daily <daily.{site_host()}>",
        }
        return build(subscriber.email, (subject, text, html), headers)
