"""Word lists of the emergency detector, written for this project.

The lists are tables, one row per group, so that a reviewer sees them whole:

    <header>: phrase, phrase (note), phrase ...     (indented lines continue the row)

A phrase is a sequence of whole tokens in canonical form: the slang table turns `tlg`,
`ayeuna`, `kmrn` into `tolong`, `sekarang`, `kemarin` before matching. The longest phrase
starting at a token wins, so `pemadam kebakaran` (an agency, in STOP) is consumed before
`kebakaran` (a hazard) can match inside it. A note in brackets is dropped when parsing; `Su`
marks Sundanese and `Jv` Javanese words that are not also Indonesian.

Hazard weights: 2 is an emergency on its own when nothing defuses it (`kebakaran`,
`tabrakan`, `pingsan`); 1 needs a cue of urgency or severity, because such words also appear
in routine complaints ("jalan banjir tiap hujan").

Cue roles (see emergency.py for how each is used):
    now       present time: urgency, and it ends the reach of an earlier past/hypothetical cue
    urgent    a plea or call for help
    severe    people in danger (not counted when defused: `agar tidak ada korban`)
    past      over already; defuses a hazard before or after it in the same clause
    before    hypothetical, preventive, causal or aftermath; defuses a hazard that follows it
    chronic   a recurring condition, not an event; defuses in either direction
    admin     insurance, aid, training, equipment, media, care; defuses in either direction
    request   a maintenance request; costs one point and silences a plea just before it
    negation  `tidak kebakaran`, `tidak ada korban`
"""

from __future__ import annotations

import re

KINDS = ("fire", "flood", "landslide", "traffic_accident", "medical", "violence", "other")

_HAZARD_TABLE = """
fire 2:               kebakaran, kebakar, terbakar, kahuruan (Su), kaduruk (Su: burnt),
                      kobong (Jv), kobongan (Jv), si jago merah, kobaran api, dilalap api,
                      api membesar, api menyala, api besar
fire 1:               api, hangus, asap tebal, asap hitam, bau gosong, korsleting, korslet,
                      konslet, konsleting, arus pendek
flood 2:              banjir bandang, air bah, tanggul jebol, tanggul bobol, tanggul ambrol,
                      air masuk rumah, air masuk ke rumah, air masuk ke dalam rumah,
                      caah gede (Su: big flood), naik ke rumah, masuk ke rumah rumah
flood 1:              banjir, kebanjiran, caah (Su), banjir rob, rob, air naik, air sungai naik,
                      sungai naik, masuk ke rumah warga, masuk rumah warga, sungai meluap,
                      kali meluap, terendam
landslide 2:          tanah longsor, longsor menimpa, tertimbun longsor,
                      kaurugan (Su: buried by a slide), tebing runtuh, tebing longsor,
                      tebing ambrol, gawir runtuh (Su: cliff)
landslide 1.5:        tertimbun tanah, tertimbun
landslide 1:          longsor, longsoran, urug (Su; `tanah urug` is fill dirt: see STOP),
                      tanah amblas, tanah ambles, tanah bergerak, tanah retak
traffic_accident 2:   kecelakaan, kecelakaan lalu lintas, lakalantas, laka lantas, lakalalin,
                      tabrakan, tabrak lari, ditabrak, tertabrak, menabrak, nabrak, terlindas,
                      dilindas, kelindas, masuk jurang, terjun ke jurang, terperosok ke jurang
traffic_accident 1.5: laka
traffic_accident 1:   terguling, terbalik, keserempet, diserempet, motor jatuh, jatuh dari motor,
                      pengendara jatuh
medical 2:            pingsan, semaput (Jv), kelenger (Jv), kapiuhan (Su), tidak sadarkan diri,
                      tak sadarkan diri, kejang, kejang kejang, sesak napas berat,
                      sesak napas parah, tidak bernapas, henti jantung, serangan jantung,
                      pendarahan, perdarahan, berdarah darah, muntah darah, melahirkan di jalan,
                      ketuban pecah, pecah ketuban, keracunan massal, overdosis, digigit ular,
                      bunuh diri, gantung diri, sekarat
medical 1:            sesak napas, susah napas, sulit bernapas, keracunan, stroke, mau melahirkan
violence 2:           dipukuli, memukuli, dipukul, dikeroyok, pengeroyokan, dianiaya, menganiaya,
                      begal, dibegal, pembegalan, perampokan, dirampok, rampok, pembacokan,
                      dibacok, ditusuk, penusukan, tawuran, diperkosa, pemerkosaan, diculik,
                      penculikan, disekap, ditodong, penodongan
violence 1.5:         kdrt, kekerasan dalam rumah tangga, dijambret, penjambretan
violence 1:           penganiayaan, kekerasan, perkelahian, berkelahi, gelut (Jv), mengamuk,
                      senjata tajam, sajam, golok, celurit, parang, maling, pencurian, jambret
other 2:              gas bocor, bocor gas, kebocoran gas, tabung gas meledak, ledakan, meledak,
                      pohon tumbang menimpa, tertimpa pohon, tertimpa, tercebur, jatuh ke sumur,
                      jatuh ke jurang, tersetrum, tersengat listrik, tenggelam, terseret arus,
                      terjebak di lift, kecelakaan kerja
other 1:              bau gas, percikan api, pohon tumbang, pohon roboh, tumbang,
                      tiang listrik roboh, kabel listrik putus, kabel putus, hanyut, rumah roboh,
                      rumah ambruk, bangunan roboh, bangunan ambruk, atap ambruk, gempa,
                      puting beliung, lift macet
"""

