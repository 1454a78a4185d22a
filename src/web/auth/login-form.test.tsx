import { afterEach, describe, expect, it, vi } from 'vitest';
import { act, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { User } from '../../shared/wire/auth.ts';
import { changeLanguage } from '../lib/i18n.ts';
import { renderWithProviders } from '../test/render.tsx';
import { LoginForm } from './login-form.tsx';

const USER: User = {
  id: '00000000-0000-4000-8000-000000000001',
  username: 'kepala.banten',
  name: 'Kepala Perwakilan Banten',
  role: 'pimpinan',
  provinceCode: '36',
  bodyId: null,
  unitId: null,
  mustChangePassword: false,
  totpEnabled: true,
};

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
const failure = (status: number, code: string, message: string, details: Record<string, unknown> = {}) =>
  json(status, { error: { code, message, details } });

/** Stubs `POST /auth/login` with a function of the request body; returns the bodies sent. */
function stubLogin(answer: (body: Record<string, unknown>) => Response): Record<string, unknown>[] {
  const sent: Record<string, unknown>[] = [];
  vi.stubGlobal('fetch', async (url: string, init: RequestInit) => {
    if (url === '/api/v1/auth/login') {
      const body = JSON.parse(String(init.body)) as Record<string, unknown>;
      sent.push(body);
      return answer(body);
    }
    return json(404, { error: { code: 'not_found', message: 'not found', details: {} } });
  });
  return sent;
}

afterEach(async () => {
  vi.unstubAllGlobals();
  await act(() => changeLanguage('id'));
});

const setup = () => userEvent.setup({ delay: null });

async function signIn(user: ReturnType<typeof setup>, username = 'kepala.banten', password = 'kata-sandi-rahasia') {
  await user.type(screen.getByLabelText(/^Nama pengguna|^Username/), username);
  await user.type(screen.getByLabelText(/^Kata sandi|^Password/), password);
  await user.click(screen.getByRole('button', { name: /^(Masuk|Log in)$/ }));
}

describe('LoginForm', { timeout: 30_000 }, () => {
  it('asks for the authenticator code when the server wants it, then sends it with the same credentials', async () => {
    const sent = stubLogin((body) =>
      body.totp === '123456'
        ? json(200, { user: USER })
        : failure(401, 'auth.totp_required', 'Masukkan kode 6 angka dari aplikasi autentikator Anda.'),
    );
    const onSignedIn = vi.fn();
    const user = setup();
    renderWithProviders(<LoginForm onSignedIn={onSignedIn} />);
    await signIn(user);
    const code = (await screen.findByLabelText(/^Kode autentikator/)) as HTMLInputElement;
    expect(code.getAttribute('autocomplete')).toBe('one-time-code');
    expect(code.getAttribute('inputmode')).toBe('numeric');
    expect(screen.getByText(/kode 6 angka untuk kepala\.banten/)).toBeTruthy();
    // No error alert for the request of the code: it is the next step, not a failure.
    expect(screen.queryByRole('alert')).toBeNull();
    // Letters are dropped; fewer than 6 digits is refused here, sending nothing.
    await user.type(code, '12a34');
    expect(code.value).toBe('1234');
    await user.click(screen.getByRole('button', { name: 'Verifikasi' }));
    expect(screen.getByText('Isi 6 angka.')).toBeTruthy();
    expect(sent).toHaveLength(1);
    await user.type(code, '56');
    await user.click(screen.getByRole('button', { name: 'Verifikasi' }));
    await waitFor(() => expect(onSignedIn).toHaveBeenCalledWith(USER));
    expect(sent[1]).toEqual({ username: 'kepala.banten', password: 'kata-sandi-rahasia', totp: '123456' });
  });

  it('says a wrong code in the UI language and clears the field for the next one', async () => {
    stubLogin((body) =>
      body.totp
        ? failure(401, 'auth.totp_invalid', 'The authenticator code is wrong or was already used.')
        : failure(401, 'auth.totp_required', 'Enter the 6-digit code from your authenticator app.'),
    );
    const user = setup();
    renderWithProviders(<LoginForm onSignedIn={() => {}} />);
    await act(() => changeLanguage('en'));
    await signIn(user);
    const code = (await screen.findByLabelText(/^Authenticator code/)) as HTMLInputElement;
    await user.type(code, '000000');
    await user.click(screen.getByRole('button', { name: 'Verify' }));
    expect((await screen.findByRole('alert')).textContent).toContain(
      'The authenticator code is wrong or was already used. Wait for the next code',
    );
    expect(code.value).toBe('');
    // Back to the first step: the password has to be typed again.
    await user.click(screen.getByRole('button', { name: 'Use another account or password' }));
    expect((screen.getByLabelText(/^Password/) as HTMLInputElement).value).toBe('');
  });

  it('names the wait of a throttled attempt', async () => {
    stubLogin(() => failure(429, 'auth.rate_limited', 'Too many sign-in attempts. Try again in 8 seconds.', { seconds: 8 }));
    const user = setup();
    renderWithProviders(<LoginForm onSignedIn={() => {}} />);
    await signIn(user);
    expect((await screen.findByRole('alert')).textContent).toContain('Terlalu banyak percobaan. Coba lagi dalam 8 detik.');
  });

  it('says wrong credentials without a code step', async () => {
    stubLogin(() => failure(401, 'auth.invalid_credentials', 'Nama pengguna atau kata sandi salah.'));
    const user = setup();
    renderWithProviders(<LoginForm onSignedIn={() => {}} />);
    await signIn(user);
    expect((await screen.findByRole('alert')).textContent).toContain('Nama pengguna atau kata sandi salah.');
    expect(screen.queryByLabelText(/^Kode autentikator/)).toBeNull();
  });
});
