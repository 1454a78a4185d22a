import { afterEach, describe, expect, it, vi } from 'vitest';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { i18n } from '../lib/i18n.ts';
import { renderWithProviders } from '../test/render.tsx';
import { CycleExportPanel } from './cycle-export-panel.tsx';

const job = (over: Record<string, unknown>) => ({
  id: '11111111-1111-4111-8111-111111111111',
  kind: 'export.cycle',
  status: 'running',
  done: 0,
  total: 0,
  percent: null,
  params: {},
  fileName: null,
  size: null,
  result: null,
  error: null,
  createdAt: '2026-12-02T00:00:00Z',
  finishedAt: null,
  ...over,
});

afterEach(() => vi.unstubAllGlobals());

describe('CycleExportPanel', () => {
  it('starts the export in the chosen language and follows the job to its download', async () => {
    await i18n.loadNamespaces('transfer');
    const calls: { method: string; url: string; body: unknown }[] = [];
    let polls = 0;
    vi.stubGlobal(
      'fetch',
      vi.fn(async (input: string, init: RequestInit = {}) => {
        const method = init.method ?? 'GET';
        const url = String(input);
        calls.push({ method, url, body: typeof init.body === 'string' ? JSON.parse(init.body) : undefined });
        const reply =
          method === 'POST'
            ? job({ status: 'queued' })
            : ++polls < 2
              ? job({ done: 500, total: 2000, percent: 25 })
              : job({ status: 'done', done: 2000, total: 2000, percent: 100, fileName: 'hasil-penilaian-2024.xlsx', size: 1234 });
        return new Response(JSON.stringify(reply), {
          status: method === 'POST' ? 202 : 200,
          headers: { 'Content-Type': 'application/json' },
        });
      }),
    );
    renderWithProviders(<CycleExportPanel cycleId="c-1" />);
    const u = userEvent.setup({ delay: null });
    await u.click(await screen.findByRole('radio', { name: 'English' }));
    await u.click(screen.getByRole('button', { name: 'Ekspor hasil siklus' }));
    expect(calls[0]).toEqual({ method: 'POST', url: '/api/v1/cycles/c-1/exports/results', body: { lang: 'en' } });
    const link = await screen.findByRole('link', { name: 'Unduh hasil-penilaian-2024.xlsx' }, { timeout: 5000 });
    expect(link.getAttribute('href')).toBe('/api/v1/jobs/11111111-1111-4111-8111-111111111111/file');
    await waitFor(() => expect(screen.getByText('Selesai')).toBeTruthy());
  }, 20_000);
});
