/**
 * Rapor (report card) PDF of a government or of one service unit (issue 5 §3): the paper twin
 * of a government's public page (issue 4 §2). A4, Bahasa Indonesia by default, page numbers,
 * legible printed in greyscale (every band, zone and movement is also written in words).
 *
 * A pure renderer: the caller passes engine results in (`RaporInput`); nothing here reads the
 * database, the clock, files (other than the bundled fonts) or the network. Numbers are
 * printed with the engine's decimal-exact rounding, so the rapor never disagrees with the
 * published score.
 *
 * Layout: page 1 is the summary (score, band, ranks, dimension chart, unit scores); each unit's
 * indicator table starts a page of its own (so an OPD's page can be handed to its head); then
 * the improvement list, the evidence summary and the assumptions note.
 */
import { mandiriNote } from '../../shared/mandiri-note.ts';
import type { BandRef, DimensionScore, EvidenceKind, Lang, SchemeTerms, UnitScore } from '../../core/types.ts';
import { renderDimensionChart, type ChartDimension } from './chart.ts';
import {
  evidenceKindName,
  formatDate,
  formatGain,
  formatInteger,
  formatNumber,
  groupName,
  toDate,
  translator,
  typeName,
  zoneName,
  type Translate,
} from './i18n.ts';
import { bandCell, bandText, palette, renderPdf, tint, type DocumentDefinition, type Node } from './pdf.ts';
import type { RankPosition, RaporInput, ReportImprovement, ReportUnit } from './types.ts';
import { localDateTime } from '../../shared/local-time.ts';

const PAGE_MARGINS = [40, 58, 40, 46] as const;
/** A4 width (595.28 pt) minus the side margins. */
const CONTENT_WIDTH = 515;
const DEFAULT_IMPROVEMENT_LIMIT = 15;

interface Ctx {
  lang: Lang;
  t: Translate;
  n: (x: number) => string;
  input: RaporInput;
  /** Maximum of the result scale (100 for Ombudsman, 5 for PEKPPP), read off the breakdowns. */
  resultMax: number;
  isGovernment: boolean;
  /** The scheme's word for `key` (library `terms`), else the generic `fallback`. */
  term: (key: keyof SchemeTerms, fallback: string) => string;
}

// ---------------------------------------------------------------------------------------------
// Derived numbers
// ---------------------------------------------------------------------------------------------

/** Σ (points + points lost) over a unit's indicators = the full marks of the result scale. */
function resultMaxOf(units: readonly ReportUnit[]): number {
  const u = units[0];
  if (u === undefined) return 100;
  const full = u.breakdown.dimensions.reduce((s, d) => s + d.points + d.pointsLost, 0);
  return full > 0 ? Math.round(full * 100) / 100 : 100;
}

interface DimensionRow {
  code: string;
  title: DimensionScore['title'];
  weight: number;
  score: number;
  points: number;
  pointsLost: number;
}

/**
 * Dimension rows of the subject. For a government: the mean of its units' dimension scores,
 * weighted by each unit's aggregation weight (1 under 'units-mean', its products under
 * 'products-mean'), the same weighting `aggregate` uses for the total, so Σ points equals the
 * government's raw score.
 */
function dimensionRows(units: readonly ReportUnit[]): DimensionRow[] {
  const first = units[0];
  if (first === undefined) return [];
  const totalWeight = units.reduce((s, u) => s + u.breakdown.weight, 0) || 1;
  return first.breakdown.dimensions.map((d, k) => {
    let score = 0;
    let points = 0;
    let pointsLost = 0;
    for (const u of units) {
      const ud = u.breakdown.dimensions[k];
      if (ud === undefined) continue;
      const w = u.breakdown.weight / totalWeight;
      score += w * ud.score;
      points += w * ud.points;
      pointsLost += w * ud.pointsLost;
    }
    return { code: d.code, title: d.title, weight: d.weight, score, points, pointsLost };
  });
}

/**
 * The printed improvement list: sorted by the gain that matters to the reader (the
 * government's on a government rapor, the unit's on a unit rapor), then one row per unit and
 * indicator (its largest gain, i.e. the highest open level), cut at `limit`.
 */
function selectImprovements(list: readonly ReportImprovement[], isGovernment: boolean, limit: number) {
  const key = (i: ReportImprovement): number => Math.round((isGovernment ? i.governmentGain : i.unitGain) * 1e9);
  const sorted = [...list].sort(
    (a, b) =>
      key(b) - key(a) ||
      (a.unit ?? '').localeCompare(b.unit ?? '') ||
      (a.indicator < b.indicator ? -1 : a.indicator > b.indicator ? 1 : 0) ||
      b.to - a.to,
  );
  const seen = new Set<string>();
  const rows: ReportImprovement[] = [];
  for (const i of sorted) {
    const k = `${i.unit ?? ''}\u0000${i.indicator}`;
    if (seen.has(k)) continue;
    seen.add(k);
    rows.push(i);
  }
  return { shown: rows.slice(0, limit), total: rows.length };
}

// ---------------------------------------------------------------------------------------------
// Small building blocks
// ---------------------------------------------------------------------------------------------

/** A filled triangle (▲/▼ are not in Roboto) or an equals sign, beside the words. */
function movementMarker(movement: number | null): Node {
  if (movement === null) return { text: '–', width: 10, color: palette.muted };
  if (movement === 0) return { text: '=', width: 10, bold: true };
  const up = movement > 0;
  const points = up
    ? [
        { x: 0, y: 8 },
        { x: 4, y: 1 },
        { x: 8, y: 8 },
      ]
    : [
        { x: 0, y: 1 },
        { x: 8, y: 1 },
        { x: 4, y: 8 },
      ];
  return {
    canvas: [{ type: 'polyline', points, closePath: true, color: palette.ink, lineColor: palette.ink, lineWidth: 0.5 }],
    width: 10,
    margin: [0, 1, 0, 0],
  };
}

