/**
 * Excel exports (issue 5 §5): a leaderboard, a cycle's full results (a sheet per level:
 * governments, units, dimensions, indicators) and one body's breakdown. Every data sheet has a
 * header block naming the cycle and the scheme, a frozen header row, an autofilter, number
 * formats (0.00 for scores, whole numbers for ranks) and an Asumsi/Assumptions sheet listing the
 * scheme's assumptions. Numbers are written as numbers (never as formatted text), so a reader
 * gets back exactly what was exported; scores arrive already rounded by the engine.
 */
import { localDateTime, WIB, type Zone } from '../../shared/local-time.ts';
import { formatFixed2 } from '../../core/index.ts';
import type { Lang, Scheme } from '../../core/types.ts';
import { getScheme } from '../../../methodologies/index.ts';
import { bodyTypeLabel, label, sectorLabel, zoneLabel } from './i18n.ts';
import type {
  BandLabel,
  BodyBreakdown,
  BreakdownUnit,
  CycleBody,
  CycleResults,
  CycleUnit,
  ExportCycle,
  ExportOptions,
  LeaderboardOptions,
  LeaderboardRow,
} from './types.ts';
import { defineTable, writeTables } from './workbook.ts';
import type { Table, TableColumn } from './workbook.ts';

export { TABLE_HEADER_ROW, NUM_FMT } from './workbook.ts';

function resolveScheme(cycle: ExportCycle | undefined, opts: ExportOptions): Scheme | undefined {
  if (opts.scheme !== undefined) return opts.scheme;
  return cycle === undefined ? undefined : getScheme(cycle.schemeId);
}

function toDate(d: Date | string | undefined): Date | undefined {
  if (d === undefined) return undefined;
  const date = d instanceof Date ? d : new Date(d);
  return Number.isNaN(date.getTime()) ? undefined : date;
}

/** "5 Desember 2026 10.15 WITA": in the zone of the body the workbook is about (issue 16; WIB when national). */
function formatDate(lang: Lang, d: Date, zone: Zone = WIB): string {
  return localDateTime(d, lang, zone);
}

const decimalMark: Record<Lang, string> = { id: ',', en: '.' };

/** A score for running text: "85,12" (id) / "85.12" (en). */
function scoreText(lang: Lang, score: number): string {
  const s = formatFixed2(score);
  return s.replace('.', decimalMark[lang]);
}

function schemeLine(lang: Lang, cycle: ExportCycle | undefined, scheme: Scheme | undefined): string | undefined {
  if (scheme !== undefined) {
    return label(lang, 'block.scheme', { id: scheme.id, version: scheme.version, title: scheme.title[lang] });
  }
  return cycle === undefined ? undefined : label(lang, 'block.schemeUnknown', { id: cycle.schemeId });
}

/** The header block: title; cycle · scheme; [extra]; rounding note (+ assumptions, + date). */
function headerBlock(
  lang: Lang,
  title: string,
  cycle: ExportCycle | undefined,
  scheme: Scheme | undefined,
  opts: ExportOptions,
  extra?: string,
): string[] {
  const lines = [title];
  const context = [
    cycle === undefined ? undefined : label(lang, 'block.cycle', { cycle: cycle.name, year: cycle.year }),
    schemeLine(lang, cycle, scheme),
  ].filter((s): s is string => s !== undefined);
  if (context.length > 0) lines.push(context.join(' · '));
  if (extra !== undefined) lines.push(extra);
  const n = scheme?.assumptions.length ?? 0;
  let note = n > 0 ? label(lang, 'block.note', { n }) : label(lang, 'block.noteNoAssumptions');
  const generated = toDate(opts.generatedAt);
  if (generated !== undefined) note += ` ${label(lang, 'block.generated', { date: formatDate(lang, generated, opts.zone) })}.`;
  lines.push(note);
  return lines;
}

interface AssumptionRow {
  no: number | null;
  path: string;
  note: string;
}

function assumptionsTable(lang: Lang, cycle: ExportCycle | undefined, scheme: Scheme | undefined): Table<unknown> {
  const rows: AssumptionRow[] =
    scheme === undefined
      ? [{ no: null, path: '', note: label(lang, 'assumptions.noScheme') }]
      : scheme.assumptions.length === 0
        ? [{ no: null, path: '', note: label(lang, 'assumptions.none') }]
        : scheme.assumptions.map((a, k) => ({ no: k + 1, path: a.path, note: a.note[lang] }));
  const schemeName = scheme === undefined ? (cycle?.schemeId ?? '—') : `${scheme.id} v${scheme.version}`;
  return defineTable<AssumptionRow>({
    name: label(lang, 'sheet.assumptions'),
    block: [
      label(lang, 'block.assumptions', { scheme: schemeName }),
      ...(scheme === undefined ? [] : [scheme.title[lang]]),
      label(lang, 'block.assumptionsNote'),
    ],
    columns: [
      { header: label(lang, 'col.no'), kind: 'int', value: (r) => r.no, width: 5 },
      { header: label(lang, 'col.path'), kind: 'text', value: (r) => r.path },
      { header: label(lang, 'col.assumption'), kind: 'text', value: (r) => r.note, width: 100 },
    ],
    rows,
  });
}

