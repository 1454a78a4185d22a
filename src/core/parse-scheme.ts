/**
 * Validates a methodology library file (`methodologies/<id>.json`) against the `Scheme`
 * contract of types.ts: first its structure (zod), then the domain rules of methodology.md —
 * weights that sum to 100, bands that tile the result range, answer levels that cover the
 * scale, unique codes, instruments that cover every scored indicator, assumptions that point
 * into the file. Every issue is collected (never only the first) with a JSON path such as
 * `dimensions[1].variables[0].indicators[3].scale.levels[2]`. Bad input is returned, never
 * thrown. Pure: no I/O, no clock, browser-safe.
 */
import { z } from 'zod';
import type { EvidenceKind, Family, FillerRole, InstrumentKind, PeriodKind, Result, Scheme, SchemeIssue, ZoneCode } from './types.ts';
import { BODY_TYPES, FILLER_ROLES, PERIOD_KINDS } from './vocab.ts';

// ---------------------------------------------------------------------------------------------
// Vocabularies (checked against the union types of types.ts at compile time)
// ---------------------------------------------------------------------------------------------

const FAMILIES = ['ombudsman', 'pekppp', 'skm'] as const satisfies readonly Family[];
const EVIDENCE_KINDS = [
  'foto',
  'tangkapan-layar',
  'sk',
  'berita-acara',
  'daftar-hadir',
  'notulen',
  'laporan',
  'jadwal',
  'wawancara',
  'kuesioner',
  'dokumen',
] as const satisfies readonly EvidenceKind[];
const INSTRUMENT_KINDS = [
  'interview',
  'observation',
  'document',
  'self-assessment',
  'verification',
  'questionnaire',
] as const satisfies readonly InstrumentKind[];
const ZONES = ['hijau', 'kuning', 'merah'] as const satisfies readonly ZoneCode[];

// Fails to compile when types.ts gains a member these lists do not name.
type Missing<All, Listed> = [Exclude<All, Listed>] extends [never] ? true : Exclude<All, Listed>;
const vocabulariesComplete: [
  Missing<Family, (typeof FAMILIES)[number]>,
  Missing<EvidenceKind, (typeof EVIDENCE_KINDS)[number]>,
  Missing<InstrumentKind, (typeof INSTRUMENT_KINDS)[number]>,
  Missing<ZoneCode, (typeof ZONES)[number]>,
  Missing<FillerRole, (typeof FILLER_ROLES)[number]>,
  Missing<PeriodKind, (typeof PERIOD_KINDS)[number]>,
] = [true, true, true, true, true, true];
void vocabulariesComplete;

/** Weights are percentages; a sum is accepted within this distance of 100. */
const WEIGHT_TOLERANCE = 0.001;

// ---------------------------------------------------------------------------------------------
// Structure
// ---------------------------------------------------------------------------------------------

const quoted = (values: readonly unknown[]): string => values.map((v) => JSON.stringify(v)).join(', ');

const nonEmpty = z.string().regex(/\S/, { error: 'must not be empty' });

const code = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._+-]*$/, {
  error: (iss) =>
    `${JSON.stringify(iss.input)} is not a valid code (letters, digits, ".", "_", "+" or "-", starting with a letter or digit; no spaces or "/")`,
});

const text = z.strictObject({
  id: nonEmpty,
  en: nonEmpty,
});

const evidenceKind = z.enum(EVIDENCE_KINDS, {
  error: (iss) => `unknown evidence kind ${JSON.stringify(iss.input)}; expected one of ${quoted(EVIDENCE_KINDS)}`,
});

const level = z.strictObject({ value: z.int(), descriptor: text, key: nonEmpty.optional() });

const indicator = z.strictObject({
  code,
  text,
  guidance: text.optional(),
  scale: z.strictObject({ min: z.int(), max: z.int(), levels: z.array(level).min(2) }),
  weight: z.number().positive().optional(),
  evidence: z.array(evidenceKind).min(1),
  basis: nonEmpty.optional(),
  tags: z.array(nonEmpty).optional(),
  topics: z.array(code).min(1).optional(),
  selfAssessment: z.strictObject({ evidenceRequired: z.boolean(), documents: z.array(text) }).optional(),
  reportedUnder: code.optional(),
  formCode: nonEmpty.optional(),
  unverified: z.boolean().optional(),
  ikmEvidence: z.strictObject({ bodyTypes: z.array(z.enum(BODY_TYPES)).min(1).optional() }).optional(),
});

