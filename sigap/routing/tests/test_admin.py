"""Routing rows quote what citizens wrote: outside superusers the admin shows metadata only."""

from __future__ import annotations

from django.contrib.auth.models import Permission

from sigap.agencies.models import Role
from sigap.agencies.services import membership_add
from sigap.routing.models import RoutingExample, TriageResult


def _sysadmin(client, root_agency, django_user_model, *codenames):
    user = django_user_model.objects.create_user("sysadmin", password="x", is_staff=True)
    membership_add(user=user, agency=root_agency, role=Role.SYSTEM_ADMIN)
    user.user_permissions.add(*Permission.objects.filter(codename__in=codenames))
    client.force_login(user)
    return user


def test_training_texts_are_for_superusers_only(
    client, admin_client, pemda, root_agency, django_user_model
):
    example = RoutingExample.objects.create(
        pemda=pemda, text="Budi Santoso 081234567890 jalan rusak", label="dputr", source="seed"
    )
    _sysadmin(client, root_agency, django_user_model, "view_routingexample", "add_routingexample")
    listing = client.get("/admin/routing/routingexample/").content.decode()
    page = client.get(f"/admin/routing/routingexample/{example.pk}/change/").content.decode()
    for html in (listing, page):
        assert "dputr" in html and "081234567890" not in html
    assert client.get("/admin/routing/routingexample/?text__contains=0812").status_code == 400
    assert client.get("/admin/routing/routingexample/?q=081234567890").status_code == 200
    assert (
        "081234567890" not in client.get("/admin/routing/routingexample/?q=0812").content.decode()
    )
    assert client.get("/admin/routing/routingexample/add/").status_code == 403
    su_page = admin_client.get(f"/admin/routing/routingexample/{example.pk}/change/")
    assert "081234567890" in su_page.content.decode()


def test_triage_findings_are_for_superusers_only(
    client, admin_client, case_a, root_agency, django_user_model
):
    TriageResult.objects.update_or_create(
        case=case_a,
        defaults={
            "confidence": 0.42,
            "personal_data": [{"kind": "phone", "value": "081234567890"}],
            "place": {"name": "Gang Kelinci 7"},
        },
    )
    _sysadmin(client, root_agency, django_user_model, "view_triageresult")
    url = f"/admin/routing/triageresult/{case_a.triage.pk}/change/"
    html = client.get(url).content.decode()
    assert "0.42" in html or "0,42" in html
    assert "081234567890" not in html and "Gang Kelinci" not in html
    assert "081234567890" in admin_client.get(url).content.decode()
