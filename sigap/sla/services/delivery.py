"""Delivering staff notifications beyond the console: email and WhatsApp.

Every ``SlaNotification`` row starts pending on both channels, whoever created it (the sweeper,
the emergency hook, a mention in a note). ``notifications_deliver`` settles each channel once:

* email: a conditional UPDATE ``pending -> sending`` claims it (``delivery_next_at`` doubles as
  the lease), the message goes through Django's email backend, then ``sent``. A worker that
  dies between the claim and the mark leaves ``sending`` behind; the next run marks it failed
  rather than risk a second copy ("never twice" beats "at least once" for a reminder).
* WhatsApp: in one transaction the row is claimed, an outbox row is created with the
  idempotency key ``staff-notification:<id>`` and linked, so a concurrent worker finds nothing
  to claim and a retry reuses the same outbox row. The outbox then owns the send (template
  outside the 24-hour window, retries, delivery reports); the console reads its status.
  It goes from the Pemda's own number (``staff_whatsapp_account``) and, for an agency's
  officers, only while they are on duty (``_DutyCheck``).

Which kinds use which channel is each person's ``NotificationPreference`` (defaults in
``sla.models``); every settled channel keeps its reason (skipped, failed) for the console.
"""

from __future__ import annotations

import logging
import smtplib
from dataclasses import asdict, dataclass
from datetime import datetime, timedelta

from django.conf import settings
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.db.models import F, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from sigap.agencies.models import AgencyKind, Membership, Pemda, Role, User
from sigap.agencies.selectors import on_duty_staff
from sigap.channels.models import ChannelAccount, ChannelKind, OutboundMessage
from sigap.contacts.models import Contact, ContactIdentity
from sigap.contacts.services import normalize_msisdn
from sigap.sla.models import (
    ALWAYS_WHATSAPP_KINDS,
    DeliveryStatus,
    NotificationKind,
    NotificationPreference,
    SlaNotification,
)

logger = logging.getLogger(__name__)

PENDING, SENDING = DeliveryStatus.PENDING, DeliveryStatus.SENDING
EMAIL_MAX_ATTEMPTS = 5
# How long an email claim stays valid; past it the attempt is declared lost.
SENDING_LEASE = timedelta(minutes=10)
BATCH_SIZE = 200
PURPOSE = "staff_notification"
# Accounts that speak for the whole Pemda, in order of preference (after an explicit
# ``"staff_notifications": true`` in the account's config).
_PEMDA_ACCOUNT_KINDS = (AgencyKind.LEADER_OFFICE, AgencyKind.PEMDA, AgencyKind.COMMAND_CENTER)


@dataclass
class DeliveryResult:
    emailed: int = 0
    email_failed: int = 0
    email_retry: int = 0
    whatsapp_queued: int = 0
    whatsapp_failed: int = 0
    skipped: int = 0
    lost: int = 0

    def as_dict(self) -> dict[str, int]:
        return asdict(self)


def notification_preference_get(user: User) -> NotificationPreference:
    """The stored preferences, or the unsaved defaults."""
    found = NotificationPreference.objects.filter(user=user).first()
    return found or NotificationPreference(user=user)


def notifications_deliver_enqueue(ids: list[int]) -> None:
    """Deliver these rows right after the current transaction commits."""
    if not ids:
        return
    from sigap.sla.tasks import notifications_deliver_task

    transaction.on_commit(lambda: notifications_deliver_task.enqueue(notification_ids=ids))


def notifications_due(*, now: datetime | None = None, limit: int = BATCH_SIZE) -> list[int]:
    """Rows with a channel still pending; lost email claims are settled as failed first."""
    now = now or timezone.now()
    lost = SlaNotification.objects.filter(email_status=SENDING, delivery_next_at__lt=now).update(
        email_status=DeliveryStatus.FAILED,
        email_error=_("Pengiriman terputus; tidak dikirim ulang agar tidak terkirim dua kali."),
    )
    if lost:
        logger.warning("%s notification emails lost by a dead worker", lost)
    due = SlaNotification.objects.filter(
        Q(email_status=PENDING) | Q(whatsapp_status=PENDING),
        Q(delivery_next_at__isnull=True) | Q(delivery_next_at__lte=now),
    )
    return list(due.order_by("created_at").values_list("pk", flat=True)[:limit])


