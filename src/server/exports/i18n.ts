/**
 * Every word the Excel exports, the import templates and the import errors print, in Bahasa
 * Indonesia (the source) and English side by side (the shared catalogue mechanism,
 * src/shared/messages.ts). Sheet names are part of the import contract: the parsers accept the
 * names of both languages. No I/O.
 */
import type { BodyType, Lang, ZoneCode } from '../../core/types.ts';
import { type Catalogue, type Message, format, formatBoth } from '../../shared/messages.ts';

export const labels = {
  // Sheet names (≤ 31 characters, no : \ / ? * [ ])
  'sheet.leaderboard': { id: 'Peringkat', en: 'Ranking' },
  'sheet.governments': { id: 'Pemerintah', en: 'Governments' },
  'sheet.units': { id: 'Unit', en: 'Units' },
  'sheet.dimensions': { id: 'Dimensi', en: 'Dimensions' },
  'sheet.indicators': { id: 'Indikator', en: 'Indicators' },
  'sheet.assumptions': { id: 'Asumsi', en: 'Assumptions' },
  'sheet.summary': { id: 'Ringkasan', en: 'Summary' },
  'sheet.instructions': { id: 'Petunjuk', en: 'Instructions' },
  'sheet.descriptors': { id: 'Deskriptor', en: 'Descriptors' },
  'sheet.results': { id: 'Hasil', en: 'Results' },
  // Header block
  'block.cycleResults': { id: 'Hasil Penilaian — {cycle}', en: 'Assessment results — {cycle}' },
  'block.bodyBreakdown': { id: 'Rincian Hasil Penilaian — {body}', en: 'Assessment breakdown — {body}' },
  'block.cycle': { id: 'Siklus: {cycle} ({year})', en: 'Cycle: {cycle} ({year})' },
  'block.scheme': { id: 'Skema: {id} v{version} — {title}', en: 'Scheme: {id} v{version} — {title}' },
  'block.schemeUnknown': { id: 'Skema: {id} (tidak ada dalam pustaka metodologi)', en: 'Scheme: {id} (not in the methodology library)' },
  'block.note': {
    id: 'Nilai dibulatkan setengah menjauhi nol ke 2 desimal; kategori: batas bawah termasuk. {n} asumsi metodologi memengaruhi angka ini (lembar Asumsi).',
    en: 'Scores are rounded half away from zero to 2 decimals; bands are closed below. {n} methodology assumptions affect these numbers (Assumptions sheet).',
  },
  'block.noteNoAssumptions': {
    id: 'Nilai dibulatkan setengah menjauhi nol ke 2 desimal; kategori: batas bawah termasuk.',
    en: 'Scores are rounded half away from zero to 2 decimals; bands are closed below.',
  },
  'block.generated': { id: 'Dibuat {date}', en: 'Generated {date}' },
  'block.assumptions': { id: 'Asumsi metodologi — {scheme}', en: 'Methodology assumptions — {scheme}' },
  'block.assumptionsNote': {
    id: 'Sumber resmi tidak lengkap pada butir berikut; angka dihitung dengan asumsi ini (disimpan dalam berkas metodologi).',
    en: 'The official sources are incomplete on the points below; the numbers are computed with these assumptions (stored in the methodology file).',
  },
  'assumptions.none': { id: 'Tidak ada asumsi yang memengaruhi angka.', en: 'No assumption affects the numbers.' },
  'assumptions.noScheme': {
    id: 'Skema tidak diketahui; asumsi tidak dapat dicantumkan.',
    en: 'Unknown scheme; its assumptions cannot be listed.',
  },
  // Columns
  'col.rank': { id: 'Peringkat', en: 'Rank' },
  'col.of': { id: 'Dari', en: 'Of' },
  'col.code': { id: 'Kode', en: 'Code' },
  'col.name': { id: 'Nama', en: 'Name' },
  'col.type': { id: 'Jenis', en: 'Type' },
  'col.province': { id: 'Provinsi', en: 'Province' },
  'col.provinceCode': { id: 'Kode provinsi', en: 'Province code' },
  'col.score': { id: 'Nilai', en: 'Score' },
  'col.raw': { id: 'Nilai tanpa pembulatan', en: 'Unrounded score' },
  'col.band': { id: 'Kategori', en: 'Band' },
  'col.bandLabel': { id: 'Keterangan', en: 'Band label' },
  'col.zone': { id: 'Zona', en: 'Zone' },
  'col.movement': { id: 'Pergerakan', en: 'Movement' },
  'col.units': { id: 'Unit dinilai', en: 'Units assessed' },
  'col.complete': { id: 'Lengkap', en: 'Complete' },
  'col.rankNational': { id: 'Peringkat nasional (jenis)', en: 'National rank (type)' },
  'col.rankProvince': { id: 'Peringkat provinsi', en: 'Provincial rank' },
  'col.bodyCode': { id: 'Kode instansi', en: 'Body code' },
  'col.body': { id: 'Instansi', en: 'Body' },
  'col.unit': { id: 'Unit layanan', en: 'Service unit' },
  'col.sector': { id: 'Sektor', en: 'Sector' },
  'col.missing': { id: 'Indikator belum dijawab', en: 'Unanswered indicators' },
  'col.dimension': { id: 'Dimensi', en: 'Dimension' },
  'col.dimensionTitle': { id: 'Nama dimensi', en: 'Dimension name' },
  'col.weight': { id: 'Bobot (%)', en: 'Weight (%)' },
  'col.dimensionScore': { id: 'Nilai dimensi', en: 'Dimension score' },
  'col.points': { id: 'Poin', en: 'Points' },
  'col.pointsLost': { id: 'Poin hilang', en: 'Points lost' },
  'col.variable': { id: 'Variabel', en: 'Variable' },
  'col.indicator': { id: 'Indikator', en: 'Indicator' },
  'col.indicatorText': { id: 'Uraian indikator', en: 'Indicator text' },
  'col.value': { id: 'Nilai rata-rata', en: 'Mean answer' },
  'col.n': { id: 'Jumlah jawaban', en: 'Answers' },
  'col.percentage': { id: 'Persentase', en: 'Percentage' },
  'col.no': { id: 'No', en: 'No' },
  'col.path': { id: 'Letak dalam skema', en: 'Place in the scheme' },
  'col.assumption': { id: 'Asumsi', en: 'Assumption' },
  'col.instrument': { id: 'Instrumen', en: 'Instrument' },
  'col.respondent': { id: 'Responden', en: 'Respondent' },
  'col.quota': { id: 'Kuota', en: 'Quota' },
  'col.scaleMin': { id: 'Skala min', en: 'Scale min' },
  'col.scaleMax': { id: 'Skala maks', en: 'Scale max' },
  'col.level': { id: 'Tingkat', en: 'Level' },
  'col.descriptor': { id: 'Deskriptor', en: 'Descriptor' },
  'col.column': { id: 'Kolom', en: 'Column' },
  'col.required': { id: 'Wajib', en: 'Required' },
  'col.meaning': { id: 'Arti', en: 'Meaning' },
  'col.example': { id: 'Contoh', en: 'Example' },
  'col.resultRange': { id: 'Rentang nilai', en: 'Result range' },
  yes: { id: 'ya', en: 'yes' },
  no: { id: 'tidak', en: 'no' },
  // Templates
  'tpl.results.title': { id: 'Templat impor hasil penilaian historis', en: 'Import template: historical assessment results' },
  'tpl.results.intro': {
    id: 'Isi lembar "Hasil" (atau "Results"): satu baris per pemerintah per tahun. Baris 1 adalah judul kolom; jangan diubah. Baris kosong dilewati. Seluruh berkas diperiksa lebih dulu: bila ada satu kesalahan, tidak ada yang disimpan dan setiap kesalahan ditampilkan per baris dan kolom.',
    en: 'Fill the "Results" (or "Hasil") sheet: one row per government per year. Row 1 holds the column headers; do not change them. Blank rows are skipped. The whole file is checked first: if there is any error, nothing is saved and every error is shown by row and column.',
  },
  'tpl.results.csv': {
    id: 'CSV juga diterima: UTF-8 (dengan atau tanpa BOM), pemisah koma atau titik koma, baris pertama judul kolom yang sama. Pada CSV bertitik koma, desimal boleh memakai koma (87,50).',
    en: 'CSV is accepted too: UTF-8 (with or without BOM), comma or semicolon separated, the same headers in the first row. In a semicolon CSV a decimal comma is allowed (87,50).',
  },
  'tpl.results.schemes': { id: 'Skema yang dikenal dan rentang nilainya:', en: 'Known schemes and their result ranges:' },
  'tpl.answers.title': { id: 'Templat impor jawaban — {scheme}', en: 'Answers import template — {scheme}' },
  'tpl.answers.intro': {
    id: 'Satu lembar per instrumen (nama lembar = kode instrumen). Kolom A: responden atau nama produk; kolom berikutnya: satu kolom per kode indikator yang dijawab instrumen itu. Satu baris per responden/produk. Jawaban berupa bilangan bulat pada skala indikator (lihat lembar Deskriptor); sel kosong berarti belum dijawab (bukan nol). Baris tanpa jawaban dilewati.',
    en: 'One sheet per instrument (sheet name = instrument code). Column A: the respondent or product name; then one column per indicator code the instrument answers. One row per respondent/product. Answers are whole numbers on the indicator scale (see the Descriptors sheet); an empty cell means not answered (not zero). Rows without any answer are skipped.',
  },
  'tpl.answers.csv': {
    id: 'CSV juga diterima (satu berkas untuk semua instrumen): kolom "instrumen", "responden", lalu kode indikator. UTF-8, pemisah koma atau titik koma.',
    en: 'CSV is accepted too (one file for every instrument): columns "instrument", "respondent", then the indicator codes. UTF-8, comma or semicolon separated.',
  },
  'tpl.answers.check': {
    id: 'Seluruh berkas diperiksa lebih dulu: bila ada satu kesalahan, tidak ada yang disimpan dan setiap kesalahan ditampilkan per lembar, baris dan kolom.',
    en: 'The whole file is checked first: if there is any error, nothing is saved and every error is shown by sheet, row and column.',
  },
  'tpl.answers.scale': { id: 'Skala {min}–{max}. {text}', en: 'Scale {min}–{max}. {text}' },
  'tpl.respondentLabel': { id: '{instrument} {n}', en: '{instrument} {n}' },
  'field.year': { id: 'Tahun siklus penilaian (bilangan bulat).', en: 'Year of the assessment cycle (whole number).' },
  'field.bodyCode': {
    id: 'Kode Kemendagri ("36", "36.71") atau kode K/L dalam registri. Format sel: teks.',
    en: 'Kemendagri code ("36", "36.71") or the ministry/agency code in the registry. Cell format: text.',
  },
  'field.name': {
    id: 'Nama instansi (informatif; nama dalam registri yang dipakai).',
    en: 'Body name (informative; the registry name is used).',
  },
  'field.schemeId': { id: 'Kode skema metodologi, mis. ombudsman-2022.', en: 'Methodology scheme id, e.g. ombudsman-2022.' },
  'field.score': {
    id: 'Nilai yang dipublikasikan, pada rentang skema (dibulatkan ke 2 desimal).',
    en: 'The published score, within the scheme range (rounded to 2 decimals).',
  },
  'field.rank': {
    id: 'Peringkat yang dipublikasikan (bilangan bulat ≥ 1), boleh kosong.',
    en: 'The published rank (whole number ≥ 1); may be empty.',
  },
  // issue 12: the action board export
  'sheet.actions': { id: 'Tindak Lanjut', en: 'Actions' },
  'block.actions': { id: 'Papan Tindak Lanjut — {scope}', en: 'Action board — {scope}' },
  'block.actionsCounts': {
    id: '{total} tindak lanjut: {planned} direncanakan, {in_progress} berjalan, {done} selesai (menunggu verifikasi), {verified} terverifikasi; {overdue} lewat tenggat, {due_soon} mendekati tenggat.',
    en: '{total} actions: {planned} planned, {in_progress} in progress, {done} done (awaiting verification), {verified} verified; {overdue} overdue, {due_soon} due soon.',
  },
  'block.actionsNational': { id: 'Nasional', en: 'National' },
  'block.actionsTruncated': {
    id: 'Hanya {n} baris pertama dari {total} yang dimuat.',
    en: 'Only the first {n} of {total} rows are included.',
  },
  'col.action.body': { id: 'Pemerintah', en: 'Government' },
  'col.action.unit': { id: 'Unit layanan', en: 'Service unit' },
  'col.action.title': { id: 'Tindak lanjut', en: 'Action' },
  'col.action.source': { id: 'Sumber', en: 'Source' },
  'col.action.indicator': { id: 'Indikator / unsur', en: 'Indicator / element' },
  'col.action.person': { id: 'Penanggung jawab', en: 'Person in charge' },
  'col.action.due': { id: 'Tenggat', en: 'Due date' },
  'col.action.status': { id: 'Status', en: 'Status' },
  'col.action.timing': { id: 'Ketepatan waktu', en: 'Timing' },
  'col.action.daysLeft': { id: 'Sisa hari', en: 'Days left' },
  'col.action.target': { id: 'Tingkat sasaran', en: 'Target level' },
  'col.action.evidence': { id: 'Bukti', en: 'Evidence' },
  'col.action.notes': { id: 'Catatan', en: 'Notes' },
  'col.action.verifiedAt': { id: 'Diverifikasi', en: 'Verified' },
  'action.source.finding': { id: 'Temuan penilaian', en: 'Assessment finding' },
  'action.source.skm': { id: 'Survei Kepuasan Masyarakat', en: 'Public satisfaction survey' },
  'action.source.manual': { id: 'Ditambahkan manual', en: 'Added by hand' },
  'action.status.planned': { id: 'Direncanakan', en: 'Planned' },
  'action.status.in_progress': { id: 'Berjalan', en: 'In progress' },
  'action.status.done': { id: 'Selesai, menunggu verifikasi', en: 'Done, awaiting verification' },
  'action.status.verified': { id: 'Terverifikasi', en: 'Verified' },
  'action.timing.on_track': { id: 'Sesuai jadwal', en: 'On track' },
  'action.timing.due_soon': { id: 'Mendekati tenggat', en: 'Due soon' },
  'action.timing.overdue': { id: 'Lewat tenggat', en: 'Overdue' },
  'action.timing.closed': { id: 'Ditutup', en: 'Closed' },
} satisfies Catalogue;

