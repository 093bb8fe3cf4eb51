from __future__ import annotations

from sigap.agencies.models import Role
from sigap.agencies.services import membership_add


def test_agency_admin_sees_only_their_subtree_in_admin(
    client, admin_a, agency_a, unit_a, agency_b, django_user_model
):
    from django.contrib.auth.models import Permission

    admin_a.is_staff = True
    admin_a.save()
    admin_a.user_permissions.add(
        *Permission.objects.filter(codename__in=["view_agency", "change_agency"])
    )
    client.force_login(admin_a)
    html = client.get("/admin/agencies/agency/").content.decode()
    assert "Bidang Bina Marga" in html and "DPUTR" in html
    assert "Dinkes" not in html
    assert (
        client.get(f"/admin/agencies/agency/{agency_b.pk}/change/").status_code == 302
    )  # not found → redirect


def test_system_admin_sees_all_agencies(client, root_agency, agency_a, agency_b, django_user_model):
    from django.contrib.auth.models import Permission

    sysadmin = django_user_model.objects.create_user(
        "sysadmin", password="x-panjang-sekali-1", is_staff=True
    )
    sysadmin.user_permissions.add(*Permission.objects.filter(codename="view_agency"))
    membership_add(user=sysadmin, agency=root_agency, role=Role.SYSTEM_ADMIN)
    client.force_login(sysadmin)
    html = client.get("/admin/agencies/agency/").content.decode()
    assert "DPUTR" in html and "Dinkes" in html


def test_non_staff_cannot_open_admin(client, staff_a):
    client.force_login(staff_a)
    response = client.get("/admin/")
    assert response.status_code == 302 and "/admin/login/" in response["Location"]
