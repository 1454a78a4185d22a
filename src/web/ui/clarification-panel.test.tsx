// Issue 16: a final cycle's dashboard does not promise a clarification window "once in review".
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { screen } from '@testing-library/react';
import { i18n } from '../lib/i18n.ts';
import { renderWithProviders } from '../test/render.tsx';
import { ClarificationPanel } from './clarification-panel.tsx';

const CYCLE = '00000000-0000-4000-8000-000000000001';

beforeAll(() => i18n.loadNamespaces('clarify'));
afterEach(() => vi.unstubAllGlobals());

function noWindows() {
  vi.stubGlobal(
    'fetch',
    vi.fn(
      async () => new Response(JSON.stringify({ items: [], total: 0 }), { status: 200, headers: { 'content-type': 'application/json' } }),
    ),
  );
}

describe('ClarificationPanel without a window', () => {
  it('says a final cycle can open no new window, and a planning cycle that it opens in review', async () => {
    noWindows();
    const { unmount } = renderWithProviders(<ClarificationPanel cycleId={CYCLE} provinceCode="36" cycleStatus="final" />);
    expect(await screen.findByText('Siklus sudah final: tidak ada masa klarifikasi baru yang dapat dibuka.')).toBeTruthy();
    unmount();
    renderWithProviders(<ClarificationPanel cycleId={CYCLE} provinceCode="36" cycleStatus="fieldwork" />);
    expect(await screen.findByText('Masa klarifikasi dapat dibuka setelah siklus masuk tahap tinjauan.')).toBeTruthy();
  });
});
