"""Build ``seg_hard5.jsonl``: a fifth held-out set of hard Indonesian paragraphs with gold spans.

Why a fifth set: the first four cover news, news-like genres, newline layout, translated foreign news, Wikipedia,
technology, forms, legal clauses and dialogue. The hidden test set comes from other sources, so this set was
written before looking at the splitter, in genres the others lack: press releases and stock news (ticker codes,
"Tbk.", "Rp1,2 T", "Q1-2024", "yoy", "1H24"), recipes and instructions ("2 sdm.", "1 sdt.", "± 5 menit",
"180°C."), bibliographic references and footnotes ("hlm.", "Ibid.", "Op. cit.", "et al.", "ed.", "terj."),
speeches and sermons, sports ("vs.", seasons such as "2024/25"), weather and disaster bulletins ("pkl.",
"M 5,6", "LS", "BT"), government announcements ("Nomor: 12/KPTS/2024", "NIP."), song lyrics and poems (one line
a unit) and social-media text with emoji and hashtags at the end of a sentence. All text was written for this
project. Gold is conservative: doubtful boundaries were left out of the set.

A paragraph is a list of sentences, joined by one space, or by a newline when the sentence starts with ``|``.

    python tests/data/make_seg_hard5.py   # rewrites tests/data/seg_hard5.jsonl
"""

from __future__ import annotations

import seg_gold  # tests/data/seg_gold.py: this script runs from its own folder
from pathlib import Path

