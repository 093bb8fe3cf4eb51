"""Round 12: 80 cases by a third author, written blind to the rules and to rounds 1 to 11.

40 emergencies in progress over all seven kinds and 40 tricky negatives, in the style of
WhatsApp messages to the Kabupaten Bandung Pemda. `Su` marks Sundanese, `Jv` Javanese.
Places are Kabupaten Bandung's; people and addresses are invented.
"""

Rows = list[tuple[str, str | None]]

_FIRE: Rows = [
    (
        "min tolong, ada asep item ngebul dari gudang kasur di blkg pasar Banjaran, apinya udh "
        "gede 🔥🔥 warga lg nyiram pake ember",
        "fire",
    ),
    (  # Su
        "Punten, imah tatangga abdi di Kp. Cikoneng Ciparay hurung! seuneuna tos nepi ka hateup, "
        "budakna kénéh di jero cenah. gancang damkar!!",
        "fire",
    ),
    (
        "Kios bensin eceran di jl raya Majalaya meledak trs nyamber ke warung sebelah, skrg lg "
        "kebakar smua, mohon kirim pemadam",
        "fire",
    ),
    (  # Jv
        "Pak, omahe kosku ning Rancaekek kobong, genine gedhe tekan gendheng, ana sing isih "
        "kekurung ning kamar lantai loro",
        "fire",
    ),
    (
        "ilalang di bukit blkg perum Bumi Kopo Kencana kebakar, apinya merembet ke arah rumah "
        "warga, angin kenceng bgt",
        "fire",
    ),
    (
        "Darurat! korsleting di panel listrik pabrik tekstil Dayeuhkolot, asap putih tebel keluar "
        "dr jendela lantai 2, karyawan masih banyak yg di dalem",
        "fire",
    ),
]

_FLOOD: Rows = [
    (  # Su
        "Min cai Citarum ngagulidag asup ka imah, ayeuna tos sapinggang di RW 09 Andir, aya "
        "nini-nini teu bisa leumpang can dievakuasi",
        "flood",
    ),
    (
        "Air udah sepaha di dalem rumah, kulkas ngambang 😭 Bojongsoang Kp Bojong Citepus, perahu "
        "karet blm dtg jg",
        "flood",
    ),
    (
        "Tolong bu, tanggul Cisangkuy jebol barusan, air deras masuk ke kampung, anak2 lagi "
        "diungsiin ke masjid",
        "flood",
    ),
    (  # Jv
        "Banyune wis tekan dengkul lan isih munggah terus, aku ning Perum Griya Bandung Asri "
        "Dayeuhkolot, ora iso metu",
        "flood",
    ),
    (
        "bnjr bandang di Cicalengka, lumpur sm batang kayu kebawa arus nabrak rumah2, ada warga "
        "yg kebawa arus blm ketemu",
        "flood",
    ),
    (
        "Pak ini aer got meluap masuk sekolah SDN Sukapura, murid2 kejebak di kelas lt 1 aer "
        "setinggi betis orang dewasa & makin naik",
        "flood",
    ),
]

_LANDSLIDE: Rows = [
    (
        "Longsor! tebing di atas kampung Cibitu Pangalengan ambrol nutup jalan, 2 rumah ketimbun, "
        "penghuninya blm bisa dihubungi",
        "landslide",
    ),
    (  # Su
        "Pa darurat, aya urug di lembur Cipanas Kertasari, taneuh ti luhur turun deui, imah Mang "
        "Oyo katibanan, anjeunna masih di jero",
        "landslide",
    ),
    (
        "tanah di halaman rumah sy retak2 dan makin lebar dr subuh, dinding udh miring, barusan "
        "ada suara gemuruh dr atas bukit. Cimenyan Desa Mekarmanik",
        "landslide",
    ),
    (
        "Min jalan desa ke Lamajang amblas sedalam 2 meter barusan, motor warga ikut ambles, "
        "pengendaranya lg ditarik warga",
        "landslide",
    ),
    (  # Jv
        "Lemah ning pinggir kali longsor mau bengi, saiki isih gerak terus, omah telu wis "
        "retak-retak, warga bingung arep ngungsi ngendi",
        "landslide",
    ),
    (
        "tolong tebing sebelah SMP di Pasirjambu runtuh pas jam pelajaran, ada murid yg katimbun "
        "tanah sebagian, guru2 lg gali pake tangan",
        "landslide",
    ),
]

