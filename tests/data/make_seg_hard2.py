"""Build ``seg_hard2.jsonl``: a second, independent held-out set of hard Indonesian paragraphs with gold spans.

Why a second set: ``seg_hard.jsonl`` was written alongside the splitter rules, so it cannot tell us how the
splitter does on text nobody tuned it to. This set was written before looking at the splitter, in genres the
first set covers less (sports, court and legal news, economics, health, entertainment, opinion columns,
interviews, translated wire copy, Islamic texts, social media quotes). All text was written for this project;
none of it is copied from a data set or website. Gold is conservative: only boundaries a careful editor would
agree with. As in ``make_seg_hard.py`` each paragraph is a list of sentences joined by one space, so every
span is exact by construction.

    python tests/data/make_seg_hard2.py   # rewrites tests/data/seg_hard2.jsonl
"""

from __future__ import annotations

import seg_gold  # tests/data/seg_gold.py: this script runs from its own folder
from pathlib import Path

PARAGRAPHS: list[tuple[str, list[str]]] = [
    # --- sports ---
    ("sport", [
        "Persib Bandung menang 2-1 atas Persija Jakarta di Stadion Gelora Bandung Lautan Api, Minggu (12/11).",
        "Gol kemenangan dicetak David da Silva pada menit 45+2'.",
        "Persija sempat menyamakan kedudukan lewat tendangan bebas.",
    ]),
    ("sport", [
        "Pelatih Timnas Indonesia, Shin Tae-yong, memanggil 28 pemain untuk laga kualifikasi Piala Dunia 2026.",
        "Nama-nama baru seperti M. Ferarri dan Rizky Ridho Ramadhani masuk daftar.",
        "Latihan perdana digelar Senin sore.",
    ]),
    ("sport", [
        "Jonatan Christie melaju ke final setelah mengalahkan wakil Jepang 21-17, 19-21, 21-15.",
        "Di final, ia akan menghadapi Anders Antonsen dari Denmark.",
        "Pertandingan dijadwalkan pukul 13.00 waktu setempat.",
    ]),
    ("sport", [
        "Marc Marquez finis di posisi ketiga pada balapan MotoGP Mandalika.",
        "Francesco Bagnaia keluar sebagai juara dengan catatan waktu 40 menit 12,5 detik.",
        "Hasil ini membuat persaingan gelar makin ketat.",
    ]),
    ("sport", [
        "\"Kami bermain buruk di babak pertama,\" kata pelatih PSM Makassar Bernardo Tavares.",
        "Ia menilai anak asuhnya kehilangan konsentrasi setelah gol pertama.",
        "PSM kini tertahan di peringkat ketujuh klasemen sementara Liga 1.",
    ]),
    ("sport", [
        "Eko Yuli Irawan meraih medali perak di angkatan 61 kg putra.",
        "Total angkatannya mencapai 310 kg.",
        "Medali itu menjadi yang keempat bagi kontingen Indonesia.",
    ]),
    ("sport", [
        "Gol bunuh diri pada menit ke-89 membuyarkan harapan Bali United.",
        "Skor akhir 0-1 untuk tim tamu.",
        "Suporter meninggalkan stadion dengan kecewa.",
    ]),
    ("sport", [
        "Manchester City kembali ke puncak klasemen Liga Inggris.",
        "Erling Haaland mencetak dua gol dalam kemenangan 3-0 atas Everton.",
        "Pep Guardiola memuji kerja keras lini tengahnya.",
    ]),
    ("sport", [
        "Apriyani Rahayu/Siti Fadia Silva Ramadhanti harus mundur dari turnamen karena cedera.",
        "PBSI belum memastikan berapa lama masa pemulihan.",
        "Pasangan itu sebelumnya menjuarai dua turnamen beruntun.",
    ]),
    ("sport", [
        "Dalam laga itu, wasit mengeluarkan tiga kartu kuning dan satu kartu merah.",
        "Kartu merah diterima bek tengah J. Nainggolan pada menit 67.",
        "Tim pun bermain dengan sepuluh orang hingga laga usai.",
    ]),
    # --- court and legal ---
    ("court", [
        "Majelis hakim Pengadilan Tipikor Jakarta menjatuhkan vonis 8 tahun penjara kepada terdakwa.",
        "Terdakwa dinilai terbukti melanggar Pasal 2 ayat (1) UU No. 31 Tahun 1999 tentang Pemberantasan Tindak "
        "Pidana Korupsi.",
        "Jaksa menyatakan pikir-pikir.",
    ]),
    ("court", [
        "Perkara itu terdaftar dengan nomor 12/Pid.Sus/2023/PN Jkt.Pst.",
        "Sidang perdana digelar pada Selasa pekan depan.",
    ]),
    ("court", [
        "Kuasa hukum terdakwa, Hotman P. Sitompul, S.H., M.H., mengajukan eksepsi.",
        "Ia menilai dakwaan jaksa kabur dan tidak cermat.",
        "Majelis akan membacakan putusan sela dua pekan lagi.",
    ]),
    ("court", [
        "Mahkamah Konstitusi menolak permohonan uji materi terhadap UU No. 7 Tahun 2017 tentang Pemilihan Umum.",
        "Dalam pertimbangannya, MK menyebut dalil pemohon tidak beralasan menurut hukum.",
        "Putusan dibacakan oleh Ketua MK.",
    ]),
    ("court", [
        "Tersangka dijerat Pasal 340 KUHP tentang pembunuhan berencana dengan ancaman hukuman mati.",
        "Polisi juga menyita sebilah pisau sebagai barang bukti.",
    ]),
    ("court", [
        "Putusan kasasi Nomor 1234 K/Pid/2022 menguatkan putusan pengadilan tinggi.",
        "Dengan demikian, terdakwa tetap dihukum lima tahun penjara.",
        "Terdakwa masih dapat mengajukan peninjauan kembali.",
    ]),
    ("court", [
        "Menurut Pasal 27 ayat (3) UU ITE, penghinaan melalui media elektronik dapat dipidana.",
        "Namun, pasal itu kerap dikritik karena multitafsir.",
        "Koalisi masyarakat sipil mendesak revisi.",
    ]),
    ("court", [
        "Hakim ketua Dr. Wahyu Iman Santoso, S.H., M.H. membacakan amar putusan selama dua jam.",
        "Pengunjung sidang memadati ruang utama.",
    ]),
    ("court", [
        "Sidang ditunda hingga Kamis (7/3) karena saksi ahli berhalangan hadir.",
        "Jaksa penuntut umum meminta majelis memanggil ulang saksi tersebut.",
    ]),
    ("court", [
        "Gugatan perdata itu diajukan PT Sinar Mas Agro Resources and Technology Tbk. terhadap seorang mantan direksi.",
        "Nilai gugatan mencapai Rp1,2 triliun.",
        "Sidang mediasi gagal mencapai kesepakatan.",
    ]),
    # --- economics ---
    ("econ", [
        "Nilai tukar rupiah ditutup melemah ke level Rp15.850 per dolar AS pada Jumat sore.",
        "Pelemahan dipicu penguatan indeks dolar setelah rilis data tenaga kerja AS.",
        "Analis memperkirakan rupiah bergerak di kisaran Rp15.800-15.900 pekan depan.",
    ]),
    ("econ", [
        "Badan Pusat Statistik (BPS) mencatat ekonomi Indonesia tumbuh 5,2 persen yoy pada Q3 2024.",
        "Konsumsi rumah tangga masih menjadi penopang utama.",
        "Investasi tumbuh 4,8 persen.",
    ]),
    ("econ", [
        "Indeks Harga Saham Gabungan (IHSG) naik 0,85% ke level 7.245,31.",
        "Saham perbankan seperti BBRI dan BMRI menjadi penggerak utama.",
        "Investor asing mencatat beli bersih Rp512 miliar.",
    ]),
    ("econ", [
        "PT Bank Central Asia Tbk. (BBCA) membukukan laba bersih Rp36,4 triliun sepanjang semester I/2024.",
        "Laba itu naik 11,1 persen dibandingkan periode yang sama tahun lalu.",
        "Penyaluran kredit tumbuh dua digit.",
    ]),
    ("econ", [
        "Inflasi tahunan pada Oktober tercatat 1,71 persen.",
        "Angka ini berada di bawah sasaran BI sebesar 2,5 plus minus 1 persen.",
        "Harga cabai merah menjadi penyumbang deflasi terbesar.",
    ]),
    ("econ", [
        "Harga minyak mentah jenis Brent naik ke US$82,5 per barel.",
        "Kenaikan terjadi setelah OPEC+ memutuskan memperpanjang pemangkasan produksi.",
        "Harga emas juga menguat tipis.",
    ]),
    ("econ", [
        "Kementerian Keuangan melaporkan defisit APBN mencapai Rp153,7 triliun atau 0,68% dari PDB hingga Agustus.",
        "Penerimaan pajak tumbuh melambat.",
        "Belanja negara justru meningkat.",
    ]),
    ("econ", [
        "Harga emas Antam dibanderol Rp1.415.000 per gram pada Senin pagi.",
        "Harga pembelian kembali (buyback) berada di Rp1.262.000 per gram.",
    ]),
    ("econ", [
        "Ekspor nonmigas ke Tiongkok turun 7,3 persen secara bulanan (mtm).",
        "Sebaliknya, ekspor ke India naik.",
        "Neraca perdagangan tetap surplus US$2,9 miliar.",
    ]),
    ("econ", [
        "Dalam RUPS tahunan, PT Telkom Indonesia (Persero) Tbk. menyetujui pembagian dividen Rp17,7 triliun.",
        "Dividen itu setara 75 persen dari laba bersih tahun buku 2023.",
    ]),
    # --- health and science ---
    ("health", [
        "Dokter spesialis penyakit dalam, dr. Andi Wijaya, Sp.PD, menyarankan pemeriksaan gula darah rutin.",
        "Kadar gula darah puasa normal berada di bawah 100 mg/dL.",
        "Di atas 126 mg/dL, seseorang bisa didiagnosis diabetes.",
    ]),
    ("health", [
        "Kasus COVID-19 kembali meningkat di sejumlah provinsi.",
        "Kementerian Kesehatan mencatat 2.156 kasus baru dalam sepekan terakhir.",
        "Masyarakat diimbau kembali memakai masker di tempat ramai.",
    ]),
    ("health", [
        "Menurut WHO, dosis parasetamol untuk orang dewasa tidak boleh melebihi 4 g per hari.",
        "Penggunaan berlebihan dapat merusak hati.",
        "Konsultasikan dengan dokter sebelum minum obat.",
    ]),
    ("health", [
        "Penelitian yang dimuat di jurnal The Lancet menemukan kaitan antara kurang tidur dan tekanan darah tinggi.",
        "Responden yang tidur kurang dari 6 jam berisiko 20% lebih tinggi.",
        "Para peneliti menyarankan tidur 7-9 jam per malam.",
    ]),
    ("health", [
        "Prof. dr. Tjandra Yoga Aditama, Sp.P(K), mengingatkan bahaya polusi udara bagi anak.",
        "Menurut dia, partikel PM2.5 dapat masuk jauh ke paru-paru.",
        "Ia meminta sekolah membatasi kegiatan di luar ruangan.",
    ]),
    ("health", [
        "Vaksin HPV diberikan kepada siswi kelas 5 SD.",
        "Program ini bertujuan mencegah kanker serviks.",
        "Target cakupannya 90 persen pada 2030.",
    ]),
    ("health", [
        "Pasien dirawat di RSUP Dr. Sardjito, Yogyakarta, sejak Rabu malam.",
        "Kondisinya kini berangsur membaik.",
        "Ia diperbolehkan pulang jika hasil laboratorium normal.",
    ]),
    ("health", [
        "Para astronom menemukan planet baru yang mengorbit bintang katai merah sekitar 40 tahun cahaya dari Bumi.",
        "Planet itu diberi nama TOI-700 e.",
        "Ukurannya sekitar 95% ukuran Bumi.",
    ]),
    ("health", [
        "Kadar kolesterol LDL pasien mencapai 190 mg/dL.",
        "Dokter meresepkan statin 20 mg sekali sehari.",
        "Pasien juga diminta mengurangi gorengan.",
    ]),
    # --- entertainment ---
    ("entertain", [
        "Film \"Agak Laen\" telah ditonton lebih dari 9 juta penonton.",
        "Capaian itu menjadikannya salah satu film Indonesia terlaris sepanjang masa.",
        "Sutradaranya, Muhadkly Acho, mengaku tidak menyangka.",
    ]),
    ("entertain", [
        "Penyanyi Raisa merilis album terbarunya pada Jumat (20/9).",
        "Album itu berisi sepuluh lagu.",
        "Salah satu lagunya ditulis bersama Dipha Barus.",
    ]),
    ("entertain", [
        "Konser grup K-pop itu di Jakarta International Stadium ludes terjual dalam 15 menit.",
        "Promotor membuka hari kedua untuk memenuhi permintaan penggemar.",
    ]),
    ("entertain", [
        "\"Aku bersyukur banget,\" kata aktris Prilly Latuconsina saat ditemui di Kemang, Jakarta Selatan.",
        "Ia meraih Piala Citra untuk kategori pemeran utama perempuan terbaik.",
    ]),
    ("entertain", [
        "Serial \"Gadis Kretek\" masuk daftar sepuluh besar Netflix di sejumlah negara.",
        "Serial itu diangkat dari novel karya Ratih Kumala.",
        "Dian Sastrowardoyo berperan sebagai Dasiyah.",
    ]),
    ("entertain", [
        "Band rock asal Bandung itu menggelar tur ke 12 kota.",
        "Tur dibuka di Surabaya pada 5 Oktober.",
        "Tiket dijual mulai Rp250.000.",
    ]),
    ("entertain", [
        "Taylor Swift kembali memecahkan rekor di tangga lagu Billboard 200.",
        "Albumnya bertahan di posisi teratas selama 12 pekan.",
    ]),
    # --- opinion columns ---
    ("opinion", [
        "Apakah kita sungguh belajar dari bencana?",
        "Setiap tahun banjir datang, dan setiap tahun kita terkejut.",
        "Padahal peta rawan bencana sudah lama tersedia.",
    ]),
    ("opinion", [
        "Mengapa harga beras terus naik?",
        "Jawabannya tidak sederhana.",
        "Ada soal produksi, distribusi, dan tata niaga.",
    ]),
    ("opinion", [
        "Pendidikan bukan sekadar angka di rapor.",
        "Ia adalah proses menjadi manusia.",
        "Sayangnya, sekolah kita sibuk mengejar nilai!",
    ]),
    ("opinion", [
        "Seorang kawan pernah berkata, \"Negeri ini kaya, tetapi rakyatnya miskin.\"",
        "Kalimat itu terus terngiang.",
        "Bagaimana mungkin?",
    ]),
    ("opinion", [
        "Kita sering menyebut korupsi sebagai \"kejahatan luar biasa\".",
        "Namun, hukumannya justru makin ringan.",
        "Di mana logikanya?",
    ]),
    ("opinion", [
        "Saya teringat pesan guru saya: jangan pernah berhenti membaca.",
        "Pesan itu sederhana.",
        "Tetapi di era media sosial, pesan itu menjadi sangat mahal.",
    ]),
    ("opinion", [
        "Siapa yang diuntungkan dari proyek ini?",
        "Siapa yang dirugikan?",
        "Dua pertanyaan itu seharusnya dijawab sebelum tiang pancang pertama dipasang.",
    ]),
    ("opinion", [
        "Demokrasi tidak berhenti di bilik suara.",
        "Ia hidup dalam kritik, dalam perdebatan, dalam keberanian warga untuk bertanya.",
        "Tanpa itu, pemilu hanyalah ritual lima tahunan.",
    ]),
    # --- interviews (Q&A prose) ---
    ("interview", [
        "Bagaimana Anda melihat kondisi industri tekstil saat ini?",
        "Terus terang, kondisinya berat.",
        "Banyak pabrik yang merumahkan karyawan.",
    ]),
    ("interview", [
        "Apa langkah pemerintah untuk mengatasinya?",
        "Kami sedang menyiapkan insentif pajak.",
        "Selain itu, kami memperketat impor pakaian bekas.",
    ]),
    ("interview", [
        "Tanya: Kapan proyek ini selesai?",
        "Jawab: Target kami akhir tahun depan.",
    ]),
    ("interview", [
        "Apakah Anda akan maju lagi pada pilkada mendatang?",
        "Belum terpikir.",
        "Saya masih fokus menyelesaikan masa jabatan.",
    ]),
    ("interview", [
        "Berapa anggaran yang dibutuhkan?",
        "Sekitar Rp3 triliun.",
        "Itu pun baru untuk tahap pertama.",
    ]),
    ("interview", [
        "Anda sempat dikritik karena kebijakan itu.",
        "Bagaimana tanggapan Anda?",
        "Kritik itu wajar.",
        "Saya terbuka untuk berdialog.",
    ]),
    # --- translated wire copy ---
    ("wire", [
        "WASHINGTON (Reuters) - U.S. President Joe Biden bertemu Perdana Menteri Jepang di Gedung Putih pada Rabu.",
        "Keduanya membahas kerja sama pertahanan di kawasan Indo-Pasifik.",
        "Pertemuan berlangsung sekitar dua jam.",
    ]),
    ("wire", [
        "PARIS (AFP) - Presiden Prancis Emmanuel Macron mengumumkan reshuffle kabinet pada Kamis malam.",
        "Langkah itu diambil setelah gelombang protes soal reformasi pensiun.",
    ]),
    ("wire", [
        "Menteri Luar Negeri AS Antony Blinken tiba di Tel Aviv pada Senin, kata seorang pejabat.",
        "Kunjungan itu merupakan yang ketujuh sejak Oktober tahun lalu.",
        "Blinken dijadwalkan bertemu sejumlah pejabat Israel.",
    ]),
    ("wire", [
        "Juru bicara Kremlin Dmitry Peskov menolak berkomentar soal laporan tersebut.",
        "\"Kami tidak punya informasi,\" katanya kepada wartawan di Moskow.",
    ]),
    ("wire", [
        "CEO Tesla Elon Musk mengatakan perusahaannya akan meluncurkan robotaksi tahun depan.",
        "Saham Tesla naik 4% setelah pengumuman itu.",
        "Sejumlah analis tetap skeptis.",
    ]),
    ("wire", [
        "LONDON (Reuters) - Bank of England mempertahankan suku bunga di 5,25% pada Kamis.",
        "Gubernur BoE Andrew Bailey mengatakan inflasi masih terlalu tinggi.",
        "Pasar memperkirakan penurunan suku bunga baru terjadi pada Agustus.",
    ]),
    ("wire", [
        "Sekjen PBB Antonio Guterres menyerukan gencatan senjata segera.",
        "\"Dunia tidak boleh diam,\" ujarnya dalam sidang Dewan Keamanan di New York, AS.",
        "Sidang itu tidak menghasilkan resolusi.",
    ]),
    ("wire", [
        "Mr. Thompson, seorang pensiunan guru asal Ohio, mengaku terkejut dengan hasil pemilu.",
        "Ia memilih kandidat dari Partai Demokrat.",
    ]),
    ("wire", [
        "Dr. Anthony Fauci memperingatkan kemungkinan gelombang baru infeksi musim dingin ini.",
        "Ia meminta warga AS segera mendapatkan vaksin penguat.",
    ]),
    ("wire", [
        "TOKYO (Kyodo) - Gempa bermagnitudo 6,1 mengguncang wilayah timur laut Jepang pada Selasa dini hari.",
        "Badan Meteorologi Jepang tidak mengeluarkan peringatan tsunami.",
    ]),
    ("wire", [
        "Perusahaan asal AS, Apple Inc., melaporkan pendapatan kuartalan US$89,5 miliar.",
        "Penjualan iPhone turun tipis di Tiongkok.",
        "Saham Apple melemah dalam perdagangan setelah jam bursa.",
    ]),
    # --- Islamic texts ---
    ("islam", [
        "Rasulullah SAW. bersabda bahwa puasa adalah perisai.",
        "Hadis ini diriwayatkan oleh Imam Bukhari dan Muslim.",
    ]),
    ("islam", [
        "Kewajiban puasa Ramadan dijelaskan dalam QS. Al-Baqarah: 183.",
        "Ayat itu diawali dengan seruan kepada orang-orang yang beriman.",
        "Tujuannya adalah agar mereka bertakwa.",
    ]),
    ("islam", [
        "Menurut KH. Ahmad Mustofa Bisri, toleransi adalah bagian dari ajaran Islam.",
        "Ia menyampaikannya dalam pengajian di Rembang, Jawa Tengah.",
    ]),
    ("islam", [
        "Nabi Muhammad SAW lahir di Makkah pada tahun Gajah.",
        "Beliau diangkat menjadi rasul pada usia 40 tahun.",
    ]),
    ("islam", [
        "Sahabat Abu Bakar ash-Shiddiq r.a. dikenal sebagai sosok yang lembut.",
        "Ia menjadi khalifah pertama setelah wafatnya Rasulullah.",
    ]),
    ("islam", [
        "Zakat fitrah tahun ini ditetapkan sebesar 2,5 kg beras atau Rp45.000 per jiwa.",
        "Pembayaran paling lambat dilakukan sebelum salat Idulfitri.",
        "Baznas membuka layanan pembayaran daring.",
    ]),
    ("islam", [
        "Ustaz Abdul Somad mengutip QS. Ar-Ra'd ayat 11 dalam ceramahnya.",
        "Ayat itu menegaskan bahwa perubahan dimulai dari diri sendiri.",
    ]),
    ("islam", [
        "Kementerian Agama menetapkan 1 Syawal 1445 H jatuh pada Rabu, 10 April 2024.",
        "Penetapan itu diputuskan dalam sidang isbat.",
    ]),
    # --- social media ---
    ("social", [
        "Unggahan itu langsung viral.",
        "\"Pelayanannya parah banget, nunggu 3 jam nggak dipanggil #kecewa,\" tulis akun @rinaa_88.",
        "Pihak rumah sakit kemudian meminta maaf.",
    ]),
    ("social", [
        "Tagar #SaveHutanPapua menjadi trending topic di X sejak Selasa pagi.",
        "Lebih dari 200.000 unggahan menggunakan tagar tersebut.",
        "Warganet menuntut izin perkebunan dicabut.",
    ]),
    ("social", [
        "Akun Instagram @jktinfo membagikan video kemacetan di Jalan Sudirman.",
        "Video itu sudah ditonton 1,2 juta kali.",
    ]),
    ("social", [
        "\"Akhirnya lulus juga 😭🙏,\" tulis pengguna TikTok itu dalam keterangan videonya.",
        "Video tersebut disukai lebih dari 500 ribu kali.",
    ]),
    ("social", [
        "Seorang warganet menulis, \"Ini negara atau panggung sandiwara?\"",
        "Cuitan itu disukai ribuan akun.",
    ]),
    ("social", [
        "Informasi lengkap dapat dilihat di https://www.pajak.go.id/id/lapor-spt.",
        "Batas pelaporan SPT tahunan jatuh pada 31 Maret.",
    ]),
    ("social", [
        "Pendaftaran dibuka melalui laman sscasn.bkn.go.id mulai 20 Agustus.",
        "Pelamar wajib mengunggah dokumen dalam format PDF.",
        "Ukuran berkas maksimal 1 MB.",
    ]),
    ("social", [
        "Keluhan dapat dikirim ke surel pengaduan@ojk.go.id.",
        "OJK berjanji merespons dalam tiga hari kerja.",
    ]),
    # --- mixed hard cases ---
    ("mixed", [
        "Rapat dipimpin oleh Ir. H. Joko Santoso, M.T., selaku kepala dinas.",
        "Peserta rapat berasal dari 14 kecamatan.",
    ]),
    ("mixed", [
        "Tim SAR gabungan menemukan korban pada pukul 06.45 WITA.",
        "Korban langsung dibawa ke RSUD setempat.",
        "Pencarian korban lain masih berlangsung.",
    ]),
    ("mixed", [
        "Gedung itu dibangun pada 1920-an oleh arsitek Belanda.",
        "Kini gedung tersebut menjadi cagar budaya.",
    ]),
    ("mixed", [
        "Kecelakaan terjadi di Km. 57 Tol Jakarta-Cikampek.",
        "Tiga kendaraan terlibat tabrakan beruntun.",
        "Tidak ada korban jiwa.",
    ]),
    ("mixed", [
        "Ia tinggal di Jl. Gatot Subroto No. 12, Kel. Kuningan Barat, Kec. Mampang Prapatan.",
        "Rumahnya kini dijaga polisi.",
    ]),
    ("mixed", [
        "Harga tiket pesawat Jakarta-Denpasar naik hingga 30 persen menjelang libur Natal.",
        "Maskapai beralasan permintaan melonjak.",
        "Kemenhub meminta maskapai tidak melampaui tarif batas atas.",
    ]),
    ("mixed", [
        "Acara dihadiri oleh Wakil Presiden, para menteri, dll.",
        "Pengamanan dilakukan oleh ratusan personel gabungan.",
    ]),
    ("mixed", [
        "Produksi padi nasional diperkirakan mencapai 53,6 juta ton gabah kering giling.",
        "Angka itu turun dibandingkan tahun sebelumnya.",
        "Kekeringan akibat El Nino menjadi penyebab utama.",
    ]),
    ("mixed", [
        "Hujan deras mengguncang kota... bukan, banjir yang mengguncang kota.",
        "Begitu kelakar seorang warga.",
    ]),
    ("mixed", [
        "Dana itu ditransfer ke rekening a.n. PT Maju Bersama.",
        "Penyidik masih menelusuri aliran dana tersebut.",
    ]),
    ("mixed", [
        "Festival berlangsung pada 1 s.d. 7 Juli di Lapangan Merdeka.",
        "Panitia menyiapkan 150 stan UMKM.",
    ]),
    ("mixed", [
        "Kontrak senilai 1,5 juta euro itu ditandatangani di Brussels, Belgia.",
        "Uni Eropa akan menyalurkan dana secara bertahap.",
    ]),
    ("mixed", [
        "Pertemuan dimulai pukul 19.30.",
        "Setelah itu, para tamu makan malam bersama.",
    ]),
]



def build() -> list[dict]:
    return seg_gold.build(PARAGRAPHS, "hard2")


if __name__ == "__main__":
    seg_gold.write(Path(__file__).with_name("seg_hard2.jsonl"), build())
