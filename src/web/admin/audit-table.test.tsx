// Issue 16: the audit log gives each event's time in the zone of the province it concerns (an
// event about a Bali body in WITA, a Papua one in WIT), not the national admin's WIB for all.
import { beforeAll, describe, expect, it } from 'vitest';
import { screen, within } from '@testing-library/react';
import type { AuditEvent } from '../../shared/wire/audit.ts';
import { i18n } from '../lib/i18n.ts';
import { renderWithProviders } from '../test/render.tsx';
import { AuditTable } from './audit-table.tsx';

const event = (seq: number, provinceCode: string | null): AuditEvent => ({
  seq,
  // 02:00 UTC: 09.00 WIB, 10.00 WITA, 11.00 WIT.
  at: '2023-12-14T02:00:00.000Z',
  actorId: null,
  actorLabel: 'sistem',
  actorName: 'Administrator Pantau',
  action: 'cycle.transition',
  subjectType: 'cycle',
  subjectId: null,
  provinceCode,
  diff: {},
  prevHash: 'a',
  hash: 'b',
});

beforeAll(() => i18n.loadNamespaces('admin'));

describe('AuditTable', () => {
  it('shows each event in its province’s zone: WITA, WIT, and WIB for a national one', () => {
    renderWithProviders(<AuditTable events={[event(3, '73'), event(2, '94'), event(1, null)]} />);
    const rows = screen.getAllByRole('row').slice(1);
    expect(rows.map((r) => within(r).getAllByRole('cell')[1]!.textContent)).toEqual([
      '14 Desember 2023 10.00 WITA',
      '14 Desember 2023 11.00 WIT',
      '14 Desember 2023 09.00 WIB',
    ]);
  });
});
