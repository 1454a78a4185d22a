import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { act, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { UserIn } from '../../shared/wire/users.ts';
import { ApiError } from '../lib/api.ts';
import { changeLanguage } from '../lib/i18n.ts';
import { renderWithProviders } from '../test/render.tsx';
import { UserForm } from './user-form.tsx';

const PROVINCES = { items: [{ code: '36', name: 'Banten', bodyId: '00000000-0000-4000-8000-000000000036' }], total: 1 };

beforeEach(() => {
  vi.stubGlobal('fetch', async (url: string) => {
    if (url.startsWith('/api/v1/provinces'))
      return new Response(JSON.stringify(PROVINCES), { status: 200, headers: { 'content-type': 'application/json' } });
    return new Response(JSON.stringify({ items: [], total: 0, page: 1, pageSize: 50 }), {
      status: 200,
      headers: { 'content-type': 'application/json' },
    });
  });
});
afterEach(() => vi.unstubAllGlobals());

const setup = () => userEvent.setup({ delay: null });

function field(label: RegExp): HTMLInputElement | HTMLSelectElement {
  return screen.getByLabelText(label) as HTMLInputElement | HTMLSelectElement;
}

describe('UserForm', { timeout: 30_000 }, () => {
  it('validates in Indonesian and sends nothing while invalid', async () => {
    const onSubmit = vi.fn(async () => {});
    const user = setup();
    renderWithProviders(<UserForm onSubmit={onSubmit} onCancel={() => {}} />);
    await user.click(screen.getByRole('button', { name: 'Buat akun' }));
    expect(screen.getAllByText('Wajib diisi.')).toHaveLength(2);
    expect(screen.getByText('Pilih salah satu.')).toBeTruthy();
    expect(screen.getByText('Kata sandi minimal 12 karakter.')).toBeTruthy();
    await user.type(field(/^Nama pengguna/), 'Bad Name!');
    await user.click(screen.getByRole('button', { name: 'Buat akun' }));
    expect(screen.getByText(/^3–40 karakter/)).toBeTruthy();
    expect(onSubmit).not.toHaveBeenCalled();
  });

  it('validates in English after the language switch', async () => {
    const user = setup();
    renderWithProviders(<UserForm onSubmit={async () => {}} onCancel={() => {}} />);
    await act(() => changeLanguage('en'));
    await user.click(screen.getByRole('button', { name: 'Create account' }));
    expect(screen.getAllByText('Required.')).toHaveLength(2);
    expect(screen.getByText('Choose one.')).toBeTruthy();
  });

  it('asks a province for an asisten and sends only that scope', async () => {
    const onSubmit = vi.fn(async (_: UserIn) => {});
    const user = setup();
    renderWithProviders(<UserForm onSubmit={onSubmit} onCancel={() => {}} />);
    await user.type(field(/^Nama pengguna/), 'Asisten.Banten2');
    await user.type(field(/^Nama lengkap/), 'Asisten Kedua Banten');
    await user.selectOptions(field(/^Peran/), 'asisten');
    await user.click(screen.getByRole('button', { name: 'Buat akun' }));
    expect(screen.getByText('Pilih provinsi untuk peran ini.')).toBeTruthy();
    await waitFor(() => expect(screen.getByRole('option', { name: 'Banten' })).toBeTruthy());
    await user.selectOptions(field(/^Provinsi/), '36');
    await user.click(screen.getByRole('button', { name: 'Buat acak' }));
    const password = (field(/^Kata sandi awal/) as HTMLInputElement).value;
    expect(password).toHaveLength(16);
    await user.click(screen.getByRole('button', { name: 'Buat akun' }));
    await waitFor(() => expect(onSubmit).toHaveBeenCalledTimes(1));
    expect(onSubmit.mock.calls[0]![0]).toEqual({
      username: 'asisten.banten2',
      name: 'Asisten Kedua Banten',
      role: 'asisten',
      provinceCode: '36',
      password,
    });
  });

  it('shows the server refusal on the field it concerns', async () => {
    const onSubmit = vi.fn(async () => {
      throw new ApiError(400, 'request.invalid', 'Invalid', {
        issues: [{ path: 'body.name', message: 'Nama terlalu umum (dari server)' }],
      });
    });
    const user = setup();
    renderWithProviders(<UserForm onSubmit={onSubmit} onCancel={() => {}} />);
    await user.type(field(/^Nama pengguna/), 'admin2');
    await user.type(field(/^Nama lengkap/), 'Admin Dua');
    await user.selectOptions(field(/^Peran/), 'admin');
    expect(screen.getByText('Administrator berwenang secara nasional; tidak perlu cakupan.')).toBeTruthy();
    await user.type(field(/^Kata sandi awal/), 'kata-sandi-kuat');
    await user.click(screen.getByRole('button', { name: 'Buat akun' }));
    const message = await screen.findByText('Nama terlalu umum (dari server)');
    expect(field(/^Nama lengkap/).getAttribute('aria-invalid')).toBe('true');
    expect(
      field(/^Nama lengkap/)
        .getAttribute('aria-describedby')
        ?.split(' '),
    ).toContain(message.id);
  });
});