_CUE_TABLE = """
now 1:                sekarang, saat ini, pada saat ini, sedang, barusan, baru saja, belum padam,
                      belum reda
now 0.5:              belum surut, tidak surut
now 1.5:              masih menyala
urgent 0.5:           masih, lagi, mohon bantuan, minta bantuan, !, damkar, kirim
urgent 1:             tolong, minta tolong, cepat, segera, secepatnya, buruan, geura (Su: hurry),
                      gancang (Su: quick), enggal (Su/Jv: quickly), butuh bantuan, tiba tiba,
                      mendadak, sos, !!, 112, 113, 119, ambulans
urgent 1.5:           darurat
severe 1:             korban, terluka, luka, berdarah, meninggal, tewas, kritis, tergeletak,
                      merembet, menjalar, membesar, menyala, masuk rumah, masuk ke rumah,
                      sepinggang, sepaha, sedada, seleher, pinggang, dada, leher, mengungsi,
                      evakuasi, dievakuasi, terisolasi, menimpa, ke loteng, ke atap
severe 1.5:           ada korban, korban jiwa, terjebak, luka parah, sampai atap
severe 0.5:           selutut, setinggi, lutut, perahu, asap, anak anak, lansia
past 1:               tahun lalu, bulan lalu, hari lalu, yang lalu, beberapa waktu lalu,
                      tempo hari, waktu itu, saat itu, kala itu, pada waktu, pagi tadi, siang tadi,
                      sore tadi, malam tadi, kemarin, tadi malam, tadi pagi, tadi siang, tadi sore,
                      dulu, dahulu, pernah, sudah surut, surut, sudah padam, telah padam,
                      dipadamkan, sudah reda, sudah aman, sudah ditangani, sudah dievakuasi,
                      sudah selesai
before 1:             tadi, sempat, bekas, sisa, puing, pasca, setelah, sesudah, habis, dampak,
                      rawan, antisipasi, mengantisipasi, agar tidak, supaya tidak, biar tidak,
                      jangan sampai, mencegah, pencegahan, cegah, berpotensi, potensi, terancam,
                      khawatir, kuatir, dikhawatirkan, mengkhawatirkan, bilamana, waktu, sewaktu,
                      saat, takut, menyebabkan, mengakibatkan, menimbulkan, terjadinya, hampir,
                      rentan, membuat, bikin, mau, hendak, akan, ketika, pada saat, akibat,
                      dikarenakan, disebabkan, di karenakan, karena, berakibat, menunggu, nunggu,
                      tunggu, bahaya, apakah, bisa terjadi, dapat terjadi, kalau, jika, bila,
                      apabila, seandainya, andai, misal, misalnya, sebelum, nanti, seperti, bagai,
                      bagaikan
chronic 1:            sering, seringkali, kerap, selalu, setiap, tiap, langganan, bertahun tahun,
                      menahun, beberapa kali, berkali kali, banyak terjadi, banyak yang mengalami,
                      sudah banyak, terkadang, kadang, kadang kadang, musim hujan, musim penghujan,
                      saat hujan, tidak terhitung, tidak kehitung, sampai sekarang,
                      hingga sekarang, sampai saat ini, hingga saat ini
admin 1:              asuransi, santunan, jasa raharja, klaim, bansos, bantuan sosial, sembako,
                      belum dapat, belum mendapat, belum mendapatkan, belum menerima, belum terima,
                      belum cair, pencairan, penyaluran, pendataan, didata, renovasi, bedah rumah,
                      ganti rugi, hidran, hydrant, apar, sosialisasi, simulasi, pelatihan, latihan,
                      penyuluhan, edukasi, kasus, sidang, pengadilan, proses hukum,
                      surat keterangan, mitigasi, hoaks, video, berita, viral, foto, postingan,
                      medsos, obat, bpjs, dirawat, rawat inap, opname, ranap, berobat, riwayat,
                      penderita, penyakit, peta
request 1:            ditindaklanjuti, tindak lanjut, tindaklanjut, tindaklanjuti, tindak lanjuti,
                      diperbaiki, perbaikan, dibenahi, pembenahan, normalisasi, dinormalisasi,
                      dikeruk, pengerukan, diaspal, pengaspalan, dibangun, pembangunan, dipasang,
                      pemasangan, dipangkas, pemangkasan, ditertibkan, penertiban, dibersihkan,
                      pembersihan, diangkut, ditambal, dicek, pengecekan, ditinjau, diganti,
                      dirapikan, ditebang, penebangan, disedot, penyedotan, diberantas, dibenerin,
                      benerin, ditindaklanjutin, tindaklanjutin, ditindak, ditindak lanjuti,
                      di tindak lanjuti
negation 1:           tidak, bukan, belum, tanpa
"""

