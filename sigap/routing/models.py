"""Routing models (versioned, trained on the Pemda's own history) and each case's triage."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class RoutingModel(models.Model):
    """One trained router; the active version is picked up by every process without restart."""

    pemda = models.ForeignKey("agencies.Pemda", on_delete=models.CASCADE, related_name="+")
    version = models.PositiveIntegerField()
    created_at = models.DateTimeField(auto_now_add=True)
    n_examples = models.PositiveIntegerField()
    labels = models.JSONField(default=list)
    metrics = models.JSONField(default=dict)
    threshold = models.FloatField()
    blob = models.BinaryField()
    is_active = models.BooleanField(default=False)

    class Meta:
        verbose_name = _("model perutean")
        verbose_name_plural = _("model perutean")
        constraints = [
            models.UniqueConstraint(fields=["pemda", "version"], name="routing_model_version"),
        ]

    def __str__(self) -> str:
        return f"v{self.version} ({self.n_examples} contoh)"


class ExampleSource(models.TextChoices):
    HISTORY = "history", _("Riwayat impor")
    CONFIRMED = "confirmed", _("Dikonfirmasi petugas")
    CORRECTED = "corrected", _("Dikoreksi petugas")


class RoutingExample(models.Model):
    """A text and the agency that really handled it: what the router learns from."""

    pemda = models.ForeignKey("agencies.Pemda", on_delete=models.CASCADE, related_name="+")
    text = models.TextField()
    # An agency code, or AREA_OFFICE for work resolved by location (kecamatan/kelurahan).
    label = models.CharField(max_length=60)
    source = models.CharField(max_length=12, choices=ExampleSource.choices)
    case = models.ForeignKey(
        "cases.Case", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    occurred_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("contoh perutean")
        verbose_name_plural = _("contoh perutean")
        indexes = [models.Index(fields=["pemda", "source"], name="routing_example_source_idx")]

    def __str__(self) -> str:
        return f"{self.label}: {self.text[:40]}"


class TriageResult(models.Model):
    """What the triage found for a case: suggestions, confidence, place, emergency, personal data,
    abusive language and likely duplicates."""

    case = models.OneToOneField("cases.Case", on_delete=models.CASCADE, related_name="triage")
    model_version = models.PositiveIntegerField(null=True, blank=True)
    suggestions = models.JSONField(default=list)
    confidence = models.FloatField(null=True, blank=True)
    auto_routed = models.BooleanField(default=False)
    needs_review = models.BooleanField(default=False, db_index=True)
    emergency = models.JSONField(default=dict)
    place = models.JSONField(default=dict)
    personal_data = models.JSONField(default=list)
    abuse = models.JSONField(default=dict)
    duplicates = models.JSONField(default=list)
    signature = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)

    class Meta:
        verbose_name = _("hasil triase")
        verbose_name_plural = _("hasil triase")

    def __str__(self) -> str:
        return f"triase {self.case_id}"


class KnowledgeArticle(models.Model):
    """A common question an agency answers the same way every time; only stored answers are
    ever sent to citizens, nothing is generated."""

    agency = models.ForeignKey(
        "agencies.Agency", verbose_name=_("instansi"), on_delete=models.CASCADE,
        related_name="knowledge_articles",
    )  # fmt: skip
    title = models.CharField(_("judul"), max_length=200)
    questions = models.JSONField(_("variasi pertanyaan"), default=list)
    answer = models.TextField(_("jawaban"))
    source_url = models.URLField(_("sumber"), blank=True)
    is_active = models.BooleanField(_("aktif"), default=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("artikel pengetahuan")
        verbose_name_plural = _("artikel pengetahuan")

    def __str__(self) -> str:
        return self.title