def notifications_deliver(*, ids: list[int] | None = None) -> DeliveryResult:
    """Deliver the given rows (or every due one); safe to run in several workers at once."""
    result = DeliveryResult()
    ids = notifications_due() if ids is None else ids
    accounts: dict[int, ChannelAccount | None] = {}
    to_send: list[int] = []
    rows = list(
        SlaNotification.objects.filter(pk__in=ids)
        .filter(Q(email_status=PENDING) | Q(whatsapp_status=PENDING))
        .select_related("recipient", "case__pemda", "case__agency")
        .order_by("pk")
    )
    stored = NotificationPreference.objects.filter(user_id__in={n.recipient_id for n in rows})
    preferences = {preference.user_id: preference for preference in stored}

    def prefs_of(n: SlaNotification) -> NotificationPreference:
        return preferences.get(n.recipient_id) or NotificationPreference(user=n.recipient)

    duty = _DutyCheck(rows)
    # WhatsApp first: it carries the urgent kinds, and an SMTP relay may be slow.
    for notification in rows:
        if notification.whatsapp_status == PENDING:
            pemda = notification.case.pemda
            if pemda.pk not in accounts:
                accounts[pemda.pk] = staff_whatsapp_account(pemda)
            refusal = _whatsapp_refusal(
                notification, prefs_of(notification), accounts[pemda.pk], duty
            )
            outbound_id = _whatsapp(notification, refusal, accounts[pemda.pk], result)
            if outbound_id is not None:
                to_send.append(outbound_id)
    _send_now(to_send)
    for notification in rows:
        if notification.email_status == PENDING:
            _email(notification, prefs_of(notification), result)
    return result


class _DutyCheck:
    """WhatsApp reaches an agency's officers only while they are on duty (their roster).

    Officers share their agency's inbox, so an officer off duty (night, leave) is not woken
    for a warning or an escalation; it stays in the console. Admins, coordinators and leaders
    are escalation targets in their own right and always get theirs, and emergencies always go
    (their recipients were chosen from the on-duty list a moment ago).
    """

    def __init__(self, rows: list[SlaNotification]) -> None:
        self.now = timezone.now()
        self.officer_of = set(
            Membership.objects.filter(
                user_id__in={n.recipient_id for n in rows}, role=Role.AGENCY_OFFICER
            ).values_list("user_id", "agency_id")
        )
        self.on_duty: dict[int, set[int]] = {}

    def off_duty(self, n: SlaNotification) -> bool:
        agency = n.case.agency
        if n.kind in ALWAYS_WHATSAPP_KINDS or agency is None:
            return False
        if (n.recipient_id, agency.pk) not in self.officer_of:
            return False
        if agency.pk not in self.on_duty:
            self.on_duty[agency.pk] = {user.pk for user in on_duty_staff(agency, self.now)}
        return n.recipient_id not in self.on_duty[agency.pk]


def notification_link(notification: SlaNotification) -> str:
    path = reverse("console:case_detail", args=[notification.case.tracking_number])
    return settings.SIGAP_BASE_URL + path


def _settle(pk: int, field: str, status: str, **extra: object) -> bool:
    """Move one channel out of pending; False when another worker already did."""
    return (
        SlaNotification.objects.filter(pk=pk, **{field: PENDING}).update(**{field: status}, **extra)
        == 1
    )


# --- email ---------------------------------------------------------------------------------


