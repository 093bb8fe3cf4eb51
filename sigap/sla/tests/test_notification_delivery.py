"""Staff notifications leave the console: email through Django's backend, WhatsApp through the
outbox to the Meta stand-in, each exactly once, failures kept on the row."""

from __future__ import annotations

from typing import Any

import pytest
from django.core import mail
from django.db import connection
from django.utils import timezone

from sigap.agencies.models import User
from sigap.cases.models import Case, CaseEvent, EventKind, Message
from sigap.channels.models import OutboundMessage
from sigap.channels.tests import conftest as channel_fixtures
from sigap.channels.tests.conftest import PHONE_NUMBER_ID
from sigap.core.errors import DomainError
from sigap.core.periodic import PERIODIC_JOBS
from sigap.core.testing import run_in_parallel
from sigap.sla.models import DeliveryStatus, NotificationKind, SlaNotification
from sigap.sla.services.delivery import (
    EMAIL_MAX_ATTEMPTS,
    notifications_deliver,
    notifications_due,
    staff_whatsapp_account,
)
from sigap.sla.services.notifications import notification_preference_set
from sigap.standins.smtp import SmtpStandin

STAFF_PHONE = "081234500001"
STAFF_WA = "6281234500001"

# The WhatsApp account of the leader's office and the Meta stand-in, shared with channels.
leader_office = channel_fixtures.leader_office
wa_account = channel_fixtures.wa_account
meta = channel_fixtures.meta


def notify(user: User, case: Case, kind: str = NotificationKind.MENTION, **extra: Any):
    """A row as other apps make it (mentions in notes): a plain create, delivery pending."""
    return SlaNotification.objects.create(
        recipient=user, case=case, kind=kind, text=f"Pesan uji untuk {case.tracking_number}.",
        created_at=timezone.now(), **extra,
    )  # fmt: skip


@pytest.fixture
def officer(staff_a: User) -> User:
    staff_a.email, staff_a.phone, staff_a.full_name = "petugas.a@dputr.go.id", STAFF_PHONE, "Asep"
    staff_a.save(update_fields=["email", "phone", "full_name"])
    return staff_a


def test_a_mention_made_elsewhere_is_emailed_once_in_indonesian(officer, case_a):
    row = notify(officer, case_a)
    assert row.email_status == DeliveryStatus.PENDING and row.whatsapp_status == "pending"
    assert notifications_due() == [row.pk]
    result = notifications_deliver()
    assert result.emailed == 1 and result.skipped == 1  # WhatsApp: mentions are email-only
    assert notifications_deliver().emailed == 0  # a second worker, a second run: nothing
    assert len(mail.outbox) == 1
    sent = mail.outbox[0]
    assert sent.to == ["petugas.a@dputr.go.id"]
    assert sent.subject == f"[Sigap] Disebut dalam catatan: laporan {case_a.tracking_number}"
    assert "Yth. Asep" in sent.body and f"/konsol/laporan/{case_a.tracking_number}/" in sent.body
    assert "/konsol/notifikasi/" in sent.body
    row.refresh_from_db()
    assert row.email_status == DeliveryStatus.SENT and row.emailed_at is not None
    assert row.email_attempts == 1
    assert row.whatsapp_status == DeliveryStatus.SKIPPED
    assert row.whatsapp_error == "Tidak dipilih dalam preferensi."
    assert notifications_due() == []


def test_an_escalation_goes_by_whatsapp_template_to_the_staff_phone(
    officer, case_a, wa_account, meta
):
    row = notify(officer, case_a, NotificationKind.ESCALATION, stage="resolution", level=1)
    result = notifications_deliver(ids=[row.pk])
    assert result.whatsapp_queued == 1 and result.emailed == 0
    row.refresh_from_db()
    outbound = row.whatsapp_outbound
    assert row.whatsapp_status == DeliveryStatus.SENT and outbound is not None
    assert outbound.purpose == "staff_notification" and outbound.account == wa_account
    assert outbound.status == "sent" and outbound.used_template == "status_laporan"
    assert outbound.identity.external_id == STAFF_WA
    # Not the citizen's conversation: no message on the case, nothing on its timeline.
    assert outbound.message.case is None
    assert not CaseEvent.objects.filter(case=case_a, kind=EventKind.MESSAGE_OUT).exists()
    sent = meta.requests(path_contains=f"/{PHONE_NUMBER_ID}/messages")
    assert len(sent) == 1
    body = sent[0].json
    assert body["to"] == STAFF_WA and body["type"] == "template"  # staff are outside the window
    params = body["template"]["components"][0]["parameters"]
    assert params[0]["text"] == case_a.tracking_number
    assert params[1]["text"].startswith("[Eskalasi SLA] Pesan uji")
    assert row.email_status == DeliveryStatus.SKIPPED  # escalations: WhatsApp by default
    notifications_deliver(ids=[row.pk])
    assert (
        OutboundMessage.objects.count() == 1 and len(meta.requests(path_contains="/messages")) == 1
    )


