"""Knowledge-base articles of the demo Pemda: common questions answered without waiting for staff.

Answers stay general where fees, hours or quotas differ by place or change by year; they point
the citizen to the official channel for the current details.
"""

from sigap.demo.content.rows import KnowledgeRow

KNOWLEDGE_ARTICLES: list[KnowledgeRow] = [
    {
        "agency": "bdg",
        "title": "Cara cek status laporan Sigap",
        "questions": [
            "gimana cara cek laporan saya?",
            "laporan sy udah sampe mana",
            "nomor laporan BDG itu buat apa",
            "kapan laporan saya ditanggapi?",
            "punten, kumaha ngecek laporan abdi?",
        ],
        "answer": "Setiap laporan mendapat nomor pelacakan, misalnya BDG-2611-00042, yang dikirim "
        'saat laporan diterima. Untuk melihat perkembangannya, kirim pesan "cek status '
        'BDG-2611-00042" (ganti dengan nomor Anda) melalui kanal yang sama, atau buka halaman '
        "lacak laporan di situs Sigap. Sesuai praktik SP4N-LAPOR!, laporan diverifikasi dan "
        "diteruskan ke instansi berwenang paling lambat 3 hari kerja, ditindaklanjuti instansi "
        "paling lambat 5 hari kerja, dan ditutup bila 10 hari kerja setelah tindak lanjut tidak "
        "ada tanggapan dari pelapor. Anda dapat memilih laporan anonim (identitas disembunyikan) "
        "atau rahasia (isi laporan tidak dipublikasikan).",
        "source_url": "https://www.lapor.go.id",
    },
    {
        "agency": "cc",
        "title": "Nomor darurat 112 dan nomor darurat lainnya",
        "questions": [
            "nomor darurat kab bandung berapa?",
            "112 itu buat apa",
            "telepon 112 bayar ga?",
            "kalau kebakaran nelpon kemana",
            "nomor ambulans berapa",
        ],
        "answer": "Hubungi 112 untuk semua keadaan darurat: kebakaran, kecelakaan, bencana, "
        "kegawatdaruratan medis, dan gangguan keamanan. Panggilan 112 bebas pulsa. Operator "
        "Command Center akan meneruskan ke instansi yang tepat. Nomor darurat nasional lain: 110 "
        "(polisi), 113 (pemadam kebakaran), 115 (Basarnas/SAR), 119 (ambulans/PSC 119). Sebutkan "
        "lokasi sejelas mungkin (kampung, RT/RW, desa, kecamatan, patokan) dan jenis kejadian. "
        "Panggilan iseng menghambat pertolongan bagi warga yang benar-benar membutuhkan.",
        "source_url": "",
    },
    {
        "agency": "disdukcapil",
        "title": "Syarat membuat KTP-el",
        "questions": [
            "syarat bikin ktp apa aja?",
            "anak sy baru 17 taun mau bikin ktp gimana",
            "bikin ktp bayar ga?",
            "rekam ktp dimana",
            "ktp el berlaku sampai kapan",
            "ngadamel ktp kedah nyandak naon?",
        ],
        "answer": "KTP-el wajib dimiliki WNI yang telah berusia 17 tahun, sudah kawin, atau pernah "
        "kawin. Datang ke Disdukcapil atau tempat perekaman yang ditunjuk (misalnya kecamatan) "
        "dengan membawa Kartu Keluarga atau cukup menyebutkan NIK, lalu lakukan perekaman foto, "
        "sidik jari, dan iris mata. Pengurusan dan penerbitan dokumen kependudukan, termasuk "
        "KTP-el, tidak dipungut biaya (UU 24/2013). KTP-el berlaku seumur hidup; penggantian "
        "diperlukan bila data berubah, rusak, atau hilang. Bila ada yang meminta bayaran, "
        "laporkan melalui Sigap.",
        "source_url": "",
    },
    {
        "agency": "disdukcapil",
        "title": "KTP-el hilang atau rusak",
        "questions": [
            "ktp saya hilang gimana ngurusnya",
            "ktp rusak patah bisa diganti?",
            "ktp ilang harus ke polisi dulu?",
            "cetak ulang ktp syaratnya apa",
        ],
        "answer": "Untuk KTP-el rusak, bawa KTP-el yang rusak ke Disdukcapil atau tempat layanan "
        "yang ditunjuk. Untuk KTP-el hilang, bawa Kartu Keluarga; sebagian tempat layanan masih "
        "meminta surat keterangan kehilangan dari kepolisian, jadi tanyakan dahulu ke petugas "
        "atau kanal resmi Disdukcapil. Penggantian KTP-el tidak dipungut biaya.",
        "source_url": "",
    },
    {
        "agency": "disdukcapil",
        "title": "Akta kelahiran gratis dan syaratnya",
        "questions": [
            "bikin akta lahir bayar ga",
            "syarat akta kelahiran anak apa aja",
            "akta lahir telat ngurus kena denda?",
            "nikah siri bisa bikin akta anak?",
            "akta kelahiran bisa diurus online?",
        ],
        "answer": "Penerbitan akta kelahiran tidak dipungut biaya (UU 24/2013). Persyaratan umum: "
        "surat keterangan kelahiran dari rumah sakit, puskesmas, bidan, atau desa/kelurahan; "
        "Kartu Keluarga; dan buku nikah atau akta perkawinan orang tua. Bila tidak memiliki bukti "
        "perkawinan, pencatatan tetap dapat dilakukan dengan Surat Pernyataan Tanggung Jawab "
        "Mutlak (SPTJM). Laporkan kelahiran sedini mungkin; kelahiran yang terlambat dilaporkan "
        "tetap dapat dicatat. Tanyakan layanan daring dan jemput bola yang berlaku saat ini ke "
        "Disdukcapil.",
        "source_url": "",
    },
    {
        "agency": "disdukcapil",
        "title": "Jam layanan Disdukcapil",
        "questions": [
            "disdukcapil buka jam berapa",
            "capil buka hari sabtu ga?",
            "kantor disdukcapil kab bandung dimana",
            "antrian capil dibatasi ga",
            "iraha capil buka?",
        ],
        "answer": "Disdukcapil Kabupaten Bandung melayani pada hari kerja (Senin sampai Jumat) "
        "pada jam kerja kantor dan tutup pada hari libur nasional serta cuti bersama. Jumlah "
        "antrean harian dapat dibatasi, jadi datanglah lebih awal atau gunakan layanan daring "
        "bila tersedia. Perekaman dan sebagian layanan juga dapat dilayani di kecamatan. Jadwal "
        "dan kuota terbaru diumumkan melalui kanal resmi Disdukcapil.",
        "source_url": "",
    },
    {
        "agency": "disdik",
        "title": "Penerimaan murid baru (SPMB, dahulu PPDB) SD dan SMP",
        "questions": [
            "ppdb smp negeri kapan dibuka",
            "jalur spmb apa aja",
            "umur masuk sd berapa",
            "daftar sma negeri lewat mana",
            "zonasi masih ada ga",
        ],
        "answer": "Sejak 2025 penerimaan murid baru disebut SPMB (Sistem Penerimaan Murid Baru), "
        "pengganti PPDB. Untuk SD dan SMP negeri di Kabupaten Bandung, SPMB diselenggarakan "
        "Dinas Pendidikan Kabupaten Bandung melalui jalur domisili, afirmasi, mutasi (perpindahan "
        "tugas orang tua), dan untuk SMP juga jalur prestasi. Calon murid SD berusia 7 tahun "
        "diprioritaskan. Jadwal, kuota, dan syarat tiap tahun diumumkan Dinas Pendidikan. "
        "Penerimaan SMA, SMK, dan SLB negeri adalah kewenangan Pemerintah Provinsi Jawa Barat "
        "(Dinas Pendidikan Jawa Barat).",
        "source_url": "",
    },
    {
        "agency": "dinsos",
        "title": "KIS/BPJS PBI nonaktif dan cara reaktivasi",
        "questions": [
            "kis saya nonaktif gimana ngaktifinnya",
            "cara daftar bpjs gratis dari pemerintah",
            "bpjs pbi tiba2 mati pas mau berobat",
            "cara cek kis masih aktif ga",
            "kumaha ngaktifkeun deui kis?",
        ],
        "answer": "Peserta PBI (Penerima Bantuan Iuran) JKN-KIS iurannya dibayar pemerintah dan "
        "didasarkan pada data kesejahteraan sosial (DTKS, kini DTSEN). Status kepesertaan dapat "
        "dicek di aplikasi Mobile JKN atau BPJS Kesehatan Care Center 165. Bila nonaktif, ajukan "
        "pengusulan atau reaktivasi ke Dinas Sosial melalui desa/kelurahan dengan membawa KTP-el "
        "dan KK; bila sedang sakit atau dirawat, sertakan surat keterangan dari fasilitas "
        "kesehatan agar diprioritaskan. Peserta mandiri yang menunggak diurus langsung ke BPJS "
        "Kesehatan.",
        "source_url": "https://www.bpjs-kesehatan.go.id",
    },
    {
        "agency": "dinkes",
        "title": "Jam buka puskesmas",
        "questions": [
            "puskesmas buka jam berapa",
            "puskesmas buka hari minggu ga",
            "puskesmas 24 jam di kab bandung ada?",
            "berobat malam ke mana",
            "pkm sabtu buka?",
        ],
        "answer": "Pelayanan rawat jalan puskesmas berlangsung pada hari dan jam kerja, umumnya "
        "pagi sampai siang; jadwal tiap puskesmas dapat berbeda. Puskesmas dengan rawat inap "
        "atau layanan persalinan (PONED) melayani gawat darurat 24 jam. Untuk keadaan gawat "
        "darurat di luar jam layanan, hubungi PSC 119 atau 112. Peserta JKN berobat di "
        "puskesmas tempat terdaftar tanpa biaya untuk layanan yang dijamin.",
        "source_url": "",
    },
    {
        "agency": "dlh",
        "title": "Melaporkan pohon tumbang atau rawan tumbang",
        "questions": [
            "ada pohon tumbang lapor kemana",
            "pohon depan rumah mau roboh gimana",
            "minta pangkas pohon bisa?",
            "tangkal rubuh nutupan jalan",
            "pohon nimpa kabel listrik",
        ],
        "answer": "Bila pohon tumbang menimpa orang, rumah, atau kendaraan, atau menutup jalan "
        "utama, segera hubungi 112. Jangan mendekati atau menyentuh kabel listrik yang tertimpa "
        "pohon; laporkan juga ke PLN 123. Untuk pohon yang miring, rapuh, atau perlu "
        "dipangkas, kirim laporan melalui Sigap dengan lokasi jelas (nama jalan, patokan, "
        "desa, kecamatan) dan foto pohon. Pohon di lahan pribadi menjadi tanggung jawab "
        "pemiliknya.",
        "source_url": "",
    },
    {
        "agency": "dpmptsp",
        "title": "PBG sebagai pengganti IMB",
        "questions": [
            "bikin imb sekarang gimana",
            "pbg itu apa",
            "izin bangun rumah dimana ngurusnya",
            "daftar simbg caranya",
        ],
        "answer": "Sejak PP 16/2021, Izin Mendirikan Bangunan (IMB) diganti Persetujuan Bangunan "
        "Gedung (PBG). Permohonan PBG diajukan secara daring melalui SIMBG (simbg.pu.go.id) "
        "dengan dokumen rencana teknis bangunan. Besar retribusi PBG ditetapkan dalam Perda. IMB "
        "yang terbit sebelumnya tetap berlaku. Pendampingan pengajuan tersedia di DPMPTSP.",
        "source_url": "https://simbg.pu.go.id",
    },
    {
        "agency": "dpmptsp",
        "title": "Membuat Nomor Induk Berusaha (NIB)",
        "questions": [
            "cara bikin nib",
            "nib bayar ga",
            "izin usaha warung gimana",
            "daftar oss dimana",
        ],
        "answer": "NIB dibuat secara daring dan tidak dipungut biaya melalui sistem OSS "
        "(oss.go.id) dengan NIK. Untuk usaha mikro dan kecil berisiko rendah, NIB sudah berlaku "
        "sebagai perizinan berusaha. Usaha dengan risiko lebih tinggi memerlukan sertifikat "
        "standar atau izin tambahan. Bantuan pendaftaran tersedia di DPMPTSP dan Mal Pelayanan "
        "Publik.",
        "source_url": "https://oss.go.id",
    },
    {
        "agency": "bapenda",
        "title": "SPPT dan pembayaran PBB-P2",
        "questions": [
            "sppt pbb belum nyampe",
            "bayar pbb dimana aja",
            "luas tanah di sppt salah gimana",
            "pbb naik bisa keberatan?",
            "ganti nama di pbb",
        ],
        "answer": "SPPT PBB-P2 dibagikan melalui desa/kelurahan setiap tahun. Pembayaran "
        "dilakukan melalui bank dan kanal pembayaran resmi yang ditunjuk Bapenda; simpan bukti "
        "bayar. Jika data objek pajak salah (luas, nama, alamat) atau ketetapan dirasa tidak "
        "sesuai, ajukan pembetulan atau keberatan ke Bapenda dengan melampirkan SPPT, KTP-el, "
        "dan bukti kepemilikan. Tanggal jatuh tempo tercantum pada SPPT.",
        "source_url": "",
    },
    {
        "agency": "disnaker",
        "title": "Upah minimum (UMK) dan THR",
        "questions": [
            "umk kab bandung berapa",
            "gaji di bawah umk lapor kemana",
            "thr kapan paling lambat dibayar",
            "karyawan kontrak dapet thr ga",
        ],
        "answer": "Upah minimum kabupaten (UMK) ditetapkan Gubernur Jawa Barat setiap tahun; "
        "pengusaha dilarang membayar upah di bawah upah minimum. THR keagamaan wajib dibayar "
        "paling lambat 7 hari sebelum hari raya kepada pekerja dengan masa kerja minimal 1 "
        "bulan, termasuk pekerja kontrak. Pengaduan upah, THR, PHK, atau BPJS Ketenagakerjaan "
        "dapat disampaikan melalui Sigap ke Dinas Tenaga Kerja; sertakan nama perusahaan dan "
        "bukti yang ada.",
        "source_url": "",
    },
    {
        "agency": "dp2kbp3a",
        "title": "Melapor kekerasan terhadap perempuan dan anak",
        "questions": [
            "lapor kdrt kemana",
            "anak tetangga disiksa gimana lapornya",
            "korban pelecehan butuh pendampingan",
            "identitas pelapor kdrt dirahasiakan ga",
        ],
        "answer": "Bila kekerasan sedang berlangsung atau korban dalam bahaya, segera hubungi 112 "
        "atau polisi 110. Korban dapat didampingi UPTD Perlindungan Perempuan dan Anak (UPTD "
        "PPA) DP2KBP3A untuk layanan pengaduan, pendampingan hukum, psikologis, dan rumah aman. "
        "Layanan SAPA 129 Kementerian PPPA juga menerima pengaduan. Laporan dapat dibuat rahasia; "
        "identitas pelapor dan korban dilindungi.",
        "source_url": "",
    },
    {
        "agency": "distan",
        "title": "Pupuk bersubsidi",
        "questions": [
            "cara dapet pupuk subsidi",
            "rdkk itu apa",
            "pupuk subsidi harganya berapa",
            "ga masuk rdkk gimana",
        ],
        "answer": "Pupuk bersubsidi diperuntukkan bagi petani yang tergabung dalam kelompok tani "
        "dan terdaftar dalam e-RDKK; pendaftaran melalui kelompok tani dengan pendampingan "
        "penyuluh pertanian. Pupuk ditebus di kios atau pengecer resmi dengan harga tidak "
        "melebihi Harga Eceran Tertinggi (HET) yang ditetapkan pemerintah. Kios yang menjual di "
        "atas HET atau mewajibkan pembelian pupuk nonsubsidi dapat dilaporkan melalui Sigap.",
        "source_url": "",
    },
]
