/**
 * Every string printed on a rapor or piagam, in Bahasa Indonesia (the source) and English side by
 * side (the shared catalogue mechanism, src/shared/messages.ts), and
 * the number and date formats of each language (id-ID "95,31 · 4 Desember 2024", en "95.31 ·
 * 4 December 2024"). Numbers are rounded decimal-exactly by the engine's `formatFixed2`
 * (half away from zero, methodology.md §1) before the separators are localised, so a printed
 * number never disagrees with the published one. No I/O.
 */
import { formatFixed2 } from '../../core/index.ts';
import type { EvidenceKind, Lang } from '../../core/types.ts';
import { type Catalogue, format } from '../../shared/messages.ts';
import type { DateInput } from './types.ts';
import { localDate, WIB, type Zone } from '../../shared/local-time.ts';

export const strings = {
  'org.name': { id: 'Ombudsman Republik Indonesia', en: 'Ombudsman of the Republic of Indonesia' },
  'org.short': { id: 'Ombudsman RI', en: 'Ombudsman RI' },
  'rapor.title': { id: 'Rapor Hasil Penilaian', en: 'Assessment Report Card' },
  'rapor.title.unit': { id: 'Rapor Hasil Penilaian Unit Layanan', en: 'Service Unit Assessment Report Card' },
  'rapor.title.programme': { id: 'Rapor Hasil Evaluasi {programme}', en: '{programme} Evaluation Report Card' },
  'rapor.title.programme.unit': {
    id: 'Rapor Hasil Evaluasi {programme} Unit Layanan',
    en: '{programme} Service Unit Evaluation Report Card',
  },
  'rapor.section.by': { id: '{score} per {dimension}', en: '{score} by {dimension}' },
  'rapor.section.claims': {
    id: 'Penilaian mandiri (F-01) dibanding verifikasi (F-02)',
    en: 'Self-assessment (F-01) against verification (F-02)',
  },
  'rapor.section.claims.note': {
    id: 'Klaim = {score} bila semua penilaian mandiri unit diterima (indikator tanpa klaim dihitung 0); verifikasi = {score} yang ditetapkan evaluator. Selisih positif = unit menilai dirinya lebih tinggi daripada hasil verifikasi.',
    en: 'Claimed = the {score} had every self-assessment of the unit been accepted (unclaimed indicators count 0); verified = the {score} the evaluator set. A positive difference = the unit rated itself higher than the verification.',
  },
  'rapor.section.claims.indicators': {
    id: 'Indikator dengan klaim berbeda dari verifikasi: {n} (lebih tinggi {over}, lebih rendah {under}).',
    en: 'Indicators whose claim differs from the verification: {n} ({over} higher, {under} lower).',
  },
  'rapor.section.claims.none': { id: 'Semua klaim sama dengan hasil verifikasi.', en: 'Every claim equals the verification.' },
  'rapor.section.supplement': {
    id: '{title}: {respondents} responden (target {target})',
    en: '{title}: {respondents} respondents (target {target})',
  },
  'rapor.section.supplement.note': {
    id: 'Dilaporkan di samping {score}, tidak dihitung di dalamnya. Rerata jawaban pada skala 0–5.',
    en: 'Reported beside the {score}, not counted in it. Mean answer on the 0–5 scale.',
  },
  'col.claimed': { id: 'Klaim', en: 'Claimed' },
  'col.verified': { id: 'Verifikasi', en: 'Verified' },
  'col.difference': { id: 'Selisih', en: 'Difference' },
  'col.mean': { id: 'Rerata', en: 'Mean' },
  'col.respondents': { id: 'Responden', en: 'Respondents' },
  'rapor.provisional': { id: 'SEMENTARA', en: 'PROVISIONAL' },
  'rapor.provisional.banner': {
    id: 'SEMENTARA — hasil ini belum dipublikasikan dan masih dapat berubah (klarifikasi, reviu). Jangan dikutip sebagai hasil resmi.',
    en: 'PROVISIONAL — these results are not published yet and may still change (clarification, review). Do not quote them as official results.',
  },
  'rapor.published': {
    id: 'Dipublikasikan {date} · versi {version} · snapshot {id}',
    en: 'Published {date} · version {version} · snapshot {id}',
  },
  'rapor.verify': { id: 'Hasil resmi dan riwayat ralat: {url}', en: 'Official results and errata history: {url}' },
  'rapor.generated': { id: 'Dicetak {date}', en: 'Printed {date}' },
  'rapor.page': { id: 'Halaman {page} dari {pages}', en: 'Page {page} of {pages}' },
  'rapor.subject.province': { id: 'Provinsi {name}', en: '{name} Province' },
  'rapor.subject.unitOf': { id: '{sector} · {government}', en: '{sector} · {government}' },
  'rapor.score': { id: 'Nilai', en: 'Score' },
  'rapor.score.of': { id: 'dari {max}', en: 'out of {max}' },
  'rapor.band': { id: 'Kategori', en: 'Category' },
  'rapor.zone': { id: 'Zona {zone}', en: '{zone} zone' },
  'rapor.qualifier': { id: 'Predikat tambahan', en: 'Additional qualifier' },
  'rapor.qualifier.applies': { id: 'berlaku', en: 'applies' },
  'rapor.qualifier.not': { id: 'tidak berlaku', en: 'does not apply' },
  'rapor.rank.national': { id: 'Peringkat nasional', en: 'National rank' },
  'rapor.rank.national.type': { id: 'Peringkat nasional ({type})', en: 'National rank ({type})' },
  'rapor.rank.province': { id: 'Peringkat di {province}', en: 'Rank in {province}' },
  'rapor.rank.value': { id: '{rank} dari {of}', en: '{rank} of {of}' },
  'rapor.rank.none': { id: 'tidak diperingkat dalam publikasi ini', en: 'not ranked in this publication' },
  'rapor.movement.up': { id: 'naik {n} peringkat', en: 'up {n} places' },
  'rapor.movement.down': { id: 'turun {n} peringkat', en: 'down {n} places' },
  'rapor.movement.same': { id: 'peringkat tetap', en: 'same rank' },
  'rapor.movement.none': { id: 'belum ada peringkat siklus sebelumnya', en: 'no rank in the previous cycle' },
  'rapor.movement.suffix': { id: 'dibanding siklus sebelumnya', en: 'since the previous cycle' },
  'rapor.incomplete': { id: 'Belum lengkap — nilai belum dapat dipublikasikan.', en: 'Incomplete — the score cannot be published yet.' },
  'rapor.incomplete.missing': { id: '{n} indikator belum dijawab: {codes}.', en: '{n} indicators have no answer: {codes}.' },
  'rapor.incomplete.instruments': {
    id: 'Instrumen di bawah kuota minimum: {codes}.',
    en: 'Instruments below their minimum quota: {codes}.',
  },
  'rapor.section.summary': { id: 'Ringkasan', en: 'Summary' },
  'rapor.section.dimensions': { id: 'Nilai per dimensi', en: 'Score by dimension' },
  'rapor.section.dimensions.note.government': {
    id: 'Nilai dimensi pemerintah daerah adalah rata-rata nilai dimensi unit layanannya. Poin = bobot × nilai dimensi.',
    en: "A government's dimension score is the mean of its service units' dimension scores. Points = weight × dimension score.",
  },
  'rapor.section.dimensions.note.unit': { id: 'Poin = bobot × nilai dimensi.', en: 'Points = weight × dimension score.' },
  'rapor.section.units': { id: 'Nilai unit layanan', en: 'Service unit scores' },
  'rapor.section.indicators': { id: 'Rincian per indikator', en: 'Indicator breakdown' },
  'rapor.section.indicators.note': {
    id: 'Rerata = rata-rata jawaban pada skala indikator (responden, produk); persentase = rerata ÷ jawaban maksimum × 100; bobot = bagian dari nilai total unit (%); poin hilang = bobot dikurangi poin.',
    en: "Mean = mean answer on the indicator's scale (respondents, products); percentage = mean ÷ maximum answer × 100; weight = share of the unit total (%); points lost = weight minus points.",
  },
  'rapor.section.improvements': { id: 'Daftar perbaikan', en: 'Improvement list' },
  'rapor.section.improvements.note.government': {
    id: 'Diurutkan dari tambahan nilai pemerintah daerah terbesar. Setiap baris: naik ke tingkat tertinggi yang masih tersedia pada indikator tersebut.',
    en: "Largest gain to the government's score first. Each row: reaching the highest level still open on that indicator.",
  },
  'rapor.section.improvements.note.unit': {
    id: 'Diurutkan dari tambahan nilai unit terbesar. Setiap baris: naik ke tingkat tertinggi yang masih tersedia pada indikator tersebut.',
    en: "Largest gain to the unit's score first. Each row: reaching the highest level still open on that indicator.",
  },
  'rapor.section.improvements.more': {
    id: 'Ditampilkan {shown} dari {total} perbaikan yang mungkin.',
    en: 'Showing {shown} of {total} possible improvements.',
  },
  'rapor.section.improvements.none': {
    id: 'Tidak ada perbaikan yang mungkin: semua indikator sudah bernilai maksimum.',
    en: 'No improvement possible: every indicator is at its maximum.',
  },
  'rapor.section.evidence': { id: 'Ringkasan bukti dukung', en: 'Evidence summary' },
  'rapor.section.evidence.none': { id: 'Belum ada bukti dukung yang dilampirkan.', en: 'No evidence has been attached yet.' },
  'rapor.section.evidence.total': {
    id: 'Jumlah: {files} berkas untuk {indicators} indikator.',
    en: 'Total: {files} files for {indicators} indicators.',
  },
  'rapor.section.assumptions': { id: 'Catatan asumsi metodologi', en: 'Methodology assumptions' },
  'rapor.section.assumptions.note': {
    id: 'Sumber resmi metodologi {scheme} tidak lengkap pada butir-butir berikut. Angka dalam rapor ini dihitung dengan asumsi yang tercantum; asumsi disimpan dalam berkas metodologi dan dapat diperiksa.',
    en: 'The official sources of methodology {scheme} are incomplete on the points below. The numbers in this report card are computed with the assumptions listed; they are stored in the methodology file and can be inspected.',
  },
  'rapor.section.assumptions.none': {
    id: 'Tidak ada asumsi yang memengaruhi angka dalam rapor ini.',
    en: 'No assumption affects the numbers in this report card.',
  },
  'rapor.section.method': { id: 'Metode', en: 'Method' },
  'rapor.section.method.text': {
    id: 'Nilai unit = Σ (bobot dimensi × nilai dimensi). Nilai pemerintah = rata-rata nilai unitnya menurut aturan agregasi metodologi {scheme}. Pembulatan setengah menjauhi nol ke 2 desimal, sekali, pada angka yang diklasifikasi; batas bawah kategori termasuk.',
    en: "Unit score = Σ (dimension weight × dimension score). Government score = mean of its units' scores under the aggregation rule of methodology {scheme}. Rounded half away from zero to 2 decimals, once, on the number that is classified; categories include their lower bound.",
  },
  'rapor.section.matrix': { id: 'Poin hilang per indikator dan unit', en: 'Points lost by indicator and unit' },
  'rapor.section.matrix.note': {
    id: 'Kolom 1–{n} = nomor unit pada tabel Nilai unit layanan; Pemda = rata-rata tertimbang unit. Sel = poin hilang (bobot dikurangi poin); · = tidak ada poin hilang; — = belum dijawab. Sel berarsir dan tebal: poin hilang ≥ {threshold}. Rincian per indikator ada pada rapor masing-masing unit.',
    en: "Columns 1–{n} = the unit's number in the Service unit scores table; Gov. = the units' weighted mean. Cell = points lost (weight minus points); · = no points lost; — = no answer. Shaded bold cells: points lost ≥ {threshold}. Each unit's rapor has the full indicator detail.",
  },
  'rapor.superseded': {
    id: 'DIGANTIKAN — versi ini telah digantikan oleh ralat (versi {version}). Hasil yang berlaku: {url}',
    en: 'SUPERSEDED — this version was replaced by an erratum (version {version}). The current result: {url}',
  },
  'rapor.superseded.short': { id: 'DIGANTIKAN', en: 'SUPERSEDED' },
  'col.government': { id: 'Pemda', en: 'Gov.' },
  'col.no': { id: 'No', en: 'No' },
  'col.code': { id: 'Kode', en: 'Code' },
  'col.indicator': { id: 'Indikator', en: 'Indicator' },
  'col.value': { id: 'Rerata', en: 'Mean' },
  'col.percentage': { id: '%', en: '%' },
  'col.weight': { id: 'Bobot (%)', en: 'Weight (%)' },
  'col.points': { id: 'Poin', en: 'Points' },
  'col.pointsLost': { id: 'Poin hilang', en: 'Points lost' },
  'col.dimension': { id: 'Dimensi', en: 'Dimension' },
  'col.score': { id: 'Nilai', en: 'Score' },
  'col.unit': { id: 'Unit layanan', en: 'Service unit' },
  'col.sector': { id: 'Sektor', en: 'Sector' },
  'col.band': { id: 'Kategori', en: 'Category' },
  'col.status': { id: 'Status', en: 'Status' },
  'col.current': { id: 'Sekarang', en: 'Current' },
  'col.target': { id: 'Target', en: 'Target' },
  'col.unitGain': { id: 'Tambahan nilai unit', en: 'Unit gain' },
  'col.governmentGain': { id: 'Tambahan nilai pemda', en: 'Government gain' },
  'col.files': { id: 'Berkas', en: 'Files' },
  'col.kinds': { id: 'Jenis bukti', en: 'Evidence kinds' },
  'col.indicators': { id: 'Indikator', en: 'Indicators' },
  'col.codes': { id: 'Kode indikator berbukti', en: 'Indicator codes with evidence' },
  'col.path': { id: 'Bagian', en: 'Applies to' },
  'col.note': { id: 'Asumsi', en: 'Assumption' },
  'status.complete': { id: 'Lengkap', en: 'Complete' },
  'status.incomplete': { id: 'Belum lengkap', en: 'Incomplete' },
  'value.missing': { id: 'belum dijawab', en: 'no answer' },
  'chart.score': { id: 'Nilai', en: 'Score' },
  'chart.max': { id: 'Maksimum', en: 'Maximum' },
  'piagam.title': { id: 'PIAGAM PENGHARGAAN', en: 'CERTIFICATE OF AWARD' },
  'piagam.given': { id: 'diberikan kepada', en: 'is awarded to' },
  'piagam.for': { id: 'atas capaian', en: 'for achieving' },
  'piagam.award.kualitas-tertinggi': { id: 'Opini {band} dalam {cycle}', en: 'the {band} opinion in the {cycle}' },
  'piagam.award.top-province': {
    id: 'Peringkat {rank} Terbaik di Provinsi {province} dalam {cycle}',
    en: 'Rank {rank} in {province} Province in the {cycle}',
  },
  'piagam.award.most-improved': {
    id: 'Peningkatan Nilai Terbaik Peringkat {rank}{where} dalam {cycle}',
    en: 'Most Improved, Rank {rank}{where}, in the {cycle}',
  },
  'piagam.award.most-improved.where': { id: ' di Provinsi {province}', en: ' in {province} Province' },
  'piagam.award.most-improved.nationally': { id: ' Nasional', en: ' Nationally' },
  'piagam.score': { id: 'dengan nilai {score} · {band}', en: 'with a score of {score} · {band}' },
  'piagam.delta': { id: 'naik {delta} poin dari siklus sebelumnya', en: 'up {delta} points from the previous cycle' },
  'piagam.verify.code': { id: 'Kode verifikasi', en: 'Verification code' },
  'piagam.verify.scan': {
    id: 'Pindai kode QR atau buka alamat berikut untuk memeriksa keaslian piagam ini terhadap hasil yang dipublikasikan:',
    en: 'Scan the QR code or open this address to check this certificate against the published results:',
  },
  'piagam.issued': { id: '{place}, {date}', en: '{place}, {date}' },
  // issue 18
  'piagam.award.top-sector': {
    id: 'Peringkat {rank} Terbaik Sektor {sector} di Provinsi {province} dalam {cycle}',
    en: 'Rank {rank} in the {sector} sector in {province} Province in the {cycle}',
  },
} satisfies Catalogue;