def test_whatsapp_failures_are_visible_on_the_row(officer, case_a, wa_account, meta, staff_b):
    meta.graph_error_next(131026)  # the number is not on WhatsApp
    row = notify(officer, case_a, NotificationKind.EMERGENCY)
    notifications_deliver(ids=[row.pk])
    row.refresh_from_db()
    assert row.whatsapp_outbound.status == "failed"
    assert "131026" in row.whatsapp_outbound.last_error
    no_phone = notify(staff_b, case_a, NotificationKind.EMERGENCY)
    notifications_deliver(ids=[no_phone.pk])
    no_phone.refresh_from_db()
    assert no_phone.whatsapp_status == DeliveryStatus.FAILED
    assert no_phone.whatsapp_error == "Nomor WhatsApp petugas belum diisi."


def test_without_a_pemda_whatsapp_account_the_row_says_so(officer, case_a):
    row = notify(officer, case_a, NotificationKind.EMERGENCY)
    notifications_deliver()
    row.refresh_from_db()
    assert row.whatsapp_status == DeliveryStatus.FAILED
    assert row.whatsapp_error == "Pemda belum memiliki akun WhatsApp untuk notifikasi."
    assert OutboundMessage.objects.count() == 0


def test_an_opd_number_is_not_used_when_the_pemda_has_its_own(pemda, agency_a, wa_account, officer):
    from sigap.channels.models import ChannelAccount

    ChannelAccount.objects.create(
        pemda=pemda, agency=agency_a, kind="whatsapp", code="wa-dputr", name="WA DPUTR",
        external_id="100000000000009",
    )  # fmt: skip
    assert staff_whatsapp_account(pemda) == wa_account


def test_an_opd_number_cannot_claim_the_staff_line(pemda, agency_a, wa_account, officer):
    """Agency admins edit their own accounts' settings; the staff line is the Pemda's."""
    from sigap.channels.models import ChannelAccount

    ChannelAccount.objects.create(
        pemda=pemda, agency=agency_a, kind="whatsapp", code="wa-dputr", name="WA DPUTR",
        external_id="100000000000009", config={"staff_notifications": True},
    )  # fmt: skip
    assert staff_whatsapp_account(pemda) == wa_account


def test_preferences_choose_the_channels(officer, case_a, wa_account, meta):
    notification_preference_set(
        user=officer,
        email_kinds=[NotificationKind.ESCALATION],
        whatsapp_kinds=[NotificationKind.MENTION],
    )
    mention = notify(officer, case_a, NotificationKind.MENTION)
    escalation = notify(officer, case_a, NotificationKind.ESCALATION)
    notifications_deliver()
    mention.refresh_from_db()
    escalation.refresh_from_db()
    assert mention.email_status == "skipped" and mention.whatsapp_outbound is not None
    assert escalation.email_status == "sent" and escalation.whatsapp_status == "skipped"
    assert [m.subject.split(":")[0] for m in mail.outbox] == ["[Sigap] Eskalasi SLA"]


def test_emergencies_always_go_by_whatsapp_and_unknown_kinds_are_refused(officer):
    preference = notification_preference_set(user=officer, email_kinds=[], whatsapp_kinds=[])
    assert preference.whatsapp_kinds == ["emergency"] and preference.email_kinds == []
    with pytest.raises(DomainError, match="Jenis notifikasi tidak dikenal"):
        notification_preference_set(user=officer, email_kinds=["spam"], whatsapp_kinds=[])
    preference.refresh_from_db()
    assert preference.whatsapp_kinds == ["emergency"]  # nothing lost, nothing half-saved