const yesNo = (lang: Lang, b: boolean): string => label(lang, b ? 'yes' : 'no');

/** Band columns: code, label in `lang`, zone in `lang`. */
function bandColumns<R>(lang: Lang, bandOf: (row: R) => BandLabel): TableColumn<R>[] {
  return [
    { header: label(lang, 'col.band'), kind: 'text', value: (r) => bandOf(r).code, width: 10 },
    { header: label(lang, 'col.bandLabel'), kind: 'text', value: (r) => bandOf(r).label[lang] },
    { header: label(lang, 'col.zone'), kind: 'text', value: (r) => zoneLabel(lang, bandOf(r).zone) },
  ];
}

// ---------------------------------------------------------------------------------------------
// Leaderboard
// ---------------------------------------------------------------------------------------------

/**
 * A leaderboard (any ranking group) as .xlsx: sheet "Peringkat"/"Ranking" with the rows in the
 * given order, then "Asumsi"/"Assumptions".
 */
export async function leaderboardXlsx(rows: readonly LeaderboardRow[], opts: LeaderboardOptions): Promise<Buffer> {
  const { lang } = opts;
  const scheme = resolveScheme(opts.cycle, opts);
  const withCode = rows.some((r) => r.code !== undefined && r.code !== '');
  const columns: TableColumn<LeaderboardRow>[] = [
    { header: label(lang, 'col.rank'), kind: 'int', value: (r) => r.rank },
    { header: label(lang, 'col.of'), kind: 'int', value: (r) => r.of, width: 7 },
    ...(withCode ? [{ header: label(lang, 'col.code'), kind: 'text' as const, value: (r: LeaderboardRow) => r.code ?? null }] : []),
    { header: label(lang, 'col.name'), kind: 'text', value: (r) => r.name },
    { header: label(lang, 'col.type'), kind: 'text', value: (r) => bodyTypeLabel(lang, r.type) },
    { header: label(lang, 'col.province'), kind: 'text', value: (r) => r.province },
    { header: label(lang, 'col.score'), kind: 'score', value: (r) => r.score },
    ...bandColumns<LeaderboardRow>(lang, (r) => r.band),
    { header: label(lang, 'col.movement'), kind: 'movement', value: (r) => r.movement },
    { header: label(lang, 'col.units'), kind: 'int', value: (r) => r.units },
  ];
  return writeTables(
    [
      defineTable<LeaderboardRow>({
        name: label(lang, 'sheet.leaderboard'),
        block: headerBlock(lang, opts.title, opts.cycle, scheme, opts),
        columns,
        rows,
        freezeColumns: withCode ? 4 : 3,
      }),
      assumptionsTable(lang, opts.cycle, scheme),
    ],
    { onProgress: opts.onProgress, created: toDate(opts.generatedAt) },
  );
}

// ---------------------------------------------------------------------------------------------
// Unit-level tables (shared by the cycle export and the body breakdown)
// ---------------------------------------------------------------------------------------------

interface UnitContext {
  unit: BreakdownUnit;
  body: { code: string; name: string } | null;
}

function bodyColumns<R extends { ctx: UnitContext } | UnitContext>(lang: Lang, include: boolean): TableColumn<R>[] {
  if (!include) return [];
  const ctxOf = (r: R): UnitContext => ('ctx' in r ? r.ctx : r);
  return [
    { header: label(lang, 'col.bodyCode'), kind: 'text', value: (r) => ctxOf(r).body?.code ?? null },
    { header: label(lang, 'col.body'), kind: 'text', value: (r) => ctxOf(r).body?.name ?? null },
  ];
}

