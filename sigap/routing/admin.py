from __future__ import annotations

from django.contrib import admin
from django.http import HttpRequest

from sigap.routing.models import RoutingExample, RoutingModel, TriageResult


@admin.register(RoutingModel)
class RoutingModelAdmin(admin.ModelAdmin):
    """Versions with their metrics; the threshold may be tuned, the model itself is read-only."""

    list_display = ["pemda", "version", "created_at", "n_examples", "threshold", "is_active"]
    list_filter = ["pemda", "is_active"]
    exclude = ["blob"]
    readonly_fields = ["pemda", "version", "created_at", "n_examples", "labels", "metrics"]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False


@admin.register(RoutingExample)
class RoutingExampleAdmin(admin.ModelAdmin):
    list_display = ["label", "source", "text", "created_at"]
    list_filter = ["source", "label"]
    search_fields = ["text", "label"]


@admin.register(TriageResult)
class TriageResultAdmin(admin.ModelAdmin):
    list_display = ["case", "model_version", "confidence", "auto_routed", "needs_review"]
    list_filter = ["auto_routed", "needs_review"]
    readonly_fields = [f.name for f in TriageResult._meta.fields]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False