_TRAFFIC: Rows = [
    (
        "Kecelakaan di tol Soroja km 8 arah soreang, minibus kebalik, ada yg kejepit di dalem, "
        "mohon ambulans",
        "traffic_accident",
    ),
    (  # Su
        "Aya nu tabrakan di tanjakan Nagreg, treuk nabrak angkot, aya nu getihan teu sadar, sok "
        "gancang kirim ambulan",
        "traffic_accident",
    ),
    (
        "bang, motor nyeruduk pembatas jalan di Jl Raya Banjaran dpn alfamart, pengendaranya "
        "kelempar ke got ga gerak2",
        "traffic_accident",
    ),
    (
        "bus pariwisata remnya blong di turunan Rancabali, nabrak tebing, penumpang banyak yg "
        "luka, butuh bantuan cepet",
        "traffic_accident",
    ),
    (
        "Pa barusan anak SD ketabrak angkot di depan sekolah Katapang, kakinya kegiles ban, lagi "
        "nangis kesakitan",
        "traffic_accident",
    ),
]

_VIOLENCE: Rows = [
    (
        "Tolong ada geng motor bawa celurit lg nyerang warga di Jl. Terusan Kopo dkt Margahayu, "
        "satu org udh kena bacok",
        "violence",
    ),
    (
        "Min sy lagi diikutin 2 org pake motor dr perempatan Bojongsoang, mereka udh nyoba "
        "nyetop sy, skrg sy ngumpet di indomaret",
        "violence",
    ),
    (  # Su
        "Salaki abdi mabok deui, ayeuna ngamuk di imah bari nyekel bedog, ngancam rek maehan "
        "abdi jeung budak, abdi keur nyumput di kamar mandi",
        "violence",
    ),
    (
        "ada tawuran pelajar di jembatan Cijagra, saling lempar batu sama pake sajam, jalan "
        "macet warga ketakutan",
        "violence",
    ),
    (  # Jv
        "Mas, bojoku diantemi wong telu ning pasar Ciparay, saiki digowo nang mobil kanthi "
        "dipeksa, tulung cepet",
        "violence",
    ),
    (
        "Sy dikunci di dlm rumah majikan, hp mau diambil, majikan ngancem mukul kalo sy teriak. "
        "Alamat Komplek Permata Kopo blok C",
        "violence",
    ),
]

_MEDICAL: Rows = [
    (
        "Pak bapak sy tiba2 ngerasa nyeri dada kiri sampe keringet dingin, skrg lemes bgt, "
        "ambulans puskesmas Soreang bisa dtg?",
        "medical",
    ),
    (  # Su
        "Indung abdi ujug-ujug labuh di kamar mandi, teu tiasa nyarios, sabeulah awakna teu "
        "tiasa digerakkeun, kumaha ieu 😭",
        "medical",
    ),
    (
        "Anak sy umur 2 th kejang2 panas tinggi udah 5 menit ga berhenti, kami di Ciwidey jauh "
        "dr RS",
        "medical",
    ),
    (
        "Ibu hamil di Kp Sukamaju Cikancung pendarahan hebat mau lahiran, bidan desa lg ga ada, "
        "tolong ambulans",
        "medical",
    ),
    (  # Jv
        "Pak, tanggaku keracunan jamur, muntah-muntah lan saiki ora sadar, wis tak gowo menyang "
        "klinik nanging tutup",
        "medical",
    ),
    (
        "Kakek sy tiba2 ga bisa ngomong, mulut mencong, tangan kanan lemes, tp ambulans ga bisa "
        "masuk krn jalan ketutup pohon tumbang. Kp Cibodas Pacet",
        "medical",
    ),
]

