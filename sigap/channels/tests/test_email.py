"""Email end to end: IMAP polling in, cases and threaded acknowledgements out over SMTP.

Both servers are the stand-ins on loopback sockets; the database rows, the stored events and
the messages the SMTP stand-in received are what the tests assert.
"""

from __future__ import annotations

import base64
import email
import email.policy
from collections.abc import Iterator
from datetime import timedelta
from email.message import EmailMessage
from pathlib import Path
from typing import Any

import pytest
from django.utils import timezone

from sigap.cases.models import Case, CaseEvent, EventKind, Message
from sigap.channels.email.polling import mailboxes_poll
from sigap.channels.models import (
    ChannelAccount,
    EventStatus,
    InboundEvent,
    MailboxState,
    OutboundMessage,
)
from sigap.channels.services.outbox import outbound_send
from sigap.channels.tasks import email_poll_task
from sigap.channels.tests.conftest import process_pending
from sigap.contacts.models import ContactIdentity
from sigap.core.periodic import PERIODIC_JOBS
from sigap.standins.imap import ImapStandin
from sigap.standins.smtp import SmtpStandin

MAILBOX = "lapor@bandungkab.go.id"
PASSWORD = "sandi-kotak-surat"
FIXTURES = Path(__file__).parents[1] / "email" / "tests" / "fixtures"
COMPLAINT_ID = "CAJx8kR2ePq+Vw3o1Qn9=mT7s0LhZb4uYd5fG6hJk@mail.gmail.com"
FIXTURE_ACK_ID = b"sigap.3f9a1c0e7b2d4e6f8a1b2c3d4e5f6a7b@bandungkab.go.id"
FIXTURE_BOUNCED_ID = b"sigap.c0ffee00112233445566778899aabbcc@bandungkab.go.id"
JPEG = b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + b"foto-jalan" * 40 + b"\xff\xd9"


@pytest.fixture
def imap() -> Iterator[ImapStandin]:
    with ImapStandin(user=MAILBOX, password=PASSWORD, uidvalidity=100) as server:
        yield server


@pytest.fixture
def smtp() -> Iterator[SmtpStandin]:
    with SmtpStandin(user=MAILBOX, password=PASSWORD) as server:
        yield server


def mailbox_config(imap: ImapStandin, smtp: SmtpStandin, **extra: Any) -> dict[str, Any]:
    return {
        "imap_host": imap.host, "imap_port": imap.port, "imap_ssl": False,
        "smtp_host": smtp.host, "smtp_port": smtp.port, "smtp_starttls": False,
        "smtp_ssl": False, "username": MAILBOX, "folder": "INBOX",
        "message_id_domain": "bandungkab.go.id", "poll_limit": 50, **extra,
    }  # fmt: skip


@pytest.fixture
def mail_account(pemda, leader_office, imap, smtp) -> ChannelAccount:
    return ChannelAccount.objects.create(
        pemda=pemda, agency=leader_office, kind="email", code="email-bupati",
        name="Sigap Kabupaten Bandung", external_id=MAILBOX, password=PASSWORD,
        config=mailbox_config(imap, smtp),
    )  # fmt: skip


def citizen_email(
    text: str,
    *,
    subject: str = "Lampu jalan mati di Soreang",
    sender: str = "budi.santoso@gmail.com",
    message_id: str = "budi-1@mail.gmail.com",
    in_reply_to: str | None = None,
    references: tuple[str, ...] = (),
    attachments: tuple[tuple[str, bytes, str], ...] = (),
) -> bytes:
    msg = EmailMessage()
    msg["From"] = f"Budi Santoso <{sender}>"
    msg["To"] = MAILBOX
    msg["Subject"] = subject
    msg["Message-ID"] = f"<{message_id}>"
    if in_reply_to:
        msg["In-Reply-To"] = f"<{in_reply_to}>"
    if references:
        msg["References"] = " ".join(f"<{item}>" for item in references)
    msg.set_content(text)
    for name, content, mime in attachments:
        maintype, subtype = mime.split("/")
        msg.add_attachment(content, maintype=maintype, subtype=subtype, filename=name)
    return msg.as_bytes()


def poll_and_process() -> list[str]:
    mailboxes_poll()
    return process_pending()


