"""The console inbox: tabs, counts, filters, sorting, live updates, scoping and query budgets."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.db import connection
from django.template.defaultfilters import date as date_filter
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from django.utils.timesince import timeuntil

from sigap.agencies.selectors import staff_scope
from sigap.cases.models import Case, CaseStatus
from sigap.cases.selectors import CaseFilters, InboxView, case_inbox_counts
from sigap.cases.services import case_assign, case_transition
from sigap.catalog.models import CaseKind, Priority
from sigap.console.views import inbox as inbox_views
from sigap.regions.models import Region, RegionLevel
from sigap.routing.holds import case_hold_release
from sigap.routing.models import TriagePolicy, TriageResult
from sigap.routing.triage import case_triage

HOME = reverse("console:home")
HTMX = {"HTTP_HX_REQUEST": "true"}


def listed(response) -> list[str]:
    return [row.case.tracking_number for row in response.context["rows"]]


def counts(response) -> dict[str, str]:
    return {tab["view"]: tab["count"] for tab in response.context["tabs"]}


def advance(case: Case, *statuses: str, actor) -> Case:
    for status in statuses:
        note = "Sudah diperbaiki" if status == CaseStatus.RESOLVED else ""
        case = case_transition(case=case, to_status=status, actor=actor, note=note)
    return case


@pytest.fixture
def inbox_cases(make_case, category_a, agency_a, agency_b, staff_a, coordinator):
    """One case per tab in agency A, and one emergency in agency B."""
    mine = case_assign(case=make_case("Jalan retak", category=category_a), assignee=staff_a,
                       actor=staff_a)  # fmt: skip
    unassigned = make_case("Trotoar rusak", category=category_a)
    waiting = advance(
        make_case("Drainase mampet", category=category_a),
        CaseStatus.VERIFIED, CaseStatus.IN_PROGRESS, CaseStatus.WAITING_CITIZEN,
        actor=staff_a,
    )  # fmt: skip
    emergency = make_case("Pohon tumbang menutup jalan", agency=agency_a,
                          kind=CaseKind.EMERGENCY, priority=Priority.EMERGENCY)  # fmt: skip
    resolved = advance(
        make_case("Lampu jalan mati", category=category_a),
        CaseStatus.VERIFIED, CaseStatus.IN_PROGRESS, CaseStatus.RESOLVED,
        actor=staff_a,
    )  # fmt: skip
    overdue = make_case("Jembatan ambles", category=category_a)
    Case.objects.filter(pk=overdue.pk).update(
        first_response_due_at=timezone.now() - timedelta(hours=2)
    )
    other = make_case("Puskesmas tutup", agency=agency_b)
    return {
        "mine": mine.tracking_number,
        "unassigned": unassigned.tracking_number,
        "waiting": waiting.tracking_number,
        "emergency": emergency.tracking_number,
        "resolved": resolved.tracking_number,
        "overdue": overdue.tracking_number,
        "other": other.tracking_number,
    }


def test_default_view_follows_the_role(client, case_a, staff_a, coordinator, operator, leader):
    for user, view in (
        (staff_a, InboxView.QUEUE),
        (coordinator, InboxView.OPEN),
        (leader, InboxView.OPEN),
        (operator, InboxView.EMERGENCY),
    ):
        client.force_login(user)
        response = client.get(HOME)
        assert response.context["current_view"] == view
        assert 'aria-current="page"' in response.content.decode()


def test_each_tab_lists_its_cases(client, inbox_cases, staff_a):
    c = inbox_cases
    client.force_login(staff_a)
    # The fixture's cases keep their real deadlines (minutes away) except the overdue one.
    expected = {
        "queue": {c["mine"], c["unassigned"], c["waiting"], c["emergency"], c["overdue"]},
        "mine": {c["mine"]},
        "unassigned": {c["unassigned"], c["waiting"], c["emergency"], c["overdue"]},
        "at_risk": {c["overdue"]},
        "waiting": {c["waiting"]},
        "emergency": {c["emergency"]},
        "open": {c["mine"], c["unassigned"], c["waiting"], c["emergency"], c["overdue"]},
        "closed": {c["resolved"]},
        "all": {c[key] for key in c if key != "other"},
    }
    for view, numbers in expected.items():
        response = client.get(HOME, {"view": view})
        assert set(listed(response)) == numbers, view
        assert counts(response)[view] == str(len(numbers)), view
    assert counts(response) == {view: str(len(numbers)) for view, numbers in expected.items()}


def test_at_risk_lists_overdue_first_then_warned(client, inbox_cases, staff_a):
    warned = Case.objects.get(tracking_number=inbox_cases["unassigned"])
    Case.objects.filter(pk=warned.pk).update(
        first_response_sla_level=1, first_response_due_at=timezone.now() + timedelta(minutes=5)
    )
    client.force_login(staff_a)
    response = client.get(HOME, {"view": "at_risk"})
    assert listed(response) == [inbox_cases["overdue"], inbox_cases["unassigned"]]
    html = response.content.decode()
    assert "lewat" in html and "lagi" in html  # overdue and time left, in Indonesian
    assert html.count('class="inbox-row overdue"') == 1


def test_row_shows_the_case_at_a_glance(client, make_case, category_a, agency_a, staff_a):
    """The row's display values are worked out in the view (``InboxRow``), not by filters."""
    long_text = "Jalan berlubang besar di depan pasar Soreang " * 5
    case = make_case(long_text, category=category_a, agency=agency_a, priority=Priority.HIGH)
    due = timezone.now() + timedelta(hours=3)
    Case.objects.filter(pk=case.pk).update(first_response_due_at=due)
    client.force_login(staff_a)
    response = client.get(HOME, {"view": "all"})
    (row,) = response.context["rows"]
    created = timezone.localtime(case.created_at)
    assert row.url == reverse("console:case_detail", args=[case.tracking_number])
    assert (row.status, row.priority, row.channel) == ("Baru", "Tinggi", "WhatsApp")
    assert row.text == long_text[:109] + "…" and len(row.text) == 110
    # What the template's ``date`` and ``timeuntil`` filters made of them before.
    assert row.created_text == date_filter(created, "d M Y H:i")
    assert row.due_title == date_filter(timezone.localtime(due), "d M Y H:i")
    assert row.due_text == f"{timeuntil(due)} lagi" and not row.overdue
    html = response.content.decode()
    assert f'href="{row.url}"' in html and ">Tinggi</span>" in html and row.created_text in html


