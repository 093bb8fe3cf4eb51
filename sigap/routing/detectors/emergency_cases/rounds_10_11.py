"""Rounds 10 (dev) and 11 (held out) of the labelled emergency set: see the package docstring.

Written by a second author, blind to the rules and to rounds 1 to 9. `# Su` / `# Jv` mark
Sundanese and Javanese messages.
"""

from __future__ import annotations

Rows = list[tuple[str, str | None]]

ROUND_10: Rows = [
    # --- emergencies in progress ---
    (
        "min tlg bgt ada kebakaran di gudang kasur deket pasar Majalaya, apinya udh gede bgt 🔥🔥 "
        "damkar blm dtg",
        "fire",
    ),
    (
        "Punten, imah Bu Enok di Kp. Cikoneng Bojongsoang kahuruan ayeuna, seuneuna geus nepi ka "
        "hateup",
        "fire",
    ),  # Su
    (
        "asap item tebel keluar dr rumah kosong sebelah masjid Cileunyi, kyknya ada yg kebakar di "
        "dalem, tolong kirim pemadam",
        "fire",
    ),
    ("Tulung pak, pawon omahe mbah Sarmi kobong, genine wis nyambar gendheng", "fire"),  # Jv
    (
        "lahan ilalang di blkg perum Griya Bandung Asri kebakar, angin kenceng apinya merembet ke "
        "pagar warga",
        "fire",
    ),
    (
        "korsleting listrik di kios hp Soreang skrg keluar api, warga lg nyiram pake ember",
        "fire",
    ),
    (
        "Banjir lagi di Baleendah, air udh setinggi dada orang dewasa di RW 08 Andir, ada nenek2 "
        "blm bisa keluar rumah 😭",
        "flood",
    ),
    (
        "Cai Citarum naek terus ti subuh, ayeuna geus asup ka imah-imah di Dayeuhkolot, "
        "nyuhunkeun perahu karet",
        "flood",
    ),  # Su
    (
        "jln raya Rancaekek depan Kahatex kerendem air selutut, motor pada mogok, air masih nambah",
        "flood",
    ),
    (
        "Banyune wis mlebu omah kabeh pak, dhuwure sak dengkul, bocah-bocah durung dievakuasi",
        "flood",
    ),  # Jv
    (
        "tlg min, tanggul sungai Cisangkuy jebol di Banjaran, air deras masuk kampung skrg",
        "flood",
    ),
    (
        "Mohon bantuan, SD di Bojongsoang tergenang sejak jam 9, murid2 terjebak di lantai 2",
        "flood",
    ),
    (
        "longsor barusan di jalan Ciwidey–Rancabali km 12, tanah nutup jalan, ada mobil pick up "
        "ketimbun setengah",
        "landslide",
    ),
    (
        "Tebing tukangeun imah Pa RT urug, aya dua imah katimbun taneuh, kamari mah can, ayeuna "
        "pisan kajadianna",
        "landslide",
    ),  # Su
    (
        "Pangalengan desa Margamulya tanah retak2 terus gerak, tiang listrik miring, warga panik "
        "mau ngungsi kemana",
        "landslide",
    ),
    (
        "Lemahe ambrol neng mburi omah, tembok pawon melu ambruk, tulung gek dicek",
        "landslide",
    ),  # Jv
    (
        "tlg ada longsoran di Kp. Cibuntu Pasirjambu, 1 org blm ketemu ketimbun material",
        "landslide",
    ),
    (
        "Jalan ke Kertasari amblas setengah badan jalan, retakannya makin lebar, truk sayur "
        "ketahan",
        "landslide",
    ),
    (
        "Lakalantas di bunderan Cibiru arah Cileunyi, motor vs truk, pengendaranya tergeletak blm "
        "ditolong ambulans 🙏",
        "traffic_accident",
    ),
    (
        "Aya kacilakaan di jalan Soreang-Banjaran, angkot tibalik, panumpangna aya nu getihan",
        "traffic_accident",
    ),  # Su
    (
        "barusan bus pariwisata nyungsep ke jurang di tanjakan Pangalengan, bnyk penumpang luka",
        "traffic_accident",
    ),
    (
        "Ana tabrakan neng prapatan Margahayu, montor karo mobil, sing numpak montor semaput",
        "traffic_accident",
    ),  # Jv
    (
        "tolong dong ada anak SMP keserempet mobil boks di depan alun2 Majalaya, kakinya kelindes, "
        "pelaku kabur",
        "traffic_accident",
    ),
    (
        "Truk tangki oli terguling di tol Soroja KM 5, oli tumpah, mobil di belakang nabrak "
        "beruntun",
        "traffic_accident",
    ),
    (
        "Ada tawuran pelajar di jalan Raya Banjaran skrg, bawa celurit, warga takut keluar",
        "violence",
    ),
    (
        "Tetangga saya dipukuli suaminya lagi, teriak2 minta tolong dr td, kami ga berani masuk, "
        "tlg pak",
        "violence",
    ),
    ("Aya nu keur gelut di pasar Ciparay, hiji dibacok, getihna loba pisan", "violence"),  # Su
    (
        "Ono maling konangan terus dikeroyok warga neng Rancaekek, wonge wis ra obah, tulung "
        "polisi",
        "violence",
    ),  # Jv
    (
        "min ada geng motor ngerusak warung di Cileunyi, lempar batu ke rumah2, masih berlangsung",
        "violence",
    ),
    (
        "Anak sy dibekap org ga dikenal di dpn sekolah tp berhasil lepas, orgnya masih muter2 naik "
        "motor",
        "violence",
    ),
    (
        "Bapak sy tiba2 pingsan pas sholat jumat di masjid Soreang, nafasnya ngorok, ambulans "
        "dmn ya",
        "medical",
    ),
    (
        "Budak abdi kejang-kejang, panasna luhur pisan, teu aya kendaraan ka puskesmas, tulung",
        "medical",
    ),  # Su
    (
        "ibu hamil di Kp. Sukamaju Cimaung pendarahan mau melahirkan, bidan ga ada, jalan putus",
        "medical",
    ),
    (
        "Mbahku ujug-ujug ora iso ngomong, tangan kiwane lemes, cangkeme mencong, piye iki",
        "medical",
    ),  # Jv
    (
        "tlg ada org keracunan massal abis makan nasi kotak hajatan di Ciheulang, udh 20an muntah2",
        "medical",
    ),
    (
        "Pekerja bangunan jatuh dari lantai 3 proyek di Margahayu, ga sadar, kepala berdarah",
        "medical",
    ),
    (
        "Bau gas nyengat bgt di gang Kopo Sayati, kyknya tabung elpiji bocor di rumah yg dikunci, "
        "org2 pd keluar",
        "other",
    ),
    (
        "Puting beliung barusan di Solokanjeruk, atap2 rumah kebawa angin, pohon tumbang nimpa "
        "warung",
        "other",
    ),
    (
        "Kabel PLN putus jatuh ke jalan di Katapang masih nyetrum, ada percikan api, anak2 lewat "
        "situ",
        "other",
    ),
    (
        "Aya budak leutik murag kana sumur di Kp. Babakan Ciparay, jerona 10 meteran, keur "
        "dicobian dicandak",
        "other",
    ),  # Su
    # --- not emergencies in progress ---
    (
        "Bekas kebakaran pasar Banjaran thn lalu sampe skrg blm dibangun lagi, pedagang msh jualan "
        "di pinggir jalan",
        None,
    ),
    (
        "Kalau banjir lagi kayak kemarin, posko pengungsian di Baleendah udah siap belum ya pak?",
        None,
    ),
    ("Mohon info jadwal pelatihan pemakaian APAR buat pengurus RW 05 Cileunyi Kulon 🙏", None),
    (
        "Alhamdulillah bantuan beras korban banjir Dayeuhkolot sdh diterima, hatur nuhun Pemda",
        None,
    ),
    ("Warung baso sy lg banjir orderan nih min wkwk, ada lowongan kurir ga 😂", None),
    (
        "Data BPBD: sepanjang 2025 ada 37 kejadian longsor di Kab Bandung, paling bnyk di "
        "Pangalengan",
        None,
    ),
    (
        "Saluran air depan rumah mampet terus tiap musim hujan, udh 3 taun ga pernah dikeruk",
        None,
    ),
    (
        "Kumaha carana ngurus klaim asuransi motor nu kacilakaan bulan kamari? Jasa Raharja di "
        "mana?",
        None,
    ),  # Su
    (
        "Taun kamari imah abdi kahuruan, ayeuna bade nyuhunkeun bantuan bedah imah, syaratna naon "
        "wae?",
        None,
    ),  # Su
    (
        "Sosialisasi mitigasi bencana longsor di balai desa Margamulya hari Sabtu jam 9, warga "
        "diharap hadir",
        None,
    ),
    (
        "Simulasi gempa dan kebakaran di SMPN 1 Soreang besok, jangan panik ya kalo denger sirine",
        None,
    ),
    (
        "Wingi sore ana tabrakan neng Cileunyi, nanging wis ditangani polisi, saiki dalane wis "
        "lancar",
        None,
    ),  # Jv
    (
        "Tulung pak, lampu PJU neng gang omahku mati wis sewulan, bengi peteng banget",
        None,
    ),  # Jv
    ("Grup WA kantor lg kebakaran jenggot gara2 laporan keuangan telat 😅", None),
    (
        "Sy mau nanya, jembatan yg putus kena banjir bandang 2 thn lalu di Pacet kapan diperbaiki?",
        None,
    ),
    (
        "Film Korea yg td malem serem bgt, ada adegan kebakaran gedung sampe nangis aku",
        None,
    ),
    ("Adik sy demam 3 hari, mau tanya puskesmas Ciwidey buka sampe jam brp ya?", None),
    (
        "Jalan rusak berlubang di Jl. Raya Laswi Majalaya sering bikin motor jatuh, tlg diperbaiki "
        "sblm ada korban",
        None,
    ),
    ("Pak, kapan pemasangan EWS longsor di Kp. Cisangkan? dulu udh dijanjiin", None),
    (
        "Hatur nuhun ka Damkar Kab Bandung anu tadi wengi gancang mareuman seuneu di Rancaekek, "
        "ayeuna tos aman",
        None,
    ),  # Su
    (
        "Kamari aya nu gelut di alun-alun, tapi geus didamaikeun ku Pa RW, ngan hoyong "
        "ngalaporkeun wae",
        None,
    ),  # Su
    (
        "Tetangga sering berantem mulut tiap malem, berisik, bisa ditegur ga dari desa?",
        None,
    ),
    (
        "Min jgn lupa vaksin rabies kucing gratis di Puskeswan Soreang tgl 12 ya, info aja",
        None,
    ),
    (
        "Ban motor sy meledak td pagi di Banjaran, skrg udh di tambal, cuma mau tanya bengkel "
        "resmi deket situ",
        None,
    ),
    (
        "Pengajuan santunan kematian korban lakalantas atas nama Dedi Supriatna sudah sampai mana "
        "ya?",
        None,
    ),
    (
        "Kalo ada kebakaran, nomor damkar Kab Bandung yg bisa dihubungi brp ya? buat disimpen aja",
        None,
    ),
    ("Gaji telat terus, dompet sy udh kebakaran dr tgl 10 🤣", None),
    (
        "Anak sy jatuh dr sepeda minggu lalu, luka di lutut udh kering, perlu kontrol ke "
        "puskesmas lagi ga?",
        None,
    ),
    (
        "Bau sampah TPS Cicabe nyengat bgt tiap hari, lalat dimana2, sdh lapor berkali2",
        None,
    ),
    ("Sumur warga di Rancaekek kering sejak kemarau, minta kiriman air bersih", None),
    ("Rumah sy retak2 sejak gempa bulan kemarin, apakah ada bantuan perbaikan?", None),
    (
        "Lomba 17an kemarin seru bgt, ada lomba panjat pinang sampe pada jatuh2an wkwk",
        None,
    ),
    (
        "Bade naros, upami aya banjir deui, urang kedah ngungsi ka mana? Di Baleendah aya posko "
        "teu?",
        None,
    ),  # Su
    (
        "Yen ana kebakaran neng pasar, hidran sing cedhak ngendi yo? Mung takon wae",
        None,
    ),  # Jv
    (
        "Mbiyen kali Citarum banjir tekan atap, saiki wis ana kolam retensi Cieunteung dadi aman",
        None,
    ),  # Jv
    (
        "Pohon gede di pinggir jalan Raya Soreang udh miring, takut tumbang kalau angin kenceng, "
        "tlg dipangkas",
        None,
    ),
    (
        "Berita di TV tadi: kecelakaan beruntun di tol Cipularang, 5 korban. Semoga keluarga "
        "diberi ketabahan",
        None,
    ),
    (
        "Abdi hoyong daptar pelatihan relawan tanggap bencana, aya kuota keneh?",
        None,
    ),  # Su
    (
        "Pos ronda RW 03 minta tambahan senter sama kentongan buat siaga banjir musim hujan ini",
        None,
    ),
    ("Capek bgt hari ini, kepala sy mau pecah rasanya, kerjaan numpuk 😩", None),
]

