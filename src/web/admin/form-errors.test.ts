import { describe, expect, it } from 'vitest';
import { ApiError } from '../lib/api.ts';
import { i18n } from '../lib/i18n.ts';
import { applyServerErrors, fieldErrors } from './form-errors.ts';

const t = i18n.getFixedT('id', 'admin');
const FIELDS = ['username', 'name', 'role', 'provinceCode', 'bodyId', 'unitId', 'password'];

const invalid = (issues: { path: string; message: string }[]) =>
  new ApiError(400, 'request.invalid', 'Invalid request', { summary: issues.map((i) => `${i.path}: ${i.message}`).join('; '), issues });

describe('fieldErrors', () => {
  it('places each body issue on its field with the server-localised message', () => {
    const error = invalid([
      { path: 'body.username', message: 'Format tidak valid' },
      { path: 'body.password', message: 'Terlalu pendek: minimal 8 karakter' },
    ]);
    expect(fieldErrors(t, error, FIELDS)).toEqual({
      issues: [
        { field: 'username', message: 'Format tidak valid' },
        { field: 'password', message: 'Terlalu pendek: minimal 8 karakter' },
      ],
      rest: null,
    });
  });

  it('keeps issues outside the form (query, unknown fields) for the alert', () => {
    const error = invalid([
      { path: 'body.name', message: 'Terlalu pendek' },
      { path: 'querystring.page', message: 'Harus bilangan bulat' },
    ]);
    const { issues, rest } = fieldErrors(t, error, FIELDS);
    expect(issues).toEqual([{ field: 'name', message: 'Terlalu pendek' }]);
    expect(rest).toBe('querystring.page: Harus bilangan bulat');
  });

  it('falls back to one translated sentence when no issue names a form field', () => {
    const error = invalid([{ path: 'params.userId', message: 'UUID tidak valid' }]);
    const { issues, rest } = fieldErrors(t, error, FIELDS);
    expect(issues).toEqual([]);
    expect(rest).toBe('Data yang dikirim tidak valid. Periksa kembali isian Anda.');
  });

  it('puts a domain error on the field it names in details.field, translated', () => {
    const error = new ApiError(400, 'user.scope_required', 'Role pimpinan requires provinceCode.', {
      role: 'pimpinan',
      field: 'provinceCode',
    });
    expect(fieldErrors(t, error, FIELDS).issues).toEqual([
      { field: 'provinceCode', message: 'Peran ini wajib memiliki cakupan (provinceCode).' },
    ]);
  });

  it('knows that a taken username concerns the username field, in English too', () => {
    const error = new ApiError(409, 'user.username_taken', 'Username admin is already taken.', { username: 'admin' });
    expect(fieldErrors(i18n.getFixedT('en', 'admin'), error, FIELDS).issues).toEqual([
      { field: 'username', message: 'Username admin is already taken; choose another.' },
    ]);
  });

  it('renames server fields to form paths and ignores fields the form lacks', () => {
    const error = new ApiError(400, 'registry.inactive', 'bodyId X is deactivated.', { field: 'bodyId', value: '36.71' });
    expect(fieldErrors(t, error, ['body'], { bodyId: 'body' }).issues[0]?.field).toBe('body');
    expect(fieldErrors(t, error, ['name']).issues).toEqual([]);
    expect(fieldErrors(t, error, ['name']).rest).toBe('bodyId 36.71 sudah dinonaktifkan.');
  });

  it('uses the server message for codes the web does not know, and the offline sentence for network errors', () => {
    const unknown = new ApiError(409, 'something.new', 'Pesan dari server.', {});
    expect(fieldErrors(t, unknown, FIELDS).rest).toBe('Pesan dari server.');
    const offline = new ApiError(0, 'network.offline', 'fetch failed');
    expect(fieldErrors(t, offline, FIELDS).rest).toBe('Server tidak dapat dihubungi. Periksa koneksi internet Anda.');
  });
});

describe('applyServerErrors', () => {
  it('sets field errors on the form and returns what is left', () => {
    const set: Record<string, string> = {};
    const rest = applyServerErrors(
      { setFieldError: (p, e) => (set[p] = e) },
      t,
      invalid([{ path: 'body.username', message: 'Salah' }]),
      FIELDS,
    );
    expect(set).toEqual({ username: 'Salah' });
    expect(rest).toBeNull();
  });
});
