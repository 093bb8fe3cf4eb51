"""SLA policies and business calendars (the clock arithmetic lives in ``calendar.py``)."""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from sigap.catalog.models import Priority


def default_office_schedule() -> dict[str, list[list[str]]]:
    """Typical Pemda office hours: Mon–Thu 07:30–16:00, Fri 07:30–16:30, breaks between."""
    weekday = [["07:30", "12:00"], ["13:00", "16:00"]]
    return {
        "0": weekday,
        "1": weekday,
        "2": weekday,
        "3": weekday,
        "4": [["07:30", "11:30"], ["13:00", "16:30"]],
    }


class BusinessCalendar(models.Model):
    """Office hours, time zone and closed/open overrides of one or more agencies."""

    name = models.CharField(_("nama"), max_length=100, unique=True)
    timezone = models.CharField(
        _("zona waktu"),
        max_length=40,
        default="Asia/Jakarta",
        choices=[
            ("Asia/Jakarta", "WIB"),
            ("Asia/Makassar", "WITA"),
            ("Asia/Jayapura", "WIT"),
        ],
    )
    always_open = models.BooleanField(_("24 jam"), default=False)
    # {"0": [["07:30","12:00"], ["13:00","16:00"]], ...}; Monday is "0".
    schedule = models.JSONField(_("jam kerja mingguan"), default=default_office_schedule)
    extra_closed_dates = models.JSONField(_("tanggal libur tambahan"), default=list, blank=True)
    extra_open_dates = models.JSONField(_("tanggal masuk tambahan"), default=list, blank=True)
    use_national_holidays = models.BooleanField(_("libur nasional dan cuti bersama"), default=True)

    class Meta:
        verbose_name = _("kalender kerja")
        verbose_name_plural = _("kalender kerja")

    def __str__(self) -> str:
        return self.name


class Stage(models.TextChoices):
    """The clocks of a case. Auto-closure is an action, not a stage: it never escalates."""

    FIRST_RESPONSE = "first_response", _("Respons pertama")
    VERIFICATION = "verification", _("Verifikasi dan disposisi")
    FOLLOWUP = "followup", _("Tindak lanjut instansi")
    RESOLUTION = "resolution", _("Penyelesaian")


class EscalationRole(models.TextChoices):
    """Who hears about a breach, one level per breach period."""

    ASSIGNEE = "assignee", _("Petugas penanggung jawab")
    AGENCY_ADMIN = "agency_admin", _("Kepala/admin instansi")
    COORDINATOR = "coordinator", _("Koordinator")
    LEADER = "leader", _("Pimpinan")


_ROLES = frozenset(EscalationRole.values)  # ``.values`` builds a new list on every access


def default_escalation_chain() -> list[str]:
    return [role.value for role in EscalationRole]


class SlaPolicy(models.Model):
    """Response and resolution targets; LAPOR! stages are counted in working days.

    A duration of 0 means the stage is not measured under this policy.
    """

    code = models.SlugField(_("kode"), max_length=40, unique=True)
    name = models.CharField(_("nama"), max_length=120)
    first_response_minutes = models.PositiveIntegerField(
        _("respons pertama (menit kerja)"), default=15
    )
    verification_days = models.PositiveIntegerField(
        _("verifikasi dan disposisi (hari kerja)"), default=3
    )
    followup_days = models.PositiveIntegerField(_("tindak lanjut (hari kerja)"), default=5)
    resolution_days = models.PositiveIntegerField(_("penyelesaian (hari kalender)"), default=14)
    autoclose_days = models.PositiveIntegerField(_("tutup otomatis (hari kerja)"), default=10)
    # Warn when this share of the budget is used or this many working minutes remain, whichever
    # comes first (0 switches a rule off; the minutes rule only applies to longer budgets).
    warn_percent = models.PositiveSmallIntegerField(
        _("peringatan pada (% waktu terpakai)"), default=80
    )
    warn_minutes_before = models.PositiveIntegerField(
        _("peringatan sebelum batas (menit kerja)"), default=30
    )
    escalation_chain = models.JSONField(
        _("rantai eskalasi"),
        default=default_escalation_chain,
        help_text=_("Urutan penerima eskalasi: assignee, agency_admin, coordinator, leader."),
    )

    class Meta:
        verbose_name = _("kebijakan SLA")
        verbose_name_plural = _("kebijakan SLA")
        constraints = [
            models.CheckConstraint(
                condition=Q(warn_percent__lte=100), name="slapolicy_warn_percent_max_100"
            ),
        ]

    def __str__(self) -> str:
        return self.name

    def clean(self) -> None:
        chain = self.escalation_chain
        if (
            not isinstance(chain, list)
            or not chain
            or any(role not in _ROLES for role in chain)
            or len(set(chain)) != len(chain)
        ):
            raise ValidationError(
                {"escalation_chain": _("Isi dengan peran yang dikenal, masing-masing sekali.")}
            )

    def chain(self) -> tuple[str, ...]:
        """The escalation chain, unknown entries dropped (a hand-edited row must not crash)."""
        raw = self.escalation_chain if isinstance(self.escalation_chain, list) else []
        return tuple(dict.fromkeys(role for role in raw if role in _ROLES))


