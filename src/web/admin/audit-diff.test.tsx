// Issue 16 §10: the audit log's changes read as words — a stored status code ("in_progress") in the
// reader's language, ids as names — while codes the dictionary does not know stay as stored.
import { beforeAll, describe, expect, it } from 'vitest';
import { screen } from '@testing-library/react';
import { i18n } from '../lib/i18n.ts';
import { renderWithProviders } from '../test/render.tsx';
import { AuditDiff } from './audit-diff.tsx';
import { createFormatter } from '../lib/format.ts';

beforeAll(() => i18n.loadNamespaces('admin'));

describe('AuditDiff', () => {
  it('shows a status change in words, an id by its name, and an unknown code as stored', () => {
    const unit = '0b4f5a1e-1111-4222-8333-444455556666';
    renderWithProviders(
      <AuditDiff
        diff={{ before: { status: 'planned', unitId: unit }, after: { status: 'in_progress', unitId: unit, kind: 'x_custom' } }}
        names={{ [unit]: 'Dinas Sosial' }}
        format={createFormatter('id')}
      />,
    );
    const lines = screen.getAllByRole('listitem').map((li) => li.textContent);
    expect(lines).toEqual(['status: Direncanakan → Sedang berjalan', 'kind: — → x_custom']);
  });
});