def received(smtp: SmtpStandin, index: int = -1) -> EmailMessage:
    message = email.message_from_bytes(smtp.messages[index].raw, policy=email.policy.default)
    assert isinstance(message, EmailMessage)
    return message


def acknowledged_complaint(imap: ImapStandin, sender: str = "budi.santoso@gmail.com") -> Case:
    imap.add_message(
        citizen_email("Sudah seminggu gelap.", sender=sender, message_id=f"first.{sender}")
    )
    poll_and_process()
    return Case.objects.get(contact__identities__external_id=sender)


# -- intake ------------------------------------------------------------------------------------


def test_complaint_email_becomes_one_case_and_one_threaded_acknowledgement(
    mail_account, imap, smtp
):
    imap.add_message((FIXTURES / "complaint_plain.eml").read_bytes())
    assert email_poll_task.call() == {"email-bupati": "1 fetched"}
    event = InboundEvent.objects.get()
    assert event.channel == "email" and event.external_id == COMPLAINT_ID
    assert event.account == mail_account and event.status == EventStatus.PENDING
    assert event.headers == {"encoding": "base64", "uid": "1", "uidvalidity": "100"}
    assert base64.b64decode(event.body) == (FIXTURES / "complaint_plain.eml").read_bytes()
    state = MailboxState.objects.get(account=mail_account)
    assert (state.uidvalidity, state.last_uid, state.last_error) == (100, 1, "")

    assert process_pending() == ["processed"]
    case = Case.objects.get()
    assert case.channel == "email" and case.agency is None  # the Bupati's mailbox → triage
    assert case.description.startswith("Jalan berlubang di Jl. Raya Banjaran\n\nSelamat pagi")
    assert "Siti Rahma\nRT 03" not in case.description  # the signature is not the complaint
    inbound = Message.objects.get(direction="in")
    assert inbound.external_id == COMPLAINT_ID and inbound.account == mail_account
    assert inbound.data["subject"] == "Jalan berlubang di Jl. Raya Banjaran"
    assert case.contact.email == "siti.rahma@gmail.com"
    assert case.contact.display_name == "Siti Rahma"

    ack = OutboundMessage.objects.get()
    assert ack.purpose == "ack" and ack.status == "sent"
    assert ack.provider_message_id.startswith("sigap.")
    assert ack.provider_message_id.endswith("@bandungkab.go.id")
    assert len(smtp.messages) == 1
    delivery = smtp.messages[0]
    assert delivery.envelope_from == MAILBOX and delivery.recipients == ("siti.rahma@gmail.com",)
    assert delivery.authenticated_as == MAILBOX
    reply = received(smtp)
    assert reply["Message-ID"] == f"<{ack.provider_message_id}>"
    assert reply["In-Reply-To"] == f"<{COMPLAINT_ID}>"
    assert reply["References"] == f"<{COMPLAINT_ID}>"
    assert reply["Subject"] == f"Re: [{case.tracking_number}] Jalan berlubang di Jl. Raya Banjaran"
    assert reply["To"] == "siti.rahma@gmail.com"
    assert reply["Auto-Submitted"] == "auto-replied"  # vacation responders must not answer
    body = reply.get_content()
    assert case.tracking_number in body and "/lacak/" in body
    assert CaseEvent.objects.filter(case=case, kind=EventKind.MESSAGE_OUT).count() == 1


def test_polling_again_or_after_a_restart_fetches_nothing_new(mail_account, imap, smtp):
    mail_account.config["poll_limit"] = 2
    mail_account.save()
    for number in range(5):
        imap.add_message(citizen_email(f"laporan {number}", message_id=f"m{number}@contoh.id"))
    assert mailboxes_poll() == {"email-bupati": "5 fetched"}  # three batches in one poll
    assert InboundEvent.objects.count() == 5
    assert len(imap.commands("UID FETCH")) == 5

    # Every poll starts from the stored position, as a freshly started worker would.
    assert mailboxes_poll() == {"email-bupati": "0 fetched"}
    assert imap.commands("UID SEARCH")[-1].arguments == "UID 6:*"
    assert len(imap.commands("UID FETCH")) == 5
    imap.add_message(citizen_email("satu lagi", message_id="m5@contoh.id"))
    assert mailboxes_poll() == {"email-bupati": "1 fetched"}
    assert len(imap.commands("UID FETCH")) == 6
    state = MailboxState.objects.get(account=mail_account)
    assert state.last_uid == 6 and state.consecutive_failures == 0 and state.last_polled_at
    assert InboundEvent.objects.count() == 6
    assert imap.flags(1) == set()  # polling never marks the citizen's mail as read


