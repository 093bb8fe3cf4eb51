"""Word lists of the emergency detector, written for this project.

The lists are tables, one row per group, so that a reviewer sees them whole:

    <header>: phrase, phrase (note), phrase ...     (indented lines continue the row)

A phrase is a sequence of whole tokens in canonical form: the slang table turns `tlg`,
`ayeuna`, `kmrn` into `tolong`, `sekarang`, `kemarin` before matching. The longest phrase
starting at a token wins, so `pemadam kebakaran` (an agency, in STOP) is consumed before
`kebakaran` (a hazard) can match inside it. A note in brackets is dropped when parsing; `Su`
marks Sundanese and `Jv` Javanese words that are not also Indonesian. `tanggul ~ jebol` is a
gapped pair: the anchor `tanggul` counts when `jebol` follows within a few tokens of its
clause with no past, hypothetical or request cue in between ("tanggul sungai Citarum jebol").

Hazard weights: 2 is an emergency on its own when nothing defuses it (`kebakaran`,
`tabrakan`, `pingsan`); 1 needs a cue of urgency or severity, because such words also appear
in routine complaints ("jalan banjir tiap hujan").

Cue roles (see emergency.py for how each is used):
    now       present time: urgency, and it ends the reach of an earlier past/hypothetical cue
    urgent    a plea or call for help
    severe    people in danger (not counted when defused: `agar tidak ada korban`)
    depth     water depth on the body (`sepinggang`, `sampai ke lutut`): severity, and after
              `air` a flood of its own
    ground    the ground cracking, tilting, moving: supports a landslide hazard only
    hiding    someone hiding (`ngumpet`, `kunci diri`): supports a violence hazard only
    fear      `takut`, Su `sieun`: before a hazard, fear *of* it (defuses like `before`);
              after a violence hazard, the reaction of its target (supports it)
    past      over already; defuses a hazard before or after it in the same clause
    before    hypothetical, preventive or aftermath; defuses a hazard that follows it
    cause     `karena`, `akibat`: defuses a hazard that follows it unless someone is trapped
              or cut off near it (PEOPLE_IN_DANGER)
    chronic   a recurring condition, not an event; defuses in either direction
    admin     insurance, aid, training, equipment, media, care; defuses in either direction
    request   a maintenance request; costs one point and silences a plea just before it
    negation  `tidak kebakaran`, `tidak ada korban`
"""

from __future__ import annotations

import re

from sigap.routing.detectors.emergency_slang import SLANG_TABLE

KINDS = ("fire", "flood", "landslide", "traffic_accident", "medical", "violence", "other")

