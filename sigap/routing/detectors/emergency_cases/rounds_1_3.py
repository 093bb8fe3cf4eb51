"""Rounds 1 to 3 of the labelled emergency set (dev): see the package docstring."""

from __future__ import annotations

Rows = list[tuple[str, str | None]]

DEV_POSITIVE: Rows = [
    # Fire.
    ("Tolong!!! ada kebakaran di gang mawar RT 03 Cileunyi, api sudah besar", "fire"),
    ("kbakaran pak di pasar ciparay sekarang, cpt kirim damkar", "fire"),
    ("rumah tetangga saya terbakar, masih ada orang di dalam tolong", "fire"),
    ("Kahuruan di Kampung Cibiru Hilir! seuneu gede pisan, tulungan", "fire"),  # Su
    ("pabrik tekstil di dayeuhkolot kebakaran asap hitam tebal kemana mana", "fire"),
    ("Omahe tonggoku kobong, tulung cepet", "fire"),  # Jv
    ("ada api besar di gudang kayu belakang SD, belum ada petugas datang", "fire"),
    ("kebakaraan lahan di dekat perumahan, asapnya masuk ke rumah warga, anak2 sesak", "fire"),
    ("korsleting listrik di kios pasar, sudah keluar api, tolong segera", "fire"),
    ("KEBAKARAN!! Jl. Raya Banjaran no 12", "fire"),
    ("mohon bantuan damkar, kandang ayam terbakar dan apinya merembet ke rumah", "fire"),
    ("api masih menyala di rumah pak RW, warga pakai ember, damkar belum datang", "fire"),
    ("si jago merah melalap 3 rumah di Desa Sukamenak, warga panik", "fire"),
    # Flood.
    ("banjir bandang di Cipelah, rumah warga hanyut, tolong kirim tim sar", "flood"),
    ("air masuk rumah sudah sepinggang, kami terjebak di lantai 2, tolong evakuasi", "flood"),
    ("tanggul citarum jebol pak!! air naik cepat ke kampung", "flood"),
    ("Caah gede di Baleendah ayeuna, cai geus asup ka imah, tulung", "flood"),  # Su
    ("bnjir sdh sedada di RT 05 Andir, ada lansia blm dievakuasi", "flood"),
    ("Banjir skrg di perumahan Bumi Asri, air terus naik, warga butuh perahu karet", "flood"),
    (
        "Dayeuhkolot kebanjiran lagi, air sudah setinggi pinggang di jalan utama, mobil tidak "
        "bisa lewat, tolong bantuan evakuasi warga",
        "flood",
    ),
    ("kali meluap pak, air masuk ke rumah rumah warga sekarang", "flood"),
    ("Banyu mlebu omah, banjir sak dengkul, bocah cilik akeh, tulung", "flood"),  # Jv
    ("darurat banjir di desa bojongsoang, ratusan rumah terendam", "flood"),
    # Landslide.
    (
        "Longsor menimpa rumah warga di Pasirjambu, 2 orang tertimbun, mohon segera bantuan "
        "alat berat",
        "landslide",
    ),
    ("tanah longsor nutup jalan ke Ciwidey, ada motor yang ketimbun", "landslide"),
    ("Urug di lembur kami, imah pa RT kaurugan, tulung geura", "landslide"),  # Su
    ("longsooor pak di tebing belakang sekolah, anak2 masih di kelas", "landslide"),
    ("tebing runtuh ke jalan Rancabali barusan, ada mobil tertimpa", "landslide"),
    (
        "Tanah amblas di kampung, rumah retak dan miring, warga mau mengungsi sekarang",
        "landslide",
    ),
    ("lngsor di Cimenyan, jalan putus total, ada korban", "landslide"),
    # Traffic accidents.
    ("kecelakaan di bundaran Cibiru, motor vs truk, korban tergeletak", "traffic_accident"),
    ("tolong ada tabrakan beruntun di tol Padaleunyi km 130", "traffic_accident"),
    (
        "ada yang ketabrak mobil di depan alfamart soreang, belum ada ambulans",
        "traffic_accident",
    ),
    (
        "laka lantas di jalan raya Majalaya, 2 motor, satu pengendara luka parah",
        "traffic_accident",
    ),
    ("Kacilakaan di tanjakan Nagreg, treuk ngaguling, aya nu tatu", "traffic_accident"),  # Su
    (
        "motor jatuh di jalan licin depan pabrik, pengendaranya tidak bangun2, tolong",
        "traffic_accident",
    ),
    ("tabrak lari barusan di Jl. Terusan Kopo, korban anak SD", "traffic_accident"),
    ("bus terguling di turunan Cijapati, banyak penumpang terjebak!!", "traffic_accident"),
    (
        "ada kecelakaan truk rem blong di Cileunyi sekarang, macet total",
        "traffic_accident",
    ),
    (
        "Ketubruk motor pas nyebrang, nenek-nenek kepalanya berdarah, cepet pak",
        "traffic_accident",
    ),
    # Medical.
    ("tolong ibu saya pingsan di rumah, tidak bisa dibangunkan, butuh ambulans", "medical"),
    ("ada pasien kejang2 di jalan depan masjid, tolong kirim ambulans", "medical"),
    (
        "bapak saya sesak napas berat dan bibirnya biru, ambulans puskesmas tidak angkat telepon",
        "medical",
    ),
    ("istri mau melahirkan, ketuban pecah, tidak ada kendaraan, tolong!!", "medical"),
    ("Keracunan massal di hajatan desa Tegalluar, puluhan warga muntah2", "medical"),
    ("anak saya tidak sadarkan diri setelah jatuh dari pohon, tolong cepat", "medical"),
    ("bapak2 tiba2 pingsan di masjid pas jumatan, kayaknya serangan jantung", "medical"),
    ("tetangga digigit ular weling, kakinya bengkak, mohon bantuan segera", "medical"),
    ("Semaput mbah ku neng dalan, ora iso tangi, tulung", "medical"),  # Jv
    ("pendarahan hebat habis melahirkan di rumah, bidan tidak ada", "medical"),
    # Violence in progress.
    ("tolong ada tawuran pelajar di depan SMK sekarang, bawa celurit", "violence"),
    ("tetangga sebelah lagi dipukuli suaminya, teriak2 minta tolong", "violence"),
    ("Begal di jalan Cibaduyut barusan, korban dibacok", "violence"),
    ("ada perampokan di minimarket dekat rumah, pelaku masih di dalam", "violence"),
    ("KDRT sedang terjadi di rumah no 14 blok C, anak2 menangis, tolong pak", "violence"),
    ("ada orang mengamuk bawa golok di pasar, warga ketakutan, tolong segera", "violence"),
    ("Anak SMP dikeroyok di lapangan, masih berlangsung!!", "violence"),
    ("pencurian motor sedang terjadi di parkiran masjid, malingnya masih ada", "violence"),
    ("Aya nu digebugan di pengkolan, getihan, tulung geura ka dieu", "violence"),  # Su
    ("ditodong pisau di angkot jurusan Soreang, pelaku masih ngikutin saya", "violence"),
    # Other: gas, falling trees, drowning, electricity, explosions, collapses.
    ("bau gas menyengat dari rumah kosong, takut meledak, tolong damkar", "other"),
    ("tabung gas bocor di warung, api kecil sudah muncul", "other"),
    ("pohon tumbang menimpa pengendara motor di jalan Raya Soreang, tolong", "other"),
    ("ada anak tenggelam di kolam renang desa, tolong!!", "other"),
    (
        "kabel listrik putus menjuntai ke jalan dan berasap, ada anak yang kesetrum",
        "other",
    ),
    ("ledakan di pabrik kimia Rancaekek, asap kuning", "other"),
    ("Orang hanyut terbawa arus di sungai Cisangkuy barusan", "other"),
    ("Terjebak di lift mall, sudah 30 menit, ada ibu hamil", "other"),
    ("Atap SD ambruk pas jam pelajaran, banyak murid tertimpa, tolong ambulans", "other"),
]

