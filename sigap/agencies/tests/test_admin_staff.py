"""Staff accounts in the Django admin: agency admins manage their own officers and admins,
nothing more; system administrators keep full power. Forged posts send what no page offers."""

from __future__ import annotations

from typing import Any

import pytest
from django.contrib.auth.models import Permission

from sigap.agencies.models import Membership, Role, User
from sigap.agencies.selectors import staff_scope
from sigap.agencies.services import membership_add
from sigap.core.errors import DomainError
from sigap.core.testing import admin_form_data

ROLE_BEYOND = "Anda hanya dapat memberi peran Petugas instansi atau Admin instansi."
AGENCY_BEYOND = "Anda hanya dapat memberi peran di instansi yang Anda kelola."
STAFF_BEYOND = "Anda hanya dapat memilih staf yang seluruh perannya berada di instansi Anda."


@pytest.fixture(autouse=True)
def _fast_passwords(settings: Any) -> None:
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


def _admin_site_rights(user: User) -> User:
    """The demo group's rights on staff: add, change, delete and view users and memberships."""
    user.is_staff = True
    user.save()
    user.user_permissions.add(
        *Permission.objects.filter(
            content_type__app_label="agencies", content_type__model__in=["user", "membership"]
        ),
        *Permission.objects.filter(codename="view_agency"),
    )
    return user


@pytest.fixture
def editor(client: Any, admin_a: User) -> User:
    """admin.a, agency admin of DPUTR, signed in to the admin."""
    client.force_login(_admin_site_rights(admin_a))
    return admin_a


@pytest.fixture
def sysadmin(root_agency: Any, django_user_model: Any) -> User:
    user = django_user_model.objects.create_user("sysadmin", password="x-panjang-sekali-1")
    membership_add(user=user, agency=root_agency, role=Role.SYSTEM_ADMIN)
    return _admin_site_rights(user)


def _add_membership(client: Any, **data: Any) -> Any:
    return client.post("/admin/agencies/membership/add/", data)


def test_agency_admin_cannot_make_an_officer_coordinator(client, editor, staff_a, root_agency):
    response = _add_membership(
        client, user=staff_a.pk, agency=root_agency.pk, role=Role.COORDINATOR
    )
    html = response.content.decode()
    assert response.status_code == 200 and ROLE_BEYOND in html and AGENCY_BEYOND in html
    assert list(staff_a.memberships.values_list("role", flat=True)) == [Role.AGENCY_OFFICER]
    assert not staff_scope(staff_a).reveal_reporter_pemdas


def test_agency_admin_cannot_grant_a_role_above_agency_admin_even_in_their_agency(
    client, editor, staff_a, agency_a
):
    for role in (Role.COORDINATOR, Role.LEADER, Role.OPERATOR, Role.SYSTEM_ADMIN):
        response = _add_membership(client, user=staff_a.pk, agency=agency_a.pk, role=role)
        assert ROLE_BEYOND in response.content.decode(), role
    assert not Membership.objects.filter(user=staff_a).exclude(role=Role.AGENCY_OFFICER).exists()


def test_agency_admin_cannot_grant_themselves_a_role_in_another_agency(client, editor, agency_b):
    response = _add_membership(client, user=editor.pk, agency=agency_b.pk, role=Role.AGENCY_ADMIN)
    assert AGENCY_BEYOND in response.content.decode()
    assert not Membership.objects.filter(user=editor, agency=agency_b).exists()


def test_agency_admin_offers_only_their_subtree_and_the_delegable_roles(
    client, editor, agency_a, unit_a, agency_b
):
    form = client.get("/admin/agencies/membership/add/").context["adminform"].form
    assert {value for value, _label in form.fields["role"].choices} == {
        "",
        Role.AGENCY_OFFICER,
        Role.AGENCY_ADMIN,
    }
    assert set(form.fields["agency"].queryset) == {agency_a, unit_a}


