"""The intake's second transaction works on the one case row triage locked: the SLA clock, the
acknowledgement and the hooks after the commit read that row instead of the database again.
These tests check that what they read is what was committed (a priority raised by an incident,
an agency that auto-assigns, a number switched off) and that a retry still finds its way."""

from __future__ import annotations

import copy
from typing import Any

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django_tasks_db.models import DBTaskResult

from sigap.agencies.rosters import roster_setting_update
from sigap.cases.models import Case, EventKind
from sigap.catalog.models import Priority
from sigap.channels.models import ChannelAccount, EventStatus, InboundEvent, OutboundMessage
from sigap.channels.services import conversations, replies
from sigap.channels.services.events import inbound_event_process
from sigap.channels.tests.conftest import stored_text
from sigap.routing.incidents import case_incident_link
from sigap.routing.models import IncidentMember, TriagePolicy, TriageResult
from sigap.routing.tasks import case_incident_task
from sigap.routing.tests.queued import incident_tasks_run
from sigap.routing.triage import case_triage
from sigap.sla.models import SlaPolicy, SlaRule
from sigap.sla.services import case_first_response_due


@pytest.fixture
def intake(transactional_db, client, wa_account, meta, places, router) -> Any:
    """Process one WhatsApp text end to end; returns its case."""

    def process(text: str, wa_id: str, message_id: str) -> Case:
        assert inbound_event_process(stored_text(client, text, wa_id, message_id)) == "processed"
        return Case.objects.select_related("pemda").get(messages__external_id=message_id)

    return process


def test_the_incident_raises_priority_after_the_acknowledgement(intake, pemda):
    TriagePolicy.objects.create(pemda=pemda, incident_min_reporters=2)
    high = SlaPolicy.objects.create(code="tinggi", name="Tinggi", first_response_minutes=7)
    SlaRule.objects.create(pemda=pemda, priority=Priority.HIGH, policy=high)
    intake("jalan berlubang besar di Banjaran depan pasar", "6281100011", "w.I1")
    case = intake("jalan berlubang besar di Banjaran dekat pasar", "6281100012", "w.I2")

    # The intake acknowledges on the clock triage left: the incident's bookkeeping is queued
    # (committed with the triage) and has not run yet.
    assert case.priority == Priority.NORMAL
    ack = OutboundMessage.objects.select_related("message").get(message__case=case)
    assert replies._local(case.first_response_due_at, case) in ack.message.text
    assert not IncidentMember.objects.filter(case=case).exists()
    queued = DBTaskResult.objects.get(task_path=case_incident_task.module_path)
    assert queued.args_kwargs["kwargs"] == {"case_id": case.pk}
    assert queued.priority < 0  # behind the intake of other messages in a burst

    # The worker links both reports; two reporters make the incident large enough, so both
    # cases are raised, each with its clock recomputed by the hooks after that commit.
    assert incident_tasks_run() == 1
    case.refresh_from_db()
    assert case.priority == Priority.HIGH
    assert case.first_response_due_at == case_first_response_due(case)
    as_normal = copy.copy(case)
    as_normal.priority = Priority.NORMAL
    assert case_first_response_due(as_normal) != case.first_response_due_at
    kinds = list(case.events.order_by("created_at", "id").values_list("kind", flat=True))
    assert kinds == [
        EventKind.CREATED, EventKind.LOCATION, EventKind.ROUTED, EventKind.MESSAGE_OUT,
        EventKind.NOTE, EventKind.PRIORITY_CHANGED,
    ]  # fmt: skip
    assert case.version == 4  # created, placed, routed, raised: one step each
    first = Case.objects.get(messages__external_id="w.I1")
    assert first.priority == Priority.HIGH
    assert first.first_response_due_at == case_first_response_due(first)
    assert IncidentMember.objects.get(case=first).incident_id == case.incident_member.incident_id

    # A repeated task (a worker that died before marking it done) changes nothing.
    assert case_incident_link(case.pk) is None
    assert case.events.filter(kind=EventKind.NOTE, data__triage="incident").count() == 1


