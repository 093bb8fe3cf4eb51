"""A delivery with a bad part loses none of its good parts, and odd values are repaired.

Each delivery goes in as a signed webhook and through the worker's processing, as in
production; the assertions are on the stored cases, messages, acknowledgements and events.
"""

from __future__ import annotations

import time
from datetime import timedelta
from typing import Any

import pytest
from django.utils import timezone

from sigap.cases.models import Case, Message
from sigap.channels.models import EventStatus, InboundEvent, OutboundMessage
from sigap.channels.services import conversations
from sigap.channels.services.events import inbound_event_process
from sigap.channels.tests.conftest import APP_SECRET, PHONE_NUMBER_ID, post, process_pending
from sigap.standins import payloads


def text(body: str, wa_id: str, message_id: str, **kw: Any) -> dict[str, Any]:
    return payloads.whatsapp_text(body, wa_id=wa_id, message_id=message_id, **kw)


def deliver(client: Any, value: dict[str, Any]) -> InboundEvent:
    """One signed delivery whose single change carries ``value`` (any shape)."""
    envelope = payloads.whatsapp_envelope(phone_number_id=PHONE_NUMBER_ID)
    envelope["entry"][0]["changes"][0]["value"].update(value)
    assert post(client, payloads.meta_wire(envelope, APP_SECRET)).status_code == 200
    process_pending()
    return InboundEvent.objects.get()


def acks_to(wa_id: str) -> int:
    return OutboundMessage.objects.filter(
        purpose="ack", message__case__contact__phone=wa_id
    ).count()


def test_items_of_another_shape_are_skipped_and_their_neighbours_handled(client, wa_account):
    event = deliver(
        client,
        {
            "contacts": ["x", {"profile": {"name": "Siti"}, "wa_id": "6281200000101"}],
            "messages": [
                text("Jalan berlubang di Soreang", "6281200000101", "w.G1"),
                "garbage",
                {
                    "type": "interactive",
                    "id": "w.G2",
                    "from": "62812",
                    "interactive": {"type": {"x": 1}},
                },
                text("Sampah menumpuk di Banjaran", "6281200000102", "w.G3"),
            ],
            "statuses": ["delivered"],
            "errors": ["boom"],
        },
    )
    assert event.status == EventStatus.PROCESSED
    assert sorted(Case.objects.values_list("description", flat=True)) == [
        "Jalan berlubang di Soreang", "Sampah menumpuk di Banjaran",
    ]  # fmt: skip
    assert acks_to("6281200000101") == 1 and acks_to("6281200000102") == 1
    assert Case.objects.get(contact__phone="6281200000101").contact.display_name == "Siti"
    assert "not objects skipped" in event.last_error and "malformed message" in event.last_error


def test_a_change_that_is_not_an_object_loses_nothing_else(client, wa_account):
    change = payloads.whatsapp_envelope(
        phone_number_id=PHONE_NUMBER_ID, messages=[text("Banjir di Dayeuhkolot", "628111", "w.C1")]
    )["entry"][0]["changes"][0]
    envelope = {"object": "whatsapp_business_account", "entry": [{"changes": [change, "x"]}, 7]}
    post(client, payloads.meta_wire(envelope, APP_SECRET))
    process_pending()
    assert Case.objects.get().description == "Banjir di Dayeuhkolot"
    assert InboundEvent.objects.get().status == EventStatus.PROCESSED


def test_values_the_database_or_intake_would_refuse_are_repaired(client, wa_account):
    now = time.time()
    event = deliver(
        client,
        {
            "messages": [
                text("a" * 30_000, "6281300000001", "w.V1"),
                text("Jalan rusak\x00 parah \ud800 di Ciparay", "6281300000002", "w.V2"),
                text("Pohon tumbang di Katapang", "6281300000003", "w.V3", timestamp=1),
                text("Lampu mati di Baleendah", "6281300000004", "w.V4", timestamp=now + 9e8),
                text("Got mampet di Cileunyi", "6" * 40, "w.V5"),
            ]
        },
    )
    assert event.status == EventStatus.PROCESSED
    cases = {m.external_id: m.case for m in Message.objects.filter(direction="in")}
    assert set(cases) == {"w.V1", "w.V2", "w.V3", "w.V4", "w.V5"}
    assert len(cases["w.V1"].description) == 20_000 and cases["w.V1"].description.endswith("…")
    assert cases["w.V2"].description == "Jalan rusak parah \ufffd di Ciparay"
    recent = timezone.now() - timedelta(minutes=5)
    assert cases["w.V3"].created_at > recent and cases["w.V4"].created_at < timezone.now()
    assert cases["w.V5"].contact.phone == ""
    assert OutboundMessage.objects.filter(purpose="ack").count() == 5
    for note in ("text cut", "replaced by arrival time", "not a phone number"):
        assert note in event.last_error


