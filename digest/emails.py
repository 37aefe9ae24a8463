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


def message(to, template, context, headers=None):
    """An e-mail from the templates digest/email/<template>.{subject.txt,txt,html}."""
    context = {"site_name": settings.SITE_NAME, "site_url": settings.SITE_URL, **context}
    subject = " ".join(render_to_string(f"digest/email/{template}.subject.txt", context).split())
    email = EmailMultiAlternatives(
        subject=subject,
        body=render_to_string(f"digest/email/{template}.txt", context),
        to=[to],
        # Message-IDs in the site's domain, not the sending machine's name.
        headers={"Message-ID": make_msgid(domain=site_host()), **(headers or {})},
    )
    email.attach_alternative(
        render_to_string(f"digest/email/{template}.html", context), "text/html"
    )
    return email


def confirmation_message(email, tag_ids):
    context = {
        "confirm_url": confirm_url(email, tag_ids),
        "hours": settings.DIGEST_CONFIRM_HOURS,
    }
    return message(email, "confirm", context)


def already_subscribed_message(subscriber):
    """Sent when a subscribed address is entered again: the page said the same as for a
    new address, and the owner gets the link to their preferences."""
    return message(
        subscriber.email, "already_subscribed", {"preferences_url": preferences_url(subscriber)}
    )


def digest_message(subscriber, digest):
    """The daily e-mail of ``digest`` to ``subscriber``, with the one-click unsubscribe
    headers of RFC 8058 (the link must be https:// for mail providers to use it)."""
    unsubscribe = unsubscribe_url(subscriber)
    headers = {
        "List-Unsubscribe": f"<{unsubscribe}>",
        "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
        "List-Id": f"{settings.SITE_NAME} daily <daily.{site_host()}>",
    }
    context = {
        "digest": digest,
        "unsubscribe_url": unsubscribe,
        "preferences_url": preferences_url(subscriber),
        "day_url": absolute_url(reverse("articles:day", kwargs={"day": digest.day_of_year})),
    }
    return message(subscriber.email, "digest", context, headers)