type Key = keyof typeof strings;

/** Body types and unit sectors (methodology.md §6). Unknown sector codes print as given. */
export const names: Catalogue = {
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
export const groupNames: Catalogue = {
  kementerian: { id: 'kementerian', en: 'ministries' },
  lembaga: { id: 'lembaga', en: 'agencies' },
  provinsi: { id: 'provinsi', en: 'provinces' },
  kabupaten: { id: 'kabupaten', en: 'regencies' },
  kota: { id: 'kota', en: 'cities' },
};

export const evidenceKinds: Catalogue<EvidenceKind> = {
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

export const zones: Catalogue = {
  hijau: { id: 'Hijau', en: 'Green' },
  kuning: { id: 'Kuning', en: 'Yellow' },
  merah: { id: 'Merah', en: 'Red' },
};

export type StringKey = Key;

/** Every string key (the Indonesian source defines them; English must match). */
export function stringKeys(): StringKey[] {
  return Object.keys(strings) as StringKey[];
}

/** The translator of one language: `t('rapor.page', { page: 1, pages: 4 })`. */
export type Translate = (key: Key, vars?: Record<string, string | number>) => string;

export function translator(lang: Lang): Translate {
  return (key, vars) => format(strings, key, lang, vars);
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

/** Digit grouping and decimal mark of each language (id-ID: 1.234,50; en: 1,234.50). */
const separators: Record<Lang, { group: string; decimal: string }> = { id: { group: '.', decimal: ',' }, en: { group: ',', decimal: '.' } };

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
  const sep = separators[lang];
  const body = `${group(int, sep.group)}${sep.decimal}${frac}`;
  return negative ? `−${body}` : body;
}

/** A whole number with grouping: 1.234 (id), 1,234 (en). */
export function formatInteger(n: number, lang: Lang): string {
  const s = group(String(Math.abs(Math.trunc(n))), separators[lang].group);
  return n < 0 ? `−${s}` : s;
}

/** A signed gain, "+1,25" (id) / "+1.25" (en). */
export function formatGain(x: number, lang: Lang): string {
  return x >= 0 ? `+${formatNumber(x, lang)}` : formatNumber(x, lang);
}

export function toDate(d: DateInput): Date {
  const date = d instanceof Date ? d : new Date(d);
  if (Number.isNaN(date.getTime())) throw new RangeError(`Invalid date: ${String(d)}`);
  return date;
}

/**
 * "4 Desember 2024" (id), "4 December 2024" (en): the calendar day in the body's zone (issue 16:
 * WIB, WITA or WIT from its province; WIB when national). A bare "YYYY-MM-DD" is a calendar date
 * (a hand-over day) and is printed as written, whatever the zone.
 */
export function formatDate(d: DateInput, lang: Lang, zone: Zone = WIB): string {
  if (typeof d === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(d)) return localDate(d, lang, zone);
  return localDate(toDate(d), lang, zone);
}
