"""Regions are Kemendagri codes shared by the whole Pemda: only system administrators edit them."""

from __future__ import annotations

from django.contrib.auth.models import Permission

from sigap.agencies.models import Role
from sigap.agencies.services import membership_add
from sigap.core.testing import admin_form_data
from sigap.regions.models import Region, RegionLevel


def test_agency_admin_reads_but_cannot_write_regions(client, admin_a):
    region = Region.objects.create(
        code="32.04", name="Kabupaten Bandung", level=RegionLevel.KABUPATEN_KOTA
    )
    admin_a.is_staff = True
    admin_a.save()
    # Every model right, as the demo group used to hand out: the page must refuse anyway.
    admin_a.user_permissions.add(*Permission.objects.filter(content_type__app_label="regions"))
    client.force_login(admin_a)
    url = f"/admin/regions/region/{region.pk}/"
    page = client.get(f"{url}change/")
    assert page.status_code == 200 and not page.context["has_change_permission"]
    assert client.post(f"{url}change/", {"name": "Kabupaten Lain"}).status_code == 403
    assert client.post(f"{url}delete/", {"post": "yes"}).status_code == 403
    added = {"code": "32.99", "name": "Baru", "level": RegionLevel.KABUPATEN_KOTA}
    assert client.post("/admin/regions/region/add/", added).status_code == 403
    assert list(Region.objects.values_list("name", flat=True)) == ["Kabupaten Bandung"]


def test_system_admin_edits_regions(client, root_agency, django_user_model):
    region = Region.objects.create(
        code="32.04", name="Kab Bandung", level=RegionLevel.KABUPATEN_KOTA
    )
    user = django_user_model.objects.create_user("sysadmin", password="x", is_staff=True)
    membership_add(user=user, agency=root_agency, role=Role.SYSTEM_ADMIN)
    client.force_login(user)
    url = f"/admin/regions/region/{region.pk}/change/"
    data = admin_form_data(client.get(url)) | {"name": "Kabupaten Bandung"}
    assert client.post(url, data).status_code == 302
    assert Region.objects.get(pk=region.pk).name == "Kabupaten Bandung"
