# ruff: noqa: SIM905 - keyword lists are written as one comma-separated string to stay compact
"""Demo categories, part A: roads, water, lighting, waste, environment, transport, utilities."""

from sigap.demo.content.rows import CategoryRow

CATEGORIES: list[CategoryRow] = [
    {
        "code": "jalan-rusak",
        "name": "Jalan rusak / berlubang",
        "group": "Infrastruktur",
        "kind": "complaint",
        "agency": "dputr",
        "default_priority": "tinggi",
        "open311_code": "jalan-rusak",
        "description": "Jalan kabupaten berlubang, aspal mengelupas, ambles, atau belum "
        "diperbaiki.",
        "keywords": (
            "jalan rusak, berlubang, bolong, jalan ancur, aspal, ambles, jalan na ruksak, lubang, "
            "jln rusak, jalan butut, betonisasi, tambal jalan, licin, gronjal"
        ).split(", "),
        "examples": [
            "jalan raya banjaran arah pameungpeuk bolong2 gede pisan, tadi ada motor jatoh",
            "Punten pak, jln di Kp. Cikoneng Bojongsoang rusak parah udh 2 taun ga diperbaiki",
            "assalamualaikum, mohon perbaikan jalan desa Mekarsari Ciparay, aspalnya udah ngelupas "
            "semua, kalau hujan jadi kubangan, anak sekolah sering jatuh. terima kasih",
            "jalan ka Pangalengan sabudeureun Cimaung mani ruksak, bahaya peuting teu aya lampu",
            "lubang di jl raya laswi majalaya makin gede, tolong ditambal sebelum ada korban",
            "Pak bupati kapan jalan di Arjasari dibenerin?? tiap taun dijanjiin doang",
            "jalan ambles deket jembatan cisangkuy pameungpeuk, retakannya sampe tengah jalan",
            "rusak euy jalan katapang, truk pasir tiap hari lewat",
            "Yth DPUTR, kami warga RW 05 Desa Cileunyi Wetan melaporkan jalan lingkungan yang "
            "rusak sepanjang kurang lebih 300 meter. Sudah diajukan lewat musrenbang tapi belum "
            "ada realisasi. Mohon ditinjau.",
            "jln soreang - ciwidey di sekitar pasirjambu banyak lubang ketutup air, td mobil sy "
            "velg nya penyok",
            "aspal baru 3 bulan di rancaekek udah ancur lagi, kualitasnya gimana ini",
            "mas tulung jalan neng kutawaringin ke arah si jalak harupat rusak banget",
        ],
    },
    {
        "code": "jembatan-rusak",
        "name": "Jembatan rusak / putus",
        "group": "Infrastruktur",
        "kind": "complaint",
        "agency": "dputr-binamarga",
        "default_priority": "tinggi",
        "open311_code": "jembatan-rusak",
        "description": "Jembatan kabupaten retak, pagar pengaman hilang, lantai jebol, atau putus.",
        "keywords": (
            "jembatan, jembatan rusak, jembatan putus, sasak, leuwi, pagar jembatan, "
            "lantai jembatan, jebol, retak, oyag, jembatan gantung, rawan ambruk"
        ).split(", "),
        "examples": [
            "sasak gantung di Kp. Cibitung Pangalengan papanna loba nu bolong, barudak sakola "
            "ngaliwat unggal poe",
            "jembatan di ciparay arah pacet pagarnya udh ga ada, bahaya kalo malem",
            "Mohon perhatian, jembatan penghubung Desa Bojongsari dan Tegalluar retak di tengah, "
            "sekarang cuma bisa dilewati motor.",
            "jembatan putus kebawa arus citarum di majalaya, warga harus muter 5 km",
            "lantai jembatan kayu di solokanjeruk udah lapuk, kemarin ada yg kakinya kejeblos",
            "jembatan oyag pisan mun aya treuk ngaliwat, di daerah Cikancung",
            "pak tolong jembatan leuwi di arjasari, beusina geus karatan",
            "jembatan di baleendah deket andir retak2, kapan dicek?",
            "Kami warga Kertasari mohon dibangunkan jembatan permanen, selama ini pakai bambu",
            "sasak di ibun raksak, motor teu tiasa liwat",
            "jembatan sungai cikeruh rancaekek pinggirnya longsor, tiang pondasinya keliatan",
        ],
    },
    {
        "code": "drainase-genangan",
        "name": "Drainase tersumbat / genangan",
        "group": "Infrastruktur",
        "kind": "complaint",
        "agency": "dputr-sda",
        "default_priority": "normal",
        "open311_code": "drainase-genangan",
        "description": "Saluran air tersumbat, gorong-gorong ambruk, irigasi rusak, genangan di "
        "jalan.",
        "keywords": (
            "drainase, selokan, got, solokan, gorong-gorong, genangan, mampet, tersumbat, "
            "irigasi, saluran, cileuncang, banjir cileuncang, tandon"
        ).split(", "),
        "examples": [
            "solokan di depan pasar sayati mampet, tiap hujan cileuncang sampe selutut",
            "gorong2 di jl terusan kopo katapang ambruk, air nya luber ke jalan",
            "Mohon normalisasi saluran air di perumahan Bumi Rancaekek Kencana, sudah dangkal "
            "penuh lumpur",
            "got depan rumah ga ngalir udh seminggu, bau pisan",
            "irigasi ka sawah di Ciparay tos saat, saluran na bocor ku pembangunan perumahan",
            "genangan air di bundaran soreang tiap hujan, ganggu bgt",
            "saluran drainase jl raya dayeuhkolot ketutup trotoar baru, airnya ga bisa masuk",
            "punten, di margahayu selatan saluran gede na pinuh ku runtah, caina naek ka jalan",
            "air hujan dari perumahan atas ngalir semua ke kampung kami di Cilengkrang, "
            "selokannya kecil banget, tiap hujan rumah kami kebanjiran lumpur. tolong dibuatkan "
            "saluran yang layak",
            "genangan di jl cibiru hilir cileunyi bikin jalan cepet rusak",
            "drainase mampet di banjaran",
        ],
    },
    {
        "code": "pju-mati",
        "name": "Lampu jalan (PJU) mati",
        "group": "Infrastruktur",
        "kind": "complaint",
        "agency": "dishub",
        "default_priority": "normal",
        "open311_code": "pju-mati",
        "description": "Penerangan jalan umum mati, berkedip, tiang miring, atau permintaan PJU "
        "baru.",
        "keywords": (
            "pju, lampu jalan, lampu mati, gelap, poek, penerangan, tiang lampu, lampu pju, "
            "lampu kedip, lampu merah mati, lampu jln, gelap gulita"
        ).split(", "),
        "examples": [
            "lampu pju di jl raya soreang-banjaran mati dari minggu lalu, poek pisan",
            "pak, jalan lingkar nagreg gelap gulita, lampu jalan banyak yang mati, rawan begal",
            "lampu jln depan smp di baleendah kedip2 terus",
            "Mohon dipasang PJU di jalan Desa Lengkong Bojongsoang, sering ada jambret malam hari",
            "tiang lampu miring mau roboh di cicalengka deket stasiun",
            "lampu merah perempatan majalaya mati, macet parah",
            "poek euy jalan ka ciwidey sabada terminal, lampuna pareum kabeh",
            "pju mati di jl raya cileunyi",
            "lampu jalan di komplek kami di margaasih mati semua sejak ada galian kabel",
            "kabel lampu jalan di rancaekek kebuka, takut kesetrum anak2",
            "dear dishub, tolong cek lampu jalan sepanjang jalan al fathu soreang, banyak yg ga "
            "nyala padahal deket kantor pemda",
        ],
    },
    {
        "code": "sampah-menumpuk",
        "name": "Sampah menumpuk / TPS liar",
        "group": "Lingkungan",
        "kind": "complaint",
        "agency": "dlh",
        "default_priority": "normal",
        "open311_code": "sampah-menumpuk",
        "description": "Sampah tidak diangkut, TPS penuh, pembuangan liar, atau pembakaran sampah.",
        "keywords": (
            "sampah, runtah, tps, tps liar, bau, belum diangkut, truk sampah, bakar sampah, "
            "numpuk, sampah liar, buang sampah, tumpukan, bau busuk"
        ).split(", "),
        "examples": [
            "runtah di tps pasar banjaran geus saminggu teu diangkut, baung pisan",
            "sampah numpuk di pinggir jalan raya bojongsoang, udh kaya gunung",
            "Mohon ditertibkan pembuangan sampah liar di bantaran sungai Citarum daerah "
            "Dayeuhkolot, warga luar sering buang malam2 pakai mobil bak",
            "truk sampah ga dateng2 ke komplek kami di cileunyi, padahal bayar iuran",
            "ada yg bakar sampah tiap sore di katapang, asapnya masuk rumah, anak sy asma",
            "tps di soreang penuh, sampahnya tumpah ke jalan",
            "bau sampah dari tps ciparay nyampe ke sekolahan",
            "punten dlh, di majalaya aya tumpukan runtah di sisi jalan, loba laleur",
            "sampah pasar cicalengka meluber, pembeli jadi males",
            "sampah menumpuk di margahayu",
            "tolong disediain tempat sampah di taman, sekarang org buang sembarangan",
        ],
    },
    {
        "code": "pencemaran-limbah",
        "name": "Pencemaran sungai / limbah pabrik",
        "group": "Lingkungan",
        "kind": "complaint",
        "agency": "dlh",
        "default_priority": "tinggi",
        "open311_code": "pencemaran-limbah",
        "description": "Limbah industri ke sungai (termasuk DAS Citarum), air berwarna/berbau, "
        "asap dan debu pabrik, kebisingan.",
        "keywords": (
            "limbah, pencemaran, citarum, sungai hitam, air bau, pabrik, tekstil, asap pabrik, "
            "debu, cai hideung, walungan, bising, polusi, b3, buih"
        ).split(", "),
        "examples": [
            "sungai cikijing di rancaekek warnanya item pekat lagi, bau kimia, pabrik buang "
            "limbah tiap malam",
            "citarum di majalaya warna merah hari ini, pasti pabrik tekstil",
            "Mohon ditindak pabrik di Jl. Raya Dayeuhkolot yang membuang limbah cair ke "
            "saluran warga. Sawah kami jadi gagal panen.",
            "cai walungan di solokanjeruk hideung jeung bau, lauk paraeh",
            "asap cerobong pabrik di banjaran item banget tiap subuh, sesek napas",
            "ada buih putih banyak di sungai citarum dayeuhkolot",
            "air sumur warga di cikancung jadi bau setelah ada pabrik baru",
            "debu dari batching plant di soreang masuk rumah, meja kotor terus",
            "pabrik di katapang bising sampe jam 2 malem, ga bisa tidur",
            "limbah peternakan sapi di pangalengan dibuang ke sungai, airnya bau",
            "polusi udara margaasih parah",
        ],
    },
    {
        "code": "pohon-tumbang",
        "name": "Pohon tumbang / rawan tumbang",
        "group": "Lingkungan",
        "kind": "complaint",
        "agency": "dlh",
        "default_priority": "tinggi",
        "open311_code": "pohon-tumbang",
        "description": "Pohon tumbang menghalangi jalan, dahan rawan patah, permintaan "
        "pemangkasan. Bila menimpa orang atau rumah, hubungi 112.",
        "keywords": (
            "pohon tumbang, tangkal rubuh, pohon roboh, dahan patah, ranting, pangkas, "
            "pohon miring, pohon besar, tumbang, rubuh, angin kencang, tebang"
        ).split(", "),
        "examples": [
            "tangkal gede rubuh di jalan raya ciwidey, jalan ketutup total",
            "pohon tumbang di jl raya banjaran dekat pasar, macet panjang",
            "ada pohon miring banget di depan SD di cileunyi, takut roboh pas anak2 istirahat",
            "Mohon pemangkasan pohon mahoni di sepanjang jalan Soreang, dahannya sudah "
            "menyentuh kabel listrik",
            "dahan patah nimpa motor di baleendah, pengendara luka ringan",
            "pohon tumbang pangalengan",
            "angin kenceng td sore, pohon rubuh nutup jalan di desa cibodas pasirjambu",
            "punten, tangkal di sisi jalan rancaekek tos rapuh, mangga dipangkas",
            "pohon tumbang nimpa kabel listrik di majalaya, lampu padam sekampung",
            "pohon albasia di atas rumah sy di cimenyan miring ke arah rumah, minta ditebang",
            "ranting2 gede berjatuhan di alun2 soreang",
        ],
    },
    {
        "code": "parkir-angkot-terminal",
        "name": "Parkir liar, angkutan umum, terminal",
        "group": "Perhubungan",
        "kind": "complaint",
        "agency": "dishub",
        "default_priority": "normal",
        "open311_code": "parkir-angkot-terminal",
        "description": "Parkir liar, juru parkir tanpa karcis, angkot ngetem, tarif angkutan, "
        "kemacetan, rambu, dan pelayanan terminal.",
        "keywords": (
            "parkir liar, jukir, tukang parkir, angkot, ngetem, terminal, macet, rambu, elf, "
            "tarif, parkir, ojol, karcis parkir, lalu lintas"
        ).split(", "),
        "examples": [
            "angkot ngetem di depan pasar ciparay bikin macet tiap pagi",
            "jukir di minimarket soreang minta 5rb, ga ada karcis",
            "Terminal Banjaran kotor dan banyak calo, mohon dibenahi",
            "elf jurusan majalaya - cicalengka narik ongkos seenaknya",
            "parkir liar di bahu jalan raya cileunyi deket pintu tol, nyempitin jalan",
            "rambu dilarang parkir di baleendah ketutup spanduk",
            "macet parah di simpang dayeuhkolot tiap sore, ga ada petugas",
            "Punten, di terminal soreang teu aya jadwal angkutan nu jelas",
            "tukang parkir liar di depan sekolah di rancaekek galak",
            "truk gede parkir sembarangan di jalan katapang sampai malam",
            "angkot 05 sering nurunin penumpang di tengah jalan",
        ],
    },
    {
        "code": "air-bersih-pdam",
        "name": "Air bersih / PDAM Tirta Raharja",
        "group": "Pelayanan Publik",
        "kind": "complaint",
        "agency": "pdam",
        "default_priority": "normal",
        "open311_code": "air-bersih-pdam",
        "description": "Air PDAM mati, keruh, pipa bocor, tagihan tidak wajar. Diteruskan ke "
        "Perumda Air Minum Tirta Raharja.",
        "keywords": (
            "pdam, tirta raharja, air mati, cai pareum, air keruh, pipa bocor, tagihan air, "
            "meteran, air kotor, ledeng, air ga ngalir, krisis air"
        ).split(", "),
        "examples": [
            "air pdam di komplek sy di margahayu mati 3 hari, ga ada pemberitahuan",
            "cai pdam di soreang kiruh pisan, warnana coklat",
            "pipa pdam bocor di jalan raya baleendah, airnya muncrat kemana2",
            "tagihan pdam naik 3x lipat padahal pemakaian biasa aja, meteran rusak kali",
            "Mohon info kapan air PDAM di wilayah Bojongsoang normal lagi",
            "air ga ngalir dari subuh di cileunyi",
            "punten, cai teu kaluar ti kamari di dayeuhkolot",
            "air pdam bau kaporit banget",
            "udah daftar pasang baru pdam di katapang 2 bulan belum dipasang",
            "warga rancaekek krisis air bersih musim kemarau, mohon bantuan tangki air",
            "air keruh margaasih",
        ],
    },
    {
        "code": "listrik-pln",
        "name": "Gangguan listrik / PLN",
        "group": "Pelayanan Publik",
        "kind": "complaint",
        "agency": "pln",
        "default_priority": "normal",
        "open311_code": "listrik-pln",
        "description": "Listrik padam, tiang atau kabel PLN membahayakan. Diteruskan ke PLN; "
        "pelanggan juga dapat menghubungi PLN 123.",
        "keywords": (
            "pln, listrik, mati lampu, padam, pareum, kabel, tiang listrik, trafo, korslet, "
            "token, gardu, kabel kendor, byarpet"
        ).split(", "),
        "examples": [
            "mati lampu lagi di majalaya, udah 3 kali hari ini",
            "kabel pln menjuntai rendah di jalan ciparay, truk bisa nyangkut",
            "listrik pareum ti tadi sonten di Pangalengan, kumaha ieu teh",
            "Tiang listrik miring di depan rumah warga di Cicalengka, mohon segera ditangani",
            "trafo meledak di dekat pasar banjaran, sekarang gelap semua",
            "byarpet terus di rancaekek, kulkas sy rusak",
            "kabel listrik kena dahan pohon, keluar percikan api di baleendah",
            "padam di soreang kapan nyala?",
            "gardu pln di cileunyi bunyi mendengung keras, takut kenapa2",
            "punten pa, token teu tiasa diasupkeun, meteran error",
            "listrik mati sekampung di kertasari sejak kemarin",
        ],
    },
]
