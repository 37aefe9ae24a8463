"""The desk's admin pages: the calendar and the coverage grid. The admin site serves
them (desk/admin.py registers them) behind its login, never cached."""

import datetime
import re
from urllib.parse import urlencode

from django.contrib import admin, messages
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import SimpleLazyObject
from django.utils.text import Truncator
from django.utils.translation import gettext as _

from articles import date_labels, roles

from . import coverage as coverage_counts
from .calendar import WEEKS, calendar

LAST_START = datetime.date.max - datetime.timedelta(days=WEEKS * 7 - 1)
ISO_WEEK = re.compile(r"(\d{4})-W(\d{1,2})")


def calendar_view(request):
    """The weeks from today, or from the date (``start``) or ISO week (``week``, as in
    2026-W49) asked for; a date that cannot be shown falls back to today, and says so."""
    today = timezone.localdate()
    start, problem = chosen_start(request.GET, today)
    if problem:
        messages.warning(request, problem)
    user = request.user
    # The weeks are read when first used: the page keeps them as a fragment until the
    # next change, one for the editors and one for each author (what they may edit).
    days = SimpleLazyObject(lambda: calendar(start))
    context = {
        **admin.site.each_context(request),
        "title": _("Calendar"),
        "weeks": SimpleLazyObject(
            lambda: [days[first : first + 7] for first in range(0, len(days), 7)]
        ),
        "start": start,
        "end": start + datetime.timedelta(days=WEEKS * 7 - 1),
        "today": today,
        "viewer": "editor" if roles.is_editor(user) else user.pk,
        "editable": SimpleLazyObject(
            lambda: {
                remembered.event.pk
                for day in days
                for remembered in day.articles
                if roles.may_edit(user, remembered.event)
            }
        ),
        "may_add_ideas": user.has_perm("desk.add_idea"),
        "moves": moves(start),
        "last_start": LAST_START,
    }
    return TemplateResponse(request, "desk/calendar.html", context)


def chosen_start(query, today):
    """(the first day to show, a message when what was asked cannot be shown)."""
    written = (query.get("start") or "").strip()
    week = (query.get("week") or "").strip()
    fallback = _("Showing the weeks from today instead.")
    if not written and not week:
        return today, None
    if written:
        try:
            start = datetime.date.fromisoformat(written)
        except ValueError:
            message = _(
                "“%(date)s” is not a date the calendar can show: pick one with the "
                "date picker (year, month, day)."
            )
            return today, f"{message % {'date': Truncator(written).chars(30)}} {fallback}"
    else:
        match = ISO_WEEK.fullmatch(week)
        try:
            start = datetime.date.fromisocalendar(int(match[1]), int(match[2]), 1)
        except (TypeError, ValueError):
            message = _(
                "“%(week)s” is not a week: write it as 2026-W49, a year and the "
                "number of the week (1 to 52, or 53 in some years)."
            )
            return today, f"{message % {'week': Truncator(week).chars(30)}} {fallback}"
    if start > LAST_START:
        message = _(
            "The calendar goes no further than the year 9999: its last weeks start on %(start)s."
        ) % {"start": LAST_START.isoformat()}
        return today, f"{message} {fallback}"
    return start, None


def moves(start):
    """The links to other weeks: (label, start date), leaving out those past the end."""
    steps = [
        (_("← %(weeks)d weeks earlier") % {"weeks": WEEKS}, -WEEKS * 7),
        (_("← A week earlier"), -7),
        (_("A week later →"), 7),
        (_("%(weeks)d weeks later →") % {"weeks": WEEKS}, WEEKS * 7),
    ]
    links = []
    for label, days in steps:
        try:
            moved = start + datetime.timedelta(days=days)
        except OverflowError:
            continue
        if moved <= LAST_START:
            links.append((label, moved))
    return links


def coverage_view(request):
    """The year as a grid of 366 days, shaded by their published articles."""
    days = coverage_counts.coverage()
    changelist = reverse("admin:articles_article_changelist")
    cells = [
        {
            "day": day,
            "label": date_labels.day_of_year((day.month, day.day)),
            "url": f"{changelist}?"
            + urlencode({"event_month": day.month, "event_day": day.day, "state": "published"}),
        }
        for day in days
    ]
    months = [
        {"name": name, "cells": [cell for cell in cells if cell["day"].month == number]}
        for number, name in enumerate(date_labels.month_names(), start=1)
    ]
    for month in months:  # the table's empty cells after the 28th, 29th or 30th
        month["missing"] = range(31 - len(month["cells"]))
    context = {
        **admin.site.each_context(request),
        "title": _("Coverage"),
        "months": months,
        "day_numbers": range(1, 32),
        "empty": [cell for cell in cells if cell["day"].count == 0],
        "single": [cell for cell in cells if cell["day"].count == 1],
        "total": sum(day.count for day in days),
        "legend": coverage_counts.shade_legend(),
    }
    return TemplateResponse(request, "desk/coverage.html", context)