def test_an_english_browser_still_gets_indonesian_durations(
    client, make_case, category_a, agency_a, staff_a
):
    """Phones set to English send Accept-Language: en; Django's own strings must not follow it."""
    case = make_case("Lampu jalan mati di Soreang", category=category_a, agency=agency_a)
    due = timezone.now() + timedelta(days=3, hours=5)
    Case.objects.filter(pk=case.pk).update(first_response_due_at=due)
    client.force_login(staff_a)
    response = client.get(HOME, {"view": "all"}, HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9")
    (row,) = response.context["rows"]
    assert "hari" in row.due_text and "day" not in row.due_text
    assert response.headers["Content-Language"] == "id"


def test_staff_b_never_sees_agency_a_in_any_tab_search_or_count(client, inbox_cases, staff_b):
    client.force_login(staff_b)
    agency_a_numbers = [n for key, n in inbox_cases.items() if key != "other"]
    for view in InboxView.ALL_VIEWS:
        for params in ({"view": view}, {"view": view, "q": "jalan"}):
            response = client.get(HOME, params)
            html = response.content.decode()
            assert not any(number in html for number in agency_a_numbers), params
            assert set(listed(response)) <= {inbox_cases["other"]}
    scope = staff_scope(staff_b)
    totals = case_inbox_counts(scope, CaseFilters())
    assert totals["all"] == 1 and totals["open"] == 1 and totals["emergency"] == 0
    # A tracking number of another agency neither jumps nor shows.
    response = client.get(HOME, {"q": inbox_cases["mine"]})
    assert response.status_code == 200 and listed(response) == []


def test_leader_sees_everything_read_only(client, inbox_cases, leader, monkeypatch):
    monkeypatch.setattr(inbox_views, "_bulk_url", lambda path: "laporan/massal/")
    client.force_login(leader)
    response = client.get(HOME, {"view": "all"})
    assert set(listed(response)) == set(inbox_cases.values())
    html = response.content.decode()
    assert 'name="cases"' not in html and 'id="inbox-bulk"' not in html


def test_bulk_bar_posts_what_the_bulk_view_expects(client, inbox_cases, staff_a, monkeypatch):
    monkeypatch.setattr(inbox_views, "_bulk_url", lambda path: "laporan/massal/")
    client.force_login(staff_a)
    html = client.get(HOME, {"view": "open"}).content.decode()
    assert 'id="inbox-bulk"' in html and 'action="laporan/massal/"' in html
    assert f'name="cases" value="{inbox_cases["mine"]}" form="inbox-bulk"' in html
    for field in ('name="action"', 'value="claim"', 'value="assign"', 'value="priority"',
                  'name="assignee"', 'name="priority"', 'name="next"'):  # fmt: skip
        assert field in html
    assert 'value="/konsol/?view=open"' in html  # next: back to this inbox


def test_bulk_bar_hidden_without_the_bulk_view(client, case_a, staff_a, monkeypatch):
    monkeypatch.setattr(inbox_views, "_bulk_url", lambda path: None)
    client.force_login(staff_a)
    html = client.get(HOME).content.decode()
    assert 'id="inbox-bulk"' not in html and 'name="cases"' not in html
    assert case_a.tracking_number in html


def test_filters_narrow_the_list(client, make_case, category_a, agency_a, unit_a, coordinator):
    kecamatan = Region.objects.create(code="32.04.01", name="Soreang", level=RegionLevel.KECAMATAN)
    desa = Region.objects.create(code="32.04.01.2001", name="Sadu", parent=kecamatan,
                                 level=RegionLevel.DESA_KELURAHAN)  # fmt: skip
    elsewhere = Region.objects.create(code="32.04.02", name="Banjaran",
                                      level=RegionLevel.KECAMATAN)  # fmt: skip
    road = make_case("Jalan longsor", category=category_a, region=desa, priority=Priority.HIGH)
    unit = make_case("Aspal mengelupas", agency=unit_a, channel="email", sender="a@b.id",
                     region=elsewhere)  # fmt: skip
    client.force_login(coordinator)
    cases_by = {
        "category": {"category": category_a.pk},
        "priority": {"priority": "high"},
        "channel": {"channel": "email"},
        "kecamatan": {"kecamatan": "32.04.01"},
        "agency unit": {"agency": unit_a.pk},
        "agency subtree": {"agency": agency_a.pk},
        "status": {"status": "new"},
    }
    expected = {
        "category": [road.tracking_number],
        "priority": [road.tracking_number],
        "channel": [unit.tracking_number],
        "kecamatan": [road.tracking_number],
        "agency unit": [unit.tracking_number],
        "agency subtree": [unit.tracking_number, road.tracking_number],
        "status": [unit.tracking_number, road.tracking_number],
    }
    for name, params in cases_by.items():
        assert listed(client.get(HOME, {"view": "all", **params})) == expected[name], name


def test_date_range_and_sorting(client, make_case, category_a, staff_a):
    old = make_case("Laporan lama", category=category_a)
    new = make_case("Laporan baru", category=category_a)
    Case.objects.filter(pk=old.pk).update(created_at=timezone.now() - timedelta(days=10))
    Case.objects.filter(pk=new.pk).update(
        first_response_due_at=timezone.now() + timedelta(days=30),
    )
    Case.objects.filter(pk=old.pk).update(first_response_due_at=timezone.now() + timedelta(days=1))
    client.force_login(staff_a)
    base = {"view": "all"}
    assert listed(client.get(HOME, base)) == [new.tracking_number, old.tracking_number]
    assert listed(client.get(HOME, {**base, "sort": "oldest"}))[0] == old.tracking_number
    assert listed(client.get(HOME, {**base, "sort": "deadline"}))[0] == old.tracking_number
    today = timezone.localdate()
    since = (today - timedelta(days=2)).isoformat()
    assert listed(client.get(HOME, {**base, "date_from": since})) == [new.tracking_number]
    until = (today - timedelta(days=5)).isoformat()
    assert listed(client.get(HOME, {**base, "date_to": until})) == [old.tracking_number]


def test_bad_filter_values_are_reported_in_indonesian_and_ignored(client, case_a, staff_a):
    client.force_login(staff_a)
    response = client.get(
        HOME, {"date_from": "2026-13-45", "view": "bogus", "page": "999", "kecamatan": "x'--"}
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "Tanggal tidak valid; gunakan format TTTT-BB-HH." in html
    assert "Kode kecamatan tidak dikenal." in html
    assert listed(response) == [case_a.tracking_number]  # nothing filtered away, no 500
    response = client.get(HOME, {"date_from": "2026-05-10", "date_to": "2026-05-01"})
    assert "Tanggal akhir tidak boleh sebelum tanggal awal." in response.content.decode()


def test_htmx_gets_the_partial_and_204_when_nothing_changed(client, make_case, category_a, staff_a):
    first = make_case("Laporan pertama", category=category_a)
    client.force_login(staff_a)
    response = client.get(HOME, {"view": "open"}, **HTMX)
    html = response.content.decode()
    assert "<html" not in html and 'id="inbox-results"' in html
    assert 'hx-swap-oob="true"' in html and first.tracking_number in html
    token = response.context["token"]
    assert f"since={token}" in html and 'hx-trigger="every 20s' in html
    same = client.get(HOME, {"view": "open", "since": token}, **HTMX)
    assert same.status_code == 204 and same.content == b""
    second = make_case("Laporan kedua", category=category_a)
    changed = client.get(HOME, {"view": "open", "since": token}, **HTMX)
    assert changed.status_code == 200 and second.tracking_number in changed.content.decode()
    # Without HX-Request (or on a history restore) the full page comes back.
    page = client.get(HOME, {"view": "open", "since": token})
    assert page.status_code == 200 and "<html" in page.content.decode()
    restore = client.get(HOME, {"view": "open"}, HTTP_HX_HISTORY_RESTORE_REQUEST="true", **HTMX)
    assert "<html" in restore.content.decode()


def test_poll_reports_an_assignment_elsewhere(client, case_a, staff_a, admin_a):
    client.force_login(staff_a)
    token = client.get(HOME, {"view": "open"}, **HTMX).context["token"]
    case_assign(case=case_a, assignee=admin_a, actor=admin_a)
    response = client.get(HOME, {"view": "open", "since": token}, **HTMX)
    assert response.status_code == 200 and "admin.a" in response.content.decode()
    queue = client.get(HOME, {"view": "queue"}, **HTMX)  # no longer mine nor unassigned
    assert case_a.tracking_number not in queue.content.decode()


def test_tracking_number_search_jumps_to_the_case(client, case_a, staff_a):
    client.force_login(staff_a)
    detail = reverse("console:case_detail", args=[case_a.tracking_number])
    response = client.get(HOME, {"q": f"  {case_a.tracking_number.lower()} "})
    assert response.status_code == 302 and response["Location"] == detail
    response = client.get(HOME, {"q": case_a.tracking_number}, **HTMX)
    assert response["HX-Redirect"] == detail


def test_anonymous_case_text_masked_for_agency_not_coordinator(
    client, make_case, category_a, staff_a, coordinator
):
    case = make_case(
        "Pungli di kantor desa, hubungi saya 081234567890", category=category_a, is_anonymous=True
    )
    client.force_login(staff_a)
    html = client.get(HOME).content.decode()
    assert case.tracking_number in html and "081234567890" not in html
    client.force_login(coordinator)
    assert "081234567890" in client.get(HOME).content.decode()


def test_pages_beyond_the_first(client, make_case, category_a, staff_a, monkeypatch):
    monkeypatch.setattr(inbox_views, "PAGE_SIZE", 2)
    numbers = [make_case(f"laporan {i}", category=category_a).tracking_number for i in range(5)]
    client.force_login(staff_a)
    first = client.get(HOME, {"view": "open"})
    assert listed(first) == numbers[::-1][:2] and first.context["next_url"]
    third = client.get(first.context["next_url"].replace("page=2", "page=3"))
    assert listed(third) == [numbers[0]] and not third.context["next_url"]


def test_counts_are_capped(make_case, category_a, staff_a):
    for index in range(4):
        make_case(f"laporan {index}", category=category_a)
    totals = case_inbox_counts(staff_scope(staff_a), CaseFilters(), cap=2)
    assert totals["open"] == 3  # cap + 1 means "more than cap"


def test_held_case_waits_in_triage_not_in_the_agency_inbox(
    client, pemda, make_case, category_a, agency_a, staff_a, coordinator
):
    """A flood held for the coordinator stays out of the agency's inbox and counts even when it
    came in with an agency already (a message to the OPD's own number), until released."""
    TriagePolicy.objects.create(pemda=pemda, contact_max_per_hour=1)
    first = make_case("Trotoar rusak di depan pasar", agency=agency_a, sender="6281377701")
    second = make_case("Trotoar amblas dekat sekolah", agency=agency_a, sender="6281377701")
    assert not case_triage(first).held and case_triage(second).held
    second.refresh_from_db()
    assert second.is_held and second.agency == agency_a
    client.force_login(staff_a)
    for view in ("all", "open", "unassigned", "queue"):
        response = client.get(HOME, {"view": view})
        assert listed(response) == [first.tracking_number], view
        assert counts(response)[view] == "1", view
    assert listed(client.get(HOME, {"view": "all", "q": "trotoar"})) == [first.tracking_number]
    client.force_login(coordinator)
    assert listed(client.get(HOME, {"view": "all"})) == [
        second.tracking_number, first.tracking_number
    ]  # fmt: skip
    case_hold_release(case=second, actor=coordinator)
    second.refresh_from_db()
    assert not second.is_held and not TriageResult.objects.get(case=second).held
    client.force_login(staff_a)
    response = client.get(HOME, {"view": "all"})
    assert listed(response) == [second.tracking_number, first.tracking_number]
    assert counts(response)["all"] == "2"


# --- query budgets --------------------------------------------------------------------------------

# session, user, staff scope, the page of rows, the tab counts (one query), the filter options
# (one UNION query), saved views.
FULL_PAGE_QUERIES = 7
# session, user, staff scope, rows, counts.
PARTIAL_QUERIES = 5
SEARCH_QUERIES = 1  # the search text resolved once into case ids
# Staff who read anonymous cases masked: which matches those are (each then checked on its
# masked text, ``sigap.cases.search._masked_text_matches``; none here).
MASKED_CHECK_QUERIES = 1
# Agency staff: their agency subtrees resolved once into ids, which every later query compares
# with literals (``sigap.cases.selectors.InboxScope``); Pemda-wide roles need no such query.
AGENCY_SCOPE_QUERIES = 1


@pytest.mark.parametrize("view", InboxView.ALL_VIEWS)
def test_query_budget_per_tab_does_not_grow_with_cases(
    view, client, make_case, category_a, staff_a, django_assert_num_queries
):
    def make(count: int) -> None:
        for index in range(count):
            case = make_case(f"Jalan rusak nomor {index}", category=category_a)
            if index % 3 == 0:
                case_assign(case=case, assignee=staff_a, actor=staff_a)

    client.force_login(staff_a)
    for count in (3, 27):
        make(count)
        with django_assert_num_queries(FULL_PAGE_QUERIES + AGENCY_SCOPE_QUERIES):
            assert client.get(HOME, {"view": view}).status_code == 200
        with django_assert_num_queries(PARTIAL_QUERIES + AGENCY_SCOPE_QUERIES):
            client.get(HOME, {"view": view}, **HTMX)
        search = PARTIAL_QUERIES + AGENCY_SCOPE_QUERIES + SEARCH_QUERIES + MASKED_CHECK_QUERIES
        with django_assert_num_queries(search):
            response = client.get(HOME, {"view": view, "q": "jalan"}, **HTMX)
        assert response.status_code == 200


def test_coordinator_page_budget_with_many_agencies(
    client, make_case, category_a, agency_b, coordinator
):
    for index in range(30):
        make_case(f"laporan {index}", agency=agency_b if index % 2 else None, category=category_a)
    client.force_login(coordinator)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(HOME, {"view": "all", "sort": "deadline"})
    assert len(queries) == FULL_PAGE_QUERIES
    assert len(listed(response)) == 30


def test_filter_and_bulk_options_are_scoped(
    client, pemda, category_a, agency_a, agency_b, staff_a, staff_b, coordinator
):
    kabupaten = Region.objects.create(code="32.04", name="Kab. Uji", level="kabupaten_kota")
    Region.objects.create(code="32.04.01", name="Soreang", parent=kabupaten, level="kecamatan")
    Region.objects.create(code="32.05.01", name="Lain", level="kecamatan")
    pemda.region = kabupaten
    pemda.save()
    client.force_login(coordinator)
    options = client.get(HOME).context["options"]
    assert [o.label for o in options.kecamatan] == ["Soreang"]
    assert [o.label for o in options.categories] == ["Jalan rusak"]
    assert {"DPUTR", "Dinkes"} <= {o.label for o in options.agencies}
    assert {o.label for o in options.staff} == {"petugas.a", "petugas.b"}
    client.force_login(staff_b)
    options = client.get(HOME).context["options"]
    assert [o.label for o in options.agencies] == ["Dinkes"]
    assert [o.label for o in options.staff] == ["petugas.b"]
