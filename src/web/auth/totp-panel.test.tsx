import { afterEach, describe, expect, it, vi } from 'vitest';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { User } from '../../shared/wire/auth.ts';
import { renderWithProviders } from '../test/render.tsx';
import { TotpPanel } from './totp-panel.tsx';

const PIMPINAN: User = {
  id: '00000000-0000-4000-8000-000000000003',
  username: 'kepala.banten',
  name: 'Kepala Perwakilan Banten',
  role: 'pimpinan',
  provinceCode: '36',
  bodyId: null,
  unitId: null,
  mustChangePassword: false,
  totpEnabled: false,
};
const SECRET = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';
const QR = `data:image/svg+xml;base64,${btoa('<svg xmlns="http://www.w3.org/2000/svg"/>')}`;

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

afterEach(() => vi.unstubAllGlobals());

describe('TotpPanel', { timeout: 30_000 }, () => {
  it('enrols: password, then the QR code and the key, then a code turns it on', async () => {
    const calls: { url: string; body: unknown }[] = [];
    vi.stubGlobal('fetch', async (url: string, init: RequestInit = {}) => {
      const body = init.body ? JSON.parse(String(init.body)) : null;
      calls.push({ url, body });
      if (url === '/api/v1/auth/totp/enrol') {
        return body.password === 'benar-sekali-123'
          ? json(200, { secret: SECRET, uri: `otpauth://totp/Pantau%3Akepala.banten?secret=${SECRET}`, qr: QR })
          : json(403, { error: { code: 'auth.wrong_password', message: 'The current password is wrong.', details: {} } });
      }
      if (url === '/api/v1/auth/totp/confirm') return new Response(null, { status: 204 });
      return json(200, { user: { ...PIMPINAN, totpEnabled: true } });
    });
    const user = userEvent.setup({ delay: null });
    renderWithProviders(<TotpPanel user={PIMPINAN} />);
    expect(screen.getByTestId('totp-status').textContent).toBe('Tidak aktif');
    await user.type(screen.getByLabelText(/^Kata sandi saat ini/), 'salah');
    await user.click(screen.getByRole('button', { name: 'Aktifkan' }));
    expect((await screen.findByRole('alert')).textContent).toContain('Kata sandi saat ini salah.');
    await user.clear(screen.getByLabelText(/^Kata sandi saat ini/));
    await user.type(screen.getByLabelText(/^Kata sandi saat ini/), 'benar-sekali-123');
    await user.click(screen.getByRole('button', { name: 'Aktifkan' }));
    const qr = (await screen.findByRole('img', { name: 'Kode QR untuk aplikasi autentikator' })) as HTMLImageElement;
    expect(qr.getAttribute('src')).toBe(QR);
    expect(screen.getByTestId('totp-secret').textContent).toBe('JBSW Y3DP EHPK 3PXP JBSW Y3DP EHPK 3PXP');
    const code = screen.getByLabelText(/^Kode autentikator/);
    expect(code.getAttribute('autocomplete')).toBe('one-time-code');
    await user.type(code, '123456');
    await user.click(screen.getByRole('button', { name: 'Aktifkan verifikasi' }));
    expect(await screen.findByText(/Verifikasi dua langkah aktif\./)).toBeTruthy();
    await waitFor(() => expect(calls.some((c) => c.url === '/api/v1/auth/totp/confirm')).toBe(true));
    expect(calls.find((c) => c.url === '/api/v1/auth/totp/confirm')?.body).toEqual({ code: '123456' });
  });

  it('is not offered to other roles', () => {
    renderWithProviders(<TotpPanel user={{ ...PIMPINAN, role: 'asisten' }} />);
    expect(screen.getByText('Verifikasi dua langkah tersedia untuk akun admin dan pimpinan.')).toBeTruthy();
    expect(screen.queryByRole('button')).toBeNull();
  });
});
