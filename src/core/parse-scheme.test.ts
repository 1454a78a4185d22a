// parseScheme: every rejection rule is shown by mutating a valid library file and expecting
// the issue at the named path. The valid files themselves are checked in
// methodologies/library.test.ts.
import { describe, expect, it } from 'vitest';
import { parseScheme } from './parse-scheme.ts';
import ombudsman2021 from '../../methodologies/ombudsman-2021.json' with { type: 'json' };
import ombudsman2024 from '../../methodologies/ombudsman-2024.json' with { type: 'json' };
import ombudsman2025 from '../../methodologies/ombudsman-2025.json' with { type: 'json' };
import pekppp2024 from '../../methodologies/pekppp-2024.json' with { type: 'json' };
import skm2017 from '../../methodologies/skm-2017.json' with { type: 'json' };

// Test fixtures are edited freely, so they are typed loosely on purpose.
// biome-ignore lint/suspicious/noExplicitAny: fixtures are edited freely, so they are typed loosely on purpose
type Loose = any;

const bases = {
  'ombudsman-2021': ombudsman2021,
  'ombudsman-2024': ombudsman2024,
  'ombudsman-2025': ombudsman2025,
  'pekppp-2024': pekppp2024,
  'skm-2017': skm2017,
} as const;
type BaseId = keyof typeof bases;

function mutated(base: BaseId, edit: (s: Loose) => void): Loose {
  const copy: Loose = structuredClone(bases[base]);
  edit(copy);
  return copy;
}

function issuesOf(json: unknown): { path: string; message: string }[] {
  const result = parseScheme(json);
  if (result.ok) throw new Error('expected the scheme to be rejected, but it was accepted');
  return result.issues;
}

const IND = 'dimensions[0].variables[0].indicators[0]';
const PROSES0 = 'dimensions[1].variables[0].indicators[0]';

interface Rule {
  rule: string;
  base: BaseId;
  edit: (s: Loose) => void;
  path: string;
  message: RegExp;
}

