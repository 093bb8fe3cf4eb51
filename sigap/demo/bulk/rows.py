"""The rows of one batch of generated cases: case, reporter, message, timeline, SLA."""

from __future__ import annotations

import bisect
import itertools
import random
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from types import SimpleNamespace
from typing import Any

from django.contrib.auth.hashers import make_password
from django.db import models

from sigap.agencies.models import Agency, AgencyKind, Pemda, Role, User
from sigap.agencies.services import membership_add
from sigap.cases.models import (
    Case,
    CaseEvent,
    CaseStatus,
    Disposition,
    DispositionReason,
    EventKind,
    Message,
    MessageDirection,
    MessageStatus,
)
from sigap.catalog.models import CaseKind, Category, Priority
from sigap.channels.models import ChannelAccount
from sigap.contacts.models import Channel, Contact, ContactIdentity
from sigap.demo.bulk.load import Writer
from sigap.demo.bulk.story import (
    AUTOCLOSE_NOTE,
    Lifecycle,
    Place,
    identity,
    person_name,
    report_text,
)
from sigap.demo.seed import DEMO_PASSWORD
from sigap.regions.models import Region, RegionLevel
from sigap.sla.calendar import Pause
from sigap.sla.clocks import DUE_FIELD, LEVEL_FIELD, CaseClocks, autoclose_due, office_calendar_for
from sigap.sla.models import SlaPause
from sigap.sla.selectors import SlaContext

OFFICERS_PER_AGENCY = 3
FREQUENT_REPORTERS = 300  # per channel: a few dozen cases each over two years
# The intake mix of a Pemda that publicises a WhatsApp number first.
CHANNEL_WEIGHTS = {
    Channel.WHATSAPP: 48, Channel.WEB: 18, Channel.INSTAGRAM: 11, Channel.TELEGRAM: 8,
    Channel.SMS: 6, Channel.EMAIL: 4, Channel.WALK_IN: 5,
}  # fmt: skip
# What people write about most; other categories weigh by their kind.
POPULAR = {
    "jalan-rusak": 12, "sampah-menumpuk": 9, "pju-mati": 6, "drainase-genangan": 6,
    "air-bersih-pdam": 5, "adminduk": 7, "bansos-dtks": 7, "spmb-ppdb": 4, "listrik-pln": 3,
}  # fmt: skip
KIND_WEIGHT: dict[str, float] = {CaseKind.EMERGENCY: 0.25, CaseKind.ASPIRATION: 1.0}
CHANNELS = list(CHANNEL_WEIGHTS)
CHANNEL_CUMULATIVE = [float(w) for w in itertools.accumulate(CHANNEL_WEIGHTS.values())]
OPEN_OR_RESOLVED = {
    CaseStatus.NEW, CaseStatus.VERIFIED, CaseStatus.IN_PROGRESS, CaseStatus.WAITING_CITIZEN,
    CaseStatus.RESOLVED,
}  # fmt: skip


# --- reference data ---------------------------------------------------------------------------


@dataclass
class References:
    pemda: Pemda
    categories: list[Category]
    category_weights: list[float]
    places: list[Place]
    officers: dict[int, list[User]]  # agency id -> officers
    deciders: list[User]  # coordinators and agency heads who verify
    accounts: dict[str, int]  # channel -> ChannelAccount id
    sla: SlaContext

    @classmethod
    def load(cls, pemda: Pemda, rng: random.Random) -> References:
        categories = list(
            Category.objects.filter(pemda=pemda, is_active=True, default_agency__isnull=False)
            .select_related("default_agency", "sla_policy")
            .order_by("sort_order", "pk")
        )
        if not categories:
            raise ValueError("Pemda demo belum punya kategori: jalankan `sigap demo` dahulu.")
        weights = [_weight(category) * rng.uniform(0.7, 1.3) for category in categories]
        officers = officers_ensure(
            pemda, {c.default_agency for c in categories if c.default_agency}
        )
        deciders = list(
            User.objects.filter(
                memberships__agency__pemda=pemda,
                memberships__role__in=[Role.COORDINATOR, Role.AGENCY_ADMIN],
            ).distinct()
        )
        accounts = dict(
            ChannelAccount.objects.filter(pemda=pemda).values_list("kind", "pk").order_by("pk")
        )
        return cls(
            pemda=pemda, categories=categories,
            category_weights=list(itertools.accumulate(weights)),
            places=places_load(pemda), officers=officers,
            deciders=deciders or [u for us in officers.values() for u in us], accounts=accounts,
            sla=SlaContext(),
        )  # fmt: skip


