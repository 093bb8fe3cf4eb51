# ruff: noqa: SIM905 - word lists are written as one string to stay compact
"""What happens to one generated case, and the words citizens and staff write."""

from __future__ import annotations

import math
import random
from dataclasses import dataclass
from datetime import datetime, timedelta
from types import SimpleNamespace

from sigap.cases.models import (
    CaseStatus,
    EventKind,
)
from sigap.contacts.models import Channel
from sigap.regions.models import Region

# Status by age of the case (days): new, verified, in progress, waiting, resolved, closed, rejected.
STATUS_ORDER = [
    CaseStatus.NEW, CaseStatus.VERIFIED, CaseStatus.IN_PROGRESS, CaseStatus.WAITING_CITIZEN,
    CaseStatus.RESOLVED, CaseStatus.CLOSED, CaseStatus.REJECTED,
]  # fmt: skip
STATUS_BY_AGE: list[tuple[float, list[float]]] = [
    (2, [30, 15, 40, 6, 7, 0, 2]),
    (14, [6, 6, 40, 10, 28, 6, 4]),
    (60, [1.5, 1.5, 14, 5, 18, 55, 5]),
    (math.inf, [0.2, 0.3, 2.5, 0.5, 0.5, 90, 6]),
]
AUTOCLOSE = timedelta(days=13)  # ten working days, at the least


@dataclass
class Place:
    region: Region
    kecamatan: Region


# --- what happened to a case ----------------------------------------------------------------


@dataclass
class Lifecycle:
    """The moments of one case's life, drawn by its age: old cases are done, recent ones open."""

    status: str
    created_at: datetime
    verified_at: datetime | None = None  # verification or rejection: the first staff response
    assigned_at: datetime | None = None
    started_at: datetime | None = None
    waiting_at: datetime | None = None
    resolved_at: datetime | None = None
    rated_at: datetime | None = None
    closed_at: datetime | None = None
    rating: int | None = None

    @classmethod
    def draw(cls, rng: random.Random, created: datetime, urgent: bool, now: datetime) -> Lifecycle:
        age_days = (now - created).total_seconds() / 86400
        weights = next(w for limit, w in STATUS_BY_AGE if age_days <= limit)
        status = rng.choices(STATUS_ORDER, weights)[0]
        story = cls(status=status, created_at=created)
        if status == CaseStatus.NEW:
            return story
        pace = 0.05 if urgent else 1.0  # emergencies move in minutes, not days
        hours = [rng.lognormvariate(math.log(3), 1.0) * pace]  # verified (or rejected)
        if status != CaseStatus.REJECTED:
            hours.append(rng.uniform(0.02, 1) * pace)  # assigned
            if status != CaseStatus.VERIFIED:
                hours.append(rng.lognormvariate(math.log(5), 1.0) * pace)  # work started
            if status == CaseStatus.WAITING_CITIZEN:
                hours.append(rng.lognormvariate(math.log(24), 1.0) * pace)
            elif status in (CaseStatus.RESOLVED, CaseStatus.CLOSED):
                hours.append(rng.lognormvariate(math.log(96), 0.9) * pace)  # resolved
                hours.append(rng.uniform(2, 120) if rng.random() < 0.25 else 0)  # rated
                hours.append(14 * 24)  # closed: ten working days of silence
        moments = squeezed(rng, created, hours, now, open_ended=status != CaseStatus.CLOSED)
        story._set(moments, rng)
        return story

    def _set(self, moments: list[datetime | None], rng: random.Random) -> None:
        if self.status == CaseStatus.REJECTED:
            self.verified_at = self.closed_at = moments[0]
            return
        self.verified_at, self.assigned_at, self.started_at = [*moments, None][:3]
        if self.status == CaseStatus.WAITING_CITIZEN:
            self.waiting_at = moments[3]
        elif len(moments) > 3:
            self.resolved_at, rated, self.closed_at = moments[3:6]
            if rated != self.resolved_at:
                self.rated_at, self.rating = rated, rng.choice((5, 5, 4, 4, 4, 3, 2, 1))
            if self.status == CaseStatus.RESOLVED:
                self.closed_at = None

    def apply(self, case: SimpleNamespace) -> None:
        """The case row's status and the timestamps it keeps for dashboards."""
        case.status = self.status
        case.verified_at = self.verified_at if self.status != CaseStatus.REJECTED else None
        case.first_response_at = self.verified_at
        case.resolved_at, case.closed_at = self.resolved_at, self.closed_at
        case.rating, case.rated_at = self.rating, self.rated_at
        moments = [self.created_at, self.verified_at, self.assigned_at, self.started_at,
                   self.waiting_at, self.resolved_at, self.rated_at, self.closed_at]  # fmt: skip
        case.updated_at = max(m for m in moments if m is not None)

    def steps(self, rng: random.Random) -> list[tuple[str, datetime, str, str, str]]:
        """Timeline rows after creation: (kind, at, from, to, note)."""
        s, changed = CaseStatus, EventKind.STATUS_CHANGED
        if self.status == s.REJECTED:
            assert self.verified_at is not None
            return [(changed, self.verified_at, s.NEW, s.REJECTED, rng.choice(REJECT_NOTES))]
        rows: list[tuple[str, datetime | None, str, str, str]] = [
            (changed, self.verified_at, s.NEW, s.VERIFIED, ""),
            (EventKind.ASSIGNED, self.assigned_at, "", "", ""),
            (changed, self.started_at, s.VERIFIED, s.IN_PROGRESS, ""),
            (changed, self.waiting_at, s.IN_PROGRESS, s.WAITING_CITIZEN, WAITING_NOTE),
            (changed, self.resolved_at, s.IN_PROGRESS, s.RESOLVED, rng.choice(RESOLVED_NOTES)),
            (EventKind.RATED, self.rated_at, "", str(self.rating or ""), ""),
            (changed, self.closed_at, s.RESOLVED, s.CLOSED, self._closing_note()),
        ]
        return [(kind, at, a, b, note) for kind, at, a, b, note in rows if at is not None]

    def _closing_note(self) -> str:
        """Closed after ten working days of silence by the sweeper, or earlier by staff."""
        if self.closed_at and self.resolved_at and self.closed_at - self.resolved_at >= AUTOCLOSE:
            return AUTOCLOSE_NOTE
        return CONFIRMED_NOTE


