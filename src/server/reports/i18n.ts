/**
 * Every string printed on a rapor or piagam, in Bahasa Indonesia (the source) and English, and
 * the number and date formats of each language (id-ID "95,31 · 4 Desember 2024", en "95.31 ·
 * 4 December 2024"). Numbers are rounded decimal-exactly by the engine's `formatFixed2`
 * (half away from zero, methodology.md §1) before the separators are localised, so a printed
 * number never disagrees with the published one. No I/O.
 */
import { formatFixed2 } from '../../core/index.ts';
import type { EvidenceKind, Lang, Text } from '../../core/types.ts';
import type { DateInput } from './types.ts';

const id = {
  'org.name': 'Ombudsman Republik Indonesia',
  'org.short': 'Ombudsman RI',
  'rapor.title': 'Rapor Hasil Penilaian',
  'rapor.title.unit': 'Rapor Hasil Penilaian Unit Layanan',
  'rapor.provisional': 'SEMENTARA',
  'rapor.provisional.banner':
    'SEMENTARA — hasil ini belum dipublikasikan dan masih dapat berubah (klarifikasi, reviu). Jangan dikutip sebagai hasil resmi.',
  'rapor.published': 'Dipublikasikan {date} · versi {version} · snapshot {id}',
  'rapor.verify': 'Hasil resmi dan riwayat ralat: {url}',
  'rapor.generated': 'Dicetak {date}',
  'rapor.page': 'Halaman {page} dari {pages}',
  'rapor.subject.province': 'Provinsi {name}',
  'rapor.subject.unitOf': '{sector} · {government}',
  'rapor.score': 'Nilai',
  'rapor.score.of': 'dari {max}',
  'rapor.band': 'Kategori',
  'rapor.zone': 'Zona {zone}',
  'rapor.qualifier': 'Predikat tambahan',
  'rapor.qualifier.applies': 'berlaku',
  'rapor.qualifier.not': 'tidak berlaku',
  'rapor.rank.national': 'Peringkat nasional',
  'rapor.rank.national.type': 'Peringkat nasional ({type})',
  'rapor.rank.province': 'Peringkat di {province}',
  'rapor.rank.value': '{rank} dari {of}',
  'rapor.rank.none': 'tidak diperingkat dalam publikasi ini',
  'rapor.movement.up': 'naik {n} peringkat',
  'rapor.movement.down': 'turun {n} peringkat',
  'rapor.movement.same': 'peringkat tetap',
  'rapor.movement.none': 'belum ada peringkat siklus sebelumnya',
  'rapor.movement.suffix': 'dibanding siklus sebelumnya',
  'rapor.incomplete': 'Belum lengkap — nilai belum dapat dipublikasikan.',
  'rapor.incomplete.missing': '{n} indikator belum dijawab: {codes}.',
  'rapor.incomplete.instruments': 'Instrumen di bawah kuota minimum: {codes}.',
  'rapor.section.summary': 'Ringkasan',
  'rapor.section.dimensions': 'Nilai per dimensi',
  'rapor.section.dimensions.note.government':
    'Nilai dimensi pemerintah daerah adalah rata-rata nilai dimensi unit layanannya. Poin = bobot × nilai dimensi.',
  'rapor.section.dimensions.note.unit': 'Poin = bobot × nilai dimensi.',
  'rapor.section.units': 'Nilai unit layanan',
  'rapor.section.indicators': 'Rincian per indikator',
  'rapor.section.indicators.note':
    'Rerata = rata-rata jawaban pada skala indikator (responden, produk); persentase = rerata ÷ jawaban maksimum × 100; bobot = bagian dari nilai total unit (%); poin hilang = bobot dikurangi poin.',
  'rapor.section.improvements': 'Daftar perbaikan',
  'rapor.section.improvements.note.government':
    'Diurutkan dari tambahan nilai pemerintah daerah terbesar. Setiap baris: naik ke tingkat tertinggi yang masih tersedia pada indikator tersebut.',
  'rapor.section.improvements.note.unit':
    'Diurutkan dari tambahan nilai unit terbesar. Setiap baris: naik ke tingkat tertinggi yang masih tersedia pada indikator tersebut.',
  'rapor.section.improvements.more': 'Ditampilkan {shown} dari {total} perbaikan yang mungkin.',
  'rapor.section.improvements.none': 'Tidak ada perbaikan yang mungkin: semua indikator sudah bernilai maksimum.',
  'rapor.section.evidence': 'Ringkasan bukti dukung',
  'rapor.section.evidence.none': 'Belum ada bukti dukung yang dilampirkan.',
  'rapor.section.evidence.total': 'Jumlah: {files} berkas untuk {indicators} indikator.',
  'rapor.section.assumptions': 'Catatan asumsi metodologi',
  'rapor.section.assumptions.note':
    'Sumber resmi metodologi {scheme} tidak lengkap pada butir-butir berikut. Angka dalam rapor ini dihitung dengan asumsi yang tercantum; asumsi disimpan dalam berkas metodologi dan dapat diperiksa.',
  'rapor.section.assumptions.none': 'Tidak ada asumsi yang memengaruhi angka dalam rapor ini.',
  'rapor.section.method': 'Metode',
  'rapor.section.method.text':
    'Nilai unit = Σ (bobot dimensi × nilai dimensi). Nilai pemerintah = rata-rata nilai unitnya menurut aturan agregasi metodologi {scheme}. Pembulatan setengah menjauhi nol ke 2 desimal, sekali, pada angka yang diklasifikasi; batas bawah kategori termasuk.',
  'rapor.section.matrix': 'Poin hilang per indikator dan unit',
  'rapor.section.matrix.note':
    'Kolom 1–{n} = nomor unit pada tabel Nilai unit layanan; Pemda = rata-rata tertimbang unit. Sel = poin hilang (bobot dikurangi poin); · = tidak ada poin hilang; — = belum dijawab. Sel berarsir dan tebal: poin hilang ≥ {threshold}. Rincian per indikator ada pada rapor masing-masing unit.',
  'rapor.superseded': 'DIGANTIKAN — versi ini telah digantikan oleh ralat (versi {version}). Hasil yang berlaku: {url}',
  'rapor.superseded.short': 'DIGANTIKAN',
  'col.government': 'Pemda',
  'col.no': 'No',
  'col.code': 'Kode',
  'col.indicator': 'Indikator',
  'col.value': 'Rerata',
  'col.percentage': '%',
  'col.weight': 'Bobot (%)',
  'col.points': 'Poin',
  'col.pointsLost': 'Poin hilang',
  'col.dimension': 'Dimensi',
  'col.score': 'Nilai',
  'col.unit': 'Unit layanan',
  'col.sector': 'Sektor',
  'col.band': 'Kategori',
  'col.status': 'Status',
  'col.current': 'Sekarang',
  'col.target': 'Target',
  'col.unitGain': 'Tambahan nilai unit',
  'col.governmentGain': 'Tambahan nilai pemda',
  'col.files': 'Berkas',
  'col.kinds': 'Jenis bukti',
  'col.indicators': 'Indikator',
  'col.codes': 'Kode indikator berbukti',
  'col.path': 'Bagian',
  'col.note': 'Asumsi',
  'status.complete': 'Lengkap',
  'status.incomplete': 'Belum lengkap',
  'value.missing': 'belum dijawab',
  'chart.score': 'Nilai',
  'chart.max': 'Maksimum',
  'piagam.title': 'PIAGAM PENGHARGAAN',
  'piagam.given': 'diberikan kepada',
  'piagam.for': 'atas capaian',
  'piagam.award.kualitas-tertinggi': 'Opini {band} dalam {cycle}',
  'piagam.award.top-province': 'Peringkat {rank} Terbaik di Provinsi {province} dalam {cycle}',
  'piagam.award.most-improved': 'Peningkatan Nilai Terbaik Peringkat {rank}{where} dalam {cycle}',
  'piagam.award.most-improved.where': ' di Provinsi {province}',
  'piagam.award.most-improved.nationally': ' Nasional',
  'piagam.score': 'dengan nilai {score} · {band}',
  'piagam.delta': 'naik {delta} poin dari siklus sebelumnya',
  'piagam.verify.code': 'Kode verifikasi',
  'piagam.verify.scan': 'Pindai kode QR atau buka alamat berikut untuk memeriksa keaslian piagam ini terhadap hasil yang dipublikasikan:',
  'piagam.issued': '{place}, {date}',
} as const;