class SlaRule(models.Model):
    """Which policy applies to a case: the most specific matching rule of its Pemda wins.

    Specificity: category, then agency (a rule on an OPD covers its units; the nearest wins),
    then priority; ties go to the lower ``order``. Without a matching rule the category's own
    ``sla_policy`` applies, else the built-in default. A rule matching everything therefore
    overrides every category's policy: use it only to change the Pemda-wide default.
    """

    pemda = models.ForeignKey("agencies.Pemda", on_delete=models.CASCADE, related_name="sla_rules")
    category = models.ForeignKey(
        "catalog.Category", verbose_name=_("kategori"), on_delete=models.CASCADE, null=True,
        blank=True, related_name="sla_rules",
    )  # fmt: skip
    agency = models.ForeignKey(
        "agencies.Agency", verbose_name=_("instansi"), on_delete=models.CASCADE, null=True,
        blank=True, related_name="sla_rules",
    )  # fmt: skip
    priority = models.CharField(_("prioritas"), max_length=10, choices=Priority.choices, blank=True)
    policy = models.ForeignKey(
        SlaPolicy, verbose_name=_("kebijakan SLA"), on_delete=models.PROTECT, related_name="rules"
    )
    order = models.PositiveIntegerField(_("urutan"), default=0)

    class Meta:
        verbose_name = _("aturan SLA")
        verbose_name_plural = _("aturan SLA")
        ordering = ["pemda", "order", "id"]

    def __str__(self) -> str:
        parts = [str(part) for part in (self.category, self.agency) if part] + (
            [self.get_priority_display()] if self.priority else []
        )
        return f"{' · '.join(parts) or _('semua laporan')} → {self.policy}"


class SlaPause(models.Model):
    """A stretch of time the clocks stood still because the case waited for the citizen.

    Derived from the timeline (status changes into and out of ``waiting_citizen``) by
    ``case_deadlines_recompute``; ``ended_at`` is None while the case still waits.
    """

    case = models.ForeignKey("cases.Case", on_delete=models.CASCADE, related_name="sla_pauses")
    started_at = models.DateTimeField()
    ended_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("jeda SLA")
        verbose_name_plural = _("jeda SLA")
        ordering = ["case", "started_at"]
        constraints = [
            models.CheckConstraint(
                condition=Q(ended_at__isnull=True) | Q(ended_at__gte=models.F("started_at")),
                name="slapause_ends_after_start",
            ),
            models.UniqueConstraint(
                fields=["case"], condition=Q(ended_at__isnull=True), name="slapause_one_open"
            ),
        ]
        indexes = [models.Index(fields=["case", "started_at"], name="slapause_case_idx")]

    def __str__(self) -> str:
        return f"{self.case_id}: {self.started_at:%Y-%m-%d %H:%M} – {self.ended_at or '…'}"


class NotificationKind(models.TextChoices):
    WARNING = "sla_warning", _("Peringatan SLA")
    ESCALATION = "sla_escalation", _("Eskalasi SLA")
    EMERGENCY = "emergency", _("Laporan darurat")
    ASSIGNED = "assigned", _("Laporan ditugaskan")
    MENTION = "mention", _("Disebut dalam catatan")
    CITIZEN_REPLY = "citizen_reply", _("Balasan warga")
    RATING = "rating", _("Penilaian warga")


class DeliveryStatus(models.TextChoices):
    """Where one delivery channel (email or WhatsApp) of one notification stands."""

    PENDING = "pending", _("Menunggu dikirim")
    SENDING = "sending", _("Sedang dikirim")
    SENT = "sent", _("Terkirim")
    FAILED = "failed", _("Gagal")
    SKIPPED = "skipped", _("Tidak dikirim")


