import { describe, expect, it } from 'vitest';
import { getScheme } from '../../../methodologies/index.ts';
import { scoreUnit } from '../../core/index.ts';
import type { Scheme } from '../../core/types.ts';
import type { Evidence } from '../../shared/wire/evidence.ts';
import { evidenceByIndicator, onlyWithEvidence } from './evidence-model.ts';

const scheme: Scheme = getScheme('ombudsman-2024')!;
const codes = scheme.dimensions.flatMap((d) => d.variables.flatMap((v) => v.indicators.map((i) => i.code)));

const file = (indicator: string | null, name = `${indicator ?? 'umum'}.pdf`): Evidence => ({
  id: crypto.randomUUID(),
  sha256: 'a'.repeat(64),
  size: 1000,
  mime: 'application/pdf',
  cycleId: 'c',
  unitId: 'u',
  recordId: null,
  indicator,
  filename: name,
  kind: null,
  createdBy: null,
  createdAt: '2024-07-01T00:00:00Z',
  capturedAt: null,
  latitude: null,
  longitude: null,
  accuracy: null,
});

describe('evidenceByIndicator', () => {
  it('lists every indicator of the scheme in order, dimension by dimension, without a result', () => {
    const view = evidenceByIndicator(scheme, null, []);
    expect(view.dimensions.map((d) => d.code)).toEqual(scheme.dimensions.map((d) => d.code));
    expect(view.dimensions.flatMap((d) => d.indicators.map((i) => i.code))).toEqual(codes);
    expect(view.dimensions.every((d) => d.indicators.every((i) => i.score === null && i.evidence.length === 0))).toBe(true);
  });

  it('puts each file on its indicator and the rest (no or unknown indicator) in general', () => {
    const files = [file('PG1', 'sk.pdf'), file('PG1', 'foto.pdf'), file(codes[0]!), file(null), file('XX9')];
    const view = evidenceByIndicator(scheme, null, files);
    const pg1 = view.dimensions.flatMap((d) => d.indicators).find((i) => i.code === 'PG1')!;
    expect(pg1.evidence.map((f) => f.filename)).toEqual(['sk.pdf', 'foto.pdf']);
    expect(view.general.map((f) => f.indicator)).toEqual([null, 'XX9']);
    expect(view.linked).toBe(3);
    expect(
      onlyWithEvidence(view.dimensions)
        .flatMap((d) => d.indicators.map((i) => i.code))
        .sort(),
    ).toEqual([codes[0]!, 'PG1'].sort());
  });

  it("attaches the unit's indicator scores from the engine result", () => {
    // A self-check sheet answering the document instrument's indicators at level 3.
    const doc = scheme.instruments.find((i) => i.code === 'dokumen')!;
    const result = scoreUnit(scheme, { sheets: [{ instrument: doc.code, answers: Object.fromEntries(doc.covers.map((c) => [c, 3])) }] });
    const view = evidenceByIndicator(scheme, result, []);
    const rows = view.dimensions.flatMap((d) => d.indicators);
    for (const code of doc.covers) expect(rows.find((r) => r.code === code)?.score?.value).toBe(3);
    const unanswered = rows.find((r) => !doc.covers.includes(r.code))!;
    expect(unanswered.score?.missing).toBe(true);
  });
});