def test_read_in_the_console_before_delivery_is_not_sent(officer, case_a):
    row = notify(officer, case_a, read_at=timezone.now())
    notifications_deliver()
    row.refresh_from_db()
    assert row.email_status == "skipped" and row.email_error == "Sudah dibaca di konsol."
    assert mail.outbox == []


@pytest.fixture
def smtp(settings: Any):
    with SmtpStandin() as server:
        settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
        settings.EMAIL_HOST, settings.EMAIL_PORT = server.host, server.port
        settings.EMAIL_USE_TLS = settings.EMAIL_USE_SSL = False
        yield server


def test_smtp_temporary_failure_is_retried_later_then_sent(officer, case_a, smtp, clock):
    smtp.fail_next(stage="rcpt", code=451)
    row = notify(officer, case_a)
    assert notifications_deliver().email_retry == 1
    row.refresh_from_db()
    assert row.email_status == "pending" and "451" in row.email_error
    assert row.delivery_next_at > clock.now
    assert notifications_due() == []  # backing off
    clock.advance(minutes=3)
    assert notifications_deliver().emailed == 1
    message = smtp.wait_for_messages(1)[0]
    assert message.recipients == ("petugas.a@dputr.go.id",)
    assert case_a.tracking_number.encode() in message.raw
    row.refresh_from_db()
    assert row.email_status == "sent" and row.email_attempts == 2


def test_smtp_permanent_failure_and_exhausted_retries_fail_for_good(officer, case_a, smtp, clock):
    smtp.fail_next(stage="rcpt", code=550)
    refused = notify(officer, case_a)
    assert notifications_deliver().email_failed == 1
    refused.refresh_from_db()
    assert refused.email_status == "failed" and "550" in refused.email_error
    smtp.fail_next(EMAIL_MAX_ATTEMPTS, stage="rcpt", code=451)
    flaky = notify(officer, case_a)
    for _attempt in range(EMAIL_MAX_ATTEMPTS):
        clock.advance(hours=2)
        notifications_deliver()
    flaky.refresh_from_db()
    assert flaky.email_status == "failed" and flaky.email_attempts == EMAIL_MAX_ATTEMPTS
    assert smtp.messages == []


def test_a_claim_lost_with_its_worker_is_never_sent_twice(officer, case_a, clock):
    row = notify(officer, case_a)
    # A worker claimed the email and died before marking it.
    SlaNotification.objects.filter(pk=row.pk).update(
        email_status=DeliveryStatus.SENDING, delivery_next_at=clock.now
    )
    assert notifications_deliver().emailed == 0
    clock.advance(minutes=11)
    notifications_deliver()
    row.refresh_from_db()
    assert row.email_status == "failed" and "tidak dikirim ulang" in row.email_error
    assert mail.outbox == []


def test_the_delivery_job_runs_periodically():
    job = next(job for job in PERIODIC_JOBS if job.name == "notifications-deliver")
    assert job.task_path == "sigap.sla.tasks.notifications_deliver_task"
    assert job.every_seconds <= 60


def test_staff_whatsapp_reuses_a_known_identity(officer, case_a, wa_account, meta):
    first = notify(officer, case_a, NotificationKind.EMERGENCY)
    second = notify(officer, case_a, NotificationKind.ESCALATION)
    notifications_deliver()
    first.refresh_from_db()
    second.refresh_from_db()
    assert first.whatsapp_outbound.identity_id == second.whatsapp_outbound.identity_id
    assert (
        Message.objects.filter(case__isnull=True, data__purpose="staff_notification").count() == 2
    )


def test_a_sweeper_warning_is_delivered_by_the_periodic_job(
    receive, lapor, clock, committed, officer, admin_a
):
    from sigap.cases.services import case_assign
    from sigap.sla.services import sla_sweep
    from sigap.sla.tasks import notifications_deliver_task
    from sigap.sla.tests.conftest import wib

    case = receive(wib(2025, 11, 17, 9, 0), category=lapor)
    case_assign(case=case, assignee=officer, actor=admin_a)
    clock.set(wib(2025, 11, 17, 9, 12))
    with committed():
        assert sla_sweep(now=clock.now).warnings == 1
    warning = SlaNotification.objects.get(kind=NotificationKind.WARNING, recipient=officer)
    assert warning.email_status == DeliveryStatus.PENDING
    notifications_deliver_task.call()  # what the clock enqueues every 30 seconds
    warning.refresh_from_db()
    assert warning.email_status == DeliveryStatus.SENT
    assert [m.subject for m in mail.outbox] == [
        f"[Sigap] Peringatan SLA: laporan {case.tracking_number}"
    ]
    assert "hampir melewati batas respons pertama" in mail.outbox[0].body