# Chat abbreviations and regional words, by the canonical word they stand for.
_SLANG_TABLE = """
tolong:               tlg, tlng, tolongin, tulung (Jv), tulungan (Su), help
cepat:                cpt, cepet, cepetan
segera:               sgr, sgra
darurat:              urgent, urgen, emergency
ambulans:             ambulance, ambulan
sekarang:             skrg, skrng, skr, skarang, ayeuna (Su), saiki (Jv)
sedang:               keur (Su), nuju (Su), sdg
lagi:                 lg, lgi
masih:                msh, masi, isih (Jv)
kemarin:              kmrn, kmren, kemaren, kmaren, wingi (Jv), kamari (Su)
dulu:                 dlu, biyen (Jv), mbiyen (Jv), baheula (Su)
tadi:                 td, tdi
tahun:                th, thn, taun
bulan:                bln
minggu:               mgg
lalu:                 kepungkur (Jv), kapungkur (Su), kalawarsih (Su: last year)
sudah:                sdh, udh, udah, dah, wis (Jv), wes (Jv), uwis (Jv), geus (Su), atos (Su),
                      parantos (Su), sampun (Jv)
pernah:               pernh
tidak:                tdk, gak, ga, gk, nggak, ngga, enggak, engga, ndak, ora (Jv), teu (Su),
                      henteu (Su)
belum:                blm, blum, belom, durung (Jv), acan (Su)
yang:                 yg
banyak:               bnyk, byk
karena:               krn, krna, karna, soale (Jv)
sampai:               sampe, sampek (Jv), nganti (Jv), smp
kalau:                klo, kalo, kl, klu, lek (Jv), nek (Jv), mun (Su), lamun (Su), upami (Su)
supaya:               spy
sepertinya:           kayaknya, kayake (Jv), kayane (Jv), sigana (Su), keliatannya, kelihatannya
tiba:                 ujug (Su: ujug-ujug = suddenly)
mendadak:             ndadak (Jv)
seperti:              kyk, kayak, kaya, spt, sprt, koyok (Jv), koyo (Jv), siga (Su)
rumah:                rmh, omah (Jv), imah (Su)
jalan:                jln, jl
orang:                org, wong (Jv), jalma (Su)
air:                  cai (Su), banyu (Jv), toya (Jv)
api:                  seuneu (Su), geni (Jv)
asap:                 haseup (Su)
banjir:               bnjr, bnjir
kebakaran:            kbakaran, kbkrn
longsor:              longsr
napas:                nafas
bernapas:             bernafas
sesak:                sesek
kecelakaan:           kacilakaan (Su), kcelakaan, kclkaan
ditabrak:             katabrak (Su), ketabrak, ditubruk (Jv/Su), ketubruk
menabrak:             nubruk
tersetrum:            kesetrum, kesetrom, nyetrum
mengamuk:             ngamuk
dipukuli:             dipukulin, digebukin, digebuki (Jv), digebugan (Su), dikepruk (Jv)
tawuran:              tawur
celurit:              clurit
amblas:               ambles
khawatir:             kawatir, kwatir, hawatir, kuwatir
dikhawatirkan:        dikawatirkan
naik:                 naek
sungai:               walungan (Su)
anak anak:            barudak (Su)
anak:                 bocah
terjebak:             kejebak, kajebak (Su)
tertimpa:             ketiban, katiban (Su), kejatuhan
menimpa:              nimpa
tercebur:             kecebur, kacebur (Su), nyemplung (Jv)
memukuli:             mukulin, mukuli (Jv)
gas:                  elpiji, lpg
masuk:                asup (Su), mlebu (Jv)
ke:                   ka (Su)
lutut:                dengkul (Jv)
tertimbun:            ketimbun, katimbun (Su)
terguling:            ngaguling (Su)
luka:                 tatu (Jv/Su)
berdarah:             getihan (Su)
"""