type Key = keyof typeof id;

const en: Record<Key, string> = {
  'org.name': 'Ombudsman of the Republic of Indonesia',
  'org.short': 'Ombudsman RI',
  'rapor.title': 'Assessment Report Card',
  'rapor.title.unit': 'Service Unit Assessment Report Card',
  'rapor.provisional': 'PROVISIONAL',
  'rapor.provisional.banner':
    'PROVISIONAL — these results are not published yet and may still change (clarification, review). Do not quote them as official results.',
  'rapor.published': 'Published {date} · version {version} · snapshot {id}',
  'rapor.verify': 'Official results and errata history: {url}',
  'rapor.generated': 'Printed {date}',
  'rapor.page': 'Page {page} of {pages}',
  'rapor.subject.province': '{name} Province',
  'rapor.subject.unitOf': '{sector} · {government}',
  'rapor.score': 'Score',
  'rapor.score.of': 'out of {max}',
  'rapor.band': 'Category',
  'rapor.zone': '{zone} zone',
  'rapor.qualifier': 'Additional qualifier',
  'rapor.qualifier.applies': 'applies',
  'rapor.qualifier.not': 'does not apply',
  'rapor.rank.national': 'National rank',
  'rapor.rank.national.type': 'National rank ({type})',
  'rapor.rank.province': 'Rank in {province}',
  'rapor.rank.value': '{rank} of {of}',
  'rapor.rank.none': 'not ranked in this publication',
  'rapor.movement.up': 'up {n} places',
  'rapor.movement.down': 'down {n} places',
  'rapor.movement.same': 'same rank',
  'rapor.movement.none': 'no rank in the previous cycle',
  'rapor.movement.suffix': 'since the previous cycle',
  'rapor.incomplete': 'Incomplete — the score cannot be published yet.',
  'rapor.incomplete.missing': '{n} indicators have no answer: {codes}.',
  'rapor.incomplete.instruments': 'Instruments below their minimum quota: {codes}.',
  'rapor.section.summary': 'Summary',
  'rapor.section.dimensions': 'Score by dimension',
  'rapor.section.dimensions.note.government':
    "A government's dimension score is the mean of its service units' dimension scores. Points = weight × dimension score.",
  'rapor.section.dimensions.note.unit': 'Points = weight × dimension score.',
  'rapor.section.units': 'Service unit scores',
  'rapor.section.indicators': 'Indicator breakdown',
  'rapor.section.indicators.note':
    "Mean = mean answer on the indicator's scale (respondents, products); percentage = mean ÷ maximum answer × 100; weight = share of the unit total (%); points lost = weight minus points.",
  'rapor.section.improvements': 'Improvement list',
  'rapor.section.improvements.note.government':
    "Largest gain to the government's score first. Each row: reaching the highest level still open on that indicator.",
  'rapor.section.improvements.note.unit':
    "Largest gain to the unit's score first. Each row: reaching the highest level still open on that indicator.",
  'rapor.section.improvements.more': 'Showing {shown} of {total} possible improvements.',
  'rapor.section.improvements.none': 'No improvement possible: every indicator is at its maximum.',
  'rapor.section.evidence': 'Evidence summary',
  'rapor.section.evidence.none': 'No evidence has been attached yet.',
  'rapor.section.evidence.total': 'Total: {files} files for {indicators} indicators.',
  'rapor.section.assumptions': 'Methodology assumptions',
  'rapor.section.assumptions.note':
    'The official sources of methodology {scheme} are incomplete on the points below. The numbers in this report card are computed with the assumptions listed; they are stored in the methodology file and can be inspected.',
  'rapor.section.assumptions.none': 'No assumption affects the numbers in this report card.',
  'rapor.section.method': 'Method',
  'rapor.section.method.text':
    "Unit score = Σ (dimension weight × dimension score). Government score = mean of its units' scores under the aggregation rule of methodology {scheme}. Rounded half away from zero to 2 decimals, once, on the number that is classified; categories include their lower bound.",
  'rapor.section.matrix': 'Points lost by indicator and unit',
  'rapor.section.matrix.note':
    "Columns 1–{n} = the unit's number in the Service unit scores table; Gov. = the units' weighted mean. Cell = points lost (weight minus points); · = no points lost; — = no answer. Shaded bold cells: points lost ≥ {threshold}. Each unit's rapor has the full indicator detail.",
  'rapor.superseded': 'SUPERSEDED — this version was replaced by an erratum (version {version}). The current result: {url}',
  'rapor.superseded.short': 'SUPERSEDED',
  'col.government': 'Gov.',
  'col.no': 'No',
  'col.code': 'Code',
  'col.indicator': 'Indicator',
  'col.value': 'Mean',
  'col.percentage': '%',
  'col.weight': 'Weight (%)',
  'col.points': 'Points',
  'col.pointsLost': 'Points lost',
  'col.dimension': 'Dimension',
  'col.score': 'Score',
  'col.unit': 'Service unit',
  'col.sector': 'Sector',
  'col.band': 'Category',
  'col.status': 'Status',
  'col.current': 'Current',
  'col.target': 'Target',
  'col.unitGain': 'Unit gain',
  'col.governmentGain': 'Government gain',
  'col.files': 'Files',
  'col.kinds': 'Evidence kinds',
  'col.indicators': 'Indicators',
  'col.codes': 'Indicator codes with evidence',
  'col.path': 'Applies to',
  'col.note': 'Assumption',
  'status.complete': 'Complete',
  'status.incomplete': 'Incomplete',
  'value.missing': 'no answer',
  'chart.score': 'Score',
  'chart.max': 'Maximum',
  'piagam.title': 'CERTIFICATE OF AWARD',
  'piagam.given': 'is awarded to',
  'piagam.for': 'for achieving',
  'piagam.award.kualitas-tertinggi': 'the {band} opinion in the {cycle}',
  'piagam.award.top-province': 'Rank {rank} in {province} Province in the {cycle}',
  'piagam.award.most-improved': 'Most Improved, Rank {rank}{where}, in the {cycle}',
  'piagam.award.most-improved.where': ' in {province} Province',
  'piagam.award.most-improved.nationally': ' Nationally',
  'piagam.score': 'with a score of {score} · {band}',
  'piagam.delta': 'up {delta} points from the previous cycle',
  'piagam.verify.code': 'Verification code',
  'piagam.verify.scan': 'Scan the QR code or open this address to check this certificate against the published results:',
  'piagam.issued': '{place}, {date}',
};