def test_uidvalidity_change_refetches_without_a_duplicate_case(mail_account, imap, smtp):
    imap.add_message(citizen_email("Sampah menumpuk", message_id="sampah@contoh.id"))
    poll_and_process()
    imap.set_uidvalidity(200)  # the server rebuilt its index: every UID renumbered
    imap.add_message(
        citizen_email("Banjir", sender="dewi@contoh.id", message_id="banjir@contoh.id")
    )
    assert mailboxes_poll() == {"email-bupati": "2 fetched"}  # from UID 1 again
    state = MailboxState.objects.get(account=mail_account)
    assert (state.uidvalidity, state.last_uid) == (200, 2)
    assert InboundEvent.objects.count() == 2  # the old message deduped on its Message-ID
    process_pending()
    assert Case.objects.count() == 2
    assert Message.objects.filter(external_id="sampah@contoh.id").count() == 1
    assert OutboundMessage.objects.filter(purpose="ack").count() == 2


def test_reply_to_the_acknowledgement_joins_its_case_however_late(
    mail_account, imap, smtp, settings
):
    settings.SIGAP_CONVERSATION_JOIN_HOURS = 0  # no time-window join: only threading
    first = acknowledged_complaint(imap)
    imap.add_message(
        citizen_email("Pohon tumbang di Jl. Banjaran", subject="Pohon tumbang", message_id="b2@x")
    )
    poll_and_process()
    second = Case.objects.exclude(pk=first.pk).get()
    ack = OutboundMessage.objects.get(message__case=first)

    reply = citizen_email(
        "Tadi malam masih gelap, mohon dipercepat.\n\n> Terima kasih, laporan Anda ...",
        subject=f"Re: [{first.tracking_number}] Lampu jalan mati di Soreang",
        message_id="b3@x",
        in_reply_to=ack.provider_message_id,
        references=("first.budi.santoso@gmail.com", ack.provider_message_id),
    )
    imap.add_message(reply)
    assert poll_and_process() == ["processed"]
    assert Case.objects.count() == 2
    joined = Message.objects.get(external_id="b3@x")
    assert joined.case == first and "mohon dipercepat" in joined.text
    assert "Terima kasih, laporan Anda" not in joined.text  # the quote is stripped
    assert joined.data["thread_ids"][0] == ack.provider_message_id
    assert CaseEvent.objects.filter(case=first, kind=EventKind.MESSAGE_IN).count() == 1
    assert len(smtp.messages) == 2  # a follow-up gets no second acknowledgement

    # A new email that only names the case in its subject joins it too.
    imap.add_message(
        citizen_email("Foto menyusul.", subject=f"[{first.tracking_number}] tambahan",
                      message_id="b4@x")
    )  # fmt: skip
    poll_and_process()
    assert Message.objects.get(external_id="b4@x").case == first
    assert second.messages.filter(direction="in").count() == 1


def test_a_stranger_quoting_our_message_id_gets_a_case_of_their_own(mail_account, imap, smtp):
    first = acknowledged_complaint(imap)
    ack = OutboundMessage.objects.get(message__case=first)
    imap.add_message(
        citizen_email(
            "Saya ikut menambahkan.", sender="orang.lain@contoh.id", message_id="lain@x",
            subject=f"Re: [{first.tracking_number}] Lampu", in_reply_to=ack.provider_message_id,
        )
    )  # fmt: skip
    poll_and_process()
    assert Message.objects.get(external_id="lain@x").case != first
    assert Case.objects.count() == 2


def test_status_question_by_email_is_answered_on_its_thread(mail_account, imap, smtp):
    case = acknowledged_complaint(imap)
    imap.add_message(
        citizen_email("", subject=f"cek status {case.tracking_number}", message_id="tanya@x")
    )
    poll_and_process()
    answer = OutboundMessage.objects.get(purpose="status_answer")
    assert answer.status == "sent" and case.tracking_number in answer.message.text
    reply = received(smtp)
    assert reply["In-Reply-To"] == "<tanya@x>" and reply["Auto-Submitted"] == "auto-replied"
    assert reply["Subject"] == f"Re: [{case.tracking_number}] cek status {case.tracking_number}"

    imap.add_message(citizen_email("", subject="cek status BDG-2611-99999", message_id="t2@x"))
    poll_and_process()
    unknown = received(smtp)
    assert unknown["Subject"] == "Re: cek status BDG-2611-99999"  # no tag without a case
    assert unknown["In-Reply-To"] == "<t2@x>" and "tidak ditemukan" in unknown.get_content()
    assert Case.objects.count() == 1


