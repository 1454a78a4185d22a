// One catalogue of API errors: a stable string code, an HTTP status and a message in Indonesian
// and English (details interpolated as {name}; the shared catalogue mechanism,
// src/shared/messages.ts). The wire shape is always { error: { code, message, details } }, with
// the message in the caller's language. `detailTexts` holds the translated texts that go into
// details (a `request.invalid` summary, a `conflict` reason).
import type { Lang } from '../core/types.ts';
import { type Catalogue, type Message, type Params, fill, format } from '../shared/messages.ts';

interface Entry extends Message {
  status: number;
}

export const catalogue = {
  'request.invalid': { status: 400, id: 'Permintaan tidak valid: {summary}', en: 'Invalid request: {summary}' },
  'request.too_large': { status: 413, id: 'Berkas terlalu besar (maksimum {limit} byte).', en: 'File too large (maximum {limit} bytes).' },
  'request.unsupported_type': { status: 415, id: 'Jenis berkas tidak diizinkan: {type}.', en: 'File type not allowed: {type}.' },
  'request.corrupt_file': {
    status: 415,
    id: 'Berkas ini bukan {type} yang utuh (strukturnya rusak atau berisi data lain). Unggah foto JPEG, PNG atau WebP, atau PDF.',
    en: 'This file is not a whole {type} (its structure is broken or it holds other data). Upload a JPEG, PNG or WebP photo, or a PDF.',
  },
  'request.bad_character': {
    status: 400,
    id: 'Teks pada {path} memuat karakter yang tidak dapat disimpan (NUL atau surrogate UTF-16 tunggal).',
    en: 'The text at {path} holds a character that cannot be stored (NUL or a lone UTF-16 surrogate).',
  },
  'request.date_out_of_range': {
    status: 400,
    id: 'Tanggal pada {path} di luar rentang yang didukung (tahun 0001–9999).',
    en: 'The date at {path} is outside the supported range (years 0001–9999).',
  },
  'request.bad_multipart': {
    status: 400,
    id: 'Unggahan tidak valid: isi multipart/form-data rusak atau tanpa boundary.',
    en: 'Invalid upload: the multipart/form-data body is malformed or has no boundary.',
  },
  'request.bad_value': {
    status: 400,
    id: 'Nilai yang dikirim tidak dapat disimpan: {reason}.',
    en: 'A value sent cannot be stored: {reason}.',
  },
  'import.invalid': {
    status: 422,
    id: 'Berkas tidak valid: {count} masalah ditemukan; tidak ada yang disimpan.',
    en: 'The file is not valid: {count} problems found; nothing was saved.',
  },
  'import.no_file': {
    status: 400,
    id: 'Pilih berkas Excel (.xlsx) atau CSV untuk diunggah.',
    en: 'Choose an Excel (.xlsx) or CSV file to upload.',
  },
  'export.no_result': {
    status: 409,
    id: 'Belum ada hasil untuk {subject} pada siklus ini.',
    en: 'There is no result for {subject} in this cycle yet.',
  },
  'auth.required': { status: 401, id: 'Silakan masuk terlebih dahulu.', en: 'Please sign in first.' },
  'auth.session_expired': {
    status: 401,
    id: 'Sesi Anda telah berakhir. Silakan masuk kembali.',
    en: 'Your session has expired. Please sign in again.',
  },
  'auth.invalid_credentials': { status: 401, id: 'Nama pengguna atau kata sandi salah.', en: 'Wrong username or password.' },
  'auth.rate_limited': {
    status: 429,
    id: 'Terlalu banyak percobaan masuk. Coba lagi dalam {seconds} detik.',
    en: 'Too many sign-in attempts. Try again in {seconds} seconds.',
  },
  'auth.totp_required': {
    status: 401,
    id: 'Masukkan kode 6 angka dari aplikasi autentikator Anda.',
    en: 'Enter the 6-digit code from your authenticator app.',
  },
  'auth.totp_invalid': {
    status: 401,
    id: 'Kode autentikator salah atau sudah dipakai.',
    en: 'The authenticator code is wrong or was already used.',
  },
  'auth.totp_not_allowed': {
    status: 403,
    id: 'Verifikasi dua langkah tersedia untuk admin dan pimpinan.',
    en: 'Two-step verification is available to admins and pimpinan.',
  },
  'auth.totp_already_enabled': {
    status: 409,
    id: 'Verifikasi dua langkah sudah aktif; matikan dulu untuk mendaftarkan perangkat lain.',
    en: 'Two-step verification is already on; turn it off first to enrol another device.',
  },
  'auth.totp_not_enrolling': {
    status: 409,
    id: 'Tidak ada pendaftaran verifikasi dua langkah yang menunggu konfirmasi.',
    en: 'No two-step verification enrolment is waiting for confirmation.',
  },
  'auth.totp_not_enabled': {
    status: 409,
    id: 'Verifikasi dua langkah belum aktif.',
    en: 'Two-step verification is not on.',
  },
  'auth.password_change_required': {
    status: 403,
    id: 'Kata sandi Anda direset oleh admin: buat kata sandi baru terlebih dahulu.',
    en: 'Your password was reset by an admin: set a new password first.',
  },
  'auth.wrong_password': {
    status: 403,
    id: 'Kata sandi saat ini salah.',
    en: 'The current password is wrong.',
  },
  'auth.password_reused': {
    status: 400,
    id: 'Kata sandi baru harus berbeda dari yang sekarang.',
    en: 'The new password must differ from the current one.',
  },
  'auth.csrf': {
    status: 403,
    id: 'Token keamanan (CSRF) tidak ada atau tidak cocok. Muat ulang halaman.',
    en: 'Missing or mismatched security (CSRF) token. Reload the page.',
  },
  'auth.forbidden': { status: 403, id: 'Anda tidak berwenang melakukan ini.', en: 'You are not allowed to do this.' },
  not_found: { status: 404, id: '{subject} tidak ditemukan.', en: '{subject} not found.' },
  conflict: { status: 409, id: 'Konflik data: {reason}', en: 'Data conflict: {reason}' },
  'user.username_taken': { status: 409, id: 'Nama pengguna {username} sudah dipakai.', en: 'Username {username} is already taken.' },
  'user.scope_required': { status: 400, id: 'Peran {role} wajib memiliki {field}.', en: 'Role {role} requires {field}.' },
  'user.scope_not_allowed': { status: 400, id: 'Peran {role} tidak boleh memiliki {field}.', en: 'Role {role} must not have {field}.' },
  'user.password_too_short': {
    status: 400,
    id: 'Kata sandi harus {min}–{max} karakter.',
    en: 'The password must be {min}–{max} characters.',
  },
  'user.password_contains_username': {
    status: 400,
    id: 'Kata sandi tidak boleh memuat nama pengguna.',
    en: 'The password must not contain the username.',
  },
  'user.password_common': {
    status: 400,
    id: 'Kata sandi ini termasuk yang umum atau pernah bocor; pilih yang lain.',
    en: 'This password is a common or breached one; choose another.',
  },
  'user.password_weak': {
    status: 400,
    id: 'Kata sandi mudah ditebak (kata kamus, nama, tanggal, urutan atau pengulangan); pakai frasa yang lebih panjang.',
    en: 'The password is easy to guess (dictionary words, names, dates, sequences or repeats); use a longer phrase.',
  },
  'user.self': {
    status: 409,
    id: 'Anda tidak dapat menonaktifkan atau menurunkan peran akun Anda sendiri.',
    en: 'You cannot deactivate or demote your own account.',
  },
  'registry.unknown_reference': { status: 400, id: '{field} tidak dikenal: {value}.', en: 'Unknown {field}: {value}.' },
  'registry.inactive': { status: 409, id: '{field} {value} sudah dinonaktifkan.', en: '{field} {value} is deactivated.' },
  'registry.code_taken': { status: 409, id: 'Kode {code} sudah dipakai.', en: 'Code {code} is already in use.' },
  'registry.location_incomplete': {
    status: 422,
    id: 'Lintang dan bujur harus diisi bersama (atau dikosongkan bersama).',
    en: 'Latitude and longitude go together (set both or clear both).',
  },
  'registry.code_format': {
    status: 400,
    id: 'Kode {code} tidak sesuai jenis {type} (contoh: {example}).',
    en: 'Code {code} does not fit type {type} (e.g. {example}).',
  },
  'cycle.invalid_transition': {
    status: 409,
    id: 'Status siklus tidak dapat diubah dari {from} ke {to}.',
    en: 'Cycle status cannot change from {from} to {to}.',
  },
  'cycle.closed': {
    status: 409,
    id: 'Siklus berstatus {status}; data lapangan tidak dapat diubah.',
    en: 'The cycle is {status}; fieldwork can no longer change.',
  },
  'scheme.unknown': { status: 400, id: 'Metodologi tidak dikenal: {scheme}.', en: 'Unknown methodology: {scheme}.' },
  'record.id_reused': {
    status: 409,
    id: 'ID rekaman {id} sudah dipakai untuk isi yang berbeda.',
    en: 'Record id {id} was already used for different content.',
  },
  'record.invalid': { status: 422, id: 'Rekaman tidak valid: {reason}', en: 'Invalid record: {reason}' },
  'domain.invalid': { status: 422, id: 'Data tidak sesuai metodologi: {reason}', en: 'Data does not fit the methodology: {reason}' },
  // issue 12 §4: a government's own pre-assessment
  'cycle.internal': {
    status: 409,
    id: 'Pra-penilaian mandiri pemda tidak pernah dipublikasikan, diperingkat, diklarifikasi, atau diberi penghargaan.',
    en: "A government's own pre-assessment is never published, ranked, clarified or awarded.",
  },
  'internal.family': {
    status: 422,
    id: 'Pra-penilaian mandiri memakai instrumen Ombudsman; {scheme} bukan metodologi Ombudsman.',
    en: 'A pre-assessment uses the Ombudsman instrument; {scheme} is not an Ombudsman methodology.',
  },
  'internal.not_government': {
    status: 403,
    id: 'Hanya koordinator pemerintah daerah yang dapat membuat pra-penilaian mandiri.',
    en: "Only a regional government's koordinator can create its own pre-assessment.",
  },
  'internal.unit_outside': {
    status: 422,
    id: 'Unit {subject} bukan unit layanan aktif pemerintah daerah ini.',
    en: 'Unit {subject} is not an active service unit of this government.',
  },
  'internal.assessor_invalid': {
    status: 422,
    id: 'Pengguna {user} bukan penilai internal aktif dari pemerintah daerah pemilik pra-penilaian ini.',
    en: 'User {user} is not an active internal assessor of the government that owns this pre-assessment.',
  },
  'internal.not_internal': {
    status: 404,
    id: 'Pra-penilaian mandiri tidak ditemukan.',
    en: 'Pre-assessment not found.',
  },
  'cycle.locus_empty': {
    status: 409,
    id: 'Lokus siklus masih kosong; tambahkan instansi dan unit terlebih dahulu.',
    en: 'The cycle has no locus yet; add bodies and units first.',
  },
  'cycle.bodies_open': {
    status: 409,
    id: '{open} instansi belum final; setujui semua unitnya terlebih dahulu.',
    en: '{open} bodies are not final yet; approve all their units first.',
  },
  'locus.outside_province': {
    status: 422,
    id: '{subject} berada di luar provinsi siklus ini.',
    en: "{subject} lies outside this cycle's province.",
  },
  'locus.unit_invalid': {
    status: 422,
    id: 'Unit {subject} bukan unit layanan aktif dari instansi ini.',
    en: 'Unit {subject} is not an active service unit of this body.',
  },
  'locus.unit_missing': {
    status: 422,
    id: 'Unit {unit} tidak termasuk lokus siklus ini.',
    en: "Unit {unit} is not part of this cycle's locus.",
  },
  'locus.has_records': {
    status: 409,
    id: '{subject} sudah memiliki {records} rekaman; tidak dapat dihapus dari lokus.',
    en: '{subject} already has {records} records; it cannot leave the locus.',
  },
  'assessor.invalid': {
    status: 422,
    id: 'Pengguna {user} bukan asisten aktif yang dapat ditugaskan di wilayah unit ini.',
    en: "User {user} is not an active assessor who can be assigned in this unit's region.",
  },
  'unit.locked': {
    status: 409,
    id: 'Unit {unit} berstatus {status}; data lapangan tidak dapat diubah sampai peninjau mengembalikannya.',
    en: 'Unit {unit} is {status}; its fieldwork cannot change until the reviewer returns it.',
  },
  'unit.invalid_state': {
    status: 409,
    id: 'Unit {unit} berstatus {status}; tindakan ini tidak dapat dilakukan.',
    en: 'Unit {unit} is {status}; this action is not possible.',
  },
  'unit.no_records': { status: 409, id: 'Unit {unit} belum memiliki rekaman.', en: 'Unit {unit} has no records yet.' },
  'unit.incomplete': { status: 409, id: 'Unit {unit} belum lengkap: {missing}.', en: 'Unit {unit} is not complete: {missing}.' },
  'evidence.invalid_link': { status: 422, id: 'Tautan bukti tidak valid: {reason}', en: 'Invalid evidence link: {reason}' },
  // issue 11 §7: an IKM as evidence
  'evidence.ikm_not_allowed': {
    status: 422,
    id: 'Indikator {indicator} tidak menerima IKM sebagai bukti untuk unit ini (metodologi {schemeId}).',
    en: 'Indicator {indicator} does not take an IKM as evidence for this unit (methodology {schemeId}).',
  },
  'evidence.ikm_survey_invalid': {
    status: 422,
    id: 'IKM hanya dapat diambil dari survei SKM unit {unit} sendiri.',
    en: "An IKM can only come from an SKM survey of {unit}'s own.",
  },
  'evidence.ikm_not_final': {
    status: 409,
    id: 'Survei ini masih berjalan: IKM dapat dilampirkan setelah survei ditutup atau dipublikasikan.',
    en: 'This survey is still running: its IKM can be attached once the survey is closed or published.',
  },
  'evidence.ikm_duplicate': {
    status: 409,
    id: 'IKM survei ini sudah dilampirkan pada indikator {indicator}.',
    en: "This survey's IKM is already attached to indicator {indicator}.",
  },
  // issue 13: resumable (tus) evidence uploads
  'upload.version': {
    status: 412,
    id: 'Unggahan berlanjut memerlukan protokol tus {version}.',
    en: 'Resumable uploads need the tus protocol {version}.',
  },
  'upload.offset_mismatch': {
    status: 409,
    id: 'Bagian unggahan ini dimulai dari byte {sent}, padahal server sudah menerima {offset} byte. Lanjutkan dari byte {offset}.',
    en: 'This part of the upload starts at byte {sent}, but the server has received {offset} bytes. Continue from byte {offset}.',
  },
  'upload.busy': {
    status: 423,
    id: 'Unggahan ini sedang menerima bagian lain. Coba lagi sebentar lagi.',
    en: 'This upload is receiving another part. Try again in a moment.',
  },
  'upload.too_long': {
    status: 413,
    id: 'Data yang dikirim melebihi panjang unggahan ({length} byte); unggahan dibatalkan.',
    en: 'More data was sent than the upload length ({length} bytes); the upload was cancelled.',
  },
  'upload.hash_mismatch': {
    status: 422,
    id: 'Berkas yang diterima tidak sama dengan berkas di perangkat (sidik SHA-256 berbeda); unggahan dibatalkan. Kirim ulang berkasnya.',
    en: 'The file received differs from the one on the device (SHA-256 differs); the upload was cancelled. Send the file again.',
  },
  'clarification.closed': {
    status: 409,
    id: 'Masa klarifikasi tidak sedang dibuka (belum dibuka, sudah ditutup, atau batas waktunya lewat); sanggahan dan bukti tidak dapat ditambahkan.',
    en: 'The clarification window is not open (not opened yet, closed, or past its deadline); disputes and evidence can no longer be added.',
  },
  'clarification.cycle_status': {
    status: 409,
    id: 'Masa klarifikasi hanya dapat dibuka atau diubah saat siklus dalam tahap tinjauan (sekarang: {status}).',
    en: 'A clarification window can only be opened or changed while the cycle is in review (now: {status}).',
  },
  'clarification.window_exists': {
    status: 409,
    id: 'Masa klarifikasi untuk cakupan {scope} pada siklus ini sudah ada.',
    en: 'A clarification window for scope {scope} already exists in this cycle.',
  },
  'clarification.deadline_past': { status: 422, id: 'Batas waktu harus di masa depan.', en: 'The deadline must be in the future.' },
  'clarification.scope_outside': {
    status: 422,
    id: 'Cakupan {scope} tidak termasuk siklus ini.',
    en: 'Scope {scope} is not part of this cycle.',
  },
  'dispute.exists': {
    status: 409,
    id: 'Sudah ada sanggahan terbuka untuk indikator {indicator} pada unit ini.',
    en: 'There is already an open dispute on indicator {indicator} for this unit.',
  },
  'dispute.resolved': {
    status: 409,
    id: 'Sanggahan ini sudah diputuskan ({status}).',
    en: 'This dispute has already been decided ({status}).',
  },
  'dispute.indicator_unknown': {
    status: 422,
    id: 'Indikator {indicator} tidak ada dalam metodologi {schemeId}.',
    en: 'Indicator {indicator} is not part of methodology {schemeId}.',
  },
  'change.value_invalid': {
    status: 422,
    id: 'Nilai {value} bukan tingkat yang sah untuk indikator {indicator} (pilihan: {levels}).',
    en: 'Value {value} is not a valid level of indicator {indicator} (choices: {levels}).',
  },
  'change.record_invalid': {
    status: 422,
    id: 'Rekaman {record} bukan rekaman unit ini yang mencakup indikator {indicator}.',
    en: 'Record {record} is not a record of this unit covering indicator {indicator}.',
  },
  'change.no_records': {
    status: 409,
    id: 'Unit ini tidak memiliki rekaman yang mencakup indikator {indicator}.',
    en: 'This unit has no record covering indicator {indicator}.',
  },
  'change.no_change': {
    status: 409,
    id: 'Jawaban indikator {indicator} sudah bernilai {value}; tidak ada yang berubah.',
    en: 'Indicator {indicator} is already answered {value}; nothing changes.',
  },
  'job.interrupted': {
    status: 500,
    id: 'Pekerjaan terhenti karena server dimulai ulang. Jalankan lagi.',
    en: 'The job stopped because the server restarted. Run it again.',
  },
  'job.not_ready': { status: 409, id: 'Berkas belum siap (status: {status}).', en: 'The file is not ready yet (status: {status}).' },
  'report.no_result': {
    status: 409,
    id: 'Belum ada hasil penilaian untuk {subject}; rapor belum dapat dibuat.',
    en: 'There is no assessment result for {subject} yet; the report card cannot be made.',
  },
  'report.pack_empty': {
    status: 409,
    id: 'Publikasi ini tidak memuat instansi; tidak ada rapor untuk dikemas.',
    en: 'This publication holds no bodies; there is no report card to pack.',
  },
  'publication.locked': {
    status: 409,
    id: 'Hasil {subject} sudah dipublikasikan; perubahan hanya melalui ralat (errata).',
    en: 'The results of {subject} are published; changes go through an erratum only.',
  },
  'publication.cycle_not_ready': {
    status: 409,
    id: 'Siklus berstatus {status}; hasil baru dapat dipublikasikan setelah tahap tinjauan.',
    en: 'The cycle is {status}; results can be published from the review stage on.',
  },
  'publication.scope_empty': {
    status: 409,
    id: 'Tidak ada instansi cakupan {scope} dalam lokus siklus ini.',
    en: "No body of scope {scope} is in this cycle's locus.",
  },
  'publication.bodies_open': {
    status: 409,
    id: '{open} instansi cakupan ini belum final (semua unit harus disetujui): {names}.',
    en: '{open} bodies of this scope are not final yet (every unit must be approved): {names}.',
  },
  'publication.window_open': {
    status: 409,
    id: 'Masa klarifikasi {scope} masih berjalan sampai {deadline}; tutup dulu sebelum publikasi.',
    en: 'The clarification window for {scope} is open until {deadline}; close it before publishing.',
  },
  'publication.disputes_open': {
    status: 409,
    id: '{open} sanggahan pada instansi cakupan ini belum diputus: {names}.',
    en: '{open} disputes on bodies of this scope are still undecided: {names}.',
  },
  'publication.exists': {
    status: 409,
    id: 'Cakupan {scope} siklus ini sudah dipublikasikan (versi {version}); koreksi melalui ralat.',
    en: 'Scope {scope} of this cycle is already published (version {version}); correct it with an erratum.',
  },
  'publication.superseded': {
    status: 409,
    id: 'Versi {version} sudah digantikan; ralat hanya dapat dibuat atas versi yang berlaku.',
    en: 'Version {version} has been superseded; an erratum can only be made on the current version.',
  },
  'publication.erratum_embargo': {
    status: 409,
    id: 'Versi {version} sudah tayang untuk publik; ralatnya juga harus tayang segera, tanpa tanggal tayang baru di masa depan.',
    en: 'Version {version} is already public; its erratum must be public at once too, without a future public date.',
  },
  'publication.correction_outside': {
    status: 422,
    id: 'Unit {unit} tidak termasuk cakupan publikasi ini.',
    en: 'Unit {unit} is not covered by this publication.',
  },
  // issue 18
  'recognition.no_awards': {
    status: 409,
    id: 'Publikasi ini tidak memuat penghargaan; tidak ada paket malam penghargaan untuk dibuat.',
    en: 'This publication holds no awards; there is no award-night pack to make.',
  },
  'recognition.handover_superseded': {
    status: 409,
    id: 'Versi {version} sudah digantikan; isi tanggal dan tempat penyerahan pada versi yang berlaku.',
    en: 'Version {version} has been superseded; enter the date and place of the hand-over on the current version.',
  },
  // issue 10 ─ PEKPPP
  'record.filler_forbidden': {
    status: 403,
    id: 'Peran {role} tidak dapat mengisi instrumen {instrument} untuk unit ini (lihat pengisi instrumen pada metodologi).',
    en: 'Role {role} may not fill instrument {instrument} for this unit (see the instrument fillers of the methodology).',
  },
  'evaluator.invalid': {
    status: 422,
    id: 'Pengguna {user} bukan evaluator aktif dari {organisation}, organisasi yang mengevaluasi lokus unit ini.',
    en: "User {user} is not an active evaluator of {organisation}, the organisation that evaluates this unit's locus.",
  },
  'locus.no_evaluator_organisation': {
    status: 409,
    id: 'Lokus {subject} belum menetapkan organisasi evaluator PEKPPP; tetapkan dahulu organisasi evaluatornya.',
    en: '{subject} has no PEKPPP evaluating organisation in this cycle yet; name it first.',
  },
  'locus.evaluator_organisation_invalid': {
    status: 422,
    id: '{organisation} tidak dapat mengevaluasi {subject}: hanya KemenPANRB, Biro Organisasi provinsinya, atau Bagian/Biro Organisasi pemerintahnya sendiri.',
    en: "{organisation} may not evaluate {subject}: only KemenPANRB, its province's Biro Organisasi or its own government's Bagian/Biro Organisasi.",
  },
  'locus.evaluator_mandiri': {
    status: 409,
    id: 'Siklus ini dijalankan mandiri: {subject} dievaluasi oleh organisasi penyelenggaranya, bukan organisasi lain.',
    en: 'This cycle is run mandiri: {subject} is evaluated by its organising Biro/Bagian Organisasi, not another organisation.',
  },
  'locus.evaluators_assigned': {
    status: 409,
    id: '{count} unit {subject} masih ditugaskan kepada evaluator organisasi lain; lepaskan penugasannya dahulu.',
    en: "{count} unit(s) of {subject} are still assigned to another organisation's evaluator; clear those assignments first.",
  },
  'user.evaluator_body': {
    status: 422,
    id: 'Evaluator PEKPPP bekerja untuk KemenPANRB atau pemerintah daerah (Biro/Bagian Organisasi), bukan {body}.',
    en: 'A PEKPPP evaluator works for KemenPANRB or a regional government (Biro/Bagian Organisasi), not {body}.',
  },
  'pekppp.mandiri_unsupported': {
    status: 409,
    id: 'Metodologi siklus ini tidak mengenal evaluasi mandiri (tidak ada organisasi validator).',
    en: "This cycle's methodology has no self-run (mandiri) evaluation (no validating organisation).",
  },
  'pekppp.validator_missing': {
    status: 409,
    id: 'Organisasi validator {code} yang disebut metodologi tidak ada di registri.',
    en: 'The validating organisation {code} named by the methodology is not in the registry.',
  },
  'pekppp.mandiri_organiser': {
    status: 422,
    id: 'Evaluasi mandiri dijalankan oleh Biro/Bagian Organisasi pemerintah daerah, bukan {subject}.',
    en: "A self-run (mandiri) evaluation is run by a regional government's Biro/Bagian Organisasi, not {subject}.",
  },
  'pekppp.mandiri_locus': {
    status: 409,
    id: 'Evaluasi mandiri {organiser} hanya mencakup unit pemerintahnya sendiri; {subject} ada di lokus.',
    en: "{organiser}'s self-run (mandiri) evaluation covers only its own government's units; {subject} is in the locus.",
  },
  'pekppp.not_mandiri': {
    status: 409,
    id: 'Siklus ini bukan evaluasi mandiri; tidak ada yang perlu divalidasi.',
    en: 'This cycle is not a self-run (mandiri) evaluation; there is nothing to validate.',
  },
  'pekppp.reason_required': {
    status: 422,
    id: 'Tuliskan alasan pengembalian hasil evaluasi mandiri.',
    en: 'Give the reason for returning the self-run evaluation.',
  },
  'pekppp.already_validated': {
    status: 409,
    id: 'Hasil evaluasi mandiri ini sudah divalidasi.',
    en: 'This self-run evaluation has already been validated.',
  },
  'pekppp.not_pekppp': { status: 409, id: 'Siklus ini bukan siklus PEKPPP.', en: 'This cycle is not a PEKPPP cycle.' },
  'pekppp.claim_locked': {
    status: 409,
    id: 'F-01 unit {unit} sudah dikirim; hanya evaluator yang dapat membukanya kembali.',
    en: "Unit {unit}'s F-01 has been submitted; only the evaluator can reopen it.",
  },
  'pekppp.claim_incomplete': {
    status: 422,
    id: 'F-01 belum lengkap: {count} indikator belum dapat dikirim ({first}).',
    en: 'F-01 is not complete: {count} indicators cannot be submitted yet ({first}).',
  },
  'pekppp.claim_not_submitted': {
    status: 409,
    id: 'F-01 unit {unit} belum dikirim.',
    en: "Unit {unit}'s F-01 has not been submitted.",
  },
  'pekppp.clarification_closed': {
    status: 409,
    id: 'Permintaan klarifikasi ini sudah ditutup atau melewati batas waktu {lastDay}.',
    en: 'This clarification request is closed or past its deadline {lastDay}.',
  },
  'pekppp.clarification_open': {
    status: 409,
    id: 'Masih ada permintaan klarifikasi yang terbuka untuk unit ini.',
    en: 'A clarification request is still open for this unit.',
  },
  'pekppp.indicator_unknown': {
    status: 422,
    id: 'Indikator {indicator} tidak dinilai dengan F-01/F-02 pada metodologi ini.',
    en: 'Indicator {indicator} is not assessed through F-01/F-02 in this methodology.',
  },
  'pekppp.verdict_incomplete': {
    status: 422,
    id: 'F-02 belum lengkap: {count} indikator belum dinilai ({first}).',
    en: 'F-02 is not complete: {count} indicators are not scored yet ({first}).',
  },
  // issue 11: public surveys
  'survey.closed': {
    status: 422,
    id: 'Survei ini tidak sedang dibuka. Survei dibuka {opensAt} sampai {closesAt}.',
    en: 'This survey is not open. It is open from {opensAt} until {closesAt}.',
  },
  'survey.f03_final': {
    status: 422,
    id: 'Kuesioner F-03 ini sudah ditutup: hasil penilaian unit layanan ini sudah final. Terima kasih atas kesediaan Anda.',
    en: "This F-03 questionnaire is closed: the service unit's assessment result is final. Thank you for your willingness to take part.",
  },
  'survey.token_invalid': {
    status: 400,
    id: 'Tanda perangkat tidak sah. Muat ulang halaman survei.',
    en: 'The device token is not valid. Reload the survey page.',
  },
  'survey.rate_limited': {
    status: 429,
    id: 'Terlalu banyak jawaban terkirim. Coba lagi dalam {seconds} detik.',
    en: 'Too many responses sent. Try again in {seconds} seconds.',
  },
  'survey.dates_invalid': {
    status: 422,
    id: 'Tanggal tutup survei harus setelah tanggal buka.',
    en: 'The survey must close after it opens.',
  },
  'survey.period_not_allowed': {
    status: 422,
    id: 'Periode {period} tidak diizinkan metodologi {scheme}.',
    en: 'Period {period} is not allowed by methodology {scheme}.',
  },
  'survey.answers_invalid': { status: 422, id: 'Jawaban survei tidak valid: {reason}', en: 'Invalid survey answers: {reason}' },
  'survey.cycle_invalid': {
    status: 422,
    id: 'F-03 memerlukan siklus PEKPPP yang mencakup unit ini.',
    en: 'F-03 needs a PEKPPP cycle whose locus includes this unit.',
  },
  'survey.f03_exists': {
    status: 409,
    id: 'Unit ini sudah memiliki kuesioner F-03 untuk siklus ini (tautan /s/{code}, dibuka {opensAt} sampai {closesAt}). Satu kuesioner F-03 per unit per siklus: formulir kertas diketik ke kuesioner itu, dan tanggalnya dapat diubah di sana.',
    en: 'This unit already has an F-03 questionnaire for this cycle (link /s/{code}, open {opensAt} until {closesAt}). One F-03 questionnaire per unit per cycle: paper forms are typed into it, and its dates can be changed there.',
  },
  'survey.scan_missing': {
    status: 422,
    id: 'Pindaian formulir kertas belum diunggah.',
    en: 'The scan of the paper form has not been uploaded.',
  },
  'survey.no_responses': {
    status: 409,
    id: 'Survei ini belum memiliki jawaban yang diterima.',
    en: 'This survey has no accepted responses yet.',
  },
  // issue 12: follow-up actions
  'action.closed': {
    status: 409,
    id: 'Tindak lanjut ini sudah diverifikasi; tidak dapat diubah lagi.',
    en: 'This action is verified; it can no longer change.',
  },
  'action.bad_move': {
    status: 409,
    id: 'Status tindak lanjut tidak dapat berpindah dari {from} ke {to}.',
    en: 'The action cannot move from {from} to {to}.',
  },
  'action.not_done': {
    status: 409,
    id: 'Hanya tindak lanjut berstatus selesai yang dapat diverifikasi (sekarang: {status}).',
    en: 'Only a done action can be verified (now: {status}).',
  },
  'action.evidence_elsewhere': {
    status: 422,
    id: 'Bukti {evidenceId} bukan milik tindak lanjut ini.',
    en: 'Evidence {evidenceId} does not belong to this action.',
  },
  'action.unit_fixed': {
    status: 422,
    id: 'Unit tindak lanjut dari temuan atau survei tidak dapat dipindah; hanya tindak lanjut yang dibuat manual.',
    en: 'The unit of an action from a finding or a survey cannot change; only a manual action can move.',
  },
  'action.unit_elsewhere': {
    status: 422,
    id: 'Unit tujuan bukan unit layanan aktif pemerintah ini.',
    en: 'The new unit is not an active service unit of this government.',
  },
  'action.note_required': {
    status: 422,
    id: 'Alasan wajib diisi bila verifikasi ditolak.',
    en: 'A note is required when refusing a verification.',
  },
  'finding.kind_required': {
    status: 422,
    id: 'Pilih jenis: saran perbaikan atau tindakan korektif.',
    en: 'Choose the kind: saran perbaikan or tindakan korektif.',
  },
  'finding.link_elsewhere': {
    status: 422,
    id: 'Rujukan {id} bukan milik instansi atau siklus ini.',
    en: 'Reference {id} does not belong to this body or cycle.',
  },
  'action.source_invalid': {
    status: 422,
    id: 'Sumber tindak lanjut tidak sesuai dengan unit ini: {reason}.',
    en: 'The source of the action does not match this unit: {reason}.',
  },
  // issue 12 §6: the target planner
  'plan.unpublished': {
    status: 409,
    id: 'Hasil {body} pada siklus ini belum diterbitkan; perencana sasaran memakai hasil yang sudah terbit.',
    en: 'The results of {body} in this cycle are not published yet; the target planner works on published results.',
  },
  'plan.no_province_group': {
    status: 422,
    id: '{body} tidak diperingkat di provinsinya: peringkat provinsi hanya untuk kabupaten/kota. Pilih peringkat nasional.',
    en: '{body} is not ranked within its province: provincial ranks are for regencies and cities only. Choose the national rank.',
  },
  'plan.no_result': {
    status: 409,
    id: '{body} belum memiliki nilai pada siklus ini.',
    en: '{body} has no score in this cycle yet.',
  },
  'plan.no_detail': {
    status: 409,
    id: 'Nilai {body} pada siklus ini tidak memiliki rincian indikator (hasil impor); rencana perbaikan tidak dapat dihitung.',
    en: 'The score of {body} in this cycle has no indicator detail (imported result); no improvement plan can be computed.',
  },
  'plan.unknown_indicator': {
    status: 422,
    id: 'Indikator {indicator} tidak ada dalam metodologi siklus ini.',
    en: "Indicator {indicator} is not in this cycle's methodology.",
  },
  // issue 12 §3: a unit's evidence library
  'library.unknown_type': {
    status: 422,
    id: 'Jenis dokumen "{type}" tidak dikenal. Pilih salah satu jenis di pustaka.',
    en: 'Unknown document type "{type}". Choose one of the library\'s types.',
  },
  'library.bad_dates': {
    status: 422,
    id: 'Masa berlaku ({validUntil}) berakhir sebelum tanggal terbit ({issuedOn}).',
    en: 'The validity ({validUntil}) ends before the issuing date ({issuedOn}).',
  },
  'library.already_linked': {
    status: 409,
    id: 'Dokumen ini sudah ditautkan ke {target}.',
    en: 'This document is already linked to {target}.',
  },
  'library.other_unit': {
    status: 422,
    id: 'Dokumen pustaka {unit} hanya dapat ditautkan ke penilaian, survei dan tindak lanjut unit itu sendiri.',
    en: "A library document of {unit} can only be linked to that unit's own assessments, surveys and actions.",
  },
  'library.document_in_use': {
    status: 409,
    id: 'Dokumen ini masih tertaut ke {count} indikator, survei atau tindak lanjut; lepaskan tautannya dulu sebelum menghapus.',
    en: 'This document is still linked to {count} indicator(s), survey(s) or action(s); unlink it before deleting.',
  },
  'library.use_reported': {
    status: 409,
    id: 'Berkas ini sudah disebut dalam laporan kemajuan tindak lanjut; tautannya tidak dapat dilepas.',
    en: 'This file is already named in a progress report of the action; it cannot be unlinked.',
  },
  internal: {
    status: 500,
    id: 'Terjadi kesalahan pada server. Silakan coba lagi.',
    en: 'Something went wrong on the server. Please try again.',
  },
  // issue 13
  'fieldwork.flags_open': {
    status: 409,
    id: 'Unit {unit} masih memiliki {open} peringatan kerja lapangan yang belum ditanggapi; akui dengan catatan atau kembalikan lembarnya.',
    en: 'Unit {unit} still has {open} unanswered fieldwork warning(s); acknowledge them with a note or return the sheets.',
  },
  'fieldwork.nothing_open': {
    status: 409,
    id: 'Lembar ini tidak memiliki peringatan kerja lapangan yang terbuka.',
    en: 'This sheet has no open fieldwork warnings.',
  },
  // issue 13 §5, §6: visit plans, a unit's own quota, the team-lead level
  'visit.assessor_required': {
    status: 422,
    id: 'Pilih asisten pemilik rencana kunjungan.',
    en: 'Choose the asisten whose visit plan this is.',
  },
  'visit.unit_invalid': {
    status: 422,
    id: 'Unit {unit} tidak termasuk lokus siklus ini di wilayah Perwakilan rencana kunjungan.',
    en: "Unit {unit} is not in this cycle's locus in the visit plan's Perwakilan.",
  },
  'quota.not_adjustable': {
    status: 422,
    id: 'Kuota instrumen {instrument} tidak dapat diubah per unit menurut metodologi siklus ini.',
    en: "The quota of instrument {instrument} cannot be set per unit under this cycle's methodology.",
  },
  'quota.out_of_range': {
    status: 422,
    id: 'Kuota {target} untuk instrumen {instrument} di luar rentang yang diizinkan metodologi ({min}–{max}).',
    en: 'A quota of {target} for instrument {instrument} is outside the range the methodology allows ({min}–{max}).',
  },
  'team_lead.required': {
    status: 422,
    id: 'Tunjuk sedikitnya satu ketua tim untuk menyalakan tingkat tinjauan ketua tim.',
    en: 'Name at least one team lead to switch the team-lead review level on.',
  },
  'team_lead.off': {
    status: 409,
    id: 'Tingkat tinjauan ketua tim tidak aktif untuk unit {unit} pada siklus ini.',
    en: 'The team-lead review level is off for unit {unit} in this cycle.',
  },
  'unit.lead_review_pending': {
    status: 409,
    id: 'Unit {unit} menunggu tinjauan ketua tim sebelum dapat disetujui pimpinan.',
    en: 'Unit {unit} is waiting for the team lead’s review before the pimpinan can approve it.',
  },
} as const satisfies Record<string, Entry>;

