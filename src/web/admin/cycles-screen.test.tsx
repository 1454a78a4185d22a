// Issue 16: a government's internal pre-assessment is not an official cycle: the admin's list says so on the row.
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { screen } from '@testing-library/react';
import { i18n } from '../lib/i18n.ts';
import { cycle, mockApi, renderRouted } from '../test/cycle-list-fixture.tsx';
import { CyclesScreen } from './cycles-screen.tsx';

beforeAll(() => i18n.loadNamespaces(['admin', 'pemda']));
afterEach(() => vi.unstubAllGlobals());

describe('cycle lists and internal pre-assessments', () => {
  it('labels an internal pre-assessment in the admin’s list', async () => {
    mockApi([cycle({}), cycle({ id: '22222222-2222-4222-8222-222222222222', name: 'Pra-penilaian Lebak', kind: 'internal' })]);
    await renderRouted(<CyclesScreen />);
    const internal = await screen.findByText('Pra-penilaian Lebak');
    expect(internal.closest('tr')?.textContent).toContain('Pra-penilaian internal pemda — bukan siklus resmi');
    expect(screen.getByText('PPP Banten 2023').closest('tr')?.textContent).not.toContain('Pra-penilaian internal');
  });
});
