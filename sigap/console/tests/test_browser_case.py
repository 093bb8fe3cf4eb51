"""The case page in a real Chromium: an officer claims and replies over WhatsApp, a coordinator
disposes with a reason, and the location shows on the map."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from sigap.cases.models import Case, Disposition
from sigap.cases.services import CaseOptions, IncomingMessage, case_create
from sigap.channels.models import OutboundMessage
from sigap.channels.services.outbox import outbound_send
from sigap.channels.tests.conftest import ACCESS_TOKEN, APP_SECRET, PHONE_NUMBER_ID
from sigap.console.models import CannedReply
from sigap.console.tests.conftest import login
from sigap.console.tests.test_case_page import WA_ID, wa_case, wa_line
from sigap.contacts.services import SenderIdentity
from sigap.standins import meta as meta_standin

pytestmark = pytest.mark.browser
__all__ = ["wa_case", "wa_line"]  # fixtures shared with the page tests


@pytest.fixture(autouse=True)
def _offline_map(settings: Any) -> None:
    settings.SIGAP_MAP_TILE_URL = ""  # no tile server here; the pin must show without one


@pytest.fixture
def meta(settings: Any) -> Iterator[Any]:
    with meta_standin.serve(
        tokens={PHONE_NUMBER_ID: ACCESS_TOKEN}, status_webhooks=False, app_secret=APP_SECRET
    ) as server:
        settings.SIGAP_META_GRAPH_URL = f"{server.url}/v21.0"
        yield server


def open_case(page: Any, base: str, username: str, case: Case) -> None:
    login(page, base, username)
    page.wait_for_url("**/konsol/")
    page.goto(f"{base}/konsol/laporan/{case.tracking_number}/")


def test_officer_claims_and_replies_through_whatsapp(
    page, live_server, staff_a, wa_case, meta, pemda
):
    CannedReply.objects.create(
        pemda=pemda, title="Diterima", body="Yth. {nama}, laporan {nomor} sedang kami tangani."
    )
    meta.open_window(PHONE_NUMBER_ID, WA_ID)
    open_case(page, live_server.url, "petugas.a", wa_case)
    page.click("text=Ambil laporan ini (tugaskan ke saya)")
    page.wait_for_selector("text=sekarang Anda tangani")
    assert page.locator(".case-assignee").inner_text() == "petugas.a"
    page.select_option("#canned-select", label="Diterima")
    expected = f"Yth. Siti Rahma, laporan {wa_case.tracking_number} sedang kami tangani."
    assert page.input_value("#id_reply-text") == expected
    page.click("text=Kirim balasan")
    page.wait_for_selector("text=Balasan masuk antrean kirim.")
    assert expected in page.locator("#case-conversation").inner_text()
    outbound = OutboundMessage.objects.get(purpose="reply")
    assert outbound_send(outbound.pk) == "sent"
    sent = meta.requests(path_contains=f"/{PHONE_NUMBER_ID}/messages")[-1].json
    assert sent["to"] == WA_ID and sent["text"]["body"] == expected
    page.reload()
    assert "✓ Terkirim" in page.locator("#case-conversation").inner_text()


def test_coordinator_disposes_with_a_reason(page, live_server, coordinator, agency_b, wa_case):
    open_case(page, live_server.url, "koordinator", wa_case)
    page.click("summary:has-text('Disposisi ke instansi lain')")
    page.select_option("#id_dispose-to_agency", label="Dinkes")
    page.select_option("#id_dispose-reason", value="not_our_authority")
    page.click(".case-form-dispose button[type=submit]")
    # The browser's own check stops an empty reason; the page keeps what was chosen.
    assert page.locator("#id_dispose-note").evaluate("el => el.validity.valueMissing")
    page.fill("#id_dispose-note", "Keluhan layanan puskesmas, bukan jalan")
    page.click(".case-form-dispose button[type=submit]")
    page.wait_for_selector("text=Laporan didisposisikan ke Dinkes.")
    hop = Disposition.objects.filter(case=wa_case).order_by("-id").first()
    assert (hop.to_agency, hop.reason, hop.actor) == (agency_b, "not_our_authority", coordinator)
    assert "Bukan wewenang" in page.locator("main").inner_text()


def test_stale_form_shows_the_conflict_message(page, live_server, staff_a, admin_a, wa_case):
    open_case(page, live_server.url, "petugas.a", wa_case)
    from sigap.cases.services import case_claim

    case_claim(case=wa_case, actor=admin_a)  # a colleague acts while the page is open
    page.click("summary:has-text('Ubah prioritas')")
    page.select_option("#id_priority-priority", value="high")
    page.click("text=Simpan prioritas")
    page.wait_for_selector("text=sudah diubah oleh petugas lain")
    assert "admin.a" in page.locator(".case-assignee").inner_text()


def test_location_pin_on_the_map(page, live_server, staff_a, pemda, category_a):
    message = IncomingMessage(
        channel="whatsapp",
        text="Pohon tumbang menutup jalan",
        sender=SenderIdentity(external_id="628333"),
        latitude=-7.0252,
        longitude=107.5197,
    )
    case = case_create(pemda=pemda, message=message, options=CaseOptions(category=category_a)).case
    open_case(page, live_server.url, "petugas.a", case)
    page.wait_for_selector(".case-map .leaflet-marker-icon")
    assert page.locator(".case-map.leaflet-container").count() == 1