def squeezed(
    rng: random.Random, start: datetime, hours: list[float], now: datetime, *, open_ended: bool
) -> list[datetime | None]:
    """Successive moments ``hours`` apart, squeezed to end before ``now`` when they would not.

    A case still open is young by construction; a resolved one waits less than its auto-closure
    (the last step is then dropped), so the squeeze only shortens what had to happen already.
    """
    if open_ended and len(hours) == 6:
        hours = [*hours[:5], 0.0]
    total = sum(hours)
    room = (now - start).total_seconds() / 3600
    if total > room * 0.98:
        factor = room * rng.uniform(0.3, 0.97) / total
        hours = [h * factor for h in hours]
    moments: list[datetime | None] = []
    at = start
    for h in hours:
        at += timedelta(hours=h)
        moments.append(at)
    if len(hours) == 6 and hours[4] == 0:
        moments[4] = moments[3]  # not rated: marked by the same moment as the resolution
    return moments


# --- words --------------------------------------------------------------------------------------

GREETINGS = [
    "",
    "",
    "",
    "",
    *"Assalamualaikum,|Punten,|Selamat pagi,|Selamat siang Pak/Bu,|"
    "Yth. Bapak/Ibu petugas,|Lapor,|Sampurasun,|Mohon izin melapor,".split("|"),
]
PLACES = [
    "",
    "",
    *"Lokasi: Desa {desa}, Kec. {kec}.|lokasina di {desa} {kec}|(dekat "
    "{landmark} {desa}, {kec})|Alamat: Kp. {kampung} RT {rt:02d}/RW {rw:02d}, {desa}, "
    "Kecamatan {kec}.|di daerah {desa}, {kec}|Kp. {kampung} Desa {desa} Kec. {kec}".split("|"),
]
KAMPUNG = ("Babakan|Cibogo|Sukamaju|Cijeruk|Pasir Hayam|Cikoneng|Sindangsari|Margamulya|Cipanas|"
           "Ciherang|Legok|Tanjung|Sukasari|Cigondewah").split("|")  # fmt: skip