const strings: Record<Lang, Record<Key, string>> = { id, en };

/** Body types and unit sectors (methodology.md §6). Unknown sector codes print as given. */
const names: Record<string, Text> = {
  kementerian: { id: 'Kementerian', en: 'Ministry' },
  lembaga: { id: 'Lembaga', en: 'Agency' },
  provinsi: { id: 'Pemerintah Provinsi', en: 'Provincial government' },
  kabupaten: { id: 'Pemerintah Kabupaten', en: 'Regency government' },
  kota: { id: 'Pemerintah Kota', en: 'City government' },
  adminduk: { id: 'Administrasi Kependudukan', en: 'Civil registration' },
  perizinan: { id: 'Perizinan (PTSP)', en: 'Licensing (one-stop service)' },
  kesehatan: { id: 'Kesehatan', en: 'Health' },
  puskesmas: { id: 'Puskesmas', en: 'Community health centre' },
  pendidikan: { id: 'Pendidikan', en: 'Education' },
  sosial: { id: 'Sosial', en: 'Social services' },
  pertanahan: { id: 'Pertanahan', en: 'Land affairs' },
  kepolisian: { id: 'Kepolisian', en: 'Police' },
  lainnya: { id: 'Lainnya', en: 'Other' },
};

/** Plural group names for ranks ("dari 416 kabupaten"). */
const groupNames: Record<string, Text> = {
  kementerian: { id: 'kementerian', en: 'ministries' },
  lembaga: { id: 'lembaga', en: 'agencies' },
  provinsi: { id: 'provinsi', en: 'provinces' },
  kabupaten: { id: 'kabupaten', en: 'regencies' },
  kota: { id: 'kota', en: 'cities' },
};

