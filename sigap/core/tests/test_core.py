from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from sigap.core import crypto
from sigap.core.clock import clock_tick
from sigap.core.errors import DomainError
from sigap.core.files import check_attachment, sniff
from sigap.core.models import Heartbeat, PeriodicJob
from sigap.core.periodic import Periodic
from sigap.core.services import heartbeat_record


@pytest.mark.parametrize(
    ("head", "mime"),
    [
        (b"\xff\xd8\xff\xe1rest", "image/jpeg"),
        (b"\x89PNG\r\n\x1a\nrest", "image/png"),
        (b"%PDF-1.7 rest", "application/pdf"),
        (b"OggS\x00rest", "audio/ogg"),
        (b"\x00\x00\x00\x18ftypmp42rest", "video/mp4"),
        (b"RIFF\x00\x00\x00\x00WEBPVP8 ", "image/webp"),
    ],
)
def test_sniff_recognises_common_formats(head, mime):
    assert sniff(head).mime == mime


def test_disguised_or_empty_files_are_refused():
    with pytest.raises(DomainError, match="tidak didukung"):
        check_attachment(b"MZ\x90\x00 windows exe", name="foto.jpg")
    with pytest.raises(DomainError, match="kosong"):
        check_attachment(b"", name="kosong.png")


def test_secrets_round_trip_and_are_not_plain():
    token = crypto.encrypt("demo-access-token")
    assert "demo-access-token" not in token
    assert crypto.decrypt(token) == "demo-access-token"
    with pytest.raises(ValueError):
        crypto.decrypt("bukan-token")


def test_healthz_reports_database_and_workers(client, db):
    response = client.get("/healthz")
    body = response.json()
    assert response.status_code == 200
    assert body["database"]["status"] == "ok"
    assert body["worker"]["status"] == "unknown"
    heartbeat_record(name="worker")
    Heartbeat.objects.create(name="clock", beat_at=timezone.now() - timedelta(hours=1))
    body = client.get("/healthz").json()
    assert body["worker"]["status"] == "ok"
    assert body["clock"]["status"] == "stale"


def test_healthz_never_shows_the_drivers_message(client, db, monkeypatch, caplog):
    """The page is public; a driver's error names the host and the user."""
    from django.db import OperationalError, connection

    def refused() -> None:
        raise OperationalError('connection to server at "db.internal" (10.0.0.5) failed: sigap')

    with monkeypatch.context() as patched:
        patched.setattr(connection, "cursor", refused)
        response = client.get("/healthz")
    assert response.status_code == 503
    body = response.json()
    assert body["database"] == {"status": "error", "error": "OperationalError"}
    assert "db.internal" not in response.content.decode()
    assert any("db.internal" in r.getMessage() for r in caplog.records)


def test_healthz_counts_deliveries_waiting_for_a_retry_and_given_up(client, db):
    from sigap.channels.models import EventStatus, InboundEvent

    now = timezone.now()
    rows = [
        (EventStatus.FAILED, now, now + timedelta(seconds=40)),
        (EventStatus.DEAD, now - timedelta(days=1), None),
        (EventStatus.DEAD, now - timedelta(days=30), None),  # seen and left: no longer alerts
        (EventStatus.PROCESSED, now, None),
    ]
    for n, (status, received_at, next_attempt_at) in enumerate(rows):
        InboundEvent.objects.create(
            channel="whatsapp", external_id=f"e{n}", body="{}", status=status,
            received_at=received_at, next_attempt_at=next_attempt_at,
        )  # fmt: skip
    assert client.get("/healthz").json()["inbound"] == {"failed": 1, "dead_7d": 1}


def test_healthz_reports_the_backlog_per_queue(client, db):
    from django_tasks_db.models import DBTaskResult

    from sigap.core.tasks import worker_heartbeat_task
    from sigap.routing.tasks import case_incident_task

    assert client.get("/healthz").json()["tasks"] == {"ready": 0, "late": [], "queues": {}}
    worker_heartbeat_task.enqueue()
    for case_id in (1, 2):
        case_incident_task.enqueue(case_id=case_id)
    DBTaskResult.objects.filter(task_path=case_incident_task.module_path).update(
        enqueued_at=timezone.now() - timedelta(minutes=5)
    )
    tasks = client.get("/healthz").json()["tasks"]
    assert tasks["ready"] == 3
    assert tasks["queues"]["triage"]["ready"] == 2
    assert 299 <= tasks["queues"]["triage"]["oldest_seconds"] <= 330
    assert tasks["queues"]["default"]["ready"] == 1
    assert tasks["queues"]["default"]["oldest_seconds"] < 60
    assert tasks["late"] == [] and not tasks["queues"]["triage"]["late"]  # may lag a burst


def test_healthz_names_a_queue_no_worker_serves(client, db):
    """Every intake worker down: the heartbeat (on `default`) stays fresh, the ingest queue
    ages, and /healthz says so."""
    from django_tasks_db.models import DBTaskResult

    from sigap.channels.tasks import inbound_event_process_task
    from sigap.core.tasks import worker_heartbeat_task

    worker_heartbeat_task.enqueue()
    inbound_event_process_task.enqueue(event_id=1)
    DBTaskResult.objects.filter(task_path=inbound_event_process_task.module_path).update(
        enqueued_at=timezone.now() - timedelta(minutes=2)
    )
    answer = client.get("/healthz")
    tasks = answer.json()["tasks"]
    assert answer.status_code == 200 and tasks["late"] == ["ingest"]
    assert tasks["queues"]["ingest"]["late"] and not tasks["queues"]["default"]["late"]


def test_clock_enqueues_each_due_job_once(db):
    job = Periodic("uji", 60, "sigap.core.tasks.worker_heartbeat_task")
    assert clock_tick([job]) == ["uji"]
    assert clock_tick([job]) == []  # not due again for a minute
    PeriodicJob.objects.filter(name="uji").update(next_run_at=timezone.now() - timedelta(seconds=1))
    assert clock_tick([job]) == ["uji"]
    assert Heartbeat.objects.filter(name="clock").exists()


def test_finished_and_abandoned_task_rows_are_pruned_waiting_ones_kept(db, settings):
    from django_tasks import TaskResultStatus
    from django_tasks_db.models import DBTaskResult

    from sigap.core.services import task_results_prune
    from sigap.core.tasks import worker_heartbeat_task

    settings.SIGAP_TASK_RETENTION_DAYS = 14
    now = timezone.now()
    old, recent = now - timedelta(days=15), now - timedelta(days=13)
    rows = {}
    for name, status, at in [
        ("old_done", TaskResultStatus.SUCCESSFUL, old),
        ("old_failed", TaskResultStatus.FAILED, old),
        ("old_running", TaskResultStatus.RUNNING, old),  # its worker was killed
        ("recent_done", TaskResultStatus.SUCCESSFUL, recent),
        ("recent_running", TaskResultStatus.RUNNING, recent),
        ("old_waiting", TaskResultStatus.READY, old),  # never pruned: still to run
    ]:
        worker_heartbeat_task.enqueue()
        row = DBTaskResult.objects.order_by("-enqueued_at").first()
        DBTaskResult.objects.filter(pk=row.pk).update(
            status=status, enqueued_at=at, started_at=at, finished_at=at
        )
        rows[name] = row.pk
    assert task_results_prune(now=now) == 3
    kept = set(DBTaskResult.objects.values_list("pk", flat=True))
    assert kept == {rows["recent_done"], rows["recent_running"], rows["old_waiting"]}
    assert task_results_prune(now=now) == 0