def places_load(pemda: Pemda) -> list[Place]:
    """Villages (desa/kelurahan) of the Pemda's kecamatan; the kecamatan themselves without."""
    kecamatan = list(
        Region.objects.filter(level=RegionLevel.KECAMATAN, code__startswith=region_prefix(pemda))
    )
    villages = Region.objects.filter(
        level=RegionLevel.DESA_KELURAHAN, parent__in=kecamatan
    ).select_related("parent")
    places = [Place(region=v, kecamatan=v.parent) for v in villages if v.parent is not None]
    return places or [Place(region=k, kecamatan=k) for k in kecamatan]


def region_prefix(pemda: Pemda) -> str:
    return pemda.region.code + "." if pemda.region_id and pemda.region else ""


def officers_ensure(pemda: Pemda, agencies: set[Agency]) -> dict[int, list[User]]:
    """A few demo officers per handling agency (idempotent), to assign cases to; created like
    ``demo_seed`` creates the demo staff, with the demo password."""
    kecamatan = Agency.objects.filter(pemda=pemda, kind=AgencyKind.KECAMATAN, is_active=True)
    wanted = {a.pk: a for a in [*agencies, *kecamatan]}
    names = {
        f"petugas.{agency.code}.{k}": agency
        for agency in wanted.values()
        for k in range(1, OFFICERS_PER_AGENCY + 1)
    }
    existing = set(User.objects.filter(username__in=names).values_list("username", flat=True))
    password = make_password(DEMO_PASSWORD)
    rng = random.Random(len(names))
    User.objects.bulk_create(
        User(username=name, password=password, full_name=person_name(rng))
        for name in names
        if name not in existing
    )
    users = {u.username: u for u in User.objects.filter(username__in=names)}
    officers: dict[int, list[User]] = {}
    for name, agency in names.items():
        membership_add(user=users[name], agency=agency, role=Role.AGENCY_OFFICER)
        officers.setdefault(agency.pk, []).append(users[name])
    return officers


# --- one batch of rows --------------------------------------------------------------------------


class Table:
    """Rows for one model, as tuples in the column order of its concrete fields.

    Columns other apps add later get their model default, so the generator keeps working.
    """

    def __init__(self, model: type[models.Model], *, with_pk: bool) -> None:
        self.model = model
        self.fields = [
            f
            for f in model._meta.concrete_fields
            if not getattr(f, "generated", False) and (with_pk or not f.primary_key)
        ]
        self.json = [i for i, f in enumerate(self.fields) if isinstance(f, models.JSONField)]
        # auto_now fields get None here: every generator call passes its own timestamps.
        made = {f.attname for f in self.fields if f.has_default() and callable(f.default)}
        self.defaults = [(f.attname, None if f.attname in made else f.get_default())
                         for f in self.fields]  # fmt: skip
        self.computed = [(f.attname, f.default) for f in self.fields if f.attname in made]
        self.rows: list[tuple[Any, ...]] = []

    def add(self, values: dict[str, Any]) -> None:
        self.rows.append(tuple([values.get(name, default) for name, default in self.defaults]))
        for name, make in self.computed:  # rare: a column another app added, with a factory
            if name not in values:
                self.rows[-1] = tuple(
                    make() if attname == name else value
                    for (attname, _d), value in zip(self.defaults, self.rows[-1], strict=True)
                )