def test_agency_admin_cannot_take_over_another_agencys_officer(
    client, editor, staff_b, agency_a, agency_b
):
    response = _add_membership(
        client, user=staff_b.pk, agency=agency_a.pk, role=Role.AGENCY_OFFICER
    )
    assert STAFF_BEYOND in response.content.decode()
    assert list(staff_b.memberships.values_list("agency_id", flat=True)) == [agency_b.pk]


def test_agency_admin_manages_officers_of_their_subtree(client, editor, staff_a, unit_a):
    response = _add_membership(client, user=staff_a.pk, agency=unit_a.pk, role=Role.AGENCY_ADMIN)
    assert response.status_code == 302, response.content.decode()[:2000]
    assert Membership.objects.filter(user=staff_a, agency=unit_a, role=Role.AGENCY_ADMIN).exists()


def _user_change_url(user: User) -> str:
    return f"/admin/agencies/user/{user.pk}/change/"


def test_forged_superuser_flags_are_ignored_on_an_officers_account(client, editor, staff_a):
    url = _user_change_url(staff_a)
    page = client.get(url)
    html = page.content.decode()
    for hidden in ("is_superuser", "is_staff", "user_permissions", "groups"):
        assert f'name="{hidden}"' not in html, hidden
    data = admin_form_data(page)
    data.update(
        full_name="Petugas Baru",
        is_superuser="on",
        is_staff="on",
        user_permissions=[Permission.objects.get(codename="change_user").pk],
    )
    response = client.post(url, data)
    assert response.status_code == 302, response.content.decode()[:3000]
    stored = User.objects.get(pk=staff_a.pk)
    assert stored.full_name == "Petugas Baru"  # the post was processed...
    assert not stored.is_superuser and not stored.is_staff  # ...without the forged flags
    assert not stored.user_permissions.exists()


def test_forged_inline_membership_is_refused_with_a_message(
    client, editor, staff_a, agency_a, agency_b
):
    url = _user_change_url(staff_a)
    data = admin_form_data(client.get(url))
    data["memberships-0-role"] = Role.COORDINATOR  # the officer's own membership
    data.update({"memberships-1-agency": agency_b.pk, "memberships-1-role": Role.AGENCY_ADMIN})
    response = client.post(url, data)
    html = response.content.decode()
    assert response.status_code == 200 and ROLE_BEYOND in html and AGENCY_BEYOND in html
    assert list(staff_a.memberships.values_list("agency_id", "role")) == [
        (agency_a.pk, Role.AGENCY_OFFICER)
    ]


def test_agency_admin_adds_a_membership_through_the_inline(client, editor, staff_a, unit_a):
    url = _user_change_url(staff_a)
    data = admin_form_data(client.get(url))
    data.update({"memberships-1-agency": unit_a.pk, "memberships-1-role": Role.AGENCY_OFFICER})
    assert client.post(url, data).status_code == 302
    assert staff_a.memberships.filter(agency=unit_a, role=Role.AGENCY_OFFICER).exists()


@pytest.mark.parametrize(
    "other_right",
    ["coordinator_elsewhere", "officer_elsewhere", "superuser"],
)
def test_accounts_with_rights_beyond_the_editor_are_read_only(
    client, editor, agency_a, agency_b, root_agency, django_user_model, other_right
):
    user = django_user_model.objects.create_user(
        "ganda",
        password="rahasia-lama-123",
        full_name="Ganda",
        is_superuser=other_right == "superuser",
    )
    membership_add(user=user, agency=agency_a, role=Role.AGENCY_OFFICER)
    if other_right == "coordinator_elsewhere":
        membership_add(user=user, agency=root_agency, role=Role.COORDINATOR)
    elif other_right == "officer_elsewhere":
        membership_add(user=user, agency=agency_b, role=Role.AGENCY_OFFICER)
    url = _user_change_url(user)
    page = client.get(url)
    assert page.status_code == 200 and not page.context["has_change_permission"]
    data = admin_form_data(page) | {"full_name": "Diambil alih", "username": "ganda"}
    assert client.post(url, data).status_code == 403
    password_url = f"/admin/agencies/user/{user.pk}/password/"
    assert client.get(password_url).status_code == 403
    new_password = {"password1": "sandi-baru-9876", "password2": "sandi-baru-9876"}
    assert client.post(password_url, new_password | {"usable_password": "true"}).status_code == 403
    membership = user.memberships.get(agency=agency_a)
    delete_url = f"/admin/agencies/membership/{membership.pk}/delete/"
    assert client.post(delete_url, {"post": "yes"}).status_code == 403
    stored = User.objects.get(pk=user.pk)
    assert stored.full_name == "Ganda" and stored.check_password("rahasia-lama-123")
    assert Membership.objects.filter(pk=membership.pk).exists()


