"""Round 15: 80 cases by a sixth author, written blind to the rules and to rounds 1 to 14.

40 emergencies in progress over all seven kinds and 40 tricky negatives, in the style of
WhatsApp messages to the Kabupaten Bandung Pemda. `Su` marks Sundanese, `Jv` Javanese.
Places are Kabupaten Bandung's; people and addresses are invented.
"""

Rows = list[tuple[str, str | None]]

_FIRE: Rows = [
    (
        "Assalamualaikum min, maaf ganggu malem2. ini bener nomor pemkab kan? soalnya di gang "
        "belakang pasar Banjaran dr tadi bau sangit bgt, trs skrg apinya udh keluar dr genteng "
        "rumah pak haji Dudung, tolong kirim damkar secepatnya",
        "fire",
    ),
    (  # Su
        "kahuruan!! imah tatangga di kp. Cibodas ds Sukarame Pacet, seuneuna geus nepi ka "
        "hateup, cenah barudakna aya keneh di jero. gancang pisan kirim mobil damkar",
        "fire",
    ),
    (
        "min ada asap item tebel bgt keluar dr gudang kasur busa di jl raya Rancaekek deket "
        "pabrik tekstil, org2 pada lari, kedengeran ledakan kecil2 berkali2. katanya "
        "pegawainya blm keluar semua",
        "fire",
    ),
    (  # Jv
        "Mas tulung, kandang ayam e pak RT neng Katapang kobong, genine wis gedhe merambat "
        "neng omah sebelah, warga lagi nyiram nganggo ember ra kuat",
        "fire",
    ),
    (
        "ANGKOT JURUSAN SOREANG NGEBUL TRS KELUAR API DARI KAP MESIN DEPAN ALUN2, "
        "PENUMPANG MASIH ADA YG DI BLKG PINTUNYA MACET GABISA DIBUKA",
        "fire",
    ),
    (  # Su
        "punten pa, ieu di perum Bumi Kencana Cileunyi blok C, aya nu ngaduruk runtah terus "
        "anginna tarik jadi nyambar ka kebon awi, ayeuna hurungna geus ngadeukeutan imah "
        "warga, gede pisan",
        "fire",
    ),
]

_FLOOD: Rows = [
    (
        "min air masuk rumah udh sepinggang di Dayeuhkolot kp. Bojongasih RW 08, ada nenek2 "
        "stroke di lantai bawah ga bisa naik, butuh perahu karet SEKARANG",
        "flood",
    ),
    (  # Su
        "caina naek terus ti tadi subuh, ayeuna geus nepi ka dada di Andir Baleendah, "
        "barudak jeung kolot loba keneh nu teu bisa kaluar ti imah, mangga bantosan evakuasi",
        "flood",
    ),
    (
        "Pak ini di jl raya Majalaya arah Ciparay airnya coklat deres dr arah sawah nutup "
        "jalan sampe lewat lutut, motor2 keseret, ada anak SD pegangan di tiang listrik ga "
        "berani jalan",
        "flood",
    ),
    (  # Jv
        "Pak, banyune mlebu omah neng Bojongsoang, wis sak dodo, ibu-ibu karo bocah cilik "
        "isih neng loteng, nyuwun tulung perahu",
        "flood",
    ),
    (
        "selamat siang, sy mau tanya jadwal posyandu bulan ini kapan ya? eh tp itu nanti aja "
        "deh, di RT 03 Cieunteung skrg air dr kali naik cepet bgt udh masuk ke rumah2, "
        "pak RT minta tim SAR buat ngangkut lansia",
        "flood",
    ),
    (  # Su
        "tanggul Cisangkuy bobol di Pameungpeuk, caina ngocor tarik asup ka lembur, warga "
        "keur ngungsi ka masjid tapi loba keneh nu kajebak di imahna",
        "flood",
    ),
]

_LANDSLIDE: Rows = [
    (  # Su
        "aya urug gede di Kp. Cibitu Pasirjambu, taneuh tina tebing ngaruntuhan dua imah, "
        "aya nu katimbun can kapendak, warga ngali ku leungeun",
        "landslide",
    ),
    (
        "min tolong jalan Pangalengan-Talegong tebingnya runtuh nimpa 1 mobil pick up, "
        "sopirnya masih didalem ketimbun tanah, warga sekitar kewalahan",
        "landslide",
    ),
    (
        "barusan ada suara gemuruh keras dr bukit belakang kampung, tanah sama pohon2 turun "
        "ke arah rumah2 di bawah, 3 rumah udh ketutup lumpur, ada ibu sama anak blm keluar. "
        "Ds Mekarmanik Cimenyan",
        "landslide",
    ),
    (  # Jv
        "Pak, lemah e longsor neng mburi omah e Bu Sarmi, Cilengkrang, omahe ambruk separo, "
        "anak e isih neng njero kamar",
        "landslide",
    ),
    (  # Su
        "punten ngiring tumaros, ieu leres nomer BPBD? di Ciwidey desa Lebakmuncang hujan ti "
        "kamari teu eureun-eureun, tadi jam 5 aya retakan gede di sawah luhur, ayeuna nembe "
        "pisan taneuhna ambrol nutupan jalan desa jeung nimpa warung, aya dua jalmi di jero",
        "landslide",
    ),
]

