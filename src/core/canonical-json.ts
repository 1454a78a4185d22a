/**
 * Canonical JSON: the one serialisation whose sha256 freezes a scheme (or any value) on a
 * cycle. Object keys are sorted recursively by UTF-16 code unit (no locale), no whitespace,
 * strings and numbers exactly as JSON.stringify writes them. Pure and browser-safe: it does
 * not hash, the caller does.
 */

/**
 * Serialises `value` canonically. Follows JSON.stringify for `toJSON` and for `undefined`
 * object members (omitted), but throws a TypeError instead of silently writing `null` or
 * dropping data for what JSON cannot represent faithfully (NaN, ±Infinity, bigint, functions,
 * symbols, `undefined` inside arrays or at the top, circular references) — a hash over a lossy
 * serialisation would freeze the wrong thing.
 */
export function canonicalJson(value: unknown): string {
  return write(value, '$', new Set());
}

function write(value: unknown, at: string, stack: Set<object>): string {
  if (value !== null && typeof value === 'object' && typeof (value as { toJSON?: unknown }).toJSON === 'function') {
    value = (value as { toJSON: (key: string) => unknown }).toJSON('');
  }
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return JSON.stringify(value);
    case 'number':
      if (!Number.isFinite(value)) throw new TypeError(`canonicalJson: ${at} is ${String(value)}, which JSON cannot represent`);
      return JSON.stringify(value);
    case 'object': {
      if (value === null) return 'null';
      if (stack.has(value)) throw new TypeError(`canonicalJson: ${at} is a circular reference`);
      stack.add(value);
      let out: string;
      if (Array.isArray(value)) {
        out = `[${value.map((item, i) => write(item, `${at}[${i}]`, stack)).join(',')}]`;
      } else {
        const record = value as Record<string, unknown>;
        const members: string[] = [];
        for (const key of Object.keys(record).sort()) {
          if (record[key] === undefined) continue;
          members.push(`${JSON.stringify(key)}:${write(record[key], `${at}.${key}`, stack)}`);
        }
        out = `{${members.join(',')}}`;
      }
      stack.delete(value);
      return out;
    }
    default:
      throw new TypeError(`canonicalJson: ${at} is ${typeof value}, which JSON cannot represent`);
  }
}
