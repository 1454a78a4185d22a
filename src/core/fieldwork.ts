/**
 * Anti-fabrication checks of fieldwork sheets (issue 13 §4), over plain inputs: sheet timing,
 * positions, hashed respondent keys, answer vectors, unit coordinates and the cycle's dates.
 * Every threshold comes from the library file (`Scheme.fieldwork`, `Instrument.fieldwork`);
 * an instrument or scheme without them is simply not checked for that rule. Each flag names
 * its sheet, a stable code, a severity and a reason in both languages. Pure; no I/O, no clock.
 */
import { CoreError } from './errors.ts';
import { checkOffset, DAY, formatDate, type Instant, localMidnight, MINUTE, parseDate, toMs } from './time.ts';
import type { FieldworkFlag, FieldworkFlagCode, FieldworkInput, FieldworkSheetInput, GeoPoint, Scheme, Text } from './types.ts';

/** Mean Earth radius (IUGG), metres. */
const EARTH_RADIUS = 6_371_008.8;

/**
 * Great-circle distance in metres between two points (haversine on a sphere of the mean Earth
 * radius; within 0.5 % of the ellipsoid, plenty for "is the sheet at the unit").
 * @throws CoreError 'value.invalid' for a latitude outside ±90 or longitude outside ±180.
 */
export function haversineMetres(a: GeoPoint, b: GeoPoint): number {
  for (const [p, what] of [
    [a, 'first point'],
    [b, 'second point'],
  ] as const) {
    if (!(Math.abs(p.lat) <= 90) || !(Math.abs(p.lon) <= 180)) {
      throw new CoreError('value.invalid', { value: `${p.lat},${p.lon}`, what, expected: 'latitude −90…90 and longitude −180…180' });
    }
  }
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLon = (b.lon - a.lon) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLon / 2) ** 2;
  // atan2 keeps full precision near antipodal points, where asin(√h) does not.
  return 2 * EARTH_RADIUS * Math.atan2(Math.sqrt(h), Math.sqrt(Math.max(0, 1 - h)));
}

const SEVERITY: Record<FieldworkFlagCode, FieldworkFlag['severity']> = {
  'too-short': 'warning',
  'time-inconsistent': 'warning',
  'timing-missing': 'info',
  'assessor-load': 'warning',
  'overlapping-interviews': 'warning',
  'far-from-unit': 'warning',
  'position-missing': 'info',
  'unit-location-missing': 'info',
  'respondent-reused': 'warning',
  'straight-line': 'warning',
  'identical-answers': 'warning',
  'outside-cycle': 'warning',
};

const reasons: { [C in FieldworkFlagCode]: (d: Record<string, string | number>) => Text } = {
  'too-short': (d) => ({
    id: `Diisi dalam ${d['seconds']} detik; minimum instrumen ${d['minSeconds']} detik.`,
    en: `Filled in ${d['seconds']} seconds; the instrument's minimum is ${d['minSeconds']} seconds.`,
  }),
  'time-inconsistent': () => ({ id: 'Waktu selesai lebih awal dari waktu mulai.', en: 'Finished before it was started.' }),
  'timing-missing': () => ({ id: 'Waktu mulai atau selesai tidak tercatat.', en: 'The start or finish time was not recorded.' }),
  'assessor-load': (d) => ({
    id: `Lembar ke-${d['count']} yang dimulai asisten ini dalam ${d['windowMinutes']} menit (batas ${d['limit']}).`,
    en: `Sheet number ${d['count']} this assessor started within ${d['windowMinutes']} minutes (limit ${d['limit']}).`,
  }),
  'overlapping-interviews': (d) => ({
    id: `Berlangsung bersamaan dengan wawancara lain oleh asisten yang sama (${d['others']}).`,
    en: `Overlaps another interview by the same assessor (${d['others']}).`,
  }),
  'far-from-unit': (d) => ({
    id: `Diambil ${d['metres']} m dari unit (akurasi ${d['accuracy']} m; batas ${d['limit']} m).`,
    en: `Captured ${d['metres']} m from the unit (accuracy ${d['accuracy']} m; limit ${d['limit']} m).`,
  }),
  'position-missing': () => ({ id: 'Posisi tidak tercatat.', en: 'No position was recorded.' }),
  'unit-location-missing': () => ({
    id: 'Unit belum memiliki koordinat; jarak tidak dapat diperiksa.',
    en: 'The unit has no coordinates; the distance cannot be checked.',
  }),
  'respondent-reused': (d) => ({
    id: `Responden yang sama muncul di ${d['sheets']} lembar instrumen ini (${d['units']} unit).`,
    en: `The same respondent appears in ${d['sheets']} sheets of this instrument (${d['units']} unit(s)).`,
  }),
  'straight-line': (d) => ({
    id: `Semua ${d['items']} jawaban bernilai sama (${d['value']}).`,
    en: `All ${d['items']} answers have the same value (${d['value']}).`,
  }),
  'identical-answers': (d) => ({
    id: `Jawaban identik dengan ${Number(d['sheets']) - 1} lembar lain instrumen ini di unit yang sama.`,
    en: `Answers identical to ${Number(d['sheets']) - 1} other sheet(s) of this instrument at the same unit.`,
  }),
  'outside-cycle': (d) => ({
    id: `Diisi pada ${d['date']}, di luar tanggal kerja lapangan ${d['start']} – ${d['end']}.`,
    en: `Filled on ${d['date']}, outside the fieldwork dates ${d['start']} – ${d['end']}.`,
  }),
};

