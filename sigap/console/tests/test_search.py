"""Searching from the inbox: Indonesian full text, relevance order, filters and tabs combined."""

from __future__ import annotations

from django.db import connection
from django.urls import reverse

from sigap.cases.selectors import InboxSort

HOME = reverse("console:home")


def listed(response) -> list[str]:
    return [row.case.tracking_number for row in response.context["rows"]]


def test_search_finds_inflected_words_and_ranks_by_relevance(
    client, make_case, category_a, staff_a
):
    make_case("Sampah menumpuk di pasar", category=category_a)
    weak = make_case(
        "Keluhan warga desa tentang sampah, lampu mati, air keruh, pungutan liar di kantor "
        "desa, antrean puskesmas, dan jalannya berlubang sedikit",
        category=category_a,
    )
    strong = make_case("Jalan berlubang, jalan berlubang lagi", category=category_a)
    client.force_login(staff_a)
    response = client.get(HOME, {"view": "all", "q": "jalan berlubang"})
    assert listed(response) == [strong.tracking_number, weak.tracking_number]
    # Sorting by date instead of relevance on request.
    oldest = client.get(HOME, {"view": "all", "q": "jalan berlubang", "sort": InboxSort.OLDEST})
    assert listed(oldest) == [weak.tracking_number, strong.tracking_number]


def test_search_combines_with_tab_and_filters(client, make_case, category_a, staff_a):
    high = make_case("Lampu jalan mati total", category=category_a, priority="high")
    make_case("Lampu jalan berkedip", category=category_a)
    client.force_login(staff_a)
    response = client.get(HOME, {"view": "open", "q": "lampu", "priority": "high"})
    assert listed(response) == [high.tracking_number]
    tabs = {tab["view"]: tab["count"] for tab in response.context["tabs"]}
    assert tabs["open"] == "1" and tabs["closed"] == "0"
    assert "Tidak ada laporan yang cocok" in client.get(HOME, {"q": "zzzz"}).content.decode()


def test_search_text_with_quotes_and_operators_is_safe(client, make_case, category_a, staff_a):
    case = make_case('Air "PDAM" keruh & berbau', category=category_a)
    client.force_login(staff_a)
    for text in ('"PDAM"', "pdam & | !", "keruh OR", "berbau*", "' OR 1=1 --"):
        response = client.get(HOME, {"view": "all", "q": text})
        assert response.status_code == 200, text
    assert listed(client.get(HOME, {"view": "all", "q": '"PDAM"'})) == [case.tracking_number]


def test_search_backend_is_the_configured_one(db):
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("SELECT 1 FROM pg_ts_config WHERE cfgname = 'indonesian'")
        else:
            cursor.execute("SELECT 1 FROM sqlite_master WHERE name = 'cases_case_fts'")
        assert cursor.fetchone() == (1,)
