"""Subscribers to the daily e-mail, one delivery per subscriber and day, and the record
of each run of ``send_digest``."""

from django.db import models
from django.db.models.functions import Lower
from django.utils.translation import gettext_lazy as _


class Subscriber(models.Model):
    class State(models.TextChoices):
        # Nothing but the confirmation e-mail goes to an address until it is confirmed.
        PENDING = "pending", _("Waiting for confirmation")
        CONFIRMED = "confirmed", _("Subscribed")
        UNSUBSCRIBED = "unsubscribed", _("Unsubscribed")
        # The mail server refused the address for good: nothing more is sent to it.
        BOUNCING = "bouncing", _("Bouncing")

    email = models.EmailField(_("e-mail address"), max_length=254)
    state = models.CharField(max_length=12, choices=State, default=State.PENDING)
    tags = models.ManyToManyField(
        "taggit.Tag",
        blank=True,
        related_name="+",
        help_text=_("The tags this reader follows; none means every anniversary."),
    )
    created_at = models.DateTimeField(auto_now_add=True)
    confirmed_at = models.DateTimeField(null=True, blank=True)
    unsubscribed_at = models.DateTimeField(null=True, blank=True)
    bounced_at = models.DateTimeField(null=True, blank=True)
    bounce_reason = models.TextField(blank=True)

    class Meta:
        ordering = ["-created_at"]
        constraints = [
            # One row per address, however it is capitalised.
            models.UniqueConstraint(Lower("email"), name="digest_subscriber_email_unique"),
        ]
        indexes = [models.Index(fields=["state"], name="digest_subscriber_state")]

    def __str__(self):
        return self.email


class Run(models.Model):
    """One run of ``manage.py send_digest``: what it sent, and what it could not."""

    day = models.DateField()
    started_at = models.DateTimeField(auto_now_add=True)
    finished_at = models.DateTimeField(null=True, blank=True)
    sent = models.PositiveIntegerField(default=0)
    failed = models.PositiveIntegerField(
        default=0, help_text=_("Sends that failed for now: they are tried again next run.")
    )
    bounced = models.PositiveIntegerField(
        default=0, help_text=_("Addresses the mail server refused for good.")
    )
    skipped = models.PositiveIntegerField(
        default=0, help_text=_("Subscribers with nothing to read that day.")
    )
    error = models.TextField(blank=True, help_text=_("Why the run stopped early, if it did."))

    class Meta:
        ordering = ["-started_at"]

    def __str__(self):
        return f"{self.day} ({self.started_at:%H:%M})"


class Delivery(models.Model):
    """The day's e-mail to one subscriber. The row is made before anything is sent, and
    its unique (subscriber, day) means two runs never send the same e-mail twice."""

    class State(models.TextChoices):
        PENDING = "pending", _("To send")
        SENDING = "sending", _("Being sent")
        SENT = "sent", _("Sent")
        SKIPPED = "skipped", _("Nothing to send")
        BOUNCED = "bounced", _("Refused by the server")
        EXPIRED = "expired", _("Given up: the day had passed")

    subscriber = models.ForeignKey(Subscriber, on_delete=models.CASCADE, related_name="deliveries")
    day = models.DateField()
    state = models.CharField(max_length=8, choices=State, default=State.PENDING)
    attempts = models.PositiveIntegerField(default=0)
    last_error = models.TextField(blank=True)
    # The run that last took this delivery, and when (a claim left by a run that died is
    # taken again later).
    run = models.ForeignKey(
        Run, on_delete=models.SET_NULL, null=True, blank=True, related_name="deliveries"
    )
    claimed_at = models.DateTimeField(null=True, blank=True)
    sent_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name_plural = "deliveries"
        ordering = ["-day", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["subscriber", "day"], name="digest_one_delivery_a_day")
        ]
        indexes = [models.Index(fields=["day", "state"], name="digest_delivery_day_state")]

    def __str__(self):
        return f"{self.subscriber} on {self.day}"