function movementText(movement: number | null, t: Translate): string {
  if (movement === null) return t('rapor.movement.none');
  if (movement === 0) return t('rapor.movement.same');
  const n = Math.abs(movement);
  return movement > 0 ? t('rapor.movement.up', { n }) : t('rapor.movement.down', { n });
}

function rankBlock(label: string, pos: RankPosition, c: Ctx): Node {
  if (pos.of === 0) {
    return {
      stack: [
        { text: label, fontSize: 8, color: palette.muted },
        { text: c.t('rapor.rank.none'), fontSize: 10, bold: true, margin: [0, 1, 0, 1] },
      ],
      margin: [0, 0, 0, 6],
    };
  }
  return {
    stack: [
      { text: label, fontSize: 8, color: palette.muted },
      {
        text: c.t('rapor.rank.value', { rank: formatInteger(pos.rank, c.lang), of: formatInteger(pos.of, c.lang) }),
        fontSize: 15,
        bold: true,
        margin: [0, 1, 0, 1],
      },
      { columns: [movementMarker(pos.movement), { text: movementText(pos.movement, c.t), fontSize: 8.5, width: '*' }], columnGap: 3 },
    ],
    margin: [0, 0, 0, 6],
  };
}

function sectionTitle(text: string, margin: [number, number, number, number] = [0, 14, 0, 4]): Node {
  return { text, style: 'h2', margin };
}

/**
 * A table whose first header row is its caption (section title or unit heading): pdfmake
 * repeats header rows on every page and keeps them with the first body row, so a caption is
 * never orphaned at the foot of a page and a continued table still says what it is.
 */
function captionedTable(opts: {
  caption: Node;
  widths: (number | string)[];
  head: string[];
  body: Node[][];
  align?: ('left' | 'right' | 'center')[];
}): Node {
  const cols = opts.widths.length;
  const captionRow: Node[] = [{ stack: [opts.caption], colSpan: cols, border: [false, false, false, false], fillColor: null }];
  for (let k = 1; k < cols; k++) captionRow.push({});
  const headRow: Node[] = opts.head.map((h, k) => ({ text: h, bold: true, fontSize: 7.5, alignment: opts.align?.[k] ?? 'left' }));
  const body = opts.body.map((row) =>
    row.map((cell, k) => {
      const a = opts.align?.[k];
      if (a === undefined || a === 'left') return cell;
      if (typeof cell === 'string') return { text: cell, alignment: a };
      // Leave colSpan placeholders ({}) and cells that chose their own alignment alone.
      if (Array.isArray(cell) || Object.keys(cell).length === 0 || 'alignment' in cell) return cell;
      return { ...cell, alignment: a };
    }),
  );
  return {
    table: { headerRows: 2, keepWithHeaderRows: 1, dontBreakRows: true, widths: opts.widths, body: [captionRow, headRow, ...body] },
    layout: captionedLayout,
    fontSize: 8,
    lineHeight: 1,
  };
}

type LayoutNode = { table: { body: unknown[] } };
const captionedLayout = {
  hLineWidth: (i: number, node: LayoutNode): number => (i <= 1 ? 0 : i === 2 || i === node.table.body.length ? 0.8 : 0.3),
  vLineWidth: (): number => 0,
  hLineColor: (i: number, node: LayoutNode): string => (i === 2 || i === node.table.body.length ? palette.rule : palette.faint),
  fillColor: (row: number): string | null => (row === 0 ? null : row === 1 ? palette.head : row % 2 === 1 ? palette.zebra : null),
  paddingLeft: (i: number): number => (i === 0 ? 3 : 4),
  paddingRight: (): number => 4,
  paddingTop: (row: number): number => (row === 0 ? 0 : 1.5),
  paddingBottom: (row: number): number => (row === 0 ? 4 : 1.5),
};

function captionNode(title: string, note?: string): Node {
  const stack: Node[] = [{ text: title, style: 'h2' }];
  if (note !== undefined) stack.push({ text: note, style: 'note', margin: [0, 2, 0, 0] });
  return { stack, margin: [0, 0, 0, 0] };
}

// ---------------------------------------------------------------------------------------------
// Page 1: summary
// ---------------------------------------------------------------------------------------------

function subjectLine(c: Ctx): string {
  const s = c.input.subject;
  const parts: string[] = [];
  if (s.kind === 'government') {
    parts.push(typeName(s.type, c.lang));
    if (s.provinceName !== null && s.type !== 'provinsi') parts.push(c.t('rapor.subject.province', { name: s.provinceName }));
  } else {
    parts.push(typeName(s.sector, c.lang), s.governmentName);
    if (s.provinceName !== null) parts.push(c.t('rapor.subject.province', { name: s.provinceName }));
  }
  return parts.join(' · ');
}

/** The scheme's title, and the cycle's name unless the title already says it. */
function schemeLine(c: Ctx): string {
  const title = c.input.cycle.schemeTitle[c.lang];
  const name = c.input.cycle.name;
  return title.toLowerCase().includes(name.toLowerCase()) ? title : `${title} · ${name}`;
}

/** "Rapor Hasil Penilaian", or in the scheme's words "Rapor Hasil Evaluasi PEKPPP". */
function raporTitle(c: Pick<Ctx, 't' | 'lang' | 'isGovernment'> & { input: Pick<RaporInput, 'terms'> }): string {
  const programme = c.input.terms?.programme[c.lang];
  if (programme === undefined) return c.isGovernment ? c.t('rapor.title') : c.t('rapor.title.unit');
  return c.isGovernment ? c.t('rapor.title.programme', { programme }) : c.t('rapor.title.programme.unit', { programme });
}

function titleBlock(c: Ctx): Node[] {
  const { input } = c;
  return [
    {
      text: raporTitle(c).toUpperCase(),
      fontSize: 9,
      bold: true,
      color: palette.muted,
    },
    { text: schemeLine(c), fontSize: 10, color: palette.muted, margin: [0, 2, 0, 6] },
    { text: input.subject.name, style: 'h1' },
    { text: subjectLine(c), fontSize: 10.5, margin: [0, 2, 0, 10] },
  ];
}

