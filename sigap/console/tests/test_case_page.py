"""The case page: conversation with delivery ticks, timeline, triage, clocks, map, attachments,
masking, and a query budget that does not grow with the conversation."""

from __future__ import annotations

import base64
from datetime import timedelta
from typing import Any

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from sigap.cases.models import Case, Message
from sigap.cases.services import (
    CaseOptions,
    IncomingAttachment,
    IncomingMessage,
    case_add_note,
    case_create,
    case_message_add,
)
from sigap.catalog.models import Category
from sigap.channels.models import ChannelAccount, Conversation, OutboundMessage
from sigap.channels.services.staff_replies import staff_reply_send
from sigap.channels.tests.conftest import ACCESS_TOKEN, APP_SECRET, PHONE_NUMBER_ID, TEMPLATES
from sigap.contacts.models import ContactIdentity
from sigap.contacts.services import SenderIdentity
from sigap.routing.models import TriageResult
from sigap.sla.services import case_deadlines_recompute

WA_ID = "6281234567890"
# A 1×1 PNG: real bytes, so the upload checks sniff a real image.
PNG = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg=="
)


@pytest.fixture(autouse=True)
def _fast_passwords(settings: Any) -> None:
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def wa_line(pemda, agency_a) -> ChannelAccount:
    """DPUTR's own WhatsApp number (its quick-response line) with an approved template."""
    return ChannelAccount.objects.create(
        pemda=pemda, agency=agency_a, kind="whatsapp", code="wa-dputr", name="WA DPUTR",
        external_id=PHONE_NUMBER_ID, app_secret=APP_SECRET, access_token=ACCESS_TOKEN,
        config={"templates": TEMPLATES},
    )  # fmt: skip


@pytest.fixture
def wa_case(pemda, wa_line, category_a) -> Case:
    """A complaint that arrived on DPUTR's WhatsApp line a minute ago (window open)."""
    return whatsapp_case(pemda, wa_line, category_a)


def whatsapp_case(
    pemda: Any,
    account: ChannelAccount,
    category: Category | None,
    *,
    text: str = "Jalan berlubang di depan pasar Soreang",
    wa_id: str = WA_ID,
    external_id: str = "wamid.CASE1",
    window_open: bool = True,
    **options: Any,
) -> Case:
    message = IncomingMessage(
        channel="whatsapp",
        text=text,
        sender=SenderIdentity(external_id=wa_id, display_name="Siti Rahma", phone=wa_id),
        external_id=external_id,
        account_id=account.pk,
    )
    case = case_create(
        pemda=pemda, message=message, options=CaseOptions(category=category, **options)
    ).case
    identity = ContactIdentity.objects.get(channel="whatsapp", external_id=wa_id)
    last_in = timezone.now() - (timedelta(minutes=1) if window_open else timedelta(hours=30))
    Conversation.objects.update_or_create(
        account=account, identity=identity, defaults={"last_inbound_at": last_in}
    )
    return case


def page(client: Any, case: Case) -> Any:
    return client.get(reverse("console:case_detail", args=[case.tracking_number]))


def test_officer_sees_conversation_timeline_clocks_and_actions(client, staff_a, wa_case):
    case_deadlines_recompute(case=wa_case)
    client.force_login(staff_a)
    response = page(client, wa_case)
    assert response.status_code == 200
    body = response.content.decode()
    assert "Jalan berlubang di depan pasar Soreang" in body
    assert "Laporan dibuat" in body  # the timeline
    assert "Respons pertama" in body and "Sisa" in body  # a running SLA clock
    assert "Jendela balasan terbuka sampai" in body
    assert 'name="reply-text"' in body and 'name="claim-version"' in body
    assert f'value="{wa_case.version}"' in body
    assert 'name="dispose-reason"' in body and 'name="resolve-photo"' in body
    assert "<optgroup label=" in body  # disposition targets grouped by kind of agency


def test_other_agency_gets_404_and_leader_reads_without_actions(client, staff_b, leader, wa_case):
    client.force_login(staff_b)
    assert page(client, wa_case).status_code == 404
    client.force_login(leader)
    response = page(client, wa_case)
    body = response.content.decode()
    assert response.status_code == 200 and "Jalan berlubang" in body
    assert "hanya dapat membaca" in body
    assert "reply-text" not in body and "claim-version" not in body


def test_delivery_ticks_and_failure_reason_in_indonesian(client, staff_a, wa_case):
    sent = staff_reply_send(case=wa_case, actor=staff_a, text="Segera kami cek", key="k1")
    failed = staff_reply_send(case=wa_case, actor=staff_a, text="Tim sudah berangkat", key="k2")
    OutboundMessage.objects.filter(pk=sent.pk).update(status="read")
    Message.objects.filter(pk=sent.message_id).update(status="read")
    OutboundMessage.objects.filter(pk=failed.pk).update(
        status="failed", error_code="131026", last_error="Graph API 400 (131026): undeliverable"
    )
    Message.objects.filter(pk=failed.message_id).update(status="failed")
    client.force_login(staff_a)
    body = page(client, wa_case).content.decode()
    assert 'class="tick tick-read"' in body and "Dibaca" in body
    assert 'class="tick tick-failed"' in body and "Gagal" in body
    assert "Nomor warga tidak dapat menerima pesan WhatsApp." in body
    assert "131026" in body  # the technical detail stays available


