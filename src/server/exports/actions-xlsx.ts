/**
 * The action board as .xlsx (issue 12): one row per follow-up action with its government, unit,
 * source, indicator or SKM unsur, person in charge, due date, status, timing (overdue, due soon)
 * and evidence count; the header block names the scope and the counts of the whole filter.
 * Pure: the route loads the actions (`GET /actions.xlsx`, same filters as the board) and passes
 * them in; dates are the local calendar dates of each body's zone.
 */
import { localToday } from '../../core/actions.ts';
import type { Lang } from '../../core/types.ts';
import type { Action, ActionSummary } from '../../shared/wire/actions.ts';
import { label } from './i18n.ts';
import { defineTable, writeTables } from './workbook.ts';
import type { TableColumn } from './workbook.ts';

export interface ActionsXlsxOptions {
  lang: Lang;
  /** What the board covers, e.g. "Kota Tangerang" or "Provinsi Banten". */
  scope: string;
  /** The board's counts (its scope and filters other than status and timing). */
  summary: ActionSummary;
  /** Rows every filter keeps (more than `rows` when the export was cut). */
  total: number;
  /** A line saying when the file was made (the route passes it; tests leave it out). */
  generated?: string;
  created?: Date;
}

export async function actionsXlsx(rows: readonly Action[], opts: ActionsXlsxOptions): Promise<Buffer> {
  const { lang, summary } = opts;
  const L = (key: Parameters<typeof label>[1], params?: Record<string, string | number>) => label(lang, key, params);
  const columns: TableColumn<Action>[] = [
    { header: L('col.action.body'), kind: 'text', value: (a) => a.bodyName },
    { header: L('col.action.unit'), kind: 'text', value: (a) => a.unitName },
    { header: L('col.action.title'), kind: 'text', value: (a) => a.title },
    { header: L('col.action.source'), kind: 'text', value: (a) => L(`action.source.${a.sourceKind}`) },
    { header: L('col.action.indicator'), kind: 'text', value: (a) => a.indicator ?? a.unsurCode ?? null },
    { header: L('col.action.person'), kind: 'text', value: (a) => a.personInCharge },
    { header: L('col.action.due'), kind: 'text', value: (a) => a.dueDate, width: 12 },
    { header: L('col.action.status'), kind: 'text', value: (a) => L(`action.status.${a.status}`) },
    { header: L('col.action.timing'), kind: 'text', value: (a) => L(`action.timing.${a.timing}`) },
    { header: L('col.action.daysLeft'), kind: 'movement', value: (a) => (a.timing === 'closed' ? null : a.daysLeft) },
    { header: L('col.action.target'), kind: 'int', value: (a) => a.targetLevel },
    { header: L('col.action.evidence'), kind: 'int', value: (a) => a.evidenceCount },
    { header: L('col.action.notes'), kind: 'text', value: (a) => a.notes },
    {
      header: L('col.action.verifiedAt'),
      kind: 'text',
      value: (a) => (a.verifiedAt ? localToday(a.provinceCode, Date.parse(a.verifiedAt)) : null),
      width: 12,
    },
  ];
  const counts = L('block.actionsCounts', {
    total: summary.total,
    ...summary.byStatus,
    overdue: summary.byTiming.overdue ?? 0,
    due_soon: summary.byTiming.due_soon ?? 0,
  });
  const block = [L('block.actions', { scope: opts.scope }), counts];
  if (rows.length < opts.total) block.push(L('block.actionsTruncated', { n: rows.length, total: opts.total }));
  if (opts.generated) block.push(opts.generated);
  return writeTables([defineTable({ name: L('sheet.actions'), block, columns, rows, freezeColumns: 2 })], { created: opts.created });
}
