from __future__ import annotations

import pytest

from sigap.agencies.models import Agency, AgencyKind, Pemda
from sigap.agencies.selectors import staff_list_for_agency, staff_scope
from sigap.agencies.services import agency_save, api_token_authenticate, api_token_create
from sigap.core.errors import DomainError


def test_paths_follow_the_tree_and_moves(pemda, root_agency, agency_a, unit_a, agency_b):
    assert unit_a.path == f"/{root_agency.pk}/{agency_a.pk}/{unit_a.pk}/"
    unit_a.parent = agency_b
    agency_save(agency=unit_a)
    unit_a.refresh_from_db()
    assert unit_a.path == f"/{root_agency.pk}/{agency_b.pk}/{unit_a.pk}/"


def test_subtree_moves_with_its_parent(pemda, root_agency, agency_a, unit_a, agency_b):
    agency_a.parent = agency_b
    agency_save(agency=agency_a)
    unit_a.refresh_from_db()
    assert unit_a.path.startswith(f"/{root_agency.pk}/{agency_b.pk}/{agency_a.pk}/")


def test_parent_must_be_in_same_pemda(pemda, agency_a):
    other = Pemda.objects.create(
        code="lain", name="Lain", short_name="Lain", tracking_prefix="LAIN"
    )
    stray = Agency(
        pemda=other, code="x", name="X", short_name="X", kind=AgencyKind.DINAS, parent=agency_a
    )
    with pytest.raises(DomainError):
        agency_save(agency=stray)


def test_agency_cannot_be_its_own_ancestor(agency_a, unit_a):
    agency_a.parent = unit_a
    with pytest.raises(DomainError):
        agency_save(agency=agency_a)


def test_one_person_in_several_agencies(staff_a, agency_b, unit_a):
    from sigap.agencies.services import membership_add

    membership_add(user=staff_a, agency=agency_b, role="agency_officer")
    scope = staff_scope(staff_a)
    assert len(scope.agency_paths) == 2
    assert staff_a in staff_list_for_agency(agency_b)


def test_api_token_is_stored_hashed_and_can_be_revoked(staff_a):
    from django.utils import timezone

    token, raw = api_token_create(user=staff_a, name="integrasi")
    assert raw not in token.token_hash and token.prefix == raw[:12]
    assert api_token_authenticate(raw) == staff_a
    token.revoked_at = timezone.now()
    token.save()
    assert api_token_authenticate(raw) is None
    assert api_token_authenticate("sgp_tidak-ada") is None


def test_staff_create_a_token_shown_once_and_revoke_it(client, staff_a, staff_b):
    from sigap.agencies.models import ApiToken

    client.force_login(staff_a)
    page = client.post("/akun/token/", {"name": "e-office"}).content.decode()
    token = ApiToken.objects.get(user=staff_a)
    raw = page.split('<pre id="raw-token">')[1].split("</pre>")[0]
    assert raw.startswith("sgp_") and api_token_authenticate(raw) == staff_a
    listing = client.get("/akun/token/").content.decode()
    assert raw not in listing and token.prefix in listing
    client.force_login(staff_b)
    assert client.post(f"/akun/token/{token.prefix}/cabut/").status_code == 404
    client.force_login(staff_a)
    client.post(f"/akun/token/{token.prefix}/cabut/")
    assert api_token_authenticate(raw) is None
