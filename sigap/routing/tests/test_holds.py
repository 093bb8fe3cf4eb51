"""Floods are held back for review, never dropped; abusive language is flagged, still served."""

from __future__ import annotations

import pytest

from sigap.agencies.selectors import staff_scope
from sigap.cases.models import Case, CaseEvent, CaseStatus, EventKind
from sigap.catalog.models import Priority
from sigap.channels.models import OutboundMessage
from sigap.channels.tests import conftest as channel_fixtures
from sigap.channels.tests.conftest import APP_SECRET, PHONE_NUMBER_ID, post, process_pending
from sigap.core.errors import DomainError, NotFound, PermissionDenied
from sigap.routing.holds import case_hold_confirm_spam, case_hold_release, held_case_list
from sigap.routing.models import RoutingModel, TriagePolicy, TriageResult
from sigap.routing.tests.test_triage import HEALTH, ROADS, history_csv
from sigap.routing.training import router_cache_clear, routing_history_import, routing_train
from sigap.routing.triage import case_triage
from sigap.standins import payloads

# The channel tests' fixtures: the Bupati's WhatsApp line and the Meta stand-in over HTTP.
_fresh_webhook_keys = channel_fixtures._fresh_webhook_keys
leader_office = channel_fixtures.leader_office
wa_account = channel_fixtures.wa_account
meta = channel_fixtures.meta

CHAIN = (
    "Mohon segera perbaiki jalan rusak di depan SDN 2 Sukamaju, sudah tiga bulan dibiarkan!! "
    "Sebarkan ke grup lain biar cepat ditanggapi"
)
# The same words, typed or forwarded a little differently: still the same text.
CHAIN_VARIANT = (
    "MOHON segera perbaiki jalan rusak di depan SDN 2 Sukamaju sudah tiga bulan dibiarkan... "
    "sebarkan ke grup lain biar cepat ditanggapi 🙏🙏"
)


@pytest.fixture
def router(pemda, agency_a, agency_b, tmp_path):
    """A router sure of road complaints (its threshold lowered so every road text routes)."""
    rows = [(t, "DPUTR") for t in ROADS * 3] + [(t, "dinkes") for t in HEALTH * 3]
    routing_history_import(pemda=pemda, path=history_csv(tmp_path, rows))
    routing_train(pemda=pemda)
    RoutingModel.objects.update(threshold=0.01)
    router_cache_clear()


def triaged(make_case, text, sender, **options):
    case = make_case(text, sender=sender, **options)
    result = case_triage(case)
    case.refresh_from_db()
    return case, result


def test_identical_text_from_many_contacts_is_held_after_the_limit(
    router, make_case, agency_a, coordinator, staff_a
):
    texts = [CHAIN, CHAIN_VARIANT] * 3
    outcomes = [triaged(make_case, text, f"62812000{n}") for n, text in enumerate(texts)]
    assert Case.objects.count() == 6  # nothing dropped
    for case, result in outcomes[:4]:
        assert not result.held and case.agency == agency_a
    for case, result in outcomes[4:]:
        assert result.held and result.needs_review and not result.auto_routed
        assert case.agency is None and not case.dispositions.exists()
        assert [r["code"] for r in result.hold_reasons] == ["identical_contacts"]
        assert "kontak berbeda" in result.hold_reasons[0]["message"]
        held_note = CaseEvent.objects.get(case=case, kind=EventKind.NOTE, data__triage="held")
        assert "Ditahan untuk ditinjau" in held_note.note
    queue = list(held_case_list(staff_scope(coordinator)))
    assert queue == [outcomes[4][0], outcomes[5][0]]
    assert list(held_case_list(staff_scope(staff_a))) == []


def test_short_greetings_from_many_people_are_not_a_flood(make_case):
    results = [triaged(make_case, "Assalamualaikum min", f"62813000{n}")[1] for n in range(7)]
    assert not any(result.held for result in results)


def test_contact_over_its_hourly_limit_is_held(pemda, make_case):
    TriagePolicy.objects.create(pemda=pemda, contact_max_per_hour=2)
    texts = [
        "Lampu PJU di jalan Cibaduyut mati sudah seminggu",
        "Got di gang Mawar mampet, air meluap ke rumah warga",
        "Pohon tumbang menutupi trotoar dekat alun-alun",
    ]
    results = [triaged(make_case, t, "6281355501", channel="email")[1] for t in texts]
    assert [r.held for r in results] == [False, False, True]
    reason = results[2].hold_reasons[0]
    assert reason["code"] == "contact_hour" and reason["count"] == 3 and reason["limit"] == 2