function provisionalBanner(c: Ctx, text = c.t('rapor.provisional.banner')): Node {
  return {
    table: {
      widths: ['*'],
      body: [[{ text, bold: true, fontSize: 9.5, margin: [4, 3, 4, 3] }]],
    },
    layout: {
      hLineWidth: (): number => 1.6,
      vLineWidth: (): number => 1.6,
      hLineColor: (): string => palette.text,
      vLineColor: (): string => palette.text,
      fillColor: (): string => '#eeeeee',
    },
    margin: [0, 0, 0, 10],
  };
}

function scoreBox(c: Ctx): Node {
  const { input, t } = c;
  const band: BandRef = input.band;
  const zone = band.zone === undefined ? null : t('rapor.zone', { zone: zoneName(band.zone, c.lang) });
  const qualifiers = input.qualifiers.map((q) => ({
    text: `${t('rapor.qualifier')}: ${q.label[c.lang]} — ${q.applies ? t('rapor.qualifier.applies') : t('rapor.qualifier.not')}`,
    fontSize: 8,
    margin: [0, 3, 0, 0],
  }));
  const scoreCell: Node = {
    stack: [
      { text: c.term('score', t('rapor.score')), fontSize: 8, color: palette.muted },
      { text: c.n(input.score), fontSize: 38, bold: true, color: palette.ink, margin: [0, -2, 0, -4] },
      { text: t('rapor.score.of', { max: c.n(c.resultMax) }), fontSize: 8, color: palette.muted },
    ],
    margin: [8, 6, 8, 6],
  };
  const bandCellNode: Node = {
    stack: [
      { text: c.term('band', t('rapor.band')), fontSize: 8, color: palette.muted },
      { text: band.code, fontSize: 26, bold: true, margin: [0, -1, 0, -2] },
      { text: band.label[c.lang], fontSize: 12, bold: true },
      ...(zone === null ? [] : [{ text: zone, fontSize: 9, margin: [0, 2, 0, 0] }]),
      ...(band.group === undefined ? [] : [{ text: band.group[c.lang], fontSize: 8.5, italics: true }]),
      ...qualifiers,
    ],
    fillColor: tint(band.color, 0.25),
    margin: [8, 6, 8, 6],
  };
  const s = input.subject;
  const nationalLabel =
    s.kind === 'government'
      ? t('rapor.rank.national.type', { type: groupName(s.type, c.lang) })
      : t('rapor.rank.national.type', { type: typeName(s.sector, c.lang) });
  const ranks: Node[] = [rankBlock(nationalLabel, input.ranks.national, c)];
  if (input.ranks.province !== undefined && s.provinceName !== null) {
    const province = t('rapor.subject.province', { name: s.provinceName });
    ranks.push(rankBlock(t('rapor.rank.province', { province }), input.ranks.province, c));
  }
  return {
    table: { widths: [150, 165, '*'], body: [[scoreCell, bandCellNode, { stack: ranks, margin: [8, 6, 8, 0] }]] },
    layout: {
      hLineWidth: (): number => 0.8,
      vLineWidth: (): number => 0.8,
      hLineColor: (): string => palette.rule,
      vLineColor: (): string => palette.rule,
      paddingLeft: (): number => 0,
      paddingRight: (): number => 0,
      paddingTop: (): number => 0,
      paddingBottom: (): number => 0,
    },
  };
}

function publicationLines(c: Ctx): Node[] {
  const snap = c.input.snapshot;
  if (snap === null) return [];
  return [
    {
      text: [
        c.t('rapor.published', { date: formatDate(snap.publishedAt, c.lang, c.input.zone), version: snap.version, id: snap.id }),
        '\n',
        c.t('rapor.verify', { url: snap.url }),
      ],
      style: 'note',
      margin: [0, 6, 0, 0],
    },
  ];
}

/** Why a unit cannot be published yet: missing indicators and/or instruments under quota. */
function incompleteWarnings(c: Ctx): Node[] {
  const list = (codes: readonly string[]): string => codes.slice(0, 12).join(', ') + (codes.length > 12 ? ', …' : '');
  return c.input.units
    .filter((u) => !u.breakdown.complete)
    .map((u) => {
      const parts = [`${u.name}: ${c.t('rapor.incomplete')}`];
      const { missing, incompleteInstruments } = u.breakdown;
      if (missing.length > 0) parts.push(c.t('rapor.incomplete.missing', { n: missing.length, codes: list(missing) }));
      if (incompleteInstruments.length > 0) parts.push(c.t('rapor.incomplete.instruments', { codes: list(incompleteInstruments) }));
      return { text: parts.join(' '), fontSize: 8.5, bold: true, margin: [0, 4, 0, 0] };
    });
}

/** "Nilai per dimensi", or in the scheme's words "IPP per aspek". */
function dimensionsTitle(c: Ctx): string {
  const terms = c.input.terms;
  if (terms === undefined) return c.t('rapor.section.dimensions');
  return c.t('rapor.section.by', { score: terms.score[c.lang], dimension: terms.dimensions[c.lang].toLowerCase() });
}

