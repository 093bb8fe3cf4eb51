"""Case page actions over HTTP: forms, one service each, HTMX partials, refusals and conflicts."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from sigap.cases.models import Attachment, Case, CaseEvent, CaseStatus, Disposition, EventKind
from sigap.channels.models import OutboundMessage
from sigap.channels.services.outbox import outbound_send
from sigap.channels.tests.conftest import ACCESS_TOKEN, APP_SECRET, PHONE_NUMBER_ID
from sigap.console.tests.test_case_page import PNG, WA_ID, wa_case, wa_line, whatsapp_case
from sigap.sla.models import NotificationKind, SlaNotification
from sigap.standins import meta as meta_standin

__all__ = ["wa_case", "wa_line"]  # fixtures shared with the page tests


@pytest.fixture(autouse=True)
def _fast_passwords(settings: Any) -> None:
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def meta(settings: Any) -> Iterator[Any]:
    with meta_standin.serve(
        tokens={PHONE_NUMBER_ID: ACCESS_TOKEN}, status_webhooks=False, app_secret=APP_SECRET
    ) as server:
        settings.SIGAP_META_GRAPH_URL = f"{server.url}/v21.0"
        yield server


def act(client: Any, case: Case, action: str, data: dict[str, Any], **extra: Any) -> Any:
    url = reverse("console:case_action", args=[case.tracking_number, action])
    return client.post(url, {f"{action}-{k}": v for k, v in data.items()}, **extra)


HTMX = {"HTTP_HX_REQUEST": "true"}


def events(case: Case, kind: str) -> list[CaseEvent]:
    return list(CaseEvent.objects.filter(case=case, kind=kind).order_by("id"))


# -- claim, assign, concurrency --------------------------------------------------------------------


def test_claim_assigns_me_and_redirects(client, staff_a, wa_case):
    client.force_login(staff_a)
    response = act(client, wa_case, "claim", {"version": wa_case.version})
    assert response.status_code == 302
    assert response["Location"] == reverse("console:case_detail", args=[wa_case.tracking_number])
    wa_case.refresh_from_db()
    assert wa_case.assignee == staff_a and wa_case.version == 2
    (event,) = events(wa_case, EventKind.ASSIGNED)
    assert event.actor == staff_a and event.data["assignee_id"] == staff_a.pk


def test_claim_over_htmx_returns_the_case_body_with_the_flash(client, staff_a, wa_case):
    client.force_login(staff_a)
    response = act(client, wa_case, "claim", {"version": wa_case.version}, **HTMX)
    body = response.content.decode()
    assert response.status_code == 200 and body.startswith('<div id="case-body"')
    assert "sekarang Anda tangani" in body and "<html" not in body
    assert 'name="assign-version" value="2"' in body  # the next form carries the new version


def test_stale_version_is_a_conflict_and_changes_nothing(client, staff_a, admin_a, wa_case):
    client.force_login(admin_a)
    assert act(client, wa_case, "claim", {"version": 1}).status_code == 302
    client.force_login(staff_a)
    response = act(client, wa_case, "priority", {"version": 1, "priority": "high"}, **HTMX)
    assert response.status_code == 409
    body = response.content.decode()
    assert "sudah diubah oleh petugas lain" in body
    # What the officer chose stays, now on the current version, ready to confirm.
    assert 'name="priority-version" value="2"' in body
    wa_case.refresh_from_db()
    assert wa_case.priority == "normal" and wa_case.assignee == admin_a
    assert events(wa_case, EventKind.PRIORITY_CHANGED) == []


def test_claim_of_a_case_a_colleague_holds_is_refused(client, staff_a, admin_a, wa_case):
    client.force_login(admin_a)
    act(client, wa_case, "claim", {"version": 1})
    client.force_login(staff_a)
    response = act(client, wa_case, "claim", {"version": 2})
    assert response.status_code == 409 and "sudah ditangani" in response.content.decode()


def test_assign_to_a_colleague_and_refuse_strangers(client, admin_a, staff_a, staff_b, wa_case):
    client.force_login(admin_a)
    bad = act(client, wa_case, "assign", {"version": 1, "assignee": staff_b.pk})
    assert bad.status_code == 400 and "Pilihan tidak dikenal." in bad.content.decode()
    missing = act(client, wa_case, "assign", {"version": 1})
    assert missing.status_code == 400 and "Wajib dipilih." in missing.content.decode()
    assert act(client, wa_case, "assign", {"version": 1, "assignee": staff_a.pk}).status_code == 302
    wa_case.refresh_from_db()
    assert wa_case.assignee == staff_a


def test_leader_is_refused_with_a_reason_and_other_agency_gets_404(
    client, leader, staff_b, wa_case
):
    client.force_login(leader)
    response = act(client, wa_case, "claim", {"version": 1})
    assert response.status_code == 403 and "hanya dapat membaca" in response.content.decode()
    client.force_login(staff_b)
    assert act(client, wa_case, "claim", {"version": 1}).status_code == 404
    assert events(wa_case, EventKind.ASSIGNED) == []


def test_unknown_action_and_get_are_refused(client, staff_a, wa_case):
    client.force_login(staff_a)
    assert act(client, wa_case, "hapus", {}).status_code == 404
    url = reverse("console:case_action", args=[wa_case.tracking_number, "claim"])
    assert client.get(url).status_code == 405


# -- replies ---------------------------------------------------------------------------------------


def test_reply_goes_out_through_the_whatsapp_stand_in(
    client, staff_a, wa_case, meta, django_capture_on_commit_callbacks
):
    meta.open_window(PHONE_NUMBER_ID, WA_ID)
    client.force_login(staff_a)
    with django_capture_on_commit_callbacks(execute=True):
        response = act(client, wa_case, "reply", {"text": "Tim kami menuju lokasi.", "key": "r1"})
    assert response.status_code == 302
    outbound = OutboundMessage.objects.get(purpose="reply")
    assert outbound.message.author == staff_a and outbound.message.case == wa_case
    assert outbound_send(outbound.pk) == "sent"
    sent = meta.requests(path_contains=f"/{PHONE_NUMBER_ID}/messages")[-1].json
    assert sent["type"] == "text" and sent["text"]["body"] == "Tim kami menuju lokasi."
    assert sent["to"] == WA_ID
    (event,) = events(wa_case, EventKind.MESSAGE_OUT)
    assert event.actor == staff_a
    # A double submit of the same form sends nothing more.
    act(client, wa_case, "reply", {"text": "Tim kami menuju lokasi.", "key": "r1"})
    assert OutboundMessage.objects.filter(purpose="reply").count() == 1


def test_answering_the_citizen_puts_the_case_in_progress(client, staff_a, wa_case, meta):
    meta.open_window(PHONE_NUMBER_ID, WA_ID)
    assert wa_case.agency_id is not None and wa_case.status == CaseStatus.NEW
    client.force_login(staff_a)
    act(client, wa_case, "reply", {"text": "Kami cek ke lokasi besok pagi.", "key": "r9"})
    wa_case.refresh_from_db()
    assert wa_case.status == CaseStatus.IN_PROGRESS
    changes = events(wa_case, EventKind.STATUS_CHANGED)
    assert [e.to_value for e in changes] == [CaseStatus.VERIFIED, CaseStatus.IN_PROGRESS]
    assert all(e.actor == staff_a and e.note == "Petugas membalas warga." for e in changes)


def test_empty_reply_is_refused_in_indonesian(client, staff_a, wa_case):
    client.force_login(staff_a)
    response = act(client, wa_case, "reply", {"text": "", "key": "r2"})
    assert response.status_code == 400 and "Wajib diisi." in response.content.decode()
    assert not OutboundMessage.objects.exists()


def test_closed_window_offers_templates_and_sends_one(
    client, staff_a, pemda, wa_line, category_a, meta
):
    case = whatsapp_case(pemda, wa_line, category_a, window_open=False)
    client.force_login(staff_a)
    page = client.get(reverse("console:case_detail", args=[case.tracking_number])).content.decode()
    assert "Jendela 24 jam tertutup" in page and 'name="reply-template"' in page
    assert '<option value="default">status_laporan</option>' in page
    refused = act(client, case, "reply", {"text": "Mohon cek status", "key": "t1"})
    assert refused.status_code == 400 and "Wajib dipilih." in refused.content.decode()
    multi = act(client, case, "reply", {"text": "a\nb", "key": "t2", "template": "default"})
    assert multi.status_code == 400 and "satu baris" in multi.content.decode()
    ok = act(
        client, case, "reply", {"text": "Sedang dikerjakan", "key": "t3", "template": "default"}
    )
    assert ok.status_code == 302
    outbound = OutboundMessage.objects.get()
    assert outbound.purpose == "default"
    assert outbound_send(outbound.pk) == "sent"
    body = meta.requests(path_contains="/messages")[-1].json
    assert body["type"] == "template" and body["template"]["name"] == "status_laporan"
    params = body["template"]["components"][0]["parameters"]
    assert [p["text"] for p in params] == [case.tracking_number, "Sedang dikerjakan"]


def test_walk_in_case_cannot_be_answered_by_message(client, staff_a, make_case, category_a):
    case = make_case(category=category_a)  # no channel account: a walk-in or web case
    client.force_login(staff_a)
    page = client.get(reverse("console:case_detail", args=[case.tracking_number])).content.decode()
    assert "tidak datang dari kanal pesan" in page and 'name="reply-text"' not in page
    response = act(client, case, "reply", {"text": "Halo", "key": "w1"})
    assert (
        response.status_code == 400 and "tidak datang dari kanal pesan" in response.content.decode()
    )


# -- notes and mentions ----------------------------------------------------------------------------


def test_note_mentions_notify_staff_who_may_see_the_case(
    client, staff_a, admin_a, staff_b, coordinator, wa_case
):
    client.force_login(staff_a)
    text = "Mohon cek @admin.a dan @koordinator. @petugas.b @tidakada, email a@b.id"
    response = act(client, wa_case, "note", {"text": text}, follow=True)
    body = response.content.decode()
    assert "Catatan disimpan." in body and "@petugas.b, @tidakada" in body
    (note,) = events(wa_case, EventKind.NOTE)
    assert note.note == text and note.actor == staff_a
    rows = SlaNotification.objects.filter(case=wa_case, kind=NotificationKind.MENTION)
    assert sorted(r.recipient.username for r in rows) == ["admin.a", "koordinator"]
    assert all(r.stage == "" and wa_case.tracking_number in r.text for r in rows)


# -- request for information -----------------------------------------------------------------------


def test_request_info_waits_for_the_citizen_and_sends_the_question(client, staff_a, wa_case):
    client.force_login(staff_a)
    response = act(
        client, wa_case, "info", {"version": 1, "text": "Di RT/RW berapa lokasinya?", "key": "i1"}
    )
    assert response.status_code == 302
    wa_case.refresh_from_db()
    assert wa_case.status == "waiting_citizen"
    outbound = OutboundMessage.objects.get()
    assert outbound.purpose == "info_request" and "RT/RW" in outbound.message.text
    statuses = [(e.from_value, e.to_value) for e in events(wa_case, EventKind.STATUS_CHANGED)]
    assert statuses == [
        ("new", "verified"),
        ("verified", "in_progress"),
        ("in_progress", "waiting_citizen"),
    ]


# -- disposition, forwarding, merge, category, priority --------------------------------------------


def test_dispose_needs_a_reason_and_leaves_the_agency(client, staff_a, agency_b, wa_case):
    client.force_login(staff_a)
    missing = act(client, wa_case, "dispose", {"version": 1, "to_agency": agency_b.pk})
    body = missing.content.decode()
    assert missing.status_code == 400 and body.count("Wajib") >= 2
    response = act(
        client, wa_case, "dispose",
        {"version": 1, "to_agency": agency_b.pk, "reason": "not_our_authority",
         "note": "Urusan puskesmas"},
    )  # fmt: skip
    assert response.status_code == 302 and response["Location"] == reverse("console:home")
    hop = Disposition.objects.filter(case=wa_case).order_by("-id").first()
    assert (hop.to_agency, hop.reason, hop.note, hop.actor) == (
        agency_b, "not_our_authority", "Urusan puskesmas", staff_a
    )  # fmt: skip


def test_dispose_over_htmx_redirects_when_the_case_leaves_my_scope(
    client, staff_a, agency_b, wa_case
):
    client.force_login(staff_a)
    data = {"version": 1, "to_agency": agency_b.pk, "reason": "wrong_area", "note": "x"}
    response = act(client, wa_case, "dispose", data, **HTMX)
    assert response.status_code == 204 and response["HX-Redirect"] == reverse("console:home")


def test_forward_to_an_external_body(client, coordinator, external_body, agency_b, wa_case):
    client.force_login(coordinator)
    wrong = act(client, wa_case, "forward", {"version": 1, "to_agency": agency_b.pk, "note": "x"})
    assert wrong.status_code == 400 and "Pilihan tidak dikenal." in wrong.content.decode()
    data = {"version": 1, "to_agency": external_body.pk, "note": "Gangguan listrik, urusan PLN"}
    assert act(client, wa_case, "forward", data).status_code == 302
    wa_case.refresh_from_db()
    assert wa_case.agency == external_body
    hop = Disposition.objects.filter(case=wa_case).order_by("-id").first()
    assert hop.reason == "external" and hop.note == "Gangguan listrik, urusan PLN"


def test_merge_by_tracking_number(client, staff_a, make_case, category_a, agency_b, wa_case):
    main = make_case("Jalan berlubang di pasar", category=category_a, sender="628999")
    other = make_case("Obat habis", agency=agency_b, sender="628998")
    client.force_login(staff_a)
    hidden = act(client, wa_case, "merge", {"version": 1, "into": other.tracking_number})
    assert (
        hidden.status_code == 400 and "Laporan tujuan tidak ditemukan." in hidden.content.decode()
    )
    into = main.tracking_number.lower()
    assert act(client, wa_case, "merge", {"version": 1, "into": into}).status_code == 302
    wa_case.refresh_from_db()
    assert wa_case.status == "merged" and wa_case.merged_into == main
    assert events(main, EventKind.MERGED)[0].from_value == wa_case.tracking_number


def test_change_category_and_priority(client, staff_a, pemda, agency_a, wa_case):
    from sigap.catalog.models import Category

    lamp = Category.objects.create(
        pemda=pemda, code="pju", name="Lampu jalan", kind="complaint", default_agency=agency_a
    )
    client.force_login(staff_a)
    assert act(client, wa_case, "category", {"version": 1, "category": lamp.pk}).status_code == 302
    data = {"version": 2, "priority": "high", "note": "Ramai kendaraan"}
    assert act(client, wa_case, "priority", data).status_code == 302
    wa_case.refresh_from_db()
    assert (wa_case.category, wa_case.priority) == (lamp, "high")
    assert events(wa_case, EventKind.PRIORITY_CHANGED)[0].note == "Ramai kendaraan"
    bad = act(client, wa_case, "priority", {"version": 3, "priority": "sangat"})
    assert bad.status_code == 400 and "Pilihan tidak dikenal." in bad.content.decode()


# -- resolve and reopen ----------------------------------------------------------------------------


def _upload(content: bytes, name: str, kind: str = "image/png") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, content, content_type=kind)


def test_resolve_with_a_proof_photo(client, staff_a, wa_case):
    client.force_login(staff_a)
    data = {"version": 1, "resolution": "Lubang sudah ditambal.", "photo": _upload(PNG, "b.png")}
    assert act(client, wa_case, "resolve", data).status_code == 302
    wa_case.refresh_from_db()
    assert wa_case.status == "resolved" and wa_case.resolved_at is not None
    proof = Attachment.objects.get(case=wa_case)
    assert proof.content_type == "image/png" and proof.uploaded_by == staff_a
    assert events(wa_case, EventKind.STATUS_CHANGED)[-1].note == "Lubang sudah ditambal."


@pytest.mark.parametrize(
    ("content", "name", "message"),
    [
        (b"bukan gambar sama sekali", "a.txt", "tidak didukung"),
        (b"%PDF-1.4 laporan", "a.pdf", "harus berupa foto"),
    ],
)
def test_resolve_refuses_bad_proof_and_keeps_the_case(
    client, staff_a, wa_case, content, name, message
):
    client.force_login(staff_a)
    data = {"version": 1, "resolution": "Selesai", "photo": _upload(content, name)}
    response = act(client, wa_case, "resolve", data)
    assert response.status_code == 400 and message in response.content.decode()
    assert "Selesai" in response.content.decode()  # the typed resolution is not lost
    wa_case.refresh_from_db()
    assert wa_case.status == "new" and not Attachment.objects.filter(case=wa_case).exists()


def test_resolve_refuses_oversized_photo_and_empty_resolution(client, staff_a, wa_case, settings):
    settings.SIGAP_MAX_ATTACHMENT_BYTES = 10
    client.force_login(staff_a)
    big = act(
        client,
        wa_case,
        "resolve",
        {"version": 1, "resolution": "x", "photo": _upload(PNG, "b.png")},
    )
    assert big.status_code == 400 and "terlalu besar" in big.content.decode()
    empty = act(client, wa_case, "resolve", {"version": 1, "resolution": "  "})
    assert empty.status_code == 400 and "Wajib diisi." in empty.content.decode()


def test_reopen_needs_a_reason(client, staff_a, wa_case):
    client.force_login(staff_a)
    act(client, wa_case, "resolve", {"version": 1, "resolution": "Sudah ditambal"})
    wa_case.refresh_from_db()
    version = wa_case.version
    refused = act(client, wa_case, "reopen", {"version": version, "reason": ""})
    assert refused.status_code == 400 and "Wajib diisi." in refused.content.decode()
    data = {"version": version, "reason": "Warga: lubang muncul lagi"}
    assert act(client, wa_case, "reopen", data).status_code == 302
    wa_case.refresh_from_db()
    assert wa_case.status == "in_progress"
    last = events(wa_case, EventKind.STATUS_CHANGED)[-1]
    assert (last.from_value, last.to_value, last.note) == (
        "resolved", "in_progress", "Warga: lubang muncul lagi"
    )  # fmt: skip


def test_invalid_form_over_htmx_swaps_the_body_with_errors(client, staff_a, wa_case):
    client.force_login(staff_a)
    response = act(client, wa_case, "reopen", {"version": 1, "reason": "x"}, **HTMX)
    body = response.content.decode()
    assert response.status_code == 400 and body.startswith('<div id="case-body"')
    assert "Hanya laporan berstatus Selesai yang dapat dibuka kembali." in body


def test_instagram_allows_human_replies_for_seven_days_then_explains(
    client, staff_a, pemda, agency_a, category_a
):
    from datetime import timedelta

    from django.utils import timezone

    from sigap.cases.services import CaseOptions, IncomingMessage, case_create
    from sigap.channels.models import ChannelAccount, Conversation
    from sigap.contacts.models import ContactIdentity
    from sigap.contacts.services import SenderIdentity

    account = ChannelAccount.objects.create(
        pemda=pemda, agency=agency_a, kind="instagram", code="ig-dputr", name="IG DPUTR",
        external_id="17841400000000001",
    )  # fmt: skip
    message = IncomingMessage(
        channel="instagram",
        text="Lampu jalan mati",
        sender=SenderIdentity(external_id="igsid-1"),
        account_id=account.pk,
    )
    case = case_create(pemda=pemda, message=message, options=CaseOptions(category=category_a)).case
    identity = ContactIdentity.objects.get(external_id="igsid-1")
    conversation = Conversation.objects.create(
        account=account, identity=identity, last_inbound_at=timezone.now() - timedelta(days=3)
    )
    client.force_login(staff_a)
    url = reverse("console:case_detail", args=[case.tracking_number])
    body = client.get(url).content.decode()
    assert "Jendela balasan terbuka sampai" in body and 'name="reply-text"' in body
    conversation.last_inbound_at = timezone.now() - timedelta(days=8)
    conversation.save()
    body = client.get(url).content.decode()
    assert "Jendela balasan Instagram sudah tertutup" in body and 'name="reply-text"' not in body
    refused = act(client, case, "reply", {"text": "Halo", "key": "ig1"})
    assert refused.status_code == 400 and not OutboundMessage.objects.exists()


def test_operator_acts_on_emergencies_only(client, operator, emergency_case, wa_case):
    client.force_login(operator)
    assert act(client, wa_case, "claim", {"version": 1}).status_code == 404
    # Not a member of the handling agency: a clear refusal instead of a silent assignment.
    claim = act(client, emergency_case, "claim", {"version": emergency_case.version})
    assert claim.status_code == 400 and "bukan petugas Dinkes" in claim.content.decode()
    data = {"version": emergency_case.version, "priority": "high", "note": "Bukan darurat"}
    response = act(client, emergency_case, "priority", data)
    # No longer an emergency, so no longer the operator's to see: back to the inbox.
    assert response.status_code == 302 and response["Location"] == reverse("console:home")
    emergency_case.refresh_from_db()
    assert emergency_case.priority == "high"