PARAGRAPHS: list[tuple[str, list[str]]] = [
    # --- press releases and stock news ---
    ("market", [
        "PT Telkom Indonesia (Persero) Tbk. (TLKM) mencatat pendapatan Rp37,4 T pada Q1-2024.",
        "Angka itu tumbuh 3,7% yoy.",
        "Segmen data center menjadi kontributor pertumbuhan terbesar.",
    ]),
    ("market", [
        "Saham PT Bank Rakyat Indonesia (Persero) Tbk. (IDX: BBRI) ditutup melemah 1,8% ke Rp4.910 per saham.",
        "Investor asing mencatat jual bersih Rp1,2 T di saham tersebut.",
    ]),
    ("market", [
        "Laba bersih perseroan pada 1H24 mencapai Rp2,15 T.",
        "Manajemen menargetkan kinerja 2H24 lebih kuat seiring turunnya suku bunga.",
    ]),
    ("market", [
        "Analis merekomendasikan beli untuk saham ASII dengan target harga Rp5.800.",
        "Valuasi saat ini dinilai murah, yakni 6,1x P/E.",
        "Risiko utama datang dari melemahnya penjualan mobil.",
    ]),
    ("market", [
        "Siaran Pers",
        "|Jakarta, 22 April 2024 – PT Sinar Niaga Sejahtera Tbk. (\"Perseroan\") hari ini mengumumkan pembagian dividen tunai sebesar Rp45 per saham.",
        "Total dividen yang dibagikan mencapai Rp310 miliar atau 40% dari laba bersih tahun buku 2023.",
    ]),
    ("market", [
        "Pendapatan emiten tambang itu turun 12% QoQ menjadi US$412 juta.",
        "Penurunan terutama disebabkan oleh anjloknya harga batu bara acuan.",
    ]),
    ("market", [
        "Cum date dividen ditetapkan pada 14 Mei 2024, sedangkan pembayaran dilakukan pada 5 Juni 2024.",
        "Pemegang saham yang tercatat dalam DPS berhak menerima dividen.",
    ]),
    ("market", [
        "Kapitalisasi pasar GOTO menyusut menjadi Rp76 T.",
        "Sejak IPO, harga sahamnya telah terkoreksi lebih dari 80%.",
    ]),
    ("market", [
        "Rupiah ditutup menguat 35 poin ke level Rp15.620/US$ pada perdagangan Jumat sore.",
        "Penguatan ditopang data inflasi AS yang lebih rendah dari perkiraan.",
    ]),
    ("market", [
        "Tentang PT Kopi Nusantara Jaya Tbk.",
        "|PT Kopi Nusantara Jaya Tbk. adalah produsen kopi kemasan yang tercatat di Bursa Efek Indonesia sejak 2019.",
        "Untuk informasi lebih lanjut, hubungi Sekretaris Perusahaan di investor@kopinusantara.co.id.",
    ]),
    ("market", [
        "NPL gross bank itu membaik menjadi 2,1% per Maret 2024 dari 2,6% setahun sebelumnya.",
        "Rasio CAR tetap terjaga di level 24,8%.",
    ]),
    # --- recipes and instructions ---
    ("recipe", [
        "Bahan: 250 g tepung terigu, 2 sdm. gula pasir, 1 sdt. garam, dan 200 ml santan.",
        "Campur semua bahan hingga adonan licin.",
    ]),
    ("recipe", [
        "Panaskan oven hingga 180°C.",
        "Panggang kue selama 35–40 menit atau hingga permukaannya kecokelatan.",
    ]),
    ("recipe", [
        "Tumis bawang merah dan bawang putih hingga harum, ± 5 menit.",
        "Masukkan daging ayam, lalu aduk hingga berubah warna.",
    ]),
    ("recipe", [
        "Langkah 1. Cuci beras hingga airnya jernih.",
        "|Langkah 2. Rendam beras selama 30 menit, lalu tiriskan.",
        "|Langkah 3. Kukus beras bersama daun pandan hingga matang.",
    ]),
    ("recipe", [
        "Tambahkan kecap manis sebanyak 3 sdm.",
        "Aduk rata dan masak dengan api kecil hingga bumbu meresap.",
    ]),
    ("recipe", [
        "Larutkan 1 sdt. ragi instan dalam 100 ml air hangat.",
        "Diamkan ± 10 menit hingga berbuih.",
        "Jika tidak berbuih, ragi kemungkinan sudah tidak aktif.",
    ]),
    ("recipe", [
        "Cara membuat:",
        "|1. Rebus air hingga mendidih.",
        "|2. Masukkan mi dan masak selama 3 menit.",
        "|3. Tiriskan, lalu sajikan dengan bumbu.",
    ]),
    ("recipe", [
        "Simpan sambal dalam wadah kedap udara di suhu 4°C.",
        "Sambal dapat bertahan hingga dua minggu.",
    ]),
    ("recipe", [
        "Resep ini untuk 4 porsi.",
        "Jika ingin membuat 8 porsi, gandakan semua takaran, misalnya 2 sdm. menjadi 4 sdm. dan 1 sdt. menjadi 2 sdt.",
        "Waktu memasak tidak perlu diubah.",
    ]),
    ("recipe", [
        "Pasang baterai sesuai tanda (+) dan (−) pada kompartemen.",
        "Tekan tombol daya selama ± 3 detik hingga lampu indikator menyala.",
        "Perangkat siap digunakan.",
    ]),
    ("recipe", [
        "Catatan: jangan membuka pintu oven pada 15 menit pertama.",
        "Kue bisa bantat jika suhu turun mendadak.",
    ]),
    # --- bibliographic references and footnotes ---
    ("biblio", [
        "1 Koentjaraningrat, Pengantar Ilmu Antropologi (Jakarta: Rineka Cipta, 2009), hlm. 45.",
        "|2 Ibid., hlm. 52.",
        "|3 Taufik Abdullah, Sejarah Lokal di Indonesia (Yogyakarta: Gadjah Mada University Press, 1990), hlm. 112.",
    ]),
    ("biblio", [
        "4 Abdullah, op. cit., hlm. 118.",
        "|5 Lihat juga Ibid., hlm. 12–15.",
    ]),
    ("biblio", [
        "Pendapat serupa dikemukakan oleh Sartono Kartodirdjo dalam bukunya (Jakarta: Gramedia, 2019, hlm. 45).",
        "Namun, ia tidak menyertakan data pendukung.",
    ]),
    ("biblio", [
        "Data tersebut dikutip dari laporan Bank Dunia (2021, hlm. 7).",
        "Laporan itu mencakup 34 provinsi.",
    ]),
    ("biblio", [
        "Menurut Wahyudi et al. (2020), tingkat adopsi teknologi di kalangan petani masih rendah.",
        "Temuan ini sejalan dengan survei sebelumnya.",
    ]),
    ("biblio", [
        "Kutipan itu diambil dari terjemahan karya Pramoedya, terj. Max Lane (Jakarta: Hasta Mitra, 1982), hlm. 210.",
    ]),
    ("biblio", [
        "Istilah ini dipopulerkan oleh Geertz (op. cit., hlm. 33).",
        "Sejak itu, istilah tersebut banyak dipakai dalam kajian antropologi Jawa.",
    ]),
    ("biblio", [
        "Daftar Pustaka",
        "|Kuntowijoyo, Metodologi Sejarah, Yogyakarta: Tiara Wacana, 2003.",
        "|Nugroho, Rina (ed.), Kumpulan Esai Budaya Pesisir, Semarang: Pustaka Pantura, 2015.",
    ]),
    ("biblio", [
        "Uraian lengkap dapat dibaca dalam jilid kedua, bab III, hlm. 201–230.",
        "Bab itu membahas perdagangan rempah di Maluku.",
    ]),
    # --- speeches and sermons ---
    ("speech", [
        "Assalamualaikum warahmatullahi wabarakatuh.",
        "Bapak-bapak, Ibu-ibu, hadirin yang saya hormati.",
        "Pertama-tama, marilah kita panjatkan puji syukur ke hadirat Tuhan Yang Maha Esa.",
    ]),
    ("speech", [
        "Hadirin yang berbahagia, hari ini kita berkumpul untuk meresmikan gedung sekolah yang baru.",
        "Gedung ini dibangun dari swadaya masyarakat.",
    ]),
    ("speech", [
        "Yang terhormat Bapak Bupati Gunungkidul, Bapak Kapolres, serta para tokoh masyarakat yang saya hormati.",
        "Izinkan saya menyampaikan laporan singkat panitia.",
    ]),
    ("speech", [
        "Demikian sambutan yang dapat saya sampaikan.",
        "Atas perhatian Bapak dan Ibu sekalian, saya ucapkan terima kasih.",
        "Wassalamualaikum warahmatullahi wabarakatuh.",
    ]),
    ("speech", [
        "Jamaah Jumat yang dirahmati Allah, marilah kita tingkatkan takwa kepada Allah Swt.",
        "Takwa adalah sebaik-baik bekal.",
    ]),
    ("speech", [
        "Rasulullah saw. mengajarkan kita untuk selalu menepati janji.",
        "Orang yang ingkar janji disebut sebagai salah satu tanda orang munafik (HR. Bukhari).",
    ]),
    ("speech", [
        "Saudara-saudara sebangsa dan setanah air!",
        "Hari ini kita memperingati 79 tahun kemerdekaan Indonesia.",
        "Merdeka!",
    ]),
    ("speech", [
        "Sebelum saya akhiri, izinkan saya berpantun.",
        "Buah mangga buah kedondong, mohon maaf kalau ada salah omong.",
    ]),
    # --- sports: vs., seasons ---
    ("sport", [
        "Laga Persib vs. Persija pada pekan ke-15 Liga 1 2024/25 digelar tanpa penonton.",
        "Keputusan itu diambil untuk alasan keamanan.",
    ]),
    ("sport", [
        "Borneo FC menjadi juara paruh musim Liga 1 2023/24.",
        "Mereka mengumpulkan 42 poin dari 17 laga.",
    ]),
    ("sport", [
        "Hasil pertandingan semalam: Arsenal vs. Chelsea 2-2, Liverpool vs. Brentford 3-0.",
        "Liverpool kini unggul empat poin di puncak klasemen.",
    ]),
    ("sport", [
        "Pebasket Indonesia itu mencetak 24 poin dan 11 rebound saat timnya menang 88-79.",
        "Ia dinobatkan sebagai pemain terbaik pertandingan.",
    ]),
    ("sport", [
        "Kontrak sang pelatih diperpanjang hingga akhir musim 2025/26.",
        "Manajemen puas dengan capaian tim musim ini.",
    ]),
    ("sport", [
        "Pada final Piala Presiden 2024, Arema FC vs. Borneo FC berakhir imbang 1-1 dalam waktu normal.",
        "Arema menang lewat adu penalti dengan skor 5-4.",
    ]),
    ("sport", [
        "Gregoria Mariska Tunjung menang rubber game 21-19, 18-21, 22-20 atas wakil Korea.",
        "Ia melaju ke perempat final.",
    ]),
    ("sport", [
        "Klasemen sementara:",
        "|1. Borneo FC – 42 poin",
        "|2. Persib – 38 poin",
        "|3. Bali United – 35 poin",
    ]),
    # --- weather and disaster bulletins ---
    ("bulletin", [
        "Gempa M 5,6 mengguncang wilayah Maluku Tengah pada pkl. 14.05 WIB.",
        "Pusat gempa terletak pada koordinat 3,2 LS dan 128,1 BT dengan kedalaman 10 km.",
        "Gempa tidak berpotensi tsunami.",
    ]),
    ("bulletin", [
        "Info Gempa M 4,8",
        "|Tgl: 26 Nov 2024, pkl. 03.17 WIB",
        "|Lok: 8,45 LS, 115,12 BT (22 km Tenggara Karangasem)",
        "|Kedalaman: 15 km",
    ]),
    ("bulletin", [
        "Peringatan dini cuaca: hujan lebat disertai petir berpotensi terjadi di Kab. Bogor pkl. 15.00 s.d. 18.00 WIB.",
        "Warga diimbau menghindari pohon besar dan baliho.",
    ]),
    ("bulletin", [
        "Tinggi gelombang di Selat Sunda diperkirakan mencapai 2,5–4,0 m.",
        "Nelayan dengan perahu kecil diminta tidak melaut.",
    ]),
    ("bulletin", [
        "Status Gunung Lewotobi Laki-laki dinaikkan menjadi Level IV (Awas) sejak pkl. 00.00 WITA.",
        "Radius bahaya diperluas menjadi 7 km dari kawah.",
    ]),
    ("bulletin", [
        "Prakiraan cuaca Kota Medan hari ini: berawan pada pagi hari, hujan ringan pada sore hari.",
        "Suhu berkisar 23–32°C dengan kelembapan 65–95%.",
    ]),
    ("bulletin", [
        "Debit air Bendung Katulampa mencapai 180 cm pada pkl. 21.00 WIB.",
        "Status siaga 2 berlaku untuk wilayah bantaran Ciliwung.",
        "Air diperkirakan tiba di Manggarai dalam 6–9 jam.",
    ]),
    ("bulletin", [
        "Jumlah pengungsi akibat banjir bandang di Kab. Luwu bertambah menjadi 2.314 jiwa.",
        "BPBD mendirikan empat posko pengungsian.",
    ]),
    # --- government announcements ---
    ("gov", [
        "Keputusan Kepala Dinas Nomor: 12/KPTS/2024 tentang Penetapan Peserta Lulus Seleksi berlaku sejak tanggal ditetapkan.",
        "Peserta yang lulus wajib melakukan daftar ulang.",
    ]),
    ("gov", [
        "PENGUMUMAN",
        "|Nomor: 800/217/BKPSDM/2024",
        "|Tentang Hasil Seleksi Administrasi Calon Pegawai",
    ]),
    ("gov", [
        "Pendaftaran dibuka tgl. 1 s.d. 15 April 2024 melalui laman resmi pemerintah kabupaten.",
        "Berkas yang terlambat tidak akan diproses.",
    ]),
    ("gov", [
        "Ditetapkan di: Bandung",
        "|Pada tanggal: 12 Maret 2024",
        "|Plt. Kepala Dinas Pendidikan,",
        "|Drs. Asep Saepudin, M.Pd.",
        "|NIP. 19680412 199303 1 004",
    ]),
    ("gov", [
        "Sehubungan dengan Surat Edaran Menteri Dalam Negeri No. 400.10/2765/SJ, seluruh kantor kecamatan tetap buka pada hari Sabtu.",
        "Pelayanan dimulai pkl. 08.00 WIB.",
    ]),
    ("gov", [
        "Warga yang belum menerima bantuan dapat melapor ke kantor desa setempat.",
        "Pengaduan juga dapat disampaikan melalui nomor 0812-3456-7890.",
    ]),
    # --- song lyrics and poems: one line a unit ---
    ("verse", [
        "Di tepi pantai aku menunggu",
        "|Ombak berbisik menyebut namamu",
        "|Senja pun datang tanpa ragu",
        "|Membawa rindu yang tak berlalu",
    ]),
    ("verse", [
        "Reff:",
        "|Jangan pergi, jangan tinggalkan aku",
        "|Hati ini masih milikmu",
    ]),
    ("verse", [
        "Aku ingin pulang.",
        "|Ke rumah yang tak lagi ada.",
        "|Ke ibu yang menunggu di ambang pintu.",
    ]),
    ("verse", [
        "Berakit-rakit ke hulu,",
        "|berenang-renang ke tepian.",
        "|Bersakit-sakit dahulu,",
        "|bersenang-senang kemudian.",
    ]),
    ("verse", [
        "Puisi itu ditutup dengan larik yang sederhana.",
        "Pembaca diajak merenungkan makna kehilangan.",
    ]),
    # --- social media: emoji and hashtags at the end of a sentence ---
    ("social", [
        "Akhirnya wisuda juga! 🎓🎉",
        "Terima kasih untuk Ayah dan Ibu yang selalu mendukung.",
    ]),
    ("social", [
        "Promo akhir tahun diskon sampai 70%! 🔥 #Harbolnas #BelanjaHemat",
        "Berlaku hingga 31 Desember.",
    ]),
    ("social", [
        "Pagi ini macet parah di Jalan Sudirman 😩",
        "Sudah satu jam belum bergerak.",
    ]),
    ("social", [
        "Jangan lupa bawa payung ya, hujan turun dari pagi. ☔",
        "Hati-hati di jalan!",
    ]),
    ("social", [
        "Selamat Hari Guru Nasional! 🙏 #HariGuru2024",
        "Terima kasih, Bu Ratna, atas kesabarannya mengajar kami.",
    ]),
    ("social", [
        "Konser tadi malam luar biasa!!! 😭❤️",
        "Tahun depan wajib nonton lagi.",
    ]),
    ("social", [
        "Info lengkap cek link di bio ya 👆",
        "Kuota terbatas, siapa cepat dia dapat.",
    ]),
]


if __name__ == "__main__":
    seg_gold.write(Path(__file__).with_name("seg_hard5.jsonl"), seg_gold.build(PARAGRAPHS, "hard5"))
