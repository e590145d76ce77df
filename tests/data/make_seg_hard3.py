"""Build ``seg_hard3.jsonl``: a third held-out set of hard Indonesian paragraphs with gold spans.

Why a third set: ``seg_hard.jsonl`` and ``seg_hard2.jsonl`` join sentences with one space, so they never test
newlines inside a paragraph, and they have few multi-sentence or nested quotations. This set was written before
looking at the splitter and covers (a) paragraphs with newlines: hard-wrapped lines where a sentence goes on
past the line end, versus lines that are units without final punctuation (headlines, bylines, datelines, list
lines, "Baca juga:" lines); (b) quotation-heavy text (speech tags after ?/!, tag first, nested quotes,
straight and ``'' quotes, quotes ending with an ellipsis); (c) sentence-final abbreviations, name particles
and initials, sentences opening with a number, ellipses before lower- and upper-case words. All text was
written for this project. Gold is conservative: doubtful boundaries were left out of the set.

A paragraph is a list of sentences. A sentence is joined to the one before it by one space, or by a newline
when it starts with ``|`` (the marker is dropped). A newline inside a sentence string is a hard wrap: the
sentence goes on. Spans are exact by construction.

    python tests/data/make_seg_hard3.py   # rewrites tests/data/seg_hard3.jsonl
"""

from __future__ import annotations

import seg_gold  # tests/data/seg_gold.py: this script runs from its own folder
from pathlib import Path