const evidenceKinds: Record<EvidenceKind, Text> = {
  foto: { id: 'Foto', en: 'Photo' },
  'tangkapan-layar': { id: 'Tangkapan layar', en: 'Screenshot' },
  sk: { id: 'SK', en: 'Decree (SK)' },
  'berita-acara': { id: 'Berita acara', en: 'Official record' },
  'daftar-hadir': { id: 'Daftar hadir', en: 'Attendance list' },
  notulen: { id: 'Notulen', en: 'Minutes' },
  laporan: { id: 'Laporan', en: 'Report' },
  jadwal: { id: 'Jadwal', en: 'Schedule' },
  wawancara: { id: 'Wawancara', en: 'Interview' },
  kuesioner: { id: 'Kuesioner', en: 'Questionnaire' },
  dokumen: { id: 'Dokumen', en: 'Document' },
};

const zones: Record<string, Text> = {
  hijau: { id: 'Hijau', en: 'Green' },
  kuning: { id: 'Kuning', en: 'Yellow' },
  merah: { id: 'Merah', en: 'Red' },
};

export type StringKey = Key;

/** Every string key (the Indonesian source defines them; English must match). */
export function stringKeys(): StringKey[] {
  return Object.keys(id) as StringKey[];
}

/** The translator of one language: `t('rapor.page', { page: 1, pages: 4 })`. */
export type Translate = (key: Key, vars?: Record<string, string | number>) => string;