function dimensionSection(c: Ctx): Node[] {
  const rows = dimensionRows(c.input.units);
  const variant = c.input.chart ?? 'bar';
  // The radar's side labels have little room: the weight is in the table beside it.
  const label = (r: DimensionRow): string => (variant === 'radar' ? r.title[c.lang] : `${r.title[c.lang]} (${c.n(r.weight)}%)`);
  const chartDims: ChartDimension[] = rows.map((r) => ({ label: label(r), score: r.score, max: c.resultMax }));
  // Bar: full width above the table. Radar: a square beside the table, so page 1 still holds
  // the unit list.
  const chartWidth = variant === 'radar' ? 250 : CONTENT_WIDTH;
  const chartHeight = variant === 'radar' ? 200 : 26 * rows.length + 30;
  const svg = renderDimensionChart(chartDims, { variant, lang: c.lang, width: chartWidth, height: chartHeight });
  const totalPoints = rows.reduce((s, r) => s + r.points, 0);
  const totalLost = rows.reduce((s, r) => s + r.pointsLost, 0);
  const body: Node[][] = rows.map((r) => [r.title[c.lang], c.n(r.weight), c.n(r.score), c.n(r.points), c.n(r.pointsLost)]);
  body.push([
    { text: c.term('score', c.t('rapor.score')), bold: true },
    { text: c.n(rows.reduce((s, r) => s + r.weight, 0)), bold: true },
    '',
    { text: c.n(totalPoints), bold: true },
    { text: c.n(totalLost), bold: true },
  ]);
  const note = c.isGovernment ? c.t('rapor.section.dimensions.note.government') : c.t('rapor.section.dimensions.note.unit');
  const table = captionedTable({
    caption: { text: note, style: 'note' },
    widths: variant === 'radar' ? ['*', 36, 36, 36, 40] : ['*', 60, 60, 60, 60],
    head: [
      c.term('dimension', c.t('col.dimension')),
      c.t('col.weight'),
      c.term('score', c.t('col.score')),
      c.t('col.points'),
      c.t('col.pointsLost'),
    ],
    body,
    align: ['left', 'right', 'right', 'right', 'right'],
  });
  if (variant === 'radar') {
    return [
      {
        stack: [
          sectionTitle(dimensionsTitle(c)),
          {
            columns: [
              { svg, width: chartWidth },
              { stack: [table], width: '*', margin: [0, 30, 0, 0] },
            ],
            columnGap: 10,
          },
        ],
        unbreakable: true,
      },
    ];
  }
  return [
    {
      stack: [sectionTitle(dimensionsTitle(c)), { svg, width: chartWidth, alignment: 'center', margin: [0, 2, 0, 4] }],
      unbreakable: true,
    },
    table,
  ];
}

function sortedUnits(units: readonly ReportUnit[]): ReportUnit[] {
  return [...units].sort((a, b) => b.score - a.score || a.name.localeCompare(b.name, 'id'));
}

function unitsSection(c: Ctx): Node[] {
  if (!c.isGovernment) return [];
  const body: Node[][] = sortedUnits(c.input.units).map((u, k) => [
    String(k + 1),
    u.name,
    typeName(u.sector, c.lang),
    { text: c.n(u.score), bold: true },
    bandCell(u.band, c.lang),
    u.breakdown.complete ? c.t('status.complete') : { text: c.t('status.incomplete'), bold: true },
  ]);
  return [
    { text: '', margin: [0, 6, 0, 0] },
    captionedTable({
      caption: captionNode(c.t('rapor.section.units')),
      widths: [14, '*', 100, 36, 96, 58],
      head: [
        c.t('col.no'),
        c.t('col.unit'),
        c.t('col.sector'),
        c.term('score', c.t('col.score')),
        c.term('band', c.t('col.band')),
        c.t('col.status'),
      ],
      body,
      align: ['right', 'left', 'left', 'right', 'left', 'left'],
    }),
  ];
}

// ---------------------------------------------------------------------------------------------
// Claimed against verified (PEKPPP F-01 vs F-02) and the public questionnaire beside the result
// ---------------------------------------------------------------------------------------------

const signed = (x: number, n: (x: number) => string): string => (x > 0 ? `+${n(x)}` : n(x));

/** Per unit: each aspect's score claimed (F-01) and verified (F-02), then the indicators where they differ. */
function claimSection(c: Ctx): Node[] {
  const claims = c.input.claims ?? [];
  if (claims.length === 0) return [];
  const score = c.term('score', c.t('rapor.score'));
  const out: Node[] = [];
  // The section's title and note stay on the page of the first unit's aspect table.
  let heading: Node[] = [
    sectionTitle(c.t('rapor.section.claims'), [0, 16, 0, 2]),
    { text: c.t('rapor.section.claims.note', { score }), style: 'note' },
  ];
  for (const { unit, comparison: cmp } of claims) {
    const body: Node[][] = cmp.dimensions.map((d) => [
      d.title[c.lang],
      c.n(d.claimedScore),
      c.n(d.verifiedScore),
      { text: signed(d.difference, c.n), bold: d.difference > 0.005 },
    ]);
    body.push([
      { text: score, bold: true },
      { text: `${c.n(cmp.claimedScore)} · ${cmp.claimedBand.code}`, bold: true },
      { text: `${c.n(cmp.verifiedScore)} · ${cmp.verifiedBand.code}`, bold: true },
      { text: signed(cmp.difference, c.n), bold: true },
    ]);
    const differing = cmp.dimensions.flatMap((d) => d.indicators.filter((i) => i.status === 'over' || i.status === 'under'));
    const summary =
      differing.length === 0
        ? c.t('rapor.section.claims.none')
        : c.t('rapor.section.claims.indicators', { n: differing.length, over: cmp.counts.over, under: cmp.counts.under });
    const aspects = captionedTable({
      caption: captionNode(claims.length > 1 || c.isGovernment ? unit : '', summary),
      widths: ['*', 70, 70, 60],
      head: [c.term('dimension', c.t('col.dimension')), c.t('col.claimed'), c.t('col.verified'), c.t('col.difference')],
      body,
      align: ['left', 'right', 'right', 'right'],
    });
    out.push({ stack: [...heading, { text: '', margin: [0, 6, 0, 0] }, aspects], unbreakable: true });
    heading = [];
    if (differing.length > 0) {
      out.push(
        captionedTable({
          caption: { text: '', margin: [0, 2, 0, 0] },
          widths: [26, '*', 40, 48, 44],
          head: [c.t('col.code'), c.t('col.indicator'), c.t('col.claimed'), c.t('col.verified'), c.t('col.difference')],
          body: differing.map((i) => [
            { text: i.code, bold: true },
            { text: i.text[c.lang], fontSize: 8 },
            c.n(i.claimed ?? 0),
            c.n(i.verified ?? 0),
            { text: signed(i.difference ?? 0, c.n), bold: (i.difference ?? 0) > 0 },
          ]),
          align: ['left', 'left', 'right', 'right', 'right'],
        }),
      );
    }
  }
  return out;
}

