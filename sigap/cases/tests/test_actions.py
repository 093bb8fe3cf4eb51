"""The console's case actions as services: claim, notes with mentions, asking the citizen (the
SLA pauses), resolving, reopening, forwarding; and two officers racing on PostgreSQL."""

from __future__ import annotations

import threading
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from django.db import connection, connections
from django.utils import timezone

from sigap.cases.models import Case, CaseEvent, CaseStatus, EventKind
from sigap.cases.services import (
    IncomingAttachment,
    IncomingMessage,
    case_claim,
    case_forward_external,
    case_message_add,
    case_note_add,
    case_reopen,
    case_request_info,
    case_resolve,
    case_set_priority,
    mentioned_usernames,
)
from sigap.channels.models import ChannelAccount, OutboundMessage
from sigap.console.tests.test_case_page import PNG, WA_ID, whatsapp_case
from sigap.contacts.services import SenderIdentity
from sigap.core.errors import Conflict, DomainError, PermissionDenied
from sigap.sla.models import NotificationKind, SlaNotification, SlaPause
from sigap.sla.services import case_deadlines_recompute


@pytest.fixture(autouse=True)
def _fast_passwords(settings: Any) -> None:
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def line(pemda, agency_a) -> ChannelAccount:
    return ChannelAccount.objects.create(
        pemda=pemda, agency=agency_a, kind="whatsapp", code="wa-a", name="WA DPUTR",
        external_id="100000000000009", config={"templates": {}},
    )  # fmt: skip


@pytest.fixture
def chat_case(pemda, line, category_a) -> Case:
    return whatsapp_case(pemda, line, category_a)


def status_path(case: Case) -> list[tuple[str, str]]:
    changes = CaseEvent.objects.filter(case=case, kind=EventKind.STATUS_CHANGED).order_by("id")
    return [(e.from_value, e.to_value) for e in changes]


def test_claim_is_idempotent_for_me_and_refused_for_a_colleague(case_a, staff_a, admin_a):
    case_claim(case=case_a, actor=staff_a)
    case_claim(case=case_a, actor=staff_a)
    assert CaseEvent.objects.filter(case=case_a, kind=EventKind.ASSIGNED).count() == 1
    with pytest.raises(Conflict, match=r"sudah ditangani petugas\.a"):
        case_claim(case=case_a, actor=admin_a)


def test_claim_with_a_stale_version_is_a_conflict(case_a, staff_a):
    with pytest.raises(Conflict, match="diubah oleh petugas lain"):
        case_claim(case=case_a, actor=staff_a, expected_version=case_a.version + 5)
    case_a.refresh_from_db()
    assert case_a.assignee is None


def test_leader_cannot_claim(case_a, leader):
    with pytest.raises(PermissionDenied, match="hanya dapat membaca"):
        case_claim(case=case_a, actor=leader)


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("cek @petugas.a.", ["petugas.a"]),
        ("@Admin.A dan @admin.a lagi", ["Admin.A"]),
        ("surel a@b.id bukan sebutan", []),
        ("(@koordinator) tolong", ["koordinator"]),
    ],
)
def test_mentions_are_parsed(text, names):
    assert mentioned_usernames(text) == names


def test_note_notifies_mentioned_staff_who_may_see_the_case(
    case_a, staff_a, admin_a, staff_b, leader
):
    result = case_note_add(
        case=case_a, actor=staff_a, text="@admin.a @bupati @petugas.b @petugas.a @hantu"
    )
    assert sorted(u.username for u in result.notified) == ["admin.a", "bupati"]
    assert result.unknown == ["petugas.b", "petugas.a", "hantu"]  # self, no access, nobody
    rows = SlaNotification.objects.filter(kind=NotificationKind.MENTION).order_by("recipient")
    assert [(r.recipient, r.case, r.stage) for r in rows] == [
        (admin_a, case_a, ""),
        (leader, case_a, ""),
    ]
    assert "petugas.a menyebut Anda di laporan" in rows[0].text