const fillerRole = z.enum(FILLER_ROLES, {
  error: (iss) => `unknown role ${JSON.stringify(iss.input)}; expected one of ${quoted(FILLER_ROLES)}`,
});
const roles = z.array(fillerRole).min(1);
const positiveInt = z.int().min(1);

const profileField = z.strictObject({
  code,
  label: text,
  kind: z.enum(['choice', 'age-band', 'service', 'text']),
  required: z.boolean(),
  options: z.array(z.strictObject({ code, label: text, min: z.int().min(0).optional(), max: z.int().min(0).optional() })).optional(),
});

const instrumentSchema = z.strictObject({
  code,
  kind: z.enum(INSTRUMENT_KINDS),
  title: text,
  respondent: text,
  quota: z.strictObject({
    target: positiveInt,
    min: positiveInt.optional(),
    fromPopulation: z.enum(['target', 'target-and-min']).optional(),
    adjust: z.strictObject({ min: positiveInt, max: positiveInt }).optional(),
  }),
  role: z.enum(['score', 'claim', 'beside']),
  perProduct: z.boolean().optional(),
  covers: z.array(code).min(1),
  instructions: text.optional(),
  fillers: roles.optional(),
  paperEntry: z.strictObject({ by: roles, scanRequired: z.boolean() }).optional(),
  entry: z
    .strictObject({
      note: z.strictObject({ required: z.boolean(), label: text }).optional(),
      dataSources: z
        .strictObject({
          required: z.boolean(),
          multiple: z.boolean(),
          options: z.array(z.strictObject({ code, label: text })).min(1),
        })
        .optional(),
    })
    .optional(),
  profile: z.array(profileField).min(1).optional(),
  publicResponse: z
    .strictObject({
      perDevicePerPeriod: positiveInt,
      burst: z.strictObject({ windowMinutes: positiveInt, maxIdentical: positiveInt }),
      minSecondsToAnswer: z.int().min(0),
    })
    .optional(),
  fieldwork: z
    .strictObject({
      minDurationSeconds: positiveInt.optional(),
      uniqueRespondent: z.boolean().optional(),
      straightLineMinItems: z.int().min(2).optional(),
      identicalMinSheets: z.int().min(2).optional(),
    })
    .optional(),
});