const rules: Rule[] = [
  // Weights
  {
    rule: 'dimension weights that do not sum to 100',
    base: 'ombudsman-2024',
    edit: (s) => {
      s.dimensions[0].weight = 21.8;
    },
    path: 'dimensions',
    message: /dimension weights sum to 99\.95, expected 100/,
  },
  {
    rule: 'explicit indicator weights that do not sum to 100 in a dimension',
    base: 'pekppp-2024',
    edit: (s) => {
      s.dimensions[2].variables[0].indicators[1].weight = 24;
    },
    path: 'dimensions[2]',
    message: /indicator weights sum to 101, expected 100/,
  },
  {
    rule: "a missing indicator weight under 'explicit'",
    base: 'pekppp-2024',
    edit: (s) => {
      delete s.dimensions[0].variables[0].indicators[0].weight;
    },
    path: `${IND}.weight`,
    message: /is required.*'explicit'/,
  },
  {
    rule: "an indicator weight under 'equal'",
    base: 'ombudsman-2024',
    edit: (s) => {
      s.dimensions[0].variables[0].indicators[0].weight = 10;
    },
    path: `${IND}.weight`,
    message: /must not be set.*'equal'/,
  },
  {
    rule: 'a weight on a supplement item',
    base: 'pekppp-2024',
    edit: (s) => {
      s.supplements[1].indicators[0].weight = 0;
    },
    path: 'supplements[1].indicators[0].weight',
    message: /supplement items .* carry no weight/,
  },
  {
    rule: 'a non-positive dimension weight',
    base: 'ombudsman-2024',
    edit: (s) => {
      s.dimensions[0].weight = 0;
    },
    path: 'dimensions[0].weight',
    message: /greater than 0/,
  },

  // Duplicate codes
  {
    rule: 'a duplicate dimension code',
    base: 'ombudsman-2024',
    edit: (s) => {
      s.dimensions[1].code = 'input';
    },
    path: 'dimensions[1].code',
    message: /duplicate dimension code "input" \(already used at dimensions\[0\]\)/,
  },
  {
    rule: 'a duplicate variable code in another dimension',
    base: 'ombudsman-2024',
    edit: (s) => {
      s.dimensions[1].variables[0].code = 'kompetensi';
    },
    path: 'dimensions[1].variables[0].code',
    message: /duplicate variable code "kompetensi"/,
  },
  {
    rule: 'a duplicate indicator code in another dimension',
    base: 'ombudsman-2024',
    edit: (s) => {
      s.dimensions[2].variables[0].indicators[0].code = 'K1';
    },
    path: 'dimensions[2].variables[0].indicators[0].code',
    message: /duplicate indicator code "K1"/,
  },
  {
    rule: 'a supplement item reusing a scored indicator code',
    base: 'pekppp-2024',
    edit: (s) => {
      s.supplements[0].indicators[0].code = 'A1';
    },
    path: 'supplements[0].indicators[0].code',
    message: /duplicate indicator code "A1"/,
  },
  {
    rule: 'a duplicate supplement code',
    base: 'pekppp-2024',
    edit: (s) => {
      s.supplements[1].code = 'f03';
    },
    path: 'supplements[1].code',
    message: /duplicate supplement code "f03"/,
  },
  {
    rule: 'a duplicate instrument code',
    base: 'ombudsman-2024',
    edit: (s) => {
      s.instruments[1].code = 'pejabat';
    },
    path: 'instruments[1].code',
    message: /duplicate instrument code "pejabat"/,
  },
  {
    rule: 'a duplicate band code',
    base: 'ombudsman-2024',
    edit: (s) => {
      s.bands[1].code = 'A';
    },
    path: 'bands[1].code',
    message: /duplicate band code "A"/,
  },
  {
    rule: 'a duplicate qualifier code',
    base: 'ombudsman-2025',
    edit: (s) => {
      s.qualifiers.push(structuredClone(s.qualifiers[0]));
    },
    path: 'qualifiers[1].code',
    message: /duplicate qualifier code "tanpa-maladministrasi"/,
  },
  {
    rule: 'a code with a slash or space',
    base: 'ombudsman-2024',
    edit: (s) => {
      s.dimensions[0].code = 'in put/x';
    },
    path: 'dimensions[0].code',
    message: /not a valid code/,
  },

  // Bands
  {
    rule: 'bands not listed highest first',
    base: 'ombudsman-2024',
    edit: (s) => {
      s.bands.reverse();
    },
    path: 'bands[1].min',
    message: /highest first/,
  },
  {
    rule: 'a band whose min is above its max',
    base: 'ombudsman-2024',
    edit: (s) => {
      s.bands[4].min = 40;
    },
    path: 'bands[4].min',
    message: /lower bound 40\.00 is above the upper bound 31\.99/,
  },
  {
    rule: 'a gap between bands',
    base: 'ombudsman-2024',
    edit: (s) => {
      s.bands[1].max = 87.98;
    },
    path: 'bands[1].max',
    message: /87\.98 leaves a gap below band "A": must be exactly 87\.99/,
  },
  {
    rule: 'overlapping bands',
    base: 'ombudsman-2024',
    edit: (s) => {
      s.bands[1].max = 88;
    },
    path: 'bands[1].max',
    message: /88\.00 overlaps band "A": must be exactly 87\.99/,
  },
  {
    rule: 'bands that stop below result.max',
    base: 'ombudsman-2024',
    edit: (s) => {
      s.bands[0].max = 99.99;
    },
    path: 'bands[0].max',
    message: /must equal result\.max \(100\.00\)/,
  },
  {
    rule: 'bands that start above result.min',
    base: 'pekppp-2024',
    edit: (s) => {
      s.bands[8].min = 0.01;
    },
    path: 'bands[8].min',
    message: /must equal result\.min \(0\.00\)/,
  },
  {
    rule: 'a band bound with more than 2 decimals',
    base: 'ombudsman-2024',
    edit: (s) => {
      s.bands[1].max = 87.995;
    },
    path: 'bands[1].max',
    message: /more than 2 decimals/,
  },
  {
    rule: 'an unknown zone',
    base: 'ombudsman-2024',
    edit: (s) => {
      s.bands[0].zone = 'biru';
    },
    path: 'bands[0].zone',
    message: /one of "hijau", "kuning", "merah"/,
  },
  {
    rule: 'a colour that is not a hex colour',
    base: 'ombudsman-2024',
    edit: (s) => {
      s.bands[0].color = 'green';
    },
    path: 'bands[0].color',
    message: /hex colour/,
  },

  // Answer levels
  {
    rule: 'a level without its descriptor',
    base: 'ombudsman-2024',
    edit: (s) => {
      delete s.dimensions[0].variables[0].indicators[0].scale.levels[2].descriptor;
    },
    path: `${IND}.scale.levels[2].descriptor`,
    message: /is required/,
  },
  {
    rule: 'a scale value without a level',
    base: 'ombudsman-2024',
    edit: (s) => {
      s.dimensions[1].variables[0].indicators[0].scale.levels.splice(1, 1);
    },
    path: `${PROSES0}.scale.levels`,
    message: /no level for 1: every whole number from 0 to 3/,
  },
  {
    rule: 'a level listed twice',
    base: 'ombudsman-2024',
    edit: (s) => {
      s.dimensions[0].variables[0].indicators[0].scale.levels[3].value = 2;
    },
    path: `${IND}.scale.levels[3].value`,
    message: /level 2 is listed more than once/,
  },
  {
    rule: 'a level outside the scale',
    base: 'pekppp-2024',
    edit: (s) => {
      s.dimensions[0].variables[0].indicators[0].scale.levels[5].value = 6;
    },
    path: `${IND}.scale.levels[5].value`,
    message: /level 6 is outside the scale 0–5/,
  },
  {
    rule: 'a fractional level',
    base: 'ombudsman-2024',
    edit: (s) => {
      s.dimensions[0].variables[0].indicators[0].scale.levels[3].value = 2.5;
    },
    path: `${IND}.scale.levels[3].value`,
    message: /whole number/,
  },
  {
    rule: 'a scale whose max is not above its min',
    base: 'ombudsman-2024',
    edit: (s) => {
      s.dimensions[0].variables[0].indicators[0].scale.max = 0;
    },
    path: `${IND}.scale.max`,
    message: /greater than scale\.min/,
  },

  // Text
  {
    rule: 'an empty Indonesian text',
    base: 'ombudsman-2024',
    edit: (s) => {
      s.title.id = '';
    },
    path: 'title.id',
    message: /must not be empty/,
  },
  {
    rule: 'a blank English text',
    base: 'ombudsman-2024',
    edit: (s) => {
      s.dimensions[0].variables[0].indicators[0].text.en = '   ';
    },
    path: `${IND}.text.en`,
    message: /must not be empty/,
  },
  {
    rule: 'a missing English text',
    base: 'pekppp-2024',
    edit: (s) => {
      delete s.bands[0].label.en;
    },
    path: 'bands[0].label.en',
    message: /is required/,
  },

  // Instruments
  {
    rule: 'an instrument covering an unknown indicator',
    base: 'ombudsman-2024',
    edit: (s) => {
      s.instruments[0].covers.push('K99');
    },
    path: 'instruments[0].covers[6]',
    message: /unknown indicator "K99"/,
  },
  {
    rule: 'an instrument covering an indicator twice',
    base: 'ombudsman-2024',
    edit: (s) => {
      s.instruments[0].covers.push('K1');
    },
    path: 'instruments[0].covers[6]',
    message: /listed more than once/,
  },
  {
    rule: "a scored indicator no 'score' instrument covers",
    base: 'ombudsman-2024',
    edit: (s) => {
      s.instruments[0].covers.shift();
    },
    path: IND,
    message: /"K1" is not covered by any instrument with role 'score'/,
  },
  {
    rule: "a scored indicator covered only by a 'claim' instrument",
    base: 'pekppp-2024',
    edit: (s) => {
      s.instruments[1].covers = s.instruments[1].covers.filter((c: string) => c !== 'A1');
    },
    path: IND,
    message: /"A1" is not covered by any instrument with role 'score'/,
  },
  {
    rule: 'a quota minimum above its target',
    base: 'ombudsman-2024',
    edit: (s) => {
      s.instruments[2].quota.min = 3;
    },
    path: 'instruments[2].quota.min',
    message: /must not exceed quota\.target \(2\)/,
  },
  {
    rule: "'products' aggregation without a per-product instrument",
    base: 'ombudsman-2021',
    edit: (s) => {
      delete s.instruments[0].perProduct;
    },
    path: 'aggregation.unit',
    message: /perProduct/,
  },

  // Evidence, identity, format
  {
    rule: 'an unknown evidence kind',
    base: 'ombudsman-2024',
    edit: (s) => {
      s.dimensions[0].variables[0].indicators[0].evidence.push('photo');
    },
    path: `${IND}.evidence[1]`,
    message: /unknown evidence kind "photo"; expected one of "foto"/,
  },
  {
    rule: 'an id that is not family-year',
    base: 'ombudsman-2024',
    edit: (s) => {
      s.id = 'ombudsman-2023';
    },
    path: 'id',
    message: /must be "ombudsman-2024" \(family-year\)/,
  },
  {
    rule: 'an unknown family',
    base: 'ombudsman-2024',
    edit: (s) => {
      s.family = 'bpk';
    },
    path: 'family',
    message: /one of "ombudsman", "pekppp", "skm"/,
  },
  {
    rule: 'a version that is not semver',
    base: 'ombudsman-2024',
    edit: (s) => {
      s.version = 'v1';
    },
    path: 'version',
    message: /semantic version/,
  },
  {
    rule: 'an unknown field (typo)',
    base: 'ombudsman-2024',
    edit: (s) => {
      s.dimensions[0].wieght = 21.85;
    },
    path: 'dimensions[0].wieght',
    message: /unknown field/,
  },

  // Who fills, entry rules, profile, policy blocks
  {
    rule: 'an unknown filler role',
    base: 'ombudsman-2024',
    edit: (s) => {
      s.instruments[0].fillers = ['assessor'];
    },
    path: 'instruments[0].fillers[0]',
    message: /unknown role "assessor"; expected one of "admin", "pimpinan", "asisten", "koordinator", "operator", "evaluator", "public"/,
  },
  {
    rule: 'an unknown paper-entry role',
    base: 'pekppp-2024',
    edit: (s) => {
      s.instruments[2].paperEntry.by.push('unit');
    },
    path: 'instruments[2].paperEntry.by[2]',
    message: /unknown role "unit"/,
  },
  {
    rule: 'an empty filler list',
    base: 'ombudsman-2024',
    edit: (s) => {
      s.instruments[0].fillers = [];
    },
    path: 'instruments[0].fillers',
    message: /at least 1 item/,
  },
  {
    rule: 'a role listed twice among the fillers',
    base: 'pekppp-2024',
    edit: (s) => {
      s.instruments[0].fillers = ['operator', 'koordinator', 'operator'];
    },
    path: 'instruments[0].fillers[2]',
    message: /role "operator" is listed more than once/,
  },
  {
    rule: 'a role that both fills directly and types paper forms',
    base: 'pekppp-2024',
    edit: (s) => {
      s.instruments[2].fillers = ['public', 'operator'];
    },
    path: 'instruments[2].paperEntry.by[0]',
    message: /role "operator" already fills this instrument directly/,
  },
  {
    rule: 'a population-based quota without a sampling block',
    base: 'pekppp-2024',
    edit: (s) => {
      s.instruments[2].quota.fromPopulation = 'target';
    },
    path: 'instruments[2].quota.fromPopulation',
    message: /needs the scheme's sampling block/,
  },
  {
    rule: 'an unknown population-quota mode',
    base: 'skm-2017',
    edit: (s) => {
      s.instruments[0].quota.fromPopulation = 'all';
    },
    path: 'instruments[0].quota.fromPopulation',
    message: /one of "target", "target-and-min"/,
  },
  {
    rule: 'a data-source option listed twice',
    base: 'pekppp-2024',
    edit: (s) => {
      s.instruments[1].entry.dataSources.options.push({ code: 'wawancara', label: { id: 'W', en: 'I' } });
    },
    path: 'instruments[1].entry.dataSources.options[3].code',
    message: /duplicate data source code "wawancara"/,
  },
  {
    rule: "a 'choice' profile field without options",
    base: 'skm-2017',
    edit: (s) => {
      delete s.instruments[0].profile[1].options;
    },
    path: 'instruments[0].profile[1].options',
    message: /is required for a 'choice' field/,
  },
  {
    rule: "a 'service' profile field with options",
    base: 'skm-2017',
    edit: (s) => {
      s.instruments[0].profile[4].options = [{ code: 'ktp', label: { id: 'KTP', en: 'ID card' } }];
    },
    path: 'instruments[0].profile[4].options',
    message: /must not be set for a 'service' field \(the survey lists its services\)/,
  },
  {
    rule: 'age bands with a gap',
    base: 'skm-2017',
    edit: (s) => {
      s.instruments[0].profile[0].options[2].min = 31;
    },
    path: 'instruments[0].profile[0].options[2].min',
    message: /must be 30, the year after the previous band ends/,
  },
  {
    rule: 'an age band open above that is not the last',
    base: 'skm-2017',
    edit: (s) => {
      delete s.instruments[0].profile[0].options[1].max;
    },
    path: 'instruments[0].profile[0].options[1].max',
    message: /required except on the last \(open\) band/,
  },
  {
    rule: 'a profile field code used twice',
    base: 'skm-2017',
    edit: (s) => {
      s.instruments[0].profile[2].code = 'usia';
    },
    path: 'instruments[0].profile[2].code',
    message: /duplicate profile field code "usia"/,
  },
  {
    rule: 'an answer key used twice in one scale',
    base: 'skm-2017',
    edit: (s) => {
      s.dimensions[0].variables[0].indicators[0].scale.levels[1].key = 'a';
    },
    path: `${IND}.scale.levels[1]`,
    message: /answer key "a" is listed more than once/,
  },
  {
    rule: 'a supplement item reported under an unknown dimension',
    base: 'pekppp-2024',
    edit: (s) => {
      s.supplements[0].indicators[0].reportedUnder = 'pelayanan';
    },
    path: 'supplements[0].indicators[0].reportedUnder',
    message: /unknown dimension "pelayanan"/,
  },
  {
    rule: 'IKM as evidence for an unknown body type (issue 11 §7)',
    base: 'ombudsman-2024',
    edit: (s) => {
      s.dimensions[0].variables[0].indicators[0].ikmEvidence = { bodyTypes: ['desa'] };
    },
    path: `${IND}.ikmEvidence.bodyTypes[0]`,
    message: /kementerian/,
  },
  {
    rule: 'a scored indicator reported under a dimension',
    base: 'pekppp-2024',
    edit: (s) => {
      s.dimensions[0].variables[0].indicators[0].reportedUnder = 'sdm';
    },
    path: `${IND}.reportedUnder`,
    message: /only supplement items/,
  },
  {
    rule: "self-assessment rules on an indicator no 'claim' instrument covers",
    base: 'ombudsman-2024',
    edit: (s) => {
      s.dimensions[0].variables[0].indicators[0].selfAssessment = { evidenceRequired: true, documents: [] };
    },
    path: `${IND}.selfAssessment`,
    message: /no instrument with role 'claim' covers this indicator/,
  },
  {
    rule: 'an unverified item without an assumption',
    base: 'pekppp-2024',
    edit: (s) => {
      s.assumptions = s.assumptions.filter(
        (a: { path: string }) => a.path !== 'supplements/f03/indicators/F03.12' && a.path !== 'supplements/f03',
      );
    },
    path: 'supplements[0].indicators[11].unverified',
    message: /needs an assumption whose path is "supplements\/f03\/indicators\/F03.12" or one of its parents/,
  },
  {
    rule: 'a topic listed twice on an indicator',
    base: 'ombudsman-2024',
    edit: (s) => {
      s.dimensions[1].variables[0].indicators[0].topics.push('persyaratan');
    },
    path: `${PROSES0}.topics[2]`,
    message: /topic "persyaratan" is listed more than once/,
  },
  {
    rule: 'a survey period listed twice',
    base: 'skm-2017',
    edit: (s) => {
      s.survey.periods.push('month');
    },
    path: 'survey.periods[4]',
    message: /period "month" is listed more than once/,
  },
  {
    rule: 'an unknown survey period',
    base: 'skm-2017',
    edit: (s) => {
      s.survey.periods = ['week'];
    },
    path: 'survey.periods[0]',
    message: /one of "month", "quarter", "semester", "year"/,
  },
  {
    rule: 'an unknown vertical-office rule',
    base: 'ombudsman-2024',
    edit: (s) => {
      s.aggregation.verticalOffices = 'ignore';
    },
    path: 'aggregation.verticalOffices',
    message: /one of "with-parent", "separate"/,
  },
  {
    rule: 'a negative unit-award count',
    base: 'ombudsman-2024',
    edit: (s) => {
      s.awards.units.topPerSector = -1;
    },
    path: 'awards.units.topPerSector',
    message: /at least 0/,
  },
  {
    rule: 'a clarification window of 0 days',
    base: 'pekppp-2024',
    edit: (s) => {
      s.verification.clarificationDays = 0;
    },
    path: 'verification.clarificationDays',
    message: /at least 1/,
  },
  {
    rule: 'a fieldwork distance of 0',
    base: 'ombudsman-2024',
    edit: (s) => {
      s.fieldwork.maxDistanceMetres = 0;
    },
    path: 'fieldwork.maxDistanceMetres',
    message: /greater than 0/,
  },
  {
    rule: 'a straight-line threshold below 2 items',
    base: 'ombudsman-2024',
    edit: (s) => {
      s.instruments[0].fieldwork.straightLineMinItems = 1;
    },
    path: 'instruments[0].fieldwork.straightLineMinItems',
    message: /at least 2/,
  },
  {
    rule: 'an assumption path that points nowhere',
    base: 'ombudsman-2024',
    edit: (s) => {
      s.assumptions[0].path = 'dimensions/output/variables/persepsi/indicators/O9';
    },
    path: 'assumptions[0].path',
    message: /nothing named "O9" under "dimensions\/output\/variables\/persepsi\/indicators"/,
  },
];