type Key = keyof typeof labels;

/** A label in `lang`, with `{name}` placeholders filled. */
export function label(lang: Lang, key: Key, params?: Record<string, string | number>): string {
  return format(labels, key, lang, params);
}

/** Sheet names of one kind in both languages (the import parsers accept either). */
export function sheetNames(key: Key & `sheet.${string}`): string[] {
  return [labels[key].id, labels[key].en];
}

export const bodyTypes: Catalogue<BodyType> = {
  kementerian: { id: 'Kementerian', en: 'Ministry' },
  lembaga: { id: 'Lembaga', en: 'Agency' },
  provinsi: { id: 'Provinsi', en: 'Province' },
  kabupaten: { id: 'Kabupaten', en: 'Regency' },
  kota: { id: 'Kota', en: 'City' },
};

export function bodyTypeLabel(lang: Lang, type: string): string {
  return (bodyTypes as Record<string, Message | undefined>)[type]?.[lang] ?? type;
}

export const zones: Catalogue<ZoneCode> = {
  hijau: { id: 'Hijau', en: 'Green' },
  kuning: { id: 'Kuning', en: 'Yellow' },
  merah: { id: 'Merah', en: 'Red' },
};

export function zoneLabel(lang: Lang, zone: ZoneCode | undefined): string | null {
  return zone === undefined ? null : zones[zone][lang];
}