# -- machine-written mail ----------------------------------------------------------------------


def test_auto_replies_and_bounces_never_become_cases(mail_account, imap, smtp):
    case = acknowledged_complaint(imap)
    ack = OutboundMessage.objects.get()
    our_id = ack.provider_message_id.encode()
    vacation = (FIXTURES / "gmail_out_of_office.eml").read_bytes()
    imap.add_message(vacation.replace(FIXTURE_ACK_ID, our_id))
    imap.add_message((FIXTURES / "outlook_automatic_reply.eml").read_bytes())
    imap.add_message((FIXTURES / "mailing_list.eml").read_bytes())
    bounce = (FIXTURES / "bounce_dsn.eml").read_bytes()
    imap.add_message(bounce.replace(FIXTURE_BOUNCED_ID, our_id))

    assert poll_and_process() == ["ignored", "ignored", "ignored", "processed"]
    assert Case.objects.count() == 1 and case.messages.filter(direction="in").count() == 1
    notes = list(InboundEvent.objects.filter(status=EventStatus.IGNORED).values_list(
        "last_error", flat=True))  # fmt: skip
    assert all(note.startswith("automatic email ignored") for note in notes)
    assert any("mailing list" in note for note in notes)
    assert len(smtp.messages) == 1  # nobody answered a machine

    ack.refresh_from_db()
    assert ack.status == "failed" and ack.error_code == "5.0.0"
    assert "yahoo.co.id" in ack.last_error
    ack.message.refresh_from_db()
    assert ack.message.status == "failed"


def test_bounce_for_a_vanished_address_marks_the_identity_unreachable(mail_account, imap, smtp):
    acknowledged_complaint(imap)
    ack = OutboundMessage.objects.get()
    bounce = (FIXTURES / "bounce_dsn.eml").read_bytes()
    bounce = bounce.replace(FIXTURE_BOUNCED_ID, ack.provider_message_id.encode())
    imap.add_message(bounce.replace(b"Status: 5.0.0", b"Status: 5.1.1"))
    poll_and_process()
    ack.refresh_from_db()
    assert ack.status == "failed" and ack.error_code == "5.1.1"
    assert not ContactIdentity.objects.get(pk=ack.identity_id).is_reachable


# -- sending -----------------------------------------------------------------------------------


def test_smtp_451_is_retried_and_550_fails_visibly(mail_account, imap, smtp, admin_client):
    smtp.fail_next(1, stage="rcpt", code=451)
    acknowledged_complaint(imap)
    ack = OutboundMessage.objects.get()
    assert ack.status == "queued" and ack.attempts == 1 and ack.error_code == "451"
    assert "451" in ack.last_error and smtp.messages == []
    OutboundMessage.objects.filter(pk=ack.pk).update(next_attempt_at=timezone.now())
    assert outbound_send(ack.pk) == "sent"
    assert len(smtp.messages) == 1

    smtp.fail_next(1, stage="rcpt", code=550)
    acknowledged_complaint(imap, sender="tidak.ada@contoh.id")
    failed = OutboundMessage.objects.get(identity__external_id="tidak.ada@contoh.id")
    assert failed.status == "failed" and failed.error_code == "550"
    assert "5.1.1" in failed.last_error
    assert not ContactIdentity.objects.get(pk=failed.identity_id).is_reachable
    page = admin_client.get("/admin/channels/outboundmessage/?status__exact=failed")
    assert page.status_code == 200 and "550" in page.content.decode()


# -- failures that must not block anything -----------------------------------------------------


