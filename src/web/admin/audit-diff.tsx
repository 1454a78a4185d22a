/**
 * Issue 16: an audit event's recorded difference as readable lines — "field: before → after",
 * ids replaced by the names the server looked up, instants in WIB — instead of raw JSON.
 */
import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Formatter } from '../lib/format.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;
const SHOWN = 12;

const CODE = /^[a-z][a-z_]*$/;

/** A stored code (a status such as "in_progress") in words; unknown codes stay as they are. */
export type Words = (code: string) => string;

/** A value in words: a name for an id, a local time for an instant, a status in words, lists and objects flattened. */
export function showValue(value: unknown, names: Record<string, string>, format: Formatter, unknownId: string, words?: Words): string {
  if (value === null || value === undefined) return '—';
  if (typeof value === 'string') {
    if (UUID.test(value)) return names[value.toLowerCase()] ?? names[value] ?? unknownId;
    if (INSTANT.test(value)) return format.dateTime(value);
    if (words && CODE.test(value)) return words(value);
    return value.length > 120 ? `${value.slice(0, 117)}…` : value;
  }
  if (typeof value === 'number') return format.decimal(value, 4);
  if (typeof value === 'boolean') return value ? '✓' : '✗';
  if (Array.isArray(value)) {
    const parts = value.slice(0, 6).map((v) => showValue(v, names, format, unknownId, words));
    return parts.join(', ') + (value.length > 6 ? ` (+${value.length - 6})` : '');
  }
  if (typeof value === 'object') {
    return Object.entries(value as Record<string, unknown>)
      .slice(0, 8)
      .map(([k, v]) => `${k}: ${showValue(v, names, format, unknownId, words)}`)
      .join('; ');
  }
  return String(value);
}

/** The lines of a difference: { before, after } → one line per changed field; any other object → one line per field. */
export function diffLines(
  diff: unknown,
  names: Record<string, string>,
  format: Formatter,
  unknownId: string,
  words?: Words,
): { key: string; text: string }[] {
  if (diff === null || diff === undefined) return [];
  if (typeof diff !== 'object' || Array.isArray(diff)) return [{ key: '', text: showValue(diff, names, format, unknownId, words) }];
  const d = diff as Record<string, unknown>;
  const lines: { key: string; text: string }[] = [];
  const before = d.before && typeof d.before === 'object' && !Array.isArray(d.before) ? (d.before as Record<string, unknown>) : null;
  const after = d.after && typeof d.after === 'object' && !Array.isArray(d.after) ? (d.after as Record<string, unknown>) : null;
  if (before || after) {
    const keys = [...new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})])];
    for (const k of keys) {
      const b = before?.[k];
      const a = after?.[k];
      if (JSON.stringify(b) === JSON.stringify(a)) continue;
      lines.push({ key: k, text: `${showValue(b, names, format, unknownId, words)} → ${showValue(a, names, format, unknownId, words)}` });
    }
  }
  for (const [k, v] of Object.entries(d)) {
    if ((k === 'before' && before) || (k === 'after' && after)) continue;
    lines.push({ key: k, text: showValue(v, names, format, unknownId, words) });
  }
  return lines;
}

export function AuditDiff({ diff, names, format }: { diff: unknown; names: Record<string, string>; format: Formatter }) {
  const { t } = useTranslation('admin');
  const words: Words = (code) => t(`audit.values.${code}`, { defaultValue: code });
  const lines = diffLines(diff, names, format, t('audit.unknown_id'), words);
  if (lines.length === 0) return <>—</>;
  const list = (items: typeof lines) => (
    <ul className="audit-diff" style={{ margin: 0, paddingLeft: '1em' }}>
      {items.map((l) => (
        <li key={l.key}>
          {l.key && <Text span fw={600} size="xs">{`${l.key}: `}</Text>}
          <Text span size="xs" style={{ overflowWrap: 'anywhere' }}>
            {l.text}
          </Text>
        </li>
      ))}
    </ul>
  );
  if (lines.length <= 4) return list(lines);
  return (
    <details>
      <summary>
        <Text span size="xs">
          {t('audit.show_changes', { n: lines.length })}
        </Text>
      </summary>
      {list(lines.slice(0, SHOWN))}
      {lines.length > SHOWN && <Text size="xs">+{lines.length - SHOWN}</Text>}
    </details>
  );
}
