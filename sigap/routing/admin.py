from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import admin
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

from sigap.core.admin_caches import ClearsCachesOnChange
from sigap.core.admin_scoping import (
    AgencyScopedAdmin,
    CaseContentHiddenAdmin,
    SystemAdminWritesAdmin,
)
from sigap.core.errors import DomainError
from sigap.routing.gazetteer.aliases import region_alias_validate
from sigap.routing.holds import policy_cache_clear
from sigap.routing.knowledge import faq_cache_clear
from sigap.routing.models import (
    Incident,
    KnowledgeArticle,
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
class TriagePolicyAdmin(SystemAdminWritesAdmin, ClearsCachesOnChange):
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


class KnowledgeArticleForm(forms.ModelForm):
    """Question variants one per line, not a JSON list: agency admins write these."""

    questions = forms.CharField(
        label=_("Variasi pertanyaan"),
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_(
            'Satu pertanyaan per baris, dengan kata-kata warga, misalnya "syarat bikin KTP '
            'apa aja". Makin banyak variasi, makin sering dijawab otomatis.'
        ),
    )

    class Meta:
        model = KnowledgeArticle
        fields = ["agency", "title", "questions", "answer", "source_url", "is_active"]
        help_texts = {
            "answer": _(
                "Dikirim apa adanya kepada warga yang pertanyaannya cocok, dengan tawaran untuk "
                "dihubungkan ke petugas. Tidak ada jawaban yang dibuat otomatis."
            ),
        }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if self.instance.pk and isinstance(self.instance.questions, list):
            self.initial["questions"] = "\n".join(str(q) for q in self.instance.questions)

    def clean_questions(self) -> list[str]:
        lines = [line.strip() for line in self.cleaned_data["questions"].splitlines()]
        questions = list(dict.fromkeys(line for line in lines if line))
        if not questions:
            raise forms.ValidationError(_("Tuliskan sedikitnya satu pertanyaan."))
        return questions


@admin.register(KnowledgeArticle)
class KnowledgeArticleAdmin(AgencyScopedAdmin, ClearsCachesOnChange):
    """Each agency keeps the answers to its common questions; the FAQ matcher of this process
    rebuilds at once, the others within `knowledge.RECHECK_SECONDS`."""

    form = KnowledgeArticleForm
    list_display = ["title", "agency", "is_active", "updated_at"]
    list_filter = ["is_active"]
    search_fields = ["title", "answer"]
    caches = (faq_cache_clear,)