_TRAFFIC: Rows = [
    (
        "TABRAKAN BERUNTUN DI TURUNAN NAGREG, TRUK REMNYA BLONG NABRAK 3 MOTOR, ADA YG "
        "KELINDES, CEPET AMBULAN!!",
        "traffic_accident",
    ),
    (  # Su
        "aya nu katabrak di jalan Soreang-Banjaran hareupeun SPBU, budakna ngagoler di "
        "jalan getihan, nu nabrakna kabur, mangga gancang ambulan",
        "traffic_accident",
    ),
    (
        "min motor nyungsep ke selokan di tikungan tajam Cikancung, yg dibonceng ga sadar2 "
        "dr tadi, helmnya pecah, kami gatau harus ngapain",
        "traffic_accident",
    ),
    (  # Jv
        "Mas, ono bis gulung koming neng tol Cileunyi arah Jakarta, penumpang akeh sing "
        "kejepit, ayo cepet kirim bantuan",
        "traffic_accident",
    ),
    (
        "Min sebelumnya makasih ya kemarin jalan depan rumah udh ditambal. Nah ini barusan "
        "pas sy lewat jl Kopo Sayati Margahayu ada angkot sama motor adu banteng, yg bawa "
        "motor kejepit di kolong angkot, org2 lagi coba ngangkat",
        "traffic_accident",
    ),
    (  # Su
        "aya mobil katabrak kareta di perlintasan Haurpugur Rancaekek, mobilna kabanting "
        "jauh, jalmina masih di jero, gancang!",
        "traffic_accident",
    ),
]

_VIOLENCE: Rows = [
    (
        "min di depan SMK di Baleendah lagi ada tawuran, anak2 bawa celurit, satu udh kena "
        "bacok, polisi blm dateng",
        "violence",
    ),
    (  # Su
        "tulung pa, salaki tatangga keur ngamuk neunggeulan pamajikanna, ngagorowok menta "
        "tulung ti tadi, ayeuna nyekel bedog. di Kp. Sukaasih Arjasari",
        "violence",
    ),
    (
        "pak dr tadi kedengeran suara anak kecil jerit2 sama bunyi gedebak gedebuk di "
        "kontrakan sebelah, udh 20 menit ga berhenti, pintunya dikunci. Perum Griya Katapang "
        "blok F",
        "violence",
    ),
    (  # Jv
        "Pak, wonten maling ketangkep neng Cangkuang, saiki lagi dikeroyok wargo, wis "
        "getihen, tulung polisi ndang teka sakdurunge mati",
        "violence",
    ),
    (
        "Begal! barusan temen sy dicegat di jalan sepi Cimaung arah Pangalengan, perutnya "
        "ditusuk, pelakunya 3 org masih muter2 di sekitar sini",
        "violence",
    ),
    (
        "Assalamualaikum bapak ibu, mohon maaf mengganggu, saya guru di salah satu SD di "
        "Paseh. mau melaporkan, di gerbang sekolah sekarang ada laki2 mabuk bawa golok "
        "ngancam2 murid yg mau pulang, satpam udah luka tangannya, anak2 kami kunci di kelas",
        "violence",
    ),
]

