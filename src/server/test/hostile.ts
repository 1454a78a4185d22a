// Hostile request input derived from a route's Zod schemas (test-only): values that have the
// schema's shape often enough to reach the handler, mixed with what clients and attackers really
// send — NUL and lone surrogates, year-0000 timestamps, upper-case and unknown ids, numbers at the
// edges of every integer type, extra and prototype keys, wrong types, very long text.
import fc from 'fast-check';
import type { ZodType } from 'zod';

/** Ids that exist in the test world, so that generated requests reach past the 404s. */
export interface IdPool {
  ids: readonly string[];
  /** Ids by field name ("cycleId" → the world's cycles), tried first for a field of that name. */
  byName?: Readonly<Record<string, readonly string[]>>;
}

const idsFor = (pool: IdPool, name: string | undefined): readonly string[] =>
  name && pool.byName?.[name]?.length ? pool.byName[name]! : pool.ids;

interface Def {
  type: string;
  format?: string;
  innerType?: ZodType;
  in?: ZodType;
  shape?: Record<string, ZodType>;
  catchall?: ZodType;
  element?: ZodType;
  keyType?: ZodType;
  valueType?: ZodType;
  options?: readonly ZodType[];
  left?: ZodType;
  right?: ZodType;
  items?: readonly ZodType[];
  entries?: Record<string, string | number>;
  values?: readonly unknown[];
  getter?: () => ZodType;
  checks?: readonly { _zod: { def: { check: string; maximum?: number; minimum?: number; value?: number } } }[];
}

const defOf = (schema: ZodType): Def => (schema as unknown as { _zod: { def: Def } })._zod.def;

export const hostileStrings: readonly string[] = [
  '',
  ' ',
  '\u0000',
  'a\u0000b',
  '\ud800',
  'x\udfffy',
  '\u202egnp.exe',
  '😀',
  "O'Brien",
  '"; drop table users; --',
  "' or '1'='1",
  '%_\\',
  '../../../../etc/passwd',
  '<img src=x onerror=alert(1)>',
  '{{7*7}}',
  '__proto__',
  'constructor',
  'NaN',
  '-1',
  '1e309',
  'true',
  'null',
  '\r\n\t',
  '0000-01-01T00:00:00Z',
  '9999-12-31T23:59:59.999Z',
  '2024-02-30T00:00:00Z',
  '00000000-0000-0000-0000-000000000000',
  'x'.repeat(5_000),
];

const datetimes = [
  '2024-07-02T10:00:00+07:00',
  '2024-07-02T03:00:00Z',
  '0000-01-01T00:00:00Z',
  '0000-12-31T23:59:59+14:00',
  '0001-01-01T00:00:00Z',
  '9999-12-31T23:59:59Z',
  '2024-13-01T00:00:00Z',
  '1969-12-31T23:59:59.999Z',
];
const dates = ['2024-07-02', '0000-01-01', '0001-01-01', '9999-12-31', '2024-02-30', '2024-13-45'];

const edgeNumbers = [
  0,
  -0,
  1,
  -1,
  0.5,
  2 ** 31,
  -(2 ** 31) - 1,
  2 ** 53,
  -(2 ** 53),
  2 ** 63,
  1e308,
  -1e308,
  5e-324,
  9_007_199_254_740_992 + 1,
];

const anyString = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...hostileStrings) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
  { weight: 1, arbitrary: fc.string({ maxLength: 12 }) },
);

const anyNumber = fc.oneof(
  fc.integer({ min: -3, max: 10 }),
  fc.constantFrom(...edgeNumbers),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
);

/** JSON values of any shape (for wrong-type replacements and opaque positions). */
const anyJson = fc.jsonValue({ maxDepth: 3 });

function uuidArb(pool: IdPool, name?: string): fc.Arbitrary<string> {
  const ids = idsFor(pool, name);
  const known = ids.length > 0 ? fc.constantFrom(...ids) : fc.uuid();
  return fc.oneof(
    { weight: 5, arbitrary: known },
    { weight: 2, arbitrary: known.map((s) => s.toUpperCase()) },
    { weight: 1, arbitrary: fc.uuid() },
    { weight: 1, arbitrary: anyString },
  );
}

