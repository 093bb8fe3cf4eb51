"""A new case commits before its triage and acknowledgement; a crash in between loses nothing.

The split keeps the Pemda's tracking-number counter locked only while the case is inserted (the
ingest benchmark found every worker queuing behind it while triage ran). The price is a window
in which the case exists without its triage or acknowledgement; these tests kill the second
transaction and check that the event's retry finishes the case exactly once.
"""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from django.utils import timezone

from sigap.cases.models import Case, Message
from sigap.channels.models import EventStatus, InboundEvent, OutboundMessage
from sigap.channels.services import conversations
from sigap.channels.services.events import inbound_event_process
from sigap.channels.services.outbox import outbox_due
from sigap.channels.tests.conftest import post, process_pending
from sigap.channels.tests.test_whatsapp import WA_ID, inbound
from sigap.routing.models import TriageResult
from sigap.standins import payloads


class WorkerDied(Exception):
    """Stands for the process dying between the two transactions."""


@pytest.fixture
def dies_once(monkeypatch: Any) -> list[int]:
    calls: list[int] = []
    real = conversations._intake_finish

    def finish(account: Any, identity: Any, case: Case) -> Any:
        calls.append(case.pk)
        if len(calls) == 1:
            raise WorkerDied
        return real(account, identity, case)

    monkeypatch.setattr(conversations, "_intake_finish", finish)
    return calls


def _retry(event: InboundEvent) -> str:
    InboundEvent.objects.filter(pk=event.pk).update(next_attempt_at=None)
    return inbound_event_process(event.pk)


def test_case_committed_before_a_crash_is_finished_by_the_retry(
    client, wa_account, meta, dies_once
):
    post(client, inbound(payloads.whatsapp_text("Jalan amblas di Banjaran", wa_id=WA_ID)))
    assert process_pending() == ["failed"]
    case = Case.objects.get()  # committed by the first transaction
    assert not TriageResult.objects.filter(case=case).exists()
    assert not OutboundMessage.objects.exists()
    event = InboundEvent.objects.get()
    assert event.status == EventStatus.FAILED and "WorkerDied" in event.last_error

    assert _retry(event) == "processed"
    assert Case.objects.count() == 1 and Message.objects.filter(direction="in").count() == 1
    assert TriageResult.objects.filter(case=case).count() == 1
    ack = OutboundMessage.objects.get()
    assert ack.purpose == "ack" and case.tracking_number in ack.message.text
    assert len(dies_once) == 2


def test_finished_case_is_not_acknowledged_again_on_a_retry(client, wa_account, meta):
    post(client, inbound(payloads.whatsapp_text("Sampah menumpuk di Pameungpeuk", wa_id=WA_ID)))
    assert process_pending() == ["processed"]
    event = InboundEvent.objects.get()
    InboundEvent.objects.filter(pk=event.pk).update(status=EventStatus.FAILED)
    assert _retry(event) == "processed"
    assert Case.objects.count() == 1 and OutboundMessage.objects.count() == 1


def test_send_left_sending_by_a_dead_worker_is_queued_again_after_the_lease(
    client, wa_account, meta, settings
):
    post(client, inbound(payloads.whatsapp_text("Lampu PJU mati di Cileunyi", wa_id=WA_ID)))
    process_pending()
    ack = OutboundMessage.objects.get()
    settings.SIGAP_OUTBOX_SENDING_LEASE_SECONDS = 60
    # A worker claimed the row 30 s ago and died before recording the provider's answer.
    claimed = timezone.now() - timedelta(seconds=30)
    OutboundMessage.objects.filter(pk=ack.pk).update(status="sending", claimed_at=claimed)
    assert outbox_due() == []
    OutboundMessage.objects.filter(pk=ack.pk).update(claimed_at=claimed - timedelta(seconds=60))
    assert outbox_due() == [ack.pk]
    assert OutboundMessage.objects.get(pk=ack.pk).status == "queued"