_MEDICAL: Rows = [
    (
        "bapak saya, aduh gimana ya, tiba2 ga bisa ngomong, mulutnya mencong sebelah, tangan "
        "kanan lemes ga bisa diangkat, barusan bgt. kp Ciheulang Ciparay, tolong ambulans",
        "medical",
    ),
    (  # Su
        "punten, pun bapa ujug-ujug ngagubrag di masjid pas solat, teu nafas-nafas, dadana "
        "keur dipencetan ku warga. ambulan puskesmas Cicalengka tiasa ka dieu?",
        "medical",
    ),
    (
        "Sy perawat di klinik desa Tarumajaya Kertasari, ada ibu mau lahiran pendarahan "
        "hebat, bidan ga ada, butuh rujukan + ambulans ke RSUD Soreang SEGERA",
        "medical",
    ),
    (  # Jv
        "Mas tulung, anakku kejang-kejang ora mandheg, awake panas banget, matane mendelik, "
        "aku neng Margaasih ora duwe kendaraan",
        "medical",
    ),
    (
        "min puluhan warga kp. Babakan Ibun muntah2 & pingsan abis makan nasi kotak hajatan "
        "td siang, puskesmas udh penuh, ada yg mulai kejang",
        "medical",
    ),
    (
        "kak maaf mau tanya ini no wa pemda ya? aku di rumah cuma sama nenek, nenek aku "
        "jatoh di kamar mandi kepalanya berdarah banyak terus ga bangun2 aku takut 😭 "
        "rumahnya di Cangkuang deket masjid",
        "medical",
    ),
]

_OTHER: Rows = [
    (
        "itu apa sih, tabung elpiji 3kg di warung bakso Bu Eti bocor, baunya nyengat "
        "sekampung, selangnya desis terus, org2 takut nyalain apa2. Kp. Cijagra Bojongsoang",
        "other",
    ),
    (  # Su
        "aya budak tikerelep di leuwi Citarik Solokanjeruk, tadi keur ngojay, can katingali "
        "deui ti 10 menit ka tukang, warga keur nyelem neangan",
        "other",
    ),
    (
        "anak sy umur 4 thn ilang di pasar Majalaya sejam lalu, pake baju merah, udh dicari "
        "kemana2 ga ketemu, tolong bantu umumin",
        "other",
    ),
    (  # Jv
        "Pak, kabel PLN pedhot tiba neng dalan sing kebanjiran neng Rancaekek, banyune "
        "nyetrum, wis ono wedus mati, bocah-bocah arep liwat",
        "other",
    ),
    (
        "ada cowok duduk di pagar jembatan Citarum Dayeuhkolot udh setengah jam, ngomong mau "
        "loncat, org2 lagi bujuk dia",
        "other",
    ),
]

