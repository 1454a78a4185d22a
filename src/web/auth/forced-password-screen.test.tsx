import { afterEach, describe, expect, it, vi } from 'vitest';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { User } from '../../shared/wire/auth.ts';
import { renderWithProviders } from '../test/render.tsx';
import { ForcedPasswordScreen } from './forced-password-screen.tsx';
import { passwordFormProblems } from './password-change-form.tsx';

const USER: User = {
  id: '00000000-0000-4000-8000-000000000002',
  username: 'asisten.banten',
  name: 'Asisten Banten',
  role: 'asisten',
  provinceCode: '36',
  bodyId: null,
  unitId: null,
  mustChangePassword: true,
  totpEnabled: false,
};

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

function stub(answer: (url: string, body: Record<string, unknown> | null) => Response) {
  const calls: { url: string; body: Record<string, unknown> | null }[] = [];
  vi.stubGlobal('fetch', async (url: string, init: RequestInit = {}) => {
    const body = init.body ? (JSON.parse(String(init.body)) as Record<string, unknown>) : null;
    calls.push({ url, body });
    return answer(url, body);
  });
  return calls;
}

afterEach(() => vi.unstubAllGlobals());

const setup = () => userEvent.setup({ delay: null });

async function fill(user: ReturnType<typeof setup>, current: string, next: string, again = next) {
  await user.type(screen.getByLabelText(/^Kata sandi sekali pakai/), current);
  await user.type(screen.getByLabelText(/^Kata sandi baru/), next);
  await user.type(screen.getByLabelText(/^Ulangi kata sandi baru/), again);
  await user.click(screen.getByRole('button', { name: 'Simpan kata sandi' }));
}

describe('ForcedPasswordScreen', { timeout: 30_000 }, () => {
  it('says why, and checks length, repetition and the username here, sending nothing', async () => {
    const calls = stub(() => json(204, null));
    const user = setup();
    renderWithProviders(<ForcedPasswordScreen user={USER} />);
    expect(screen.getByRole('heading', { name: 'Buat kata sandi baru' })).toBeTruthy();
    expect(screen.getByText(/direset oleh administrator/)).toBeTruthy();
    await fill(user, 'Sekali-Pakai-123', 'pendek', 'lain');
    expect(screen.getByText('Minimal 12 karakter.')).toBeTruthy();
    expect(screen.getByText('Kedua isian kata sandi baru tidak sama.')).toBeTruthy();
    expect(calls).toHaveLength(0);
    expect(
      passwordFormProblems({ currentPassword: 'a', newPassword: 'x-asisten.banten-2026', confirm: 'x-asisten.banten-2026' }, USER.username),
    ).toEqual({
      newPassword: 'password.validation.contains_username',
    });
    expect(
      passwordFormProblems({ currentPassword: 'sama-persis-123', newPassword: 'sama-persis-123', confirm: 'sama-persis-123' }, 'x'),
    ).toEqual({
      newPassword: 'password.validation.same',
    });
  });

  it("shows the server's refusal of a weak password translated, then saves a good one", async () => {
    let accepted = false;
    const calls = stub((url, body) => {
      if (url === '/api/v1/auth/password') {
        if (body?.newPassword === 'pancasila1945') {
          return json(400, { error: { code: 'user.password_weak', message: 'The password is easy to guess', details: {} } });
        }
        accepted = true;
        return new Response(null, { status: 204 });
      }
      if (url === '/api/v1/auth/me') return json(200, { user: { ...USER, mustChangePassword: !accepted } });
      return json(404, { error: { code: 'not_found', message: '', details: {} } });
    });
    const user = setup();
    renderWithProviders(<ForcedPasswordScreen user={USER} />);
    await fill(user, 'Sekali-Pakai-123', 'pancasila1945');
    expect((await screen.findByRole('alert')).textContent).toContain('Kata sandi mudah ditebak');
    await user.clear(screen.getByLabelText(/^Kata sandi baru/));
    await user.clear(screen.getByLabelText(/^Ulangi kata sandi baru/));
    await user.type(screen.getByLabelText(/^Kata sandi baru/), 'jeruk manis di pagi hari');
    await user.type(screen.getByLabelText(/^Ulangi kata sandi baru/), 'jeruk manis di pagi hari');
    await user.click(screen.getByRole('button', { name: 'Simpan kata sandi' }));
    await waitFor(() => expect(accepted).toBe(true));
    expect(calls.find((c) => c.url === '/api/v1/auth/password' && c.body?.newPassword === 'jeruk manis di pagi hari')?.body).toEqual({
      currentPassword: 'Sekali-Pakai-123',
      newPassword: 'jeruk manis di pagi hari',
    });
    expect(await screen.findByText(/Kata sandi baru tersimpan/)).toBeTruthy();
  });
});