export const sectors: Catalogue = {
  adminduk: { id: 'Administrasi kependudukan', en: 'Civil registration' },
  perizinan: { id: 'Perizinan', en: 'Licensing' },
  kesehatan: { id: 'Kesehatan', en: 'Health' },
  puskesmas: { id: 'Puskesmas', en: 'Community health centre' },
  pendidikan: { id: 'Pendidikan', en: 'Education' },
  sosial: { id: 'Sosial', en: 'Social affairs' },
  pertanahan: { id: 'Pertanahan', en: 'Land affairs' },
  kepolisian: { id: 'Kepolisian', en: 'Police' },
  lainnya: { id: 'Lainnya', en: 'Other' },
};

export function sectorLabel(lang: Lang, sector: string): string {
  return sectors[sector]?.[lang] ?? sector;
}

// ---------------------------------------------------------------------------------------------
// Import issues
// ---------------------------------------------------------------------------------------------

/** Every import issue code with its message in both languages (`{name}` placeholders). */
export const IMPORT_ISSUE_CODES = {
  'file.empty': {
    id: 'Berkas kosong: tidak ada baris data.',
    en: 'The file is empty: there are no data rows.',
  },
  'file.unreadable': {
    id: 'Berkas tidak dapat dibaca sebagai Excel (.xlsx) atau CSV: {reason}',
    en: 'The file cannot be read as Excel (.xlsx) or CSV: {reason}',
  },
  'file.xls': {
    id: 'Format Excel lama (.xls) tidak didukung; simpan ulang sebagai .xlsx atau CSV UTF-8.',
    en: 'The old Excel format (.xls) is not supported; save it again as .xlsx or CSV UTF-8.',
  },
  'file.encoding': {
    id: 'CSV bukan UTF-8; simpan ulang sebagai "CSV UTF-8".',
    en: 'The CSV is not UTF-8; save it again as "CSV UTF-8".',
  },
  'file.too_large': {
    id: 'Isi berkas terlalu besar setelah dibuka: lebih dari {max} byte (berkas rusak atau "zip bomb"?). Pecah berkas.',
    en: 'The file is too large once unpacked: more than {max} bytes (a damaged file or a "zip bomb"?). Split the file.',
  },
  'file.too_many_parts': {
    id: 'Berkas Excel berisi terlalu banyak bagian: {entries} (paling banyak {max}).',
    en: 'The Excel file holds too many parts: {entries} (at most {max}).',
  },
  'file.too_many_rows': {
    id: 'Terlalu banyak baris: {rows} (paling banyak {max}). Pecah berkas.',
    en: 'Too many rows: {rows} (at most {max}). Split the file.',
  },
  'file.too_many_errors': {
    id: 'Pemeriksaan berhenti setelah {max} kesalahan; perbaiki lalu unggah ulang.',
    en: 'Checking stopped after {max} errors; fix them and upload again.',
  },
  'scheme.mismatch': {
    id: 'Templat ini untuk skema {found}, bukan {expected}.',
    en: 'This template is for scheme {found}, not {expected}.',
  },
  'sheet.unknown': {
    id: 'Lembar "{sheet}" bukan instrumen skema {scheme} (instrumen: {instruments}).',
    en: 'Sheet "{sheet}" is not an instrument of scheme {scheme} (instruments: {instruments}).',
  },
  'column.missing': {
    id: 'Kolom wajib "{header}" tidak ada pada baris judul.',
    en: 'The required column "{header}" is missing from the header row.',
  },
  'column.duplicate': {
    id: 'Kolom "{header}" muncul lebih dari sekali (juga di kolom {other}).',
    en: 'Column "{header}" appears more than once (also in column {other}).',
  },
  'column.no_header': {
    id: 'Kolom ini berisi data tetapi tidak berjudul.',
    en: 'This column holds data but has no header.',
  },
  'column.no_indicators': {
    id: 'Lembar ini tidak memiliki kolom kode indikator.',
    en: 'This sheet has no indicator-code column.',
  },
  'value.required': {
    id: 'Sel wajib diisi.',
    en: 'This cell is required.',
  },
  'year.invalid': {
    id: 'Tahun harus bilangan bulat 2000–2100, bukan "{value}".',
    en: 'The year must be a whole number 2000–2100, not "{value}".',
  },
  'body.unknown': {
    id: 'Kode instansi "{value}" tidak ada dalam registri.',
    en: 'Body code "{value}" is not in the registry.',
  },
  'scheme.unknown': {
    id: 'Skema "{value}" tidak dikenal.',
    en: 'Unknown scheme "{value}".',
  },
  'score.not_number': {
    id: 'Nilai harus berupa angka, bukan "{value}".',
    en: 'The score must be a number, not "{value}".',
  },
  'score.out_of_range': {
    id: 'Nilai {value} di luar rentang skema {scheme} ({min}–{max}).',
    en: 'Score {value} is outside the range of scheme {scheme} ({min}–{max}).',
  },
  'rank.invalid': {
    id: 'Peringkat harus bilangan bulat ≥ 1, bukan "{value}".',
    en: 'The rank must be a whole number ≥ 1, not "{value}".',
  },
  'row.duplicate': {
    id: 'Baris ganda: sama dengan baris {other} ({key}).',
    en: 'Duplicate row: same as row {other} ({key}).',
  },
  'instrument.unknown': {
    id: 'Instrumen "{value}" tidak ada dalam skema {scheme} (instrumen: {instruments}).',
    en: 'Instrument "{value}" is not in scheme {scheme} (instruments: {instruments}).',
  },
  'indicator.unknown': {
    id: 'Kolom "{header}" bukan kode indikator skema {scheme}.',
    en: 'Column "{header}" is not an indicator code of scheme {scheme}.',
  },
  'indicator.not_covered': {
    id: 'Indikator {indicator} tidak dijawab oleh instrumen {instrument}.',
    en: 'Indicator {indicator} is not answered by instrument {instrument}.',
  },
  'answer.not_integer': {
    id: 'Jawaban {indicator} harus bilangan bulat {min}–{max}, bukan "{value}".',
    en: 'The answer to {indicator} must be a whole number {min}–{max}, not "{value}".',
  },
  'answer.out_of_scale': {
    id: 'Jawaban {indicator} = {value} di luar skala {min}–{max}.',
    en: 'The answer to {indicator} = {value} is outside the scale {min}–{max}.',
  },
} satisfies Catalogue;

export type ImportIssueCode = keyof typeof IMPORT_ISSUE_CODES;

/** The message of an issue in both languages, placeholders filled. */
export function issueMessage(code: ImportIssueCode, params: Record<string, string | number> = {}): Message {
  return formatBoth(IMPORT_ISSUE_CODES, code, params);
}