DEV_NEGATIVE: Rows = [
    # Past events.
    ("bekas kebakaran pasar Banjaran belum dibersihkan sampai sekarang", None),
    ("banjir tahun lalu merusak jembatan, sampai sekarang belum diperbaiki", None),
    ("kemarin sempat banjir tapi sudah surut, sekarang tinggal lumpur di jalan", None),
    ("pemadam kebakaran lambat datang minggu lalu waktu rumah saya terbakar", None),
    ("jalan ke lokasi longsor masih rusak, mohon diperbaiki", None),
    ("asuransi kecelakaan dari jasa raharja belum cair sampai sekarang", None),
    ("mohon info prosedur klaim santunan korban kecelakaan lalu lintas", None),
    (
        "dulu pernah ada kebakaran di sini karena korsleting, mohon PLN cek kabel yang semrawut",
        None,
    ),
    ("Rumah saya kebakaran bulan lalu, sampai sekarang belum dapat bantuan dari desa", None),
    ("korban banjir di Dayeuhkolot belum dapat bantuan sembako", None),
    (
        "Pak, tahun 2020 pernah longsor di belakang rumah, sekarang tanahnya retak lagi, "
        "mohon dicek",
        None,
    ),
    ("banjir kemarin sudah surut pak, tinggal sampahnya yang numpuk di selokan", None),
    (
        "dulu sering kecelakaan di tikungan ini, sekarang sudah ada cermin cembung, terima kasih",
        None,
    ),
    ("kebakaran hutan di gunung tahun lalu bikin sumber air kering", None),
    (
        "Anak saya habis kecelakaan motor, sekarang perlu surat keterangan untuk BPJS",
        None,
    ),
    ("kmrn ada tawuran di sini, tolong pasang cctv biar tidak terulang", None),
    (
        "tadi pagi ada yang pingsan pas antre di kantor dukcapil, pelayanannya lambat banget",
        None,
    ),
    ("Sudah 2 minggu pasca banjir, listrik di RW 07 masih padam", None),
    # Hypothetical and preventive.
    ("daerah kami rawan banjir, mohon normalisasi sungai agar tidak banjir lagi", None),
    ("antisipasi banjir musim hujan, tolong keruk selokan di jalan Kopo", None),
    ("jalan berlubang besar, rawan kecelakaan, tolong segera ditambal", None),
    ("tiang listrik miring, takut roboh dan menimpa orang lewat", None),
    ("kalau hujan deras air masuk rumah karena got mampet", None),
    ("pohon besar di depan sekolah sudah keropos, khawatir tumbang kena anak2", None),
    ("tebing di belakang rumah retak, warga khawatir longsor saat hujan", None),
    ("mohon sosialisasi pencegahan kebakaran di pasar", None),
    ("Kapan ada pelatihan penanggulangan bencana banjir untuk kader desa?", None),
    ("tolong cek hydrant di perumahan, takut pas ada kebakaran tidak bisa dipakai", None),
    ("Mohon pemasangan APAR (alat pemadam api ringan) di balai desa", None),
    ("lampu lalu lintas mati, bisa menyebabkan tabrakan, mohon diperbaiki", None),
    ("portal perumahan ditutup, kalau ada kebakaran mobil damkar tidak bisa masuk", None),
    ("supaya tidak terjadi kecelakaan lagi, mohon dipasang polisi tidur", None),
    ("anak2 main petasan di dekat SPBU, berpotensi kebakaran", None),
    ("sungai dangkal penuh sedimen, jangan sampai banjir seperti tahun lalu", None),
    ("Rumah kami di bantaran sungai terancam longsor, mohon relokasi", None),
    ("rencana simulasi evakuasi gempa di sekolah ditunda ya?", None),
    # Chronic conditions.
    ("jalan di depan pasar sering banjir kalau hujan, mohon saluran diperbaiki", None),
    ("tiap tahun langganan banjir, kapan ada solusi dari pemda?", None),
    ("sering terjadi kecelakaan di turunan Cijapati karena rem blong", None),
    ("Setiap hujan deras, jalan Dayeuhkolot selalu tergenang dan macet", None),
    # Administrative.
    ("kantor damkar di kecamatan kami kapan dibangun?", None),
    ("mau tanya syarat jadi relawan pemadam kebakaran", None),
    ("Minta data korban banjir 2021 untuk skripsi", None),
    ("pembersihan puing puing sisa kebakaran rumah belum selesai", None),
    ("Kenapa BPBD belum cairkan dana bantuan untuk korban longsor Cimenyan?", None),
    (
        "Laporan saya soal penganiayaan anak di sekolah tidak ditindaklanjuti polisi",
        None,
    ),
    ("asap pembakaran sampah dari tetangga masuk ke rumah, bikin batuk", None),
    ("tolong razia balap liar, nanti ada yang kecelakaan", None),
    ("Jalan licin karena tumpahan oli, banyak motor jatuh tadi pagi", None),
    ("Pohon tumbang kemarin sore sudah dipotong tapi batangnya belum diangkut", None),
    ("lampu PJU padam sejak seminggu, jalan gelap rawan begal", None),
    ("Saya sudah lapor KDRT ke polsek bulan lalu tapi kasusnya tidak jalan", None),
    (
        "Jembatan gantung di Cikalong sudah miring, takut ambruk kalau dilewati anak sekolah",
        None,
    ),
    ("kabel listrik menjuntai rendah, rawan tersetrum anak2", None),
    ("Mohon info nomor telepon darurat damkar Kabupaten Bandung", None),
    (
        "Apakah ada bantuan untuk rumah yang rusak kena puting beliung minggu lalu?",
        None,
    ),
    ("Selokan mampet, kalau hujan air naik ke jalan dan masuk rumah warga", None),
    ("tolong saluran air diperbaiki, tiap hujan banjir sebetis", None),
    (
        "Warga korban kebakaran bulan lalu masih tinggal di tenda, kapan ada bantuan rumah?",
        None,
    ),
    ("Truk tanah sering ugal-ugalan, hampir nabrak anak sekolah tiap pagi", None),
    ("kucing saya terjebak di atas pohon, bisa minta tolong damkar?", None),
    # Jokes and figures of speech.
    ("kebakaran jenggot tuh pejabat pas didemo wkwk", None),
    ("hati saya kebakaran liat harga beras naik terus 😂", None),
    ("Toko online kami lagi banjir orderan, makasih min", None),
    ("panasnya siang ini kayak kebakaran, mohon pohon peneduh di alun-alun", None),
    ("wkwk admin lambat kayak siput, kalau ada kebakaran udah jadi abu duluan", None),
    ("Banjir air mata nonton video bupati bagi-bagi sembako", None),
    ("dompet saya kebakaran tiap akhir bulan hehe", None),
    (
        "maaf salah kirim, tadi maksudnya nanya jadwal posyandu bukan lapor kecelakaan",
        None,
    ),
]

