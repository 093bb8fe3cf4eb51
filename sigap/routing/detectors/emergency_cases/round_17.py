"""Round 17: 80 cases by an eighth author, written blind to the rules and to rounds 1 to 16.

40 emergencies in progress over all seven kinds and 40 tricky negatives, in the style of
WhatsApp messages to the Kabupaten Bandung Pemda. `Su` marks Sundanese, `Jv` Javanese.
Places are Kabupaten Bandung's; people and addresses are invented.
"""

Rows = list[tuple[str, str | None]]


_FIRE: Rows = [
    (
        "min tolong kirim damkar skrg ke Kp. Cibodas RT 03 RW 07 Ds. Sukamanah "
        "Rancaekek, rumah pak Dadang kebakar apinya udh gede bgt 🔥🔥 warga cuma pake "
        "ember ga ngaruh",
        "fire",
    ),
    (  # Su
        "punten pa aya seuneu gede di pasar Banjaran blok kios baju, haseupna hideung "
        "pisan ngebul ka mana2, tulung enggal kintun damkar!!",
        "fire",
    ),
    (
        "selamat sore pak admin, saya mau nanya soal KTP anak saya yg udh 17 thn, "
        "katanya di disdukcapil soreang blankonya kosong terus dr bulan lalu, jadi "
        "harus nunggu brp lama ya pak soalnya mau dipake daftar kerja.. eh maaf pak "
        "ini tetangga sebelah ada asep keluar dr atap dapurnya, orangnya lg kerja "
        "rumahnya dikunci, skrg apinya mulai keliatan merah2, tolong hubungin damkar "
        "pak Jl. Raya Katapang gg Mawar no 12",
        "fire",
    ),
    (
        "pak itu pabrik deket jembatan solokanjeruk barusan ada suara dentuman terus "
        "asep item ngebul tinggi bgt, bau plastik kebakar nyampe kampung, karyawan "
        "pada lari keluar. cepet pak",
        "fire",
    ),
    (  # Jv
        "min tulung, omahe mbah Sarmi ning Ds. Cangkuang Wetan kobong, genine wis "
        "tekan gendeng, ora ono sing wani mlebu. damkar ndang dikirim ya",
        "fire",
    ),
    (  # Su
        "lahan di gunung tilu pasirjambu kahuruan, seuneuna geus nepi ka kebon warga, "
        "angin gede pisan urang teu sanggup mareuman",
        "fire",
    ),
]


_FLOOD: Rows = [
    (
        "pak banjir lg di dayeuhkolot, air udh sepinggang di rt 02 rw 11 citeureup, "
        "ada nenek2 blm bisa keluar rumah, butuh perahu karet SKRG 🙏🙏",
        "flood",
    ),
    (  # Su
        "caina geus asup ka imah luhurna sabeuteung, citarum ngaleuwihan tanggul di "
        "Baleendah Andir. barudak jeung kolot loba nu can dievakuasi tulung",
        "flood",
    ),
    (
        "min kmrn kan sy udh lapor soal got mampet yg ga diurus2, nah skrg kejadian "
        "kan, air kali meluap masuk ke rumah2 di Bojongsoang, lemari udh ngambang "
        "kasur basah semua, air masih naik terus. gmn ini min",
        "flood",
    ),
    (  # Su
        "caah gede di majalaya, jalan ka pasar teu bisa diliwatan, cai beuki naek 😭",
        "flood",
    ),
    (  # Jv
        "tulung pak, banyu teko kali Cisangkuy mlebu omah, wis sedengkul lan terus "
        "mundhak, aku karo anak2 ngungsi ning lantai loro, bapake durung mulih",
        "flood",
    ),
    (
        "air bah tiba2 dateng dr arah hulu di ciparay, deres bgt bawa lumpur sm batang "
        "pohon, motor warga pd kebawa arus, ada yg naik ke atap nunggu ditolong",
        "flood",
    ),
]