/** Per unit with respondents: the public questionnaire (F-03) per aspect, beside the result. */
function supplementSection(c: Ctx): Node[] {
  const rows = (c.input.supplements ?? []).filter((s) => s.summary.respondents > 0);
  if (rows.length === 0) return [];
  const score = c.term('score', c.t('rapor.score'));
  const out: Node[] = [];
  for (const { unit, summary } of rows) {
    const title = c.t('rapor.section.supplement', {
      title: summary.title[c.lang],
      respondents: formatInteger(summary.respondents, c.lang),
      target: formatInteger(summary.target, c.lang),
    });
    out.push(
      captionedTable({
        caption: captionNode(c.isGovernment ? `${unit} — ${title}` : title, c.t('rapor.section.supplement.note', { score })),
        widths: ['*', 60, 60],
        head: [c.term('dimension', c.t('col.dimension')), c.t('col.mean'), c.t('col.indicators')],
        body: [
          ...summary.dimensions.map((d) => [d.title[c.lang], d.mean === null ? '—' : c.n(d.mean), formatInteger(d.items, c.lang)]),
          [
            { text: summary.title[c.lang], bold: true },
            { text: summary.mean === null ? '—' : c.n(summary.mean), bold: true },
            formatInteger(summary.items.length, c.lang),
          ],
        ],
        align: ['left', 'right', 'right'],
      }),
    );
  }
  return [{ text: '', margin: [0, 8, 0, 0] }, ...out];
}

// ---------------------------------------------------------------------------------------------
// Per-unit indicator tables
// ---------------------------------------------------------------------------------------------

function unitIndicatorTable(u: ReportUnit, index: number, c: Ctx): Node {
  const b: UnitScore = u.breakdown;
  const body: Node[][] = [];
  for (const d of b.dimensions) {
    body.push([
      {
        text: [
          { text: d.title[c.lang], bold: true },
          {
            text: `  ·  ${c.t('col.weight')} ${c.n(d.weight)}  ·  ${c.t('col.score')} ${c.n(d.score)}  ·  ${c.t('col.points')} ${c.n(d.points)}  ·  ${c.t('col.pointsLost')} ${c.n(d.pointsLost)}`,
          },
        ],
        colSpan: 7,
        fillColor: '#dde3e8',
        fontSize: 8,
      },
      {},
      {},
      {},
      {},
      {},
      {},
    ]);
    for (const v of d.variables) {
      if (d.variables.length > 1 || v.title[c.lang] !== d.title[c.lang]) {
        body.push([{ text: v.title[c.lang], italics: true, colSpan: 7, fontSize: 7.5, color: palette.muted }, {}, {}, {}, {}, {}, {}]);
      }
      for (const i of v.indicators) {
        body.push([
          { text: i.code, bold: true },
          i.text[c.lang],
          i.value === null ? { text: c.t('value.missing'), italics: true, alignment: 'right' } : c.n(i.value),
          i.percentage === null ? '–' : c.n(i.percentage),
          c.n(i.weight),
          c.n(i.points),
          i.pointsLost > 0.005 ? { text: c.n(i.pointsLost), bold: true } : c.n(i.pointsLost),
        ]);
      }
    }
  }
  const heading: Node = {
    stack: [
      {
        text: `${c.t('rapor.section.indicators')}${c.isGovernment ? ` — ${index + 1}/${c.input.units.length}` : ''}`,
        fontSize: 8,
        color: palette.muted,
      },
      { text: u.name, style: 'h2' },
      {
        text: `${typeName(u.sector, c.lang)} · ${c.t('col.score')} ${c.n(u.score)} · ${bandText(u.band, c.lang)}${u.band.zone === undefined ? '' : ` · ${c.t('rapor.zone', { zone: zoneName(u.band.zone, c.lang) })}`}${u.breakdown.complete ? '' : ` · ${c.t('status.incomplete')}`}`,
        fontSize: 9,
        margin: [0, 1, 0, 0],
      },
    ],
  };
  return captionedTable({
    caption: heading,
    widths: [24, '*', 38, 36, 38, 32, 38],
    head: [
      c.t('col.code'),
      c.t('col.indicator'),
      c.t('col.value'),
      c.t('col.percentage'),
      c.t('col.weight'),
      c.t('col.points'),
      c.t('col.pointsLost'),
    ],
    body,
    align: ['left', 'left', 'right', 'right', 'right', 'right', 'right'],
  });
}

function indicatorSections(c: Ctx, layout: GovernmentLayout): Node[] {
  if (c.isGovernment && layout === 'matrix') return matrixSections(c);
  const out: Node[] = [];
  const units = c.isGovernment ? sortedUnits(c.input.units) : c.input.units;
  units.forEach((u, k) => {
    out.push({ text: '', pageBreak: 'before' });
    if (k === 0) out.push({ text: c.t('rapor.section.indicators.note'), style: 'note', margin: [0, 0, 0, 6] });
    out.push(unitIndicatorTable(u, k, c));
  });
  return out;
}

/**
 * How a government rapor shows its indicators: 'matrix' (default) is ONE table, rows =
 * indicators grouped by dimension, columns = units (by their number in the unit table) and the
 * government, cells = points lost; 'per-unit' is the older detailed table per unit (one page
 * each), kept as the benchmark's baseline. A unit rapor always has the detailed table.
 */
export type GovernmentLayout = 'matrix' | 'per-unit';

/** Units per matrix table; more units continue in a second table with the next columns. */
const MATRIX_UNITS_PER_TABLE = 8;
const MATRIX_CODE_WIDTH = 20;
const MATRIX_CELL_WIDTH = 31;
/** Points lost from which a cell is shaded (on the 100-point scale; scaled for others). */
const MATRIX_SHADE_FROM = 1.5;