def test_a_send_given_up_after_network_errors_is_not_said_to_be_retried(client, staff_a, wa_case):
    out = staff_reply_send(case=wa_case, actor=staff_a, text="Segera kami cek", key="k3")
    OutboundMessage.objects.filter(pk=out.pk).update(
        status="failed", error_code="network", last_error="ConnectTimeout"
    )
    Message.objects.filter(pk=out.message_id).update(status="failed")
    client.force_login(staff_a)
    body = page(client, wa_case).content.decode()
    assert "pengiriman dihentikan" in body and "akan dicoba lagi" not in body


def test_priority_changes_read_in_indonesian(client, coordinator, wa_case):
    from sigap.cases.services import case_set_priority

    case_set_priority(case=wa_case, actor=coordinator, priority="emergency", note="kebakaran")
    client.force_login(coordinator)
    body = page(client, wa_case).content.decode()
    assert "Normal → Darurat" in body and "normal → emergency" not in body


def test_anonymous_case_hides_reporter_and_masks_personal_data_for_the_agency(
    client, staff_a, coordinator, make_case, category_a
):
    text = "Saya Budi NIK 3204012508900001 hp 081234567890, jalan rusak parah"
    case = make_case(text, category=category_a, is_anonymous=True)
    client.force_login(staff_a)
    body = page(client, case).content.decode()
    assert "3204012508900001" not in body and "081234567890" not in body
    assert "Dirahasiakan (laporan anonim)" in body and "Siti Rahma" not in body
    client.force_login(coordinator)
    body = page(client, case).content.decode()
    assert "3204012508900001" in body and "Siti Rahma" in body


def test_routing_suggestion_emergency_location_and_visible_duplicates(
    client, staff_a, make_case, category_a, agency_a, agency_b
):
    case = make_case(category=category_a)
    twin = make_case("Jalan berlubang dekat pasar", category=category_a, sender="628111")
    hidden = make_case("Jalan berlubang juga", agency=agency_b, sender="628222")
    TriageResult.objects.create(
        case=case,
        confidence=0.62,
        needs_review=True,
        suggestions=[
            {"label": "dputr", "probability": 0.62, "agency_id": agency_a.pk, "agency": "DPUTR"},
            {"label": "dinkes", "probability": 0.21, "agency_id": agency_b.pk, "agency": "Dinkes"},
        ],
        emergency={
            "is_emergency": True,
            "kind": "flood",
            "confidence": 0.9,
            "reason": "flood: 'banjir' (base 1) -> score 2 >= 2",
            "summary": "Darurat terdeteksi: banjir, dari kata \u201cbanjir\u201d.",
        },
        place={"code": "32.04.01", "name": "Soreang", "score": 1.0},
        duplicates=[{"case_id": twin.pk, "score": 0.8}, {"case_id": hidden.pk, "score": 0.7}],
    )
    client.force_login(staff_a)
    body = page(client, case).content.decode()
    assert "Perlu ditinjau koordinator" in body and "62 %" in body and "21 %" in body
    assert "Darurat terdeteksi: banjir, dari kata" in body
    assert "Rincian teknis deteksi" in body and "score 2 &gt;= 2" in body
    assert "Dikenali dari teks laporan" in body
    assert reverse("console:case_detail", args=[twin.tracking_number]) in body
    assert hidden.tracking_number not in body  # Dinkes' case is not the officer's to see


def test_location_pin_renders_a_leaflet_map_with_dot_decimals(client, staff_a, pemda, category_a):
    message = IncomingMessage(
        channel="whatsapp",
        text="Pohon tumbang menutup jalan",
        sender=SenderIdentity(external_id="628333"),
        latitude=-7.0252,
        longitude=107.5197,
    )
    case = case_create(pemda=pemda, message=message, options=CaseOptions(category=category_a)).case
    client.force_login(staff_a)
    body = page(client, case).content.decode()
    assert 'data-lat="-7.0252"' in body and 'data-lng="107.5197"' in body
    assert "vendor/leaflet/leaflet.js" in body and "sigap/case.js" in body
    assert "Titik lokasi yang dibagikan warga" in body