_LANDSLIDE: Rows = [
    (
        "pak tolong tebing di belakang rumah di Kp. Cirawa Ds. Margamukti Pangalengan "
        "ambrol barusan, nimpa 2 rumah, ada yg ketimbun blm ketemu, warga gali pake "
        "tangan",
        "landslide",
    ),
    (  # Su
        "urug di jalan Cipelah Rancabali, taneuh ragrag ti luhur nutupan jalan, aya "
        "mobil kabawa, supirna can kapendak",
        "landslide",
    ),
    (  # Su
        "tulung pa, taneuh di tukangeun masjid di Cimenyan terus ngageser, imah geus "
        "rengat2, urang rek ngungsi tapi aya nini nu gering teu bisa leumpang",
        "landslide",
    ),
    (
        "assalamualaikum pak, mohon maaf ganggu malem2. jadi gini, dari sore hujan ga "
        "berhenti2 di daerah Ibun, trus tadi sekitar jam 9 ada suara gemuruh kenceng "
        "bgt kaya gledek tp dr bawah. pas dicek jalan desa yg ke arah kampung sebelah "
        "udh ketutup tanah sama pohon, rumah pak RT separo ilang kebawa. katanya "
        "istrinya masih di dalem. listrik mati hp sy mau abis. tolong pak",
        "landslide",
    ),
    (
        "jalur nagreg arah garut ketutup material longsoran bru aja, ada motor yg "
        "kejebak dibawah, batu masih pada jatoh",
        "landslide",
    ),
    (  # Jv
        "pak lemahe ambles ning Arjasari, omah loro melu ambruk, wong2 isih nggoleki "
        "bocah cilik sing ketimbun",
        "landslide",
    ),
]


_TRAFFIC: Rows = [
    (
        "min ada kecelakaan di jalan raya soreang-banjaran dpn alfamart, truk pasir "
        "nabrak angkot, ada yg kejepit di dalem, darah dmn2 tolong ambulans",
        "traffic_accident",
    ),
    (  # Su
        "aya tabrakan motor di bunderan cileunyi, hiji budak ngagoler teu usik di "
        "jalan, can aya ambulan",
        "traffic_accident",
    ),
    (
        "ya allah pak bus pariwisata masuk jurang di tikungan ciwidey arah rancabali, "
        "penumpangnya banyak anak sekolah, warga lg pada turun bantu, kirim bantuan "
        "cepet",
        "traffic_accident",
    ),
    (
        "pak ada org keserempet tronton di Jl. Raya Rancaekek deket pabrik, orangnya "
        "masih di aspal ga gerak, motornya ringsek. polisi blm dateng",
        "traffic_accident",
    ),
    (  # Jv
        "mas admin, ono motor ditabrak mobil ning prapatan margahayu, sing nyetir "
        "motor sirahe getihen, mobile kabur. tulung ambulan",
        "traffic_accident",
    ),
    (  # Su
        "pa kamari abdi naros soal perbaikan jalan teh can dibales, tah ayeuna "
        "kajadian pisan, aya mobil bak ngaguling di jalan rusak Kertasari, supirna "
        "kajepit, tulung geura kadieu",
        "traffic_accident",
    ),
]


_VIOLENCE: Rows = [
    (
        "pak tolong ada tawuran pelajar di deket terminal cicalengka bawa celurit, udh "
        "ada yg kena bacok, warga ga berani misahin",
        "violence",
    ),
    (
        "min tetangga saya lg mukulin istrinya, teriak2 minta tolong dr tadi, anaknya "
        "nangis, pintunya dikunci. Ds. Sangkanhurip Katapang. saya takut ikut campur",
        "violence",
    ),
    (  # Su
        "aya nu keur gelut di pasar majalaya, hiji jalma dituwek peso, getihna loba, "
        "nu nuweukna masih ngamuk",
        "violence",
    ),
    (  # Jv
        "pak ono maling dikeroyok warga ning cikancung, wonge wis semaput tapi isih "
        "digebuki, tulung polisi ndang teko",
        "violence",
    ),
    (
        "pak ada orang mabok ngamuk bawa golok di gang rumah saya bojongsoang, udh "
        "mecahin kaca rumah warga, ngancem mau bunuh, kami ngunci diri di dalem",
        "violence",
    ),
    (
        "tolong ada anak smp dikeroyok geng motor di jalan raya paseh dipukulin pake "
        "helm, ini msh kejadian pak sy liat dr warung",
        "violence",
    ),
]


_MEDICAL: Rows = [
    (
        "pak ibu saya tiba2 ga sadar di rumah, napasnya ngorok, bibirnya mencong. "
        "ambulans puskesmas arjasari nomernya brp ya atau bisa dikirim ke sini",
        "medical",
    ),
    (  # Su
        "istri abdi bade ngalahirkeun, cai kawahna geus bear, di Kp. Cipeundeuy "
        "Kertasari, ka puskesmas jauh teu aya kendaraan, tulung ambulan",
        "medical",
    ),
    (
        "min anak saya kejang2 panasnya tinggi bgt 40an, udh 10 menit ga berhenti, "
        "kami di cilengkrang, harus gmn",
        "medical",
    ),
    (
        "pak warga yg habis makan nasi kotak di acara hajatan di Ds. Tanjungwangi "
        "Cicalengka pada muntah2 dan lemes, udh 20an orang, ada anak kecil yg pingsan, "
        "puskesmas kewalahan",
        "medical",
    ),
    (  # Su
        "aki di imah teu walakaya, sesak napas, biwirna geus bulao, oksigen beak. "
        "margahayu kencana blok C. enggal tulung",
        "medical",
    ),
]