_HAZARD_TABLE = """
fire 2:               kebakaran, kebakar, terbakar, kahuruan (Su), kaduruk (Su: burnt),
                      kobong (Jv), kobongan (Jv), si jago merah, kobaran api, dilalap api,
                      api membesar, api menyala, api besar, kompor meledak, api berkobar,
                      berkobar
fire 1:               api, hangus, asap tebal, asap hitam, bau gosong, korsleting, korslet,
                      asap keluar, keluar asap, berasap, ngebul (smoke pouring out),
                      konslet, konsleting, arus pendek
flood 2:              banjir bandang, air bah, tanggul jebol, tanggul bobol, tanggul ambrol,
                      tanggul bocor, tanggul runtuh, tanggul ~ jebol, tanggul ~ bobol,
                      tanggul ~ bocor, tanggul ~ ambrol, tanggul ~ runtuh,
                      air masuk rumah, air masuk ke rumah, air masuk ke dalam rumah,
                      caah gede (Su: big flood), naik ke rumah, masuk ke rumah rumah
flood 1:              banjir, kebanjiran, caah (Su), banjir rob, rob, air naik, air sungai naik,
                      sungai naik, masuk ke rumah warga, masuk rumah warga, sungai meluap,
                      kali meluap, terendam, sungai ~ meluap, kali ~ meluap, air ~ masuk,
                      air ~ naik, sungai ~ naik,
                      tergenang
landslide 2:          tanah longsor, longsor menimpa, tertimbun longsor,
                      kaurugan (Su: buried by a slide), tebing runtuh, tebing longsor,
                      tebing ambrol, gawir runtuh (Su: cliff), tebing ambruk, tanah ambrol,
                      lemah ambrol (Jv: lemah = ground), lemah longsor (Jv)
landslide 1.5:        tertimbun tanah, tertimbun, menimbun
                      (and every slope ~ collapse pair: _slope_pairs)
landslide 1:          longsor, longsoran, urug (Su; `tanah urug` is fill dirt: see STOP),
                      tanah amblas, tanah ambles, tanah bergerak, tanah retak, amblas, ambles,
                      pergerakan tanah, retakan tanah, tanah ~ bergerak, tanah ~ retak,
                      tertutup tanah, tertutup longsoran (a road or house buried by earth)
traffic_accident 2:   kecelakaan, kecelakaan lalu lintas, lakalantas, laka lantas, lakalalin,
                      tabrakan, tabrak lari, ditabrak, tertabrak, menabrak, nabrak, terlindas,
                      dilindas, kelindas, masuk jurang, terjun ke jurang, terperosok ke jurang
traffic_accident 1.5: laka
traffic_accident 1.5: menyeruduk (a vehicle ramming something), mobil terbalik, motor terbalik,
                      truk terbalik, angkot terbalik, bus terbalik
traffic_accident 1:   terguling, terbalik, keserempet, diserempet, motor jatuh, jatuh dari motor,
                      pengendara jatuh, serempetan,
                      mobil ~ nyebur, motor ~ nyebur, truk ~ nyebur, angkot ~ nyebur, bus ~ nyebur
                      (a named vehicle into a ditch: rubbish also `masuk selokan`, kids `nyebur`)
medical 2:            pingsan, semaput (Jv), kelenger (Jv), kapiuhan (Su), tidak sadarkan diri,
                      hipotermia, henti napas, tidak bernafas, luka bakar, mulut berbusa,
                      dipatuk ular, terpatuk ular, dipagut ular,
                      pompa dada, pompa jantung, cpr, rjp (someone giving CPR),
                      keluar busa, tidak bisa bernapas, tidak bisa napas,
                      tak sadarkan diri, kejang, kejang kejang, sesak napas berat,
                      sesak napas parah, tidak bernapas, henti jantung, serangan jantung,
                      pendarahan, perdarahan, berdarah darah, muntah darah, melahirkan di jalan,
                      ketuban pecah, pecah ketuban, keracunan massal, overdosis, digigit ular,
                      bunuh diri, gantung diri, sekarat
medical 1.5:          tersedak, keselek, kepala bocor, darah banyak, banyak darah,
                      tidak sadar (`saya tidak sadar kalau` is "I did not notice")
medical 1:            sesak napas, susah napas, sulit bernapas, keracunan, stroke, mau melahirkan,
                      tidak bergerak, tak bergerak, lemas, muntah muntah, mencong, membiru,
                      bibir biru, demam tinggi, jatuh dari, berdarah banyak, kondisi drop,
                      tidak bisa bicara, sebelah badan, separuh badan, lumpuh sebelah,
                      tidak bisa digerakkan (stroke signs told without the word),
                      memegang dada, keringat dingin, tidak menyahut, tidak merespon,
                      tidak respon (cardiac signs, unresponsive),
                      kondisi memburuk, ambulans
                      (a plea for an ambulance is a medical call; `ambulans desa dipakai` is not)
violence 2:           dipukuli, memukuli, dipukul, dikeroyok, pengeroyokan, dianiaya, menganiaya,
                      begal, dibegal, pembegalan, perampokan, dirampok, rampok, pembacokan,
                      dibacok, ditusuk, penusukan, tawuran, diperkosa, pemerkosaan, diculik,
                      penculikan, disekap, penodongan, perampok, disandera, penyanderaan,
                      menyandera, membacok, ditembak, penembakan, dihajar, dibakar massa,
                      dibekap, membekap, dibawa paksa, diseret paksa, ditarik paksa,
                      (`paksa` alone is a parking attendant's or a school's pressure),
                      bentrok antar, bentrokan antar, perang antar, perang batu (a live clash)
                      ditonjok, ditonjoki, digebuk, dihantam, disiksa, dicekik,
                      dijotos, dijotosi, mengeroyok, diantemi (Jv: beaten), diantem (Jv),
                      digebug (Su: beaten), diteunggeul (Su: hit),
                      diteunggeulan (Su), dipeupeuh (Su: punched), dipeupeuhan (Su)
violence 1.5:         kdrt, kekerasan dalam rumah tangga, dijambret, penjambretan, bacok,
                      ditodong (also `parking fee ditodong 3rb`: needs support),
                      menghajar, menonjok, mencekik, menyiksa, menusuk, menculik, menyekap,
                      menggebuki,
                      ditampar, menampar, ditendang, ditempeleng, dikeplak (Jv: slapped),
                      ditajong (Su: kicked), dicabok (Su/Jv: slapped)
                      (and a threat of violence: _threats)
                      (not `memukul` alone: also discipline, "anak berani mukul", and alarms)
violence 1:           penganiayaan, kekerasan, perkelahian, berkelahi, gelut (Jv), mengamuk,
                      menendang (also football), berantem, ribut massa,
                      senjata tajam, sajam, golok, celurit, parang, maling, pencurian, jambret,
                      bersenjata, pistol, pisau, sandera, lempar batu, melempar batu,
                      dilempar batu, perusakan, bentrok, bentrokan, membunuh, dibunuh,
                      saling lempar,
                      mengancam, diancam (threats: `mengancam petani` is figurative, so support),
                      dikuntit, menguntit, dibuntuti, membuntuti (stalking),
                      diseret, menyeret (dragged: coercion)
other 2:              gas bocor, bocor gas, kebocoran gas, tabung gas meledak, ledakan, meledak,
                      pohon tumbang menimpa, tertimpa pohon, tertimpa, tercebur, jatuh ke sumur,
                      bau gas menyengat, gas menyengat, gas ~ bocor, bau gas kuat, bau gas tajam,
                      gas beracun, kebocoran amonia, kebocoran klorin,
                      jatuh ke jurang, tersetrum, tersengat listrik, tenggelam, terseret arus,
                      terbawa arus,
                      terjebak di lift, kecelakaan kerja
other 1.5:            anak ~ hilang (a missing child), mau melompat, akan melompat,
                      ingin melompat, mau terjun, mau loncat (someone about to jump)
other 1:              bau gas, percikan api, pohon tumbang, pohon roboh, tumbang,
                      tiang listrik roboh, kabel listrik putus, kabel putus, hanyut, rumah roboh,
                      rumah ambruk, bangunan roboh, bangunan ambruk, atap ambruk, gempa, runtuh,
                      puting beliung, lift macet, lift ~ macet, kabel ~ putus, tiang ~ roboh,
                      rumah ~ ambruk, rumah ~ roboh, rumah ~ runtuh
"""