def test_one_contact_repeating_a_text_is_held_with_the_settings_limit(settings, make_case):
    settings.SIGAP_HOLD_IDENTICAL_MAX_PER_CONTACT = 1
    text = "Sampah di TPS Pasar Baleendah numpuk sampai ke jalan, bau sekali"
    first = triaged(make_case, text, "6281366601", channel="email")[1]
    second = triaged(make_case, text + "!!!", "6281366601", channel="email")[1]
    assert not first.held and second.held
    assert [r["code"] for r in second.hold_reasons] == ["identical_contact"]


def test_an_emergency_is_never_held(make_case):
    text = "TOLONG kebakaran di pasar Banjaran sekarang, api sudah besar merembet ke kios lain"
    results = [triaged(make_case, text, f"62814000{n}") for n in range(6)]
    assert not any(result.held for _case, result in results)
    assert all(case.priority == Priority.EMERGENCY for case, _result in results)


@pytest.fixture
def held_case(router, make_case):
    for n in range(4):
        triaged(make_case, CHAIN, f"62815000{n}")
    case, result = triaged(make_case, CHAIN, "628150009")
    assert result.held
    return case


def test_release_routes_the_case_and_records_who_released_it(
    held_case, coordinator, agency_a, staff_a, leader
):
    with pytest.raises(NotFound):  # the agency cannot see an unrouted held case at all
        case_hold_release(case=held_case, actor=staff_a)
    with pytest.raises(PermissionDenied):  # the leader reads, the coordinator decides
        case_hold_release(case=held_case, actor=leader)
    result = case_hold_release(case=held_case, actor=coordinator)
    held_case.refresh_from_db()
    assert not result.held and result.hold_resolution == "released"
    assert result.hold_resolved_by == coordinator and result.hold_resolved_at is not None
    assert result.hold_reasons  # the reasons stay on record
    assert held_case.agency == agency_a and result.auto_routed
    kinds = list(held_case.events.values_list("kind", "data__triage"))
    assert (EventKind.NOTE, "hold_released") in kinds and (EventKind.ROUTED, None) in kinds
    assert list(held_case_list(staff_scope(coordinator))) == []
    with pytest.raises(DomainError, match="tidak sedang ditahan"):
        case_hold_release(case=held_case, actor=coordinator)


def test_confirmed_spam_is_rejected_with_the_reason(held_case, coordinator):
    with pytest.raises(DomainError, match="Tuliskan alasan"):
        case_hold_confirm_spam(case=held_case, actor=coordinator, note="  ")
    held_case.refresh_from_db()
    assert held_case.status == CaseStatus.NEW and TriageResult.objects.get(case=held_case).held
    result = case_hold_confirm_spam(
        case=held_case, actor=coordinator, note="pesan berantai, laporan aslinya BDG-2611-00012"
    )
    held_case.refresh_from_db()
    assert held_case.status == CaseStatus.REJECTED and held_case.agency is None
    assert result.hold_resolution == "spam" and not result.held and not result.needs_review
    event = held_case.events.get(kind=EventKind.STATUS_CHANGED)
    assert event.actor == coordinator and event.to_value == CaseStatus.REJECTED
    assert event.note == "Spam: pesan berantai, laporan aslinya BDG-2611-00012"


def test_abuse_toward_staff_is_flagged_and_the_case_still_routed(router, make_case, agency_a):
    case, result = triaged(
        make_case,
        "Dasar petugas goblok!! jalan berlubang di depan sekolah dari bulan lalu nggak "
        "diperbaiki, anjing lu semua",
        "6281777701",
    )
    assert result.abuse["is_abusive"] and result.abuse["severity"] == "severe"
    assert {"goblok", "anjing"} <= set(result.abuse["terms"])
    note = case.events.get(kind=EventKind.NOTE, data__triage="abuse")
    assert "kata kasar berat" in note.note and "Tetap layani" in note.note
    assert not result.held and case.agency == agency_a


def test_polite_complaint_gets_no_abuse_note(make_case):
    case, result = triaged(make_case, "Anjing liar menggigit anak di Kampung Cikoneng", "62818")
    assert not result.abuse["is_abusive"]
    assert not case.events.filter(data__triage="abuse").exists()


# End to end: signed WhatsApp webhooks to the Bupati's line, processed as a worker would.


def deliver(client, text: str, wa_id: str, message_id: str) -> None:
    wire = payloads.whatsapp_inbound(
        payloads.whatsapp_text(text, wa_id=wa_id, message_id=message_id),
        app_secret=APP_SECRET,
        phone_number_id=PHONE_NUMBER_ID,
    )
    assert post(client, wire).status_code == 200
    assert process_pending() == ["processed"]


def acks_to(wa_id: str) -> int:
    return OutboundMessage.objects.filter(purpose="ack", identity__external_id=wa_id).count()