function unitsTable(lang: Lang, block: string[], units: UnitContext[], withBody: boolean, scheme: Scheme | undefined): Table<unknown> {
  // One column per dimension score, in the scheme's order (all units share the scheme).
  const dims = units[0]?.unit.breakdown.dimensions ?? scheme?.dimensions.map((d) => ({ code: d.code, title: d.title })) ?? [];
  const dimColumns: TableColumn<UnitContext>[] = dims.map((d, k) => ({
    header: `${d.title[lang]}`,
    kind: 'score',
    value: (r) => r.unit.breakdown.dimensions[k]?.score ?? null,
  }));
  return defineTable<UnitContext>({
    name: label(lang, 'sheet.units'),
    block,
    columns: [
      ...bodyColumns<UnitContext>(lang, withBody),
      { header: label(lang, 'col.unit'), kind: 'text', value: (r) => r.unit.name },
      { header: label(lang, 'col.sector'), kind: 'text', value: (r) => sectorLabel(lang, r.unit.sector) },
      { header: label(lang, 'col.score'), kind: 'score', value: (r) => r.unit.score },
      { header: label(lang, 'col.raw'), kind: 'precise', value: (r) => r.unit.breakdown.raw },
      ...bandColumns<UnitContext>(lang, (r) => r.unit.band),
      ...dimColumns,
      { header: label(lang, 'col.complete'), kind: 'text', value: (r) => yesNo(lang, r.unit.complete) },
      { header: label(lang, 'col.missing'), kind: 'text', value: (r) => r.unit.breakdown.missing.join(', ') },
    ],
    rows: units,
    freezeColumns: withBody ? 3 : 1,
  });
}

interface DimensionRow {
  ctx: UnitContext;
  d: BreakdownUnit['breakdown']['dimensions'][number];
}

function dimensionsTable(lang: Lang, block: string[], units: UnitContext[], withBody: boolean): Table<unknown> {
  const rows: DimensionRow[] = units.flatMap((ctx) => ctx.unit.breakdown.dimensions.map((d) => ({ ctx, d })));
  return defineTable<DimensionRow>({
    name: label(lang, 'sheet.dimensions'),
    block,
    columns: [
      ...bodyColumns<DimensionRow>(lang, withBody),
      { header: label(lang, 'col.unit'), kind: 'text', value: (r) => r.ctx.unit.name },
      { header: label(lang, 'col.dimension'), kind: 'text', value: (r) => r.d.code },
      { header: label(lang, 'col.dimensionTitle'), kind: 'text', value: (r) => r.d.title[lang] },
      { header: label(lang, 'col.weight'), kind: 'decimal', value: (r) => r.d.weight },
      { header: label(lang, 'col.dimensionScore'), kind: 'score', value: (r) => r.d.score },
      { header: label(lang, 'col.points'), kind: 'decimal', value: (r) => r.d.points },
      { header: label(lang, 'col.pointsLost'), kind: 'decimal', value: (r) => r.d.pointsLost },
    ],
    rows,
    freezeColumns: withBody ? 3 : 1,
  });
}

interface IndicatorRow {
  ctx: UnitContext;
  dimension: string;
  variable: string;
  i: BreakdownUnit['breakdown']['dimensions'][number]['variables'][number]['indicators'][number];
}

function indicatorsTable(lang: Lang, block: string[], units: UnitContext[], withBody: boolean): Table<unknown> {
  const rows: IndicatorRow[] = [];
  for (const ctx of units) {
    for (const d of ctx.unit.breakdown.dimensions) {
      for (const v of d.variables) for (const i of v.indicators) rows.push({ ctx, dimension: d.code, variable: v.code, i });
    }
  }
  return defineTable<IndicatorRow>({
    name: label(lang, 'sheet.indicators'),
    block,
    columns: [
      ...bodyColumns<IndicatorRow>(lang, withBody),
      { header: label(lang, 'col.unit'), kind: 'text', value: (r) => r.ctx.unit.name },
      { header: label(lang, 'col.dimension'), kind: 'text', value: (r) => r.dimension, width: 11 },
      { header: label(lang, 'col.variable'), kind: 'text', value: (r) => r.variable },
      { header: label(lang, 'col.indicator'), kind: 'text', value: (r) => r.i.code, width: 11 },
      { header: label(lang, 'col.indicatorText'), kind: 'text', value: (r) => r.i.text[lang] },
      { header: label(lang, 'col.value'), kind: 'decimal', value: (r) => r.i.value },
      { header: label(lang, 'col.n'), kind: 'int', value: (r) => r.i.n },
      { header: label(lang, 'col.percentage'), kind: 'decimal', value: (r) => r.i.percentage },
      { header: label(lang, 'col.weight'), kind: 'precise', value: (r) => r.i.weight },
      { header: label(lang, 'col.points'), kind: 'decimal', value: (r) => r.i.points },
      { header: label(lang, 'col.pointsLost'), kind: 'decimal', value: (r) => r.i.pointsLost },
    ],
    rows,
    freezeColumns: withBody ? 3 : 1,
  });
}

// ---------------------------------------------------------------------------------------------
// Cycle results
// ---------------------------------------------------------------------------------------------