_OTHER: Rows = [
    (
        "pak bau gas nyengat bgt di gang kami baleendah, kayanya tabung 3kg di warung "
        "bocor, org2 udh keluar rumah takut meledak, ga ada yg berani masuk",
        "other",
    ),
    (  # Su
        "aya budak titeuleum di situ cileunca, can kapanggih ti tadi, nu ngojay "
        "milarian teu kapendak, tulung tim SAR",
        "other",
    ),
    (
        "anak saya umur 5 thn ilang di pasar soreang dr jam 2, udh dicari kemana2 ga "
        "ketemu, pake baju merah kerudung pink, tolong umumin 😭😭",
        "other",
    ),
    (  # Jv
        "pak tulung, tonggoku kesetrum kabel PLN sing pedhot ning rancaekek, isih "
        "nempel, ora ono sing wani nyekel",
        "other",
    ),
    (
        "ada kuli kejebak di dlm sumur yg lg digali di cangkuang, sumurnya runtuh "
        "setengah, orangnya masih manggil2 dr bawah",
        "other",
    ),
]


_NEGATIVE: Rows = [
    (
        "pak mau nanya bantuan buat korban kebakaran pasar banjaran bulan lalu kapan "
        "cair ya, kios saya habis kebakar semua, udh ngumpulin fotokopi KK sama KTP ke "
        "kecamatan",
        None,
    ),
    (  # Su
        "punten bade naros, kumaha prosedur ngadamel surat keterangan kahuruan kanggo "
        "klaim asuransi? imah abdi kahuruan minggu kamari",
        None,
    ),
    (
        "banjir orderan nih min wkwk, ada info pelatihan umkm lagi ga di disperindag?",
        None,
    ),
    (
        "hatiku kebakaran liat mantan nikah 🔥🔥 canda min, mau nanya lowongan kerja di "
        "pemda ada ga",
        None,
    ),
    (
        "tolong pak drainase di jl raya dayeuhkolot dikeruk sblm musim hujan, tiap "
        "tahun pasti banjir sepinggang, jgn nunggu kejadian lg",
        None,
    ),
    (  # Su
        "lamun urug deui siga taun kamari di pangalengan, warga kedah ngungsi kamana? "
        "aya jalur evakuasi teu?",
        None,
    ),
    (
        "kemarin sore ada kecelakaan di flyover cileunyi ya min? rame bgt di grup fb, "
        "korbannya gmn kabarnya",
        None,
    ),
    (
        "air PDAM mati udh 3 hari di margahayu, DARURAT pak!!! warga ga bisa mandi ga "
        "bisa masak, tolong SEGERA!!!",
        None,
    ),
    (
        "jalan berlubang di ciparay arah majalaya udh kaya kolam, bahaya bgt, tiap "
        "malem ada aja motor jatoh, kapan diperbaiki",
        None,
    ),
    (  # Jv
        "pak, bantuan kanggo korban longsor arjasari wingi kok durung tekan? warga "
        "isih ning pengungsian, butuh terpal karo sembako",
        None,
    ),
    (
        "kebakaran di rancaekek td udh padam pak, damkar udh pulang, cuma mau lapor "
        "aja biar dicatat, ga ada korban",
        None,
    ),
    (  # Su
        "caah di baleendah geus surut, ayeuna mah tinggal leutak wungkul, punten aya "
        "program beberesih ti dinas teu?",
        None,
    ),
    (
        "min kenapa damkar lama bgt kmrn pas kebakaran di soreang, sejam baru nyampe, "
        "rumah tetangga keburu abis. tolong dievaluasi",
        None,
    ),
    (
        "pak gimana caranya ngurus akta kematian, bapak saya meninggal krn kecelakaan "
        "motor 2 minggu lalu di nagreg",
        None,
    ),
    (  # Su
        "aya beja di grup WA cenah tanggul citarum di bojongsoang rek jebol peuting "
        "ieu, leres kitu pa? warga araringeteun",
        None,
    ),
    (
        "ada ga pelatihan P3K buat kader posyandu? biar kalo ada yg pingsan atau "
        "kejang kita tau harus gmn",
        None,
    ),
    (
        "pak bpjs saya ditolak pas anak saya dirawat krn DBD bulan kemarin, skrg udh "
        "sembuh tp tagihannya 8jt, mohon bantuannya",
        None,
    ),
    (  # Jv
        "mas, tonggoku wingi dijambret ning banjaran, saiki wis lapor polsek tapi "
        "durung ono kabar. iso dibantu ditakoni?",
        None,
    ),
    (
        "anak2 muda di sini tiap malem minggu balapan liar di jl raya banjaran, "
        "berisik dan bahaya, tolong ditertibkan",
        None,
    ),
    (
        "longsor dan banjir tiap tahun di desa kami, kapan ada program relokasi? kami udh capek",
        None,
    ),
    (  # Su
        "pa, tihang listrik di gang abdi doyong pisan, sieun ragrag upami aya angin, "
        "tiasa dibenerkeun?",
        None,
    ),
    (
        "saya korban KDRT tahun lalu, udh cerai, mau nanya apa ada bantuan hukum "
        "gratis dr pemda buat urus hak asuh anak",
        None,
    ),
    (
        "izin share info: simulasi penanggulangan kebakaran di kantor kecamatan "
        "cicalengka besok jam 9, warga diharapkan hadir",
        None,
    ),
    (  # Su
        "budak abdi kamari murag tina motor, ayeuna tos damang, mung bade naros naha "
        "aya santunan jasa raharja kanggo kacilakaan tunggal?",
        None,
    ),
    (
        "gempa td kerasa ga min? di pangalengan lumayan goyang, tp aman kok, cuma "
        "nanya ada info dr BMKG?",
        None,
    ),
    (
        "kapan ya pohon2 gede di sepanjang jalan ciwidey dipangkas? kalo musim angin "
        "suka tumbang, takut nimpa kendaraan",
        None,
    ),
    (
        "pemadam kebakaran rekrut relawan ga pak? saya mau daftar",
        None,
    ),
    (  # Jv
        "pak, kali ning mburi omahku mambu banget lan akeh sampah, yen udan mesti "
        "mampet. tulung dikeruk sakdurunge banjir",
        None,
    ),
    (
        "ambulans desa kok dipake buat anter pengantin pak?? ini kan bukan darurat, "
        "tolong ditegur kepala desanya",
        None,
    ),
    (
        "tgl 12 kmrn ada orang tenggelam di situ cisanti, jasadnya udh ketemu. mohon "
        "dipasang papan peringatan & pelampung biar ga keulang",
        None,
    ),
    (  # Su
        "seuneu cinta abdi ka anjeun moal pareum 😂 punten salah kirim pa",
        None,
    ),
    (
        "penanganan kasus bullying di SD anak saya di cimenyan gmn ya? anak saya "
        "dipukul temennya minggu lalu, guru diem aja",
        None,
    ),
    (
        "pak saya lapor minggu lalu soal rumah retak akibat pergerakan tanah di "
        "pasirjambu, udh seminggu blm ada yg survei",
        None,
    ),
    (
        "stok oksigen di puskesmas banjaran sering kosong, kemarin ibu saya harus "
        "dirujuk ke RS jauh. tolong diperhatikan",
        None,
    ),
    (  # Jv
        "aku arep takon, nek ono kebakaran nomer damkar kab bandung piro yo? ben tak "
        "simpen ning hp",
        None,
    ),
    (
        "sampah di TPS cileunyi dibakar warga tiap hari, asepnya masuk rumah, anak "
        "saya batuk2 terus, tolong dilarang",
        None,
    ),
    (  # Su
        "hatur nuhun ka tim BPBD anu kamari enggal ngabantosan waktos caah di "
        "majalaya, mugia sehat salawasna",
        None,
    ),
    (
        "min kmrn sy liat berita ada yg digigit anjing rabies di kertasari, bener ga? "
        "vaksin rabies buat anjing peliharaan bisa dmn",
        None,
    ),
    (
        "bos saya kalo marah kaya gunung meletus 😅 bisa lapor ke mana ya soal lembur ga dibayar",
        None,
    ),
    (  # Su
        "jalan ka ibun ti majalaya geus sabulan teu acan dibersihkeun tina urug bulan "
        "kamari, angkot teu bisa lewat, barudak sakola kedah leumpang jauh",
        None,
    ),
]


ROUND_17: Rows = _FIRE + _FLOOD + _LANDSLIDE + _TRAFFIC + _VIOLENCE + _MEDICAL + _OTHER + _NEGATIVE