ROUND_11: Rows = [
    # --- emergencies in progress ---
    (
        "Darurat!! gudang plastik di kawasan industri Cisirung Dayeuhkolot kebakaran, ledakan2 "
        "kecil kedengeran terus",
        "fire",
    ),
    (
        "Pabrik tekstil di Majalaya kaduruk, haseupna hideung ngebul, karyawan keur dikaluarkeun",
        "fire",
    ),  # Su
    (
        "Tlg min rumah panggung di Ciwidey kebakaran, penghuninya lansia msh di dalem kamar",
        "fire",
    ),
    ("Pasar Ciparay kobong pak, kios-kios wis entek, genine isih murub", "fire"),  # Jv
    (
        "Motor sy tiba2 kebakar pas lg isi bensin eceran di pinggir jalan Cangkuang, api nyamber "
        "ke warung",
        "fire",
    ),
    (
        "tolong!! kompor meledug di kontrakan gang Sukamenak, apinya gede, ada bayi di dalem",
        "fire",
    ),
    (
        "Banjir bandang di Cimenyan, air lumpur turun dr bukit bawa kayu2, rumah di pinggir sungai "
        "kebawa arus",
        "flood",
    ),
    (
        "Cai geus nepi ka tuur di jalan Andir Baleendah, terus naek, warga nu gaduh orok "
        "nyuhunkeun dievakuasi",
        "flood",
    ),  # Su
    (
        "hujan dr sore ga brenti, komplek Bumi Rancaekek Kencana air masuk rumah sepinggang, "
        "listrik padam",
        "flood",
    ),
    (
        "Kali Citarik meluap, banyune deres mlebu gang, ana wong tuwo kejebak neng njero omah",
        "flood",
    ),  # Jv
    (
        "Tlg kirim perahu, kampung Bojongasih Dayeuhkolot tenggelem, warga naik ke atap",
        "flood",
    ),
    (
        "Air bah masuk pesantren di Katapang, santri2 lg ngungsi ke lantai atas, air masih naik",
        "flood",
    ),
    (
        "Tanah longsor nimpa rumah warga di Cilengkrang tadi subuh, satu keluarga blm bisa "
        "dievakuasi",
        "landslide",
    ),
    (
        "Gunung tukangeun lembur urug deui ayeuna, jalan ka Rancabali teu bisa diliwatan, aya "
        "motor katutup taneuh",
        "landslide",
    ),  # Su
    (
        "Jalan desa di Cipelah ambles, rumah dua pintu di pinggirnya mulai miring dan retak, warga "
        "diminta keluar",
        "landslide",
    ),
    (
        "Tebinge longsor nutupi dalan neng Pasirjambu, ana mobil kejepit, sopire durung metu",
        "landslide",
    ),  # Jv
    (
        "longsor tebing TPT di Arjasari, tanahnya nyeret kandang sapi ke kali, yg jaga kandang "
        "ilang",
        "landslide",
    ),
    (
        "lereng kebun teh Pangalengan ambrol kena ujan, tanahnya turun ke pemukiman pemetik teh, "
        "tlg",
        "landslide",
    ),
    (
        "Kecelakaan tunggal di turunan Cukul, mobil rem blong nabrak tebing, sopir kejepit di "
        "kabin",
        "traffic_accident",
    ),
    (
        "Aya motor nabrak tukang gorengan di Cileunyi, duanana ngagoler di jalan, can aya ambulan",
        "traffic_accident",
    ),  # Su
    (
        "angkot 05 ketabrak kereta di perlintasan Rancaekek, penumpangnya ada yg kejepit, warga lg "
        "bantu",
        "traffic_accident",
    ),
    (
        "Bis karo truk adu banteng neng Nagreg, sopire getihen, tulung kirim ambulans",
        "traffic_accident",
    ),  # Jv
    (
        "Tlg pak ada pengendara ojol jatuh kelindes truk molen di jl Terusan Kopo, kondisi kritis",
        "traffic_accident",
    ),
    (
        "Odong-odong bawa anak TK terguling di tanjakan Cimenyan, anak2 nangis ada yg luka kepala",
        "traffic_accident",
    ),
    (
        "Ada org ngamuk bawa golok di pasar Soreang, udh ngelukain 2 pedagang, tlg polisi cepet",
        "violence",
    ),
    (
        "Abdi nuju dikuntit ku lalaki teu dikenal ti stasiun Rancaekek, sieun pisan, nyuhunkeun "
        "tulung",
        "violence",
    ),  # Su
    (
        "Suami sy mabuk ngancam mau bakar rumah, sy sama anak2 kunci diri di kamar",
        "violence",
    ),
    (
        "Ono begal neng dalan sepi Cicalengka, korbane dibacok, saiki isih ning lemah",
        "violence",
    ),  # Jv
    (
        "Bentrok antar ormas di depan kantor desa Cangkuang, lempar batu, ada yg kena kepala",
        "violence",
    ),
    (
        "anak perempuan tetangga diseret paksa masuk mobil, plat D 1234 XX arah Banjaran!!",
        "violence",
    ),
    ("Tlg anak sy kesedak biji rambutan, ga bisa napas, mukanya biru", "medical"),
    ("Aki abdi sesek napas parah, biwirna bulao, oksigen di imah seep", "medical"),  # Su
    ("Ana wong ambruk neng halte Cileunyi, ora ambegan, ana sing ngerti CPR?", "medical"),  # Jv
    (
        "Warga Margahayu digigit ular welang pas di sawah, tangannya bengkak item, ga sadar",
        "medical",
    ),
    (
        "ibu2 pengajian banyak yg pingsan & sesak abis nyium bau asap kimia dr pabrik sebelah",
        "medical",
    ),
    (
        "Pasien cuci darah di Baleendah ga bisa ke RS krn kebanjiran, kondisinya drop, muntah "
        "terus",
        "medical",
    ),
    (
        "Gempa barusan kerasa kenceng di Pangalengan, tembok sekolah roboh, murid2 berhamburan",
        "other",
    ),
    (
        "Dua bocah keseret arus pas mandi di Sungai Citarum Majalaya, blm ketemu, warga lg nyisir",
        "other",
    ),
    (
        "Pohon beringin gede tumbang nimpa angkot di jl Raya Soreang, ada penumpang kejebak",
        "other",
    ),
    (
        "Aya gas amonia bocor ti pabrik es di Dayeuhkolot, bauna nyegak pisan, warga lieur jeung "
        "utah",
        "other",
    ),  # Su
    # --- not emergencies in progress ---
    (
        "Puing bekas kebakaran gudang di Cisirung masih numpuk di pinggir jalan, kapan diangkut?",
        None,
    ),
    (
        "Seandainya Citarum meluap malam ini, sirine peringatan di Dayeuhkolot masih berfungsi gak "
        "ya?",
        None,
    ),
    (
        "Pak, kantor kecamatan Katapang mau ngadain pelatihan pemadaman api ringan, bisa minta "
        "narasumber dr Damkar?",
        None,
    ),
    (
        "Mau tanya pencairan dana stimulan rumah rusak akibat longsor Cipelah tahap 2 kapan ya",
        None,
    ),
    ("Alhamdulillah toko kue sy kebanjiran pesanan lebaran, sampe ga tidur 3 hari 😅", None),
    (
        "Menurut Dinkes, kasus DBD di Kab Bandung naik 40% dibanding tahun lalu, mohon fogging di "
        "Majalaya",
        None,
    ),
    (
        "Tiap hujan gede jalan depan SDN Rancaekek 03 pasti genangan, udh dr jaman dulu, tlg "
        "dibikinin drainase",
        None,
    ),
    (
        "Abdi bade ngalaporkeun yen program bantuan korban kahuruan taun kamari teu acan cair",
        None,
    ),  # Su
    (
        "Nyuhunkeun brosur ngeunaan cara nyalametkeun diri nalika lini, kanggo murid SD",
        None,
    ),  # Su
    ("Upami aya urug deui, jalur evakuasi di Kp. Cibuntu ka mana nya?", None),  # Su
    (
        "Kecelakaan kerja di pabrik tahun 2023 masih bikin kaki sy pincang, bisa dapet bantuan "
        "BPJS TK?",
        None,
    ),
    (
        "Pemuda karang taruna Soreang bikin konten edukasi pencegahan kebakaran, minta di-repost "
        "akun Pemda ya 🙏",
        None,
    ),
    (
        "Wis rong minggu sampah neng kali Cigede ora diangkut, ambune ora karuan",
        None,
    ),  # Jv
    (
        "Pak, aku arep takon, nek omahku kebanjiran, asuransi ngganti opo ora?",
        None,
    ),  # Jv
    (
        "Sesuk ana latihan evakuasi bencana neng SMK Baleendah, warga aja kaget krungu sirine",
        None,
    ),  # Jv
    (
        "Mbiyen dalan Cukul sering longsor, saiki wis dipasangi bronjong, matur nuwun",
        None,
    ),  # Jv
    (
        "Sy mau komplain, ambulans desa dipake buat antar pengantin kemarin, itu boleh?",
        None,
    ),
    (
        "Jalur Soreang-Ciwidey macet parah tiap weekend, tolong diatur lalu lintasnya",
        None,
    ),
    (
        "Hahaha si Ujang kesurupan pas nonton dangdut, padahal cuma pura2 biar disawer 😂",
        None,
    ),
    (
        "Kompor gas sy sering bau, mau tanya ada pemeriksaan selang gratis dari Pemda?",
        None,
    ),
    (
        "Kemarin ada yg berantem di parkiran minimarket, tp udh diamankan polsek, aman skrg",
        None,
    ),
    (
        "Tolong pasangin rambu rawan kecelakaan di tikungan Cibolang, sering ada yg jatuh kalo "
        "malem",
        None,
    ),
    (
        "Rapat koordinasi penanganan banjir Kab Bandung di Pendopo Soreang diundur ke hari Kamis",
        None,
    ),
    (
        "Adek sy lg belajar damkar2an, rumah kardusnya 'kebakaran' trs disemprot pistol air 🤣",
        None,
    ),
    ("Mohon surat keterangan kehilangan dari desa, dompet sy jatuh di angkot", None),
    (
        "Ibu sy diabetes udh lama, obatnya di puskesmas Banjaran sering kosong, gmn solusinya?",
        None,
    ),
    ("Jaringan sinyal di Kertasari jelek bgt, kalo ada darurat susah nelpon", None),
    (
        "Kata berita online, 3 org tewas tersambar petir di Garut kmrn. Di sini aman kok "
        "alhamdulillah",
        None,
    ),
    (
        "Kakak sy kena DBD bulan lalu, skrg udh sembuh, mau tanya soal klaim BPJS nya",
        None,
    ),
    (
        "Tanah di belakang rumah ada retakan kecil dari tahun lalu, blm nambah sih, minta dicek "
        "geolog aja biar tenang",
        None,
    ),
    ("Hati sy hancur lebur ditinggal nikah, tolong Pemda bikin program jomblo 🤣", None),
    ("Ada yg jual APAR murah ga? kantor desa mau beli 5 buat persiapan", None),
    (
        "Aksi demo buruh di depan Pemkab Soreang besok jam 10, mohon jalan dialihkan",
        None,
    ),
    (
        "Rumah Bu Iis sdh selesai dibangun lagi setelah roboh kena puting beliung Maret lalu, "
        "makasih Baznas",
        None,
    ),
    (
        "Pertandingan Persib semalem panas bgt, bobotoh sampe 'membakar' stadion pake koreo keren "
        "🔥",
        None,
    ),
    (
        "Urang Ciwidey mah tos biasa tiris, tapi ayeuna mah asa leuwih tiris ti biasana, aya naon "
        "nya?",
        None,
    ),  # Su
    (
        "Punten, kumaha prosedur nyuhunkeun ambulans gratis kanggo kontrol rutin ka RSUD Soreang?",
        None,
    ),  # Su
    (
        "Wingi bengi ana maling motor neng gangku, ning wis dilaporke polsek, mung pengen ngabari",
        None,
    ),  # Jv
    (
        "Pelatihan P3K untuk kader posyandu Pameungpeuk bulan depan, kuota 30 org",
        None,
    ),
    (
        "Dulu pas SMA sy pernah ketiban pohon pas pramuka, untung cuma lecet, skrg jadi parno tiap "
        "lewat jalan berpohon",
        None,
    ),
]