export type ErrorCode = keyof typeof catalogue;

/** An expected failure with a catalogue code; the error handler writes it to the wire. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  readonly details: Record<string, unknown>;
  constructor(code: ErrorCode, details: Record<string, unknown> = {}, status?: number) {
    super(interpolate(catalogue[code].en, localiseDetails(code, 'en', details)));
    this.code = code;
    this.status = status ?? catalogue[code].status;
    this.details = details;
  }
}

export function interpolate(template: string, details: Record<string, unknown>): string {
  return fill(template, details);
}

export function messageFor(code: ErrorCode, lang: Lang, details: Record<string, unknown>): string {
  return format(catalogue, code, lang, details);
}

/** Texts that go into error details (translated where the error is raised). */
export const detailTexts = {
  'upload.one_file': { id: 'satu berkas per unggahan', en: 'one file per upload' },
  'upload.no_file': { id: 'berkas tidak ada', en: 'no file' },
  'review.note_required': {
    id: 'catatan atau komentar per indikator wajib diisi',
    en: 'a note or a comment per indicator is required',
  },
  'ranking.field_required': { id: '{field} wajib diisi untuk grup {group}', en: '{field} is required for group {group}' },
  'db.duplicate': { id: 'data sudah ada', en: 'already exists' },
  'db.invalid_reference': { id: 'rujukan tidak valid', en: 'invalid reference' },
  'db.22001': { id: 'teks terlalu panjang', en: 'text too long' },
  'db.22003': { id: 'angka di luar jangkauan', en: 'number out of range' },
  'db.22007': { id: 'tanggal atau waktu tidak valid', en: 'invalid date or time' },
  'db.22008': { id: 'tanggal atau waktu di luar jangkauan', en: 'date or time out of range' },
  'db.22021': { id: 'karakter tidak valid', en: 'invalid character' },
  'db.22P05': { id: 'karakter tidak valid', en: 'invalid character' },
  'db.54000': { id: 'nilai terlalu besar', en: 'value too large' },
  'db.invalid_format': { id: 'format tidak valid ({code})', en: 'invalid format ({code})' },
  'request.invalid_url': { id: 'alamat (URL) tidak valid', en: 'invalid URL' },
  'evidence.record_elsewhere': { id: 'rekaman {recordId} bukan milik unit ini', en: 'record {recordId} does not belong to this unit' },
  'evidence.indicator_unknown': {
    id: 'indikator {indicator} tidak ada dalam metodologi {schemeId}',
    en: 'indicator {indicator} is not part of methodology {schemeId}',
  },
} satisfies Catalogue;