def test_an_emergency_in_a_large_incident_stays_an_emergency(intake, pemda):
    TriagePolicy.objects.create(pemda=pemda, incident_min_reporters=2)
    intake("kebakaran rumah di Banjaran dekat pasar, api besar", "6281100021", "w.F1")
    case = intake("TOLONG kebakaran rumah di Banjaran dekat pasar sekarang!", "6281100022", "w.F2")
    assert case.priority == Priority.EMERGENCY
    assert TriageResult.objects.get(case=case).duplicates  # in the incident all the same
    raised = case.events.filter(kind=EventKind.PRIORITY_CHANGED)
    assert list(raised.values_list("to_value", flat=True)) == [Priority.EMERGENCY]


def test_an_agency_that_auto_assigns_gets_the_task_without_a_lookup(
    intake, client, agency_a, agency_b
):
    roster_setting_update(agency=agency_a, autoassign=True, default_cap=10, actor=None)
    event_id = stored_text(client, "jalan berlubang besar di Banjaran", "6281100031", "w.A1")
    with CaptureQueriesContext(connection) as captured:
        assert inbound_event_process(event_id) == "processed"
    routed = Case.objects.get(messages__external_id="w.A1")
    assert routed.agency == agency_a
    queued = DBTaskResult.objects.filter(task_path__endswith="case_autoassign_task")
    assert [task.args_kwargs["kwargs"] for task in queued] == [{"case_id": routed.pk}]
    # Neither hook asked the database whether the case is wanted (an EXISTS each).
    assert not [q for q in captured.captured_queries if q["sql"].startswith('SELECT 1 AS "a"')]

    other = intake("puskesmas antri lama sekali di Pangalengan", "6281100032", "w.A2")
    assert other.agency == agency_b
    assert queued.count() == 1  # agency B shares its inbox: nothing to assign


def test_the_number_is_read_with_the_event_not_again(client, transactional_db, wa_account, meta):
    event_id = stored_text(client, "Lampu PJU mati di Cileunyi", "6281100041", "w.N1")
    with CaptureQueriesContext(connection) as captured:
        assert inbound_event_process(event_id) == "processed"
    # Read with the event (a join), not by the adapter; the send reads it with the outbox row.
    statements = [q["sql"] for q in captured.captured_queries]
    assert not [sql for sql in statements if sql.startswith('SELECT "channels_channelaccount"')]
    event_read = next(sql for sql in statements if sql.startswith('SELECT "channels_inboundevent"'))
    assert "channels_channelaccount" in event_read and "agencies_pemda" in event_read
    assert Case.objects.get().pemda_id == wa_account.pemda_id


def test_a_number_switched_off_after_the_webhook_is_not_served(
    client, transactional_db, wa_account, meta
):
    event_id = stored_text(client, "Lampu PJU mati di Cileunyi", "6281100042", "w.N2")
    ChannelAccount.objects.filter(pk=wa_account.pk).update(is_active=False)
    assert inbound_event_process(event_id) == "ignored"
    event = InboundEvent.objects.get(pk=event_id)
    assert event.status == EventStatus.IGNORED and "unknown phone_number_id" in event.last_error
    assert not Case.objects.exists() and not OutboundMessage.objects.exists()


class WorkerDied(Exception):
    """Stands for the process dying between the two transactions."""


def test_a_case_triaged_by_the_task_is_acknowledged_once_by_the_retry(
    intake, client, monkeypatch, agency_a
):
    real = conversations._intake_finish

    def dies(*args: Any) -> Any:
        raise WorkerDied

    monkeypatch.setattr(conversations, "_intake_finish", dies)
    event_id = stored_text(client, "jalan berlubang besar di Banjaran", "6281100051", "w.R1")
    assert inbound_event_process(event_id) == "failed"
    case = Case.objects.get()
    case_triage(case)  # the queued triage task got there first
    monkeypatch.setattr(conversations, "_intake_finish", real)

    InboundEvent.objects.filter(pk=event_id).update(next_attempt_at=None)
    assert inbound_event_process(event_id) == "processed"
    case.refresh_from_db()
    assert case.agency == agency_a and TriageResult.objects.filter(case=case).count() == 1
    ack = OutboundMessage.objects.get()
    assert ack.purpose == "ack" and ack.status == "sent"
    assert f"Ditangani oleh: {agency_a.name}" in ack.message.text
    # A second retry finds everything done: still one acknowledgement.
    InboundEvent.objects.filter(pk=event_id).update(status=EventStatus.FAILED, next_attempt_at=None)
    assert inbound_event_process(event_id) == "processed"
    assert OutboundMessage.objects.count() == 1