# Round 2: held out once (see the package docstring), now part of the dev set.
ROUND_2: Rows = [
    ("Pak tolong, gudang rongsokan di belakang rumah saya kebakar, apinya udah ke atap", "fire"),
    ("asap ngebul dari rumah kosong sebelah, kayaknya ada yang kebakar, orangnya ga ada", "fire"),
    (
        "Kebakaran pabrik plastik di Rancaekek, ledakan terdengar beberapa kali, warga diminta "
        "menjauh",
        "fire",
    ),
    ("Cai walungan naek ka imah-imah, barudak keur di jero, tulungan!", "flood"),  # Su
    ("Banjir sampai atap di Kampung Cieunteung, warga naik ke loteng nunggu perahu", "flood"),
    ("Tolong bpbd, air sungai Citarik meluap, rumah di RW 04 terendam sepinggang", "flood"),
    (
        "jalan Cijapati ketutup longsoran, ada angkot kejebak, penumpangnya masih di dalam",
        "landslide",
    ),
    ("Longsor barusan di Kp. Cigentur, 1 rumah rata dengan tanah", "landslide"),
    (
        "Ada kecelakaan beruntun di tanjakan Emen, 3 mobil, mohon bantu evakuasi",
        "traffic_accident",
    ),
    (
        "tolong pa, ada anak ketabrak motor di depan SD Sukamaju, kakinya patah",
        "traffic_accident",
    ),
    ("Motor slip masuk jurang di Rancabali, pengendara belum ketemu", "traffic_accident"),
    (
        "Adik saya kejang dan panas tinggi, puskesmas tutup, mohon bantuan ambulans desa",
        "medical",
    ),
    ("Ada ibu-ibu pingsan di pasar Majalaya, tidak ada yang berani bantu", "medical"),
    ("abah tiba-tiba teu bisa ngomong, sabeulah awakna lumpuh, sigana stroke", "medical"),  # Su
    (
        "warga keracunan makanan dari hajatan, ada 20 orang dibawa ke puskesmas sekarang",
        "medical",
    ),
    ("Suami saya mukulin saya terus dari tadi, saya kunci diri di kamar, tolong", "violence"),
    ("Rumah tetangga dibobol maling, malingnya masih di dalam rumah, tolong polisi", "violence"),
    (
        "ada tawuran antar kampung di jembatan Dayeuhkolot, sudah ada yang luka kena batu",
        "violence",
    ),
    ("pohon beringin tumbang nimpa warung, ada orang ketiban", "other"),
    ("Anak tetangga kecebur sumur, masih kedengeran suaranya, tolong cepat!!", "other"),
    (
        "Mohon info, rumah yang kebakaran di Cangkuang bulan puasa kemarin dapat bantuan apa saja?",
        None,
    ),
    ("Bantuan terpal untuk korban banjir Baleendah sudah sampai belum ya?", None),
    (
        "kemarin malam ada tabrakan di Cibiru, sekarang lampu merahnya masih mati, tolong "
        "diperbaiki",
        None,
    ),
    ("Saya mau bikin surat kehilangan karena dompet hilang waktu kebakaran pasar", None),
    (
        "Jalan di Pangalengan sering longsor tiap musim hujan, kapan dibangun tembok penahan?",
        None,
    ),
    (
        "banjir di jalan Moh Toha sudah surut, tapi lumpurnya tebal, minta disemprot damkar",
        None,
    ),
    ("Apakah damkar bisa bantu ambil sarang tawon di atap rumah?", None),
    ("Tetangga sering bertengkar tiap malam, berisik sampai jam 2", None),
    (
        "Bagaimana cara mengurus santunan jasa raharja untuk anak saya yang meninggal karena "
        "kecelakaan?",
        None,
    ),
    ("Saluran irigasi jebol bikin sawah kering, petani rugi", None),
    ("Video kebakaran di grup WA itu hoaks ya min? warga jadi panik", None),
    ("pelatihan P3K buat kader posyandu kapan diadakan lagi?", None),
    ("Anak saya pernah kejang waktu demam, apakah imunisasi tetap boleh?", None),
    ("jalan rusak parah di Ciwidey, kalau malam bisa bikin motor jatuh", None),
    ("Kemarin ada maling motor di masjid, tolong pasang CCTV di parkiran", None),
    ("Hujan deras sejak siang, semoga tidak banjir seperti bulan lalu", None),
    ("Harga cabai naik gila-gilaan, dapur kami kebakaran tiap hari wkwk", None),
    ("mohon data rumah rusak akibat gempa Kertasari tahun 2024 dibuka ke publik", None),
    ("Lampu jalan di tanjakan Nagreg mati, gelap banget, rawan tabrakan malam hari", None),
    ("Petugas damkar tadi sudah datang dan api sudah padam, terima kasih respon cepatnya", None),
]