class BatchBuilder:
    """Turns arrival instants into the rows of cases, contacts, messages and timelines."""

    def __init__(self, refs: References, rng: random.Random, now: datetime, writer: Writer):
        self.refs, self.rng, self.now, self.writer = refs, rng, now, writer
        self.tables = {
            model: Table(model, with_pk=model in (Case, Contact))
            for model in (Contact, ContactIdentity, Case, Message, Disposition, CaseEvent, SlaPause)
        }
        self.statuses: Counter[str] = Counter()

    def add_case(self, created: datetime, number: str) -> None:
        rng, refs = self.rng, self.refs
        category = refs.categories[pick(rng, refs.category_weights)]
        channel = CHANNELS[pick(rng, CHANNEL_CUMULATIVE)]
        place = rng.choice(refs.places)
        case = SimpleNamespace(
            id=self.writer.case_ids.take(), pk=None, pemda_id=refs.pemda.pk,
            tracking_number=number, code=self.writer.unique_code(rng),
            citizen_token=self.writer.citizen_token(), kind=category.kind, category=category,
            category_id=category.pk, agency=category.default_agency,
            agency_id=category.default_agency_id, priority=priority_draw(rng, category),
            channel=channel, region_id=place.region.pk, created_at=created, title="",
            latitude=None, longitude=None, autoclose_due_at=None, followup_started_at=None,
            sla_next_at=None, **dict.fromkeys(DUE_FIELD.values()),
            **dict.fromkeys(LEVEL_FIELD.values(), 0),
        )  # fmt: skip
        case.pk = case.id
        self._describe(case, category, place)
        case.contact_id = self._contact(case)
        story = Lifecycle.draw(rng, created, case.priority == Priority.EMERGENCY, self.now)
        story.apply(case)
        if case.status in OPEN_OR_RESOLVED:
            self._sla(case, story)
        assignee = self._assignee(case, story)
        case.assignee_id = assignee.pk if assignee else None
        self.statuses[case.status] += 1
        self.tables[Case].add(case.__dict__)
        self._message(case)
        self._timeline(case, story, assignee)

    def _describe(self, case: SimpleNamespace, category: Category, place: Place) -> None:
        rng = self.rng
        text, location = report_text(rng, category.examples or [category.name], place)
        case.description, case.location_text = text, location
        if case.channel in (Channel.WEB, Channel.EMAIL):
            case.title = f"{category.name} di {place.region.name}"[:200]
        region = place.region
        pinned = rng.random() < 0.4  # a shared location pin, near the village centre
        if pinned and region.centroid_lat is not None and region.centroid_lng is not None:
            case.latitude = round(region.centroid_lat + rng.gauss(0, 0.004), 6)
            case.longitude = round(region.centroid_lng + rng.gauss(0, 0.004), 6)
        case.is_anonymous = rng.random() < 0.04

    def _contact(self, case: SimpleNamespace) -> int | None:
        """A reporter: mostly new people, some coming back, a few frequent reporters."""
        rng, pool = self.rng, self.writer.contacts.setdefault(case.channel, [])
        if case.channel == Channel.WEB and case.is_anonymous:
            return None
        draw = rng.random()
        if pool and draw < 0.04:  # the first few hundred reporters keep coming back
            return pool[rng.randrange(min(len(pool), FREQUENT_REPORTERS))]
        if pool and draw < 0.25:
            return rng.choice(pool)
        contact_id = self.writer.contact_ids.take()
        name = person_name(rng)
        phone, email, external = identity(case.channel, contact_id, name)
        self.tables[Contact].add(
            {"id": contact_id, "pemda_id": case.pemda_id, "display_name": name, "phone": phone,
             "email": email, "created_at": case.created_at, "updated_at": case.created_at}
        )  # fmt: skip
        self.tables[ContactIdentity].add(
            {"contact_id": contact_id, "pemda_id": case.pemda_id, "channel": case.channel,
             "external_id": external, "display_name": name, "is_reachable": True,
             "last_inbound_at": case.created_at, "created_at": case.created_at}
        )  # fmt: skip
        pool.append(contact_id)
        return contact_id

    def _assignee(self, case: SimpleNamespace, story: Lifecycle) -> User | None:
        officers = self.refs.officers.get(case.agency_id or 0)
        if not officers or story.assigned_at is None:
            return None
        return self.rng.choice(officers)

    def _sla(self, row: SimpleNamespace, story: Lifecycle) -> None:
        """SLA columns as the engine computes them, levels as a punctual sweeper left them."""
        case = Case(
            pk=row.id, pemda_id=row.pemda_id, category=row.category, agency=row.agency,
            priority=row.priority, status=row.status, created_at=row.created_at,
            first_response_at=row.first_response_at, verified_at=row.verified_at,
            resolved_at=row.resolved_at,
        )  # fmt: skip
        self._sla_columns(case, story)
        story.apply(row)
        for name in (*DUE_FIELD.values(), *LEVEL_FIELD.values(), "autoclose_due_at",
                     "followup_started_at", "sla_next_at"):  # fmt: skip
            setattr(row, name, getattr(case, name))

    def _sla_columns(self, case: Case, story: Lifecycle) -> None:
        context = self.refs.sla
        policy = context.policy_for(case)
        office = office_calendar_for(case, context.calendar_for(case))
        pauses: tuple[Pause, ...] = ()
        if story.status == CaseStatus.WAITING_CITIZEN and story.waiting_at is not None:
            pauses = ((story.waiting_at, None),)
        case.followup_started_at = case.verified_at
        clocks = CaseClocks(
            case=case, policy=policy, office=office, pauses=pauses,
            followup_started_at=case.followup_started_at,
        )  # fmt: skip
        for stage, column in DUE_FIELD.items():
            clock = clocks.stages.get(stage)
            setattr(case, column, clock.due if clock is not None else None)
        levels = {}
        for stage, clock in clocks.stages.items():
            if clocks.is_running(stage):
                levels[stage] = clock.target_level(0, self.now)[0]
                setattr(case, LEVEL_FIELD[stage], levels[stage])
        if case.status == CaseStatus.RESOLVED:
            due = autoclose_due(office, case.resolved_at, None, policy.autoclose_days)
            if due is not None and due <= self.now:  # the sweeper would have closed it
                story.closed_at, story.status = due, CaseStatus.CLOSED
                case.followup_started_at = None
                for column in DUE_FIELD.values():
                    setattr(case, column, None)  # closed cases keep none (see the docstring)
                return
            case.autoclose_due_at = due
        case.sla_next_at = clocks.next_at(levels, case.autoclose_due_at)

    def _message(self, case: SimpleNamespace) -> None:
        account = self.refs.accounts.get(case.channel)
        external = "" if case.channel in (Channel.WEB, Channel.WALK_IN) else f"demo-{case.code}"
        self.tables[Message].add(
            {"pemda_id": case.pemda_id, "case_id": case.pk, "contact_id": case.contact_id,
             "channel": case.channel, "account_id": account, "direction": MessageDirection.INBOUND,
             "external_id": external, "text": case.description, "status": MessageStatus.RECEIVED,
             "data": {}, "created_at": case.created_at}
        )  # fmt: skip

    def _timeline(self, case: SimpleNamespace, story: Lifecycle, assignee: User | None) -> None:
        agency = case.agency
        assert agency is not None  # every demo category has a default agency
        clerk = None  # a walk-in report is typed in by an officer
        if case.channel == Channel.WALK_IN and self.refs.officers.get(agency.pk):
            clerk = self.rng.choice(self.refs.officers[agency.pk])
        add = self.tables[CaseEvent].add
        data = {"channel": case.channel, "external_id": ""}
        add(event_row(case, EventKind.CREATED, case.created_at, clerk, to_value="new", data=data))
        self.tables[Disposition].add(
            {"case_id": case.pk, "to_agency_id": agency.pk, "reason": DispositionReason.INITIAL,
             "note": "", "actor_id": clerk.pk if clerk else None, "created_at": case.created_at}
        )  # fmt: skip
        add(event_row(case, EventKind.DISPOSED, case.created_at, clerk, to_value=agency.short_name))
        decider = self.rng.choice(self.refs.deciders)
        officer = assignee or decider
        for kind, at, before, after, note in story.steps(self.rng):
            if kind == EventKind.ASSIGNED:
                add(event_row(case, kind, at, decider, to_value=str(assignee),
                           data={"assignee_id": case.assignee_id}))  # fmt: skip
                continue
            actor: User | None = officer
            if after in (CaseStatus.VERIFIED, CaseStatus.REJECTED):
                actor = decider
            if kind == EventKind.RATED or note == AUTOCLOSE_NOTE:
                actor = None  # the citizen, or the sweeper
            add(event_row(case, kind, at, actor, from_value=before, to_value=after, note=note))
        if story.status == CaseStatus.WAITING_CITIZEN:
            self.tables[SlaPause].add(
                {"case_id": case.pk, "started_at": story.waiting_at, "ended_at": None}
            )


def event_row(
    case: SimpleNamespace, kind: str, at: datetime, actor: User | None, **values: Any
) -> dict:
    return {
        "case_id": case.pk, "actor_id": actor.pk if actor else None, "kind": kind,
        "from_value": values.get("from_value", ""), "to_value": values.get("to_value", ""),
        "note": values.get("note", ""), "data": values.get("data", {}), "created_at": at,
    }  # fmt: skip


def _weight(category: Category) -> float:
    return float(POPULAR.get(category.code) or KIND_WEIGHT.get(str(category.kind), 2.0))


def pick(rng: random.Random, cumulative: Sequence[float]) -> int:
    return bisect.bisect(cumulative, rng.random() * cumulative[-1])


def priority_draw(rng: random.Random, category: Category) -> str:
    if category.default_priority == Priority.NORMAL and rng.random() < 0.05:
        return Priority.HIGH
    return category.default_priority