def test_bulk_delete_spares_accounts_beyond_the_editor(
    client, editor, staff_a, agency_a, root_agency, coordinator
):
    membership_add(user=coordinator, agency=agency_a, role=Role.AGENCY_OFFICER)
    response = client.post(
        "/admin/agencies/user/",
        {"action": "delete_selected", "_selected_action": [coordinator.pk], "post": "yes"},
    )
    assert response.status_code == 403
    assert User.objects.filter(pk=coordinator.pk).exists()


def test_agency_admin_resets_an_officers_password(client, editor, staff_a):
    response = client.post(
        f"/admin/agencies/user/{staff_a.pk}/password/",
        {"password1": "sandi-baru-9876", "password2": "sandi-baru-9876", "usable_password": "true"},
    )
    assert response.status_code == 302
    assert User.objects.get(pk=staff_a.pk).check_password("sandi-baru-9876")


def test_agency_admin_cannot_filter_accounts_by_their_rights(client, editor, staff_a):
    assert client.get("/admin/agencies/user/?is_superuser__exact=1").status_code == 400
    assert client.get("/admin/agencies/user/").status_code == 200


def test_the_membership_service_refuses_what_a_form_would(agency_a, root_agency, staff_a, admin_a):
    from sigap.agencies.selectors import staff_authority
    from sigap.agencies.services import membership_save

    authority = staff_authority(admin_a)
    forged = Membership(user=staff_a, agency=root_agency, role=Role.COORDINATOR)
    with pytest.raises(DomainError):
        membership_save(membership=forged, authority=authority)
    moved = Membership.objects.get(user=staff_a)
    moved.role = Role.LEADER
    with pytest.raises(DomainError):
        membership_save(membership=moved, authority=authority)
    assert list(staff_a.memberships.values_list("role", flat=True)) == [Role.AGENCY_OFFICER]


def test_system_admin_keeps_full_power(client, sysadmin, staff_a, root_agency):
    client.force_login(sysadmin)
    response = _add_membership(
        client, user=staff_a.pk, agency=root_agency.pk, role=Role.COORDINATOR
    )
    assert response.status_code == 302
    assert staff_a.memberships.filter(role=Role.COORDINATOR).exists()
    url = _user_change_url(staff_a)
    data = admin_form_data(client.get(url)) | {"is_staff": "on"}
    assert client.post(url, data).status_code == 302
    assert User.objects.get(pk=staff_a.pk).is_staff


def test_agency_admin_adds_an_officer_with_a_membership(client, editor, agency_a, root_agency):
    page = client.get("/admin/agencies/user/add/")
    data = admin_form_data(page) | {
        "username": "petugas.baru",
        "usable_password": "true",
        "password1": "sandi-baru-9876",
        "password2": "sandi-baru-9876",
        "memberships-0-agency": root_agency.pk,
        "memberships-0-role": Role.COORDINATOR,
    }
    forged = client.post("/admin/agencies/user/add/", data)
    assert forged.status_code == 200 and ROLE_BEYOND in forged.content.decode()
    assert not User.objects.filter(username="petugas.baru").exists()
    data |= {"memberships-0-agency": agency_a.pk, "memberships-0-role": Role.AGENCY_OFFICER}
    assert client.post("/admin/agencies/user/add/", data).status_code == 302
    created = User.objects.get(username="petugas.baru")
    assert list(created.memberships.values_list("agency_id", "role")) == [
        (agency_a.pk, Role.AGENCY_OFFICER)
    ]
    assert not created.is_staff and not created.is_superuser