def test_mention_on_an_anonymous_case_is_masked_for_each_recipient_who_reads_it_masked(
    make_case, agency_b, staff_b, coordinator
):
    """The stored text goes to the console list, e-mail and WhatsApp: the agency officer gets
    the note's personal data masked, the coordinator (who may reveal the reporter) as written."""
    case = make_case("Antrean puskesmas lama", agency=agency_b, is_anonymous=True)
    note = "@petugas.b pelapor minta ditelepon 081234567890, NIK 3204121208900003"
    case_note_add(case=case, actor=coordinator, text=note)
    stored = SlaNotification.objects.get(kind=NotificationKind.MENTION, recipient=staff_b)
    assert "081234567890" not in stored.text and "3204121208900003" not in stored.text
    assert "xxxxxxxxxx90" in stored.text and "xxxxxxxxxxxxxx03" in stored.text
    assert "minta ditelepon" in stored.text
    case_note_add(case=case, actor=staff_b, text="@koordinator hp-nya 081234567890")
    to_coordinator = SlaNotification.objects.get(recipient=coordinator)
    assert "081234567890" in to_coordinator.text


def test_note_must_not_be_empty(case_a, staff_a):
    with pytest.raises(DomainError, match="tidak boleh kosong"):
        case_note_add(case=case_a, actor=staff_a, text="  ")
    assert not SlaNotification.objects.exists()


def test_request_info_without_a_messaging_channel_changes_nothing(case_a, staff_a):
    with pytest.raises(DomainError, match="tidak datang dari kanal pesan"):
        case_request_info(case=case_a, actor=staff_a, question="Di mana?", key="x")
    case_a.refresh_from_db()
    assert case_a.status == CaseStatus.NEW and status_path(case_a) == []


def test_request_info_twice_is_refused(chat_case, staff_a):
    case_request_info(case=chat_case, actor=staff_a, question="Di RT berapa?", key="1")
    with pytest.raises(DomainError, match="sudah menunggu jawaban warga"):
        case_request_info(case=chat_case, actor=staff_a, question="Lagi?", key="2")
    assert OutboundMessage.objects.filter(purpose="info_request").count() == 1


def test_request_info_pauses_the_clock_and_the_deadline_moves(
    monkeypatch, pemda, line, category_a, staff_a, django_capture_on_commit_callbacks
):
    now = {"at": datetime(2025, 11, 17, 2, 0, tzinfo=UTC)}  # Monday 09:00 WIB
    monkeypatch.setattr(timezone, "now", lambda: now["at"])
    with django_capture_on_commit_callbacks(execute=True):
        case = whatsapp_case(pemda, line, category_a)
    before = case_deadlines_recompute(case=case).resolution_due_at
    assert before is not None
    now["at"] += timedelta(hours=1)
    with django_capture_on_commit_callbacks(execute=True):
        case_request_info(case=case, actor=staff_a, question="Di RT berapa?", key="k")
    case.refresh_from_db()
    assert case.status == CaseStatus.WAITING_CITIZEN
    (pause,) = SlaPause.objects.filter(case=case)
    assert pause.started_at == now["at"] and pause.ended_at is None
    now["at"] += timedelta(days=2)
    reply = IncomingMessage(channel="whatsapp", text="RT 03", sender=SenderIdentity(WA_ID))
    with django_capture_on_commit_callbacks(execute=True):
        case_message_add(case=case, message=reply)
    case.refresh_from_db()
    assert case.status == CaseStatus.IN_PROGRESS
    (pause,) = SlaPause.objects.filter(case=case)  # rebuilt from the timeline
    assert pause.ended_at == now["at"]
    # Resolution counts calendar days: two days waiting for the citizen push it two days on.
    assert case.resolution_due_at == before + timedelta(days=2)


def test_resolve_from_new_walks_the_lifecycle_and_stores_the_proof(case_a, staff_a):
    case_resolve(
        case=case_a,
        actor=staff_a,
        resolution="Sudah ditambal",
        proof=IncomingAttachment(PNG, "bukti.png"),
    )
    case_a.refresh_from_db()
    assert case_a.status == CaseStatus.RESOLVED and case_a.verified_at is not None
    assert status_path(case_a) == [
        ("new", "verified"),
        ("verified", "in_progress"),
        ("in_progress", "resolved"),
    ]
    assert case_a.attachments.get().uploaded_by == staff_a


