"""The laporan (case), its messages, attachments, dispositions and append-only timeline."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from sigap.catalog.models import CaseKind, Priority
from sigap.contacts.models import Channel
from sigap.core.ids import citizen_token, public_code


class CaseStatus(models.TextChoices):
    NEW = "new", _("Baru")
    VERIFIED = "verified", _("Terverifikasi")
    IN_PROGRESS = "in_progress", _("Diproses")
    WAITING_CITIZEN = "waiting_citizen", _("Menunggu warga")
    RESOLVED = "resolved", _("Selesai")
    CLOSED = "closed", _("Ditutup")
    REJECTED = "rejected", _("Ditolak")
    MERGED = "merged", _("Digabung")


OPEN_STATUSES = (
    CaseStatus.NEW,
    CaseStatus.VERIFIED,
    CaseStatus.IN_PROGRESS,
    CaseStatus.WAITING_CITIZEN,
)


class Case(models.Model):
    pemda = models.ForeignKey("agencies.Pemda", on_delete=models.PROTECT, related_name="cases")
    tracking_number = models.CharField(_("nomor laporan"), max_length=24)
    code = models.CharField(max_length=12, unique=True, default=public_code, editable=False)
    citizen_token = models.CharField(
        max_length=64, unique=True, default=citizen_token, editable=False
    )
    kind = models.CharField(
        _("jenis"), max_length=24, choices=CaseKind.choices, default=CaseKind.COMPLAINT
    )
    category = models.ForeignKey(
        "catalog.Category", verbose_name=_("kategori"), on_delete=models.PROTECT, null=True,
        blank=True, related_name="cases",
    )  # fmt: skip
    status = models.CharField(
        _("status"), max_length=20, choices=CaseStatus.choices, default=CaseStatus.NEW
    )
    priority = models.CharField(
        _("prioritas"), max_length=10, choices=Priority.choices, default=Priority.NORMAL
    )
    agency = models.ForeignKey(
        "agencies.Agency", verbose_name=_("instansi"), on_delete=models.PROTECT, null=True,
        blank=True, related_name="cases",
    )  # fmt: skip
    assignee = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("petugas"), on_delete=models.SET_NULL,
        null=True, blank=True, related_name="assigned_cases",
    )  # fmt: skip
    contact = models.ForeignKey(
        "contacts.Contact", verbose_name=_("pelapor"), on_delete=models.PROTECT, null=True,
        blank=True, related_name="cases",
    )  # fmt: skip
    channel = models.CharField(_("kanal"), max_length=16, choices=Channel.choices)
    region = models.ForeignKey(
        "regions.Region", verbose_name=_("wilayah"), on_delete=models.SET_NULL, null=True,
        blank=True, related_name="cases",
    )  # fmt: skip
    latitude = models.FloatField(null=True, blank=True)
    longitude = models.FloatField(null=True, blank=True)
    location_text = models.CharField(_("lokasi"), max_length=255, blank=True)
    title = models.CharField(_("judul"), max_length=200, blank=True)
    description = models.TextField(_("isi laporan"))
    is_anonymous = models.BooleanField(_("anonim"), default=False)
    is_confidential = models.BooleanField(_("rahasia"), default=False)
    # Waiting for the coordinator's decision on a hold (a flood): a copy of
    # ``TriageResult.held`` kept by ``sigap.routing.holds``, so that agency inboxes and their
    # counts leave the case out without a join per row.
    is_held = models.BooleanField(_("ditahan"), default=False, editable=False)
    merged_into = models.ForeignKey(
        "self", on_delete=models.SET_NULL, null=True, blank=True, related_name="merged_cases"
    )
    routing_confidence = models.FloatField(null=True, blank=True)
    # Deadlines: stored columns the SLA services recompute on each relevant write.
    first_response_due_at = models.DateTimeField(null=True, blank=True)
    verification_due_at = models.DateTimeField(null=True, blank=True)
    followup_due_at = models.DateTimeField(null=True, blank=True)
    resolution_due_at = models.DateTimeField(null=True, blank=True)
    autoclose_due_at = models.DateTimeField(null=True, blank=True)
    # SLA sweeper state (sigap.sla): when the current agency's follow-up clock started, the
    # steps taken per stage (0 none, 1 warned, n >= 2 escalated to chain level n - 1), and when
    # the sweeper next has something to do (partial index; NULL = nothing pending).
    followup_started_at = models.DateTimeField(null=True, blank=True)
    first_response_sla_level = models.PositiveSmallIntegerField(default=0)
    verification_sla_level = models.PositiveSmallIntegerField(default=0)
    followup_sla_level = models.PositiveSmallIntegerField(default=0)
    resolution_sla_level = models.PositiveSmallIntegerField(default=0)
    sla_next_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(_("diterima"), db_index=True)
    updated_at = models.DateTimeField(auto_now=True)
    verified_at = models.DateTimeField(null=True, blank=True)
    first_response_at = models.DateTimeField(null=True, blank=True)
    resolved_at = models.DateTimeField(null=True, blank=True)
    closed_at = models.DateTimeField(null=True, blank=True)
    rating = models.PositiveSmallIntegerField(null=True, blank=True)
    rating_comment = models.TextField(blank=True)
    rated_at = models.DateTimeField(null=True, blank=True)
    # Bumped on every write through a service; a stale version means someone else acted first.
    version = models.PositiveIntegerField(default=1)

    class Meta:
        verbose_name = _("laporan")
        verbose_name_plural = _("laporan")
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["pemda", "tracking_number"], name="case_tracking_number_per_pemda"
            ),
            models.CheckConstraint(
                condition=Q(rating__isnull=True) | Q(rating__gte=1, rating__lte=5),
                name="case_rating_1_to_5",
            ),
            models.CheckConstraint(
                condition=Q(latitude__isnull=True, longitude__isnull=True)
                | Q(latitude__gte=-90, latitude__lte=90, longitude__gte=-180, longitude__lte=180),
                name="case_point_valid",
            ),
            models.CheckConstraint(
                condition=~Q(status="merged") | Q(merged_into__isnull=False),
                name="case_merged_has_target",
            ),
        ]
        indexes = [
            models.Index(fields=["agency", "status", "-created_at"], name="case_agency_status_idx"),
            models.Index(fields=["pemda", "status", "-created_at"], name="case_pemda_status_idx"),
            models.Index(fields=["assignee", "status"], name="case_assignee_status_idx"),
            models.Index(fields=["priority", "status"], name="case_priority_status_idx"),
        ]

    def __str__(self) -> str:
        return self.tracking_number

    @property
    def is_open(self) -> bool:
        return self.status in OPEN_STATUSES


class TrackingCounter(models.Model):
    """Per-Pemda, per-month sequence behind tracking numbers (BDG-2611-00042)."""

    pemda = models.ForeignKey("agencies.Pemda", on_delete=models.CASCADE, related_name="+")
    period = models.CharField(max_length=4)  # YYMM
    last_value = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["pemda", "period"], name="tracking_counter_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.pemda_id}:{self.period}={self.last_value}"


class EventKind(models.TextChoices):
    CREATED = "created", _("Laporan dibuat")
    STATUS_CHANGED = "status_changed", _("Status berubah")
    ASSIGNED = "assigned", _("Petugas ditetapkan")
    DISPOSED = "disposed", _("Didisposisikan")
    NOTE = "note", _("Catatan internal")
    CATEGORY_CHANGED = "category_changed", _("Kategori berubah")
    PRIORITY_CHANGED = "priority_changed", _("Prioritas berubah")
    MERGED = "merged", _("Digabung")
    MESSAGE_IN = "message_in", _("Pesan warga")
    MESSAGE_OUT = "message_out", _("Balasan")
    ATTACHMENT = "attachment", _("Lampiran")
    LOCATION = "location", _("Lokasi")
    FLAGS_CHANGED = "flags_changed", _("Anonim/rahasia berubah")
    ROUTED = "routed", _("Dirutekan otomatis")
    SLA = "sla", _("SLA")
    ESCALATED = "escalated", _("Dieskalasi")
    RATED = "rated", _("Penilaian warga")


class CaseEvent(models.Model):
    """Append-only timeline: every change to a case, who made it and when.

    Rows are never updated or deleted: the model refuses it and database triggers enforce it.
    """

    case = models.ForeignKey(Case, on_delete=models.PROTECT, related_name="events")
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True,
        related_name="+",
    )  # fmt: skip
    kind = models.CharField(max_length=24, choices=EventKind.choices)
    from_value = models.CharField(max_length=200, blank=True)
    to_value = models.CharField(max_length=200, blank=True)
    note = models.TextField(blank=True)
    data = models.JSONField(default=dict, blank=True)
    created_at = models.DateTimeField(db_index=True)

    class Meta:
        verbose_name = _("riwayat laporan")
        verbose_name_plural = _("riwayat laporan")
        ordering = ["created_at", "id"]
        indexes = [models.Index(fields=["case", "created_at"], name="caseevent_case_time_idx")]

    def __str__(self) -> str:
        return f"{self.case_id} {self.kind}"

    def save(self, *args, **kwargs):
        if self.pk is not None:
            raise ValueError("CaseEvent is append-only")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise ValueError("CaseEvent is append-only")


class DispositionReason(models.TextChoices):
    INITIAL = "initial", _("Penugasan awal")
    NOT_OUR_AUTHORITY = "not_our_authority", _("Bukan wewenang")
    WRONG_AREA = "wrong_area", _("Salah wilayah")
    ESCALATION = "escalation", _("Eskalasi ke instansi lain")
    EXTERNAL = "external", _("Diteruskan ke lembaga luar")
    REASSIGNED = "reassigned", _("Dialihkan koordinator")


class Disposition(models.Model):
    """One hop of a case between agencies, with the reason; every hop is accountable."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="dispositions")
    from_agency = models.ForeignKey(
        "agencies.Agency", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    to_agency = models.ForeignKey("agencies.Agency", on_delete=models.PROTECT, related_name="+")
    reason = models.CharField(_("alasan"), max_length=24, choices=DispositionReason.choices)
    note = models.TextField(_("catatan"), blank=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True,
        related_name="+",
    )  # fmt: skip
    created_at = models.DateTimeField()

    class Meta:
        verbose_name = _("disposisi")
        verbose_name_plural = _("disposisi")
        ordering = ["created_at", "id"]

    def __str__(self) -> str:
        return f"{self.case_id}: {self.from_agency_id} → {self.to_agency_id}"


class MessageDirection(models.TextChoices):
    INBOUND = "in", _("Masuk")
    OUTBOUND = "out", _("Keluar")


class MessageStatus(models.TextChoices):
    RECEIVED = "received", _("Diterima")
    QUEUED = "queued", _("Antre")
    SENT = "sent", _("Terkirim")
    DELIVERED = "delivered", _("Sampai")
    READ = "read", _("Dibaca")
    FAILED = "failed", _("Gagal")


class Message(models.Model):
    """A message between a citizen and Sigap on one channel, inbound or outbound."""

    pemda = models.ForeignKey("agencies.Pemda", on_delete=models.PROTECT, related_name="+")
    case = models.ForeignKey(
        Case, on_delete=models.CASCADE, null=True, blank=True, related_name="messages"
    )
    contact = models.ForeignKey(
        "contacts.Contact", on_delete=models.PROTECT, null=True, blank=True,
        related_name="messages",
    )  # fmt: skip
    channel = models.CharField(max_length=16, choices=Channel.choices)
    # The number, account, bot or mailbox it came through (replies go back the same way).
    account = models.ForeignKey(
        "channels.ChannelAccount", on_delete=models.PROTECT, null=True, blank=True,
        related_name="messages",
    )  # fmt: skip
    direction = models.CharField(max_length=3, choices=MessageDirection.choices)
    # Provider id (wamid, IG mid, Telegram chat:message, Message-ID): the idempotency key.
    external_id = models.CharField(max_length=255, blank=True)
    text = models.TextField(blank=True)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True,
        related_name="+",
    )  # fmt: skip
    status = models.CharField(max_length=10, choices=MessageStatus.choices)
    data = models.JSONField(default=dict, blank=True)
    created_at = models.DateTimeField(db_index=True)

    class Meta:
        verbose_name = _("pesan")
        verbose_name_plural = _("pesan")
        ordering = ["created_at", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["channel", "external_id"],
                condition=~Q(external_id=""),
                name="message_external_id_unique",
            ),
        ]
        indexes = [models.Index(fields=["case", "created_at"], name="message_case_time_idx")]

    def __str__(self) -> str:
        return f"{self.channel} {self.direction} {self.external_id or self.pk}"


def attachment_upload_to(instance: Attachment, filename: str) -> str:
    return f"attachments/{instance.case.code}/{instance.sha256[:16]}.{instance.extension}"


class Attachment(models.Model):
    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="attachments")
    message = models.ForeignKey(
        Message, on_delete=models.SET_NULL, null=True, blank=True, related_name="attachments"
    )
    file = models.FileField(upload_to=attachment_upload_to, max_length=255)
    original_name = models.CharField(max_length=255, blank=True)
    content_type = models.CharField(max_length=100)
    extension = models.CharField(max_length=10)
    size = models.PositiveIntegerField()
    sha256 = models.CharField(max_length=64)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True,
        related_name="+",
    )  # fmt: skip
    is_internal = models.BooleanField(default=False)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("lampiran")
        verbose_name_plural = _("lampiran")

    def __str__(self) -> str:
        return self.original_name or f"{self.sha256[:12]}.{self.extension}"

    @property
    def is_image(self) -> bool:
        return self.content_type.startswith("image/")
