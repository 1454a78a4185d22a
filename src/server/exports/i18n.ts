/**
 * Every word the Excel exports, the import templates and the import errors print, in Bahasa
 * Indonesia (the source) and English. Sheet names are part of the import contract: the parsers
 * accept the names of both languages. No I/O.
 */
import type { BodyType, Lang, Text, ZoneCode } from '../../core/types.ts';

type Dict = Record<string, string>;

const id = {
  // Sheet names (≤ 31 characters, no : \ / ? * [ ])
  'sheet.leaderboard': 'Peringkat',
  'sheet.governments': 'Pemerintah',
  'sheet.units': 'Unit',
  'sheet.dimensions': 'Dimensi',
  'sheet.indicators': 'Indikator',
  'sheet.assumptions': 'Asumsi',
  'sheet.summary': 'Ringkasan',
  'sheet.instructions': 'Petunjuk',
  'sheet.descriptors': 'Deskriptor',
  'sheet.results': 'Hasil',
  // Header block
  'block.cycleResults': 'Hasil Penilaian — {cycle}',
  'block.bodyBreakdown': 'Rincian Hasil Penilaian — {body}',
  'block.cycle': 'Siklus: {cycle} ({year})',
  'block.scheme': 'Skema: {id} v{version} — {title}',
  'block.schemeUnknown': 'Skema: {id} (tidak ada dalam pustaka metodologi)',
  'block.note':
    'Nilai dibulatkan setengah menjauhi nol ke 2 desimal; kategori: batas bawah termasuk. {n} asumsi metodologi memengaruhi angka ini (lembar Asumsi).',
  'block.noteNoAssumptions': 'Nilai dibulatkan setengah menjauhi nol ke 2 desimal; kategori: batas bawah termasuk.',
  'block.generated': 'Dibuat {date}',
  'block.assumptions': 'Asumsi metodologi — {scheme}',
  'block.assumptionsNote':
    'Sumber resmi tidak lengkap pada butir berikut; angka dihitung dengan asumsi ini (disimpan dalam berkas metodologi).',
  'assumptions.none': 'Tidak ada asumsi yang memengaruhi angka.',
  'assumptions.noScheme': 'Skema tidak diketahui; asumsi tidak dapat dicantumkan.',
  // Columns
  'col.rank': 'Peringkat',
  'col.of': 'Dari',
  'col.code': 'Kode',
  'col.name': 'Nama',
  'col.type': 'Jenis',
  'col.province': 'Provinsi',
  'col.provinceCode': 'Kode provinsi',
  'col.score': 'Nilai',
  'col.raw': 'Nilai tanpa pembulatan',
  'col.band': 'Kategori',
  'col.bandLabel': 'Keterangan',
  'col.zone': 'Zona',
  'col.movement': 'Pergerakan',
  'col.units': 'Unit dinilai',
  'col.complete': 'Lengkap',
  'col.rankNational': 'Peringkat nasional (jenis)',
  'col.rankProvince': 'Peringkat provinsi',
  'col.bodyCode': 'Kode instansi',
  'col.body': 'Instansi',
  'col.unit': 'Unit layanan',
  'col.sector': 'Sektor',
  'col.missing': 'Indikator belum dijawab',
  'col.dimension': 'Dimensi',
  'col.dimensionTitle': 'Nama dimensi',
  'col.weight': 'Bobot (%)',
  'col.dimensionScore': 'Nilai dimensi',
  'col.points': 'Poin',
  'col.pointsLost': 'Poin hilang',
  'col.variable': 'Variabel',
  'col.indicator': 'Indikator',
  'col.indicatorText': 'Uraian indikator',
  'col.value': 'Nilai rata-rata',
  'col.n': 'Jumlah jawaban',
  'col.percentage': 'Persentase',
  'col.no': 'No',
  'col.path': 'Letak dalam skema',
  'col.assumption': 'Asumsi',
  'col.instrument': 'Instrumen',
  'col.respondent': 'Responden',
  'col.quota': 'Kuota',
  'col.scaleMin': 'Skala min',
  'col.scaleMax': 'Skala maks',
  'col.level': 'Tingkat',
  'col.descriptor': 'Deskriptor',
  'col.column': 'Kolom',
  'col.required': 'Wajib',
  'col.meaning': 'Arti',
  'col.example': 'Contoh',
  'col.resultRange': 'Rentang nilai',
  yes: 'ya',
  no: 'tidak',
  // Templates
  'tpl.results.title': 'Templat impor hasil penilaian historis',
  'tpl.results.intro':
    'Isi lembar "Hasil" (atau "Results"): satu baris per pemerintah per tahun. Baris 1 adalah judul kolom; jangan diubah. Baris kosong dilewati. Seluruh berkas diperiksa lebih dulu: bila ada satu kesalahan, tidak ada yang disimpan dan setiap kesalahan ditampilkan per baris dan kolom.',
  'tpl.results.csv':
    'CSV juga diterima: UTF-8 (dengan atau tanpa BOM), pemisah koma atau titik koma, baris pertama judul kolom yang sama. Pada CSV bertitik koma, desimal boleh memakai koma (87,50).',
  'tpl.results.schemes': 'Skema yang dikenal dan rentang nilainya:',
  'tpl.answers.title': 'Templat impor jawaban — {scheme}',
  'tpl.answers.intro':
    'Satu lembar per instrumen (nama lembar = kode instrumen). Kolom A: responden atau nama produk; kolom berikutnya: satu kolom per kode indikator yang dijawab instrumen itu. Satu baris per responden/produk. Jawaban berupa bilangan bulat pada skala indikator (lihat lembar Deskriptor); sel kosong berarti belum dijawab (bukan nol). Baris tanpa jawaban dilewati.',
  'tpl.answers.csv':
    'CSV juga diterima (satu berkas untuk semua instrumen): kolom "instrumen", "responden", lalu kode indikator. UTF-8, pemisah koma atau titik koma.',
  'tpl.answers.check':
    'Seluruh berkas diperiksa lebih dulu: bila ada satu kesalahan, tidak ada yang disimpan dan setiap kesalahan ditampilkan per lembar, baris dan kolom.',
  'tpl.answers.scale': 'Skala {min}–{max}. {text}',
  'tpl.respondentLabel': '{instrument} {n}',
  'field.year': 'Tahun siklus penilaian (bilangan bulat).',
  'field.bodyCode': 'Kode Kemendagri ("36", "36.71") atau kode K/L dalam registri. Format sel: teks.',
  'field.name': 'Nama instansi (informatif; nama dalam registri yang dipakai).',
  'field.schemeId': 'Kode skema metodologi, mis. ombudsman-2022.',
  'field.score': 'Nilai yang dipublikasikan, pada rentang skema (dibulatkan ke 2 desimal).',
  'field.rank': 'Peringkat yang dipublikasikan (bilangan bulat ≥ 1), boleh kosong.',
} satisfies Dict;