def test_attachments_preview_and_scope_checked_download(
    client, staff_a, staff_b, make_case, category_a
):
    case = make_case(category=category_a)
    from sigap.cases.services import attachments_store

    (stored,) = attachments_store(case=case, incoming=(IncomingAttachment(PNG, "foto.png"),))
    url = reverse("console:case_attachment", args=[case.tracking_number, stored.sha256])
    client.force_login(staff_a)
    body = page(client, case).content.decode()
    assert f'<img src="{url}"' in body
    response = client.get(url)
    assert response.status_code == 200 and response["Content-Type"] == "image/png"
    assert b"".join(response.streaming_content) == PNG
    assert "no-store" in response["Cache-Control"]
    assert client.get(url.replace(stored.sha256, "0" * 64)).status_code == 404
    client.force_login(staff_b)
    assert client.get(url).status_code == 404
    client.logout()
    assert client.get(url).status_code == 302  # login required


def _grow(case: Case, n: int, staff: Any) -> None:
    for i in range(n):
        case_message_add(
            case=case,
            message=IncomingMessage(
                channel="whatsapp", text=f"tambahan {i}", sender=SenderIdentity(external_id=WA_ID)
            ),
        )
        case_add_note(case=case, actor=staff, text=f"catatan {i}")
        staff_reply_send(case=case, actor=staff, text=f"balasan {i}", key=f"grow-{i}")


def _count(client: Any, case: Case) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert page(client, case).status_code == 200
    return len(queries)


def test_query_count_does_not_grow_with_messages_and_events(
    client, staff_a, pemda, wa_line, category_a, django_assert_max_num_queries
):
    small = whatsapp_case(pemda, wa_line, category_a, wa_id="628444", external_id="wamid.S")
    large = whatsapp_case(pemda, wa_line, category_a, wa_id="628555", external_id="wamid.L")
    _grow(small, 1, staff_a)
    _grow(large, 12, staff_a)
    client.force_login(staff_a)
    page(client, small)  # warm per-process caches (calendars, content types)
    assert _count(client, small) == _count(client, large)
    with django_assert_max_num_queries(30):
        page(client, large)


def test_canned_replies_rendered_for_the_case_with_errors_for_unknown_variables(
    client, staff_a, wa_case, pemda, agency_a, agency_b
):
    from sigap.console.models import CannedReply

    CannedReply.objects.create(
        pemda=pemda,
        agency=None,
        title="Terima kasih",
        body="Yth. {nama}, laporan {nomor} kami terima.",
    )
    CannedReply.objects.create(
        pemda=pemda, agency=agency_a, title="Salah ketik", body="Halo {nama_lengkap}"
    )
    CannedReply.objects.create(pemda=pemda, agency=agency_b, title="Milik Dinkes", body="x")
    client.force_login(staff_a)
    body = page(client, wa_case).content.decode()
    assert f"Yth. Siti Rahma, laporan {wa_case.tracking_number} kami terima." in body
    assert "Variabel tidak dikenal: {nama_lengkap}" in body
    assert "Milik Dinkes" not in body


def test_unknown_case_is_404(client, staff_a, pemda):
    client.force_login(staff_a)
    assert client.get(reverse("console:case_detail", args=["UJI-0000-00000"])).status_code == 404


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ("Halo {nama", "kurung kurawal tidak berpasangan"),
        ("Kode {nomor.__class__}", "Variabel tidak dikenal: {nomor.__class__}"),
        ("Posisi {0} dan {}", "Variabel tidak dikenal: {}, {0}"),
    ],
)
def test_canned_render_refuses_unsafe_or_unknown_variables(body, message):
    from sigap.console.canned import canned_render
    from sigap.core.errors import DomainError

    with pytest.raises(DomainError) as error:
        canned_render(body, {"nomor": "UJI-1", "nama": "Siti"})
    assert message in error.value.message


def test_canned_name_is_neutral_for_anonymous_cases(make_case, category_a):
    from sigap.console.canned import canned_variables

    case = make_case(category=category_a, is_anonymous=True)
    assert canned_variables(case, reveal_name=True)["nama"] == "Bapak/Ibu"
    named = make_case(category=category_a, sender="628123")
    assert canned_variables(named, reveal_name=True)["nama"] == "Siti Rahma"
    assert canned_variables(named, reveal_name=False)["nama"] == "Bapak/Ibu"
    assert "/lacak/" in canned_variables(named, reveal_name=True)["tautan"]


def test_claim_is_offered_only_to_staff_who_may_hold_the_case(
    client, staff_a, coordinator, wa_case
):
    client.force_login(coordinator)
    body = page(client, wa_case).content.decode()
    assert 'name="claim-version"' not in body and 'name="dispose-reason"' in body
    client.force_login(staff_a)
    assert 'name="claim-version"' in page(client, wa_case).content.decode()


def test_a_finished_stage_says_whether_it_was_on_time_without_contradiction():
    from datetime import timedelta

    from django.utils import timezone

    from sigap.console.templatetags.case_page import _done

    due = timezone.now()
    late = _done("Respons pertama", due, due + timedelta(hours=10))
    assert (late.state, late.text) == ("overdue", "Selesai, 10 jam lewat batas")
    on_time = _done("Respons pertama", due, due - timedelta(minutes=1))
    assert (on_time.state, on_time.text) == ("done", "Selesai tepat waktu")