class SlaNotification(models.Model):
    """A message for one staff member: SLA warnings and escalations, emergencies, mentions, ...

    The model keeps its historical name; ``stage`` is empty for kinds that are not SLA steps.
    """

    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="sla_notifications"
    )
    case = models.ForeignKey("cases.Case", on_delete=models.CASCADE, related_name="+")
    kind = models.CharField(max_length=20, choices=NotificationKind.choices)
    stage = models.CharField(max_length=20, choices=Stage.choices, blank=True, default="")
    level = models.PositiveSmallIntegerField(default=0)
    text = models.TextField()
    created_at = models.DateTimeField()
    read_at = models.DateTimeField(null=True, blank=True)
    # Delivery beyond the console (``sla.services.delivery``). Every row starts pending on both
    # channels, whoever created it; the delivery job settles each to sent, failed or skipped
    # (the recipient's preferences, no address) by conditional UPDATEs, so it is sent once.
    email_status = models.CharField(
        _("status email"), max_length=10, choices=DeliveryStatus.choices,
        default=DeliveryStatus.PENDING,
    )  # fmt: skip
    emailed_at = models.DateTimeField(null=True, blank=True)
    email_error = models.TextField(blank=True)
    email_attempts = models.PositiveSmallIntegerField(default=0)
    whatsapp_status = models.CharField(
        _("status WhatsApp"), max_length=10, choices=DeliveryStatus.choices,
        default=DeliveryStatus.PENDING,
    )  # fmt: skip
    # The outbox row carries the provider's progress (sent, delivered, read, failed).
    whatsapp_outbound = models.ForeignKey(
        "channels.OutboundMessage", on_delete=models.SET_NULL, null=True, blank=True,
        related_name="+",
    )  # fmt: skip
    whatsapp_error = models.TextField(blank=True)
    # A failed email waits until then before the next attempt; None means now.
    delivery_next_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("notifikasi SLA")
        verbose_name_plural = _("notifikasi SLA")
        ordering = ["-created_at", "-id"]
        indexes = [
            models.Index(fields=["recipient", "-created_at"], name="slanotif_recipient_idx"),
            # The console's unread badge: only unread rows are indexed.
            models.Index(
                fields=["recipient"], condition=Q(read_at__isnull=True), name="slanotif_unread_idx"
            ),
            # The delivery job's queue: only rows with something left to send are indexed.
            models.Index(
                fields=["created_at"],
                condition=Q(email_status__in=["pending", "sending"])
                | Q(whatsapp_status__in=["pending", "sending"]),
                name="slanotif_undelivered_idx",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.recipient_id} · {self.case_id} · {self.kind}"


# Kinds each channel carries when the staff member kept the defaults. The console shows every
# kind; emergencies always go by WhatsApp (see ``NotificationPreference.whatsapp_wanted``).
DEFAULT_EMAIL_KINDS = (
    NotificationKind.WARNING,
    NotificationKind.ASSIGNED,
    NotificationKind.MENTION,
    NotificationKind.CITIZEN_REPLY,
)
DEFAULT_WHATSAPP_KINDS = (NotificationKind.ESCALATION, NotificationKind.EMERGENCY)
ALWAYS_WHATSAPP_KINDS = frozenset({NotificationKind.EMERGENCY.value})


def default_email_kinds() -> list[str]:
    return [kind.value for kind in DEFAULT_EMAIL_KINDS]


def default_whatsapp_kinds() -> list[str]:
    return [kind.value for kind in DEFAULT_WHATSAPP_KINDS]


class NotificationPreference(models.Model):
    """Which notification kinds one staff member also receives by email and by WhatsApp.

    Without a row the defaults apply (``DEFAULT_EMAIL_KINDS``, ``DEFAULT_WHATSAPP_KINDS``).
    """

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notification_preference"
    )
    email_kinds = models.JSONField(_("jenis lewat email"), default=default_email_kinds, blank=True)
    whatsapp_kinds = models.JSONField(
        _("jenis lewat WhatsApp"), default=default_whatsapp_kinds, blank=True
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("preferensi notifikasi")
        verbose_name_plural = _("preferensi notifikasi")

    def __str__(self) -> str:
        return str(self.user_id)

    def email_wanted(self, kind: str) -> bool:
        return kind in _kind_list(self.email_kinds)

    def whatsapp_wanted(self, kind: str) -> bool:
        return kind in ALWAYS_WHATSAPP_KINDS or kind in _kind_list(self.whatsapp_kinds)


def _kind_list(raw: object) -> frozenset[str]:
    """Known kinds of a stored list (a hand-edited row must not crash delivery)."""
    if not isinstance(raw, list):
        return frozenset()
    return frozenset(kind for kind in raw if kind in NotificationKind.values)
