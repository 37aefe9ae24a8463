"""The daily e-mail's pages: subscribe, confirm, and the subscriber's own page
(preferences and unsubscribe), reached by a signed link. None of them is cached: each
carries a CSRF token or belongs to one subscriber."""

import logging

from django.conf import settings
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from historyblog import ratelimit
from historyblog.security import client_ip

from . import subscriptions, tokens
from .forms import PreferencesForm, SubscribeForm
from .models import Subscriber

logger = logging.getLogger(__name__)

HOUR = 3600


def bad_link(request, expired=False):
    return render(request, "digest/bad_link.html", {"expired": expired}, status=400)


def too_many(request):
    response = render(request, "digest/too_many.html", status=429)
    response["Retry-After"] = str(HOUR)
    return response


def within_limits(request, email):
    """Per client and per address, so that neither a robot nor a prankster can fill an
    inbox with confirmation e-mails."""
    return ratelimit.allow(
        "digest-subscribe-client", client_ip(request), settings.DIGEST_SUBSCRIBE_PER_CLIENT, HOUR
    ) and ratelimit.allow(
        "digest-subscribe-address", email.lower(), settings.DIGEST_SUBSCRIBE_PER_ADDRESS, HOUR
    )


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def subscribe(request):
    """GET: the form, with the address the small form on other pages sent; POST: the
    same answer ("check your inbox") whether or not the address was known."""
    if request.method != "POST":
        email = request.GET.get("email", "")[:254].strip()
        form = SubscribeForm(initial={"email": email})
        return render(request, "digest/subscribe.html", {"form": form})
    form = SubscribeForm(request.POST)
    if form.is_robot:
        return redirect("digest:check_inbox")
    if not form.is_valid():
        return render(request, "digest/subscribe.html", {"form": form}, status=400)
    email = form.cleaned_data["email"]
    if not within_limits(request, email):
        return too_many(request)
    try:
        subscriptions.request_subscription(email, form.cleaned_data["tags"])
    except OSError:
        logger.exception("The subscription e-mail could not be sent")
        return render(request, "digest/mail_unavailable.html", status=503)
    return redirect("digest:check_inbox")


@never_cache
def check_inbox(request):
    return render(request, "digest/check_inbox.html")


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def confirm(request, token):
    """GET shows a button, and only its POST subscribes: mail scanners that open every
    link in a message must not confirm an address for its owner."""
    try:
        email, tag_ids = tokens.read_confirmation_token(token)
    except tokens.ExpiredLink:
        return bad_link(request, expired=True)
    except tokens.BadLink:
        return bad_link(request)
    if request.method != "POST":
        return render(request, "digest/confirm.html", {"email": email})
    subscriber = subscriptions.confirm(email, tag_ids)
    return redirect("digest:preferences", token=tokens.subscriber_token(subscriber))


def subscriber_from(token):
    try:
        pk = tokens.read_subscriber_token(token)
    except tokens.BadLink:
        return None
    return Subscriber.objects.filter(pk=pk).first()


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def preferences(request, token):
    """The subscriber's page: the tags followed, unsubscribe, subscribe again."""
    subscriber = subscriber_from(token)
    if subscriber is None:
        return bad_link(request)
    form = PreferencesForm(initial={"tags": list(subscriber.tags.values_list("pk", flat=True))})
    saved = None
    if request.method == "POST":
        action = request.POST.get("action")
        if action == "unsubscribe":
            subscriptions.unsubscribe(subscriber)
            saved = "unsubscribed"
        elif action == "resubscribe":
            subscriptions.resubscribe(subscriber)
            saved = "resubscribed"
        else:
            form = PreferencesForm(request.POST)
            if form.is_valid():
                subscriber.tags.set(form.cleaned_data["tags"])
                saved = "tags"
    context = {
        "subscriber": subscriber,
        "form": form,
        "saved": saved,
        "token": token,
        "subscribed": subscriber.state == Subscriber.State.CONFIRMED,
    }
    status = 400 if form.is_bound and not form.is_valid() else 200
    return render(request, "digest/preferences.html", context, status=status)


@csrf_exempt
@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def unsubscribe(request, token):
    """The link in every e-mail and its List-Unsubscribe header. A POST (RFC 8058's
    one-click, sent by the mail provider with List-Unsubscribe=One-Click) unsubscribes
    at once: the signed token is the authorisation, so no CSRF token is asked. A GET
    shows the preferences page, whose own forms are CSRF-protected."""
    if request.method != "POST":
        return preferences(request, token)
    subscriber = subscriber_from(token)
    if subscriber is None:
        return bad_link(request)
    subscriptions.unsubscribe(subscriber)
    return render(
        request,
        "digest/unsubscribed.html",
        {"preferences_url": reverse("digest:preferences", args=[token])},
    )
