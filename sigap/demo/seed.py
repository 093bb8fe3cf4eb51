"""Seed the demo Pemda (Kabupaten Bandung) idempotently from ``sigap.demo.data``."""

from __future__ import annotations

import logging
from pathlib import Path

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.db import transaction

from sigap.agencies.models import Agency, AgencyKind, Membership, Pemda, User
from sigap.agencies.services import agency_save, membership_add
from sigap.catalog.models import Category, Priority
from sigap.channels.models import ChannelAccount, ChannelKind
from sigap.console.models import CannedReply
from sigap.demo import data
from sigap.regions.models import Region, RegionLevel
from sigap.regions.services import regions_import_csv, regions_import_geojson
from sigap.routing.models import KnowledgeArticle, RoutingModel
from sigap.routing.training import routing_train
from sigap.sla.models import BusinessCalendar, SlaPolicy, SlaRule
from sigap.sla.services.setup import sla_setup_cache_clear

logger = logging.getLogger(__name__)

DEMO_PASSWORD = "sigap-demo"  # noqa: S105 - demo only, refused in production

# The demo data speaks the Indonesian priority words of the issue; the model stores English.
PRIORITY_WORDS = {
    "darurat": Priority.EMERGENCY,
    "tinggi": Priority.HIGH,
    "normal": Priority.NORMAL,
    "rendah": Priority.LOW,
}

# Roles whose holders manage configuration through the Django admin.


def demo_usernames() -> list[str]:
    return [staff["username"] for staff in data.DEMO_STAFF]


@transaction.atomic
def demo_seed() -> Pemda:
    if settings.IS_PRODUCTION:
        raise ImproperlyConfigured("Pemda demo tidak boleh diisi pada SIGAP_ENV=production.")
    kabupaten = _seed_regions()
    pemda, _created = Pemda.objects.update_or_create(
        code=data.PEMDA["code"],
        defaults={
            "name": data.PEMDA["name"],
            "short_name": data.PEMDA["short_name"],
            "tracking_prefix": data.PEMDA["tracking_prefix"],
            "timezone": data.PEMDA["timezone"],
            "region": kabupaten,
            "open311_jurisdiction": "bandungkab.go.id",
        },
    )
    calendars = _seed_calendars()
    agencies = _seed_agencies(pemda, calendars)
    policies = _seed_sla_policies()
    _seed_categories(pemda, agencies, policies)
    _seed_emergency_rule(pemda, policies["darurat"])
    _seed_staff(agencies)
    _seed_channels(pemda, agencies["bupati"])
    _seed_router(pemda)
    _seed_knowledge(agencies)
    _seed_canned_replies(pemda, agencies)
    return pemda


def _seed_regions() -> Region:
    shared = Path(settings.SIGAP_SHARED_DATA_DIR)
    codes_csv = shared / "wilayah_kemendagri" / "kab_bandung_3204.csv"
    if codes_csv.exists():
        regions_import_csv(path=codes_csv)
        boundaries = shared / "wilayah_boundaries_kab_bandung"
        already = Region.objects.filter(boundary__isnull=False).exists()
        for name in (
            "kab_bandung_3204_kecamatan.geojson",
            "kab_bandung_3204_desa_kelurahan.geojson",
        ):
            if not already and (boundaries / name).exists():
                regions_import_geojson(path=boundaries / name)
    provinsi, _ = Region.objects.get_or_create(
        code="32", defaults={"name": "Jawa Barat", "level": RegionLevel.PROVINSI}
    )
    kabupaten, _ = Region.objects.get_or_create(
        code=data.PEMDA["region_code"],
        defaults={
            "name": "Kabupaten Bandung",
            "level": RegionLevel.KABUPATEN_KOTA,
            "parent": provinsi,
        },
    )
    for code, name in data.KECAMATAN:
        Region.objects.get_or_create(
            code=code, defaults={"name": name, "level": RegionLevel.KECAMATAN, "parent": kabupaten}
        )
    return kabupaten


def _seed_calendars() -> dict[str, BusinessCalendar]:
    office, _ = BusinessCalendar.objects.get_or_create(name="Jam kerja Pemda (WIB)")
    always, _ = BusinessCalendar.objects.get_or_create(
        name="24 jam (command center)", defaults={"always_open": True}
    )
    return {"office": office, "always": always}


