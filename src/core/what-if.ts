/**
 * What-if (methodology.md §1): re-score the same answers under another scheme of the same
 * family. Never changes a past cycle; the caller shows the result as a what-if. Indicator
 * codes are stable across one family's schemes, so answers carry over by code. Pure; no I/O.
 */
import { CoreError } from './errors.ts';
import { round2 } from './round.ts';
import { compileScheme, scoreUnit } from './score-unit.ts';
import type { Scheme, Sheet, UnitAnswers, WhatIf } from './types.ts';

/**
 * Keep only what `to` can read: sheets of instruments `to` has, and inside them the answers
 * to indicators that instrument covers in `to`. Everything else is dropped, not an error.
 */
function carryOver(to: Scheme, answers: UnitAnswers): UnitAnswers {
  const c = compileScheme(to);
  const sheets: Sheet[] = [];
  for (const sheet of answers.sheets) {
    const ci = c.instruments.get(sheet.instrument);
    if (ci === undefined) continue;
    const kept: Sheet['answers'] = {};
    for (const [code, v] of Object.entries(sheet.answers)) {
      if (ci.covers.has(code)) kept[code] = v;
    }
    sheets.push({ ...sheet, answers: kept });
  }
  return { sheets };
}

/**
 * Score `answers` under `from` (strictly: every error of scoreUnit applies) and under `to`
 * (answers `to` cannot read are dropped). `delta` = round2(to.score − from.score);
 * `unmapped` = indicators of `to` left without any answer (the codes `to.missing` lists).
 * @throws CoreError 'scheme.family_mismatch' when the schemes belong to different families;
 *         any scoreUnit error (an answer `to` keeps but whose scale differs, for example).
 */
export function whatIf(from: Scheme, to: Scheme, answers: UnitAnswers): WhatIf {
  if (from.family !== to.family) {
    throw new CoreError('scheme.family_mismatch', {
      from: from.id,
      fromFamily: from.family,
      to: to.id,
      toFamily: to.family,
    });
  }
  const before = scoreUnit(from, answers);
  const after = scoreUnit(to, carryOver(to, answers));
  return {
    from: before,
    to: after,
    delta: round2(after.score - before.score),
    unmapped: [...after.missing],
  };
}