const matrixLayout = {
  hLineWidth: (i: number, node: LayoutNode): number => (i <= 1 ? 0 : i === 2 || i === node.table.body.length ? 0.8 : 0.25),
  vLineWidth: (): number => 0,
  hLineColor: (): string => palette.rule,
  paddingLeft: (): number => 2,
  paddingRight: (): number => 2,
  paddingTop: (row: number): number => (row === 0 ? 0 : 1),
  paddingBottom: (row: number): number => (row === 0 ? 4 : 1),
};

function matrixSections(c: Ctx): Node[] {
  const units = sortedUnits(c.input.units);
  const totalWeight = units.reduce((s, u) => s + u.breakdown.weight, 0) || 1;
  const scale = c.resultMax / 100;
  const shadeFrom = MATRIX_SHADE_FROM * scale;
  const dot = '·';
  const dash = '—';
  const cellOf = (lost: number | null, bold = false): Node => {
    if (lost === null) return { text: dash, alignment: 'right' };
    if (lost < 0.005) return { text: dot, alignment: 'right', color: palette.muted };
    const node: { [k: string]: unknown } = { text: c.n(lost), alignment: 'right' };
    if (bold) node.bold = true;
    if (lost >= shadeFrom) {
      node.fillColor = '#bfbfbf';
      node.bold = true;
    }
    return node;
  };
  // Indicator rows come from the first unit's breakdown (every unit has the scheme's indicators).
  const first = units[0]!.breakdown;
  const out: Node[] = [{ text: '', pageBreak: 'before' }];
  for (let start = 0; start < units.length; start += MATRIX_UNITS_PER_TABLE) {
    const chunk = units.slice(start, start + MATRIX_UNITS_PER_TABLE);
    const last = start + MATRIX_UNITS_PER_TABLE >= units.length;
    const cols = chunk.length + (last ? 1 : 0);
    const textWidth = CONTENT_WIDTH - MATRIX_CODE_WIDTH - cols * MATRIX_CELL_WIDTH - 4 * (cols + 2);
    const widths = [MATRIX_CODE_WIDTH, textWidth, ...Array<number>(cols).fill(MATRIX_CELL_WIDTH)];
    const span = widths.length;
    const filler = (n: number): Node[] => Array.from({ length: n }, () => ({}));
    const body: Node[][] = [];
    body.push([
      {
        stack: [
          { text: c.t('rapor.section.matrix'), style: 'h2' },
          { text: c.t('rapor.section.matrix.note', { n: units.length, threshold: c.n(shadeFrom) }), style: 'note', margin: [0, 2, 0, 0] },
        ],
        colSpan: span,
      },
      ...filler(span - 1),
    ]);
    body.push([
      { text: c.t('col.code'), bold: true },
      { text: c.t('col.indicator'), bold: true },
      ...chunk.map((_, k) => ({ text: String(start + k + 1), bold: true, alignment: 'right' })),
      ...(last ? [{ text: c.t('col.government'), bold: true, alignment: 'right' }] : []),
    ]);
    first.dimensions.forEach((d, di) => {
      const govLost = units.reduce((s, u) => s + (u.breakdown.weight / totalWeight) * (u.breakdown.dimensions[di]?.pointsLost ?? 0), 0);
      body.push([
        { text: `${d.title[c.lang]} (${c.n(d.weight)}%)`, colSpan: 2, bold: true, fillColor: palette.head },
        {},
        ...chunk.map((u) => ({
          ...(cellOf(u.breakdown.dimensions[di]?.pointsLost ?? null, true) as object),
          fillColor: palette.head,
          color: palette.text,
        })),
        ...(last ? [{ ...(cellOf(govLost, true) as object), fillColor: palette.head, color: palette.text }] : []),
      ]);
      d.variables.forEach((v, vi) => {
        v.indicators.forEach((ind, ii) => {
          let gov = 0;
          let any = false;
          const cells = chunk.map((u) => {
            const x = u.breakdown.dimensions[di]?.variables[vi]?.indicators[ii];
            if (x === undefined || x.value === null) return cellOf(null);
            return cellOf(x.pointsLost);
          });
          if (last) {
            for (const u of units) {
              const x = u.breakdown.dimensions[di]?.variables[vi]?.indicators[ii];
              if (x === undefined || x.value === null) continue;
              any = true;
              gov += (u.breakdown.weight / totalWeight) * x.pointsLost;
            }
          }
          body.push([
            { text: ind.code, bold: true },
            { text: ind.text[c.lang], fontSize: 6.5 },
            ...cells,
            ...(last ? [any ? cellOf(gov, true) : cellOf(null)] : []),
          ]);
        });
      });
    });
    // Totals: each unit's points lost overall, and the government's.
    const govTotal = units.reduce(
      (s, u) => s + (u.breakdown.weight / totalWeight) * u.breakdown.dimensions.reduce((a, d) => a + d.pointsLost, 0),
      0,
    );
    body.push([
      { text: c.t('col.pointsLost'), colSpan: 2, bold: true },
      {},
      ...chunk.map((u) => ({ text: c.n(u.breakdown.dimensions.reduce((a, d) => a + d.pointsLost, 0)), bold: true, alignment: 'right' })),
      ...(last ? [{ text: c.n(govTotal), bold: true, alignment: 'right' }] : []),
    ]);
    out.push({
      table: { headerRows: 2, keepWithHeaderRows: 1, widths, body },
      layout: matrixLayout,
      fontSize: 7,
      lineHeight: 1,
      margin: [0, start === 0 ? 0 : 10, 0, 0],
    });
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Improvements, evidence, assumptions
// ---------------------------------------------------------------------------------------------

function improvementSection(c: Ctx, breakBefore: boolean): Node[] {
  const limit = c.input.improvementLimit ?? DEFAULT_IMPROVEMENT_LIMIT;
  const { shown, total } = selectImprovements(c.input.improvements, c.isGovernment, limit);
  const title = c.t('rapor.section.improvements');
  const note = c.isGovernment ? c.t('rapor.section.improvements.note.government') : c.t('rapor.section.improvements.note.unit');
  if (shown.length === 0) {
    return [
      {
        stack: [sectionTitle(title, [0, breakBefore ? 0 : 12, 0, 4]), { text: c.t('rapor.section.improvements.none'), fontSize: 9 }],
        ...(breakBefore ? { pageBreak: 'before' } : {}),
      },
    ];
  }
  const level = (x: number | null): string => (x === null ? c.t('value.missing') : c.n(x));
  const indicatorCell = (i: ReportImprovement): Node => ({
    stack: [{ text: i.text[c.lang] }, { text: i.descriptor[c.lang], italics: true, color: palette.muted, fontSize: 7 }],
  });
  const body: Node[][] = shown.map((i, k) =>
    c.isGovernment
      ? [
          String(k + 1),
          i.unit ?? '',
          { text: i.indicator, bold: true },
          indicatorCell(i),
          level(i.from),
          String(i.to),
          { text: formatGain(i.governmentGain, c.lang), bold: true },
          formatGain(i.unitGain, c.lang),
        ]
      : [
          String(k + 1),
          { text: i.indicator, bold: true },
          indicatorCell(i),
          level(i.from),
          String(i.to),
          { text: formatGain(i.unitGain, c.lang), bold: true },
        ],
  );
  const more =
    total > shown.length
      ? [{ text: c.t('rapor.section.improvements.more', { shown: shown.length, total }), style: 'note', margin: [0, 3, 0, 0] }]
      : [];
  const table = c.isGovernment
    ? captionedTable({
        caption: captionNode(title, note),
        widths: [14, 76, 24, '*', 38, 28, 44, 40],
        head: [
          c.t('col.no'),
          c.t('col.unit'),
          c.t('col.code'),
          c.t('col.indicator'),
          c.t('col.current'),
          c.t('col.target'),
          c.t('col.governmentGain'),
          c.t('col.unitGain'),
        ],
        body,
        align: ['right', 'left', 'left', 'left', 'right', 'right', 'right', 'right'],
      })
    : captionedTable({
        caption: captionNode(title, note),
        widths: [14, 22, '*', 44, 34, 56],
        head: [c.t('col.no'), c.t('col.code'), c.t('col.indicator'), c.t('col.current'), c.t('col.target'), c.t('col.unitGain')],
        body,
        align: ['right', 'left', 'left', 'right', 'right', 'right'],
      });
  return [breakBefore ? { text: '', pageBreak: 'before' } : { text: '', margin: [0, 12, 0, 0] }, table, ...more];
}

function evidenceSection(c: Ctx): Node[] {
  const rows = c.input.evidence;
  const title = c.t('rapor.section.evidence');
  if (rows.length === 0) {
    return [{ stack: [sectionTitle(title), { text: c.t('rapor.section.evidence.none'), fontSize: 9 }], unbreakable: true }];
  }
  const files = rows.reduce((s, r) => s + r.files, 0);
  const indicators = new Set(rows.map((r) => `${r.unit ?? ''}\u0000${r.indicator}`)).size;
  const kindList = (kinds: Iterable<EvidenceKind>): string => [...new Set(kinds)].map((k) => evidenceKindName(k, c.lang)).join(', ');
  const note = c.t('rapor.section.evidence.total', { files: formatInteger(files, c.lang), indicators: formatInteger(indicators, c.lang) });
  const spacer: Node = { text: '', margin: [0, 10, 0, 0] };
  if (!c.isGovernment) {
    // One unit: one row per indicator with evidence.
    return [
      spacer,
      captionedTable({
        caption: captionNode(title, note),
        widths: [22, '*', 30, 130],
        head: [c.t('col.code'), c.t('col.indicator'), c.t('col.files'), c.t('col.kinds')],
        body: rows.map((r) => [{ text: r.indicator, bold: true }, r.text[c.lang], formatInteger(r.files, c.lang), kindList(r.kinds)]),
        align: ['left', 'left', 'right', 'left'],
      }),
    ];
  }
  // A government: one row per unit (indicators with evidence of all, files, kinds, codes), so
  // the summary stays a summary; the full list is on the unit rapor and the government page.
  const body: Node[][] = sortedUnits(c.input.units).map((u) => {
    const mine = rows.filter((r) => r.unit === u.name);
    const all = u.breakdown.dimensions.reduce((n, d) => n + d.variables.reduce((m, v) => m + v.indicators.length, 0), 0);
    const codes = [...new Set(mine.map((r) => r.indicator))];
    return [
      u.name,
      { text: `${formatInteger(codes.length, c.lang)} / ${formatInteger(all, c.lang)}` },
      formatInteger(
        mine.reduce((s, r) => s + r.files, 0),
        c.lang,
      ),
      kindList(mine.flatMap((r) => r.kinds)),
      { text: codes.join(', '), fontSize: 7 },
    ];
  });
  return [
    spacer,
    captionedTable({
      caption: captionNode(title, note),
      widths: [112, 40, 32, 128, '*'],
      head: [c.t('col.unit'), c.t('col.indicators'), c.t('col.files'), c.t('col.kinds'), c.t('col.codes')],
      body,
      align: ['left', 'right', 'right', 'left', 'left'],
    }),
  ];
}

function assumptionSection(c: Ctx): Node[] {
  const title = c.t('rapor.section.assumptions');
  const list = c.input.assumptions;
  const method: Node = {
    text: [{ text: `${c.t('rapor.section.method')}. `, bold: true }, c.t('rapor.section.method.text', { scheme: c.input.cycle.schemeId })],
    fontSize: 8,
    margin: [0, 3, 0, 0],
  };
  if (list.length === 0) {
    return [{ stack: [sectionTitle(title), { text: c.t('rapor.section.assumptions.none'), fontSize: 9 }, method], unbreakable: true }];
  }
  const body: Node[][] = list.map((a, k) => [
    String(k + 1),
    {
      stack: [
        { text: a.note[c.lang], fontSize: 8.5 },
        { text: a.path, fontSize: 6.5, color: palette.muted, margin: [0, 1, 0, 0] },
      ],
    },
  ]);
  return [
    { text: '', margin: [0, 10, 0, 0] },
    captionedTable({
      caption: { stack: [captionNode(title, c.t('rapor.section.assumptions.note', { scheme: c.input.cycle.schemeId })), method] },
      widths: [14, '*'],
      head: [c.t('col.no'), c.t('col.note')],
      body,
      align: ['right', 'left'],
    }),
  ];
}

// ---------------------------------------------------------------------------------------------
// Document
// ---------------------------------------------------------------------------------------------

/** The issuing institution: the caller's, the scheme's (KemenPANRB for PEKPPP), else Ombudsman RI. */
function issuerOf(input: RaporInput, lang: Lang, t: Translate): string {
  return input.issuer?.[lang] ?? input.terms?.issuer[lang] ?? t('org.name');
}

function pageHeader(c: Ctx): (page: number) => Node {
  const right = `${c.input.cycle.name} · ${c.input.subject.name}`;
  return () => ({
    stack: [
      {
        columns: [
          { text: issuerOf(c.input, c.lang, c.t), bold: true, fontSize: 8, color: palette.ink, width: 'auto' },
          { text: right, fontSize: 8, color: palette.muted, alignment: 'right', width: '*' },
        ],
        columnGap: 12,
      },
      { canvas: [{ type: 'line', x1: 0, y1: 3, x2: CONTENT_WIDTH, y2: 3, lineWidth: 0.8, lineColor: palette.ink }] },
    ],
    margin: [PAGE_MARGINS[0], 24, PAGE_MARGINS[2], 0],
  });
}

function pageFooter(c: Ctx): (page: number, pages: number) => Node {
  const snap = c.input.snapshot;
  const generated = c.t('rapor.generated', { date: localDateTime(toDate(c.input.generatedAt), c.lang, c.input.zone) });
  const left =
    snap === null
      ? [{ text: c.t('rapor.provisional'), bold: true }, `  ·  ${generated}`]
      : snap.supersededBy
        ? [{ text: c.t('rapor.superseded.short'), bold: true }, `  ·  snapshot ${snap.id} v${snap.version}  ·  ${generated}`]
        : [`snapshot ${snap.id} v${snap.version}  ·  ${generated}`];
  return (page, pages) => ({
    columns: [
      { text: left, fontSize: 7.5, color: palette.muted, width: '*' },
      { text: c.t('rapor.page', { page, pages }), fontSize: 8, alignment: 'right', width: 'auto' },
    ],
    margin: [PAGE_MARGINS[0], 16, PAGE_MARGINS[2], 0],
  });
}

function context(input: RaporInput): Ctx {
  if (input.units.length === 0) throw new RangeError('renderRapor: a rapor needs at least one unit');
  const lang = input.language ?? 'id';
  return {
    lang,
    t: translator(lang),
    n: (x) => formatNumber(x, lang),
    input,
    resultMax: resultMaxOf(input.units),
    isGovernment: input.subject.kind === 'government',
    term: (key, fallback) => input.terms?.[key][lang] ?? fallback,
  };
}

function pageSetup(c: Ctx): Omit<DocumentDefinition, 'content'> {
  return {
    pageSize: 'A4',
    pageOrientation: 'portrait',
    pageMargins: [...PAGE_MARGINS],
    header: pageHeader(c),
    footer: pageFooter(c),
    ...(c.input.snapshot === null
      ? { watermark: { text: c.t('rapor.provisional'), color: '#000000', opacity: 0.06, bold: true, fontSize: 90 } }
      : {}),
    defaultStyle: { font: 'Roboto', fontSize: 9, color: palette.text, lineHeight: 1.12 },
    styles: {
      h1: { fontSize: 22, bold: true, color: palette.ink },
      h2: { fontSize: 12, bold: true, color: palette.ink },
      note: { fontSize: 7.5, color: palette.muted, italics: true },
    },
  };
}

/** The pdfmake document of a rapor (`layout`: a government's indicator section, see GovernmentLayout). */
export function buildRaporDocument(input: RaporInput, layout: GovernmentLayout = 'matrix'): DocumentDefinition {
  const c = context(input);
  const matrix = c.isGovernment && layout === 'matrix';
  const content: Node[] = [
    ...titleBlock(c),
    ...(input.snapshot === null ? [provisionalBanner(c)] : []),
    ...(input.snapshot?.supersededBy
      ? [
          provisionalBanner(
            c,
            c.t('rapor.superseded', { version: input.snapshot.supersededBy.version, url: input.snapshot.supersededBy.url }),
          ),
        ]
      : []),
    ...(input.mandiri ? [provisionalBanner(c, mandiriNote(input.mandiri, c.lang, input.terms?.issuerShort[c.lang]))] : []),
    scoreBox(c),
    ...publicationLines(c),
    ...incompleteWarnings(c),
    ...dimensionSection(c),
    ...unitsSection(c),
    ...claimSection(c),
    ...supplementSection(c),
    ...indicatorSections(c, layout),
    ...improvementSection(c, !matrix),
    ...evidenceSection(c),
    ...assumptionSection(c),
  ];
  return { ...pageSetup(c), content };
}

/**
 * The benchmark's baseline (bench/reports.ts): a one-page document with the same page setup
 * (fonts, header, footer, watermark) and the same table machinery (the unit table), but no
 * chart and no per-indicator pages.
 */
export function buildBaselineDocument(input: RaporInput): DocumentDefinition {
  const c = context(input);
  return { ...pageSetup(c), content: [...titleBlock(c), ...unitsSection({ ...c, isGovernment: true })] };
}

/** Render the rapor of a government (its units inside) or of one unit, as a PDF buffer. */
export async function renderRapor(input: RaporInput, layout: GovernmentLayout = 'matrix'): Promise<Buffer> {
  const lang = input.language ?? 'id';
  const t = translator(lang);
  const doc = buildRaporDocument(input, layout);
  const heading = raporTitle({ t, lang, isGovernment: input.subject.kind === 'government', input });
  const title = `${heading} — ${input.subject.name} — ${input.cycle.name}`;
  return renderPdf(doc, { title, createdAt: input.generatedAt, lang, author: issuerOf(input, lang, t) });
}