LANDMARKS = ("masjid|SDN|pasar|kantor desa|puskesmas|pertigaan|jembatan|minimarket|lapangan|"
             "pos ronda").split("|")  # fmt: skip
CLOSINGS = ["", "", "", *"Terima kasih.|Mohon segera ditindaklanjuti.|Nuhun.|hatur nuhun|"
            "Sudah {n} hari belum ada tindakan.|Mohon dicek, sudah lama.|tolong pak, warga resah|"
            "Mohon bantuannya.".split("|")]  # fmt: skip
RESOLVED_NOTES = ("Sudah ditindaklanjuti oleh tim lapangan.|Perbaikan selesai dikerjakan.|"
                  "Petugas sudah meninjau lokasi dan menangani laporan.|Informasi sudah "
                  "disampaikan kepada pelapor.|Sudah dikoordinasikan dengan pemerintah desa dan "
                  "selesai ditangani.").split("|")  # fmt: skip
REJECT_NOTES = ("Laporan tidak lengkap dan pelapor tidak dapat dihubungi.|Bukan kewenangan "
                "Pemerintah Kabupaten.|Laporan ganda, sudah ditangani pada laporan lain."
                ).split("|")  # fmt: skip
WAITING_NOTE = "Mohon kirimkan foto dan titik lokasi yang lebih jelas."
AUTOCLOSE_NOTE = "Ditutup otomatis: tidak ada tanggapan warga setelah laporan diselesaikan."
CONFIRMED_NOTE = "Warga mengonfirmasi laporan sudah selesai."
FIRST_NAMES = ("Asep Ujang Dede Cecep Euis Neng Siti Rina Dadang Iwan Yanti Tati Agus Budi Dewi Ai "
               "Enok Wawan Yuyun Rudi Lilis Hendra Nining Deden Ikah Ade Yayan Iis Dian Rizky "
               "Fajar Putri Nurul Ahmad Aep Encep Imas Ani Sri").split()  # fmt: skip
LAST_NAMES = ["", *("Sunarya Suryana Hidayat Saepudin Rohmat Kurniawan Permana Setiawan Nurjaman "
              "Sopian Rahmawati Komalasari Hermawan Gunawan Mulyana Sulaeman Ruhiyat Supriatna "
              "Firmansyah Maulana").split()]  # fmt: skip
OPERATORS = "811 812 813 821 822 852 853 857 858 877 878 895".split()


def report_text(rng: random.Random, examples: list[str], place: Place) -> tuple[str, str]:
    """A citizen's words: a catalog example, where it is, and how they close."""
    desa, kec = place.region.name, place.kecamatan.name
    where = rng.choice(PLACES).format(
        desa=desa, kec=kec, kampung=rng.choice(KAMPUNG), landmark=rng.choice(LANDMARKS),
        rt=rng.randint(1, 12), rw=rng.randint(1, 15),
    )  # fmt: skip
    closing = rng.choice(CLOSINGS).format(n=rng.randint(2, 30))
    body = rng.choice(examples)
    greeting = rng.choice(GREETINGS)
    if greeting:
        body = body[:1].lower() + body[1:]
    text = " ".join(part for part in (greeting, body, where, closing) if part)
    return text, f"{desa}, Kec. {kec}"


def person_name(rng: random.Random) -> str:
    return f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}".strip()


def identity(channel: str, contact_id: int, name: str) -> tuple[str, str, str]:
    """(phone, email, channel id) built from the contact id: unique without a lookup."""
    phone = f"62{OPERATORS[contact_id % len(OPERATORS)]}{contact_id:08d}"
    handle = name.lower().replace(" ", ".")
    email = f"{handle}.{contact_id}@warga.demo.invalid"
    ids: dict[str, str] = {
        Channel.INSTAGRAM: str(17_841_000_000_000_000 + contact_id),
        Channel.TELEGRAM: str(5_000_000_000 + contact_id),
        Channel.EMAIL: email,
        Channel.WEB: email,
    }
    external = ids.get(channel, phone)
    return phone, email if channel in (Channel.EMAIL, Channel.WEB) else "", external