/** A detail text in `lang`: `detailText('upload.no_file', lang)`. */
export function detailText(key: keyof typeof detailTexts, lang: Lang, params?: Params): string {
  return format(detailTexts, key, lang, params);
}

/** Subject names for not_found, in both languages. */
export const subjects: Catalogue = {
  route: { id: 'Alamat', en: 'Route' },
  body: { id: 'Instansi', en: 'Body' },
  unit: { id: 'Unit layanan', en: 'Service unit' },
  user: { id: 'Pengguna', en: 'User' },
  cycle: { id: 'Siklus penilaian', en: 'Assessment cycle' },
  record: { id: 'Rekaman', en: 'Record' },
  evidence: { id: 'Bukti', en: 'Evidence' },
  upload: { id: 'Unggahan', en: 'Upload' },
  scheme: { id: 'Metodologi', en: 'Methodology' },
  result: { id: 'Hasil', en: 'Result' },
  job: { id: 'Pekerjaan', en: 'Job' },
  publication: { id: 'Publikasi', en: 'Publication' },
  dispute: { id: 'Sanggahan', en: 'Dispute' },
  window: { id: 'Masa klarifikasi', en: 'Clarification window' },
  award: { id: 'Penghargaan', en: 'Award' },
  survey: { id: 'Survei', en: 'Survey' }, // issue 11
  // issue 12
  action: { id: 'Tindak lanjut', en: 'Action' },
  action_evidence: { id: 'Bukti tindak lanjut', en: 'Action evidence' },
  finding: { id: 'Temuan', en: 'Finding' },
  followup_product: { id: 'Produk tindak lanjut', en: 'Follow-up product' },
  // issue 12 §3
  library_document: { id: 'Dokumen pustaka', en: 'Library document' },
  library_use: { id: 'Tautan dokumen pustaka', en: 'Library document link' },
  visit: { id: 'Rencana kunjungan', en: 'Visit plan' }, // issue 13 §5
};