function stringArb(def: Def, pool: IdPool, name?: string): fc.Arbitrary<string> {
  if (def.format === 'uuid' || def.format === 'guid') return uuidArb(pool, name);
  if (def.format === 'datetime')
    return fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...datetimes) }, { weight: 1, arbitrary: anyString });
  if (def.format === 'date') return fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...dates) }, { weight: 1, arbitrary: anyString });
  // Plain text: short valid-looking words (codes, names) as often as hostile text.
  return fc.oneof(
    { weight: 2, arbitrary: fc.constantFrom('36', '36.71', 'O1', 'pengguna', 'Kota Uji', 'admin', 'ombudsman-2024', 'kota', 'national') },
    { weight: 2, arbitrary: anyString },
  );
}

/** An arbitrary for values of `schema`'s input, biased to hostile ones. */
export function hostile(schema: ZodType, pool: IdPool, depth = 0, name?: string): fc.Arbitrary<unknown> {
  const def = defOf(schema);
  const wrongType = anyJson as fc.Arbitrary<unknown>;
  const mix = (right: fc.Arbitrary<unknown>): fc.Arbitrary<unknown> =>
    fc.oneof({ weight: 9, arbitrary: right }, { weight: 1, arbitrary: wrongType });
  if (depth > 8) return wrongType;
  switch (def.type) {
    case 'string':
      return mix(stringArb(def, pool, name));
    case 'number':
    case 'int':
      return mix(anyNumber);
    case 'bigint':
      return mix(anyNumber);
    case 'boolean':
      return mix(fc.boolean());
    case 'date':
      return mix(fc.constantFrom(...datetimes));
    case 'enum':
      return mix(
        fc.oneof(
          { weight: 4, arbitrary: fc.constantFrom(...Object.values(def.entries ?? { x: 'x' })) },
          { weight: 1, arbitrary: anyString },
        ),
      );
    case 'literal':
      return mix(fc.constantFrom(...((def.values ?? [null]) as unknown[])));
    case 'null':
      return mix(fc.constant(null));
    case 'undefined':
    case 'void':
      return fc.constant(undefined);
    case 'optional':
    case 'default':
    case 'prefault':
      return fc.oneof(
        { weight: 1, arbitrary: fc.constant(undefined) },
        { weight: 4, arbitrary: hostile(def.innerType!, pool, depth + 1, name) },
      );
    case 'nullable':
      return fc.oneof(
        { weight: 1, arbitrary: fc.constant(null) },
        { weight: 4, arbitrary: hostile(def.innerType!, pool, depth + 1, name) },
      );
    case 'readonly':
    case 'catch':
    case 'nonoptional':
      return hostile(def.innerType!, pool, depth + 1, name);
    case 'pipe':
      return hostile(def.in!, pool, depth + 1, name);
    case 'lazy':
      return hostile(def.getter!(), pool, depth + 1);
    case 'object': {
      const shape = def.shape ?? {};
      const fields: Record<string, fc.Arbitrary<unknown>> = {};
      for (const [k, s] of Object.entries(shape)) fields[k] = hostile(s, pool, depth + 1, k);
      const base = fc.record(fields, { requiredKeys: [] });
      const extra = fc.dictionary(fc.constantFrom('__proto__', 'constructor', 'prototype', 'extra', 'id\u0000', 'a'.repeat(200)), anyJson, {
        maxKeys: 2,
      });
      return mix(
        fc.oneof(
          { weight: 6, arbitrary: base },
          {
            weight: 1,
            arbitrary: fc.tuple(base, extra).map(([b, e]) => {
              // defineProperty: a plain assignment of "__proto__" would change the prototype
              // instead of adding a key that JSON.stringify sends.
              const out: Record<string, unknown> = { ...(b as object) };
              for (const [k, v] of Object.entries(e))
                Object.defineProperty(out, k, { value: v, enumerable: true, writable: true, configurable: true });
              return out;
            }),
          },
        ),
      );
    }
    case 'record':
      return mix(
        fc.dictionary(
          def.keyType ? (hostile(def.keyType, pool, depth + 1).filter((k) => typeof k === 'string') as fc.Arbitrary<string>) : anyString,
          hostile(def.valueType!, pool, depth + 1),
          { maxKeys: 4 },
        ),
      );
    case 'array':
      return mix(fc.array(hostile(def.element!, pool, depth + 1), { maxLength: 4 }));
    case 'tuple':
      return mix(fc.tuple(...(def.items ?? []).map((s) => hostile(s, pool, depth + 1))));
    case 'union':
      return fc.oneof(...(def.options ?? []).map((o) => hostile(o, pool, depth + 1)));
    case 'intersection':
      return fc.oneof(hostile(def.left!, pool, depth + 1), hostile(def.right!, pool, depth + 1));
    default:
      // unknown, any, transform…: any JSON.
      return anyJson;
  }
}

