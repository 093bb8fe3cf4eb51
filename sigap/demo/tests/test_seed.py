from __future__ import annotations

import pytest
from django.contrib.auth import authenticate
from django.core.exceptions import ImproperlyConfigured

from sigap.agencies.models import Agency, AgencyKind, Membership, Pemda, User
from sigap.catalog.models import CaseKind, Category
from sigap.demo.seed import DEMO_PASSWORD, demo_seed, demo_usernames


def counts() -> tuple[int, ...]:
    return (
        Pemda.objects.count(),
        Agency.objects.count(),
        Category.objects.count(),
        User.objects.count(),
        Membership.objects.count(),
    )


def test_demo_seed_is_complete_and_idempotent(db):
    pemda = demo_seed()
    first = counts()
    demo_seed()
    assert counts() == first
    assert pemda.tracking_prefix == "BDG"
    assert Agency.objects.filter(pemda=pemda, kind=AgencyKind.KECAMATAN).count() == 31
    assert Category.objects.filter(pemda=pemda).count() >= 30
    kinds = set(Category.objects.values_list("kind", flat=True))
    assert kinds == set(CaseKind.values)
    assert all(c.default_agency_id for c in Category.objects.all())
    for code in ("disdik", "dinkes", "dputr", "disdukcapil", "bpbd", "damkar", "bupati", "cc"):
        assert Agency.objects.filter(pemda=pemda, code=code).exists(), code


def test_demo_logins_work_with_the_demo_password(db):
    demo_seed()
    for username in ("koordinator", "admin.dputr", "petugas.dputr", "admin.dinkes",
                     "petugas.dinkes", "operator.cc", "bupati"):  # fmt: skip
        assert username in demo_usernames()
        assert authenticate(username=username, password=DEMO_PASSWORD) is not None, username


def test_demo_refused_in_production(db, settings):
    settings.IS_PRODUCTION = True
    with pytest.raises(ImproperlyConfigured):
        demo_seed()
    assert Pemda.objects.count() == 0


def test_demo_whatsapp_number_belongs_to_the_bupati_office(db):
    from sigap.channels.models import ChannelAccount

    demo_seed()
    demo_seed()
    account = ChannelAccount.objects.get(external_id="100000000000001")
    assert account.agency.code == "bupati" and account.kind == "whatsapp"
    assert account.app_secret == "demo-app-secret" and account.verify_token == "demo-verify-token"
    assert account.access_token == "demo-access-token"
    kinds = set(ChannelAccount.objects.filter(agency__code="bupati").values_list("kind", flat=True))
    assert kinds == {"whatsapp", "telegram", "instagram"}
    assert ChannelAccount.objects.count() == 3


def test_demo_has_a_router_and_knowledge_articles(db):
    from sigap.routing.models import KnowledgeArticle, RoutingModel

    demo_seed()
    demo_seed()
    assert RoutingModel.objects.filter(is_active=True).count() == 1
    assert KnowledgeArticle.objects.count() >= 12


def test_demo_agency_admin_cannot_escalate_or_edit_pemda_settings(db, client):
    from django.contrib.auth.models import Group

    from sigap.agencies.models import Role
    from sigap.sla.models import SlaPolicy

    demo_seed()
    group = Group.objects.get(name="Pengelola konfigurasi")
    codenames = set(group.permissions.values_list("codename", flat=True))
    assert {"view_slapolicy", "view_businesscalendar", "view_region"} <= codenames
    assert not {"change_slapolicy", "change_businesscalendar", "change_region"} & codenames
    admin_dputr = User.objects.get(username="admin.dputr")
    officer = User.objects.get(username="petugas.dputr")
    client.force_login(admin_dputr)
    # The audit's repro A: an officer made coordinator at the Pemda root.
    root = Agency.objects.get(code="bdg")
    response = client.post(
        "/admin/agencies/membership/add/",
        {"user": officer.pk, "agency": root.pk, "role": Role.COORDINATOR},
    )
    assert response.status_code == 200
    assert list(officer.memberships.values_list("role", flat=True)) == [Role.AGENCY_OFFICER]
    policy = SlaPolicy.objects.first()
    assert client.post(f"/admin/sla/slapolicy/{policy.pk}/change/", {}).status_code == 403