_CUE_TABLE = """
now 0.5:              jam lalu, jam yang lalu, menit lalu, menit yang lalu (an hour ago: still now)
now 1:                sekarang, saat ini, pada saat ini, sedang, barusan, baru saja, belum padam,
                      belum reda, masih berlangsung, sedang berlangsung, lagi berlangsung
now 0.5:              belum surut, tidak surut
now 1.5:              masih menyala
urgent 0.5:           masih, lagi, mohon bantuan, minta bantuan, !, damkar, kirim, bpbd, polisi
urgent 1:             tolong, minta tolong, cepat, segera, secepatnya, buruan, geura (Su: hurry),
                      gancang (Su: quick), enggal (Su/Jv: quickly), butuh bantuan, tiba tiba,
                      mendadak, sos, !!, 112, 113, 119, tim sar, basarnas
urgent 1.5:           darurat
severe 1:             korban, terluka, luka, berdarah, meninggal, tewas, kritis, tergeletak,
                      patah tulang, tulang patah, kaki patah, kakinya patah, tangan patah,
                      tangannya patah, menjerit, teriak minta tolong, berteriak minta tolong,
                      terlempar, tidak ketemu, tidak ditemukan, belum ketemu,
                      merembet, menjalar, membesar, menyala, masuk rumah, masuk ke rumah,
                      pinggang, dada, leher, mengungsi,
                      evakuasi, dievakuasi, terisolasi, menimpa, ke loteng, ke atap,
                      percikan, memercik (sparks: a fallen cable still live)
severe 1.5:           ada korban, korban jiwa, terjebak, luka parah, sampai atap, terjepit,
                      tidak bisa buka pintu, terkunci di dalam, masih di dalam,
                      orangnya di dalam, di atas atap, naik ke atap,
                      orang di dalam, tidak bisa keluar, belum keluar, belum dievakuasi,
                      belum di evakuasi, belum terevakuasi, belum ditemukan,
                      tidak bisa ke rumah sakit, tidak bisa ke rs, tidak bisa dibawa ke rumah sakit,
                      tidak bisa dibawa ke rs (cut off from care)
severe 0.5:           setinggi, lutut, perahu, asap, anak anak, lansia, panik,
                      anak kecil, ibu hamil, bayi, pusing, muntah, ringsek (a wrecked vehicle)
severe 1:             makin tinggi, semakin tinggi, terus naik, naik terus, makin deras, arus deras,
                      terus bertambah, melukai, masih bertambah, terus bergerak, makin lebar,
                      semakin lebar, bertambah lebar, melebar, ikut ambruk, ikut roboh,
                      ikut runtuh, ikut longsor
cause 1:              karena, dikarenakan, di karenakan, disebabkan, akibat, gara gara
fear 1:               takut, ketakutan, sieun (Su), wedi (Jv)
hiding 1:             sembunyi, bersembunyi, ngumpet, nyumput (Su), kunci diri, mengunci diri
ground 0.5:           retak, retakan, miring, bergeser, geser, bergerak, gemuruh, bergemuruh,
                      merosot, turun (and a progression before any of them, 1: see _progressions)
past 1:               tahun lalu, bulan lalu, hari lalu, yang lalu, beberapa waktu lalu,
                      sudah sembuh, sudah pulih, sudah stabil, sudah selesai,
                      sudah dibawa ke rumah sakit, sudah dibawa ke rs, sudah dibawa ke rsud,
                      tempo hari, waktu itu, saat itu, kala itu, pada waktu, pagi tadi, siang tadi,
                      sore tadi, malam tadi, kemarin, tadi malam, tadi pagi, tadi siang, tadi sore,
                      dulu, dahulu, pernah, sudah surut, surut, sudah padam, telah padam,
                      dipadamkan, sudah reda, sudah aman, sudah ditangani, sudah dievakuasi,
                      sudah selesai, tidak tertolong, minggu lalu, pekan lalu, tahun kemarin,
                      bulan kemarin, minggu kemarin, semalam, sudah memadamkan, sudah dipadamkan,
                      sudah ketemu, sudah ditemukan, sudah pulang
before 1:             tadi, sempat, bekas, sisa, puing, pasca, setelah, sesudah, habis, dampak,
                      rawan, antisipasi, mengantisipasi, agar tidak, supaya tidak, biar tidak,
                      jangan sampai, mencegah, pencegahan, cegah, berpotensi, potensi, terancam,
                      khawatir, kuatir, dikhawatirkan, mengkhawatirkan, ditakutkan, bilamana,
                      waktu, sewaktu, saat, menyebabkan, mengakibatkan, menimbulkan, terjadinya,
                      hampir, rentan, membuat, bikin, mau, hendak, akan, ketika, pada saat,
                      berakibat, menunggu, nunggu,
                      tunggu, bahaya, apakah, bisa terjadi, dapat terjadi, kalau, jika, bila,
                      apabila, seandainya, andai, misal, misalnya, sebelum, nanti, seperti, bagai,
                      bagaikan, besok, sehingga, terkait, perihal, tentang, mengenai, resiko,
                      risiko, beresiko, berisiko, membahayakan
chronic 1:            sering, seringkali, kerap, selalu, setiap, tiap, langganan, bertahun tahun,
                      menahun, beberapa kali, berkali kali, banyak terjadi, banyak yang mengalami,
                      sudah banyak, terkadang, kadang, kadang kadang, musim hujan, musim penghujan,
                      saat hujan, tidak terhitung, tidak kehitung, sampai sekarang,
                      hingga sekarang, sampai saat ini, hingga saat ini, memakan korban,
                      makan korban, menelan korban, banyak pengendara, banyak kendaraan,
                      banyak motor, x (`2x`: a count of past events), kali kejadian,
                      bermunculan, marak, maraknya (a trend: gangs roaming the city for weeks)
admin 1:              asuransi, santunan, jasa raharja, klaim, bansos, bantuan sosial, sembako,
                      ktp, kartu keluarga, akta, ijazah, dokumen, disdukcapil, kursi roda,
                      tv, televisi, grup wa, di grup, menyebar, disebar (documents, news, rumours),
                      bantuan untuk, bantuan bagi (aid for the victims, after the event),
                      belum dapat, belum mendapat, belum mendapatkan, belum menerima, belum terima,
                      belum cair, pencairan, penyaluran, pendataan, didata, renovasi, bedah rumah,
                      ganti rugi, hidran, hydrant, apar, sosialisasi, simulasi, pelatihan, latihan,
                      penyuluhan, edukasi, kasus, sidang, pengadilan, proses hukum,
                      surat keterangan, mitigasi, hoaks, video, berita, viral, foto, postingan,
                      medsos, obat, bpjs, dirawat, rawat inap, opname, ranap, berobat, riwayat,
                      penderita, penyakit, peta, angka, jumlah, statistik, data, karcis, tarif,
                      pungli, pungutan, film, adegan, sinetron, drakor, tayangan, ketabahan,
                      berduka, turut berduka, berduka cita
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


# Water depth told by the body, with its severity: `sepinggang`, `setinggi lutut`, Su `nepi ka
# tuur` (read `sampai ke lutut`), Jv `tekan dengkul`, `sak dengkul`. Role `depth`: severity
# like `severe`, and a depth a few words after `air` is itself a flood (see emergency.py).
_BODY_DEPTHS = {
    "mata kaki": 0.5, "betis": 0.5, "lutut": 0.5, "paha": 1.0, "pinggang": 1.0, "perut": 1.0,
    "dada": 1.0, "leher": 1.0,
}  # fmt: skip
_DEPTH_MARKERS = ("se", "setinggi ", "sampai ", "sampai ke ", "sebatas ", "hingga ", "sak ")
BODY_PARTS = frozenset(body for body in _BODY_DEPTHS if " " not in body)
# Water that a depth measures: `air` also stands for Su `cai`, Jv `banyu`, `toya`.
WATER = ("air", "genangan")

# A slope or the ground with a collapse verb a few words later in its clause is a landslide
# whichever pair it is (`lereng kebun ambrol`, `tanah di belakang rumah longsor`), and so is
# the noun `longsor` naming its slope (`longsor tebing TPT`); Jv `lemah`, Su `taneuh` are the
# ground. Weight 1.5, not 2: the words may be a few apart, so one cue must back them (a cliff,
# `tebing`, keeps the 2 it had before the rule was generalised). Left
# out: `amblas` (a sinking road is a routine complaint) and retaining walls (`talud ambrol`
# asks for repair: LaporGub! has dozens).
SLOPES = ("tebing", "lereng", "bukit", "gawir", "tanah", "lemah", "taneuh")
COLLAPSES = ("longsor", "ambrol", "runtuh", "ambruk", "roboh", "gugur")
_SLIDE_NOUNS = ("longsor", "longsoran")
# `longsor tebing` names a place; `longsor tanah` is the name of the disaster type ("bencana
# banjir longsor tanah" heads LaporGub! reports), as weak as `longsor` alone.
_NAMED_SLOPES = ("tebing", "lereng", "bukit", "gawir")
# Ground that *starts* or keeps cracking, tilting or moving is a slide under way; a crack on
# its own is also the state of an old road (`beton retak amblas`), so it weighs half.
# (`turun` stays out of the progressions: "hujan masih turun" is rain.)
_GROUND_MOVES = ("retak", "miring", "bergeser", "bergerak")
_PROGRESSIONS = ("mulai", "makin", "semakin", "terus", "masih")

# A threat or a pursuit aimed at the writer (`mengancam saya`, `kami dikuntit`, Su `ngancam
# abdi`) is violence under way against them, not talk of a threat; 1.5, so one cue backs it.
_ME = ("saya", "aku", "kami", "abdi", "kuring")
_THREATENS = ("mengancam",)
_PURSUED = ("diancam", "dikuntit", "dibuntuti", "diikuti")
# A threat of an act of violence (`ngancem mukul`, `mengancam akan membunuh`) is violence under
# way whoever it is aimed at; `mengancam` alone is also figurative (`mengancam petani`).
_THREAT_VERBS = ("mengancam", "diancam")
_THREATENED_ACTS = (
    "memukul", "membunuh", "dibunuh", "membacok", "dibacok", "menusuk", "ditusuk", "membakar",
    "dibakar", "menculik", "diculik", "menganiaya", "memperkosa", "menembak", "ditembak",
)  # fmt: skip
# `kena` + a part of the body: someone was hit ("lempar batu, ada yg kena kepala").
_STRUCK = ("kepala", "muka", "wajah", "mata", "leher", "dada", "perut", "punggung", "tangan")

# Cues that people are trapped or cut off now. They keep a hazard named as a cause live
# ("tidak bisa ke RS karena kebanjiran"); `korban` is not one of them: victims are named
# after the event too ("korban akibat pohon tumbang").
PEOPLE_IN_DANGER = frozenset(
    {
        "terjebak", "terjepit", "terisolasi", "tidak bisa keluar", "belum keluar",
        "belum dievakuasi", "belum di evakuasi", "belum terevakuasi", "orang di dalam",
        "belum ditemukan", "kritis", "ke atap", "ke loteng", "sampai atap",
        "tidak bisa ke rumah sakit", "tidak bisa ke rs", "tidak bisa dibawa ke rumah sakit",
        "tidak bisa dibawa ke rs",
    }
)  # fmt: skip

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
mau melaporkan, ingin melaporkan, apa lagi, apalagi, dari semalam, sejak semalam,
dalam keadaan darurat, akses darurat, jalur darurat, pintu darurat, tangga darurat, mobil ambulans,
ambulans desa, ambulans gratis, mengancam nyawa, mengancam jiwa, mengancam keselamatan,
diancam pidana, diancam hukuman, informasi anak hilang, pos anak hilang, dari tadi pagi,
sejak tadi pagi, dari tadi siang, sejak tadi siang, dari tadi sore, sejak tadi sore, dr tadi,
dri tadi
"""