const schemeSchema = z.strictObject({
  id: z.string(),
  family: z.enum(FAMILIES),
  year: z.int().min(1900).max(2100),
  version: z.string().regex(/^\d+\.\d+\.\d+$/, { error: 'must be a semantic version such as "1.0.0"' }),
  title: text,
  legalBasis: z.array(z.strictObject({ ref: nonEmpty, title: text })).min(1),
  result: z.strictObject({ min: z.number(), max: z.number(), unit: text }),
  instruments: z.array(instrumentSchema).min(1),
  dimensions: z
    .array(
      z.strictObject({
        code,
        title: text,
        weight: z.number().positive(),
        indicatorWeighting: z.enum(['equal', 'explicit']),
        variables: z.array(z.strictObject({ code, title: text, indicators: z.array(indicator).min(1) })).min(1),
      }),
    )
    .min(1),
  supplements: z.array(z.strictObject({ code, title: text, indicators: z.array(indicator).min(1) })),
  aggregation: z.strictObject({
    unit: z.enum(['sheets', 'products']),
    government: z.enum(['units-mean', 'products-mean']),
    verticalOffices: z.enum(['with-parent', 'separate']).optional(),
  }),
  bands: z
    .array(
      z.strictObject({
        code,
        min: z.number(),
        max: z.number(),
        label: text,
        zone: z.enum(ZONES).optional(),
        color: z.string().regex(/^#[0-9a-fA-F]{6}$/, { error: 'must be a hex colour such as "#2b8a3e"' }),
        group: text.optional(),
      }),
    )
    .min(1),
  qualifiers: z.array(
    z.strictObject({
      code,
      label: text,
      rule: z.strictObject({ kind: z.literal('all-followed-up'), whenNoneDue: z.boolean() }),
      products: z.array(code).min(1),
    }),
  ),
  sampling: z
    .strictObject({
      method: z.literal('krejcie-morgan'),
      chiSquare: z.number().positive(),
      p: z.number().gt(0).lt(1),
      d: z.number().gt(0).lt(1),
    })
    .optional(),
  awards: z
    .strictObject({
      topPerProvince: z.int().min(1),
      mostImproved: z.int().min(1),
      units: z.strictObject({ topBand: z.boolean(), topPerSector: z.int().min(0), mostImproved: z.int().min(0) }).optional(),
    })
    .optional(),
  verification: z.strictObject({ clarificationDays: positiveInt, mandiri: z.strictObject({ validatedBy: code }).optional() }).optional(),
  terms: z
    .strictObject({
      issuer: text,
      issuerShort: text,
      programme: text,
      score: text,
      scoreLong: text,
      band: text,
      dimension: text,
      dimensions: text,
    })
    .optional(),
  survey: z.strictObject({ periods: z.array(z.enum(PERIOD_KINDS)).min(1) }).optional(),
  fieldwork: z
    .strictObject({
      assessorLoad: z.strictObject({ maxSheets: positiveInt, windowMinutes: positiveInt }),
      maxDistanceMetres: z.number().positive(),
      cycleGraceDays: z.int().min(0),
      photoMaxEdgePx: z.int().min(320).max(8000).optional(),
    })
    .optional(),
  topics: z.array(code).min(1).optional(),
  assumptions: z.array(z.strictObject({ path: nonEmpty, note: text })),
});

// The zod output must be exactly assignable to the contract.
const schemeContract: z.ZodType<Scheme> = schemeSchema;

function typeName(input: unknown): string {
  if (input === null) return 'null';
  if (Array.isArray(input)) return 'array';
  return typeof input;
}

const article = (noun: string): string => (/^[aeiou]/.test(noun) ? `an ${noun}` : `a ${noun}`);

/** Plain-English messages for zod's built-in issues (schema-level messages take precedence). */
function describeIssue(iss: z.core.$ZodRawIssue): string | undefined {
  switch (iss.code) {
    case 'invalid_type': {
      if (iss.input === undefined) return 'is required';
      const expected = iss.expected === 'int' ? 'whole number' : String(iss.expected);
      return `must be ${article(expected)} (got ${typeName(iss.input)})`;
    }
    case 'too_small': {
      if (iss.origin === 'array') return `must have at least ${String(iss.minimum)} item(s)`;
      if (iss.origin === 'string') return 'must not be empty';
      return `must be ${iss.inclusive ? 'at least' : 'greater than'} ${String(iss.minimum)}`;
    }
    case 'too_big': {
      if (iss.origin === 'array') return `must have at most ${String(iss.maximum)} item(s)`;
      return `must be ${iss.inclusive ? 'at most' : 'less than'} ${String(iss.maximum)}`;
    }
    case 'invalid_value':
      if (iss.input === undefined) return 'is required';
      return `must be ${iss.values.length === 1 ? quoted(iss.values) : `one of ${quoted(iss.values)}`} (got ${JSON.stringify(iss.input)})`;
    default:
      return undefined;
  }
}

// ---------------------------------------------------------------------------------------------
// Paths and issues
// ---------------------------------------------------------------------------------------------

type Path = readonly (string | number)[];

/** `['dimensions', 1, 'weight']` → `dimensions[1].weight`. */
function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out === '' ? String(key) : `.${String(key)}`;
  }
  return out;
}

class Issues {
  readonly list: { path: string; text: string }[] = [];
  add(path: readonly PropertyKey[], text: string): void {
    const p = formatPath(path);
    if (!this.list.some((i) => i.path === p && i.text === text)) this.list.push({ path: p, text });
  }
}

// ---------------------------------------------------------------------------------------------
// Domain rules. They read the raw input defensively, so they also run (and report) when the
// structure is broken elsewhere; anything of the wrong shape is skipped here because the
// structural pass already reports it.
// ---------------------------------------------------------------------------------------------

