"""The Pemda's SLA rules and agency calendars, cached per process for the deadline recompute:
read once per ``SETUP_TTL_SECONDS``, an edit applies when that runs out (or the cache is
cleared), and the cached calendar is the one the selector would find."""

from __future__ import annotations

from django.db import connection
from django.test.utils import CaptureQueriesContext

from sigap.agencies.services import agency_save
from sigap.catalog.models import Priority
from sigap.sla.models import BusinessCalendar, SlaRule
from sigap.sla.selectors import calendar_for_agency
from sigap.sla.services import case_deadlines_recompute, setup
from sigap.sla.tests.conftest import wib


def _reads(captured: CaptureQueriesContext, table: str) -> int:
    return sum(f'FROM "{table}"' in query["sql"] for query in captured.captured_queries)


def test_rules_are_read_once_and_an_edit_applies_when_the_cache_runs_out(
    receive, pemda, lapor, emergency_policy, monkeypatch
):
    case = receive(wib(2025, 11, 17, 9, 0), category=lapor)  # Monday morning
    assert case.first_response_due_at == wib(2025, 11, 17, 9, 15)  # the standard 15 minutes

    # A rule for every normal case, five minutes: not seen while the cached rules are fresh.
    SlaRule.objects.create(pemda=pemda, priority=Priority.NORMAL, policy=emergency_policy)
    with CaptureQueriesContext(connection) as captured:
        assert case_deadlines_recompute(case=case.pk).first_response_due_at == wib(
            2025, 11, 17, 9, 15
        )
    assert _reads(captured, "sla_slarule") == 0 and _reads(captured, "sla_businesscalendar") == 0

    monkeypatch.setattr(setup, "SETUP_TTL_SECONDS", 0.0)  # as if 30 seconds went by
    with CaptureQueriesContext(connection) as captured:
        assert case_deadlines_recompute(case=case.pk).first_response_due_at == wib(
            2025, 11, 17, 9, 5
        )
    assert _reads(captured, "sla_slarule") == 1


def test_a_cleared_cache_sees_the_edit_at_once(receive, pemda, lapor, emergency_policy):
    case = receive(wib(2025, 11, 17, 9, 0), category=lapor)
    SlaRule.objects.create(pemda=pemda, priority=Priority.NORMAL, policy=emergency_policy)
    setup.sla_setup_cache_clear()
    assert case_deadlines_recompute(case=case.pk).first_response_due_at == wib(2025, 11, 17, 9, 5)


def test_the_cached_calendar_is_the_nearest_ancestors(pemda, agency_a, unit_a, agency_b):
    always = BusinessCalendar.objects.create(name="24 jam", always_open=True)
    agency_a.calendar = always
    agency_save(agency=agency_a)
    cached = setup.sla_setup_for(pemda.pk)
    for agency in (agency_a, unit_a, agency_b, None):
        assert cached.calendar_for(agency) == calendar_for_agency(agency)
    assert cached.calendar_for(unit_a).always_open  # the unit runs on its OPD's calendar
    assert not cached.calendar_for(agency_b).always_open


def test_an_edit_in_the_admin_applies_at_once_in_its_process(
    client, receive, pemda, lapor, emergency_policy, django_user_model,
    django_capture_on_commit_callbacks,
):  # fmt: skip
    case = receive(wib(2025, 11, 17, 9, 0), category=lapor)
    assert case_deadlines_recompute(case=case.pk).first_response_due_at == wib(2025, 11, 17, 9, 15)
    sysadmin = django_user_model.objects.create_user(
        "sysadmin", password="x-panjang-sekali-1", is_staff=True, is_superuser=True
    )
    client.force_login(sysadmin)
    with django_capture_on_commit_callbacks(execute=True):  # the admin's commit
        response = client.post(
            "/admin/sla/slarule/add/",
            {"pemda": pemda.pk, "priority": Priority.NORMAL, "policy": emergency_policy.pk,
             "order": 0},
        )  # fmt: skip
    assert response.status_code == 302, response.content.decode()[:2000]
    assert SlaRule.objects.filter(pemda=pemda, policy=emergency_policy).exists()
    # No waiting for SETUP_TTL_SECONDS: the admin cleared this process's copy on commit.
    assert case_deadlines_recompute(case=case.pk).first_response_due_at == wib(2025, 11, 17, 9, 5)