interface Check {
  check: string;
  minimum?: number;
  maximum?: number;
  value?: number;
  inclusive?: boolean;
  format?: string;
  pattern?: RegExp;
}
const checksOf = (def: Def): Check[] => (def.checks ?? []).map((c) => c._zod.def as unknown as Check);

/** Plausible text for a free string field of the given length bounds. */
const words = ['36', '36.71', 'O1', 'pengguna', 'Kota Uji', 'admin-uji', 'ombudsman-2024', 'kota', 'national', 'Catatan lapangan'];

/**
 * An arbitrary for VALID values of `schema` (as far as the schema says: lengths, patterns, ranges,
 * enums; ids from the pool), so that a request gets past validation into the handler and the SQL.
 */
export function valid(schema: ZodType, pool: IdPool, depth = 0, name?: string): fc.Arbitrary<unknown> {
  const def = defOf(schema);
  if (depth > 8) return fc.constant(null);
  switch (def.type) {
    case 'string': {
      if (def.format === 'uuid' || def.format === 'guid') {
        const ids = idsFor(pool, name);
        return ids.length ? fc.constantFrom(...ids) : fc.uuid();
      }
      if (def.format === 'datetime')
        return fc.constantFrom('2024-07-02T10:00:00+07:00', '2030-01-01T00:00:00Z', '2024-07-02T03:00:00.000Z');
      if (def.format === 'date') return fc.constantFrom('2024-07-02', '2030-12-31');
      const checks = checksOf(def);
      const min = Math.max(
        0,
        ...checks.filter((c) => c.check === 'min_length' || c.check === 'length_equals').map((c) => c.minimum ?? c.value ?? 0),
      );
      const max = Math.min(
        Number.POSITIVE_INFINITY,
        ...checks.filter((c) => c.check === 'max_length' || c.check === 'length_equals').map((c) => c.maximum ?? c.value ?? 0),
      );
      const pattern = checks.find((c) => c.check === 'string_format' && c.pattern instanceof RegExp)?.pattern;
      const fits = (v: string) => v.length >= min && v.length <= Math.max(min, max) && (!pattern || pattern.test(v));
      // A pattern with its own length rules (sha256: 64 hex) decides alone; filtering on top of
      // it could reject every candidate.
      if (pattern) return fc.stringMatching(pattern).map((v) => (fits(v) ? v : v.slice(0, Math.max(min, Math.min(max, v.length)))));
      const fitting = words.filter(fits);
      return fc.oneof(
        ...(fitting.length ? [fc.constantFrom(...fitting)] : []),
        fc.string({ minLength: min, maxLength: Math.max(min, Math.min(max, 24)) }),
      );
    }
    case 'number':
    case 'int': {
      const checks = checksOf(def);
      const lo = Math.max(-1e6, ...checks.filter((c) => c.check === 'greater_than').map((c) => (c.value ?? 0) + (c.inclusive ? 0 : 1)));
      const hi = Math.min(1e6, ...checks.filter((c) => c.check === 'less_than').map((c) => (c.value ?? 0) - (c.inclusive ? 0 : 1)));
      const int = checks.some((c) => c.check === 'number_format' && (c.format === 'safeint' || c.format === 'int32'));
      if (hi < lo) return fc.constant(lo);
      return int ? fc.integer({ min: Math.ceil(lo), max: Math.floor(hi) }) : fc.double({ min: lo, max: hi, noNaN: true });
    }
    case 'boolean':
      return fc.boolean();
    case 'enum':
      return fc.constantFrom(...Object.values(def.entries ?? { x: 'x' }));
    case 'literal':
      return fc.constantFrom(...((def.values ?? [null]) as unknown[]));
    case 'null':
      return fc.constant(null);
    case 'undefined':
    case 'void':
      return fc.constant(undefined);
    case 'optional':
    case 'default':
    case 'prefault':
      return fc.option(valid(def.innerType!, pool, depth + 1, name), { nil: undefined, freq: 3 });
    case 'nullable':
      return fc.option(valid(def.innerType!, pool, depth + 1, name), { nil: null, freq: 4 });
    case 'readonly':
    case 'catch':
    case 'nonoptional':
      return valid(def.innerType!, pool, depth + 1, name);
    case 'pipe':
      return valid(def.in!, pool, depth + 1, name);
    case 'lazy':
      return valid(def.getter!(), pool, depth + 1, name);
    case 'object': {
      const fields: Record<string, fc.Arbitrary<unknown>> = {};
      for (const [k, sub] of Object.entries(def.shape ?? {})) fields[k] = valid(sub, pool, depth + 1, k);
      return fc.record(fields).map((o) => Object.fromEntries(Object.entries(o as object).filter(([, v]) => v !== undefined)));
    }
    case 'record':
      return fc.dictionary(
        def.keyType ? (valid(def.keyType, pool, depth + 1).filter((k) => typeof k === 'string') as fc.Arbitrary<string>) : fc.string(),
        valid(def.valueType!, pool, depth + 1),
        { maxKeys: 3 },
      );
    case 'array': {
      const checks = checksOf(def);
      const min = Math.max(0, ...checks.filter((c) => c.check === 'min_length').map((c) => c.minimum ?? 0));
      return fc.array(valid(def.element!, pool, depth + 1, name?.replace(/s$/, 'Id')), { minLength: min, maxLength: Math.max(min, 3) });
    }
    case 'tuple':
      return fc.tuple(...(def.items ?? []).map((sub) => valid(sub, pool, depth + 1)));
    case 'union':
      return fc.oneof(...(def.options ?? []).map((o) => valid(o, pool, depth + 1)));
    case 'intersection':
      return valid(def.left!, pool, depth + 1);
    default:
      return fc.jsonValue({ maxDepth: 2 });
  }
}

