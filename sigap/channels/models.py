"""Channel accounts, raw inbound events (stored before anything else) and the outbox."""

from __future__ import annotations

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from sigap.core.crypto import EncryptedTextField


class ChannelKind(models.TextChoices):
    WHATSAPP = "whatsapp", "WhatsApp"
    INSTAGRAM = "instagram", "Instagram"
    TELEGRAM = "telegram", "Telegram"
    EMAIL = "email", _("Email")
    SMS = "sms", "SMS"


class ChannelAccount(models.Model):
    """One connected number, account, bot, mailbox or gateway of an agency."""

    pemda = models.ForeignKey("agencies.Pemda", on_delete=models.PROTECT, related_name="+")
    agency = models.ForeignKey(
        "agencies.Agency", verbose_name=_("instansi"), on_delete=models.PROTECT,
        related_name="channel_accounts",
    )  # fmt: skip
    kind = models.CharField(_("jenis"), max_length=16, choices=ChannelKind.choices)
    code = models.SlugField(
        _("kode"), max_length=60, unique=True, help_text=_("Dipakai di URL webhook Telegram/SMS.")
    )
    name = models.CharField(_("nama"), max_length=120)
    # phone_number_id (WhatsApp), IG professional account id, bot id, mailbox address, MSISDN.
    external_id = models.CharField(_("ID di penyedia"), max_length=200)
    display_address = models.CharField(
        _("alamat tampilan"),
        max_length=120,
        blank=True,
        help_text=_("Nomor/akun yang dilihat warga."),
    )
    # Secrets: encrypted at rest, never rendered back in forms.
    app_secret = EncryptedTextField(_("app secret"), blank=True)
    access_token = EncryptedTextField(_("access token"), blank=True)
    verify_token = EncryptedTextField(_("verify token"), blank=True)
    webhook_secret = EncryptedTextField(_("rahasia webhook"), blank=True)
    password = EncryptedTextField(_("kata sandi"), blank=True)
    # Non-secret settings: approved templates, IMAP/SMTP hosts, gateway URL, windows.
    config = models.JSONField(_("pengaturan"), default=dict, blank=True)
    is_active = models.BooleanField(_("aktif"), default=True)
    created_at = models.DateTimeField(auto_now_add=True)
    # The last connection check (admin action or the daily job). check_ok is None when the
    # account was never checked or its provider cannot be checked live (a generic SMS gateway).
    # The summary never carries a secret.
    checked_at = models.DateTimeField(_("terakhir diperiksa"), null=True, blank=True)
    check_ok = models.BooleanField(_("koneksi baik"), null=True, blank=True)
    check_summary = models.CharField(_("hasil pemeriksaan"), max_length=500, blank=True)

    class Meta:
        verbose_name = _("akun kanal")
        verbose_name_plural = _("akun kanal")
        constraints = [
            models.UniqueConstraint(fields=["kind", "external_id"], name="channel_account_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} · {self.name}"


class EventStatus(models.TextChoices):
    PENDING = "pending", _("Menunggu diproses")
    PROCESSED = "processed", _("Diproses")
    FAILED = "failed", _("Gagal, akan dicoba lagi")
    DEAD = "dead", _("Gagal permanen")
    IGNORED = "ignored", _("Diabaikan")
    UNROUTABLE = "unroutable", _("Akun tidak dikenal")


class InboundEvent(models.Model):
    """A raw delivery from a provider, stored before anything else so nothing is lost."""

    channel = models.CharField(max_length=16, choices=ChannelKind.choices)
    account = models.ForeignKey(
        ChannelAccount, on_delete=models.SET_NULL, null=True, blank=True, related_name="events"
    )
    # Dedupe key of the delivery itself (hash of the body, update_id, Message-ID …).
    external_id = models.CharField(max_length=255)
    body = models.TextField()
    headers = models.JSONField(default=dict, blank=True)
    status = models.CharField(
        max_length=12, choices=EventStatus.choices, default=EventStatus.PENDING
    )
    attempts = models.PositiveIntegerField(default=0)
    last_error = models.TextField(blank=True)
    received_at = models.DateTimeField(db_index=True)
    next_attempt_at = models.DateTimeField(null=True, blank=True)
    processed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("kejadian masuk")
        verbose_name_plural = _("kejadian masuk")
        constraints = [
            models.UniqueConstraint(fields=["channel", "external_id"], name="inbound_event_unique"),
        ]
        indexes = [
            models.Index(
                fields=["next_attempt_at"],
                condition=Q(status__in=["pending", "failed"]),
                name="inbound_event_due_idx",
            ),
            # /healthz counts the dead events of the last days on every probe.
            models.Index(
                fields=["received_at"], condition=Q(status="dead"), name="inbound_event_dead_idx"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.channel}:{self.external_id[:40]} ({self.status})"


class OutboundStatus(models.TextChoices):
    QUEUED = "queued", _("Antre")
    SENDING = "sending", _("Sedang dikirim")
    SENT = "sent", _("Terkirim")
    DELIVERED = "delivered", _("Sampai")
    READ = "read", _("Dibaca")
    FAILED = "failed", _("Gagal")


class OutboundMessage(models.Model):
    """One message to send through a provider: the outbox row staff can inspect."""

    pemda = models.ForeignKey("agencies.Pemda", on_delete=models.PROTECT, related_name="+")
    account = models.ForeignKey(ChannelAccount, on_delete=models.PROTECT, related_name="outbox")
    message = models.OneToOneField(
        "cases.Message", on_delete=models.CASCADE, related_name="outbound"
    )
    identity = models.ForeignKey(
        "contacts.ContactIdentity", on_delete=models.PROTECT, related_name="outbox"
    )
    # ack, reply, status_update, info_request, rating_request, faq, staff_notification …
    purpose = models.CharField(max_length=24)
    # Idempotency: one acknowledgement per case, one send per staff action.
    idempotency_key = models.CharField(max_length=120, unique=True)
    status = models.CharField(
        max_length=10, choices=OutboundStatus.choices, default=OutboundStatus.QUEUED
    )
    attempts = models.PositiveIntegerField(default=0)
    next_attempt_at = models.DateTimeField(db_index=True)
    claimed_at = models.DateTimeField(null=True, blank=True)
    last_error = models.TextField(blank=True)
    error_code = models.CharField(max_length=20, blank=True)
    provider_message_id = models.CharField(max_length=255, blank=True, db_index=True)
    used_template = models.CharField(max_length=120, blank=True)
    created_at = models.DateTimeField()
    sent_at = models.DateTimeField(null=True, blank=True)
    delivered_at = models.DateTimeField(null=True, blank=True)
    read_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("pesan keluar")
        verbose_name_plural = _("pesan keluar")
        indexes = [
            models.Index(fields=["status", "next_attempt_at"], name="outbound_due_idx"),
        ]

    def __str__(self) -> str:
        # Not the recipient (a citizen's number or handle): the admin prints this in titles,
        # breadcrumbs and its action log, for staff who must not see it.
        return f"{self.purpose} #{self.pk} ({self.status})"


class Conversation(models.Model):
    """A citizen identity talking to one channel account: the provider's reply window."""

    account = models.ForeignKey(ChannelAccount, on_delete=models.CASCADE, related_name="+")
    identity = models.ForeignKey(
        "contacts.ContactIdentity", on_delete=models.CASCADE, related_name="conversations"
    )
    last_inbound_at = models.DateTimeField(null=True, blank=True)
    last_outbound_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["account", "identity"], name="conversation_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.account} ↔ {self.identity}"


class MailboxState(models.Model):
    """Where IMAP polling of one email account stands, and why its last poll failed.

    The position is RFC 3501's (UIDVALIDITY, last UID) pair: it survives restarts, and a new
    UIDVALIDITY (the server rebuilt the mailbox) restarts from UID 1, deduplicated by Message-ID.
    """

    account = models.OneToOneField(
        ChannelAccount, on_delete=models.CASCADE, related_name="mailbox_state"
    )
    # Both are unsigned 32-bit numbers in IMAP: past the range of a signed IntegerField.
    uidvalidity = models.BigIntegerField(null=True, blank=True)
    last_uid = models.BigIntegerField(default=0)
    last_polled_at = models.DateTimeField(_("terakhir diperiksa"), null=True, blank=True)
    last_error = models.TextField(_("galat terakhir"), blank=True)
    consecutive_failures = models.PositiveIntegerField(_("gagal berturut-turut"), default=0)
    # A lease while a poll runs and the backoff after a failure: a poll is claimed with a
    # conditional UPDATE on this column, so two workers never poll one mailbox at once.
    next_poll_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("status kotak surat")
        verbose_name_plural = _("status kotak surat")

    def __str__(self) -> str:
        return f"{self.account} (UID {self.last_uid})"