# Consumed without effect: agencies, equipment, idioms and figures of speech that contain a
# hazard word, and phrases whose words would otherwise read as cues (`mau lapor`, `dari tadi`).
_STOP_TABLE = """
pemadam kebakaran, dinas kebakaran, dinas pemadam kebakaran, mobil kebakaran, pos kebakaran,
bahaya kebakaran, alat pemadam api, alat pemadam api ringan, pemadam api, kereta api, kembang api,
api unggun, korek api, api api, mudah terbakar, membakar sampah, bakar sampah, pembakaran sampah,
sampah dibakar, kebakaran jenggot, banjir air mata, banjir orderan, banjir order, banjir pesanan,
banjir diskon, banjir promo, banjir hadiah, banjir rezeki, banjir pujian, banjir keringat,
banjir komentar, banjir chat, banjir pesan, banjir notif, banjir notifikasi, banjir spam,
banjir iklan, banjir pembeli, banjir job, kebanjiran order, kebanjiran orderan, kebanjiran pesanan,
kebanjiran job, tanah urug, tanah urugan, urugan, dari tadi, sejak tadi, matahari tenggelam,
tertimpa musibah, petasan meledak, laka laka, sakit stroke, penyakit stroke, sakit jantung,
penyakit jantung, operasi jantung, dipukul rata, pukul rata, mau lapor, mau melapor,
mau melaporkan, ingin melaporkan, apa lagi, apalagi
"""

# Keywords whose single dropped vowel is repaired (`bnjir`, `kbakaran`, `tlong`). Kept short
# on purpose: repairing every keyword turned `diback` into `dibacok`.
REPAIRABLE = frozenset(
    {
        "banjir", "darurat", "kebakaran", "kebanjiran", "kecelakaan", "korban", "longsor",
        "pingsan", "segera", "sekarang", "tabrakan", "tawuran", "tenggelam", "terbakar",
        "terjebak", "tolong",
    }
)  # fmt: skip

# `sabtu sore`, `senin lalu`: a named day with a part of day is a report after the fact.
_DAYS = ("senin", "selasa", "rabu", "kamis", "jumat", "sabtu", "minggu")
_DAY_PARTS = ("pagi", "siang", "sore", "malam", "lalu", "kemarin")

# Laughter and joke markers anywhere in the message: nobody laughs while reporting a fire.
JOKE_WORDS = frozenset({"lol", "canda", "bercanda", "becanda", "bcanda", "prank", "ngeprank"})
JOKE_PATTERN = r"^(?:w?(?:wk)+w?|(?:ha){2,}h?|(?:he){2,}|(?:hi){2,}|k?(?:wk)+|(?:kw)+k?)$"
JOKE_EMOJI = ("😂", "🤣", "😆", "😜")

_NOTE = re.compile(r"\s*\([^)]*\)")


def _rows(table: str) -> list[tuple[str, list[str]]]:
    """`header: a, b (note), c` rows; indented lines continue the row above."""
    rows: list[tuple[str, list[str]]] = []
    for line in table.strip("\n").splitlines():
        if line.startswith(" "):
            rows[-1][1].extend(_phrases(line))
            continue
        header, _, body = line.partition(":")
        rows.append((header.strip(), _phrases(body)))
    return rows


def _phrases(body: str) -> list[str]:
    return [p.strip() for p in _NOTE.sub("", body).split(",") if p.strip()]


def _hazards() -> dict[str, tuple[tuple[str, float], ...]]:
    hazards: dict[str, list[tuple[str, float]]] = {kind: [] for kind in KINDS}
    for header, phrases in _rows(_HAZARD_TABLE):
        kind, weight = header.split()
        hazards[kind] += [(phrase, float(weight)) for phrase in phrases]
    return {kind: tuple(pairs) for kind, pairs in hazards.items()}


def _cues() -> dict[str, tuple[str, float]]:
    cues: dict[str, tuple[str, float]] = {}
    for header, phrases in _rows(_CUE_TABLE):
        role, weight = header.split()
        cues.update((phrase, (role, float(weight))) for phrase in phrases)
    cues.update({f"{day} {part}": ("past", 1.0) for day in _DAYS for part in _DAY_PARTS})
    return cues


def _slang() -> dict[str, str]:
    return {variant: word for word, variants in _rows(_SLANG_TABLE) for variant in variants}


HAZARDS = _hazards()
CUES = _cues()
SLANG = _slang()
STOP = tuple(_phrases(_STOP_TABLE.replace("\n", " ")))
