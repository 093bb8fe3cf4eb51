from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import admin
from django.http import HttpRequest

from sigap.core.admin_caches import ClearsCachesOnChange
from sigap.core.admin_scoping import CaseContentHiddenAdmin
from sigap.core.errors import DomainError
from sigap.routing.gazetteer.aliases import region_alias_validate
from sigap.routing.holds import policy_cache_clear
from sigap.routing.models import (
    Incident,
    RegionAlias,
    RoutingExample,
    RoutingModel,
    TriagePolicy,
    TriageResult,
)
from sigap.routing.triage import gazetteer_cache_clear


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
class RoutingExampleAdmin(CaseContentHiddenAdmin):
    """Training texts are complaints as citizens wrote them: superusers read them, anyone else
    granted the model sees labels and sources."""

    list_display = ["label", "source", "text", "created_at"]
    list_filter = ["source", "label"]
    search_fields = ["text", "label"]
    content_fields = ("text",)

    def has_add_permission(self, request: HttpRequest) -> bool:
        # An example is its text: who may not read it may not write one either.
        return self.shows_content(request) and super().has_add_permission(request)


@admin.register(TriageResult)
class TriageResultAdmin(CaseContentHiddenAdmin):
    """What the detectors found quotes the complaint (places, personal data, abusive words, the
    emergency cue, the text signature): superusers only; the routing figures for the rest."""

    list_display = ["case", "model_version", "confidence", "auto_routed", "needs_review", "held"]
    list_filter = ["auto_routed", "needs_review", "held", "hold_resolution"]
    readonly_fields = [f.name for f in TriageResult._meta.fields]
    content_fields = ("emergency", "place", "personal_data", "abuse", "signature")

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False


class RegionAliasForm(forms.ModelForm):
    class Meta:
        model = RegionAlias
        fields = ["pemda", "region", "alias", "note"]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        pemda, region, alias = data.get("pemda"), data.get("region"), data.get("alias")
        if pemda is not None and region is not None and alias:
            try:
                data["alias"] = region_alias_validate(
                    pemda=pemda, region=region, alias=alias, exclude_id=self.instance.pk
                )
            except DomainError as exc:
                raise forms.ValidationError(exc.message) from exc
        return data


@admin.register(RegionAlias)
class RegionAliasAdmin(ClearsCachesOnChange):
    """Local spellings, old names and abbreviations of desa and kecamatan, per Pemda."""

    form = RegionAliasForm
    list_display = ["alias", "region", "pemda", "note", "created_at"]
    list_filter = ["pemda", "region__level"]
    search_fields = ["alias", "region__name", "region__code"]
    autocomplete_fields = ["region"]
    caches = (gazetteer_cache_clear,)  # other processes rebuild within their TTL


@admin.register(TriagePolicy)
class TriagePolicyAdmin(ClearsCachesOnChange):
    """Per-Pemda flood limits and the incident size that raises priority."""

    list_display = [
        "pemda", "contact_max_per_hour", "contact_max_per_day", "identical_max_contacts",
        "incident_min_reporters",
    ]  # fmt: skip

    caches = (policy_cache_clear,)  # other processes re-read within `POLICY_TTL_SECONDS`


@admin.register(Incident)
class IncidentAdmin(admin.ModelAdmin):
    list_display = ["pk", "pemda", "reporter_count", "priority_raised_at", "created_at"]
    list_filter = ["pemda"]
    readonly_fields = ["pemda", "reporter_count", "priority_raised_at", "created_at"]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False