type Key = keyof typeof id;

const en: Record<Key, string> = {
  'sheet.leaderboard': 'Ranking',
  'sheet.governments': 'Governments',
  'sheet.units': 'Units',
  'sheet.dimensions': 'Dimensions',
  'sheet.indicators': 'Indicators',
  'sheet.assumptions': 'Assumptions',
  'sheet.summary': 'Summary',
  'sheet.instructions': 'Instructions',
  'sheet.descriptors': 'Descriptors',
  'sheet.results': 'Results',
  'block.cycleResults': 'Assessment results — {cycle}',
  'block.bodyBreakdown': 'Assessment breakdown — {body}',
  'block.cycle': 'Cycle: {cycle} ({year})',
  'block.scheme': 'Scheme: {id} v{version} — {title}',
  'block.schemeUnknown': 'Scheme: {id} (not in the methodology library)',
  'block.note':
    'Scores are rounded half away from zero to 2 decimals; bands are closed below. {n} methodology assumptions affect these numbers (Assumptions sheet).',
  'block.noteNoAssumptions': 'Scores are rounded half away from zero to 2 decimals; bands are closed below.',
  'block.generated': 'Generated {date}',
  'block.assumptions': 'Methodology assumptions — {scheme}',
  'block.assumptionsNote':
    'The official sources are incomplete on the points below; the numbers are computed with these assumptions (stored in the methodology file).',
  'assumptions.none': 'No assumption affects the numbers.',
  'assumptions.noScheme': 'Unknown scheme; its assumptions cannot be listed.',
  'col.rank': 'Rank',
  'col.of': 'Of',
  'col.code': 'Code',
  'col.name': 'Name',
  'col.type': 'Type',
  'col.province': 'Province',
  'col.provinceCode': 'Province code',
  'col.score': 'Score',
  'col.raw': 'Unrounded score',
  'col.band': 'Band',
  'col.bandLabel': 'Band label',
  'col.zone': 'Zone',
  'col.movement': 'Movement',
  'col.units': 'Units assessed',
  'col.complete': 'Complete',
  'col.rankNational': 'National rank (type)',
  'col.rankProvince': 'Provincial rank',
  'col.bodyCode': 'Body code',
  'col.body': 'Body',
  'col.unit': 'Service unit',
  'col.sector': 'Sector',
  'col.missing': 'Unanswered indicators',
  'col.dimension': 'Dimension',
  'col.dimensionTitle': 'Dimension name',
  'col.weight': 'Weight (%)',
  'col.dimensionScore': 'Dimension score',
  'col.points': 'Points',
  'col.pointsLost': 'Points lost',
  'col.variable': 'Variable',
  'col.indicator': 'Indicator',
  'col.indicatorText': 'Indicator text',
  'col.value': 'Mean answer',
  'col.n': 'Answers',
  'col.percentage': 'Percentage',
  'col.no': 'No',
  'col.path': 'Place in the scheme',
  'col.assumption': 'Assumption',
  'col.instrument': 'Instrument',
  'col.respondent': 'Respondent',
  'col.quota': 'Quota',
  'col.scaleMin': 'Scale min',
  'col.scaleMax': 'Scale max',
  'col.level': 'Level',
  'col.descriptor': 'Descriptor',
  'col.column': 'Column',
  'col.required': 'Required',
  'col.meaning': 'Meaning',
  'col.example': 'Example',
  'col.resultRange': 'Result range',
  yes: 'yes',
  no: 'no',
  'tpl.results.title': 'Import template: historical assessment results',
  'tpl.results.intro':
    'Fill the "Results" (or "Hasil") sheet: one row per government per year. Row 1 holds the column headers; do not change them. Blank rows are skipped. The whole file is checked first: if there is any error, nothing is saved and every error is shown by row and column.',
  'tpl.results.csv':
    'CSV is accepted too: UTF-8 (with or without BOM), comma or semicolon separated, the same headers in the first row. In a semicolon CSV a decimal comma is allowed (87,50).',
  'tpl.results.schemes': 'Known schemes and their result ranges:',
  'tpl.answers.title': 'Answers import template — {scheme}',
  'tpl.answers.intro':
    'One sheet per instrument (sheet name = instrument code). Column A: the respondent or product name; then one column per indicator code the instrument answers. One row per respondent/product. Answers are whole numbers on the indicator scale (see the Descriptors sheet); an empty cell means not answered (not zero). Rows without any answer are skipped.',
  'tpl.answers.csv':
    'CSV is accepted too (one file for every instrument): columns "instrument", "respondent", then the indicator codes. UTF-8, comma or semicolon separated.',
  'tpl.answers.check':
    'The whole file is checked first: if there is any error, nothing is saved and every error is shown by sheet, row and column.',
  'tpl.answers.scale': 'Scale {min}–{max}. {text}',
  'tpl.respondentLabel': '{instrument} {n}',
  'field.year': 'Year of the assessment cycle (whole number).',
  'field.bodyCode': 'Kemendagri code ("36", "36.71") or the ministry/agency code in the registry. Cell format: text.',
  'field.name': 'Body name (informative; the registry name is used).',
  'field.schemeId': 'Methodology scheme id, e.g. ombudsman-2022.',
  'field.score': 'The published score, within the scheme range (rounded to 2 decimals).',
  'field.rank': 'The published rank (whole number ≥ 1); may be empty.',
};