@pytest.mark.postgres_only
def test_parallel_workers_send_each_notification_once(
    transactional_db, officer, case_a, wa_account, meta
):
    if connection.vendor != "postgresql":
        pytest.skip(
            "SKIPPED LOUDLY: parallel delivery needs real concurrent connections on PostgreSQL "
            "(SQLite serialises writers); run with DATABASE_URL=postgres://..."
        )
    for n in range(12):
        notify(officer, case_a, NotificationKind.MENTION if n % 2 else NotificationKind.EMERGENCY)
    results = run_in_parallel(5, lambda _i: notifications_deliver())
    assert sum(r.emailed for r in results) == 6 and len(mail.outbox) == 6
    assert sum(r.whatsapp_queued for r in results) == 6
    assert OutboundMessage.objects.filter(purpose="staff_notification").count() == 6
    assert len(meta.requests(path_contains=f"/{PHONE_NUMBER_ID}/messages")) == 6
    assert not SlaNotification.objects.filter(email_status__in=["pending", "sending"]).exists()


def test_officers_off_duty_are_not_woken_but_admins_and_emergencies_go(
    officer, admin_a, agency_a, case_a, wa_account, meta
):
    from datetime import timedelta

    from sigap.agencies.models import DutyOverride

    admin_a.phone = "081234500002"
    admin_a.save(update_fields=["phone"])
    now = timezone.now()
    DutyOverride.objects.create(
        agency=agency_a, user=officer, is_absence=True, note="Cuti",
        starts_at=now - timedelta(hours=1), ends_at=now + timedelta(days=1),
    )  # fmt: skip
    to_officer = notify(officer, case_a, NotificationKind.ESCALATION, level=1)
    to_admin = notify(admin_a, case_a, NotificationKind.ESCALATION, level=2)
    emergency = notify(officer, case_a, NotificationKind.EMERGENCY)
    notifications_deliver()
    for row in (to_officer, to_admin, emergency):
        row.refresh_from_db()
    assert to_officer.whatsapp_status == "skipped" and to_officer.whatsapp_outbound is None
    assert to_officer.whatsapp_error == "Petugas sedang tidak piket; notifikasi ada di konsol."
    assert to_admin.whatsapp_outbound is not None and emergency.whatsapp_outbound is not None
    recipients = [r.json["to"] for r in meta.requests(path_contains="/messages")]
    assert sorted(recipients) == ["6281234500001", "6281234500002"]


def test_an_officer_answering_the_notification_number_makes_no_case(
    client, officer, case_a, wa_account, meta
):
    from sigap.channels.meta_webhook import keys_cache_clear
    from sigap.channels.tests.conftest import APP_SECRET, post, process_pending
    from sigap.standins import payloads

    keys_cache_clear()  # accounts are created per test
    notifications_deliver(ids=[notify(officer, case_a, NotificationKind.ESCALATION).pk])
    cases_before = Case.objects.count()

    def say(text: str, message_id: str) -> None:
        wire = payloads.whatsapp_inbound(
            payloads.whatsapp_text(text, wa_id=STAFF_WA, message_id=message_id),
            app_secret=APP_SECRET, phone_number_id=PHONE_NUMBER_ID,
        )  # fmt: skip
        assert post(client, wire).status_code == 200
        assert process_pending() == ["processed"]

    say("Siap, meluncur ke lokasi", "wamid.STAFF1")
    assert Case.objects.count() == cases_before
    stored = Message.objects.get(external_id="wamid.STAFF1")
    assert stored.case is None and stored.data["intent"] == "staff_reply"
    info = OutboundMessage.objects.get(purpose="staff_info")
    assert info.status == "sent" and "/konsol/notifikasi/" in info.message.text
    say("LAPOR lampu jalan mati di Cileunyi", "wamid.STAFF2")
    assert Case.objects.count() == cases_before + 1
