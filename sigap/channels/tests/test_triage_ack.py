"""The acknowledgement reflects the triage: the routed agency, and emergency guidance."""

from __future__ import annotations

from sigap.cases.models import Case
from sigap.catalog.models import Priority
from sigap.channels.models import OutboundMessage
from sigap.channels.tests.conftest import APP_SECRET, PHONE_NUMBER_ID, post, process_pending
from sigap.routing.models import RoutingModel, TriageResult
from sigap.routing.training import router_cache_clear, routing_train
from sigap.standins import payloads


def deliver(client, text, wa_id):
    wire = payloads.whatsapp_inbound(
        payloads.whatsapp_text(text, wa_id=wa_id),
        app_secret=APP_SECRET,
        phone_number_id=PHONE_NUMBER_ID,
    )
    post(client, wire)
    process_pending()


def test_emergency_acknowledgement_gives_numbers_and_asks_for_location(client, wa_account, meta):
    deliver(
        client, "TOLONG!!! kebakaran rumah di Baleendah sekarang, apinya masih besar", "6281111"
    )
    case = Case.objects.get()
    assert case.priority == Priority.EMERGENCY
    assert TriageResult.objects.get(case=case).emergency["kind"] == "fire"
    text = OutboundMessage.objects.get().message.text
    assert "112" in text and "113" in text and "lokasi" in text


def test_routed_case_acknowledgement_names_the_agency(
    client, wa_account, meta, pemda, agency_a, agency_b, category_a
):
    from sigap.catalog.models import Category

    category_a.examples = [
        "jalan berlubang besar", "aspal rusak parah", "jalan desa rusak", "jalan bolong",
        "perbaikan jalan rusak", "jalan amblas berlubang",
    ]  # fmt: skip
    category_a.save()
    Category.objects.create(
        pemda=pemda, code="puskesmas", name="Puskesmas", kind="complaint", default_agency=agency_b,
        examples=["puskesmas antri lama", "perawat judes", "dokter tidak ada", "obat habis"],
    )  # fmt: skip
    routing_train(pemda=pemda)
    RoutingModel.objects.update(threshold=0.5)
    router_cache_clear()
    deliver(client, "jalan berlubang besar sekali di depan rumah", "6282222")
    case = Case.objects.get()
    assert case.agency == agency_a
    assert f"Ditangani oleh: {agency_a.name}" in OutboundMessage.objects.get().message.text