def _email(n: SlaNotification, prefs: NotificationPreference, result: DeliveryResult) -> None:
    reason = _email_refusal(n, prefs)
    if reason is not None:
        result.skipped += _settle(n.pk, "email_status", DeliveryStatus.SKIPPED, email_error=reason)
        return
    now = timezone.now()
    claimed = SlaNotification.objects.filter(pk=n.pk, email_status=PENDING).update(
        email_status=SENDING, delivery_next_at=now + SENDING_LEASE,
        email_attempts=F("email_attempts") + 1,
    )  # fmt: skip
    if not claimed:
        return
    try:
        send_mail(email_subject(n), email_body(n), None, [n.recipient.email])
    except (smtplib.SMTPException, OSError) as exc:
        _email_failed(n, exc, result)
        return
    SlaNotification.objects.filter(pk=n.pk, email_status=SENDING).update(
        email_status=DeliveryStatus.SENT, emailed_at=timezone.now(), email_error="",
        delivery_next_at=None,
    )  # fmt: skip
    result.emailed += 1


def _email_refusal(n: SlaNotification, prefs: NotificationPreference) -> str | None:
    if not prefs.email_wanted(n.kind):
        return _("Tidak dipilih dalam preferensi.")
    return _common_refusal(n) or (
        None if n.recipient.email else _("Alamat email petugas belum diisi.")
    )


def _common_refusal(n: SlaNotification) -> str | None:
    if not n.recipient.is_active:
        return _("Akun petugas nonaktif.")
    if n.read_at is not None:
        return _("Sudah dibaca di konsol.")
    return None


def _email_failed(n: SlaNotification, exc: Exception, result: DeliveryResult) -> None:
    attempts = n.email_attempts + 1
    permanent = _smtp_permanent(exc) or attempts >= EMAIL_MAX_ATTEMPTS
    error = f"{type(exc).__name__}: {exc}"[:2000]
    fields: dict[str, object] = {"email_error": error}
    if permanent:
        fields.update(email_status=DeliveryStatus.FAILED, delivery_next_at=None)
        result.email_failed += 1
    else:
        delay = timedelta(minutes=2**attempts)
        fields.update(email_status=PENDING, delivery_next_at=timezone.now() + delay)
        result.email_retry += 1
    SlaNotification.objects.filter(pk=n.pk, email_status=SENDING).update(**fields)
    logger.warning("email of notification %s failed (attempt %s): %s", n.pk, attempts, error)


def _smtp_permanent(exc: Exception) -> bool:
    """5xx answers will not change on a retry (unknown mailbox, relay refused); 4xx may."""
    if isinstance(exc, smtplib.SMTPRecipientsRefused):
        return all(code >= 500 for code, _text in exc.recipients.values())
    return isinstance(exc, smtplib.SMTPResponseException) and exc.smtp_code >= 500


def email_subject(n: SlaNotification) -> str:
    label = NotificationKind(n.kind).label
    return _("[Sigap] %(kind)s: laporan %(number)s") % {
        "kind": label,
        "number": n.case.tracking_number,
    }


def email_body(n: SlaNotification) -> str:
    settings_link = settings.SIGAP_BASE_URL + reverse("console:notifications")
    return "\n\n".join(
        [
            _("Yth. %(name)s,") % {"name": n.recipient},
            n.text,
            _("Buka laporan: %(link)s") % {"link": notification_link(n)},
            _("Pesan ini dikirim otomatis oleh Sigap. Atur notifikasi Anda: %(link)s")
            % {"link": settings_link},
        ]
    )


# --- WhatsApp ------------------------------------------------------------------------------


def staff_whatsapp_account(pemda: Pemda) -> ChannelAccount | None:
    """The Pemda's own WhatsApp number (the leader's office), which staff know and save."""
    accounts = list(
        ChannelAccount.objects.filter(pemda=pemda, kind=ChannelKind.WHATSAPP, is_active=True)
        .select_related("agency")
        .order_by("pk")
    )
    # Only a Pemda-level number may claim the staff line: an agency admin edits their own
    # accounts' settings, and must not route every alert through their agency's number.
    flagged = [
        a
        for a in accounts
        if a.config.get("staff_notifications") is True and a.agency.kind in _PEMDA_ACCOUNT_KINDS
    ]
    if flagged:
        return flagged[0]
    for kind in _PEMDA_ACCOUNT_KINDS:
        for account in accounts:
            if account.agency.kind == kind:
                return account
    return None