def test_a_pin_off_the_earth_keeps_its_words(client, wa_account):
    pin = payloads.whatsapp_location(999.0, 107.5, name="Alun-alun Soreang", wa_id="628140")
    event = deliver(client, {"messages": [pin]})
    case = Case.objects.get()
    assert case.latitude is None and "Alun-alun Soreang" in case.description
    assert "not a place on Earth" in event.last_error


def test_only_invisible_characters_make_no_case(client, wa_account):
    event = deliver(client, {"messages": [text("  \u200b\n\t\u200d ", "628150", "w.I1")]})
    assert Case.objects.count() == 0 and OutboundMessage.objects.count() == 0
    assert event.status == EventStatus.IGNORED and "nothing left" in event.last_error


@pytest.fixture
def breaks_on(monkeypatch: Any) -> list[str]:
    """A fault in our own code on chosen messages (as a bug would be): ``ValueError`` for ids
    listed, a dropped database connection for ids starting ``drop``."""
    from django.db import OperationalError

    broken: list[str] = []
    real = conversations.inbound_message_handle

    def handle(*, account: Any, message: Any) -> Any:
        if message.external_id in broken:
            raise ValueError("a value our code cannot take")
        if message.external_id.startswith("drop") and message.external_id in broken_once:
            broken_once.remove(message.external_id)
            raise OperationalError("server closed the connection unexpectedly")
        return real(account=account, message=message)

    broken_once: list[str] = ["drop.1"]
    monkeypatch.setattr(conversations, "inbound_message_handle", handle)
    return broken


def test_a_message_that_cannot_be_handled_ends_dead_and_its_neighbours_are_handled(
    client, wa_account, breaks_on
):
    breaks_on.append("w.B2")
    event = deliver(
        client,
        {
            "messages": [
                text("Jalan berlubang di Soreang", "6281600000001", "w.B1"),
                text("pesan yang memicu bug", "6281600000002", "w.B2"),
                text("Sampah di Banjaran", "6281600000003", "w.B3"),
            ]
        },
    )
    assert event.status == EventStatus.DEAD and event.attempts == 1  # no retries wasted
    assert "w.B2" in event.last_error and "ValueError" in event.last_error
    assert acks_to("6281600000001") == 1 and acks_to("6281600000003") == 1
    assert not Message.objects.filter(external_id="w.B2").exists()
    # Once the bug is fixed an admin replays the event: only the missing message is new.
    breaks_on.clear()
    InboundEvent.objects.filter(pk=event.pk).update(status=EventStatus.PENDING)
    assert inbound_event_process(event.pk) == EventStatus.PROCESSED
    assert Case.objects.count() == 3 and OutboundMessage.objects.filter(purpose="ack").count() == 3


def test_a_failure_that_may_pass_retries_the_event_without_holding_the_rest(
    client, wa_account, breaks_on
):
    event = deliver(
        client,
        {
            "messages": [
                text("Jalan berlubang di Soreang", "6281700000001", "drop.1"),
                text("Sampah di Banjaran", "6281700000002", "w.D2"),
            ]
        },
    )
    assert event.status == EventStatus.FAILED and event.next_attempt_at is not None
    assert acks_to("6281700000002") == 1 and acks_to("6281700000001") == 0
    InboundEvent.objects.filter(pk=event.pk).update(next_attempt_at=None)
    assert inbound_event_process(event.pk) == EventStatus.PROCESSED
    assert acks_to("6281700000001") == 1 and acks_to("6281700000002") == 1