/** One hostile replacement for a leaf (or a key added to an object). */
const hostileLeaf = fc.oneof(
  fc.constantFrom<unknown>(
    'a\u0000b',
    '\u0000',
    'x\ud800',
    '\udc00',
    '0000-01-01T00:00:00Z',
    '0000-01-01',
    'x'.repeat(5_000),
    2 ** 53,
    1e308,
    -1,
    0.5,
    null,
    [],
    {},
    true,
  ),
  fc.string({ unit: 'binary', maxLength: 8 }),
);

type Path = (string | number)[];
function paths(v: unknown, at: Path = [], out: Path[] = [], depth = 0): Path[] {
  if (depth > 10) return out;
  out.push(at);
  if (Array.isArray(v)) {
    for (let i = 0; i < v.length; i++) paths(v[i], [...at, i], out, depth + 1);
  } else if (typeof v === 'object' && v !== null) for (const [k, x] of Object.entries(v)) paths(x, [...at, k], out, depth + 1);
  return out;
}
function replaceAt(v: unknown, path: Path, leaf: unknown): unknown {
  if (path.length === 0) return leaf;
  const [head, ...rest] = path;
  if (Array.isArray(v)) return v.map((x, i) => (i === head ? replaceAt(x, rest, leaf) : x));
  const o = v as Record<string, unknown>;
  return { ...o, [head as string]: replaceAt(o[head as string], rest, leaf) };
}
const upperIds = (v: unknown): unknown =>
  typeof v === 'string'
    ? /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/.test(v)
      ? v.toUpperCase()
      : v
    : Array.isArray(v)
      ? v.map(upperIds)
      : typeof v === 'object' && v !== null
        ? Object.fromEntries(Object.entries(v).map(([k, x]) => [k, upperIds(x)]))
        : v;