type Node = Record<string, unknown>;
const isNode = (x: unknown): x is Node => typeof x === 'object' && x !== null && !Array.isArray(x);
const list = (x: unknown): unknown[] => (Array.isArray(x) ? x : []);
const num = (x: unknown): number | undefined => (typeof x === 'number' && Number.isFinite(x) ? x : undefined);
const str = (x: unknown): string | undefined => (typeof x === 'string' ? x : undefined);
const nodes = (x: unknown, path: Path): { node: Node; path: Path }[] =>
  list(x).flatMap((node, i) => (isNode(node) ? [{ node, path: [...path, i] }] : []));

/** Decimal-exact comparison of 2-dp bounds: work in integer hundredths. */
const cents = (x: number): number => Math.round(x * 100);
const hasAtMost2dp = (x: number): boolean => Math.abs(x * 100 - Math.round(x * 100)) < 1e-6;
const show2 = (c: number): string => (c / 100).toFixed(2);
const show = (x: number): string => String(Number(x.toFixed(6)));

interface IndicatorRef {
  node: Node;
  path: Path;
  code: string | undefined;
  scored: boolean;
  /** Code path for assumptions: `dimensions/<d>/variables/<v>/indicators/<i>` or `supplements/<s>/indicators/<i>`. */
  codePath: string;
}

function checkUnique(issues: Issues, kind: string, entries: { node: Node; path: Path }[]): void {
  const seen = new Map<string, Path>();
  for (const { node, path } of entries) {
    const c = str(node['code']);
    if (c === undefined) continue;
    const first = seen.get(c);
    if (first) issues.add([...path, 'code'], `duplicate ${kind} code ${JSON.stringify(c)} (already used at ${formatPath(first)})`);
    else seen.set(c, path);
  }
}

function checkIdentity(issues: Issues, s: Node): void {
  const id = str(s['id']);
  const family = str(s['family']);
  const year = num(s['year']);
  if (id === undefined || family === undefined || year === undefined) return;
  const expected = `${family}-${year}`;
  if (id !== expected) issues.add(['id'], `must be ${JSON.stringify(expected)} (family-year), got ${JSON.stringify(id)}`);
}

function checkWeights(issues: Issues, dims: { node: Node; path: Path }[]): void {
  const weights = dims.map(({ node }) => num(node['weight']));
  if (dims.length > 0 && weights.every((w) => w !== undefined)) {
    const sum = weights.reduce<number>((a, w) => a + (w ?? 0), 0);
    if (Math.abs(sum - 100) > WEIGHT_TOLERANCE) {
      issues.add(['dimensions'], `dimension weights sum to ${show(sum)}, expected 100 (±${WEIGHT_TOLERANCE})`);
    }
  }
  for (const { node: dim, path: dimPath } of dims) {
    const weighting = str(dim['indicatorWeighting']);
    const inds = nodes(dim['variables'], [...dimPath, 'variables']).flatMap((v) => nodes(v.node['indicators'], [...v.path, 'indicators']));
    let sum = 0;
    let complete = inds.length > 0;
    for (const { node: ind, path } of inds) {
      const w = ind['weight'];
      if (weighting === 'explicit') {
        if (w === undefined) {
          issues.add([...path, 'weight'], "is required: the dimension's indicatorWeighting is 'explicit'");
          complete = false;
        } else if (num(w) === undefined) complete = false;
        else sum += num(w) ?? 0;
      } else if (weighting === 'equal' && w !== undefined) {
        issues.add([...path, 'weight'], "must not be set: the dimension's indicatorWeighting is 'equal' (every indicator weighs the same)");
      }
    }
    if (weighting === 'explicit' && complete && Math.abs(sum - 100) > WEIGHT_TOLERANCE) {
      issues.add(dimPath, `indicator weights sum to ${show(sum)}, expected 100 (±${WEIGHT_TOLERANCE})`);
    }
  }
}