_OTHER: Rows = [
    (
        "Bau gas elpiji nyengat bgt di kontrakan sebelah, penghuninya gak keluar2 pintunya "
        "dikunci, takut meledak. Cileunyi Wetan",
        "other",
    ),
    (
        "kabel PLN putus nyentuh genangan air di gang Sukamenak, ada sapi kesetrum mati, warga "
        "masih ada yg mau lewat situ",
        "other",
    ),
    (  # Su
        "Budak abdi leungit ti tadi isuk, tos dipilarian ka mana-mana teu kapendak, umurna 6 "
        "taun, terakhir ulin di sisi walungan Citarik",
        "other",
    ),
    (
        "pohon beringin gede tumbang nimpa warung di alun2 Banjaran, ada pedagang yg ketindih "
        "blm bisa dikeluarin",
        "other",
    ),
    (  # Jv
        "Tulung pak, ana wong arep nglumpat saka jembatan Dayeuhkolot, wis ngadeg ning pinggir "
        "pager, warga lagi ngrayu",
        "other",
    ),
]

_NEGATIVE: Rows = [
    (
        "Kebakaran pasar Banjaran minggu kemarin udah beres, mau tanya kapan pedagang bisa "
        "jualan lagi di TPS?",
        None,
    ),
    (
        "min kalau mau ngajuin bantuan buat korban kebakaran rumah bulan lalu syaratnya apa aja ya",
        None,
    ),
    (  # Su
        "Kamari di lembur abdi aya nu kahuruan, untungna tos pareum, ayeuna ngan hoyong naros "
        "bantuan pikeun nu imahna kaduruk",
        None,
    ),
    (
        "Tolong cek hidran di komplek kami udh karatan, takut kalo ada kebakaran ga bisa dipake",
        None,
    ),
    (
        "Kapan ada sosialisasi pemadam kebakaran di kecamatan Soreang? warga pengen belajar "
        "pake APAR",
        None,
    ),
    ("Sinetron yg tadi malem ada rumah kebakar terus anaknya ilang, sedih bgt 😭😭", None),
    ("mulut sy kebakar makan seblak level 5 wkwk, ada rekomendasi seblak di soreang ga min", None),
    ("Grup WA RT lg kebakaran jenggot gara2 iuran sampah naik 😂", None),
    (
        "Tiap hujan deres jalan depan SDN Cipedes pasti banjir semata kaki, udh bertahun2, kapan "
        "drainasenya dibenerin?",
        None,
    ),
    (  # Su
        "Upami hujan gede, cai Cisangkuy sok naék ka jalan, mugi tiasa dilereskeun solokanna "
        "sateuacan usum hujan",
        None,
    ),
    (
        "Banjir di Baleendah udh surut dari kemarin sore, skrg warga butuh kaporit sama sapu buat "
        "bersih2",
        None,
    ),
    (
        "Min mau tanya data berapa rumah yang kebanjiran di Dayeuhkolot tahun 2025, buat skripsi",
        None,
    ),
    ("maaf min baru bales, hp sy banjir notif grup dari pagi", None),
    (
        "Tebing di atas jalan Cisanti rawan longsor, tolong dipasang bronjong sebelum musim hujan "
        "ya pak",
        None,
    ),
    (  # Jv
        "Yen udan deres terus, lemah ning mburi omahku iso longsor, piye carane njaluk survey "
        "saka BPBD?",
        None,
    ),
    (
        "Longsor di Pangalengan tahun lalu korbannya udah dapet rumah relokasi belum ya? "
        "keluarga sy salah satunya",
        None,
    ),
    (
        "jalan di Kertasari ambles sejak 2024 ga pernah diperbaiki, mobil sayur harus muter jauh",
        None,
    ),
    (
        "Tanah di kebun retak2 karena kemarau panjang, tanaman kol pada mati, ada bantuan "
        "bibit ga?",
        None,
    ),
    (
        "Dinding kelas SDN Mekarjaya miring dan retak sejak gempa thn lalu, mohon direhab sblm "
        "ambruk",
        None,
    ),
    ("Sekolah anak sy diliburin krn banjir kemarin, ada info kapan masuk lagi?", None),
    (
        "Kecelakaan di tikungan Cukul itu udh sering bgt, tolong pasang rambu sama cermin cembung",
        None,
    ),
    (
        "Mau tanya prosedur klaim Jasa Raharja buat kecelakaan adik sy tgl 3 kemarin, dia msh "
        "dirawat",
        None,
    ),
    (  # Su
        "Kamari aya motor tabrakan di hareupeun sakola, alhamdulillah teu aya nu parah, ngan "
        "hoyong naros polisi tidur tiasa dipasang?",
        None,
    ),
    (
        "Angka kecelakaan lalu lintas di Kab Bandung turun 12% tahun ini, mantap pak bupati 👍",
        None,
    ),
    ("motor sy mogok di jalan Raya Pacet, ada bengkel 24 jam ga ya deket sini?", None),
    ("Jadwal vaksin sama jadwal posyandu bentrok min, bisa diundur salah satunya?", None),
    ("Sy dikejar deadline laporan desa, kapan batas akhir upload SPJ dana desa?", None),
    (
        "Kmrn ada ribut2 di pos ronda RW 05 krn masalah parkir, udh didamaikan pak RT, cuma "
        "lapor aja",
        None,
    ),
    (
        "Tetangga sy suka ngancam anak2 yg main bola di depan rumahnya, ngomongnya kasar, bisa "
        "ditegur ga pak?",
        None,
    ),
    (  # Jv
        "Wingi ana maling ketangkep ning Rancaekek, saiki wis digowo polisi, aku mung arep takon "
        "nomer pengaduan Polsek",
        None,
    ),
    (
        "Kalo ada KDRT di lingkungan kami, lapornya ke mana ya? ke P2TP2A atau langsung polisi?",
        None,
    ),
    ("Film laga tadi sore seru pisan, adegan bacok2annya kayak beneran 😅", None),
    (
        "Ibu sy rutin cuci darah 2x seminggu di RSUD Soreang, mau tanya kalau BPJS-nya nunggak "
        "masih bisa dilayani?",
        None,
    ),
    (  # Su
        "Bapa abdi tos lami gering darah tinggi, naros upami hoyong Layad Rawat ka bumi kedah "
        "daptar ka mana?",
        None,
    ),
    (
        "Anak sy kemarin malem demam tinggi sampe kejang, alhamdulillah udh ditangani di "
        "puskesmas & skrg udah turun panasnya. Mau tanya surat rujukan",
        None,
    ),
    (
        "Min, stok obat asma di puskesmas Cileunyi kosong terus, pasien sesak napas harus beli "
        "sendiri",
        None,
    ),
    ("Sakit perut gara2 liat tagihan PDAM bulan ini 😂 mahal bener", None),
    (  # Jv
        "Simulasi evakuasi gempa ning SD Banjaran sesuk esuk jam 8, mohon ambulans siaga nggih pak",
        None,
    ),
    (
        "Pohon mahoni di depan SMPN 1 Ciparay udh miring bgt, takut tumbang kalo angin gede, "
        "tolong ditebang",
        None,
    ),
    (  # Su
        "Aya bau gas saeutik tadi di dapur, tos dicek ternyata selang kompor bocor, tos diganti. "
        "Hatur nuhun",
        None,
    ),
]

ROUND_12: Rows = _FIRE + _FLOOD + _LANDSLIDE + _TRAFFIC + _VIOLENCE + _MEDICAL + _OTHER + _NEGATIVE