def _agency_rows() -> list[dict]:
    rows = [dict(row) for row in data.AGENCIES]
    for code, name in data.KECAMATAN:
        slug = name.lower().replace(" ", "-").replace("'", "")
        rows.append(
            {
                "code": f"kec-{slug}",
                "name": f"Kecamatan {name}",
                "short_name": f"Kec. {name}",
                "kind": AgencyKind.KECAMATAN,
                "parent": data.PEMDA["code"],
                "description": "",
                "region_code": code,
            }
        )
    return rows


def _seed_agencies(pemda: Pemda, calendars: dict[str, BusinessCalendar]) -> dict[str, Agency]:
    agencies = {a.code: a for a in Agency.objects.filter(pemda=pemda)}
    regions = {r.code: r for r in Region.objects.filter(level=RegionLevel.KECAMATAN)}
    for row in _agency_rows():  # parents come before children in the data
        agency = agencies.get(row["code"]) or Agency(pemda=pemda, code=row["code"])
        agency.name, agency.short_name, agency.kind = row["name"], row["short_name"], row["kind"]
        agency.description = row.get("description", "")
        agency.parent = agencies.get(row["parent"]) if row.get("parent") else None
        agency.region = regions.get(row.get("region_code", ""))
        agency.calendar = calendars[
            "always" if row["kind"] == AgencyKind.COMMAND_CENTER else "office"
        ]
        agencies[row["code"]] = agency_save(agency=agency)
    return agencies


def _seed_sla_policies() -> dict[str, SlaPolicy]:
    rows = [
        ("standar", "Standar LAPOR! (3/5/10 hari kerja)", 15, 3, 5, 14, 10),
        ("darurat", "Darurat (respons segera)", 5, 0, 1, 3, 10),
        ("pengawasan", "Pengaduan berindikasi pengawasan (60 hari)", 15, 3, 5, 60, 10),
    ]
    policies = {}
    for code, name, first, verify, follow, resolve, close in rows:
        policies[code], _ = SlaPolicy.objects.update_or_create(
            code=code,
            defaults={
                "name": name,
                "first_response_minutes": first,
                "verification_days": verify,
                "followup_days": follow,
                "resolution_days": resolve,
                "autoclose_days": close,
            },
        )
    return policies


def _seed_emergency_rule(pemda: Pemda, policy: SlaPolicy) -> None:
    """A case the triage raised to *darurat* (a fire told in a pothole category, say) gets the
    emergency clocks, not its category's; a category rule would still win (see SlaRule)."""
    SlaRule.objects.update_or_create(
        pemda=pemda, category=None, agency=None, priority=Priority.EMERGENCY,
        defaults={"policy": policy},
    )  # fmt: skip
    sla_setup_cache_clear()


def _seed_categories(
    pemda: Pemda, agencies: dict[str, Agency], policies: dict[str, SlaPolicy]
) -> None:
    for order, row in enumerate(data.CATEGORIES):
        priority = PRIORITY_WORDS[row["default_priority"]]
        policy = policies["darurat" if priority == Priority.EMERGENCY else "standar"]
        if row["agency"] == "inspektorat":
            policy = policies["pengawasan"]
        Category.objects.update_or_create(
            pemda=pemda,
            code=row["code"],
            defaults={
                "name": row["name"],
                "group": row["group"],
                "kind": row["kind"],
                "description": row.get("description", ""),
                "default_agency": agencies[row["agency"]],
                "default_priority": priority,
                "keywords": list(row["keywords"]),
                "examples": list(row["examples"]),
                "open311_code": row["open311_code"],
                "sla_policy": policy,
                "sort_order": order,
            },
        )


def _seed_staff(agencies: dict[str, Agency]) -> None:
    for row in data.DEMO_STAFF:
        user = User.objects.filter(username=row["username"]).first()
        if user is None:
            user = User(username=row["username"])
            user.set_password(DEMO_PASSWORD)
        user.full_name, user.email = row["full_name"], row["email"]
        user.save()
        # `is_staff` and the admin's groups follow the roles (agencies.admin_groups).
        for agency_code, role in row["memberships"]:
            membership_add(user=user, agency=agencies[agency_code], role=role)
    Membership.objects.filter(user__username__in=demo_usernames()).exclude(
        agency__in=list(agencies.values())
    ).delete()


