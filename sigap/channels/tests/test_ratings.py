"""Citizen satisfaction end to end: resolution → rating request on WhatsApp (the Meta stand-in
over HTTP) → signed webhook with the answer → rating stored, or the case reopened on dispute."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta
from typing import Any

import pytest
from django.utils import timezone

from sigap.cases.models import Case, CaseEvent, CaseStatus, EventKind, Message
from sigap.cases.services import case_assign, case_hook_register, case_route, case_transition
from sigap.cases.services import common as case_hooks
from sigap.channels.models import Conversation, OutboundMessage
from sigap.channels.services.merged_updates import merged_case_changed
from sigap.channels.services.ratings import (
    parse_rating_reply,
    rating_case_changed,
    rating_request_send,
)
from sigap.channels.tests.conftest import APP_SECRET, PHONE_NUMBER_ID, post, process_pending
from sigap.sla.hooks import notifications_case_changed
from sigap.sla.models import NotificationKind, SlaNotification
from sigap.standins import payloads

WA_ID = "6281234567890"


@pytest.fixture(autouse=True)
def _hooks_registered(settings: Any) -> Iterator[None]:
    """The rating and notification hooks as ``ready()`` wires them (see the report); added only
    for this module and removed afterwards. Tasks run at once, as a worker would."""
    settings.TASKS = {
        "default": {
            "BACKEND": "django_tasks.backends.immediate.ImmediateBackend",
            "QUEUES": ["default", "ingest", "outbox", "triage", "sweeper"],
        }
    }
    hooks = (rating_case_changed, notifications_case_changed, merged_case_changed)
    added = [h for h in hooks if h not in case_hooks._case_hooks]
    for hook in added:
        case_hook_register(hook)
    yield
    for hook in added:
        case_hooks._case_hooks.remove(hook)


def say(client: Any, text: str, message_id: str) -> None:
    wire = payloads.whatsapp_inbound(
        payloads.whatsapp_text(text, wa_id=WA_ID, message_id=message_id),
        app_secret=APP_SECRET, phone_number_id=PHONE_NUMBER_ID,
    )  # fmt: skip
    assert post(client, wire).status_code == 200
    assert process_pending() == ["processed"]


@pytest.fixture
def resolved(client, wa_account, meta, agency_a, admin_a, staff_a, capture) -> Case:
    """A citizen's WhatsApp complaint, worked on by DPUTR and resolved by its officer."""
    say(client, "Jalan di Soreang berlubang besar", "wamid.IN1")
    case = Case.objects.get()
    with capture():
        if case.agency_id is None:
            case_route(case=case, agency=agency_a, actor=None)
        case_assign(case=case, assignee=staff_a, actor=admin_a)
        case_transition(case=case, to_status=CaseStatus.VERIFIED, actor=staff_a)
        case_transition(case=case, to_status=CaseStatus.IN_PROGRESS, actor=staff_a)
        case_transition(
            case=case, to_status=CaseStatus.RESOLVED, actor=staff_a, note="Lubang sudah ditambal."
        )
    case.refresh_from_db()
    return case


@pytest.fixture
def capture(django_capture_on_commit_callbacks: Any) -> Any:
    return lambda: django_capture_on_commit_callbacks(execute=True)


def rating_requests() -> list[OutboundMessage]:
    return list(OutboundMessage.objects.filter(purpose="rating_request").select_related("message"))


def test_resolution_asks_once_and_a_rating_reply_is_stored(client, resolved, meta, staff_a):
    [request] = rating_requests()
    assert request.status == "sent" and request.message.case == resolved
    assert request.used_template == ""  # the citizen wrote minutes ago: free text
    sent = meta.requests(path_contains=f"/{PHONE_NUMBER_ID}/messages")
    ask = sent[-1].json
    assert ask["to"] == WA_ID and resolved.tracking_number in ask["text"]["body"]
    assert "penilaian 1–5" in ask["text"]["body"]
    assert rating_request_send(case=resolved).pk == request.pk  # a replayed hook: same row

    say(client, "4 mantap, terima kasih", "wamid.IN2")
    resolved.refresh_from_db()
    assert resolved.rating == 4 and resolved.rating_comment == "mantap, terima kasih"
    assert resolved.status == CaseStatus.RESOLVED
    assert CaseEvent.objects.filter(case=resolved, kind=EventKind.RATED, to_value="4").count() == 1
    reply = Message.objects.get(external_id="wamid.IN2")
    assert reply.case == resolved and reply.data["intent"] == "rating"
    thanks = OutboundMessage.objects.get(purpose="rating_thanks")
    assert thanks.status == "sent" and "Terima kasih atas penilaian" in thanks.message.text
    note = SlaNotification.objects.get(kind=NotificationKind.RATING)
    assert note.recipient == staff_a and "nilai 4/5" in note.text
    assert Case.objects.count() == 1  # the answer made no new case
    # Answered: the next message is an ordinary one again (a new complaint here).
    say(client, "5", "wamid.IN3")
    resolved.refresh_from_db()
    assert resolved.rating == 4 and Case.objects.count() == 2