function governmentsTable(lang: Lang, block: string[], bodies: readonly CycleBody[]): Table<unknown> {
  return defineTable<CycleBody>({
    name: label(lang, 'sheet.governments'),
    block,
    columns: [
      { header: label(lang, 'col.code'), kind: 'text', value: (r) => r.code },
      { header: label(lang, 'col.name'), kind: 'text', value: (r) => r.name },
      { header: label(lang, 'col.type'), kind: 'text', value: (r) => bodyTypeLabel(lang, r.type) },
      { header: label(lang, 'col.provinceCode'), kind: 'text', value: (r) => r.provinceCode },
      { header: label(lang, 'col.province'), kind: 'text', value: (r) => r.provinceName },
      { header: label(lang, 'col.score'), kind: 'score', value: (r) => r.score },
      ...bandColumns<CycleBody>(lang, (r) => r.band),
      { header: label(lang, 'col.rankNational'), kind: 'int', value: (r) => r.rankNationalType?.rank ?? null },
      { header: label(lang, 'col.of'), kind: 'int', value: (r) => r.rankNationalType?.of ?? null, width: 7 },
      { header: label(lang, 'col.rankProvince'), kind: 'int', value: (r) => r.rankProvince?.rank ?? null },
      { header: label(lang, 'col.of'), kind: 'int', value: (r) => r.rankProvince?.of ?? null, width: 7 },
      { header: label(lang, 'col.movement'), kind: 'movement', value: (r) => r.movement },
      { header: label(lang, 'col.units'), kind: 'int', value: (r) => r.units },
      { header: label(lang, 'col.complete'), kind: 'text', value: (r) => yesNo(lang, r.complete) },
    ],
    rows: bodies,
    freezeColumns: 2,
  });
}

/**
 * A cycle's full results as .xlsx, a sheet per level: Pemerintah, Unit, Dimensi, Indikator,
 * Asumsi (Governments, Units, Dimensions, Indicators, Assumptions in English). Rows keep the
 * input order; units are listed under their body's code and name.
 */
export async function cycleResultsXlsx(results: CycleResults, opts: ExportOptions): Promise<Buffer> {
  const { lang } = opts;
  const { cycle } = results;
  const scheme = resolveScheme(cycle, opts);
  const block = headerBlock(lang, label(lang, 'block.cycleResults', { cycle: cycle.name }), cycle, scheme, opts);
  const bodies = new Map(results.bodies.map((b) => [b.code, b]));
  const units: UnitContext[] = results.units.map((u: CycleUnit) => {
    const b = bodies.get(u.body);
    return { unit: u, body: { code: u.body, name: b?.name ?? '' } };
  });
  return writeTables(
    [
      governmentsTable(lang, block, results.bodies),
      unitsTable(lang, block, units, true, scheme),
      dimensionsTable(lang, block, units, true),
      indicatorsTable(lang, block, units, true),
      assumptionsTable(lang, cycle, scheme),
    ],
    { onProgress: opts.onProgress, created: toDate(opts.generatedAt) },
  );
}

// ---------------------------------------------------------------------------------------------
// Body breakdown
// ---------------------------------------------------------------------------------------------

/**
 * One body's breakdown as .xlsx: Ringkasan/Summary (its units with their dimension scores, the
 * body's score, band and ranks in the header block), Dimensi, Indikator (with points lost) and
 * Asumsi.
 */
export async function bodyBreakdownXlsx(breakdown: BodyBreakdown, opts: ExportOptions): Promise<Buffer> {
  const { lang } = opts;
  const { cycle, body } = breakdown;
  const scheme = resolveScheme(cycle, opts);
  const facts = [
    `${label(lang, 'col.score')} ${scoreText(lang, body.score)}`,
    `${label(lang, 'col.band')} ${body.band.code} ${body.band.label[lang]}`,
  ];
  if (body.rankNationalType !== null) {
    facts.push(`${label(lang, 'col.rankNational')} ${body.rankNationalType.rank}/${body.rankNationalType.of}`);
  }
  if (body.rankProvince !== null) {
    facts.push(`${label(lang, 'col.rankProvince')} ${body.rankProvince.rank}/${body.rankProvince.of}`);
  }
  if (body.movement !== null) facts.push(`${label(lang, 'col.movement')} ${body.movement > 0 ? '+' : ''}${body.movement}`);
  const title = label(lang, 'block.bodyBreakdown', {
    body: `${body.name} (${body.code}${body.provinceName !== null && body.type !== 'provinsi' ? `, ${body.provinceName}` : ''})`,
  });
  const block = headerBlock(lang, title, cycle, scheme, opts, facts.join(' · '));
  const units: UnitContext[] = breakdown.units.map((unit) => ({ unit, body: null }));
  const summary = unitsTable(lang, block, units, false, scheme);
  summary.name = label(lang, 'sheet.summary');
  return writeTables(
    [
      summary,
      dimensionsTable(lang, block, units, false),
      indicatorsTable(lang, block, units, false),
      assumptionsTable(lang, cycle, scheme),
    ],
    { onProgress: opts.onProgress, created: toDate(opts.generatedAt) },
  );
}