def _whatsapp(
    n: SlaNotification,
    refusal: tuple[str, str] | None,
    account: ChannelAccount | None,
    result: DeliveryResult,
) -> int | None:
    if refusal is not None:
        status, error = refusal
        settled = _settle(n.pk, "whatsapp_status", status, whatsapp_error=error)
        if status == DeliveryStatus.FAILED:
            result.whatsapp_failed += settled
        else:
            result.skipped += settled
        return None
    assert account is not None  # ``_whatsapp_refusal`` refuses a missing account
    with transaction.atomic():
        if not _settle(n.pk, "whatsapp_status", SENDING):
            return None
        outbound = _outbound_for(n, account)
        SlaNotification.objects.filter(pk=n.pk).update(
            whatsapp_status=DeliveryStatus.SENT, whatsapp_outbound=outbound, whatsapp_error=""
        )
    result.whatsapp_queued += 1
    return outbound.pk


def _whatsapp_refusal(
    n: SlaNotification,
    prefs: NotificationPreference,
    account: ChannelAccount | None,
    duty: _DutyCheck,
) -> tuple[str, str] | None:
    """Why this row gets no WhatsApp (status, reason shown in the console), or None."""
    if not prefs.whatsapp_wanted(n.kind):
        return DeliveryStatus.SKIPPED, _("Tidak dipilih dalam preferensi.")
    if (common := _common_refusal(n)) is not None:
        return DeliveryStatus.SKIPPED, common
    if duty.off_duty(n):
        return DeliveryStatus.SKIPPED, _("Petugas sedang tidak piket; notifikasi ada di konsol.")
    if not normalize_msisdn(n.recipient.phone or ""):
        return DeliveryStatus.FAILED, _("Nomor WhatsApp petugas belum diisi.")
    if account is None:
        return DeliveryStatus.FAILED, _("Pemda belum memiliki akun WhatsApp untuk notifikasi.")
    return None


def whatsapp_text(n: SlaNotification) -> str:
    label = NotificationKind(n.kind).label
    return f"[{label}] {n.text}\n" + _("Buka: %(link)s") % {"link": notification_link(n)}


def _outbound_for(n: SlaNotification, account: ChannelAccount) -> OutboundMessage:
    from sigap.channels.services.outbox import outbound_create

    return outbound_create(
        case=None,  # not the citizen's conversation: nothing lands on the case timeline
        account=account,
        identity=_staff_identity(account.pemda, n.recipient),
        text=whatsapp_text(n),
        purpose=PURPOSE,
        idempotency_key=f"staff-notification:{n.pk}",
        data={"tracking_number": n.case.tracking_number, "notification_id": n.pk},
        enqueue=False,  # sent right after the commit by ``_send_now``
    )


def _staff_identity(pemda: Pemda, user: User) -> ContactIdentity:
    """The staff member's WhatsApp number as an outbox recipient (reused if already known)."""
    wa_id = normalize_msisdn(user.phone)
    lookup = {"pemda": pemda, "channel": ChannelKind.WHATSAPP, "external_id": wa_id}
    found = ContactIdentity.objects.select_related("contact").filter(**lookup).first()
    if found is not None:
        return found
    try:
        with transaction.atomic():
            contact = Contact.objects.create(pemda=pemda, display_name=str(user), phone=wa_id)
            return ContactIdentity.objects.create(contact=contact, display_name=str(user), **lookup)
    except IntegrityError:  # created meanwhile by another worker or an inbound message
        return ContactIdentity.objects.select_related("contact").get(**lookup)


def _send_now(outbound_ids: list[int]) -> None:
    """Send in this task (emergencies must not wait for another trip through the queue);
    a row left queued by a crash is picked up by the outbox sweeper."""
    from sigap.channels.services.outbox import outbound_send

    for outbound_id in outbound_ids:
        try:
            outbound_send(outbound_id)
        except Exception:  # the outbox row records the error; its sweeper retries
            logger.exception("inline send of staff notification outbound %s failed", outbound_id)
