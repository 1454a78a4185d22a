/**
 * One assigned unit as the assessor sees it, merged from the server (records) and this device
 * (drafts, outbox, queued evidence): the sheet list, the counts per instrument against the
 * quotas, the sheets the live preview scores, and what still blocks handing the unit in.
 * Pure; no React, no storage.
 */
import type { Instrument, Scheme, Sheet } from '../../core/types.ts';
import type { RecordView } from '../../shared/wire/records.ts';
import type { DraftSheet, OutboxEntry } from '../lib/offline-db.ts';
import { toEngineSheet } from './sheet-model.ts';

export type UnitSheetRow =
  | {
      source: 'server';
      id: string;
      instrument: string;
      respondent: string;
      answered: number;
      status: RecordView['status'];
      review: Record<string, string>;
      at: string;
      /** A local edit of this record exists (draft or outbox). */
      editedLocally: boolean;
    }
  | { source: 'draft'; id: string; instrument: string; respondent: string; answered: number; at: string; replaces: boolean }
  | {
      source: 'outbox';
      id: string;
      instrument: string;
      respondent: string;
      answered: number;
      at: string;
      replaces: boolean;
      rejected: OutboxEntry['rejected'];
      lastError: OutboxEntry['lastError'];
    };

const answeredCount = (answers: Record<string, number | null | undefined>) =>
  Object.values(answers).filter((v) => typeof v === 'number').length;

/** Sheets in instrument order (scheme order), then newest first; local ones before server ones. */
export function unitSheetRows(scheme: Scheme, server: RecordView[], drafts: DraftSheet[], outbox: OutboxEntry[]): UnitSheetRow[] {
  const local = new Set([...drafts, ...outbox].map((s) => s.id));
  const rows: UnitSheetRow[] = [
    ...outbox.map(
      (e): UnitSheetRow => ({
        source: 'outbox',
        id: e.id,
        instrument: e.instrument,
        respondent: e.value.respondent,
        answered: answeredCount(e.value.answers),
        at: e.queuedAt,
        replaces: !!e.replaces,
        rejected: e.rejected ?? null,
        lastError: e.lastError,
      }),
    ),
    ...drafts.map(
      (d): UnitSheetRow => ({
        source: 'draft',
        id: d.id,
        instrument: d.instrument,
        respondent: d.value.respondent,
        answered: answeredCount(d.value.answers),
        at: d.updatedAt,
        replaces: !!d.replaces,
      }),
    ),
    ...server.map(
      (r): UnitSheetRow => ({
        source: 'server',
        id: r.id,
        instrument: r.instrument,
        respondent: r.respondent ?? '',
        answered: answeredCount(r.answers),
        status: r.status,
        review: r.review,
        at: r.capturedAt,
        editedLocally: local.has(r.id),
      }),
    ),
  ];
  const order = new Map(scheme.instruments.map((i, k) => [i.code, k]));
  const sourceOrder = { outbox: 0, draft: 1, server: 2 };
  return rows.sort(
    (a, b) =>
      (order.get(a.instrument) ?? 99) - (order.get(b.instrument) ?? 99) ||
      sourceOrder[a.source] - sourceOrder[b.source] ||
      b.at.localeCompare(a.at),
  );
}

export interface QuotaRow {
  instrument: Instrument;
  target: number;
  min: number;
  /** Records on the server. */
  onServer: number;
  /** New sheets waiting in the outbox (edits of server records are not counted again). */
  queued: number;
  drafts: number;
  /** The server has at least the minimum. */
  complete: boolean;
}

export function quotaRows(scheme: Scheme, server: RecordView[], drafts: DraftSheet[], outbox: OutboxEntry[]): QuotaRow[] {
  const count = <T>(list: T[], pick: (t: T) => string, code: string) => list.filter((x) => pick(x) === code).length;
  return scheme.instruments.map((instrument) => {
    const target = instrument.quota.target;
    const min = instrument.quota.min ?? target;
    const onServer = count(server, (r) => r.instrument, instrument.code);
    return {
      instrument,
      target,
      min,
      onServer,
      queued: count(
        outbox.filter((e) => !e.replaces),
        (e) => e.instrument,
        instrument.code,
      ),
      drafts: count(
        drafts.filter((d) => !d.replaces),
        (d) => d.instrument,
        instrument.code,
      ),
      complete: onServer >= min,
    };
  });
}

/**
 * What the live preview scores: every server record, with a local edit (draft or outbox)
 * taking the place of the record it edits, plus every new local sheet.
 */
export function unitEngineSheets(server: RecordView[], drafts: DraftSheet[], outbox: OutboxEntry[], skipId?: string): Sheet[] {
  const local = new Map<string, DraftSheet | OutboxEntry>();
  for (const e of outbox) local.set(e.id, e);
  for (const d of drafts) local.set(d.id, d);
  const sheets: Sheet[] = [];
  for (const r of server) {
    if (r.id === skipId || local.has(r.id)) continue;
    const answers: Record<string, number> = {};
    for (const [code, v] of Object.entries(r.answers)) if (typeof v === 'number') answers[code] = v;
    sheets.push(
      r.respondent
        ? { id: r.id, instrument: r.instrument, respondent: r.respondent, answers }
        : { id: r.id, instrument: r.instrument, answers },
    );
  }
  for (const s of local.values()) if (s.id !== skipId) sheets.push(toEngineSheet(s.id, s.instrument, s.value));
  return sheets;
}

export type SubmitBlocker = 'locked' | 'quota' | 'outbox' | 'drafts' | 'evidence';

/** Why the unit cannot be handed in yet (empty: it can). */
export function submitBlockers(input: {
  writable: boolean;
  quotas: QuotaRow[];
  outbox: number;
  drafts: number;
  evidence: number;
}): SubmitBlocker[] {
  const out: SubmitBlocker[] = [];
  if (!input.writable) out.push('locked');
  if (input.quotas.some((q) => !q.complete)) out.push('quota');
  if (input.outbox > 0) out.push('outbox');
  if (input.drafts > 0) out.push('drafts');
  if (input.evidence > 0) out.push('evidence');
  return out;
}

/** Reviewer comments on a unit's records, per indicator (the same comment reaches each record answering it). */
export function returnedComments(server: RecordView[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const r of server) for (const [code, text] of Object.entries(r.review)) out[code] ??= text;
  return out;
}