def test_resolve_refuses_a_document_as_proof_before_changing_anything(case_a, staff_a):
    with pytest.raises(DomainError, match="harus berupa foto"):
        case_resolve(
            case=case_a,
            actor=staff_a,
            resolution="ok",
            proof=IncomingAttachment(b"%PDF-1.7 x", "a.pdf"),
        )
    case_a.refresh_from_db()
    assert case_a.status == CaseStatus.NEW and not case_a.attachments.exists()


def test_reopen_only_a_resolved_case(case_a, staff_a):
    with pytest.raises(DomainError, match="Hanya laporan berstatus Selesai"):
        case_reopen(case=case_a, actor=staff_a, reason="x")
    case_resolve(case=case_a, actor=staff_a, resolution="Selesai")
    with pytest.raises(DomainError, match="alasan"):
        case_reopen(case=case_a, actor=staff_a, reason=" ")
    case_reopen(case=case_a, actor=staff_a, reason="Rusak lagi")
    case_a.refresh_from_db()
    assert case_a.status == CaseStatus.IN_PROGRESS


def test_forward_external_needs_an_external_body(case_a, coordinator, agency_b, external_body):
    with pytest.raises(DomainError, match="lembaga luar"):
        case_forward_external(case=case_a, to_agency=agency_b, actor=coordinator, note="x")
    case_forward_external(case=case_a, to_agency=external_body, actor=coordinator, note="PLN")
    case_a.refresh_from_db()
    assert case_a.agency == external_body


# -- two officers at once (PostgreSQL: real parallel connections) -------------------------------


def _needs_postgres() -> None:
    if connection.vendor != "postgresql":
        pytest.skip(
            "SKIPPED LOUDLY: racing officers need PostgreSQL (SQLite serialises writers); "
            "run with DATABASE_URL=postgres://..."
        )


def race(work: list[Callable[[], Any]]) -> list[Any]:
    barrier = threading.Barrier(len(work))
    results: list[Any] = [None] * len(work)

    def runner(index: int) -> None:
        try:
            barrier.wait(timeout=10)
            results[index] = work[index]()
        except BaseException as exc:  # the loser's Conflict is a result, not a failure
            results[index] = exc
        finally:
            connections.close_all()

    threads = [threading.Thread(target=runner, args=(i,)) for i in range(len(work))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    return results


@pytest.mark.postgres_only
def test_two_officers_claiming_at_once_one_wins(
    transactional_db, make_case, category_a, staff_a, admin_a
):
    _needs_postgres()
    case = make_case(category=category_a)
    version = case.version

    def claim(user: Any) -> Callable[[], Any]:
        return lambda: case_claim(
            case=Case.objects.get(pk=case.pk), actor=user, expected_version=version
        )

    results = race([claim(staff_a), claim(admin_a)])
    wins = [r for r in results if isinstance(r, Case)]
    losses = [r for r in results if isinstance(r, Conflict)]
    assert len(wins) == 1 and len(losses) == 1, results
    case.refresh_from_db()
    assert case.assignee == wins[0].assignee and case.version == version + 1
    assert CaseEvent.objects.filter(case=case, kind=EventKind.ASSIGNED).count() == 1


@pytest.mark.postgres_only
def test_two_officers_without_versions_still_make_one_claim(
    transactional_db, make_case, category_a, staff_a, admin_a
):
    _needs_postgres()
    case = make_case(category=category_a)
    results = race(
        [
            lambda: case_claim(case=Case.objects.get(pk=case.pk), actor=staff_a),
            lambda: case_claim(case=Case.objects.get(pk=case.pk), actor=admin_a),
            lambda: case_set_priority(
                case=Case.objects.get(pk=case.pk), priority="high", actor=staff_a
            ),
        ]
    )
    assert sum(isinstance(r, Conflict) for r in results) == 1, results
    case.refresh_from_db()
    assert case.priority == "high" and case.version == 3  # one claim and one priority change
    assert CaseEvent.objects.filter(case=case, kind=EventKind.ASSIGNED).count() == 1
