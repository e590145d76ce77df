"""Build ``seg_hard.jsonl``: hard-case Indonesian news paragraphs with gold sentence spans.

Why a script: the gold is written as lists of sentences and joined with one space, so every span is an
exact substring by construction (no hand-counted offsets). All text was written for this project in the
style of Indonesian news (datelines, quotations, titles, companies, numbers, URLs); it is not copied from
any data set or website. Only cases a careful Indonesian editor would split the same way are included.

    python tests/data/make_seg_hard.py   # rewrites tests/data/seg_hard.jsonl
"""

from __future__ import annotations

import seg_gold  # tests/data/seg_gold.py: this script runs from its own folder
from pathlib import Path

# (class, [sentences]): one paragraph each; the sentences are joined with a single space.
PARAGRAPHS: list[tuple[str, list[str]]] = [
    # --- datelines and attributions ---
    ("dateline", [
        "JAKARTA, KOMPAS.com - Harga beras medium di sejumlah pasar tradisional naik menjadi Rp 13.500 per kilogram.",
        "Kenaikan itu terjadi sejak awal pekan, kata seorang pedagang.",
        "Pemerintah berjanji menggelar operasi pasar.",
    ]),
    ("dateline", [
        "Jakarta (ANTARA) - Badan Meteorologi, Klimatologi, dan Geofisika (BMKG) memperkirakan hujan lebat turun di "
        "sebagian besar wilayah Jawa pada Kamis (14/3/2024).",
        "Masyarakat diminta waspada terhadap banjir dan tanah longsor.",
    ]),
    ("dateline", [
        "SURABAYA, KOMPAS.com - Wali Kota Surabaya meresmikan 12 taman baru di kawasan utara kota, Sabtu (6/4/2024).",
        "Taman-taman itu dibangun di atas lahan bekas gudang.",
        "\"Warga butuh ruang terbuka,\" ujarnya.",
    ]),
    ("dateline", [
        "Bandung (ANTARA) - Sebanyak 1.250 calon jemaah haji asal Jawa Barat diberangkatkan melalui Bandara Kertajati.",
        "Kloter pertama terbang pukul 09.15 WIB.",
        "Kloter berikutnya dijadwalkan berangkat esok hari.",
    ]),
    ("dateline", [
        "Jakarta, CNN Indonesia -- Bank Indonesia (BI) mempertahankan suku bunga acuan di level 6,25 persen.",
        "Keputusan itu diambil dalam Rapat Dewan Gubernur yang berakhir Rabu (22/5).",
        "Menurut BI, inflasi masih terkendali.",
    ]),
    ("dateline", [
        "Liputan6.com, Jakarta - Polisi menangkap tiga orang yang diduga terlibat penipuan daring.",
        "Para pelaku menawarkan pekerjaan paruh waktu melalui aplikasi pesan.",
        "Kerugian korban ditaksir mencapai Rp 2,1 miliar.",
    ]),
    ("dateline", [
        "TEMPO.CO, Jakarta - Komisi Pemberantasan Korupsi (KPK) memeriksa lima saksi dalam kasus suap perizinan.",
        "Pemeriksaan berlangsung di Gedung Merah Putih KPK.",
        "Juru bicara KPK belum bersedia menjelaskan materi pemeriksaan.",
    ]),
    ("dateline", [
        "MEDAN, KOMPAS.com - Banjir merendam ratusan rumah di Kecamatan Medan Maimun setelah hujan deras sejak "
        "Minggu malam.",
        "Ketinggian air mencapai 1,5 meter.",
        "\"Kami sudah mengevakuasi warga lansia,\" kata Kepala BPBD Kota Medan.",
    ]),
    ("dateline", [
        "Yogyakarta (ANTARA) - Keraton Yogyakarta kembali membuka museum untuk wisatawan.",
        "Tiket masuk dijual Rp 15.000 untuk wisatawan domestik.",
        "Museum buka pukul 08.30 hingga 14.00 WIB.",
    ]),
    ("attribution", [
        "Menurut dia, kebijakan itu tidak menyelesaikan masalah.",
        "Harga pupuk tetap mahal, kata dia.",
        "Petani pun terpaksa berutang, ujarnya.",
    ]),
    ("attribution", [
        "Pemerintah memastikan stok bahan pokok aman hingga Lebaran, ujar Menteri Perdagangan di Jakarta, Senin.",
        "Ia menambahkan, distribusi akan diawasi ketat.",
    ]),
    ("attribution", [
        "Jumlah wisatawan ke Bali terus meningkat, tuturnya.",
        "Namun, ia mengingatkan soal kemacetan di kawasan Canggu.",
        "Pemerintah daerah diminta segera membangun jalan alternatif, imbuhnya.",
    ]),
    # --- quotations ---
    ("quote", [
        "\"Kapan bantuan datang?\" tanya seorang warga.",
        "\"Besok pagi,\" jawab petugas.",
        "Warga pun kembali ke tenda pengungsian.",
    ]),
    ("quote", [
        "“Kami tidak akan mundur.",
        "Tidak ada kompromi untuk korupsi,” kata Ketua KPK.",
        "Pernyataan itu disambut tepuk tangan.",
    ]),
    ("quote", [
        "“Mengapa harus kami yang menanggung?” tanya Siti, pedagang sayur di Pasar Minggu.",
        "Ia mengaku omzetnya turun separuh.",
    ]),
    ("quote", [
        "“Tolong!” teriak seorang ibu dari lantai dua.",
        "Petugas pemadam kebakaran segera memasang tangga.",
        "Tak lama kemudian, seluruh penghuni berhasil dievakuasi.",
    ]),
    ("quote", [
        "Kepala Dinas Pendidikan menegaskan tidak ada pungutan dalam penerimaan siswa baru.",
        "“Kalau ada sekolah yang memungut biaya, laporkan kepada kami.",
        "Kami akan tindak,” tegasnya.",
    ]),
    ("quote", [
        "\"Saya tidak tahu apa-apa soal uang itu.",
        "Saya hanya sopir,\" ujar terdakwa di hadapan majelis hakim.",
        "Jaksa menilai keterangan itu tidak masuk akal.",
    ]),
    ("quote", [
        "Presiden mengatakan, “Pembangunan harus dirasakan seluruh rakyat.”",
        "Ia lalu meninjau pasar.",
    ]),
    ("quote", [
        "Ketua DPR menyatakan: “Undang-undang ini untuk rakyat.”",
        "Sejumlah mahasiswa berunjuk rasa di luar gedung.",
    ]),
    ("quote", [
        "“Jaksa bilang, ‘Kami punya bukti kuat.’",
        "Buktinya mana?” kata kuasa hukum terdakwa.",
    ]),
    ("quote", [
        "Istilah ‘serangan fajar’ kembali ramai dibicarakan menjelang pemungutan suara.",
        "Bawaslu meminta warga melapor bila menerima uang.",
    ]),
    ("quote", [
        "‘Kapan kita pulang?’ tanya anak itu kepada ibunya.",
        "Sang ibu hanya tersenyum.",
    ]),
    ("quote", [
        "Ia menyebut kebijakan tersebut sebagai \"langkah mundur\".",
        "Menurut dia, aturan lama lebih baik.",
    ]),
    ("quote", [
        "Warga terdiam.",
        "“Kami hanya ingin air bersih,” kata Rudi, warga RT 04.",
        "Keluhan serupa sudah disampaikan sejak tahun lalu.",
    ]),
    ("quote", [
        "“Apakah ini adil?” ucapnya lirih.",
        "“Anak saya tidak bersalah!” serunya sambil menangis.",
        "Sidang kemudian diskors.",
    ]),
    ("quote", [
        "\"Berapa lama lagi kami harus menunggu?\" keluh seorang penumpang.",
        "Kereta tertahan lebih dari dua jam di Stasiun Manggarai.",
    ]),
    ("quote", [
        "“Target kami tahun ini 10 juta wisatawan.”",
        "Angka itu lebih tinggi dari tahun lalu.",
        "\"Kami optimistis,\" ujar Menteri Pariwisata.",
    ]),
    ("quote", [
        "Pelatih tim nasional puas dengan hasil imbang itu.",
        "“Anak-anak bermain luar biasa.",
        "Saya bangga,” katanya seusai laga.",
        "Indonesia akan menghadapi Vietnam pekan depan.",
    ]),
    ("quote", [
        "\"Sudah makan?\"",
        "\"Belum,\" jawabnya singkat.",
    ]),
    ("quote", [
        "Ia bertanya, “Siapa yang bertanggung jawab?”",
        "Tidak ada pejabat yang menjawab.",
    ]),
    ("quote", [
        "“Ini bukan soal menang atau kalah,” kata dia.",
        "“Ini soal harga diri bangsa.”",
        "Ia lalu meninggalkan ruangan.",
    ]),
    ("quote", [
        "'Saya siap dipanggil kapan saja,' kata Budi kepada wartawan.",
        "Ia membantah menerima gratifikasi.",
    ]),
    ("quote", [
        "“Mau ke mana, Pak?” tanya petugas.",
        "“Ke Bogor,” jawab lelaki itu.",
    ]),
    ("quote", [
        "Juru bicara Kementerian Luar Negeri menyatakan, \"Indonesia mengecam keras serangan itu.\"",
        "Pemerintah juga menyiapkan evakuasi WNI.",
    ]),
    # --- companies ---
    ("company", [
        "Laba bersih PT Bank Rakyat Indonesia (Persero) Tbk. tumbuh 12 persen secara tahunan.",
        "Penyaluran kredit UMKM menjadi pendorong utama.",
    ]),
    ("company", [
        "Dana bantuan disalurkan melalui PT Bank Rakyat Indonesia (Persero) Tbk.",
        "Penyaluran dimulai pekan depan.",
    ]),
    ("company", [
        "Saham PT. Astra International Tbk. (ASII) ditutup menguat 2,3 persen.",
        "Investor asing mencatat beli bersih Rp 450 miliar.",
    ]),
    ("company", [
        "Proyek itu dikerjakan CV. Maju Jaya bersama PT. Karya Abadi.",
        "Nilai kontraknya Rp 4,7 miliar.",
    ]),
    ("company", [
        "Pabrik itu dibangun oleh Toyota Motor Corp.",
        "Investasinya mencapai US$1,2 miliar.",
    ]),
    ("company", [
        "Kesepakatan diteken dengan Samsung Electronics Co. Ltd. di Seoul.",
        "Penandatanganan disaksikan duta besar Indonesia.",
    ]),
    ("company", [
        "Aplikasi itu dikembangkan oleh Alphabet Inc.",
        "Perusahaan induk Google itu belum memberikan tanggapan.",
    ]),
    ("company", [
        "Kerja sama juga dijalin dengan Petronas Sdn. Bhd. dan Shell Ltd.",
        "Nilai investasinya belum diumumkan.",
    ]),
    ("company", [
        "PT Pertamina (Persero) memastikan stok BBM aman.",
        "Distribusi ke SPBU di jalur mudik ditambah 15 persen.",
    ]),
    ("company", [
        "Menurut Direktur Utama PT Garuda Indonesia (Persero) Tbk., maskapai menambah 20 penerbangan.",
        "Tambahan itu berlaku selama masa libur sekolah.",
    ]),
    ("company", [
        "Gugatan diajukan oleh Meta Platforms Inc. dan Microsoft Corp. di pengadilan California.",
        "Sidang perdana digelar bulan depan.",
    ]),
    ("company", [
        "Anak usaha itu, Nusantara Logistics Pte. Ltd., berkantor di Singapura.",
        "Perusahaan itu didirikan pada 2019.",
    ]),
    ("company", [
        "Obligasi diterbitkan PT Telkom Indonesia (Persero) Tbk.",
        "Telkom akan memakai dananya untuk membangun pusat data.",
    ]),
    # --- titles, degrees, honorifics ---
    ("title", [
        "Seminar itu menghadirkan Prof. Dr. Ir. H. Bambang Sutrisno, M.Sc. sebagai pembicara utama.",
        "Peserta datang dari 20 kampus.",
    ]),
    ("title", [
        "Acara dibuka oleh Rektor Universitas Airlangga, Prof. Dr. Hadi Santoso, M.Hum.",
        "Ia menekankan pentingnya riset terapan.",
    ]),
    ("title", [
        "Pengacara terdakwa, Andi Wijaya, S.H., M.H., mengajukan keberatan.",
        "Hakim menolaknya.",
    ]),
    ("title", [
        "Perkara itu ditangani oleh advokat Rina Kusuma, S.H.",
        "Ia sudah 15 tahun berpraktik.",
    ]),
    ("title", [
        "Penelitian itu dipimpin Siti Rahayu, Ph.D.",
        "Timnya menemukan dua spesies katak baru di Papua.",
    ]),
    ("title", [
        "Kepala Dinas Kesehatan, dr. Ani Rahmawati, M.Kes., mengimbau warga memakai masker.",
        "Kasus ISPA naik dua kali lipat.",
    ]),
    ("title", [
        "Pemeriksaan dilakukan oleh dr. Budi Hartono, Sp.PD.",
        "Pasien dinyatakan stabil.",
    ]),
    ("title", [
        "Sambutan disampaikan Bupati Bogor Dr. H. Ahmad Fauzi, M.Si.",
        "Ia meminta camat mempercepat pendataan.",
    ]),
    ("title", [
        "Wakil Presiden K.H. Ma'ruf Amin membuka muktamar itu.",
        "Ribuan santri hadir.",
    ]),
    ("title", [
        "Gubernur Jawa Timur Hj. Khofifah Indar Parawansa meninjau lokasi banjir.",
        "Ia didampingi Kapolda Jatim Irjen Pol. Imam Sugianto.",
    ]),
    ("title", [
        "Surat itu ditujukan kepada Yth. Bpk. Suryono di Kec. Ngaliyan.",
        "Isinya undangan rapat warga.",
    ]),
    ("title", [
        "Saksi Sdr. Hendra mengaku tidak mengenal terdakwa.",
        "Sementara itu, Sdri. Lestari tidak hadir.",
    ]),
    ("title", [
        "Pengajian dipimpin KH. Abdul Hamid dan Ust. Yusuf Mansur.",
        "Jemaah memadati masjid sejak subuh.",
    ]),
    ("title", [
        "Drs. H. Mulyadi, M.M. dilantik sebagai sekretaris daerah.",
        "Pelantikan berlangsung di pendopo kabupaten.",
    ]),
    ("title", [
        "Ia meraih gelar Ph.D. dari Universitas Leiden.",
        "Disertasinya membahas sejarah rempah.",
    ]),
    ("title", [
        "Ibu Negara Iriana Joko Widodo menyapa para pedagang.",
        "Ny. Wury Ma'ruf Amin turut mendampingi.",
    ]),
    ("title", [
        "Almarhum H. Sudirman dikenal sebagai tokoh masyarakat.",
        "Jenazahnya dimakamkan di TPU Karet Bivak.",
    ]),
    ("title", [
        "Tersangka dijerat Pasal 2 ayat (1) UU No. 31 Tahun 1999.",
        "Ancaman hukumannya 20 tahun penjara.",
    ]),
    ("title", [
        "Mantan Kepala Staf TNI AD Jenderal (Purn.) Dudung Abdurachman hadir dalam acara itu.",
        "Ia duduk di barisan depan.",
    ]),
    ("title", [
        "Laporan itu disusun Drs. Wahyu Nugroho, M.A., Ph.D.",
        "Laporan akan diserahkan kepada DPR.",
    ]),
    # --- government abbreviations, addresses ---
    ("address", [
        "Kebakaran terjadi di Jl. Gajah Mada No. 45, Kel. Petojo Utara, Kec. Gambir.",
        "Api baru padam dua jam kemudian.",
    ]),
    ("address", [
        "Longsor menimbun tiga rumah di Desa Cibadak, Kec. Sukamakmur, Kab. Bogor, Prov. Jawa Barat.",
        "Tidak ada korban jiwa.",
    ]),
    ("address", [
        "Warga RT 03/RW 05 Kelurahan Kampung Melayu kembali mengungsi.",
        "Air setinggi dada masuk ke permukiman.",
    ]),
    ("address", [
        "Kantor pos itu berada di Jln. Diponegoro No. 12.",
        "Gedungnya dibangun pada masa Belanda.",
    ]),
    ("address", [
        "Posko pengaduan dibuka di Kantor Kec. Tanah Abang.",
        "Warga bisa datang setiap hari kerja.",
    ]),
    ("address", [
        "Pelaku tinggal di Perum. Griya Asri Blok C No. 7, Kab. Sidoarjo.",
        "Polisi menyita sepeda motor milik pelaku.",
    ]),
    ("address", [
        "Korban dibawa ke RSUD Dr. Soetomo.",
        "Kondisinya berangsur membaik.",
    ]),
    ("address", [
        "Penyaluran bansos di Kab. Garut dimulai Senin.",
        "Prov. Jawa Barat menargetkan penyaluran selesai akhir bulan.",
    ]),
    # --- money, percentages, numbers ---
    ("number", [
        "Pemerintah menyiapkan anggaran Rp 1,5 triliun untuk program makan bergizi.",
        "Anggaran itu naik 20 persen dibanding tahun lalu.",
    ]),
    ("number", [
        "Nilai tukar rupiah melemah ke level Rp15.850 per dolar AS.",
        "Pelemahan dipicu penguatan dolar secara global.",
    ]),
    ("number", [
        "Ekspor nikel mencapai US$2,3 miliar pada kuartal pertama.",
        "Angka itu turun 3,5 persen.",
    ]),
    ("number", [
        "Sebanyak 120.000 tiket kereta mudik terjual dalam sehari.",
        "Tiket untuk tanggal 5 April paling diminati.",
    ]),
    ("number", [
        "Inflasi tahunan tercatat 2,84 persen.",
        "Inflasi inti berada di angka 1,68%.",
        "Keduanya masih dalam sasaran BI.",
    ]),
    ("number", [
        "Harga cabai rawit menembus Rp 80.000/kg.",
        "Pedagang mengaku pasokan dari Temanggung berkurang.",
    ]),
    ("number", [
        "Pertumbuhan ekonomi kuartal II diperkirakan 5,1-5,3 persen.",
        "Konsumsi rumah tangga masih menjadi penopang.",
    ]),
    ("number", [
        "Denda yang dijatuhkan sebesar Rp. 500.000,-.",
        "Terdakwa menyatakan menerima putusan itu.",
    ]),
    ("number", [
        "Jumlah penumpang mencapai 1,2 juta orang atau naik 7,5% dari tahun lalu.",
        "PT KAI menambah 30 perjalanan.",
    ]),
    ("number", [
        "IHSG ditutup melemah 0,45 persen ke level 7.215,33.",
        "Sektor teknologi paling tertekan.",
    ]),
    ("number", [
        "Gempa bermagnitudo 5,6 mengguncang Cianjur.",
        "Pusat gempa berada di kedalaman 10 km.",
        "BMKG menyatakan gempa tidak berpotensi tsunami.",
    ]),
    ("number", [
        "Utang luar negeri Indonesia tercatat US$ 403,9 miliar.",
        "Rasio utang terhadap PDB sebesar 29,8 persen.",
    ]),
    # --- times and dates ---
    ("time", [
        "Pesawat mendarat di Bandara Soekarno-Hatta pukul 14.30 WIB.",
        "Rombongan langsung menuju Istana Merdeka.",
    ]),
    ("time", [
        "Sidang dimulai pukul 09.00 WITA dan berakhir pukul 16.45 WITA.",
        "Putusan akan dibacakan pekan depan.",
    ]),
    ("time", [
        "Proklamasi kemerdekaan dibacakan pada 17.8.1945 di Jalan Pegangsaan Timur 56.",
        "Naskahnya diketik oleh Sayuti Melik.",
    ]),
    ("time", [
        "Pemungutan suara digelar Rabu (14/2/2024).",
        "Hasil hitung cepat keluar pada sore hari.",
    ]),
    ("time", [
        "Gempa terjadi pada Selasa pukul 21.07.",
        "Warga berhamburan keluar rumah.",
    ]),
    ("time", [
        "Peristiwa itu terjadi pada 12 Mei 1998.",
        "Empat mahasiswa tewas tertembak.",
    ]),
    ("time", [
        "Operasi Ketupat berlangsung pada 4-16 April 2024.",
        "Polisi mengerahkan 155.000 personel.",
    ]),
    ("time", [
        "Kereta berangkat dari Stasiun Gambir pukul 06.00.",
        "Perjalanan ke Surabaya memakan waktu sekitar delapan jam.",
    ]),
    # --- URLs, e-mail, hashtags, mentions ---
    ("url", [
        "Pendaftaran dilakukan secara daring melalui laman https://sscasn.bkn.go.id.",
        "Pelamar wajib mengunggah ijazah asli.",
    ]),
    ("url", [
        "Informasi lengkap dapat dilihat di www.bmkg.go.id.",
        "Masyarakat juga bisa mengunduh aplikasi InfoBMKG.",
    ]),
    ("url", [
        "Laporan dapat dikirim ke pengaduan@ojk.go.id.",
        "OJK berjanji menindaklanjuti setiap laporan.",
    ]),
    ("url", [
        "Berita ini telah tayang di Kompas.com dengan judul yang sama.",
        "Simak berita lainnya di www.kompas.com.",
    ]),
    ("url", [
        "Unggahan itu dibagikan melalui akun Instagram @kemenkes_ri.",
        "Unggahan tersebut disukai lebih dari 50.000 pengguna.",
    ]),
    ("url", [
        "Tagar #TolakRUUPenyiaran menjadi trending di X sejak Selasa pagi.",
        "Ribuan warganet ikut mencuitkannya.",
    ]),
    ("url", [
        "Dokumen itu bisa diunduh di https://www.kemenkeu.go.id/informasi-publik/apbn?tahun=2024.",
        "Dokumen tersedia dalam format PDF.",
    ]),
    ("url", [
        "Warga dapat melapor lewat nomor 112 atau surel humas@jakarta.go.id.",
        "Layanan aktif 24 jam.",
    ]),
    ("url", [
        "Ia menulis di akun X miliknya, @susipudjiastuti, bahwa laut harus dijaga.",
        "Cuitan itu dibagikan ulang ribuan kali.",
    ]),
    ("url", [
        "Situs web detik.com sempat tidak bisa diakses selama satu jam.",
        "Gangguan terjadi karena serangan siber.",
    ]),
    # --- an abbreviation ends a sentence, a new one follows ---
    ("abbr-end", [
        "Bantuan berupa beras, minyak goreng, gula, dll.",
        "Selain itu, warga menerima uang tunai.",
    ]),
    ("abbr-end", [
        "Bantuan berupa beras, minyak goreng, gula, dan lain-lain dll.",
        "Semua bantuan dibagikan di balai desa.",
    ]),
    ("abbr-end", [
        "Studi itu ditulis oleh Suryadi dkk.",
        "Mereka meneliti 400 rumah tangga di Lombok.",
    ]),
    ("abbr-end", [
        "Peserta wajib membawa KTP, kartu keluarga, pas foto, dsb.",
        "Berkas diserahkan kepada panitia.",
    ]),
    ("abbr-end", [
        "Rumah itu berjarak sekitar 5 km.",
        "Warga harus berjalan kaki ke sana.",
    ]),
    ("abbr-end", [
        "Kegiatan itu dihadiri perwakilan dinas, camat, lurah, dst.",
        "Rapat berlangsung tertutup.",
    ]),
    ("abbr-end", [
        "Pertemuan digelar di Washington D.C.",
        "Kedua pemimpin membahas perdagangan.",
    ]),
    ("abbr-end", [
        "Rapat dipimpin Wakil Ketua DPRD, Hendra Gunawan, S.E.",
        "Rapat memutuskan membentuk panitia khusus.",
    ]),
    ("abbr-end", [
        "Alat itu dibeli dari Boston Scientific Corp.",
        "Harganya mencapai Rp 3 miliar.",
    ]),
    ("abbr-end", [
        "Peringatan itu disampaikan Martin Luther King Jr.",
        "Pidatonya dikenang hingga kini.",
    ]),
    ("abbr-end", [
        "Berat badan bayi itu hanya 1,8 kg.",
        "Ia dirawat di ruang NICU.",
    ]),
    ("abbr-end", [
        "Barang bukti berupa ponsel, laptop, dan buku tabungan, dsb.",
        "Semuanya dibawa ke Mapolda.",
    ]),
    # --- ellipses ---
    ("ellipsis", [
        "Ia hanya berkata, \"Saya... saya tidak tahu.\"",
        "Lalu ia menunduk.",
    ]),
    ("ellipsis", [
        "Kami sudah menunggu berbulan-bulan…",
        "Namun, bantuan tak kunjung datang.",
    ]),
    ("ellipsis", [
        "Harga naik terus... dan gaji tidak naik.",
        "Begitu keluhan para buruh.",
    ]),
    ("ellipsis", [
        "“Kami menunggu... menunggu... dan terus menunggu,” ujar seorang korban.",
        "Ia sudah tiga tahun tinggal di hunian sementara.",
    ]),
    ("ellipsis", [
        "Sejumlah nama disebut, di antaranya Andi, Budi, Citra…",
        "Semua membantah terlibat.",
    ]),
    ("ellipsis", [
        "Dalam surat itu tertulis \"...demi kepentingan bangsa dan negara.\"",
        "Surat itu ditandatangani presiden.",
    ]),
    ("ellipsis", [
        "Entahlah... mungkin besok.",
        "Begitu jawaban petugas saat ditanya.",
    ]),
    # --- parentheses and glosses ---
    ("paren", [
        "Ia tiba di lokasi pukul 10.00.",
        "(Rombongan sempat tertahan di Tol Cikampek.)",
        "Acara kemudian dimulai.",
    ]),
    ("paren", [
        "Pemerintah mengatur penggunaan kecerdasan artifisial (artificial intelligence/AI) di sektor publik.",
        "Aturan itu berlaku tahun depan.",
    ]),
    ("paren", [
        "Fenomena perundungan daring (cyberbullying) makin marak.",
        "Korbannya kebanyakan remaja.",
    ]),
    ("paren", [
        "Dia (Budi, red.) mengaku tidak tahu.",
        "Polisi masih mendalami keterangan itu.",
    ]),
    ("paren", [
        "Pemerintah menyalurkan Bantuan Langsung Tunai (BLT) kepada 18 juta keluarga.",
        "Setiap keluarga menerima Rp 600.000.",
    ]),
    ("paren", [
        "Konsep ekonomi sirkular (circular economy) mulai diterapkan.",
        "Sampah plastik didaur ulang menjadi bahan bangunan.",
    ]),
    ("paren", [
        "Wakil Ketua Komisi III DPR (Fraksi PDI-P) menolak usulan itu.",
        "Menurut dia, usulan itu melanggar konstitusi.",
    ]),
    # --- sentences that open with a digit or a lower-case word ---
    ("opener", [
        "Tahun ini pemerintah menargetkan pertumbuhan 5,2 persen.",
        "2024 menjadi tahun yang berat bagi industri tekstil.",
    ]),
    ("opener", [
        "Banjir melanda tujuh kecamatan.",
        "1.200 warga terpaksa mengungsi ke masjid dan sekolah.",
    ]),
    ("opener", [
        "Apple memperkenalkan ponsel terbarunya di California.",
        "iPhone 15 dijual mulai Rp 16 juta di Indonesia.",
    ]),
    ("opener", [
        "Perusahaan rintisan perikanan itu kembali melakukan PHK.",
        "eFishery memangkas sekitar 200 karyawan.",
    ]),
    ("opener", [
        "Survei dilakukan terhadap 1.500 responden.",
        "25 persen di antaranya belum menentukan pilihan.",
    ]),
    ("opener", [
        "Penjualan mobil listrik melonjak.",
        "iPad dan laptop juga laris.",
        "eBay melaporkan hal serupa di pasar Asia.",
    ]),
    ("opener", [
        "Harga emas batangan kembali naik.",
        "3 gram emas kini dihargai lebih dari Rp 4 juta.",
    ]),
    # --- initials ---
    ("initials", [
        "Presiden Susilo B. Yudhoyono meresmikan jembatan itu pada 2009.",
        "Jembatan tersebut menghubungkan Surabaya dan Madura.",
    ]),
    ("initials", [
        "Pesawat itu dirancang di bawah pimpinan B.J. Habibie.",
        "Ia kemudian menjadi presiden ketiga.",
    ]),
    ("initials", [
        "Pemikiran H.O.S. Tjokroaminoto memengaruhi banyak tokoh pergerakan.",
        "Salah satunya adalah Soekarno.",
    ]),
    ("initials", [
        "Surat-surat R.A. Kartini diterbitkan setelah ia wafat.",
        "Buku itu berjudul Habis Gelap Terbitlah Terang.",
    ]),
    ("initials", [
        "Ia bertemu mantan Presiden AS George W. Bush di Texas.",
        "Pertemuan itu berlangsung tertutup.",
    ]),
    ("initials", [
        "Novel karya Pramoedya Ananta Toer dan A.A. Navis dibahas dalam diskusi itu.",
        "Diskusi dipandu M. Aan Mansyur.",
    ]),
    # --- letters: groups, vitamins ---
    ("letter", [
        "Indonesia tergabung di Grup B.",
        "Tim Garuda akan menghadapi Jepang pada laga pertama.",
    ]),
    ("letter", [
        "Jeruk kaya akan vitamin C.",
        "Zat itu membantu menjaga daya tahan tubuh.",
    ]),
    # --- decades ---
    ("decade", [
        "Musik pop Melayu berjaya pada 1960-an.",
        "Setelah itu, dangdut mulai naik daun.",
    ]),
    ("decade", [
        "Gedung itu dibangun pada akhir 1980-an.",
        "Kini kondisinya memprihatinkan.",
    ]),
    ("decade", [
        "Tren itu mirip dengan era 90-an.",
        "Banyak anak muda kembali memakai kaset.",
    ]),
    # --- numbered list items ---
    ("list", ["81. selama satu hari penuh warga dilarang menyalakan api"]),
    ("list", [
        "1. Pendaftaran dibuka pukul 08.00 WIB.",
        "Peserta wajib datang tepat waktu.",
    ]),
    ("list", [
        "2. Peserta membawa fotokopi KTP sebanyak dua lembar.",
        "Berkas yang tidak lengkap tidak akan diproses.",
    ]),
    ("list", ["3. membawa surat keterangan sehat dari puskesmas"]),
    # --- translated news (wire copy) ---
    ("translated", [
        "WASHINGTON (Reuters) - Presiden AS mengatakan pada Senin bahwa pembicaraan dagang dengan China berjalan baik.",
        "Ia tidak memberikan rincian.",
    ]),
    ("translated", [
        "Direktur Eksekutif IMF Kristalina Georgieva memperingatkan perlambatan ekonomi global.",
        "\"Kita harus bersiap,\" katanya dalam konferensi pers di Washington D.C., Selasa.",
    ]),
    ("translated", [
        "Saham Tesla Inc. anjlok 8 persen setelah laporan keuangan dirilis.",
        "Analis menilai permintaan mobil listrik melemah.",
    ]),
    ("translated", [
        "Pertemuan itu juga dihadiri Dr. Anthony Fauci.",
        "Ia menjabat penasihat kesehatan Gedung Putih.",
    ]),
    ("translated", [
        "\"Kami tidak akan menyerah!\" kata perdana menteri di depan parlemen.",
        "Para anggota oposisi bersorak.",
    ]),
    ("translated", [
        "Kantor berita AFP melaporkan, sedikitnya 12 orang tewas dalam serangan itu.",
        "Jumlah korban diperkirakan bertambah.",
    ]),
    ("translated", [
        "Perusahaan itu dimiliki Berkshire Hathaway Inc., milik investor Warren Buffett.",
        "Nilai akuisisinya US$11,6 miliar.",
    ]),
    # --- mixed hard paragraphs ---
    ("mixed", [
        "JAKARTA, KOMPAS.com - PT Bank Central Asia Tbk. (BCA) mencatat laba Rp 48,6 triliun pada 2023.",
        "Angka itu tumbuh 19,4 persen.",
        "\"Kinerja ini ditopang kredit korporasi,\" kata Presiden Direktur BCA di Jakarta, Kamis (25/1/2024).",
    ]),
    ("mixed", [
        "Kapolres Metro Jakarta Selatan Kombes Pol. Ade Rahmat mengatakan pelaku ditangkap pukul 02.15 WIB.",
        "“Pelaku sudah kami amankan,” ujarnya.",
        "Barang bukti berupa sabu seberat 1,2 kg.",
    ]),
    ("mixed", [
        "Pemprov DKI menyiapkan 1.000 bus gratis selama KTT ASEAN.",
        "Info rute bisa dilihat di https://transjakarta.co.id.",
        "“Silakan manfaatkan,” kata Kepala Dinas Perhubungan.",
    ]),
    ("mixed", [
        "Menurut Prof. Dr. Emil Salim, pembangunan berkelanjutan bukan sekadar slogan.",
        "“Kita harus bertindak sekarang.",
        "Besok mungkin sudah terlambat,” ujarnya.",
    ]),
    ("mixed", [
        "Harga tiket pesawat Jakarta-Denpasar mencapai Rp 2,5 juta.",
        "“Mahal sekali!” keluh seorang calon penumpang.",
        "Kemenhub berjanji mengevaluasi tarif batas atas.",
    ]),
    ("mixed", [
        "Acara ini digelar oleh Yayasan Cinta Anak Bangsa bekerja sama dengan PT. Unilever Indonesia Tbk.",
        "Sebanyak 500 anak mendapat beasiswa.",
    ]),
    ("mixed", [
        "Kasus itu ditangani Kejaksaan Negeri Jakarta Pusat.",
        "Berkasnya bernomor PDM-123/JKT.PST/05/2024.",
        "Sidang perdana dijadwalkan Juni.",
    ]),
    ("mixed", [
        "Dalam rapat, Menteri Keuangan Sri Mulyani Indrawati memaparkan defisit APBN sebesar 2,29 persen dari PDB.",
        "“Defisit masih terkendali,” katanya.",
        "Ia juga menyinggung penerimaan pajak yang mencapai Rp 1.869,2 triliun.",
    ]),
    ("mixed", [
        "Seorang warga, Ny. Siti Aminah (54), mengaku rumahnya terendam sejak pukul 03.00.",
        "“Air datang tiba-tiba.",
        "Kami tidak sempat menyelamatkan barang,” katanya.",
        "Ia kini tinggal di posko pengungsian.",
    ]),
    ("mixed", [
        "Tim SAR gabungan menemukan korban ketiga pada Minggu (7/7) sore.",
        "Korban ditemukan sekitar 2 km dari lokasi kejadian.",
        "Pencarian dua korban lainnya dilanjutkan Senin.",
    ]),
    ("mixed", [
        "Vaksin itu diproduksi oleh PT Bio Farma (Persero).",
        "Bio Farma menargetkan produksi 100 juta dosis per tahun.",
    ]),
    ("mixed", [
        "Film \"Agak Laen\" ditonton lebih dari 9 juta orang.",
        "Film itu disutradarai Muhadkly Acho.",
    ]),
    ("mixed", [
        "Ia bertanya kepada para siswa: \"Siapa yang ingin menjadi dokter?\"",
        "Hampir semua siswa mengangkat tangan.",
    ]),
    ("mixed", [
        "Sidang dipimpin hakim ketua Dr. Eko Aryanto, S.H., M.H. dan dua hakim anggota.",
        "Jaksa menuntut terdakwa 12 tahun penjara.",
    ]),
    ("mixed", [
        "Polisi menyita uang tunai Rp 1,3 miliar, 15 unit ponsel, dll. dari rumah tersangka.",
        "Tersangka dijerat UU ITE.",
    ]),
    ("mixed", [
        "Ledakan terdengar hingga radius 3 km.",
        "“Saya kira gempa,” kata Ahmad, warga setempat.",
        "Polisi memasang garis polisi di sekitar lokasi.",
    ]),
    ("mixed", [
        "Kenaikan tarif ojek daring berlaku mulai 1 September.",
        "Tarif minimum naik menjadi Rp 10.000 untuk jarak 4 km pertama.",
        "Gojek dan Grab belum berkomentar.",
    ]),
    # --- added after probing: classes fixed in pipeline/segment/splitter.py and their neighbours ---
    ("letter", [
        "Juventus kembali memimpin klasemen Serie A.",
        "Tim asuhan Thiago Motta itu unggul dua poin.",
    ]),
    ("letter", [
        "Survei itu menyasar generasi Z.",
        "Mereka lahir antara 1997 dan 2012.",
    ]),
    ("letter", [
        "Pasien itu membutuhkan darah golongan O.",
        "PMI mengimbau warga mendonorkan darah.",
    ]),
    ("letter", [
        "Kerugian negara ditaksir Rp 3,2 M.",
        "Penyidik masih menghitung ulang.",
    ]),
    ("title", [
        "Pelantikan dihadiri Pj. Gubernur Jawa Barat dan Plt. Kepala Dinas Kesehatan.",
        "Keduanya datang terlambat.",
    ]),
    ("title", [
        "Surat itu ditandatangani Plh. Sekretaris Daerah.",
        "Isinya larangan mudik bagi ASN.",
    ]),
    ("paren", [
        "Ia (Ketua RT, red.) sudah melapor ke kelurahan.",
        "Namun belum ada tanggapan.",
    ]),
    ("paren", [
        "Pemerintah belum tahu (atau belum mau tahu?) soal kerusakan itu.",
        "Warga pun kecewa.",
    ]),
    ("paren", [
        "Bantuan berupa beras, mi instan, air mineral, dsb.",
        "(Semua diserahkan secara simbolis oleh bupati.)",
        "Penyaluran berikutnya pekan depan.",
    ]),
    ("address", [
        "Ia tinggal di RT. 02/RW. 07 Kel. Cibubur.",
        "Rumahnya berdinding papan.",
    ]),
    ("opener", [
        "Ia pindah ke Bali.",
        "iPhone miliknya hilang di bandara.",
    ]),
    ("opener", [
        "Seminar itu digelar di Solo.",
        "dr. Tirta hadir sebagai pembicara.",
    ]),
    ("opener", [
        "Kerja sama itu diteken dengan Apple Inc.",
        "2025 menjadi target peluncuran produk pertama.",
    ]),
    ("opener", [
        "Jadwal selengkapnya ada di https://kai.id.",
        "eFishery juga membuka lowongan di laman yang sama.",
    ]),
    ("translated", [
        "Ia bertemu Sen. Elizabeth Warren di Capitol.",
        "Pertemuan itu membahas regulasi bank.",
    ]),
    ("translated", [
        "Pidato itu disampaikan Gov. Gavin Newsom di Sacramento.",
        "Ia menyinggung kebakaran hutan.",
    ]),
    ("translated", [
        "Pendaki asal Nepal itu mencapai puncak Mt. Everest untuk ke-30 kalinya.",
        "Ia memecahkan rekornya sendiri.",
    ]),
    ("translated", [
        "Film itu dibintangi Robert Downey Jr. dan Chris Evans.",
        "Penjualan tiketnya memecahkan rekor.",
    ]),
    ("translated", [
        "Ia tumbuh besar di St. Louis, Missouri.",
        "Ayahnya bekerja di pabrik sepatu.",
    ]),
    ("quote", [
        "“Tidak,” jawabnya.",
        "“Saya tidak pernah ke sana.”",
        "Hakim mencatat jawaban itu.",
    ]),
    ("quote", [
        "“Apakah Anda menerima uang itu?” tanya jaksa.",
        "“Tidak pernah,” jawab terdakwa.",
        "Sidang dilanjutkan dengan pemeriksaan saksi.",
    ]),
    ("quote", [
        "“Saya lelah,” katanya, “tapi saya senang.”",
        "Ia lalu berpamitan.",
    ]),
    ("quote", [
        "“Kenapa?!” teriaknya.",
        "Semua orang di ruangan itu kaget.",
    ]),
    ("quote", [
        "“Kapan?”",
        "“Besok.”",
        "Percakapan singkat itu terekam kamera pengawas.",
    ]),
    ("quote", [
        "“Saya tidak pernah menerima sepeser pun.”",
        "Begitu pengakuan terdakwa di persidangan.",
    ]),
    ("quote", [
        "Ia menyebut dirinya \"korban\".",
        "Jaksa tidak sependapat.",
    ]),
    ("quote", [
        "\"Kami,\" katanya, \"tidak takut.\"",
        "Massa pun bersorak.",
    ]),
    ("number", [
        "Hal itu diatur dalam Pasal 27 ayat (3).",
        "Pasal itu kerap disebut pasal karet.",
    ]),
    ("number", [
        "IPK-nya 3,85.",
        "Ia lulus dengan predikat cum laude.",
    ]),
    ("number", [
        "Timnas naik ke peringkat ke-130.",
        "Posisi itu yang terbaik dalam satu dekade.",
    ]),
    ("number", [
        "Jumlah korban tewas mencapai 34.",
        "Angka itu diperkirakan bertambah.",
    ]),
    ("time", [
        "Pemerintah menetapkan 1 Ramadhan 1445 H.",
        "Umat Islam mulai berpuasa pada Selasa.",
    ]),
    ("title", [
        "Peringatan Maulid Nabi Muhammad SAW. digelar di masjid agung.",
        "Ribuan jemaah bershalawat bersama.",
    ]),
    ("list", [
        "Syarat pendaftarannya: a. warga negara Indonesia; b. berusia minimal 17 tahun; c. sehat jasmani.",
        "Berkas dikirim ke panitia.",
    ]),
    ("list", [
        "Ada tiga tuntutan buruh, yakni: 1. kenaikan upah; 2. penghapusan sistem kontrak; 3. jaminan kesehatan.",
        "Pemerintah berjanji mempelajarinya.",
    ]),
    ("ellipsis", [
        "Ia terdiam lama....",
        "Lalu ia menangis.",
    ]),
    ("attribution", [
        "Kompas.com mencoba menghubungi kuasa hukum tersangka.",
        "Namun, hingga berita ini diturunkan belum ada respons.",
    ]),
    ("abbr-end", [
        "Laporan keuangan pemerintah daerah itu diaudit oleh BPK.",
        "Hasilnya wajar tanpa pengecualian.",
    ]),
]



def build() -> list[dict]:
    return seg_gold.build(PARAGRAPHS, "hard")


if __name__ == "__main__":
    seg_gold.write(Path(__file__).with_name("seg_hard.jsonl"), build())