def test_whatsapp_chain_message_from_many_numbers_is_held_and_each_number_acked_once(
    client, wa_account, meta
):
    numbers = [f"6285700000{n}" for n in range(6)]
    for n, wa_id in enumerate(numbers):
        deliver(client, CHAIN, wa_id, f"wamid.CHAIN{n}")
    cases = list(Case.objects.order_by("pk"))
    assert len(cases) == 6 and all(c.channel == "whatsapp" for c in cases)
    held = [c.triage.held for c in cases]
    assert held == [False, False, False, False, True, True]
    assert cases[5].triage.hold_reasons[0]["count"] == 6
    # A first acknowledgement per number: the citizen knows the message arrived.
    assert [acks_to(wa_id) for wa_id in numbers] == [1] * 6
    held_ack = OutboundMessage.objects.get(identity__external_id=numbers[5]).message.text
    assert cases[5].tracking_number in held_ack and "sedang diverifikasi" in held_ack
    assert len(meta.requests(path_contains=f"/{PHONE_NUMBER_ID}/messages")) == 6


def test_whatsapp_flood_from_one_number_gets_no_more_acknowledgements(
    client, wa_account, meta, settings
):
    # A number whose messages do not thread into one case (the join window is off), as when
    # a bot re-sends after each case closes: every message becomes a new case.
    settings.SIGAP_CONVERSATION_JOIN_HOURS = 0
    text = "Jalan di depan Puskesmas Soreang berlubang besar, motor sering jatuh"
    for n in range(5):
        deliver(client, text, "6285711111", f"wamid.FLOOD{n}")
    cases = list(Case.objects.order_by("pk"))
    assert len(cases) == 5  # every message stored
    assert [c.triage.held for c in cases] == [False, False, True, True, True]
    assert {r["code"] for c in cases[2:] for r in c.triage.hold_reasons} == {"identical_contact"}
    # Two cases not held, two acknowledgements; the held ones add none.
    assert acks_to("6285711111") == 2
    assert OutboundMessage.objects.count() == 2
    assert len(meta.requests(path_contains=f"/{PHONE_NUMBER_ID}/messages")) == 2
    first_held = cases[2]
    assert not first_held.messages.filter(direction="out").exists()
    assert first_held.messages.filter(direction="in").count() == 1


def test_whatsapp_number_over_its_hourly_limit_is_held_with_different_texts(
    client, wa_account, meta, settings, pemda
):
    settings.SIGAP_CONVERSATION_JOIN_HOURS = 0
    TriagePolicy.objects.create(pemda=pemda, contact_max_per_hour=2)
    texts = [
        "Lampu jalan di Jl. Raya Soreang depan kantor pos mati",
        "Saluran air di Gang Melati tersumbat sampah plastik",
        "Ada pohon tumbang di Jl. Gading Tutuka, menutup separuh jalan",
        "Trotoar dekat Stadion Si Jalak Harupat rusak dan berlubang",
    ]
    for n, text in enumerate(texts):
        deliver(client, text, "6285722222", f"wamid.RATE{n}")
    cases = list(Case.objects.order_by("pk"))
    assert [c.description for c in cases] == texts  # all stored
    assert [c.triage.held for c in cases] == [False, False, True, True]
    assert [r["code"] for r in cases[3].triage.hold_reasons] == ["contact_hour"]
    assert cases[3].triage.hold_reasons[0]["count"] == 4
    assert acks_to("6285722222") == 2


def test_a_policy_edited_in_the_admin_applies_at_once_in_its_process(
    client, pemda, django_user_model, django_capture_on_commit_callbacks
):
    from sigap.routing.holds import policy_cached

    policy = TriagePolicy.objects.create(pemda=pemda, contact_max_per_hour=3)
    assert policy_cached(pemda.pk).contact_max_per_hour == 3  # now cached for 30 s
    TriagePolicy.objects.filter(pk=policy.pk).update(contact_max_per_hour=4)
    assert policy_cached(pemda.pk).contact_max_per_hour == 3  # an edit elsewhere waits
    sysadmin = django_user_model.objects.create_user(
        "sysadmin", password="x-panjang-sekali-1", is_staff=True, is_superuser=True
    )
    client.force_login(sysadmin)
    form = client.get(f"/admin/routing/triagepolicy/{policy.pk}/change/").context["adminform"]
    data = {name: value for name, value in form.form.initial.items() if value is not None}
    data.update(pemda=pemda.pk, contact_max_per_hour=9)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"/admin/routing/triagepolicy/{policy.pk}/change/", data)
    assert response.status_code == 302, response.content.decode()[:2000]
    assert TriagePolicy.objects.get(pk=policy.pk).contact_max_per_hour == 9
    assert policy_cached(pemda.pk).contact_max_per_hour == 9