# Keywords whose single dropped vowel is repaired (`bnjir`, `kbakaran`, `tlong`). Kept short
# on purpose: repairing every keyword turned `diback` into `dibacok`.
REPAIRABLE = frozenset(
    {
        "ambulans", "banjir", "darurat", "evakuasi", "hanyut", "kahuruan", "kebakaran",
        "kebanjiran", "kecelakaan", "korban", "longsor", "meledak", "pingsan", "segera",
        "sekarang", "tabrakan", "tawuran", "tenggelam", "terbakar", "terjebak", "tertimbun",
        "tolong",
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
    hazards["landslide"] += _slope_pairs()
    hazards["violence"] += _aimed_at_me() + _threats()
    return {kind: tuple(pairs) for kind, pairs in hazards.items()}


def _cues() -> dict[str, tuple[str, float]]:
    cues: dict[str, tuple[str, float]] = {}
    for header, phrases in _rows(_CUE_TABLE):
        role, weight = header.split()
        cues.update((phrase, (role, float(weight))) for phrase in phrases)
    cues.update({f"{day} {part}": ("past", 1.0) for day in _DAYS for part in _DAY_PARTS})
    cues.update(_depths())
    cues.update({f"kena {part}": ("severe", 1.0) for part in _STRUCK})
    for phrase, cue in _progressions().items():
        cues.setdefault(phrase, cue)  # `terus bergerak` is already severe, for any hazard
    return cues


def _depths() -> dict[str, tuple[str, float]]:
    return {
        f"{marker}{body}": ("depth", weight)
        for body, weight in _BODY_DEPTHS.items()
        for marker in _DEPTH_MARKERS
    }


def _aimed_at_me() -> tuple[tuple[str, float], ...]:
    phrases = [f"{verb} {me}" for verb in _THREATENS for me in _ME]
    phrases += [f"{me} {verb}" for verb in _PURSUED for me in _ME]
    return tuple((phrase, 1.5) for phrase in phrases)


def _threats() -> tuple[tuple[str, float], ...]:
    return tuple((f"{verb} ~ {act}", 1.5) for verb in _THREAT_VERBS for act in _THREATENED_ACTS)


def _progressions() -> dict[str, tuple[str, float]]:
    return {f"{p} {move}": ("ground", 1.0) for p in _PROGRESSIONS for move in _GROUND_MOVES}


def _slope_pairs() -> tuple[tuple[str, float], ...]:
    pairs = [(slope, f"{slope} ~ {verb}") for slope in SLOPES for verb in COLLAPSES]
    pairs += [(slope, f"{noun} ~ {slope}") for noun in _SLIDE_NOUNS for slope in _NAMED_SLOPES]
    return tuple((pair, 2.0 if slope == "tebing" else 1.5) for slope, pair in pairs)


def _slang() -> dict[str, str]:
    return {variant: word for word, variants in _rows(SLANG_TABLE) for variant in variants}


HAZARDS = _hazards()
CUES = _cues()
SLANG = _slang()
STOP = tuple(_phrases(_STOP_TABLE.replace("\n", " ")))