# Round 3: held out once (see the package docstring), now part of the dev set.
ROUND_3: Rows = [
    ("Tolong damkar!! rumah di Gg. Kenanga 3 Soreang kebakaran, ada nenek di dalam", "fire"),
    (
        "Kios bensin eceran kebakar di pinggir jalan Banjaran, api gede, motor2 ikut terbakar",
        "fire",
    ),
    ("Aya seuneu gede di pabrik Cisirung ayeuna, haseup hideung kamana mana", "fire"),  # Su
    (
        "air sungai Cikapundung naik terus, sudah masuk ke rumah warga di bantaran, mohon "
        "evakuasi lansia",
        "flood",
    ),
    ("Banjir di Bojongsoang udah sepaha, listrik mati, kami butuh perahu buat keluar", "flood"),
    (
        "Kampung kami kebanjiran, air setinggi dada, ada bayi yang belum bisa dievakuasi",
        "flood",
    ),
    (
        "Tebing di samping SDN Mekarsari longsor nimpa ruang kelas, anak-anak lagi belajar",
        "landslide",
    ),
    (
        "tanah longsor menutup jalan desa, ada 2 rumah tertimbun, warga menggali pakai tangan",
        "landslide",
    ),
    (
        "tabrakan motor sama truk pasir di jalan raya Ciwidey, pengendaranya ga gerak",
        "traffic_accident",
    ),
    ("Bus pariwisata terguling di turunan Ciater, banyak korban luka", "traffic_accident"),
    ("Barusan ada yg ketabrak kereta di perlintasan Cikudapateuh", "traffic_accident"),
    (
        "Bapak saya pingsan pas kerja bakti, napasnya berat, tolong kirim ambulans ke RW 02",
        "medical",
    ),
    ("ada orang kejang-kejang di halte depan RS, tidak ada yang nolong", "medical"),
    (
        "Istri saya pendarahan banyak, bidan desa tidak bisa dihubungi, kami butuh ambulans",
        "medical",
    ),
    (
        "Murid SD keracunan jajanan, banyak yang muntah dan lemas, sekarang di UKS",
        "medical",
    ),
    ("Ada begal lagi ngejar pengendara di jalan Cipatik, bawa golok!!", "violence"),
    (
        "tetangga lagi dianiaya sama pacarnya, teriak-teriak minta tolong, pintu dikunci",
        "violence",
    ),
    (
        "Rombongan geng motor ngerusak warung dan mukulin orang di Cileunyi sekarang",
        "violence",
    ),
    (
        "Gas bocor di rumah makan padang, baunya nyengat banget, semua orang sudah keluar",
        "other",
    ),
    (
        "ada anak kesetrum kabel PLN yang jatuh ke jalan, masih nempel, tolong matikan listrik",
        "other",
    ),
    ("Pak, rumah saya yang kebakaran tahun kemarin kapan dapat bantuan bedah rumah?", None),
    (
        "korban longsor Cimenyan minta kejelasan relokasi, sudah 6 bulan tinggal di pengungsian",
        None,
    ),
    (
        "Kenapa mobil damkar Soreang sering telat? waktu kebakaran di Ciwidey datang 1 jam "
        "kemudian",
        None,
    ),
    (
        "Tolong perbaiki tanggul sungai Citarum di Dayeuhkolot sebelum musim hujan, takut "
        "jebol lagi",
        None,
    ),
    ("Bagaimana prosedur laporan kecelakaan kerja untuk klaim BPJS Ketenagakerjaan?", None),
    ("Saya mau lapor, kemarin sore anak saya dipukul gurunya di sekolah", None),
    ("Mohon dipasang rambu hati-hati, tikungan di Cikalong sering jadi tempat kecelakaan", None),
    ("Pak kades, banjir minggu lalu merusak jalan desa, sekarang berlubang parah", None),
    ("Aduh, grup WA RT banjir chat soal iuran 17an, tolong admin tertibkan", None),
    ("tiap musim kemarau sering kebakaran lahan di Kertasari, mohon patroli", None),
    ("Ada pelatihan penggunaan APAR untuk pedagang pasar? kami siap ikut", None),
    ("Truk tronton parkir di tikungan, bisa bikin kecelakaan, tolong ditertibkan", None),
    ("Obat untuk pasien kejang di puskesmas Pangalengan habis, mohon diadakan", None),
    (
        "Sinyal HP di desa kami hilang kalau hujan deras, padahal daerah rawan longsor",
        None,
    ),
    (
        "Anak-anak muda balapan liar tiap malam minggu, tolong polisi sebelum ada korban",
        None,
    ),
    ("cerita lama, rumah nenek saya dulu hangus terbakar waktu tahun 98", None),
    ("Jembatan bambu di Cisewu sudah lapuk, kalau banjir datang pasti hanyut", None),
    (
        "Tolong hapus foto korban kecelakaan yang disebar akun kecamatan, kasihan keluarganya",
        None,
    ),
    ("apakah ada bantuan sembako buat warga terdampak banjir kemarin?", None),
    ("Selamat pagi, saya mau tanya jam buka layanan ambulans gratis desa", None),
]
