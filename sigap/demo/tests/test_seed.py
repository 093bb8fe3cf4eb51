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


def test_demo_emergencies_get_the_emergency_clocks_whatever_their_category(db):
    from sigap.cases.models import Case
    from sigap.catalog.models import Category, Priority
    from sigap.sla.selectors import sla_policy_for_case

    pemda = demo_seed()
    category = Category.objects.filter(pemda=pemda).exclude(default_priority=Priority.EMERGENCY)[0]
    case = Case(pemda=pemda, category=category, priority=Priority.NORMAL)
    assert sla_policy_for_case(case).code == "standar"
    case.priority = Priority.EMERGENCY  # raised by the triage: a fire told as a road complaint
    assert sla_policy_for_case(case).code == "darurat"


def test_demo_agencies_keep_their_own_answers_and_replies(
    db, client, django_capture_on_commit_callbacks
):
    from sigap.console.models import CannedReply
    from sigap.routing import knowledge
    from sigap.routing.models import KnowledgeArticle

    pemda = demo_seed()
    assert CannedReply.objects.filter(pemda=pemda, agency=None).count() >= 3
    dputr, dinkes = Agency.objects.get(code="dputr"), Agency.objects.get(code="dinkes")
    client.force_login(User.objects.get(username="admin.dputr"))
    knowledge.faq_index_for(pemda)  # cached before the edit
    article = {
        "title": "Jadwal perbaikan jalan", "answer": "Perbaikan dijadwalkan per triwulan.",
        "questions": "kapan jalan saya diperbaiki\n\nkapan jalan saya diperbaiki\njadwal aspal",
        "is_active": "on",
    }  # fmt: skip
    with django_capture_on_commit_callbacks(execute=True):  # the FAQ cache clears on commit
        added = client.post("/admin/routing/knowledgearticle/add/", {**article, "agency": dputr.pk})
    assert added.status_code == 302
    saved = KnowledgeArticle.objects.get(title="Jadwal perbaikan jalan")
    assert saved.agency == dputr
    assert saved.questions == ["kapan jalan saya diperbaiki", "jadwal aspal"]
    assert knowledge.faq_answer(pemda, "kapan jalan saya diperbaiki?") == saved  # cache cleared
    # Another agency's article, forged: refused, nothing stored.
    forged = client.post(
        "/admin/routing/knowledgearticle/add/", {**article, "title": "Palsu", "agency": dinkes.pk}
    )
    assert forged.status_code == 200 and not KnowledgeArticle.objects.filter(title="Palsu").exists()
    # A canned reply with a mistyped variable is refused with the variables that exist.
    reply = {"pemda": pemda.pk, "agency": dputr.pk, "title": "Uji", "is_active": "on"}
    typo = client.post("/admin/console/cannedreply/add/", {**reply, "body": "Halo {nma}"})
    assert "Variabel tidak dikenal: {nma}" in typo.content.decode()
    ok = client.post("/admin/console/cannedreply/add/", {**reply, "body": "Halo {nama}"})
    assert ok.status_code == 302 and CannedReply.objects.get(title="Uji").agency == dputr
    pemda_wide = client.post(
        "/admin/console/cannedreply/add/", {**reply, "agency": "", "title": "U2", "body": "x"}
    )
    assert pemda_wide.status_code == 200 and not CannedReply.objects.filter(title="U2").exists()


def test_demo_system_admin_connects_channels_and_sets_triage_limits(db, client):
    demo_seed()
    client.force_login(User.objects.get(username="admin.sistem"))
    assert client.get("/admin/channels/channelaccount/").status_code == 200
    assert client.get("/admin/channels/channelaccount/add/").status_code == 200
    assert client.get("/admin/routing/triagepolicy/add/").status_code == 200
    client.force_login(User.objects.get(username="admin.dputr"))
    assert client.get("/admin/routing/triagepolicy/add/").status_code == 403


