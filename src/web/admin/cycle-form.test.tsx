import { describe, expect, it, vi } from 'vitest';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createMemoryHistory, createRootRoute, createRouter, RouterProvider } from '@tanstack/react-router';
import { getScheme, schemeIds } from '../../../methodologies/index.ts';
import type { CycleIn } from '../../shared/wire/cycles.ts';
import { ApiError } from '../lib/api.ts';
import { renderWithProviders } from '../test/render.tsx';
import { CycleForm } from './cycle-form.tsx';

/** The picker links to the scheme viewer, so the form needs a router around it. */
function renderForm(onSubmit: (input: CycleIn) => Promise<unknown>) {
  const rootRoute = createRootRoute({ component: () => <CycleForm onSubmit={onSubmit} onCancel={() => {}} year={2025} /> });
  const router = createRouter({ routeTree: rootRoute, history: createMemoryHistory({ initialEntries: ['/'] }) });
  return renderWithProviders(<RouterProvider router={router} />);
}

describe('CycleForm', { timeout: 30_000 }, () => {
  it('offers every library scheme with its dimension weights and number of assumptions', async () => {
    renderForm(async () => {});
    const card = await screen.findByRole('radio', { name: getScheme('ombudsman-2024')!.title.id }, { timeout: 15_000 });
    expect(screen.getAllByRole('radio')).toHaveLength(schemeIds.length);
    const scheme = getScheme('ombudsman-2024')!;
    // Weights as percentages in id-ID ("21,85%"), and the count of assumptions.
    const text = card.textContent!;
    for (const d of scheme.dimensions) expect(text).toContain(d.title.id);
    expect(text).toMatch(/\d+,\d+%/);
    expect(text).toContain(`${scheme.assumptions.length} asumsi`);
  });

  it('requires a name and a scheme, then sends name, year and scheme id', async () => {
    const onSubmit = vi.fn(async (_: CycleIn) => {});
    const user = userEvent.setup({ delay: null });
    renderForm(onSubmit);
    await screen.findAllByRole('radio', {}, { timeout: 15_000 });
    await user.click(screen.getByRole('button', { name: 'Buat siklus' }));
    expect(screen.getByText('Wajib diisi.')).toBeTruthy();
    expect(screen.getByText('Pilih metodologi penilaian.')).toBeTruthy();
    expect(onSubmit).not.toHaveBeenCalled();

    await user.type(screen.getByLabelText(/^Nama siklus/), '  Penilaian 2025  ');
    await user.click(screen.getByRole('radio', { name: getScheme('ombudsman-2025')!.title.id }));
    await user.click(screen.getByRole('button', { name: 'Buat siklus' }));
    await waitFor(() => expect(onSubmit).toHaveBeenCalledWith({ name: 'Penilaian 2025', year: 2025, schemeId: 'ombudsman-2025' }));
  });

  it('shows an unknown-scheme refusal from the server as a translated alert', async () => {
    const user = userEvent.setup({ delay: null });
    renderForm(async () => {
      throw new ApiError(400, 'scheme.unknown', 'Unknown methodology: x.', { scheme: 'ombudsman-2025' });
    });
    await screen.findAllByRole('radio', {}, { timeout: 15_000 });
    await user.type(screen.getByLabelText(/^Nama siklus/), 'Penilaian 2025');
    await user.click(screen.getByRole('radio', { name: getScheme('ombudsman-2025')!.title.id }));
    await user.click(screen.getByRole('button', { name: 'Buat siklus' }));
    expect((await screen.findByRole('alert')).textContent).toContain('Metodologi ombudsman-2025 tidak dikenal server.');
  });
});
