"""Canned replies of the demo Pemda: the answers officers send most, with their variables."""

from sigap.demo.content.rows import CannedReplyRow

CANNED_REPLIES: list[CannedReplyRow] = [
    {
        "agency": "",
        "title": "Laporan diterima dan sedang diverifikasi",
        "body": "Yth. {nama}, terima kasih atas laporan Anda ({nomor}). Laporan sedang kami "
        "verifikasi dan akan diteruskan ke instansi yang berwenang. Perkembangannya dapat "
        "dilihat di {tautan}.",
    },
    {
        "agency": "",
        "title": "Mohon lengkapi lokasi",
        "body": "Yth. {nama}, agar laporan {nomor} dapat segera ditindaklanjuti, mohon kirimkan "
        "lokasi yang lebih rinci (nama jalan, RT/RW, desa) atau bagikan titik lokasi melalui "
        "WhatsApp. Terima kasih.",
    },
    {
        "agency": "",
        "title": "Mohon kirim foto",
        "body": "Yth. {nama}, mohon kirimkan foto kondisi yang dilaporkan pada laporan {nomor} "
        "agar petugas dapat menilai penanganannya. Terima kasih.",
    },
    {
        "agency": "dputr",
        "title": "Jalan rusak dijadwalkan survei",
        "body": "Yth. {nama}, laporan {nomor} tentang {kategori} sudah diterima {instansi}. Tim "
        "kami akan melakukan survei lokasi dan menjadwalkan perbaikan sesuai prioritas. "
        "Perkembangan dapat dilihat di {tautan}.",
    },
    {
        "agency": "dinkes",
        "title": "Keluhan layanan puskesmas ditindaklanjuti",
        "body": "Yth. {nama}, terima kasih atas masukan Anda ({nomor}). {instansi} sudah "
        "meneruskan keluhan ini kepada kepala puskesmas terkait untuk ditindaklanjuti. Kami "
        "akan mengabarkan hasilnya melalui kanal ini.",
    },
]