function checkLevels(issues: Issues, inds: IndicatorRef[]): void {
  for (const { node, path } of inds) {
    const scale = node['scale'];
    if (!isNode(scale)) continue;
    const min = num(scale['min']);
    const max = num(scale['max']);
    if (min === undefined || max === undefined || !Number.isInteger(min) || !Number.isInteger(max)) continue;
    if (min >= max) {
      issues.add([...path, 'scale', 'max'], `must be greater than scale.min (${min})`);
      continue;
    }
    const seen = new Set<number>();
    checkNoRepeat(
      issues,
      list(scale['levels']).map((lvl) => (isNode(lvl) ? lvl['key'] : undefined)),
      [...path, 'scale', 'levels'],
      'answer key',
    );
    list(scale['levels']).forEach((lvl, k) => {
      if (!isNode(lvl)) return;
      const v = num(lvl['value']);
      if (v === undefined || !Number.isInteger(v)) return;
      const at = [...path, 'scale', 'levels', k, 'value'];
      if (v < min || v > max) issues.add(at, `level ${v} is outside the scale ${min}–${max}`);
      else if (seen.has(v)) issues.add(at, `level ${v} is listed more than once`);
      seen.add(v);
    });
    const missing: number[] = [];
    for (let v = min; v <= max; v++) if (!seen.has(v)) missing.push(v);
    if (missing.length > 0 && Array.isArray(scale['levels'])) {
      issues.add(
        [...path, 'scale', 'levels'],
        `no level for ${missing.join(', ')}: every whole number from ${min} to ${max} needs exactly one level with a descriptor`,
      );
    }
  }
}

function checkBands(issues: Issues, s: Node): void {
  const bands = nodes(s['bands'], ['bands']);
  const bounds: ({ min: number; max: number; code: string } | undefined)[] = bands.map(({ node, path }) => {
    const min = num(node['min']);
    const max = num(node['max']);
    let ok = min !== undefined && max !== undefined;
    for (const [key, x] of [
      ['min', min],
      ['max', max],
    ] as const) {
      if (x !== undefined && !hasAtMost2dp(x)) {
        issues.add([...path, key], `${show(x)} has more than 2 decimals`);
        ok = false;
      }
    }
    if (!ok || min === undefined || max === undefined) return undefined;
    if (cents(min) > cents(max)) {
      issues.add([...path, 'min'], `lower bound ${show2(cents(min))} is above the upper bound ${show2(cents(max))}`);
      return undefined;
    }
    return { min: cents(min), max: cents(max), code: str(node['code']) ?? `#${String(path[1])}` };
  });
  for (let i = 1; i < bounds.length; i++) {
    const upper = bounds[i - 1];
    const lower = bounds[i];
    if (!upper || !lower) continue;
    const path = bands[i]?.path ?? ['bands', i];
    if (lower.min >= upper.min) {
      issues.add(
        [...path, 'min'],
        `bands must be listed highest first: ${show2(lower.min)} is not below band ${JSON.stringify(upper.code)} (from ${show2(upper.min)})`,
      );
    } else if (lower.max !== upper.min - 1) {
      const problem =
        lower.max > upper.min - 1 ? `overlaps band ${JSON.stringify(upper.code)}` : `leaves a gap below band ${JSON.stringify(upper.code)}`;
      issues.add(
        [...path, 'max'],
        `${show2(lower.max)} ${problem}: must be exactly ${show2(upper.min - 1)} (0.01 below ${show2(upper.min)})`,
      );
    }
  }
  const result = s['result'];
  if (!isNode(result)) return;
  const rMin = num(result['min']);
  const rMax = num(result['max']);
  if (rMin === undefined || rMax === undefined) return;
  if (rMin >= rMax) {
    issues.add(['result', 'max'], `must be greater than result.min (${show(rMin)})`);
    return;
  }
  const top = bounds[0];
  const bottom = bounds[bounds.length - 1];
  if (top && top.max !== cents(rMax)) {
    issues.add(['bands', 0, 'max'], `${show2(top.max)} must equal result.max (${show2(cents(rMax))}) so the bands cover the whole range`);
  }
  if (bottom && bottom.min !== cents(rMin)) {
    issues.add(
      ['bands', bounds.length - 1, 'min'],
      `${show2(bottom.min)} must equal result.min (${show2(cents(rMin))}) so the bands cover the whole range`,
    );
  }
}

