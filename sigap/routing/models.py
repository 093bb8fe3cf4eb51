"""Routing models (versioned, trained on the Pemda's own history) and each case's triage."""

from __future__ import annotations

from django.conf import settings
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
        # Not the text: the admin prints this in titles, breadcrumbs and its action log,
        # where the text (a citizen's complaint) must not reach non-superusers.
        return f"{self.label} #{self.pk}"


class HoldResolution(models.TextChoices):
    RELEASED = "released", _("Dilepas")
    SPAM = "spam", _("Spam")


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
    # `repeats.identical_text_key` of the text: counts identical texts without a second copy.
    text_key = models.CharField(max_length=32, blank=True)
    # Held for review (a flood or a contact over its rate limit): stored, never dropped, but
    # not routed until the coordinator releases it or confirms it as spam.
    held = models.BooleanField(_("ditahan"), default=False)
    hold_reasons = models.JSONField(_("alasan ditahan"), default=list, blank=True)
    hold_resolution = models.CharField(
        _("keputusan penahanan"), max_length=10, choices=HoldResolution.choices, blank=True
    )
    hold_resolved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True,
        related_name="+",
    )  # fmt: skip
    hold_resolved_at = models.DateTimeField(null=True, blank=True)
    # When the incident task (or the catch-up) ran for this case, whatever it found: a case
    # whose candidates all closed in the meantime is not tried again every few minutes.
    incidents_checked_at = models.DateTimeField(null=True, blank=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)

    class Meta:
        verbose_name = _("hasil triase")
        verbose_name_plural = _("hasil triase")
        indexes = [
            # Flood counts: the same text in a Pemda within a window.
            models.Index(fields=["text_key", "created_at"], name="triage_text_key_idx"),
            # The coordinator's queue of held cases (few rows: a partial index).
            models.Index(
                fields=["created_at"], condition=models.Q(held=True), name="triage_held_idx"
            ),
        ]

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


class TriagePolicy(models.Model):
    """A Pemda's limits for holding floods back and for raising incident priority; without a
    row the `SIGAP_*` settings (see `sigap.routing.holds.policy_for`) apply."""

    pemda = models.OneToOneField(
        "agencies.Pemda", verbose_name=_("Pemda"), on_delete=models.CASCADE, related_name="+"
    )
    contact_max_per_hour = models.PositiveIntegerField(
        _("maks. laporan baru per kontak per jam"), default=5
    )
    contact_max_per_day = models.PositiveIntegerField(
        _("maks. laporan baru per kontak per hari"), default=20
    )
    flood_window_minutes = models.PositiveIntegerField(
        _("jendela teks identik (menit)"), default=60
    )
    identical_max_per_contact = models.PositiveIntegerField(
        _("maks. teks identik dari satu kontak"), default=2
    )
    identical_max_contacts = models.PositiveIntegerField(
        _("maks. kontak berbeda dengan teks identik"), default=4
    )
    ack_window_hours = models.PositiveIntegerField(
        _("satu tanda terima per kontak per (jam), untuk laporan ditahan"), default=24
    )
    incident_min_reporters = models.PositiveIntegerField(
        _("pelapor minimal untuk prioritas tinggi insiden"), default=5
    )

    class Meta:
        verbose_name = _("kebijakan triase")
        verbose_name_plural = _("kebijakan triase")

    def __str__(self) -> str:
        return str(self.pemda)


class Incident(models.Model):
    """One event reported by several people: its members are cases, its size (distinct
    reporters) a priority signal."""

    pemda = models.ForeignKey("agencies.Pemda", on_delete=models.CASCADE, related_name="+")
    reporter_count = models.PositiveIntegerField(_("jumlah pelapor"), default=0)
    priority_raised_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("insiden")
        verbose_name_plural = _("insiden")

    def __str__(self) -> str:
        return f"insiden {self.pk} ({self.reporter_count} pelapor)"


class IncidentMember(models.Model):
    """A case in an incident; a case belongs to at most one."""

    incident = models.ForeignKey(Incident, on_delete=models.CASCADE, related_name="members")
    case = models.OneToOneField(
        "cases.Case", on_delete=models.CASCADE, related_name="incident_member"
    )
    added_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("anggota insiden")
        verbose_name_plural = _("anggota insiden")

    def __str__(self) -> str:
        return f"{self.incident_id}:{self.case_id}"


class LinkStatus(models.TextChoices):
    SUGGESTED = "suggested", _("Disarankan")
    CONFIRMED = "confirmed", _("Dikonfirmasi")
    REJECTED = "rejected", _("Ditolak")


class LinkReason(models.TextChoices):
    SIMILAR = "similar", _("Teks, tempat dan waktu mirip")
    SAME_REPORTER = "same_reporter", _("Pelapor yang sama")


class CaseLink(models.Model):
    """Two cases that probably report one incident; stored once per pair (low id first)."""

    low = models.ForeignKey("cases.Case", on_delete=models.CASCADE, related_name="+")
    high = models.ForeignKey("cases.Case", on_delete=models.CASCADE, related_name="+")
    score = models.FloatField()
    reason = models.CharField(max_length=16, choices=LinkReason.choices)
    status = models.CharField(
        max_length=10, choices=LinkStatus.choices, default=LinkStatus.SUGGESTED
    )
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True,
        related_name="+",
    )  # fmt: skip
    decided_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("tautan laporan")
        verbose_name_plural = _("tautan laporan")
        constraints = [
            models.UniqueConstraint(fields=["low", "high"], name="case_link_pair"),
            models.CheckConstraint(
                condition=models.Q(low__lt=models.F("high")), name="case_link_order"
            ),
        ]
        indexes = [models.Index(fields=["high", "status"], name="case_link_high_idx")]

    def __str__(self) -> str:
        return f"{self.low_id}~{self.high_id} ({self.status})"


class RegionAlias(models.Model):
    """Another name citizens use for a desa or kecamatan: a local spelling, an old name, an
    abbreviation ("bjs" for Bojongsoang). The gazetteer reads these at triage."""

    pemda = models.ForeignKey(
        "agencies.Pemda", verbose_name=_("Pemda"), on_delete=models.CASCADE, related_name="+"
    )
    region = models.ForeignKey(
        "regions.Region", verbose_name=_("wilayah"), on_delete=models.CASCADE, related_name="+"
    )
    alias = models.CharField(_("nama lain"), max_length=120)
    note = models.CharField(_("keterangan"), max_length=200, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("nama lain wilayah")
        verbose_name_plural = _("nama lain wilayah")
        ordering = ["region__code", "alias"]
        constraints = [
            models.UniqueConstraint(
                fields=["pemda", "region", "alias"], name="region_alias_unique"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.alias} → {self.region.name}"