/**
 * Request input for a schema: valid values (the handler runs), valid values with ONE hostile leaf
 * or every id upper-cased (the handler and the SQL meet what validation let through), and wild
 * values of the schema's rough shape.
 */
export function requestInput(schema: ZodType, pool: IdPool): fc.Arbitrary<unknown> {
  const ok = valid(schema, pool);
  const oneBad = fc.tuple(ok, fc.nat(), hostileLeaf).map(([v, k, leaf]) => {
    const all = paths(v);
    const inner = all.length > 1 ? all.slice(1) : all;
    return replaceAt(v, inner[k % inner.length]!, leaf);
  });
  return fc.oneof(
    { weight: 2, arbitrary: ok },
    { weight: 4, arbitrary: oneBad },
    { weight: 1, arbitrary: ok.map(upperIds) },
    { weight: 3, arbitrary: hostile(schema, pool) },
  );
}

/** encodeURIComponent that sends a lone surrogate as the (invalid UTF-8) bytes of its code unit. */
export function encode(s: string): string {
  try {
    return encodeURIComponent(s);
  } catch {
    return s
      .split(/([\uD800-\uDFFF])/)
      .map((part) =>
        part.length === 1 && /[\uD800-\uDFFF]/.test(part) && !/[\uD800-\uDBFF][\uDC00-\uDFFF]/.test(part)
          ? '%ED%A0%80'
          : encodeURIComponent(part),
      )
      .join('');
  }
}

/** A value as a query-string / path text: strings as they are, anything else as JSON. */
export const asText = (v: unknown): string => (typeof v === 'string' ? v : (JSON.stringify(v) ?? ''));

/** Query string of a generated object (arrays become repeated keys); raw hostile tails sometimes. */
export function queryString(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (typeof value !== 'object' || Array.isArray(value)) return `?x=${encode(asText(value))}`;
  const parts: string[] = [];
  for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
    if (v === undefined) continue;
    const list = Array.isArray(v) ? v : [v];
    for (const item of list) parts.push(`${encode(k)}=${encode(asText(item))}`);
  }
  return parts.length ? `?${parts.join('&')}` : '';
}

/** Raw bodies that are not what the route expects at all. */
export const rawBodies: readonly { contentType: string; payload: string | Buffer }[] = [
  { contentType: 'application/json', payload: '{"a":' },
  { contentType: 'application/json', payload: '['.repeat(5_000) },
  { contentType: 'application/json', payload: '"\\u0000"' },
  { contentType: 'application/json', payload: '{"__proto__":{"admin":true}}' },
  { contentType: 'application/json', payload: 'null' },
  { contentType: 'text/plain', payload: 'hello' },
  { contentType: 'application/x-www-form-urlencoded', payload: 'a=1&b=%00' },
  { contentType: 'multipart/form-data', payload: '--x\r\n' },
  { contentType: 'multipart/form-data; boundary=x', payload: '--x\r\nContent-Disposition: form-data; name="a"\r\n\r\nv' },
];

/** A multipart body with the given fields, then (maybe) one file part. */
export function multipart(
  fields: Record<string, string>,
  file: { name: string; type: string; content: Buffer } | null,
  boundary = 'hostileBoundary7MA4YWxk',
) {
  const chunks: Buffer[] = [];
  for (const [k, v] of Object.entries(fields)) {
    chunks.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k.replace(/"/g, '')}"\r\n\r\n${v}\r\n`));
  }
  if (file) {
    chunks.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name.replace(/"/g, '')}"\r\nContent-Type: ${file.type}\r\n\r\n`,
      ),
    );
    chunks.push(file.content, Buffer.from('\r\n'));
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(chunks), contentType: `multipart/form-data; boundary=${boundary}` };
}

/** File contents for upload routes: wrong types, polyglots, truncated images, empty. */
export const hostileFiles: readonly Buffer[] = [
  Buffer.alloc(0),
  Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.from('<html><script>alert(1)</script></html>')]),
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]),
  Buffer.from('%PDF-1.7\n<script>'),
  Buffer.from('PK\u0003\u0004garbage'),
  Buffer.from('kode,nama\n36.71,"Kota\u0000"\n'),
  Buffer.from('\ufeffa;b\n1;2\n'),
];