PARAGRAPHS: list[tuple[str, list[str]]] = [
    # --- hard-wrapped lines: the sentence goes on past the newline ---
    ("wrap", [
        "Pemerintah Kabupaten Sleman memperpanjang status tanggap darurat\nbencana hingga akhir bulan ini.",
        "Keputusan itu diambil setelah hujan deras kembali mengguyur lereng\nMerapi pada Rabu malam.",
    ]),
    ("wrap", [
        "Sebanyak 240 keluarga masih mengungsi di balai desa dan\nsekolah dasar terdekat.",
        "Relawan dari berbagai daerah berdatangan membawa bahan makanan,\nselimut, dan obat-obatan.",
        "|Posko kesehatan dibuka selama 24 jam.",
    ]),
    ("wrap", [
        "Menteri Kesehatan Budi Gunadi Sadikin meninjau rumah sakit rujukan di\nMakassar, Sulawesi Selatan, pada Kamis pagi.",
        "Dalam kunjungan itu, ia didampingi oleh\nGubernur Sulawesi Selatan dan sejumlah kepala dinas.",
    ]),
    ("wrap", [
        "Harga cabai rawit di Pasar Kramat Jati naik menjadi Rp85.000 per\nkilogram.",
        "|Pedagang menyebut pasokan dari Jawa Tengah berkurang karena\ncuaca buruk.",
        "|Kenaikan serupa terjadi pada bawang merah.",
    ]),
    ("wrap", [
        "Rapat paripurna DPR yang dipimpin oleh Wakil Ketua DPR\nSufmi Dasco Ahmad itu dihadiri 312 anggota.",
        "Sebanyak delapan fraksi menyetujui rancangan undang-undang\ntersebut untuk disahkan.",
    ]),
    ("wrap", [
        "Kepolisian Daerah Jawa Timur menangkap tiga tersangka pengedar\nnarkoba di Surabaya.",
        "Dari tangan para tersangka, polisi menyita 2,5 kilogram sabu\ndan uang tunai Rp40 juta.",
        "|Ketiganya kini ditahan di Mapolda Jatim.",
    ]),
    ("wrap", [
        "Penelitian yang dipimpin oleh Dr.\nSiti Nurhaliza dari Universitas Gadjah Mada itu melibatkan 1.200 responden.",
        "Hasilnya akan dipublikasikan tahun depan.",
    ]),
    ("wrap", [
        "Proyek jalan tol Trans-Sumatra ruas Bengkulu–Taba Penanjung\nditargetkan rampung pada Desember 2025.",
        "|PT Hutama Karya (Persero) selaku pelaksana proyek menyatakan\nprogres fisik sudah mencapai 78 persen.",
    ]),
    ("wrap", [
        "Bank Indonesia mempertahankan suku bunga acuan di level 6 persen,\nsesuai perkiraan sebagian besar ekonom.",
        "Gubernur BI Perry Warjiyo mengatakan keputusan itu diambil untuk\nmenjaga stabilitas nilai tukar rupiah.",
    ]),
    ("wrap", [
        "Sekolah-sekolah di Kota Padang kembali menggelar pembelajaran tatap\nmuka mulai Senin.",
        "Dinas Pendidikan meminta orang tua memastikan anak-anak dalam\nkondisi sehat sebelum berangkat.",
    ]),
    ("wrap", [
        "Gempa berkekuatan magnitudo 5,6 mengguncang Cianjur, Jawa Barat,\npada pukul 13.21 WIB.",
        "|BMKG menyatakan gempa tidak berpotensi tsunami.",
    ]),
    ("wrap", [
        "Menurut data Badan Pusat Statistik, jumlah penduduk miskin\nturun menjadi 25,2 juta orang.",
        "|Angka itu setara dengan 9,03 persen dari total penduduk.",
    ]),
    # --- lines that end a unit without final punctuation ---
    ("lines", [
        "Banjir Rendam Tiga Kecamatan di Bekasi",
        "|Oleh: Budi Santoso",
        "|Hujan deras sejak Sabtu malam membuat Kali Bekasi meluap.",
        "Ribuan rumah di tiga kecamatan terendam hingga satu meter.",
    ]),
    ("lines", [
        "Harga Beras Kembali Naik Jelang Ramadan",
        "|Jakarta, 3 Maret 2025",
        "|Harga beras medium di sejumlah pasar tradisional naik Rp1.000 per kilogram.",
    ]),
    ("lines", [
        "Pedagang mengeluhkan sepinya pembeli sejak pasar direnovasi.",
        "|Baca juga: Revitalisasi Pasar Senen Molor Dua Bulan",
        "|Pemerintah daerah berjanji menambah papan petunjuk arah.",
    ]),
    ("lines", [
        "Syarat pendaftaran calon anggota PPK antara lain:",
        "|- warga negara Indonesia",
        "|- berusia paling rendah 17 tahun",
        "|- berdomisili di wilayah kecamatan setempat",
        "|Berkas diserahkan paling lambat Jumat pekan depan.",
    ]),
    ("lines", [
        "Panitia menetapkan tiga tahap seleksi:",
        "|1) seleksi administrasi",
        "|2) tes tertulis",
        "|3) wawancara",
        "|Pengumuman akhir dijadwalkan pada 20 Mei.",
    ]),
    ("lines", [
        "Tips Aman Berkendara Saat Musim Hujan",
        "|Oleh: Rina Kartika",
        "|Jalanan licin menjadi penyebab utama kecelakaan sepeda motor pada musim hujan.",
    ]),
    ("lines", [
        "Bupati meminta camat segera mendata rumah yang rusak.",
        "|Baca juga: Ratusan Rumah Rusak Diterjang Puting Beliung di Sidrap",
        "|Bantuan tahap pertama akan disalurkan pekan ini.",
    ]),
    ("lines", [
        "Barang bukti yang disita polisi:",
        "|- 12 unit telepon genggam",
        "|- 3 unit laptop",
        "|- uang tunai Rp15.850.000",
        "|Semua barang bukti dibawa ke Mapolres Metro Jakarta Barat.",
    ]),
    ("lines", [
        "Persebaya Tekuk Arema 2-0",
        "|Surabaya, Minggu (9/3/2025)",
        "|Persebaya Surabaya mengalahkan Arema FC dalam laga Liga 1 di Stadion Gelora Bung Tomo.",
    ]),
    ("lines", [
        "Pemerintah menyiapkan empat langkah:",
        "|a. menambah kuota pupuk bersubsidi",
        "|b. memperbaiki saluran irigasi",
        "|c. menyediakan benih unggul",
        "|Langkah itu ditargetkan selesai sebelum musim tanam.",
    ]),
    ("lines", [
        "Editor: Yohanes Prasetyo",
        "|Penulis: Dewi Anggraini",
        "|Sumber: Antara",
    ]),
    ("lines", [
        "Kronologi Kejadian",
        "|Kebakaran bermula dari korsleting listrik di lantai dua.",
        "Api dengan cepat menjalar ke bangunan di sebelahnya.",
    ]),
    ("lines", [
        "Jadwal pemadaman listrik bergilir:",
        "|• Senin, pukul 09.00–12.00 WIB",
        "|• Selasa, pukul 13.00–16.00 WIB",
        "|PLN meminta pelanggan menyiapkan penerangan cadangan.",
    ]),
    ("lines", [
        "Wali Kota Bogor Resmikan Taman Baru",
        "|BOGOR, KOMPAS — Taman seluas dua hektare itu dibuka untuk umum mulai Sabtu.",
        "Pengunjung tidak dipungut biaya.",
    ]),
    # --- multi-sentence and tagged quotations ---
    ("quote", [
        "“Mengapa kami yang disalahkan?” tanya Darto, ketua kelompok tani.",
        "“Kami sudah menanam sesuai jadwal.",
        "Airnya saja yang tidak datang.”",
        "Dinas Pertanian berjanji turun ke lapangan.",
    ]),
    ("quote", [
        "Kata dia, “Pemerintah tidak akan menaikkan harga BBM tahun ini.”",
        "Pernyataan itu meredakan kekhawatiran pasar.",
    ]),
    ("quote", [
        "“Cukup!” bentak hakim ketua.",
        "Ruang sidang seketika hening.",
    ]),
    ("quote", [
        "\"Siapa yang mengizinkan bangunan ini berdiri?\" tanya anggota DPRD itu dengan nada tinggi.",
        "Tak seorang pun pejabat dinas menjawab.",
    ]),
    ("quote", [
        "“Ibu saya selalu bilang, ‘Jangan pernah lupa asal-usulmu.’",
        "Itu yang saya pegang sampai sekarang,” tutur pengusaha asal Madura itu.",
    ]),
    ("quote", [
        "``Kami belum menerima surat resmi,'' kata juru bicara perusahaan.",
        "Ia enggan berkomentar lebih jauh.",
    ]),
    ("quote", [
        "“Entahlah…” jawabnya pelan.",
        "Ia lalu menunduk.",
    ]),
    ("quote", [
        "\"Kami tunggu saja hasilnya...\" ujar kuasa hukum terdakwa.",
        "Putusan akan dibacakan pekan depan.",
    ]),
    ("quote", [
        "Menurut Sri, \"Ekonomi kita masih tumbuh di atas lima persen.",
        "Itu capaian yang baik di tengah ketidakpastian global.\"",
        "Ia optimistis target tahun depan tercapai.",
    ]),
    ("quote", [
        "“Apa?",
        "Tidak mungkin!” seru Nani ketika mendengar kabar itu.",
        "Ia bergegas menuju rumah sakit.",
    ]),
    ("quote", [
        "“Siap, Komandan!” jawab para prajurit serentak.",
        "Upacara dilanjutkan dengan pemberian penghargaan.",
    ]),
    ("quote", [
        "“Mau bagaimana lagi?” keluh Ratna.",
        "“Harga naik terus, gaji tidak.”",
        "Ia kini berjualan kue untuk menambah penghasilan.",
    ]),
    ("quote", [
        "Direktur utama itu menegaskan, \"Tidak ada PHK.",
        "Semua karyawan tetap bekerja.\"",
        "Serikat pekerja menyambut baik pernyataan itu.",
    ]),
    ("quote", [
        "'Apakah kamu lapar?' tanya sang nenek.",
        "Cucunya mengangguk.",
    ]),
    ("quote", [
        "“Ini rumah kami sejak 1965,” ucap Mbah Karto.",
        "“Kami tidak akan pergi.”",
        "Eksekusi lahan pun ditunda.",
    ]),
    ("quote", [
        "“Kenapa baru sekarang?!” protes seorang warga.",
        "Petugas meminta warga bersabar.",
    ]),
    ("quote", [
        "Ia menulis di akun media sosialnya: “Terima kasih atas doanya.",
        "Saya sudah pulih.”",
        "Unggahan itu disukai ribuan warganet.",
    ]),
    ("quote", [
        "“Kalau hujan, ya kebanjiran lagi…,” kata seorang warga Kampung Melayu.",
        "Ia sudah tinggal di sana selama 30 tahun.",
    ]),
    ("quote", [
        "\"Menurut Anda, apakah putusan itu adil?\" tanya wartawan.",
        "\"Saya menghormati putusan hakim,\" jawab Menteri.",
    ]),
    # --- sentence-final abbreviations followed by a new sentence ---
    ("abbr-end", [
        "Toko itu menjual beras, minyak goreng, gula, dll.",
        "Selain itu, tersedia pula kebutuhan sekolah.",
    ]),
    ("abbr-end", [
        "Kuasa hukum korban adalah Andi Saputra, S.H.",
        "Ia meminta polisi segera menetapkan tersangka.",
    ]),
    ("abbr-end", [
        "Saham itu dimiliki PT Sinar Abadi Tbk.",
        "Perseroan berencana menerbitkan obligasi tahun depan.",
    ]),
    ("abbr-end", [
        "Acara dihadiri oleh camat, lurah, tokoh agama, dsb.",
        "Semua peserta mendapat sertifikat.",
    ]),
    ("abbr-end", [
        "Surat itu ditandatangani oleh dr. Ratna Dewi, Sp.A.",
        "Ia merupakan dokter anak di rumah sakit tersebut.",
    ]),
    ("abbr-end", [
        "Laporan itu disusun oleh Hendra Wijaya, M.Si.",
        "Hasilnya diserahkan kepada wali kota.",
    ]),
    ("abbr-end", [
        "Alamat kantornya di Jl. Diponegoro No. 12, Kec. Menteng.",
        "Kantor buka setiap hari kerja.",
    ]),
    ("abbr-end", [
        "Rinciannya dapat dilihat di lampiran hlm. 45.",
        "Dokumen lengkap tersedia di situs resmi kementerian.",
    ]),
    ("abbr-end", [
        "Gugatan diajukan oleh PT Karya Makmur dkk.",
        "Sidang perdana dijadwalkan bulan depan.",
    ]),
    ("abbr-end", [
        "Peserta wajib membawa KTP, KK, pas foto, dll.",
        "|Pendaftaran dibuka pukul 08.00 WIB.",
    ]),
    ("abbr-end", [
        "Pemenang lomba menulis tahun ini adalah Fitri Handayani, S.Pd.",
        "Karyanya mengangkat kisah guru honorer di pedalaman Papua.",
    ]),
    # --- initials, name particles and honorifics ---
    ("names", [
        "Bandara Soekarno-Hatta dinamai dari dua proklamator, Ir. Soekarno dan Drs. Moh. Hatta.",
        "Bandara itu mulai beroperasi pada 1985.",
    ]),
    ("names", [
        "Pesantren itu didirikan oleh K.H. Abd. Rahman pada 1932.",
        "Kini santrinya mencapai 3.000 orang.",
    ]),
    ("names", [
        "K.H. Abdurrahman Wahid menjabat presiden pada 1999 hingga 2001.",
        "Ia dikenal sebagai tokoh pluralisme.",
    ]),
    ("names", [
        "Kepala desa Muh. Syarif mengaku belum menerima dana tersebut.",
        "Ia meminta inspektorat turun tangan.",
    ]),
    ("names", [
        "Sidang dipimpin hakim ketua H. M. Yusuf, S.H., M.H., didampingi dua hakim anggota.",
        "Terdakwa hadir didampingi kuasa hukumnya.",
    ]),
    ("names", [
        "Penghargaan diberikan kepada Prof. Dr. Ir. Bambang S. Wibowo atas risetnya tentang padi.",
        "Ia telah meneliti varietas unggul selama dua dekade.",
    ]),
    ("names", [
        "Kapolres AKBP R. Agus Setiawan memimpin langsung penggerebekan.",
        "Petugas mengamankan lima orang.",
    ]),
    ("names", [
        "Buku karya A. A. Navis itu dicetak ulang untuk keenam kalinya.",
        "Penerbit menyiapkan 5.000 eksemplar.",
    ]),
    ("names", [
        "Rumah duka Almh. Hj. Siti Aminah berada di Kel. Kebon Jeruk.",
        "Jenazah dimakamkan selepas salat zuhur.",
    ]),
    ("names", [
        "Tim kuasa hukum dipimpin oleh Ny. Lina Marlina dan Tn. Robert Sihombing.",
        "Keduanya meminta sidang dibuka untuk umum.",
    ]),
    ("names", [
        "Pidato itu disampaikan oleh Sdr. Ahmad Fauzi selaku ketua panitia.",
        "Ia berterima kasih kepada seluruh donatur.",
    ]),
    # --- sentences opening with a number ---
    ("number-start", [
        "Tahun lalu merupakan tahun terpanas yang pernah tercatat.",
        "2025 menjadi tahun yang menentukan bagi kebijakan iklim Indonesia.",
    ]),
    ("number-start", [
        "Kecelakaan beruntun terjadi di Tol Cipularang Km 92.",
        "10 orang tewas dan 23 lainnya luka-luka.",
    ]),
    ("number-start", [
        "Pemerintah membuka seleksi CPNS untuk 250.000 formasi.",
        "40 persen di antaranya dialokasikan untuk tenaga kesehatan.",
    ]),
    ("number-start", [
        "Lomba itu diikuti oleh 12 tim dari seluruh provinsi.",
        "Ke-12 tim tersebut akan bertanding selama tiga hari.",
    ]),
    ("number-start", [
        "Pendaftar terbanyak berasal dari Jawa Barat.",
        "3.450 pendaftar di antaranya lulusan SMA.",
    ]),
    ("number-start", [
        "Harga emas Antam naik Rp12.000 pada perdagangan Selasa.",
        "1 gram emas kini dijual Rp1.540.000.",
    ]),
    ("number-start", [
        "Proklamasi dibacakan pada 17.8.1945 di Jalan Pegangsaan Timur 56.",
        "1945 menjadi tonggak sejarah bangsa.",
    ]),
    # --- ellipses ---
    ("ellipsis", [
        "Ia menatap laut lama sekali... lalu pergi tanpa berkata apa-apa.",
        "Esoknya, perahunya tak lagi terlihat.",
    ]),
    ("ellipsis", [
        "Saya sudah berusaha sekuat tenaga...",
        "Sisanya saya serahkan kepada Tuhan.",
    ]),
    ("ellipsis", [
        "Rapat itu membahas banyak hal… mulai dari anggaran hingga jadwal kegiatan.",
        "Hasilnya akan diumumkan besok.",
    ]),
    ("ellipsis", [
        "Penonton menunggu, menunggu, dan terus menunggu…",
        "Band itu baru naik panggung pukul 23.00.",
    ]),
    ("ellipsis", [
        "Surat itu hanya berbunyi: “Maafkan aku... aku harus pergi.”",
        "Keluarga langsung melapor ke polisi.",
    ]),
    ("ellipsis", [
        "Ia mengutip pasal itu: \"Setiap orang berhak atas pendidikan ...\"",
        "Menurutnya, negara belum memenuhi kewajiban tersebut.",
    ]),
    # --- mixed: URLs, e-mails, company names across newlines ---
    ("mixed", [
        "Informasi lengkap dapat dilihat di https://www.bps.go.id/id/statistics-table.",
        "|Data diperbarui setiap bulan.",
    ]),
    ("mixed", [
        "Pengaduan dapat dikirim ke pengaduan@ojk.go.id atau melalui nomor 157.",
        "OJK menjamin kerahasiaan pelapor.",
    ]),
    ("mixed", [
        "PT Bank Rakyat Indonesia (Persero) Tbk. mencatat laba bersih Rp60,4 triliun.",
        "Laba itu tumbuh 14 persen dibandingkan tahun sebelumnya.",
    ]),
    ("mixed", [
        "Laporan keuangan PT Telkom Indonesia Tbk. dapat diunduh di\nwww.telkom.co.id.",
        "|Perseroan akan menggelar paparan publik pada 5 Juni.",
    ]),
    ("mixed", [
        "Harga Minyak Dunia Turun",
        "|Harga minyak mentah jenis Brent turun 2,3 persen menjadi 78,4 dolar AS per barel.",
        "Penurunan dipicu melemahnya permintaan dari Tiongkok.",
    ]),
    ("mixed", [
        "“Silakan cek di bit.ly/cekbansos2025,” kata petugas.",
        "Warga dapat memasukkan NIK untuk melihat status bantuan.",
    ]),
    ("mixed", [
        "Ia lahir di Padang pada 1960-an.",
        "Sejak kecil, ia gemar membaca.",
    ]),
    ("mixed", [
        "Pertandingan dimulai pukul 19.00 WIB.",
        "|Tiket dijual mulai Rp50.000 di loket stadion.",
        "|Penonton diminta datang lebih awal.",
    ]),
]



def build() -> list[dict]:
    return seg_gold.build(PARAGRAPHS, "hard3")


if __name__ == "__main__":
    seg_gold.write(Path(__file__).with_name("seg_hard3.jsonl"), build())