const ms = (x: Instant | null | undefined, what: string): number | undefined => (x === null || x === undefined ? undefined : toMs(x, what));

/** The answered items of a sheet, in code order: [code, value][]. */
function answered(sheet: FieldworkSheetInput): [string, number][] {
  return Object.entries(sheet.answers ?? {})
    .filter((e): e is [string, number] => typeof e[1] === 'number')
    .sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
}

/**
 * Fieldwork flags of a cycle's sheets under `scheme` (see the file head), in sheet input order,
 * each sheet's flags in the order of `FieldworkFlagCode`. Rules:
 * - timing: 'timing-missing' (info) without start or finish; 'time-inconsistent' when finished
 *   before started; 'too-short' under the instrument's `minDurationSeconds`;
 * - 'assessor-load': a sheet that is more than `assessorLoad.maxSheets` started by its assessor
 *   within `windowMinutes` (counting back from its start);
 * - 'overlapping-interviews': two sheets of 'interview' instruments by one assessor whose
 *   started–finished intervals overlap;
 * - position: 'position-missing' (info); 'unit-location-missing' (info); 'far-from-unit' when the
 *   distance minus the GPS accuracy exceeds `maxDistanceMetres`;
 * - 'respondent-reused': one respondent key in several sheets of an instrument with
 *   `uniqueRespondent` (every such sheet is flagged, in any unit);
 * - 'straight-line': at least `straightLineMinItems` answers, all the same value;
 * - 'identical-answers': at least `identicalMinSheets` sheets of one instrument at one unit with
 *   the same answers (two or more items answered); all of them are flagged;
 * - 'outside-cycle': started or finished on a local day outside `cycle.start − cycleGraceDays` …
 *   `cycle.end + cycleGraceDays`.
 * @throws CoreError 'scheme.rule_missing' without `scheme.fieldwork`; 'value.invalid_date' for a
 *         bad time or date; 'value.invalid' for a bad coordinate or offset.
 */
