"""The review of drafts in the article admin: an author's "Save and submit for
review", the editors' e-mail, an editor's "Send back with a comment", and what the
change form shows of it (articles.review holds the rules)."""

import functools

from django import forms
from django.contrib import messages
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import Http404
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path
from django.utils.translation import gettext_lazy as _

from sharing.addresses import absolute_url

from .. import review, roles

SUBMIT = "_submit_for_review"
PUBLISH = "_publish"


class SendBackForm(forms.Form):
    comment = forms.CharField(
        label=_("What should the author change?"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 8, "cols": 70}),
        help_text=_("The author sees it at the top of the article's page in the admin."),
    )


class ReviewMixin:
    """For the article admin."""

    def get_urls(self):
        send_back = self.admin_site.admin_view(self.send_back_view)
        return [
            path("<path:object_id>/send-back/", send_back, name=self.url_name("send_back")),
            *super().get_urls(),
        ]

    def save_model(self, request, obj, form, change):
        submitting = SUBMIT in request.POST and roles.may_submit_for_review(request.user, obj)
        if submitting:
            review.submit(obj)
        publishing = PUBLISH in request.POST and roles.can_publish(request.user)
        if publishing:
            review.publish(obj)
        super().save_model(request, obj, form, change)
        if publishing:
            messages.success(
                request,
                _("Published: readers see it now.")
                if obj.is_public
                else _("Scheduled: readers will see it from its publish time."),
            )
        if submitting:
            transaction.on_commit(functools.partial(self.tell_editors, request, obj))

    def tell_editors(self, request, article):
        url = absolute_url(self.admin_url("change", article.pk))
        if review.tell_editors(article, url):
            messages.info(request, _("Submitted for review: the editors have been told."))
        else:
            messages.warning(
                request,
                _(
                    "Saved and submitted for review, but the e-mail to the editors could "
                    "not be sent: please tell an editor yourself."
                ),
            )

    def tell_author(self, request, article, note, change_url):
        if not review.tell_author(article, note, absolute_url(change_url)):
            messages.warning(
                request,
                _(
                    "The e-mail to the author could not be sent; they will see your comment "
                    "on the article's page."
                ),
            )

    def review_context(self, request, article):
        """What the change form shows of the review, and the buttons it offers: the
        comments on a draft (one query), the last one heading the page until the
        draft is submitted again."""
        is_draft = article.status == article.Status.DRAFT
        notes = (
            list(article.review_notes.select_related("editor")[:20])
            if article.pk and is_draft
            else []
        )
        waiting = bool(article.pk and is_draft and article.submitted_at)
        return {
            "can_submit_for_review": roles.may_submit_for_review(request.user, article),
            "can_publish_now": is_draft and roles.can_publish(request.user),
            "review_note": notes[0] if notes and not waiting else None,
            "earlier_notes": notes,
            "send_back_url": (
                self.admin_url("send_back", article.pk)
                if waiting and roles.is_editor(request.user)
                else None
            ),
        }

    def send_back_view(self, request, object_id):
        if not roles.is_editor(request.user):
            raise PermissionDenied(_("Only an editor sends a draft back."))
        article = self.get_object(request, unquote(object_id))
        if article is None:
            raise Http404(_("There is no such article; perhaps it was deleted."))
        change_url = self.admin_url("change", article.pk)
        if article.status != article.Status.DRAFT or not article.submitted_at:
            messages.warning(
                request, _("“%(title)s” is not waiting for review.") % {"title": article}
            )
            return redirect(change_url)
        form = SendBackForm(request.POST or None)
        if request.method == "POST" and form.is_valid():
            comment = form.cleaned_data["comment"]
            with transaction.atomic():
                note = review.send_back(article, request.user, comment)
                self.save_with_revision(
                    request,
                    article,
                    _("Sent back to the author: %(comment)s") % {"comment": comment},
                )
                transaction.on_commit(
                    functools.partial(self.tell_author, request, article, note, change_url)
                )
            messages.success(
                request,
                _("“%(title)s” went back to its author with your comment.") % {"title": article},
            )
            return redirect(change_url)
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "title": _("Send back “%(title)s”") % {"title": article},
            "article": article,
            "form": form,
            "change_url": change_url,
        }
        return TemplateResponse(request, "admin/articles/article/send_back.html", context)
