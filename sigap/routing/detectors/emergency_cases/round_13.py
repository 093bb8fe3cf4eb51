"""Round 13: 80 cases by a fourth author, written blind to the rules and to rounds 1 to 12.

40 emergencies in progress over all seven kinds and 40 tricky negatives, in the style of
WhatsApp messages to the Kabupaten Bandung Pemda. `Su` marks Sundanese, `Jv` Javanese.
Places are Kabupaten Bandung's; people and addresses are invented.
"""

Rows = list[tuple[str, str | None]]

_FIRE: Rows = [
    (
        "tlg pak rumah tetangga saya di Kp. Cibodas RT 03 Desa Sukamukti Katapang kebakaran!! "
        "apinya udah nyampe atap, warga lagi nyiram pake ember tp gak ngefek",
        "fire",
    ),
    (  # Su
        "Punten darurat, gudang kasur di Jl. Raya Majalaya-Rancaekek hurung, seuneuna ageung "
        "pisan haseupna hideung, damkar can aya nu dongkap. Gancang nya pa",
        "fire",
    ),
    (
        "Pak ada asap tebel bgt keluar dari jendela lantai 2 ruko sebelah kantor desa di "
        "Cangkuang, bau plastik kebakar, kayaknya masih ada orang di dalem soalnya motornya "
        "parkir depan",
        "fire",
    ),
    (
        "ini bener nomer damkar kab bandung? kebun pinus di atas kampung Cibeureum Kertasari "
        "kebakar skrg, angin kenceng apinya lagi turun ke arah rumah2 warga",
        "fire",
    ),
    (  # Jv
        "Pak tulung, omah kontrakan ing gang Melati Margahayu kobong, ana bocah cilik isih "
        "ning njero! kompor gase mbledhos mau",
        "fire",
    ),
    (  # Su
        "KAHURUAN DI PASAR BANJARAN!!! kios2 di blok baju geus kaduruk, seuneu beuki "
        "ngagedean, jalma loba keneh di jero",
        "fire",
    ),
]
_FLOOD: Rows = [
    (
        "Air Citarum naik cepet bgt di Andir Baleendah, udh sepinggang di dalem rumah, nenek "
        "saya gak bisa jalan, mohon kirim perahu karet sekarang 🙏🙏",
        "flood",
    ),
    (  # Su
        "Pa punten, cai geus asup ka imah, jerona nepi ka dada di Kp. Bojongasih Dayeuhkolot. "
        "Abdi keur naek ka hateup sareng budak, tulungan",
        "flood",
    ),
    (
        "Tanggul sungai Cikeruh jebol barusan di Rancaekek Wetan, air lagi ngalir deres ke "
        "perumahan, warga panik pada naik ke lantai atas",
        "flood",
    ),
    (  # Jv
        "Pak, banyune wis mlebu omah nganti sedhadha, aku karo anakku ning loteng Perum "
        "Bojongsoang Indah blok C, ra iso metu blas",
        "flood",
    ),
    (
        "Banjir bandang di Desa Cikalong Cimaung, arusnya bawa batang kayu gede, satu rumah "
        "udah kebawa, ada yg belum ketemu. tlg tim SAR",
        "flood",
    ),
    (
        "Mobil saya mogok di tengah jalan deket bundaran Dayeuhkolot, air terus naik udah "
        "sampe kaca, saya sama 2 anak gak bisa buka pintu",
        "flood",
    ),
]
_LANDSLIDE: Rows = [
    (  # Su
        "Taneuh urug di tonggoheun Kp. Cigarugak Pasirjambu, nimpa dua imah, aya jalma nu "
        "kakubur keneh, warga keur ngali ku leungeun",
        "landslide",
    ),
    (
        "Tebing di jalan Ciwidey - Rancabali ambrol barusan, nutup jalan, ada satu mobil "
        "ketimbun sebagian. tolong alat berat sama ambulans",
        "landslide",
    ),
    (
        "Pak, tanah di belakang rumah retak terus turun skrg juga, suaranya gemuruh, dinding "
        "dapur udah miring. Kami lagi ngungsi ke masjid, Kp. Sirnagalih Pasirjambu",
        "landslide",
    ),
    (  # Jv
        "Lemahe longsor nang Nagreg cedhak tanjakan, ana truk keuruk, sopire durung ketemu "
        "nganti saiki",
        "landslide",
    ),
    (  # Su
        "tulung pa, gawir di tukangeun SD di Cilengkrang rugrug, tadi aya barudak keur ulin "
        "di handapna",
        "landslide",
    ),
]
_TRAFFIC: Rows = [
    (
        "Tabrakan beruntun di turunan Lingkar Nagreg, truk rem blong nabrak 3 motor, korban "
        "masih tergeletak di jalan gak gerak, butuh ambulans",
        "traffic_accident",
    ),
    (  # Su
        "Aya motor adu jeung angkot di Jl. Raya Soreang pas hareupeun alun-alun, nu mawa "
        "motor getihan sirahna teu sadar",
        "traffic_accident",
    ),
    (
        "barusan bus pariwisata nyelonong masuk jurang di jalur Pangalengan arah Cukul, "
        "penumpang masih di dalem, kami warga lagi coba turun",
        "traffic_accident",
    ),
    (
        "Pak ada anak SD keserempet mobil box depan sekolah di Cileunyi Kulon, mobilnya "
        "kabur, kakinya kayaknya patah nangis terus",
        "traffic_accident",
    ),
    (  # Jv
        "Wonten kecelakaan montor kaliyan truk gandeng ing Jl. Raya Banjaran, korbane kejepit "
        "ing ngisor, nyuwun bantuan enggal",
        "traffic_accident",
    ),
]
_VIOLENCE: Rows = [
    (
        "TOLONG ada tawuran pelajar di Jl. Raya Laswi Ciparay, pada bawa celurit, satu anak "
        "udah kena bacok, polisi belum dateng",
        "violence",
    ),
    (  # Su
        "Pa, tatangga sabeulah imah keur ngagebugan pamajikanna, ceurik jeung ngajerit ti "
        "tadi, ayeuna aya sora barang peupeus. Sieun aya nanaon",
        "violence",
    ),
    (
        "Ada maling motor ketangkep warga di Rancaekek, lagi dihakimi rame2, orang2 mukulin "
        "pake kayu, udh berdarah2. tlg polisi cepet sebelum mati",
        "violence",
    ),
    (
        "lagi ada orang mabok ngamuk bawa golok di warung depan pasar Ciparay, ngejar2 orang, "
        "kami ngumpet di dalem toko",
        "violence",
    ),
    (
        "Saya cewek lagi jalan pulang dari pabrik di Rancaekek, dari tadi diikutin 2 cowo "
        "naik motor, skrg mereka berhenti nungguin di ujung gang yg gelap. saya takut bgt tlg",
        "violence",
    ),
    (  # Jv
        "Pak, ana wong dijambret lan dipukuli ning ngarep minimarket Margaasih, malinge isih "
        "ning kono nggawa lading",
        "violence",
    ),
    (  # Su
        "Aya budak awewe diseret ka jero mobil hideung di jalan Cangkuang, ngajerit menta "
        "tulung, mobilna kabur ka arah Banjaran!!",
        "violence",
    ),
    (  # Su
        "Bentrok antar kampung di Solokanjeruk, silih alungkeun batu jeung petasan, kaca imah "
        "warga geus loba nu peupeus, aya nu tatu",
        "violence",
    ),
]
_MEDICAL: Rows = [
    (
        "Bapak saya tiba2 jatuh pas solat, mukanya mencong sebelah, ngomongnya pelo, tangan "
        "kiri gak bisa digerakin. Kami di Kp. Pasirkaliki Cangkuang",
        "medical",
    ),
    (  # Su
        "Punten, aya nu kapiuhan di masjid agung Soreang, siga teu ngarenghap, aya nu apal "
        "CPR teu? ambulans kamana",
        "medical",
    ),
    (
        "ambulans bisa ke Majalaya skrg? istri saya pendarahan banyak bgt abis lahiran di "
        "rumah, paraji udah angkat tangan",
        "medical",
    ),
    (
        "Tlg pak ada 20an siswa SMP di Katapang muntah2 sampe ada yg pingsan abis makan nasi "
        "kotak dari acara sekolah",
        "medical",
    ),
    (  # Jv
        "Anakku kejang-kejang, panase duwur banget, lambene biru, aku ning Margahayu ra ana "
        "kendaraan, tulung",
        "medical",
    ),
    (
        "Pak tetangga kepatuk ular di sawah Pameungpeuk, kakinya bengkak item, orangnya udah "
        "mulai lemes ngantuk",
        "medical",
    ),
]
_OTHER: Rows = [
    (
        "Bau gas nyengat bgt dari kontrakan sebelah di Jl. Terusan Kopo Margahayu, tabungnya "
        "bunyi desis, penghuninya gak ada, kami takut meledak",
        "other",
    ),
    (  # Su
        "Kabel listrik pegat murag ka jalan nu caian, ngaletik seuneuna, barudak sakola loba "
        "nu ngaliwat di Ibun",
        "other",
    ),
    (
        "Anak saya umur 5 th hilang di Pasar Majalaya dari sejam lalu, baju merah celana "
        "jeans, udah dicari keliling gak ketemu, tlg bantu",
        "other",
    ),
    (  # Jv
        "Ana wong lanang lungguh ning pinggir jembatan Citarum Dayeuhkolot, jare arep "
        "nglompat, isih nangis, tulung cepet",
        "other",
    ),
]
_NEGATIVE: Rows = [
    (
        "Pak mau nanya bantuan buat korban banjir minggu lalu di Dayeuhkolot kapan cairnya? "
        "kami blm dapet beras sama sekali",
        None,
    ),
    (  # Su
        "Kamari aya kahuruan di Kp. Cipeuteuy, ayeuna imahna tos rata, kumaha cara ngajukeun "
        "bantuan bedah imah?",
        None,
    ),
    (
        "Jalan depan SDN Rancamanyar tiap hujan pasti banjir semata kaki, drainase mampet, "
        "mohon diperbaiki sebelum musim hujan",
        None,
    ),
    (
        "takut nanti longsor kalau hujan gede, tebing di blkg rumah kami di Cimenyan udah ada "
        "retakan kecil, bisa dicek dinas kapan?",
        None,
    ),
    (
        "min, orderan di toko online saya lagi banjir bgt wkwk, ada program pelatihan UMKM "
        "dari Pemda gk?",
        None,
    ),
    (
        "Kemarin sore ada tabrakan di perempatan Sadu Soreang, korban udh dibawa ke RS dan "
        "stabil. Tolong dipasang lampu merah disitu krn sering kecelakaan",
        None,
    ),
    (
        "Apinya sudah padam pak, tadi kebakaran kecil di dapur warung, udah ditangani warga, "
        "cuma mau laporan aja buat data",
        None,
    ),
    (  # Su
        "Simulasi gempa jeung kahuruan di SMPN 1 Ciwidey isukan jam 9, punten upami aya "
        "sirine ulah reuwas",
        None,
    ),
    (
        "Liat di tv banjir bandang di Garut parah bgt, Kab Bandung aman kan pak? ada posko "
        "donasi gk?",
        None,
    ),
    (
        "Mau pesen ambulans buat antar ibu saya kontrol cuci darah hari kamis ke RSUD "
        "Soreang, gimana caranya?",
        None,
    ),
    (
        "Pak ambulans puskesmas Pacet minggu lalu lama bgt datengnya, 2 jam, ayah saya sampe "
        "keburu meninggal. Tolong dievaluasi",
        None,
    ),
    (  # Jv
        "Pak, kulo ajeng nyuwun APAR kangge mushola ing Margaasih, pripun carane?",
        None,
    ),
    (
        "Saya lagi kebakaran jenggot pak, SPP anak nunggak 3 bulan, ada beasiswa dari pemda gak?",
        None,
    ),
    (  # Su
        "rumah tangga abdi nuju panas, salaki sok ambek-ambekan wae, aya konseling kulawarga "
        "ti pemda teu?",
        None,
    ),
    (
        "Bekas kebakaran pabrik di Jl. Raya Cileunyi udh sebulan gak dibersihin, puing2nya "
        "nutup trotoar, bau",
        None,
    ),
    (
        "Mohon dibangun pos damkar di Kecamatan Pangalengan, kalau ada kebakaran damkar dari "
        "Soreang lama nyampenya 1,5 jam",
        None,
    ),
    (
        "tahun lalu kampung kami kena longsor, sampe sekarang relokasi blm jelas, warga masih "
        "ngontrak. mohon tindak lanjut",
        None,
    ),
    (  # Su
        "Pa, tatangga abdi unggal peuting nyetel musik tarik pisan nepi ka jam 2, teu tiasa sare",
        None,
    ),
    (
        "Video viral tawuran di Cicalengka itu kejadian kapan ya pak? katanya udah ditangkep "
        "semua pelakunya?",
        None,
    ),
    (
        "Pak lampu PJU di jalan menuju Kawah Putih mati semua, rawan kecelakaan malem2, "
        "tolong diperbaiki",
        None,
    ),
    (  # Jv
        "Wingi ana kecelakaan nang Jl. Raya Majalaya, saiki dalane bolong gedhe bekas "
        "tabrakan, tulung didandani",
        None,
    ),
    (
        "pak sy korban kebakaran bulan lalu di Baleendah, KTP sama KK ikut kebakar, ngurusnya "
        "gimana di disdukcapil?",
        None,
    ),
    (
        "Sumur warga di Bojongsoang airnya kuning bau besi udh bertahun2, mohon bantuan air bersih",
        None,
    ),
    (
        "Anak saya demam 3 hari, jadwal imunisasi bulan ini jadi gak ya? posyandunya kapan?",
        None,
    ),
    (  # Su
        "Saur BMKG isukan hujan gede, naha aya persiapan karung pasir keur warga Andir? Taun "
        "kamari banjirna nepi ka sapinggang",
        None,
    ),
    (
        "Kalau ada ular masuk rumah lapornya ke mana ya pak? buat jaga2 aja, di kampung kami "
        "banyak kebun",
        None,
    ),
    (
        "Pertandingan bola antar RW kmrn sempet ribut dikit tapi udah damai, cuma lapangannya "
        "rusak, mohon diperbaiki",
        None,
    ),
    (
        "Pak, katanya gempa tadi pagi kerasa di Pangalengan, ada kerusakan gak? di rumah saya "
        "aman2 aja sih",
        None,
    ),
    (  # Jv
        "Pak, bapakku wis mari saka stroke, saiki mung butuh kursi roda, ana bantuan saka "
        "Dinsos ora?",
        None,
    ),
    (
        "Pelatihan pertolongan pertama buat karang taruna bisa diadain gak pak? kemarin ada "
        "warga pingsan kami bingung, untung udh sadar sendiri",
        None,
    ),
    (  # Su
        "Jalan ka Kertasari loba nu bolong, kamari aya motor nu labuh di dinya, untung teu "
        "kunanaon. Mangga dilereskeun",
        None,
    ),
    (
        "Bantu share ya pak, besok ada donor darah di aula kecamatan Cileunyi jam 8-12",
        None,
    ),
    (
        "Pohon besar di depan SD Pameungpeuk rantingnya udh kering dan miring ke jalan, mohon "
        "dipangkas sebelum jatuh",
        None,
    ),
    (
        "pak di grup WA ada yg nyebar katanya tanggul Citarum jebol, itu bener gak? saya di "
        "Baleendah air normal2 aja",
        None,
    ),
    (  # Su
        "Abdi hoyong naroskeun, asuransi imah anu kabanjiran bulan kamari tiasa diklaim ka "
        "pamarentah teu?",
        None,
    ),
    (
        "Pak anak saya suka nonton video kecelakaan sama orang berantem di tiktok, bisa "
        "diblokir gak konten begitu?",
        None,
    ),
    (
        "Anak kami kemarin hilang 3 jam di alun-alun Soreang tapi udh ketemu alhamdulillah, "
        "tolong pasang CCTV dan pos informasi anak hilang",
        None,
    ),
    (  # Jv
        "Kompor gas ning omahku mau rada mambu, tapi wis tak ganti regulatore, aman saiki. "
        "Ana penyuluhan gas LPG ora pak?",
        None,
    ),
    (
        "Minta data jumlah korban longsor di Kecamatan Cimenyan 5 tahun terakhir buat skripsi "
        "saya pak",
        None,
    ),
    (  # Su
        "Ngiring wartoskeun, kabel listrik di gang kami ngagantung handap pisan ti saminggu "
        "kapengker, teu acan pegat, mung sieun. Mangga dibenerkeun ku PLN",
        None,
    ),
]

ROUND_13: Rows = _FIRE + _FLOOD + _LANDSLIDE + _TRAFFIC + _VIOLENCE + _MEDICAL + _OTHER + _NEGATIVE
