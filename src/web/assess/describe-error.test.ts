import { describe, expect, it } from 'vitest';
import { ApiError } from '../lib/api.ts';
import { i18n } from '../lib/i18n.ts';
import { describeError } from './describe-error.ts';

const tFor = (lang: 'id' | 'en') => i18n.getFixedT(lang, 'assess');

describe('describeError', () => {
  it.each([
    {
      error: {
        code: 'record.invalid',
        message: 'Invalid record: x',
        details: { reasonCode: 'answer.out_of_scale', indicator: 'O1', reason: 'indikator O1: jawaban 7 di luar skala 0–3' },
      },
      id: 'Lembar ditolak: jawaban indikator O1 di luar skala tingkat yang tersedia.',
      en: 'Sheet rejected: the answer to indicator O1 is outside its scale of levels.',
    },
    {
      error: {
        code: 'record.invalid',
        message: '',
        details: { reasonCode: 'instrument.not_covering', instrument: 'pengguna', indicator: 'K1' },
      },
      id: 'Lembar ditolak: instrumen pengguna tidak mencakup indikator K1.',
      en: 'Sheet rejected: instrument pengguna does not cover indicator K1.',
    },
    {
      error: { code: 'unit.locked', message: '', details: { unit: 'Disdukcapil', status: 'submitted' } },
      id: 'Unit Disdukcapil berstatus “Menunggu tinjauan”; lembarnya tidak dapat diubah sampai pimpinan mengembalikannya.',
      en: 'Unit Disdukcapil is “Awaiting review”; its sheets cannot change until the head of office returns it.',
    },
    {
      error: { code: 'request.too_large', message: '', details: { limit: 20 * 1024 * 1024 } },
      id: 'Berkas terlalu besar (maksimum 20 MB).',
      en: 'The file is too large (at most 20 MB).',
    },
    {
      error: { code: 'request.unsupported_type', message: '', details: { type: 'text/plain' } },
      id: 'Jenis berkas tidak diizinkan (text/plain). Gunakan foto JPEG, PNG, atau WebP, atau dokumen PDF.',
      en: 'This file type is not allowed (text/plain). Use a JPEG, PNG or WebP photo, or a PDF document.',
    },
    {
      error: { code: 'cycle.closed', message: '', details: { status: 'final' } },
      id: 'Siklus berstatus “Final”; data lapangan tidak dapat diubah lagi.',
      en: 'The cycle is “Final”; fieldwork can no longer change.',
    },
  ])('translates $error.code from its code and details, in either language', ({ error, id, en }) => {
    expect(describeError(tFor('id'), 'id', error)).toBe(id);
    expect(describeError(tFor('en'), 'en', error)).toBe(en);
  });

  it('uses the server sentence for a record reason it does not know', () => {
    const error = { code: 'record.invalid', message: '', details: { reasonCode: 'something.new', reason: 'alasan baru dari server' } };
    expect(describeError(tFor('id'), 'id', error)).toBe('Lembar ditolak: alasan baru dari server.');
  });

  it('falls back to the shared error catalogue, then the server message, for other codes', () => {
    expect(describeError(tFor('id'), 'id', new ApiError(409, 'conflict', 'x'))).toBe(
      'Data ini telah berubah atau sudah ada. Muat ulang, lalu coba lagi.',
    );
    expect(describeError(tFor('id'), 'id', { code: 'brand.new', message: 'Pesan server', details: {} })).toBe('Pesan server');
  });
});