def test_outside_the_window_the_request_uses_the_approved_template(
    client, wa_account, meta, agency_a, staff_a, capture
):
    say(client, "Sampah menumpuk di pasar", "wamid.T1")
    case = Case.objects.get()
    Conversation.objects.update(last_inbound_at=timezone.now() - timedelta(days=3))
    with capture():
        case_route(case=case, agency=agency_a, actor=None) if case.agency_id is None else None
        for status in (CaseStatus.VERIFIED, CaseStatus.IN_PROGRESS):
            case_transition(case=case, to_status=status, actor=staff_a)
        case_transition(case=case, to_status=CaseStatus.RESOLVED, actor=staff_a, note="Diangkut.")
    [request] = rating_requests()
    assert request.status == "sent" and request.used_template == "status_laporan"
    body = meta.requests(path_contains="/messages")[-1].json
    params = body["template"]["components"][0]["parameters"]
    assert params[0]["text"] == case.tracking_number
    assert params[1]["text"].startswith(f"Laporan {case.tracking_number} telah selesai ditangani")


def test_a_dispute_reopens_the_case_and_tells_the_assignee(client, resolved, staff_a, capture):
    say(client, "Belum selesai pak, jalannya masih rusak", "wamid.D1")
    resolved.refresh_from_db()
    assert resolved.status == CaseStatus.IN_PROGRESS and resolved.rating is None
    reopen = CaseEvent.objects.filter(
        case=resolved, kind=EventKind.STATUS_CHANGED, to_value=CaseStatus.IN_PROGRESS
    ).latest("created_at")
    assert reopen.from_value == CaseStatus.RESOLVED and reopen.actor is None
    assert "dibuka kembali" in reopen.note and "masih rusak" in reopen.note
    note = SlaNotification.objects.get(kind=NotificationKind.CITIZEN_REPLY)
    assert note.recipient == staff_a and "belum selesai" in note.text
    assert Message.objects.get(external_id="wamid.D1").data["intent"] == "rating_dispute"
    thanks = OutboundMessage.objects.get(purpose="rating_thanks")
    assert "dibuka kembali" in thanks.message.text
    # Resolved again: one new request for the new resolution.
    with capture():
        case_transition(case=resolved, to_status=CaseStatus.RESOLVED, actor=staff_a, note="Ok.")
    assert len(rating_requests()) == 2


def test_a_low_rating_with_a_complaint_is_kept_and_reopens(client, resolved):
    say(client, "2 lubangnya masih ada", "wamid.L1")
    resolved.refresh_from_db()
    assert resolved.rating == 2 and resolved.status == CaseStatus.IN_PROGRESS


def test_a_message_that_is_not_a_rating_continues_as_usual(client, resolved):
    say(client, "Lampu jalan di Banjaran mati total", "wamid.N1")
    resolved.refresh_from_db()
    assert resolved.rating is None and resolved.status == CaseStatus.RESOLVED
    new_case = Case.objects.exclude(pk=resolved.pk).get()
    assert new_case.description == "Lampu jalan di Banjaran mati total"
    # The request is still open for an answer afterwards.
    say(client, "⭐⭐⭐⭐⭐", "wamid.N2")
    resolved.refresh_from_db()
    assert resolved.rating == 5


def test_a_case_from_the_web_form_is_not_asked(make_case, staff_a, agency_a, capture):
    case = make_case(channel="web", sender="", agency=agency_a)
    with capture():
        for status in (CaseStatus.VERIFIED, CaseStatus.IN_PROGRESS):
            case_transition(case=case, to_status=status, actor=staff_a)
        case_transition(case=case, to_status=CaseStatus.RESOLVED, actor=staff_a, note="Selesai.")
    assert rating_requests() == []