describe('parseScheme', () => {
  it.each(Object.keys(bases) as BaseId[])('accepts the library file %s unchanged and returns an equal value', (id) => {
    const result = parseScheme(bases[id]);
    expect(result).toEqual({ ok: true, value: bases[id] });
  });

  // Schemes frozen on cycles before a field existed must still parse: every field added since
  // the first library release is optional.
  const LATER_FIELDS = new Set([
    'key',
    'topics',
    'selfAssessment',
    'reportedUnder',
    'formCode',
    'unverified',
    'fromPopulation',
    'instructions',
    'fillers',
    'paperEntry',
    'entry',
    'profile',
    'publicResponse',
    'fieldwork',
    'verticalOffices',
    'units',
    'verification',
    'survey',
    'ikmEvidence',
  ]);
  function withoutLaterFields(value: unknown): unknown {
    if (Array.isArray(value)) return value.map(withoutLaterFields);
    if (value === null || typeof value !== 'object') return value;
    return Object.fromEntries(
      Object.entries(value)
        .filter(([k]) => !LATER_FIELDS.has(k))
        .map(([k, v]) => [k, withoutLaterFields(v)]),
    );
  }
  it.each(Object.keys(bases) as BaseId[])('accepts %s as frozen before the policy fields existed', (id) => {
    const old = withoutLaterFields(structuredClone(bases[id])) as Loose;
    // Assumptions about the dropped fields would point nowhere; drop them too, as an old file had none.
    old.assumptions = old.assumptions.filter((a: { path: string }) => parseScheme({ ...old, assumptions: [a] }).ok);
    const result = parseScheme(old);
    expect(result.ok ? [] : result.issues).toEqual([]);
    expect(result.ok && result.value).toEqual(old);
  });

  describe('rejects', () => {
    it.each(rules)('$rule ($path)', ({ base, edit, path, message }) => {
      const issues = issuesOf(mutated(base, edit));
      const at = issues.filter((i) => i.path === path);
      expect(at, `issues were: ${JSON.stringify(issues, null, 1)}`).not.toHaveLength(0);
      expect(at.map((i) => i.message).join('\n')).toMatch(message);
    });
  });

  it('accepts weight sums within ±0.001 of 100 and rejects them just outside', () => {
    const within = mutated('pekppp-2024', (s) => {
      s.dimensions[0].variables[0].indicators[0].weight = 17.0009;
    });
    expect(parseScheme(within).ok).toBe(true);
    const outside = mutated('pekppp-2024', (s) => {
      s.dimensions[0].variables[0].indicators[0].weight = 17.0011;
    });
    expect(issuesOf(outside).map((i) => i.path)).toEqual(['dimensions[0]']);
    const dims = mutated('ombudsman-2024', (s) => {
      s.dimensions[3].weight = 21.5409;
    });
    expect(parseScheme(dims).ok).toBe(true);
  });

  it('compares band bounds in whole hundredths, so binary floating-point noise is not a gap', () => {
    const noisy = mutated('pekppp-2024', (s) => {
      s.bands[8].max = 0.7 + 0.3; // 1 in floating point, written as a sum
      s.bands[7].min = 0.1 * 3 + 0.71; // 1.01 (+ noise)
    });
    expect(parseScheme(noisy).ok).toBe(true);
  });

  it('collects every issue in one pass, structural and semantic together', () => {
    const broken = mutated('ombudsman-2024', (s) => {
      s.year = 'twenty';
      s.title.en = '';
      s.dimensions[0].weight = 50;
      s.bands[2].max = 70;
      s.dimensions[1].variables[0].indicators[4].scale.levels.pop();
    });
    expect(issuesOf(broken).map((i) => i.path)).toEqual(
      expect.arrayContaining(['year', 'title.en', 'dimensions', 'bands[2].max', 'dimensions[1].variables[0].indicators[4].scale.levels']),
    );
  });

  it('prefixes each message with the source and path when a source is given', () => {
    const broken = mutated('ombudsman-2024', (s) => {
      s.dimensions[0].weight = 20;
    });
    const withSource = parseScheme(broken, 'methodologies/ombudsman-2024.json');
    const plain = parseScheme(broken);
    expect(withSource.ok || plain.ok).toBe(false);
    if (withSource.ok || plain.ok) return;
    expect(withSource.issues[0]).toEqual({
      path: 'dimensions',
      message: 'methodologies/ombudsman-2024.json: dimensions: dimension weights sum to 98.15, expected 100 (±0.001)',
    });
    expect(plain.issues[0]).toEqual({ path: 'dimensions', message: 'dimension weights sum to 98.15, expected 100 (±0.001)' });
  });

  it.each([
    ['a number', 42, 'must be an object (got number)'],
    ['null', null, 'must be an object (got null)'],
    ['an array', [], 'must be an object (got array)'],
  ])('rejects %s at the root', (_name, input, message) => {
    expect(issuesOf(input)).toEqual([{ path: '', message }]);
  });

  it('reports every missing top-level field of an empty object as required', () => {
    const issues = issuesOf({});
    for (const field of [
      'id',
      'family',
      'year',
      'version',
      'title',
      'legalBasis',
      'result',
      'instruments',
      'dimensions',
      'supplements',
      'aggregation',
      'bands',
      'qualifiers',
      'assumptions',
    ]) {
      expect(issues).toContainEqual({ path: field, message: 'is required' });
    }
    expect(issues.map((i) => i.path)).not.toContain('sampling');
  });
});
