"""The daily e-mail in the admin: subscribers (search, filters, export), and each run
with its deliveries, read-only."""

import csv

from django.contrib import admin
from django.http import HttpResponse
from django.utils import timezone

from .models import Delivery, Run, Subscriber


@admin.action(description="Export the selected subscribers as CSV")
def export_csv(modeladmin, request, queryset):
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    name = f"subscribers-{timezone.localdate():%Y-%m-%d}.csv"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    writer = csv.writer(response)
    writer.writerow(["email", "state", "tags", "subscribed", "confirmed", "unsubscribed"])
    for subscriber in queryset.prefetch_related("tags").order_by("pk"):
        writer.writerow(
            [
                # A leading =, +, - or @ would be a formula to a spreadsheet.
                safe_cell(subscriber.email),
                subscriber.state,
                safe_cell(", ".join(sorted(tag.name for tag in subscriber.tags.all()))),
                subscriber.created_at.isoformat(),
                subscriber.confirmed_at.isoformat() if subscriber.confirmed_at else "",
                subscriber.unsubscribed_at.isoformat() if subscriber.unsubscribed_at else "",
            ]
        )
    return response


def safe_cell(text):
    return f"'{text}" if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


@admin.register(Subscriber)
class SubscriberAdmin(admin.ModelAdmin):
    list_display = ["email", "state", "followed_tags", "created_at", "confirmed_at"]
    list_filter = ["state", "tags"]
    search_fields = ["email"]
    actions = [export_csv]
    filter_horizontal = ["tags"]
    date_hierarchy = "created_at"
    readonly_fields = [
        "created_at",
        "confirmed_at",
        "unsubscribed_at",
        "bounced_at",
        "bounce_reason",
    ]

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("tags")

    @admin.display(description="tags")
    def followed_tags(self, subscriber):
        return ", ".join(sorted(tag.name for tag in subscriber.tags.all())) or "all"


class ReadOnlyAdmin(admin.ModelAdmin):
    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False


class DeliveryInline(admin.TabularInline):
    model = Delivery
    fields = ["subscriber", "state", "attempts", "last_error", "sent_at"]
    readonly_fields = fields
    extra = 0
    max_num = 0
    can_delete = False
    show_change_link = True
    verbose_name_plural = "deliveries that did not go out"

    def get_queryset(self, request):
        # The failures are what an operator looks for; the sent ones are in Deliveries.
        return (
            super()
            .get_queryset(request)
            .exclude(state__in=[Delivery.State.SENT, Delivery.State.SKIPPED])
            .select_related("subscriber")
        )


@admin.register(Run)
class RunAdmin(ReadOnlyAdmin):
    list_display = [
        "started_at",
        "day",
        "sent",
        "failed",
        "bounced",
        "skipped",
        "finished_at",
        "error",
    ]
    list_filter = ["day"]
    date_hierarchy = "started_at"
    inlines = [DeliveryInline]


@admin.register(Delivery)
class DeliveryAdmin(ReadOnlyAdmin):
    list_display = ["subscriber", "day", "state", "attempts", "last_error", "sent_at"]
    list_filter = ["state", "day"]
    search_fields = ["subscriber__email"]
    list_select_related = ["subscriber"]
    date_hierarchy = "day"
