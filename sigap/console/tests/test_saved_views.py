"""Saved inbox views: save the current filters, list mine and shared ones, delete mine."""

from __future__ import annotations

import pytest
from django.urls import reverse

from sigap.console.models import SavedView
from sigap.console.selectors import saved_view_list_for_user
from sigap.console.services import saved_view_create, saved_view_delete, saved_view_query_clean
from sigap.core.errors import Conflict, DomainError, NotFound, PermissionDenied

HOME = reverse("console:home")
SAVE = reverse("console:saved_view_create")


def test_query_keeps_only_filter_parameters_in_a_stable_order():
    query = "?page=3&since=abc&q=jalan+rusak&view=open&status=&priority=high&evil=1"
    assert saved_view_query_clean(query) == "view=open&q=jalan+rusak&priority=high"


def test_save_from_the_inbox_and_open_it(client, case_a, staff_a):
    client.force_login(staff_a)
    response = client.post(
        SAVE, {"name": "  Jalan   rusak ", "query": "view=open&q=jalan&page=2&since=x"}
    )
    saved = SavedView.objects.get(owner=staff_a)
    assert (saved.name, saved.query, saved.shared_with) == (
        "Jalan rusak",
        "view=open&q=jalan",
        None,
    )
    assert response.status_code == 302 and response["Location"] == f"{HOME}?view=open&q=jalan"
    page = client.get(response["Location"]).content.decode()
    assert "Tampilan «Jalan rusak» disimpan." in page
    assert f'href="{HOME}?view=open&amp;q=jalan"' in page


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("", "Nama tampilan wajib diisi."),
        ("   ", "Nama tampilan wajib diisi."),
        ("x" * 81, "Nama tampilan paling panjang 80 karakter."),
    ],
)
def test_bad_names_get_indonesian_errors_and_lose_nothing(client, case_a, staff_a, name, message):
    client.force_login(staff_a)
    response = client.post(SAVE, {"name": name, "query": "view=open&priority=high", "share": "on"})
    assert response.status_code == 400
    html = response.content.decode()
    assert message in html
    # The inbox behind the form is the one being saved, and the form keeps what was typed.
    assert response.context["current_view"] == "open"
    assert 'value="view=open&amp;priority=high"' in html and "checked" in html
    assert not SavedView.objects.exists()


def test_duplicate_name_is_refused(client, case_a, staff_a):
    saved_view_create(owner=staff_a, name="Darurat", query="view=emergency")
    with pytest.raises(Conflict, match=r"Anda sudah punya tampilan bernama «darurat»\."):
        saved_view_create(owner=staff_a, name="darurat", query="view=open")
    client.force_login(staff_a)
    response = client.post(SAVE, {"name": "Darurat", "query": "view=open"})
    assert response.status_code == 400
    assert "Anda sudah punya tampilan bernama «Darurat»." in response.content.decode()
    assert SavedView.objects.get().query == "view=emergency"


def test_shared_views_reach_colleagues_of_the_agency_only(
    client, agency_a, staff_a, admin_a, staff_b
):
    client.force_login(staff_a)
    client.post(SAVE, {"name": "Tim jalan", "query": "view=unassigned", "share": "on"})
    saved_view_create(owner=staff_a, name="Pribadi", query="view=mine")
    shared = SavedView.objects.get(name="Tim jalan")
    assert shared.shared_with == agency_a
    assert [v.name for v in saved_view_list_for_user(staff_a)] == ["Pribadi", "Tim jalan"]
    assert [v.name for v in saved_view_list_for_user(admin_a)] == ["Tim jalan"]
    assert list(saved_view_list_for_user(staff_b)) == []
    client.force_login(admin_a)
    html = client.get(HOME).content.decode()
    assert "Tim jalan" in html and "Pribadi" not in html
    # A colleague may use but not delete someone else's view.
    delete = reverse("console:saved_view_delete", args=[shared.pk])
    assert client.post(delete).status_code == 404
    assert SavedView.objects.filter(pk=shared.pk).exists()


def test_cannot_share_with_a_foreign_agency(staff_a, agency_b):
    with pytest.raises(PermissionDenied):
        saved_view_create(owner=staff_a, name="X", query="", shared_with=agency_b)


def test_delete_my_view(client, staff_a):
    saved = saved_view_create(owner=staff_a, name="Lama", query="view=closed")
    client.force_login(staff_a)
    response = client.post(
        reverse("console:saved_view_delete", args=[saved.pk]), {"next": f"{HOME}?view=open"}
    )
    assert response.status_code == 302 and response["Location"] == f"{HOME}?view=open"
    assert not SavedView.objects.exists()
    with pytest.raises(NotFound):
        saved_view_delete(view_id=saved.pk, actor=staff_a)


def test_delete_does_not_redirect_off_site(client, staff_a):
    saved = saved_view_create(owner=staff_a, name="Lama", query="")
    client.force_login(staff_a)
    response = client.post(
        reverse("console:saved_view_delete", args=[saved.pk]), {"next": "https://jahat.example/"}
    )
    assert response["Location"] == HOME


def test_saving_needs_post_and_login(client, staff_a):
    assert client.post(SAVE, {"name": "x"}).status_code == 302  # to the login page
    client.force_login(staff_a)
    assert client.get(SAVE).status_code == 405


def test_domain_error_type_for_empty_name(staff_a):
    with pytest.raises(DomainError) as raised:
        saved_view_create(owner=staff_a, name="", query="")
    assert raised.value.code == "name_required"