_NEGATIVE: Rows = [
    (
        "kebakaran di pasar Banjaran minggu lalu korbannya sampe skrg belum dapet bantuan "
        "dari pemda, gimana ini",
        None,
    ),
    (
        "update min, api di gudang tadi udh dipadamin damkar, ga ada korban. makasih "
        "responnya cepet",
        None,
    ),
    (  # Su
        "pa, tebing tukangeun sakola di Rancabali geus retak-retak, sieun urug mun usum "
        "hujan, punten dicek sateuacan aya kajadian",
        None,
    ),
    (
        "tiap hujan deres jalan depan Borma Bojongsoang pasti banjir selutut, udh "
        "bertahun2, kapan gorong2nya diperbaiki?",
        None,
    ),
    (
        "mau nanya cara klaim santunan Jasa Raharja buat adik sy yg kecelakaan bulan lalu "
        "di Cileunyi, berkasnya apa aja ya",
        None,
    ),
    (
        "mau booking ambulans desa buat antar ibu cuci darah ke RSUD Majalaya hari kamis "
        "jam 7 pagi, bisa?",
        None,
    ),
    (
        "RW kami di Margahayu mau ngajuin pengadaan APAR sama pelatihan pemadam buat warga, "
        "prosedurnya gimana",
        None,
    ),
    (
        "liat di tv banjir di Demak parah bgt ya, semoga Kab Bandung aman. pemda ada "
        "rencana kirim bantuan kesana?",
        None,
    ),
    (
        "min ada broadcast WA katanya bendungan Cileunca mau jebol malem ini, itu hoax kan? "
        "soalnya di berita ga ada",
        None,
    ),
    (
        "info aja, besok jam 9 di SMPN 1 Ciparay ada simulasi gempa & kebakaran bareng "
        "BPBD, jadi kalau ada sirene jangan panik ya",
        None,
    ),
    (  # Su
        "hahaha min, grup WA RT urang keur kahuruan ku debat pilkades 😂 can aya nu ngalerai",
        None,
    ),
    (
        "kepala saya mau meledak ngurus KTP di disdukcapil Soreang udah 3x bolak balik masih "
        "belum jadi",
        None,
    ),
    (
        "petugas damkar pas kebakaran kemarin di Cicalengka dateng telat 1 jam, mohon dievaluasi",
        None,
    ),
    (
        "kalau ada kebakaran di desa kami (Cikancung) harus lapor ke mana ya? nomor damkar "
        "terdekat berapa?",
        None,
    ),
    (  # Jv
        "Pak, nek ono wong kecelakan neng dalan, sing ditelpon nomer piro? ben tak simpen",
        None,
    ),
    (
        "bapak sy udh 2 thn stroke, bisa daftar layanan kunjungan nakes ke rumah ga? kami "
        "di Arjasari",
        None,
    ),
    (
        "perawat di puskesmas Baleendah jutek bgt pas anak sy demam kemarin, masa disuruh "
        "nunggu 3 jam",
        None,
    ),
    (
        "kasus penganiayaan tetangga sy bulan kemarin udah diproses polres belum ya? "
        "pelakunya masih bebas keliaran",
        None,
    ),
    (  # Su
        "jalan ka Kp. Cibeureum Kertasari ruksak parah, loba lombang, geus sababaraha kali "
        "aya nu labuh motor, menta dibenerkeun",
        None,
    ),
    (
        "korban longsor Cimenyan bulan Januari kapan dapet hunian tetap? masih numpang di "
        "rumah saudara",
        None,
    ),
    (  # Jv
        "Pak, kali cedhak omahku neng Dayeuhkolot saben taun banjir, aku wedi mengko bengi "
        "udan deres maneh, opo ono posko?",
        None,
    ),
    (
        "alhamdulillah anak yg ilang di pasar Majalaya tadi udh ketemu di pos satpam, makasih min",
        None,
    ),
    (
        "anjing liar di sekitar SD Cileunyi Wetan banyak bgt, anak2 pada takut, bisa ditertibkan?",
        None,
    ),
    (
        "gas melon 3kg di Rancaekek langka seminggu ini, harga sampe 25rb, tolong operasi pasar",
        None,
    ),
    (
        "lampu PJU di jl Cileunyi mati semua udah sebulan, gelap, rawan begal",
        None,
    ),
    (  # Su
        "tangkal gede di sisi jalan Soreang-Ciwidey geus condong pisan, mangga dipangkas "
        "samemeh rubuh",
        None,
    ),
    (  # Jv
        "Pak, kabel listrik neng gang omahku Katapang kendor, gelantungan cedhak genteng, "
        "nyuwun dibenakke PLN sakdurunge bahaya",
        None,
    ),
    (  # Su
        "punten bade naros, kumaha carana ngadaptar BPJS PBI kanggo kolot abdi nu nembe "
        "kaluar ti rumah sakit?",
        None,
    ),
    (
        "min tolong ada kebakaran jenggot nih pak kades gara2 dana desa diaudit 🤣",
        None,
    ),
    (
        "anak sy dapet tugas sekolah wawancara petugas damkar, boleh main ke pos damkar "
        "Soreang hari sabtu?",
        None,
    ),
    (
        "video tabrakan di Nagreg yg viral kemarin itu kejadiannya jam berapa ya? suami sy "
        "lewat situ tiap hari",
        None,
    ),
    (  # Su
        "cenah aya maung kaluar ti leuweung di Kertasari, tapi ceuk abdi mah hoax, potona "
        "oge poto ti luar negri. leres kitu?",
        None,
    ),
    (  # Su
        "wartos, dinten minggu di desa Sukamukti Majalaya bade aya latihan evakuasi banjir "
        "sareng BPBD, warga dihimbau sumping",
        None,
    ),
    (
        "mau minta surat keterangan kebakaran dari desa buat ngurus ijazah anak yg ikut "
        "kebakar th lalu, ke siapa ya",
        None,
    ),
    (
        "kalo misalnya tetangga sy KDRT, sy boleh lapor tanpa ketahuan identitasnya ga?",
        None,
    ),
    (
        "anak sy batuk pilek 3 hari, puskesmas Pameungpeuk buka sampai jam berapa ya?",
        None,
    ),
    (  # Jv
        "Mbiyen taun 2010 banjir neng Baleendah nganti sak gulu, saiki wis mending. Matur "
        "nuwun pemda wis gawe kolam retensi",
        None,
    ),
    (
        "lampu merah perempatan Bojongsoang mati terus, macet parah tiap sore, hampir tiap "
        "hari ada yg keserempet",
        None,
    ),
    (  # Su
        "sirah abdi rieut ngurus sertifikat tanah teu beres-beres, asa rek pingsan 😩 "
        "mangga dibantuan",
        None,
    ),
    (  # Su
        "tadi aya nu labuh motor di Cileunyi, tapi ayeuna mah geus dibawa ka RS ku warga, "
        "aman. ngan lombangna tolong ditutup",
        None,
    ),
]

ROUND_15: Rows = _FIRE + _FLOOD + _LANDSLIDE + _TRAFFIC + _VIOLENCE + _MEDICAL + _OTHER + _NEGATIVE
