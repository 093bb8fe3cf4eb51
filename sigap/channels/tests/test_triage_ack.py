"""The acknowledgement reflects the triage: the routed agency, and emergency guidance."""

from __future__ import annotations

from sigap.cases.models import Case
from sigap.catalog.models import Priority
from sigap.channels.models import OutboundMessage
from sigap.channels.tests.conftest import APP_SECRET, PHONE_NUMBER_ID, post, process_pending
from sigap.routing.models import TriageResult
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
    # The numbers come first: read in a panic, before the tracking details.
    assert text.startswith("DARURAT: jika keadaan ini sedang terjadi, segera hubungi 112")
    assert case.tracking_number in text.splitlines()[2]


def test_routed_case_acknowledgement_names_the_agency(client, wa_account, meta, router, agency_a):
    deliver(client, "jalan berlubang besar sekali di depan rumah", "6282222")
    case = Case.objects.get()
    assert case.agency == agency_a
    assert f"Ditangani oleh: {agency_a.name}" in OutboundMessage.objects.get().message.text


def test_common_question_is_answered_from_the_knowledge_base_and_a_person_is_one_reply_away(
    client, wa_account, meta, agency_a
):
    from sigap.routing.models import KnowledgeArticle

    KnowledgeArticle.objects.create(
        agency=agency_a,
        title="Syarat membuat KTP-el",
        questions=[
            "apa syarat bikin ktp",
            "syarat membuat ktp elektronik apa saja",
            "bikin ktp perlu apa aja",
        ],
        answer="Syarat KTP-el: fotokopi KK dan berusia 17 tahun. Layanan ini gratis.",
    )
    deliver(client, "mau tanya, syarat bikin ktp apa aja ya?", "6283333")
    assert Case.objects.count() == 0
    answer = OutboundMessage.objects.get(purpose="faq")
    assert "gratis" in answer.message.text and "PETUGAS" in answer.message.text
    assert answer.status == "sent"
    deliver(client, "petugas", "6283333")
    case = Case.objects.get()
    assert "syarat bikin ktp" in case.description
    assert OutboundMessage.objects.filter(purpose="ack").count() == 1


def test_a_complaint_on_the_same_topic_is_never_answered_automatically(
    client, wa_account, meta, agency_a
):
    from sigap.routing.models import KnowledgeArticle

    KnowledgeArticle.objects.create(
        agency=agency_a, title="Syarat membuat KTP-el",
        questions=["apa syarat bikin ktp", "syarat membuat ktp elektronik apa saja"],
        answer="Syarat KTP-el: fotokopi KK.",
    )  # fmt: skip
    deliver(client, "KTP saya belum jadi 3 bulan, pelayanan lambat sekali!", "6284444")
    assert Case.objects.count() == 1
    assert not OutboundMessage.objects.filter(purpose="faq").exists()