# The demo WhatsApp number of the Bupati's office (documented in the README; demo only).
DEMO_WHATSAPP = {
    "phone_number_id": "100000000000001",
    "app_secret": "demo-app-secret",
    "verify_token": "demo-verify-token",
    "access_token": "demo-access-token",
}


# The demo Telegram bot of the Bupati's office (talks to `sigap standin telegram`).
DEMO_TELEGRAM = {
    "bot_id": "7000000001",
    "token": "7000000001:demo-telegram-bot-token",
    "secret": "demo-telegram-secret_2026",
}


# The demo Instagram account of the Bupati's office (talks to `sigap standin instagram`).
DEMO_INSTAGRAM = {
    "account_id": "17841400000000001",
    "app_secret": "demo-instagram-secret",
    "access_token": "demo-instagram-token",
    "verify_token": "demo-instagram-verify",
}


def _account(kind: str, external_id: str) -> ChannelAccount:
    return ChannelAccount.objects.filter(kind=kind, external_id=external_id).first() or (
        ChannelAccount(kind=kind, external_id=external_id)
    )


def _seed_channels(pemda: Pemda, leader_office: Agency) -> None:
    whatsapp = _account(ChannelKind.WHATSAPP, DEMO_WHATSAPP["phone_number_id"])
    whatsapp.pemda, whatsapp.agency = pemda, leader_office
    whatsapp.code, whatsapp.name = "wa-bupati", "WhatsApp Lapor Bupati (demo)"
    whatsapp.display_address = "+62 811-0000-1111"
    whatsapp.app_secret = DEMO_WHATSAPP["app_secret"]
    whatsapp.verify_token = DEMO_WHATSAPP["verify_token"]
    whatsapp.access_token = DEMO_WHATSAPP["access_token"]
    whatsapp.config = {
        "templates": {"default": {"name": "status_laporan", "language": "id", "parameters": 2}}
    }
    whatsapp.save()
    telegram = _account(ChannelKind.TELEGRAM, DEMO_TELEGRAM["bot_id"])
    telegram.pemda, telegram.agency = pemda, leader_office
    telegram.code, telegram.name = "tg-bupati", "Telegram Lapor Bupati (demo)"
    telegram.display_address = "@sigap_7000000001_bot"
    telegram.access_token = DEMO_TELEGRAM["token"]
    telegram.webhook_secret = DEMO_TELEGRAM["secret"]
    telegram.save()
    instagram = _account(ChannelKind.INSTAGRAM, DEMO_INSTAGRAM["account_id"])
    instagram.pemda, instagram.agency = pemda, leader_office
    instagram.code, instagram.name = "ig-bupati", "Instagram Bupati (demo)"
    instagram.display_address = "@pemkab.demo"
    instagram.app_secret = DEMO_INSTAGRAM["app_secret"]
    instagram.access_token = DEMO_INSTAGRAM["access_token"]
    instagram.verify_token = DEMO_INSTAGRAM["verify_token"]
    instagram.config = {"api": "instagram_login"}
    instagram.save()


def _seed_knowledge(agencies: dict[str, Agency]) -> None:
    for row in data.KNOWLEDGE_ARTICLES:
        KnowledgeArticle.objects.update_or_create(
            agency=agencies[row["agency"]],
            title=row["title"],
            defaults={
                "questions": list(row["questions"]),
                "answer": row["answer"],
                "source_url": row["source_url"],
            },
        )


def _seed_canned_replies(pemda: Pemda, agencies: dict[str, Agency]) -> None:
    for row in data.CANNED_REPLIES:
        agency = agencies[row["agency"]] if row["agency"] else None
        CannedReply.objects.update_or_create(
            pemda=pemda, agency=agency, title=row["title"], defaults={"body": row["body"]}
        )


def _seed_router(pemda: Pemda) -> None:
    """Cold start: the first router learns from the catalog's example texts."""
    if not RoutingModel.objects.filter(pemda=pemda, is_active=True).exists():
        routing_train(pemda=pemda)