export function notFound(subject: keyof typeof subjects | string): AppError {
  return new AppError('not_found', { subject });
}

/** Localises the `subject` detail of not_found. */
export function localiseDetails(code: ErrorCode, lang: Lang, details: Record<string, unknown>): Record<string, unknown> {
  if (code === 'not_found' && typeof details.subject === 'string') {
    const s = subjects[details.subject];
    return { ...details, subject: s ? s[lang] : details.subject };
  }
  // issue 16: a parameter given in both languages ({ id, en }: a name, a local time) is shown in the caller's.
  const picked = Object.entries(details).map(([k, v]) =>
    v !== null && typeof v === 'object' && typeof (v as { id?: unknown }).id === 'string' && typeof (v as { en?: unknown }).en === 'string'
      ? [k, (v as Record<Lang, string>)[lang]]
      : [k, v],
  );
  return Object.fromEntries(picked);
}

export function orNotFound<T>(value: T | undefined | null, subject: string): T {
  if (value === undefined || value === null) throw notFound(subject);
  return value;
}

/** Picks the caller's language: ?lang=, then Accept-Language, default Indonesian. */
export function pickLang(query: unknown, acceptLanguage: string | undefined): Lang {
  const q = (query as { lang?: unknown } | undefined)?.lang;
  if (q === 'en' || q === 'id') return q;
  if (acceptLanguage) {
    for (const part of acceptLanguage.split(',')) {
      const tag = part.trim().slice(0, 2).toLowerCase();
      if (tag === 'en') return 'en';
      if (tag === 'id' || tag === 'in') return 'id';
    }
  }
  return 'id';
}