def test_membership_agency_picker_lists_only_administered_agencies(
    client, editor, agency_a, unit_a, agency_b
):
    # An officer's membership elsewhere lets them work there, not hand out roles there.
    membership_add(user=editor, agency=agency_b, role=Role.AGENCY_OFFICER)
    response = client.get(
        "/admin/autocomplete/",
        {"app_label": "agencies", "model_name": "membership", "field_name": "agency"},
    )
    assert response.status_code == 200
    assert {int(row["id"]) for row in response.json()["results"]} == {agency_a.pk, unit_a.pk}


def _roster_rights(user: User) -> User:
    """The demo group's rights on rosters: roster members, weekly shifts and overrides."""
    user.user_permissions.add(
        *Permission.objects.filter(
            content_type__app_label="agencies",
            content_type__model__in=["rostermember", "dutyshift", "dutyoverride"],
        )
    )
    return user


@pytest.mark.parametrize(
    "model, extra",
    [
        ("rostermember", {"case_cap": "3"}),
        ("dutyshift", {"kind": "office", "weekday": "0", "starts_at": "08:00", "ends_at": "12:00"}),
        (
            "dutyoverride",
            {
                "kind": "office",
                "starts_at_0": "2026-12-07",
                "starts_at_1": "08:00",
                "ends_at_0": "2026-12-07",
                "ends_at_1": "12:00",
                "note": "menggantikan",
            },
        ),
    ],
)
def test_roster_rows_never_name_staff_of_another_agency(
    client, editor, staff_a, staff_b, agency_a, model, extra
):
    """A forged POST naming another agency's officer is refused; the editor's own officer is
    accepted through the same form."""
    from django.apps import apps

    _roster_rights(editor)
    rows = apps.get_model("agencies", model).objects
    url = f"/admin/agencies/{model}/add/"
    refused = client.post(url, {"agency": agency_a.pk, "user": staff_b.pk, **extra})
    assert refused.status_code == 200 and "user" in refused.context["adminform"].form.errors
    assert not rows.filter(user=staff_b).exists()
    accepted = client.post(url, {"agency": agency_a.pk, "user": staff_a.pk, **extra})
    assert accepted.status_code == 302, accepted.context["adminform"].form.errors
    assert rows.filter(user=staff_a, agency=agency_a).count() == 1


def test_roster_member_must_work_in_the_chosen_agency(client, sysadmin, staff_b, agency_a):
    """Even a system admin, who may pick anyone, cannot put an outsider on an agency's roster:
    round-robin would hand them that agency's cases."""
    from sigap.agencies.models import RosterMember

    client.force_login(_roster_rights(sysadmin))
    response = client.post(
        "/admin/agencies/rostermember/add/", {"agency": agency_a.pk, "user": staff_b.pk}
    )
    assert response.status_code == 200
    assert "bukan petugas" in str(response.context["adminform"].form.non_field_errors())
    assert not RosterMember.objects.exists()


def test_admin_overrides_follow_the_consoles_rules(client, editor, staff_a, agency_a):
    """Overlapping overrides, or one ending before it starts, are refused in Indonesian."""
    from sigap.agencies.models import DutyOverride

    _roster_rights(editor)
    url = "/admin/agencies/dutyoverride/add/"
    base = {"agency": agency_a.pk, "user": staff_a.pk, "kind": "office", "note": "cuti"}

    def post(start: str, end: str) -> Any:
        times = {"starts_at_0": "2026-12-07", "starts_at_1": start}
        times |= {"ends_at_0": "2026-12-07", "ends_at_1": end}
        return client.post(url, {**base, **times})

    assert post("08:00", "12:00").status_code == 302
    overlapping = post("10:00", "14:00")
    assert "sudah memiliki perubahan piket" in str(overlapping.context["adminform"].form.errors)
    backwards = post("15:00", "13:00")
    assert "Waktu selesai harus setelah waktu mulai" in str(
        backwards.context["adminform"].form.errors
    )
    assert DutyOverride.objects.count() == 1