export function translator(lang: Lang): Translate {
  const table = strings[lang];
  return (key, vars) => {
    const s = table[key];
    return vars === undefined ? s : s.replace(/\{(\w+)\}/g, (m, k: string) => (k in vars ? String(vars[k]) : m));
  };
}

export function typeName(type: string, lang: Lang): string {
  return names[type]?.[lang] ?? type;
}

export function groupName(type: string, lang: Lang): string {
  return groupNames[type]?.[lang] ?? type;
}

export function evidenceKindName(kind: EvidenceKind, lang: Lang): string {
  return evidenceKinds[kind]?.[lang] ?? kind;
}

export function zoneName(zone: string, lang: Lang): string {
  return zones[zone]?.[lang] ?? zone;
}

/** Group the integer digits by three with `sep`. */
function group(int: string, sep: string): string {
  return int.replace(/\B(?=(\d{3})+(?!\d))/g, sep);
}

/**
 * A number with exactly 2 decimals, rounded half away from zero, decimal-exact:
 * `formatNumber(95.305, 'id') === '95,31'`, `formatNumber(1234.5, 'en') === '1,234.50'`.
 */
export function formatNumber(x: number, lang: Lang): string {
  const fixed = formatFixed2(x);
  const negative = fixed.startsWith('-');
  const [int = '0', frac = '00'] = (negative ? fixed.slice(1) : fixed).split('.');
  const body = lang === 'id' ? `${group(int, '.')},${frac}` : `${group(int, ',')}.${frac}`;
  return negative ? `−${body}` : body;
}

/** A whole number with grouping: 1.234 (id), 1,234 (en). */
export function formatInteger(n: number, lang: Lang): string {
  const s = group(String(Math.abs(Math.trunc(n))), lang === 'id' ? '.' : ',');
  return n < 0 ? `−${s}` : s;
}

/** A signed gain, "+1,25" (id) / "+1.25" (en). */
export function formatGain(x: number, lang: Lang): string {
  return x >= 0 ? `+${formatNumber(x, lang)}` : formatNumber(x, lang);
}

const dateFormats: Record<Lang, Intl.DateTimeFormat> = {
  id: new Intl.DateTimeFormat('id-ID', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Asia/Jakarta' }),
  en: new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Asia/Jakarta' }),
};

export function toDate(d: DateInput): Date {
  const date = d instanceof Date ? d : new Date(d);
  if (Number.isNaN(date.getTime())) throw new RangeError(`Invalid date: ${String(d)}`);
  return date;
}

/** "4 Desember 2024" (id), "4 December 2024" (en), in Asia/Jakarta time. */
export function formatDate(d: DateInput, lang: Lang): string {
  return dateFormats[lang].format(toDate(d));
}