const dictionaries: Record<Lang, Record<Key, string>> = { id, en };

function fill(template: string, params: Record<string, string | number> = {}): string {
  return template.replace(/\{(\w+)\}/g, (m, k: string) => (k in params ? String(params[k]) : m));
}

/** A label in `lang`, with `{name}` placeholders filled. */
export function label(lang: Lang, key: Key, params?: Record<string, string | number>): string {
  return fill(dictionaries[lang][key], params);
}

/** Sheet names of one kind in both languages (the import parsers accept either). */
export function sheetNames(key: Key & `sheet.${string}`): string[] {
  return [id[key], en[key]];
}

const bodyTypes: Record<BodyType, Text> = {
  kementerian: { id: 'Kementerian', en: 'Ministry' },
  lembaga: { id: 'Lembaga', en: 'Agency' },
  provinsi: { id: 'Provinsi', en: 'Province' },
  kabupaten: { id: 'Kabupaten', en: 'Regency' },
  kota: { id: 'Kota', en: 'City' },
};

export function bodyTypeLabel(lang: Lang, type: string): string {
  return (bodyTypes as Record<string, Text>)[type]?.[lang] ?? type;
}

const zones: Record<ZoneCode, Text> = {
  hijau: { id: 'Hijau', en: 'Green' },
  kuning: { id: 'Kuning', en: 'Yellow' },
  merah: { id: 'Merah', en: 'Red' },
};

export function zoneLabel(lang: Lang, zone: ZoneCode | undefined): string | null {
  return zone === undefined ? null : zones[zone][lang];
}

const sectors: Record<string, Text> = {
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
} satisfies Record<string, Text>;

export type ImportIssueCode = keyof typeof IMPORT_ISSUE_CODES;

/** The message of an issue in both languages, placeholders filled. */
export function issueMessage(code: ImportIssueCode, params: Record<string, string | number> = {}): Text {
  const m = IMPORT_ISSUE_CODES[code];
  return { id: fill(m.id, params), en: fill(m.en, params) };
}