@pytest.mark.parametrize(
    ("text", "rating", "comment", "dispute"),
    [
        ("5", 5, "", False),
        ("1", 1, "", False),
        ("5 terima kasih cepat", 5, "terima kasih cepat", False),
        ("⭐⭐⭐⭐", 4, "", False),
        ("⭐️⭐️⭐️ lumayan", 3, "lumayan", False),
        ("bintang 4", 4, "", False),
        ("Saya kasih bintang lima, mantap", 5, "Saya kasih, mantap", False),
        ("nilai: 3", 3, "", False),
        ("4/5 bagus", 4, "bagus", False),
        ("empat", 4, "", False),
        ("2", 2, "", False),
        ("1 lambat sekali", 1, "lambat sekali", False),
        ("1 masih rusak", 1, "masih rusak", True),
        ("belum selesai", None, "belum selesai", True),
        (
            "Tidak benar, jalannya masih berlubang",
            None,
            "Tidak benar, jalannya masih berlubang",
            True,
        ),
        ("jalan rusak 3 meter", None, None, None),
        ("10", None, None, None),
        ("terima kasih", None, None, None),
        ("", None, None, None),
    ],
)
def test_rating_replies_are_read(text, rating, comment, dispute):
    reply = parse_rating_reply(text)
    if dispute is None:
        assert reply is None
        return
    assert reply is not None
    assert (reply.rating, reply.comment, reply.dispute) == (rating, comment, dispute)


def test_the_rating_request_says_what_was_done(resolved):
    request = OutboundMessage.objects.get(purpose="rating_request")
    assert "Hasil penanganan: Lubang sudah ditambal." in request.message.text


OTHER_WA_ID = "6281299990002"


def two_reports_routed(client: Any, agency: Any, capture: Any) -> tuple[Case, Case]:
    """Two citizens' WhatsApp reports of one pothole, both routed to ``agency``."""
    say(client, "Jalan di Soreang berlubang besar", "wamid.M1")
    other = payloads.whatsapp_inbound(
        payloads.whatsapp_text("Lubang besar di jalan Soreang", wa_id=OTHER_WA_ID,
                               message_id="wamid.M2"),
        app_secret=APP_SECRET, phone_number_id=PHONE_NUMBER_ID,
    )  # fmt: skip
    post(client, other)
    process_pending()
    main, duplicate = Case.objects.order_by("pk")
    with capture():
        for case in (main, duplicate):
            if case.agency_id is None:
                case_route(case=case, agency=agency, actor=None)
    main.refresh_from_db()
    duplicate.refresh_from_db()
    return main, duplicate


def resolve(case: Case, officer: Any, assigner: Any, note: str) -> None:
    case_assign(case=case, assignee=officer, actor=assigner)
    case_transition(case=case, to_status=CaseStatus.VERIFIED, actor=officer)
    case_transition(case=case, to_status=CaseStatus.IN_PROGRESS, actor=officer)
    case_transition(case=case, to_status=CaseStatus.RESOLVED, actor=officer, note=note)


def test_a_merged_reporter_hears_of_the_merge_and_of_the_resolution(
    client, wa_account, meta, agency_a, admin_a, staff_a, coordinator, capture
):
    from sigap.cases.services import case_merge

    main, duplicate = two_reports_routed(client, agency_a, capture)
    with capture():
        case_merge(case=duplicate, into=main, actor=coordinator)
    [notice] = OutboundMessage.objects.filter(purpose="status_update", message__case=duplicate)
    assert notice.identity.external_id == OTHER_WA_ID
    assert main.tracking_number in notice.message.text and "digabung" in notice.message.text
    with capture():
        resolve(main, staff_a, admin_a, "Sudah ditambal.")
    updates = OutboundMessage.objects.filter(purpose="status_update", message__case=duplicate)
    assert updates.count() == 2
    done = updates.exclude(pk=notice.pk).get()
    assert "telah selesai ditangani" in done.message.text
    assert "Hasil penanganan: Sudah ditambal." in done.message.text
    # The merged reporter is not asked to rate a case that is not theirs.
    assert not OutboundMessage.objects.filter(
        purpose="rating_request", message__case=duplicate
    ).exists()


def test_what_was_done_on_an_anonymous_case_stays_with_its_reporter(
    client, wa_account, meta, agency_a, staff_a, coordinator, capture
):
    from sigap.cases.services import case_merge, case_set_flags

    main, duplicate = two_reports_routed(client, agency_a, capture)
    with capture():
        case_set_flags(case=main, actor=coordinator, is_anonymous=True, is_confidential=False)
        case_merge(case=duplicate, into=main, actor=coordinator)
        resolve(main, staff_a, coordinator, "Pelapor Budi (081234567890) sudah kami temui.")
    texts = list(
        OutboundMessage.objects.filter(purpose="status_update", message__case=duplicate)
        .order_by("pk")
        .values_list("message__text", flat=True)
    )
    assert len(texts) == 2 and "telah selesai ditangani" in texts[1]
    assert not any("Budi" in text or "081234567890" in text for text in texts)