export function fieldworkFlags(scheme: Scheme, input: FieldworkInput): FieldworkFlag[] {
  const rules = scheme.fieldwork;
  if (rules === undefined) throw new CoreError('scheme.rule_missing', { schemeId: scheme.id, rule: 'fieldwork' });
  const offset = checkOffset(input.offsetMinutes ?? 420);
  const instruments = new Map(scheme.instruments.map((i) => [i.code, i]));
  const units = new Map(input.units.map((u) => [u.id, u]));
  const sheets = input.sheets;
  const found: Map<FieldworkFlagCode, Record<string, string | number>>[] = sheets.map(() => new Map());
  const add = (k: number, code: FieldworkFlagCode, details: Record<string, string | number> = {}): void => {
    if (!found[k]!.has(code)) found[k]!.set(code, details);
  };

  const start = sheets.map((s) => ms(s.startedAt, `sheet ${s.id} start time`));
  const finish = sheets.map((s) => ms(s.finishedAt, `sheet ${s.id} finish time`));

  let cycleFrom: number | undefined;
  let cycleTo: number | undefined;
  if (input.cycle !== undefined) {
    const a = parseDate(input.cycle.start, 'cycle start');
    const b = parseDate(input.cycle.end, 'cycle end');
    cycleFrom = localMidnight(a.year, a.month, a.day, offset) - rules.cycleGraceDays * DAY;
    cycleTo = localMidnight(b.year, b.month, b.day + 1, offset) + rules.cycleGraceDays * DAY;
  }

  sheets.forEach((s, k) => {
    const ins = instruments.get(s.instrument)?.fieldwork;
    const t0 = start[k];
    const t1 = finish[k];
    // Timing
    if (t0 === undefined || t1 === undefined) add(k, 'timing-missing');
    else if (t1 < t0) add(k, 'time-inconsistent');
    else if (ins?.minDurationSeconds !== undefined && (t1 - t0) / 1000 < ins.minDurationSeconds) {
      add(k, 'too-short', { seconds: Math.floor((t1 - t0) / 1000), minSeconds: ins.minDurationSeconds });
    }
    // Position
    const unit = units.get(s.unit);
    const hasUnitPoint = typeof unit?.lat === 'number' && typeof unit.lon === 'number';
    if (s.position === null || s.position === undefined) add(k, 'position-missing');
    else if (!hasUnitPoint) add(k, 'unit-location-missing');
    else {
      const metres = haversineMetres(s.position, { lat: unit!.lat!, lon: unit!.lon! });
      const accuracy = Math.max(0, s.position.accuracy ?? 0);
      if (metres - accuracy > rules.maxDistanceMetres) {
        add(k, 'far-from-unit', { metres: Math.round(metres), accuracy: Math.round(accuracy), limit: rules.maxDistanceMetres });
      }
    }
    // Patterns within the sheet
    const items = answered(s);
    if (ins?.straightLineMinItems !== undefined && items.length >= ins.straightLineMinItems && items.every(([, v]) => v === items[0]![1])) {
      add(k, 'straight-line', { items: items.length, value: items[0]![1] });
    }
    // Cycle dates
    if (cycleFrom !== undefined && cycleTo !== undefined) {
      for (const t of [t0, t1]) {
        if (t !== undefined && (t < cycleFrom || t >= cycleTo)) {
          add(k, 'outside-cycle', { date: formatDate(t, offset), start: input.cycle!.start, end: input.cycle!.end });
          break;
        }
      }
    }
  });

  // Assessor load and overlapping interviews
  const byAssessor = new Map<string, number[]>();
  sheets.forEach((s, k) => {
    if (start[k] === undefined) return;
    const list = byAssessor.get(s.assessor) ?? [];
    list.push(k);
    byAssessor.set(s.assessor, list);
  });
  const windowMs = rules.assessorLoad.windowMinutes * MINUTE;
  for (const list of byAssessor.values()) {
    list.sort((a, b) => start[a]! - start[b]! || a - b);
    let from = 0;
    list.forEach((k, pos) => {
      while (start[list[from]!]! <= start[k]! - windowMs) from++;
      const count = pos - from + 1;
      if (count > rules.assessorLoad.maxSheets) {
        add(k, 'assessor-load', { count, windowMinutes: rules.assessorLoad.windowMinutes, limit: rules.assessorLoad.maxSheets });
      }
    });
    const interviews = list.filter(
      (k) => instruments.get(sheets[k]!.instrument)?.kind === 'interview' && finish[k] !== undefined && finish[k]! >= start[k]!,
    );
    const overlaps = new Map<number, string[]>();
    for (let i = 0; i < interviews.length; i++) {
      const a = interviews[i]!;
      for (let j = i + 1; j < interviews.length; j++) {
        const b = interviews[j]!;
        if (start[b]! >= finish[a]!) break; // sorted by start: no later interview overlaps a
        overlaps.set(a, [...(overlaps.get(a) ?? []), sheets[b]!.id]);
        overlaps.set(b, [...(overlaps.get(b) ?? []), sheets[a]!.id]);
      }
    }
    for (const [k, others] of overlaps) add(k, 'overlapping-interviews', { others: others.join(', ') });
  }

  // Respondent reuse across sheets of one instrument
  const byRespondent = new Map<string, number[]>();
  sheets.forEach((s, k) => {
    if (s.respondentKey === null || s.respondentKey === undefined || s.respondentKey === '') return;
    if (instruments.get(s.instrument)?.fieldwork?.uniqueRespondent !== true) return;
    const key = `${s.instrument}\n${s.respondentKey}`;
    byRespondent.set(key, [...(byRespondent.get(key) ?? []), k]);
  });
  for (const list of byRespondent.values()) {
    if (list.length < 2) continue;
    const unitCount = new Set(list.map((k) => sheets[k]!.unit)).size;
    for (const k of list) add(k, 'respondent-reused', { sheets: list.length, units: unitCount });
  }

  // Identical answer vectors of one instrument at one unit
  const byVector = new Map<string, number[]>();
  sheets.forEach((s, k) => {
    const min = instruments.get(s.instrument)?.fieldwork?.identicalMinSheets;
    const items = answered(s);
    if (min === undefined || items.length < 2) return;
    const key = `${s.unit}\n${s.instrument}\n${items.map(([c, v]) => `${c}=${v}`).join('&')}`;
    byVector.set(key, [...(byVector.get(key) ?? []), k]);
  });
  for (const list of byVector.values()) {
    const min = instruments.get(sheets[list[0]!]!.instrument)!.fieldwork!.identicalMinSheets!;
    if (list.length >= min) for (const k of list) add(k, 'identical-answers', { sheets: list.length });
  }

  const order = Object.keys(SEVERITY) as FieldworkFlagCode[];
  return sheets.flatMap((s, k) =>
    order.flatMap((code) => {
      const details = found[k]!.get(code);
      return details === undefined
        ? []
        : [{ sheet: s.id, unit: s.unit, code, severity: SEVERITY[code], reason: reasons[code](details), details }];
    }),
  );
}
