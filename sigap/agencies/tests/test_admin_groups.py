"""The admin's permission groups exist on every install and follow the roles."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import Group, Permission
from django.utils import timezone

from sigap.agencies.admin_groups import (
    CONFIG_GROUP,
    DIAGNOSTICS_GROUP,
    admin_groups_sync,
    admin_rights_migrate,
)
from sigap.agencies.models import Membership, Role, User
from sigap.agencies.selectors import staff_authority
from sigap.agencies.services import agency_save, membership_add, membership_delete
from sigap.channels.models import InboundEvent


@pytest.fixture(autouse=True)
def _fast_passwords(settings) -> None:
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


def groups_of(user: User) -> set[str]:
    return set(user.groups.values_list("name", flat=True))


def test_migrate_made_both_groups_with_their_permissions(db):
    """post_migrate ran when the test database was built, as on a production install."""
    config = set(
        Group.objects.get(name=CONFIG_GROUP).permissions.values_list("codename", flat=True)
    )
    assert {"change_channelaccount", "add_category", "change_user", "view_slapolicy"} <= config
    assert not {"change_slapolicy", "change_region", "view_inboundevent"} & config
    diagnostics = Group.objects.get(name=DIAGNOSTICS_GROUP).permissions
    assert set(diagnostics.values_list("codename", flat=True)) == {
        "view_inboundevent", "change_inboundevent", "view_outboundmessage", "view_mailboxstate",
    }  # fmt: skip


def test_sync_repairs_a_group_someone_changed_by_hand(db):
    group = Group.objects.get(name=CONFIG_GROUP)
    group.permissions.add(Permission.objects.get(codename="change_slapolicy"))
    group.permissions.remove(Permission.objects.get(codename="change_channelaccount"))
    admin_groups_sync()
    codenames = set(group.permissions.values_list("codename", flat=True))
    assert "change_channelaccount" in codenames and "change_slapolicy" not in codenames


def test_a_system_admin_configures_channels_and_reads_deliveries_in_the_admin(
    db, client, root_agency, django_user_model
):
    """The deploy audit: a system admin on a fresh install got 403 on channel accounts."""
    engineer = django_user_model.objects.create_user("diskominfo", password="x-panjang-sekali-1")
    assert not engineer.is_staff
    membership_add(user=engineer, agency=root_agency, role=Role.SYSTEM_ADMIN)
    engineer.refresh_from_db()
    assert engineer.is_staff and groups_of(engineer) == {CONFIG_GROUP, DIAGNOSTICS_GROUP}
    client.force_login(engineer)
    for page in ("channels/channelaccount", "channels/inboundevent", "agencies/agency"):
        assert client.get(f"/admin/{page}/").status_code == 200, page


@pytest.fixture
def sysadmin(root_agency, django_user_model) -> User:
    user = django_user_model.objects.create_user("sysadmin", password="x-panjang-sekali-1")
    membership_add(user=user, agency=root_agency, role=Role.SYSTEM_ADMIN)
    return user


def test_agency_admin_gets_configuration_only_and_loses_it_with_the_role(
    db, client, admin_a, agency_a, sysadmin
):
    admin_a.refresh_from_db()
    assert admin_a.is_staff and groups_of(admin_a) == {CONFIG_GROUP}
    client.force_login(admin_a)
    assert client.get("/admin/channels/channelaccount/").status_code == 200
    assert client.get("/admin/channels/inboundevent/").status_code == 403

    membership = admin_a.memberships.get(agency=agency_a)
    membership_delete(membership=membership, authority=staff_authority(sysadmin))
    admin_a.refresh_from_db()
    assert not admin_a.is_staff and groups_of(admin_a) == set()
    assert client.get("/admin/channels/channelaccount/").status_code == 302  # to the login


def test_officers_and_leaders_get_no_admin_and_hand_grants_stay(db, staff_a, agency_a, sysadmin):
    staff_a.refresh_from_db()
    assert not staff_a.is_staff and groups_of(staff_a) == set()
    # A superuser gave an officer a group of their own making: a role change keeps it.
    helpdesk = Group.objects.create(name="Helpdesk")
    staff_a.groups.add(helpdesk)
    staff_a.is_staff = True
    staff_a.save()
    membership_add(user=staff_a, agency=agency_a, role=Role.AGENCY_ADMIN)
    granted = staff_a.memberships.get(role=Role.AGENCY_ADMIN)
    membership_delete(membership=granted, authority=staff_authority(sysadmin))
    staff_a.refresh_from_db()
    assert staff_a.is_staff and groups_of(staff_a) == {"Helpdesk"}


def test_replaying_deliveries_needs_the_change_permission(db, client, staff_a):
    """A view-only account sees the deliveries but is not offered the replay, and a forged
    POST of the action leaves the dead event dead and queues nothing."""
    from django_tasks_db.models import DBTaskResult

    staff_a.is_staff = True
    staff_a.save()
    staff_a.user_permissions.add(Permission.objects.get(codename="view_inboundevent"))
    client.force_login(staff_a)
    event = InboundEvent.objects.create(
        channel="whatsapp", external_id="x-1", body="{}", received_at=timezone.now(),
        status="dead", attempts=3, last_error="gagal",
    )  # fmt: skip
    page = client.get("/admin/channels/inboundevent/")
    assert page.status_code == 200 and b"reprocess" not in page.content
    response = client.post(
        "/admin/channels/inboundevent/", {"action": "reprocess", "_selected_action": [event.pk]}
    )
    assert response.status_code in (200, 302)
    event.refresh_from_db()
    assert (event.status, event.attempts) == ("dead", 3)
    assert not DBTaskResult.objects.exists()


def test_rights_go_with_an_agency_deleted_or_switched_off(db, unit_a, django_user_model, sysadmin):
    """A membership that disappears in a cascade, or sits in a deactivated agency, gives no
    admin rights (the review found a deleted unit's admins kept them)."""
    head = django_user_model.objects.create_user("kepala.unit", password="x-panjang-sekali-1")
    membership_add(user=head, agency=unit_a, role=Role.AGENCY_ADMIN)
    head.refresh_from_db()
    assert head.is_staff and groups_of(head) == {CONFIG_GROUP}

    unit_a.is_active = False
    agency_save(agency=unit_a)
    head.refresh_from_db()
    assert not head.is_staff and groups_of(head) == set()
    unit_a.is_active = True
    agency_save(agency=unit_a)
    head.refresh_from_db()
    assert head.is_staff and groups_of(head) == {CONFIG_GROUP}

    unit_a.delete()  # what the admin's delete (one or in bulk) does
    head.refresh_from_db()
    assert not Membership.objects.filter(user=head).exists()
    assert not head.is_staff and groups_of(head) == set()


def test_a_group_deleted_by_hand_is_made_again_not_a_crash(db, staff_a, agency_a):
    Group.objects.filter(name=DIAGNOSTICS_GROUP).delete()
    membership_add(user=staff_a, agency=agency_a, role=Role.AGENCY_OFFICER)
    assert Group.objects.filter(name=DIAGNOSTICS_GROUP).exists()
    staff_a.refresh_from_db()
    assert groups_of(staff_a) == set()


def test_migrate_brings_admins_of_an_older_install_in_line(db, root_agency, django_user_model):
    """Memberships written before this module (no service call) get their rights on migrate."""
    engineer = django_user_model.objects.create_user("lama", password="x-panjang-sekali-1")
    Membership.objects.create(user=engineer, agency=root_agency, role=Role.SYSTEM_ADMIN)
    assert not engineer.is_staff
    admin_rights_migrate()
    engineer.refresh_from_db()
    assert engineer.is_staff and groups_of(engineer) == {CONFIG_GROUP, DIAGNOSTICS_GROUP}