function checkInstruments(issues: Issues, s: Node, inds: IndicatorRef[]): void {
  const instruments = nodes(s['instruments'], ['instruments']);
  const known = new Set(inds.flatMap((i) => (i.code === undefined ? [] : [i.code])));
  const scoredBy = new Set<string>();
  let perProductScore = false;
  for (const { node, path } of instruments) {
    const seen = new Set<string>();
    list(node['covers']).forEach((c, j) => {
      if (typeof c !== 'string') return;
      if (!known.has(c)) issues.add([...path, 'covers', j], `unknown indicator ${JSON.stringify(c)}`);
      else if (seen.has(c)) issues.add([...path, 'covers', j], `indicator ${JSON.stringify(c)} is listed more than once`);
      seen.add(c);
      if (node['role'] === 'score') scoredBy.add(c);
    });
    if (node['role'] === 'score' && node['perProduct'] === true) perProductScore = true;
    const quota = node['quota'];
    if (isNode(quota)) {
      const target = num(quota['target']);
      const min = num(quota['min']);
      if (target !== undefined && min !== undefined && min > target) {
        issues.add([...path, 'quota', 'min'], `must not exceed quota.target (${target})`);
      }
      // issue 13 §5: the range within which a Perwakilan may set one unit's quota must hold the default.
      const adjust = quota['adjust'];
      if (isNode(adjust) && target !== undefined) {
        const lo = num(adjust['min']);
        const hi = num(adjust['max']);
        if (lo !== undefined && hi !== undefined && !(lo <= target && target <= hi)) {
          issues.add([...path, 'quota', 'adjust'], `must hold quota.target (${target}): min ≤ target ≤ max`);
        }
      }
      if (quota['fromPopulation'] !== undefined && s['sampling'] === undefined) {
        issues.add(
          [...path, 'quota', 'fromPopulation'],
          "needs the scheme's sampling block (the sample is computed from the population with it)",
        );
      }
    }
    checkInstrumentPolicy(issues, node, path);
  }
  if (instruments.length > 0) {
    for (const ind of inds) {
      if (ind.scored && ind.code !== undefined && !scoredBy.has(ind.code)) {
        issues.add(
          ind.path,
          `indicator ${JSON.stringify(ind.code)} is not covered by any instrument with role 'score', so it can never be answered`,
        );
      }
    }
  }
  const aggregation = s['aggregation'];
  if (isNode(aggregation) && aggregation['unit'] === 'products' && instruments.length > 0 && !perProductScore) {
    issues.add(['aggregation', 'unit'], "'products' needs an instrument with role 'score' and perProduct: true");
  }
}

/** Fillers, paper entry, entry rules and respondent profile of one instrument. */
function checkInstrumentPolicy(issues: Issues, ins: Node, path: Path): void {
  const direct = new Set(list(ins['fillers']).filter((r): r is string => typeof r === 'string'));
  const paper = ins['paperEntry'];
  if (isNode(paper)) {
    list(paper['by']).forEach((r, k) => {
      if (typeof r === 'string' && direct.has(r)) {
        issues.add([...path, 'paperEntry', 'by', k], `role ${JSON.stringify(r)} already fills this instrument directly (fillers)`);
      }
    });
  }
  for (const key of ['fillers'] as const) checkNoRepeat(issues, ins[key], [...path, key], 'role');
  if (isNode(paper)) checkNoRepeat(issues, paper['by'], [...path, 'paperEntry', 'by'], 'role');
  const entry = ins['entry'];
  if (isNode(entry) && isNode(entry['dataSources'])) {
    checkUnique(issues, 'data source', nodes(entry['dataSources']['options'], [...path, 'entry', 'dataSources', 'options']));
  }
  const fields = nodes(ins['profile'], [...path, 'profile']);
  checkUnique(issues, 'profile field', fields);
  for (const { node: field, path: fieldPath } of fields) {
    const kind = str(field['kind']);
    const options = nodes(field['options'], [...fieldPath, 'options']);
    checkUnique(issues, 'option', options);
    if ((kind === 'choice' || kind === 'age-band') && field['options'] === undefined) {
      issues.add([...fieldPath, 'options'], `is required for a '${kind}' field`);
    }
    if ((kind === 'service' || kind === 'text') && field['options'] !== undefined) {
      issues.add(
        [...fieldPath, 'options'],
        `must not be set for a '${kind}' field${kind === 'service' ? ' (the survey lists its services)' : ''}`,
      );
    }
    if (kind === 'age-band') checkAgeBands(issues, options);
  }
}