def test_wrong_imap_password_is_recorded_and_other_mailboxes_still_polled(
    pemda, leader_office, mail_account, imap, smtp, admin_client
):
    broken = ChannelAccount.objects.create(
        pemda=pemda, agency=leader_office, kind="email", code="email-dputr", name="DPUTR",
        external_id="dputr@bandungkab.go.id", password="salah",
        config=mailbox_config(imap, smtp, username="dputr@bandungkab.go.id"),
    )  # fmt: skip
    imap.add_message(citizen_email("Trotoar rusak"))
    assert mailboxes_poll() == {"email-bupati": "1 fetched", "email-dputr": "failed"}
    state = MailboxState.objects.get(account=broken)
    assert "ditolak" in state.last_error and state.consecutive_failures == 1
    assert state.next_poll_at is not None and state.next_poll_at > timezone.now()
    assert InboundEvent.objects.get().account == mail_account

    # Backing off: the next minute's poll leaves the broken mailbox alone.
    assert mailboxes_poll()["email-dputr"] == "skipped"
    page = admin_client.get("/admin/channels/mailboxstate/")
    assert page.status_code == 200 and "ditolak" in page.content.decode()

    broken.password = PASSWORD
    broken.config["username"] = MAILBOX
    broken.save()
    MailboxState.objects.filter(account=broken).update(
        next_poll_at=timezone.now() - timedelta(seconds=1)
    )
    assert mailboxes_poll()["email-dputr"] == "1 fetched"  # the same INBOX, deduped
    state.refresh_from_db()
    assert state.last_error == "" and state.consecutive_failures == 0
    assert InboundEvent.objects.count() == 1


def test_oversized_email_is_kept_as_an_ignored_event_and_the_mailbox_moves_on(
    mail_account, imap, smtp
):
    mail_account.config["max_bytes"] = 4000
    mail_account.save()
    video = (("a.jpg", JPEG * 20, "image/jpeg"),)
    imap.add_message(citizen_email("video", message_id="besar@x", attachments=video))
    imap.add_message(citizen_email("Lampu mati", message_id="kecil@x"))
    assert mailboxes_poll() == {"email-bupati": "2 fetched"}
    big = InboundEvent.objects.get(external_id="besar@x")
    assert big.status == EventStatus.IGNORED and "exceeds the 4000 byte limit" in big.last_error
    assert big.headers["truncated"] == "headers" and int(big.headers["size"]) > 4000
    assert b"Subject: Lampu jalan mati" in base64.b64decode(big.body)
    assert MailboxState.objects.get(account=mail_account).last_uid == 2
    assert process_pending() == ["processed"]
    assert Case.objects.get().messages.get(direction="in").external_id == "kecil@x"


def test_attachments_are_stored_and_refused_ones_noted(mail_account, imap, smtp):
    imap.add_message((FIXTURES / "attachment_jpeg.eml").read_bytes())
    imap.add_message(
        citizen_email(
            "Foto terlampir.", sender="dewi@contoh.id", message_id="lampiran@x",
            attachments=(("jalan.jpg", JPEG, "image/jpeg"),
                         ("virus.exe", b"MZ\x90\x00" * 64, "application/octet-stream")),
        )
    )  # fmt: skip
    poll_and_process()
    gmail = Case.objects.get(contact__email="dewi.lestari88@gmail.com")
    assert sorted(a.content_type for a in gmail.attachments.all()) == [
        "application/pdf",
        "image/jpeg",
    ]
    case = Case.objects.get(contact__email="dewi@contoh.id")
    attachment = case.attachments.get()
    assert attachment.original_name == "jalan.jpg" and attachment.file.read() == JPEG
    assert "[lampiran virus.exe tidak diterima" in case.description
    event = InboundEvent.objects.get(external_id="lampiran@x")
    assert event.status == EventStatus.PROCESSED and "virus.exe" in event.last_error


def test_email_polling_is_a_periodic_job():
    job = next(job for job in PERIODIC_JOBS if job.name == "email-poll")
    assert job.task_path == "sigap.channels.tasks.email_poll_task" and job.every_seconds == 60


def test_a_new_email_thread_from_the_same_citizen_is_a_new_case(mail_account, imap, smtp):
    """Email threads by headers, not by time: two unrelated emails are two complaints."""
    first = acknowledged_complaint(imap)
    imap.add_message(
        citizen_email("Sampah di pasar Soreang", subject="Sampah", message_id="lain@x")
    )
    poll_and_process()
    assert Case.objects.count() == 2
    assert Message.objects.get(external_id="lain@x").case != first
