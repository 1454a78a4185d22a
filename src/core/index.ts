/**
 * Pantau engine: pure functions over methodology library files. No I/O, no framework, no
 * clock: callers pass every value in. Used by the server, the browser (offline preview) and
 * the CLI alike.
 */
export type * from './types.ts';
export { CoreError } from './errors.ts';
export { parseScheme } from './parse-scheme.ts';
export { canonicalJson } from './canonical-json.ts';
export { round2, formatFixed2 } from './round.ts';
export { classify, bandOf } from './classify.ts';
export { scoreUnit } from './score-unit.ts';
export { aggregate, evaluateQualifiers } from './aggregate.ts';
export { rank, rankGovernments, rankUnitsBySector, movement } from './rank.ts';
export { ikm } from './ikm.ts';
export { sampleSize } from './sample-size.ts';
export { whatIf } from './what-if.ts';
export { improvements } from './improve.ts';
