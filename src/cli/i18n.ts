/**
 * Every string the `pantau` CLI prints, Bahasa Indonesia first (the source) and English beside
 * it, through the shared catalogue mechanism (src/shared/messages.ts); the catalogue test checks
 * that both are there with the same placeholders. Placeholders are `{name}`; numbers passed as
 * params are formatted for the language (pass a string to print a number as it is).
 */
import type { Lang } from '../core/index.ts';
import { type Catalogue, format } from '../shared/messages.ts';

export const messages = {
  // General help
  'help.usage': { id: 'Pemakaian: pantau <perintah> [opsi]', en: 'Usage: pantau <command> [options]' },
  'help.usage_label': { id: 'Pemakaian', en: 'Usage' },
  'help.commands': { id: 'Perintah:', en: 'Commands:' },
  'help.global_options': { id: 'Opsi umum (berlaku untuk setiap perintah):', en: 'Global options (every command):' },
  'help.options': { id: 'Opsi:', en: 'Options:' },
  'help.example': { id: 'Contoh:', en: 'Example:' },
  'help.more': {
    id: 'Lihat `pantau <perintah> --help` untuk rincian; format berkas: src/cli/README.md.',
    en: 'See `pantau <command> --help` for details; file formats: src/cli/README.md.',
  },
  'help.option.json': {
    id: 'cetak hasil sebagai JSON (untuk mesin) alih-alih tabel',
    en: 'print the result as JSON (for machines) instead of a table',
  },
  'help.option.lang': { id: 'bahasa tabel dan pesan: id (bawaan) atau en', en: 'language of tables and messages: id (default) or en' },
  'help.option.help': { id: 'tampilkan bantuan', en: 'show help' },

  // Per-command help
  'help.option.scheme': { id: 'id skema metodologi (lihat `pantau schemes`)', en: 'methodology scheme id (see `pantau schemes`)' },
  'help.option.scheme_ikm': { id: 'id skema SKM (bawaan: skm-2017)', en: 'SKM scheme id (default: skm-2017)' },
  'help.option.scheme_sample': {
    id: 'id skema SKM yang memuat konstanta sampel (bawaan: skm-2017)',
    en: 'SKM scheme id holding the sampling constants (default: skm-2017)',
  },
  'help.option.to': { id: 'id skema tujuan, dari keluarga yang sama', en: 'target scheme id, of the same family' },
  'help.option.top': { id: 'tampilkan hanya N perbaikan teratas', en: 'show only the N largest improvements' },
  'help.option.units': {
    id: 'jumlah unit yang dinilai pada pemda (untuk tambahan nilai pemda; bawaan 1)',
    en: "number of assessed units of the government (for the government's gain; default 1)",
  },
  'help.arg.value': {
    id: 'VALUE: nilai yang akan diklasifikasi (titik atau koma desimal)',
    en: 'VALUE: the value to classify (decimal point or comma)',
  },
  'help.arg.scores': { id: 'SCORE...: nilai unit, satu argumen per unit', en: 'SCORE...: unit scores, one argument per unit' },
  'help.arg.answers': {
    id: 'FILE: berkas jawaban JSON atau CSV; `-` = baca dari stdin',
    en: 'FILE: answers file, JSON or CSV; `-` = read stdin',
  },
  'help.arg.rank': {
    id: 'FILE: CSV/JSON dengan kolom name,type,province,score[,previous_rank]',
    en: 'FILE: CSV/JSON with columns name,type,province,score[,previous_rank]',
  },
  'help.arg.ikm': {
    id: 'FILE: CSV dengan kolom unit,U1,…,U9 (jawaban 1–4), satu baris per responden',
    en: 'FILE: CSV with columns unit,U1,…,U9 (answers 1–4), one row per respondent',
  },
  'help.arg.population': { id: 'N: jumlah populasi (bilangan bulat positif)', en: 'N: population size (a positive whole number)' },

  // Tables
  'table.scheme': { id: 'Skema', en: 'Scheme' },
  'table.family': { id: 'Keluarga', en: 'Family' },
  'table.year': { id: 'Tahun', en: 'Year' },
  'table.title': { id: 'Judul', en: 'Title' },
  'table.weights': { id: 'Bobot dimensi (%)', en: 'Dimension weights (%)' },
  'table.assumptions': { id: 'Asumsi', en: 'Assumptions' },
  'table.value': { id: 'Nilai', en: 'Value' },
  'table.score': { id: 'Nilai', en: 'Score' },
  'table.band': { id: 'Predikat', en: 'Band' },
  'table.label': { id: 'Keterangan', en: 'Label' },
  'table.zone': { id: 'Zona', en: 'Zone' },
  'table.units': { id: 'Jumlah unit', en: 'Units' },
  'table.unit': { id: 'Unit', en: 'Unit' },
  'table.complete': { id: 'Lengkap', en: 'Complete' },
  'table.missing': { id: 'Belum dijawab', en: 'Not answered' },
  'table.incomplete_instruments': { id: 'Instrumen di bawah kuota', en: 'Instruments below quota' },
  'table.dimension': { id: 'Dimensi', en: 'Dimension' },
  'table.weight': { id: 'Bobot %', en: 'Weight %' },
  'table.dimension_score': { id: 'Skor', en: 'Score' },
  'table.points': { id: 'Poin', en: 'Points' },
  'table.points_lost': { id: 'Poin hilang', en: 'Points lost' },
  'table.indicator': { id: 'Indikator', en: 'Indicator' },
  'table.answer': { id: 'Jawaban', en: 'Answer' },
  'table.sheets': { id: 'Lembar', en: 'Sheets' },
  'table.percentage': { id: '%', en: '%' },
  'table.product': { id: 'Produk', en: 'Product' },
  'table.rank_national_type': { id: 'Peringkat (jenis)', en: 'Rank (type)' },
  'table.rank_province': { id: 'Peringkat (provinsi)', en: 'Rank (province)' },
  'table.name': { id: 'Nama', en: 'Name' },
  'table.type': { id: 'Jenis', en: 'Type' },
  'table.province': { id: 'Provinsi', en: 'Province' },
  'table.previous_rank': { id: 'Peringkat lalu', en: 'Previous rank' },
  'table.movement': { id: 'Gerak', en: 'Movement' },
  'table.respondents': { id: 'Responden', en: 'Respondents' },
  'table.ikm': { id: 'IKM', en: 'IKM' },
  'table.mutu': { id: 'Mutu', en: 'Grade' },
  'table.population': { id: 'Populasi', en: 'Population' },
  'table.sample': { id: 'Sampel minimum', en: 'Minimum sample' },
  'table.from': { id: 'Dari', en: 'From' },
  'table.to': { id: 'Ke', en: 'To' },
  'table.delta': { id: 'Selisih', en: 'Difference' },
  'table.unmapped': { id: 'Indikator skema tujuan tanpa jawaban', en: 'Target-scheme indicators without answers' },
  'table.unit_gain': { id: 'Tambah nilai unit', en: 'Unit gain' },
  'table.government_gain': { id: 'Tambah nilai pemda', en: 'Government gain' },
  'table.descriptor': { id: 'Deskriptor tingkat tujuan', en: 'Target level descriptor' },
  'table.none': { id: '(tidak ada)', en: '(none)' },
  'table.no_improvements': {
    id: 'Tidak ada perbaikan: setiap indikator sudah di tingkat tertinggi.',
    en: 'No improvements: every indicator is already at its highest level.',
  },
  'table.yes': { id: 'ya', en: 'yes' },
  'table.no': { id: 'tidak', en: 'no' },
  'table.missing_value': { id: '—', en: '—' },
  'zone.hijau': { id: 'hijau', en: 'green' },
  'zone.kuning': { id: 'kuning', en: 'yellow' },
  'zone.merah': { id: 'merah', en: 'red' },

  // Where an error happened
  'place.row': { id: 'baris {row}', en: 'row {row}' },
  'place.column': { id: 'kolom {column}', en: 'column {column}' },

  // Errors: bad input (exit 2)
  'errors.no_command': { id: 'perintah belum diberikan; lihat `pantau --help`', en: 'no command given; see `pantau --help`' },
  'errors.unknown_command': {
    id: "perintah tidak dikenal '{name}'; lihat `pantau --help`",
    en: "unknown command '{name}'; see `pantau --help`",
  },
  'errors.unknown_option': {
    id: 'opsi tidak dikenal {option} untuk `pantau {command}`',
    en: 'unknown option {option} for `pantau {command}`',
  },
  'errors.option_needs_value': { id: 'opsi {option} memerlukan nilai', en: 'option {option} needs a value' },
  'errors.option_takes_no_value': { id: 'opsi {option} tidak menerima nilai', en: 'option {option} takes no value' },
  'errors.option_repeated': { id: 'opsi {option} diberikan lebih dari sekali', en: 'option {option} given more than once' },
  'errors.option_required': { id: 'opsi {option} wajib diisi', en: 'option {option} is required' },
  'errors.bad_lang': { id: "bahasa '{value}' tidak dikenal; pilih id atau en", en: "unknown language '{value}'; choose id or en" },
  'errors.missing_argument': { id: 'argumen {name} belum diberikan ({usage})', en: 'missing argument {name} ({usage})' },
  'errors.extra_argument': { id: "argumen berlebih '{value}' ({usage})", en: "unexpected argument '{value}' ({usage})" },
  'errors.not_a_number': { id: "'{value}' bukan angka", en: "'{value}' is not a number" },
  'errors.not_a_positive_integer': { id: "'{value}' bukan bilangan bulat positif", en: "'{value}' is not a positive whole number" },
  'errors.unknown_scheme': { id: "skema tidak dikenal '{id}'; pilih salah satu: {ids}", en: "unknown scheme '{id}'; choose one of: {ids}" },
  'errors.value_out_of_range': {
    id: 'nilai {value} di luar rentang skema {scheme} ({min}–{max})',
    en: 'value {value} is outside the range of scheme {scheme} ({min}–{max})',
  },
  'errors.wrong_family': {
    id: 'skema {scheme} berkeluarga {actual}; perintah ini memerlukan skema {family}',
    en: 'scheme {scheme} is of family {actual}; this command needs a {family} scheme',
  },
  'errors.family_mismatch': {
    id: 'skema {from} ({fromFamily}) dan {to} ({toFamily}) tidak sekeluarga',
    en: 'schemes {from} ({fromFamily}) and {to} ({toFamily}) are not of the same family',
  },
  'errors.scheme_required': {
    id: 'skema belum disebut: pakai --scheme ID (atau "scheme" dalam berkas JSON)',
    en: 'no scheme given: use --scheme ID (or "scheme" in a JSON file)',
  },
  'errors.scheme_conflict': {
    id: 'berkas memakai skema {file}, tetapi --scheme {flag}',
    en: 'the file uses scheme {file}, but --scheme is {flag}',
  },
  'errors.file_not_found': { id: 'berkas tidak ditemukan', en: 'file not found' },
  'errors.file_is_directory': { id: 'ini direktori, bukan berkas', en: 'is a directory, not a file' },
  'errors.file_unreadable': { id: 'berkas tidak dapat dibaca ({reason})', en: 'cannot read the file ({reason})' },
  'errors.file_empty': { id: 'berkas kosong', en: 'the file is empty' },
  'errors.no_rows': { id: 'berkas tidak berisi baris data', en: 'the file has no data rows' },
  'errors.json_unexpected': {
    id: 'JSON tidak valid: karakter {found} tidak diharapkan di sini',
    en: 'invalid JSON: unexpected character {found} here',
  },
  'errors.json_unexpected_end': {
    id: 'JSON tidak valid: berkas berakhir sebelum JSON selesai',
    en: 'invalid JSON: the file ends before the JSON does',
  },
  'errors.csv_malformed': { id: 'CSV tidak valid: {reason}', en: 'invalid CSV: {reason}' },
  'errors.csv_quote': {
    id: 'CSV tidak valid: tanda kutip (") tidak ditutup atau salah tempat',
    en: 'invalid CSV: a quote (") is not closed or is misplaced',
  },
  'errors.csv_field_count': {
    id: 'baris ini berisi {actual} kolom, tajuk berisi {expected}',
    en: 'this row has {actual} columns, the header has {expected}',
  },
  'errors.expected_object': { id: 'harus berupa objek JSON', en: 'must be a JSON object' },
  'errors.restore_server_running': {
    id: 'server Pantau sedang berjalan pada direktori data ini: hentikan dulu sebelum memulihkan',
    en: 'a Pantau server is running on this data directory: stop it before restoring',
  },
  'errors.restore_not_empty': {
    id: 'basis data tidak kosong (tabel {table} berisi {rows} baris): pulihkan ke basis data yang kosong',
    en: 'the database is not empty ({table} has {rows} rows): restore into an empty database',
  },
  'errors.expected_array': { id: 'harus berupa daftar (array) JSON', en: 'must be a JSON array' },
  'errors.expected_text': { id: 'harus berupa teks', en: 'must be text' },
  'errors.expected_number': { id: 'harus berupa angka', en: 'must be a number' },
  'errors.unknown_field': { id: "kolom/properti tidak dikenal '{field}'", en: "unknown column/property '{field}'" },
  'errors.missing_column': {
    id: 'kolom {column} tidak ada (diharapkan: {expected})',
    en: 'column {column} is missing (expected: {expected})',
  },
  'errors.unknown_column': {
    id: 'kolom tidak dikenal {column} (diharapkan: {expected})',
    en: 'unknown column {column} (expected: {expected})',
  },
  'errors.duplicate_column': { id: 'kolom {column} muncul lebih dari sekali', en: 'column {column} appears more than once' },
  'errors.missing_instrument_column': {
    id: 'kolom instrument tidak ada (tajuk yang diharapkan: instrument,respondent,<kode indikator…>)',
    en: 'column instrument is missing (expected header: instrument,respondent,<indicator codes…>)',
  },
  'errors.column_not_indicator': {
    id: 'kolom {column} bukan kode indikator skema {scheme} (kolom yang boleh: instrument, respondent, kode indikator)',
    en: 'column {column} is not an indicator code of scheme {scheme} (allowed: instrument, respondent, indicator codes)',
  },
  'errors.empty_cell': { id: 'sel kosong', en: 'empty cell' },
  'errors.cell_not_number': { id: "'{value}' bukan angka", en: "'{value}' is not a number" },
  'errors.unknown_instrument': {
    id: "instrumen '{instrument}' tidak ada pada skema {scheme}; pilih salah satu: {list}",
    en: "instrument '{instrument}' is not in scheme {scheme}; choose one of: {list}",
  },
  'errors.unknown_indicator': { id: 'indikator {code} tidak ada pada skema {scheme}', en: 'indicator {code} is not in scheme {scheme}' },
  'errors.not_covered': {
    id: 'indikator {code} tidak dijawab lewat instrumen {instrument} (instrumen ini mencakup: {list})',
    en: 'indicator {code} is not answered through instrument {instrument} (it covers: {list})',
  },
  'errors.answer_out_of_scale': { id: 'jawaban {value} di luar {min}–{max}', en: 'answer {value} is outside {min}–{max}' },
  'errors.answer_not_integer': { id: 'jawaban {value} bukan bilangan bulat', en: 'answer {value} is not a whole number' },
  'errors.aggregate_empty': { id: 'tidak ada nilai unit untuk diagregasi', en: 'no unit scores to aggregate' },
  'errors.bad_body_type': {
    id: "jenis '{value}' tidak dikenal; pilih kementerian, lembaga, provinsi, kabupaten atau kota",
    en: "unknown type '{value}'; choose kementerian, lembaga, provinsi, kabupaten or kota",
  },
  'errors.province_required': { id: 'provinsi wajib diisi untuk kabupaten/kota', en: 'a province is required for a kabupaten/kota' },
  'errors.bad_previous_rank': {
    id: "peringkat lalu '{value}' harus bilangan bulat positif",
    en: "previous rank '{value}' must be a positive whole number",
  },
  'errors.population_invalid': {
    id: "populasi '{value}' harus bilangan bulat positif",
    en: "population '{value}' must be a positive whole number",
  },
  'errors.engine': { id: 'mesin penilaian menolak masukan: {message}', en: 'the scoring engine rejected the input: {message}' },

  // Errors: bugs (exit 1)
  'errors.internal': { id: 'kesalahan internal (mohon laporkan): {message}', en: 'internal error (please report it): {message}' },

  // pantau user add
  'user_add.unknown_role': {
    id: "peran '{role}' tidak dikenal; pilih salah satu: {roles}",
    en: "unknown role '{role}'; choose one of: {roles}",
  },
  'user_add.password_prompt': { id: 'Kata sandi: ', en: 'Password: ' },
  'user_add.password_repeat': { id: 'Ulangi kata sandi: ', en: 'Repeat password: ' },
  'user_add.password_mismatch': { id: 'kedua kata sandi tidak sama', en: 'the two passwords differ' },
  'user_add.stdin_not_tty': { id: 'stdin bukan terminal: pakai --password-stdin', en: 'stdin is not a terminal: use --password-stdin' },
  'user_add.password_length': { id: 'kata sandi harus {min}–{max} karakter', en: 'the password must be {min}–{max} characters' },
  'user_add.created': { id: 'Pengguna {username} dibuat: peran {role}{scope}.', en: 'User {username} created: role {role}{scope}.' },
  'user_add.created.province': { id: ', provinsi {province}', en: ', province {province}' },
  'user_add.created.body': { id: ', instansi {body}', en: ', body {body}' },
  'user_add.created.unit': { id: ', unit {unit}', en: ', unit {unit}' },

  // pantau audit verify
  'audit_verify.ok': { id: 'OK: rantai audit utuh, {events} peristiwa.', en: 'OK: audit chain intact, {events} events.' },
  'audit_verify.broken': {
    id: 'RUSAK: rantai audit putus pada seq {seq} — {why}.',
    en: 'BROKEN: the audit chain breaks at seq {seq} — {why}.',
  },
  'audit_verify.why.link': {
    id: 'prev_hash tidak sama dengan hash peristiwa sebelumnya (ada peristiwa yang dihapus, disisipkan atau ditukar)',
    en: 'prev_hash does not match the previous event (an event was removed, inserted or reordered)',
  },
  'audit_verify.why.content': {
    id: 'hash tidak cocok dengan isi peristiwa (peristiwa diubah)',
    en: 'hash does not match the event content (the event was edited)',
  },
  'audit_verify.why.truncated': {
    id: 'checkpoint bertanda tangan menyebut peristiwa yang tidak ada lagi di tabel (peristiwa terbaru dihapus atau tabel dikosongkan)',
    en: 'the signed checkpoint names an event the table no longer holds (the newest events were deleted or the table was truncated)',
  },
  'audit_verify.why.rewritten': {
    id: 'peristiwa berbeda dari checkpoint bertanda tangan (rantai ditulis ulang)',
    en: 'the event differs from the signed checkpoint (the chain was rewritten)',
  },
  'audit_verify.why.checkpoint': {
    id: 'checkpoint tidak ada atau tanda tangannya salah',
    en: 'the checkpoint is missing or its signature is wrong',
  },

  // pantau seed
  'seed.national': {
    id: 'Siklus nasional sintetis {cycle}: {bodies} instansi, {units} unit, {records} rekaman.',
    en: 'Synthetic national cycle {cycle}: {bodies} bodies, {units} units, {records} records.',
  },
  'seed.national_time': {
    id: 'Waktu: lokus {locus}, rekaman {records}, hitung ulang {recompute}.',
    en: 'Time: locus {locus}, records {records}, recompute {recompute}.',
  },
  'seed.national_published': {
    id: 'Terbit nasional: publikasi {publication}.',
    en: 'Published nationally: publication {publication}.',
  },
  // pantau backup / restore
  'backup.done': {
    id: 'Cadangan {file}: {tables} tabel, {rows} baris, {evidence} berkas bukti, {files} berkas tugas ({mb} MB).',
    en: 'Backup {file}: {tables} tables, {rows} rows, {evidence} evidence files, {files} job files ({mb} MB).',
  },
  'restore.done': {
    id: 'Dipulihkan: {tables} tabel, {rows} baris, {evidence} berkas bukti, {files} berkas tugas.',
    en: 'Restored: {tables} tables, {rows} rows, {evidence} evidence files, {files} job files.',
  },
  'seed.demo_exists': {
    id: 'Basis data sudah berisi akun; demo tidak dibuat.',
    en: 'The database already has accounts; no demo was created.',
  },
  'seed.demo_accounts': { id: 'Akun demo (kata sandi hanya ditampilkan sekali):', en: 'Demo accounts (passwords shown only once):' },
} satisfies Catalogue;

export type MessageKey = keyof typeof messages;
export type MessageParams = Record<string, string | number>;

const locales: Record<Lang, string> = { id: 'id-ID', en: 'en-US' };

/** The locale used for numbers: 95,31 in Indonesian, 95.31 in English. */
export function localeOf(lang: Lang): string {
  return locales[lang];
}

export function isLang(value: string): value is Lang {
  return value === 'id' || value === 'en';
}

/** The message for `key` in `lang`, placeholders filled (numbers formatted for the language). */
export function t(lang: Lang, key: MessageKey, params: MessageParams = {}): string {
  const plain = new Intl.NumberFormat(localeOf(lang), { maximumFractionDigits: 6 });
  return format(messages, key, lang, params, (value) => (typeof value === 'number' ? plain.format(value) : String(value)));
}

/** Every message key (for tests). */
export function messageKeys(): MessageKey[] {
  return Object.keys(messages) as MessageKey[];
}