def test_demo_agency_admin_adds_units_under_their_agency_only(db, client):
    from sigap.core.testing import admin_form_data

    pemda = demo_seed()
    dputr, root = Agency.objects.get(code="dputr"), Agency.objects.get(code="bdg")
    client.force_login(User.objects.get(username="admin.dputr"))
    data = admin_form_data(client.get("/admin/agencies/agency/add/"))
    data |= {"pemda": pemda.pk, "name": "UPT Jalan Soreang", "short_name": "UPT Jalan",
             "code": "upt-jalan-soreang", "kind": AgencyKind.UPT}  # fmt: skip
    for parent in (root.pk, ""):  # beside the Pemda's agencies, or a new root: refused
        response = client.post("/admin/agencies/agency/add/", {**data, "parent": parent})
        assert response.status_code == 200, parent
        assert not Agency.objects.filter(code="upt-jalan-soreang").exists()
    response = client.post("/admin/agencies/agency/add/", {**data, "parent": dputr.pk})
    assert response.status_code == 302
    assert Agency.objects.get(code="upt-jalan-soreang").parent == dputr


def test_demo_agency_admin_edits_their_own_agency_but_cannot_move_it(db, client):
    from sigap.core.testing import admin_form_data

    demo_seed()
    dputr = Agency.objects.get(code="dputr")
    client.force_login(User.objects.get(username="admin.dputr"))
    url = f"/admin/agencies/agency/{dputr.pk}/change/"
    data = admin_form_data(client.get(url))
    assert "parent" not in data  # shown read-only
    response = client.post(url, {**data, "short_name": "DPUTR Kab."})
    assert response.status_code == 302
    dputr.refresh_from_db()
    assert dputr.short_name == "DPUTR Kab." and dputr.parent.code == "bdg"
    forged = client.post(url, {**data, "parent": dputr.pk})  # ignored: the field is read-only
    dputr.refresh_from_db()
    assert forged.status_code == 302 and dputr.parent.code == "bdg"


def test_an_officer_membership_gives_no_say_over_that_agencys_configuration(db, client):
    from sigap.agencies.models import Role
    from sigap.agencies.services import membership_add
    from sigap.channels.models import ChannelAccount

    demo_seed()
    admin_dputr = User.objects.get(username="admin.dputr")
    bupati_office = Agency.objects.get(code="bupati")
    membership_add(user=admin_dputr, agency=bupati_office, role=Role.AGENCY_OFFICER)
    client.force_login(admin_dputr)
    account = ChannelAccount.objects.get(agency=bupati_office, kind="whatsapp")
    assert client.get(f"/admin/channels/channelaccount/{account.pk}/change/").status_code == 302
    from sigap.core.testing import admin_form_data

    data = admin_form_data(client.get("/admin/catalog/category/add/"))
    data |= {"name": "Kategori uji", "code": "kategori-uji", "pemda": bupati_office.pemda_id,
             "kind": CaseKind.COMPLAINT}  # fmt: skip
    for agency in (bupati_office.pk, ""):  # another agency's, or Pemda-wide: refused
        response = client.post("/admin/catalog/category/add/", {**data, "default_agency": agency})
        assert response.status_code == 200
    assert not Category.objects.filter(code="kategori-uji").exists()
    dputr = Agency.objects.get(code="dputr")
    own = client.post("/admin/catalog/category/add/", {**data, "default_agency": dputr.pk})
    errors = own.context["adminform"].form.errors if own.status_code == 200 else None
    assert own.status_code == 302, errors  # the same form with their own agency is taken
    assert Category.objects.get(code="kategori-uji").default_agency == dputr


def test_demo_agency_admin_connects_a_number_but_not_its_hosts(db, client):
    from sigap.channels.models import ChannelAccount
    from sigap.core.testing import admin_form_data

    pemda = demo_seed()
    dputr = Agency.objects.get(code="dputr")
    client.force_login(User.objects.get(username="admin.dputr"))
    data = admin_form_data(client.get("/admin/channels/channelaccount/add/"))
    data |= {
        "pemda": pemda.pk, "agency": dputr.pk, "kind": "sms", "code": "sms-dputr",
        "name": "SMS DPUTR",
        "external_id": "6281100009999", "webhook_secret": "rahasia-sms-dputr",
        "config": '{"send_url": "http://169.254.169.254/latest/meta-data/"}',
    }  # fmt: skip
    response = client.post("/admin/channels/channelaccount/add/", data)
    assert response.status_code == 302
    account = ChannelAccount.objects.get(code="sms-dputr")
    assert account.agency == dputr and account.kind == "sms"
    assert account.config == {}  # the hosts Sigap connects to are the system admin's