/** Age bands: ascending whole years without gap or overlap; only the last may leave `max` open. */
function checkAgeBands(issues: Issues, options: { node: Node; path: Path }[]): void {
  let previousMax: number | undefined;
  options.forEach(({ node, path }, k) => {
    const min = num(node['min']);
    const max = num(node['max']);
    const last = k === options.length - 1;
    if (min === undefined) {
      issues.add([...path, 'min'], "is required for an 'age-band' option");
      return;
    }
    if (max === undefined && !last) issues.add([...path, 'max'], 'is required except on the last (open) band');
    if (max !== undefined && max < min) issues.add([...path, 'max'], `must not be below min (${min})`);
    if (k > 0 && previousMax !== undefined && min !== previousMax + 1) {
      issues.add([...path, 'min'], `must be ${previousMax + 1}, the year after the previous band ends (no gap or overlap)`);
    }
    previousMax = max;
  });
}

function checkNoRepeat(issues: Issues, values: unknown, path: Path, what: string): void {
  const seen = new Set<string>();
  list(values).forEach((v, k) => {
    if (typeof v !== 'string') return;
    if (seen.has(v)) issues.add([...path, k], `${what} ${JSON.stringify(v)} is listed more than once`);
    seen.add(v);
  });
}

/** Rules on indicators that look beyond the indicator itself. */
function checkIndicatorPolicy(issues: Issues, s: Node, inds: IndicatorRef[]): void {
  const dimensions = new Set(nodes(s['dimensions'], ['dimensions']).flatMap(({ node }) => str(node['code']) ?? []));
  const claimed = new Set<string>();
  for (const { node } of nodes(s['instruments'], ['instruments'])) {
    if (node['role'] === 'claim') for (const c of list(node['covers'])) if (typeof c === 'string') claimed.add(c);
  }
  const assumed = nodes(s['assumptions'], ['assumptions']).flatMap(({ node }) => str(node['path']) ?? []);
  for (const ind of inds) {
    const { node, path } = ind;
    checkNoRepeat(issues, node['topics'], [...path, 'topics'], 'topic');
    const under = node['reportedUnder'];
    if (under !== undefined) {
      if (ind.scored) issues.add([...path, 'reportedUnder'], 'only supplement items are reported under a dimension');
      else if (typeof under === 'string' && !dimensions.has(under))
        issues.add([...path, 'reportedUnder'], `unknown dimension ${JSON.stringify(under)}`);
    }
    if (node['selfAssessment'] !== undefined && ind.code !== undefined && !claimed.has(ind.code)) {
      issues.add([...path, 'selfAssessment'], "no instrument with role 'claim' covers this indicator");
    }
    if (node['unverified'] === true && !assumed.some((p) => ind.codePath === p || ind.codePath.startsWith(`${p}/`))) {
      issues.add([...path, 'unverified'], `needs an assumption whose path is ${JSON.stringify(ind.codePath)} or one of its parents`);
    }
  }
}

/**
 * An assumption path names a place in the file by codes, e.g.
 * `dimensions/output/variables/persepsi/indicators/O4` or `qualifiers/tanpa-maladministrasi/rule`:
 * a segment after a list selects the item with that `code`; any other segment is a field name.
 */
function resolveCodePath(root: unknown, path: string): string | undefined {
  let at: unknown = root;
  let walked = '';
  for (const seg of path.split('/')) {
    const next = Array.isArray(at)
      ? at.find((item) => isNode(item) && item['code'] === seg)
      : isNode(at) && Object.hasOwn(at, seg)
        ? at[seg]
        : undefined;
    if (next === undefined) return `nothing named ${JSON.stringify(seg)} under ${walked === '' ? 'the scheme' : JSON.stringify(walked)}`;
    at = next;
    walked = walked === '' ? seg : `${walked}/${seg}`;
  }
  return undefined;
}

