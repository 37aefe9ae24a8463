"""The signed links of the daily e-mail. No login: the signature is the authorisation.

- A confirmation link carries the address and the tags chosen, and works for
  DIGEST_CONFIRM_HOURS; nothing but it is sent to an address until it is followed.
- A subscriber's own link (unsubscribe and preferences) carries the subscriber's id and
  does not expire, as the links in old e-mails must keep working.
"""

from django.conf import settings
from django.core import signing

CONFIRM_SALT = "digest.confirm"
SUBSCRIBER_SALT = "digest.subscriber"


class BadLink(Exception):
    """A link that was changed, cut short or made up."""


class ExpiredLink(BadLink):
    """A confirmation link older than DIGEST_CONFIRM_HOURS."""


def confirmation_token(email, tag_ids):
    return signing.dumps({"email": email, "tags": sorted(tag_ids)}, salt=CONFIRM_SALT)


def read_confirmation_token(token):
    """(email, tag ids) from a confirmation token; raises BadLink or ExpiredLink."""
    try:
        data = signing.loads(
            token, salt=CONFIRM_SALT, max_age=settings.DIGEST_CONFIRM_HOURS * 3600
        )
    except signing.SignatureExpired:
        raise ExpiredLink from None
    except signing.BadSignature:
        raise BadLink from None
    if not isinstance(data, dict) or not isinstance(data.get("email"), str):
        raise BadLink
    tags = [tag for tag in data.get("tags", ()) if isinstance(tag, int)]
    return data["email"], tags


def subscriber_token(subscriber):
    return signing.dumps(subscriber.pk, salt=SUBSCRIBER_SALT)


def read_subscriber_token(token):
    """The subscriber id a subscriber token names; raises BadLink."""
    try:
        pk = signing.loads(token, salt=SUBSCRIBER_SALT)
    except signing.BadSignature:
        raise BadLink from None
    if not isinstance(pk, int) or isinstance(pk, bool):
        raise BadLink
    return pk