function checkAssumptions(issues: Issues, s: Node): void {
  for (const { node, path } of nodes(s['assumptions'], ['assumptions'])) {
    const p = str(node['path']);
    if (p === undefined || p.trim() === '') continue;
    const problem = resolveCodePath(s, p);
    if (problem) issues.add([...path, 'path'], `${JSON.stringify(p)} does not point into this scheme (${problem})`);
  }
}

function checkSemantics(issues: Issues, s: Node): void {
  checkIdentity(issues, s);

  const dims = nodes(s['dimensions'], ['dimensions']);
  const vars = dims.flatMap((d) => nodes(d.node['variables'], [...d.path, 'variables']));
  const supps = nodes(s['supplements'], ['supplements']);
  const scored: IndicatorRef[] = dims.flatMap((d) =>
    nodes(d.node['variables'], [...d.path, 'variables']).flatMap((v) =>
      nodes(v.node['indicators'], [...v.path, 'indicators']).map((i) => ({
        ...i,
        code: str(i.node['code']),
        scored: true,
        codePath: `dimensions/${str(d.node['code'])}/variables/${str(v.node['code'])}/indicators/${str(i.node['code'])}`,
      })),
    ),
  );
  const beside: IndicatorRef[] = supps.flatMap((g) =>
    nodes(g.node['indicators'], [...g.path, 'indicators']).map((i) => ({
      ...i,
      code: str(i.node['code']),
      scored: false,
      codePath: `supplements/${str(g.node['code'])}/indicators/${str(i.node['code'])}`,
    })),
  );
  const inds: IndicatorRef[] = [...scored, ...beside];

  checkWeights(issues, dims);
  for (const { node, path } of beside) {
    if (node['weight'] !== undefined)
      issues.add([...path, 'weight'], 'must not be set: supplement items are reported beside the score and carry no weight');
  }

  checkUnique(issues, 'dimension', dims);
  checkUnique(issues, 'variable', vars);
  checkUnique(issues, 'supplement', supps);
  checkUnique(issues, 'indicator', [...scored, ...beside]);
  checkUnique(issues, 'instrument', nodes(s['instruments'], ['instruments']));
  checkUnique(issues, 'band', nodes(s['bands'], ['bands']));
  checkUnique(issues, 'qualifier', nodes(s['qualifiers'], ['qualifiers']));

  checkLevels(issues, inds);
  checkBands(issues, s);
  checkInstruments(issues, s, inds);
  checkIndicatorPolicy(issues, s, inds);
  checkNoRepeat(issues, s['topics'], ['topics'], 'topic');
  const survey = s['survey'];
  if (isNode(survey)) checkNoRepeat(issues, survey['periods'], ['survey', 'periods'], 'period');
  checkAssumptions(issues, s);
}

// ---------------------------------------------------------------------------------------------
// Entry point
// ---------------------------------------------------------------------------------------------

/**
 * Validates one library file. `source` (e.g. `methodologies/ombudsman-2024.json`), when given,
 * makes every message a self-contained line: `<source>: <path>: <problem>`; without it the
 * message is the problem alone and `path` says where.
 */
export function parseScheme(json: unknown, source?: string): Result<Scheme> {
  const issues = new Issues();
  const parsed = schemeContract.safeParse(json, { error: describeIssue });
  if (!parsed.success) {
    for (const iss of parsed.error.issues) {
      if (iss.code === 'unrecognized_keys') {
        for (const key of iss.keys) issues.add([...iss.path, key], 'unknown field (not part of the scheme format)');
      } else {
        issues.add(iss.path, iss.message);
      }
    }
  }
  if (isNode(json)) checkSemantics(issues, json);

  if (issues.list.length === 0 && parsed.success) return { ok: true, value: parsed.data };
  return {
    ok: false,
    issues: issues.list.map(
      ({ path, text: problem }): SchemeIssue => ({
        path,
        message: source === undefined ? problem : `${source}: ${path === '' ? '' : `${path}: `}${problem}`,
      }),
    ),
  };
}
