// One message catalogue mechanism for everything the server and the CLI say: API errors
// (server/errors.ts), rapor and piagam PDFs (server/reports/i18n.ts), Excel exports and import
// issues (server/exports/i18n.ts, server/transfer/i18n.ts), other server words
// (server/i18n.ts) and the CLI (cli/i18n.ts).
//
// A catalogue maps a key to its text in Bahasa Indonesia (`id`, the source) and English (`en`,
// complete), side by side. Placeholders are `{name}`; `fill` replaces each with its parameter
// and leaves a placeholder without one as written. `catalogueProblems` is what the catalogue
// test checks: both languages present and non-empty, with the same placeholders.
// Pure: no I/O, no Node built-ins (the web could read it too).
import type { Lang, Text } from '../core/types.ts';

/** One message in both languages. */
export type Message = Text;

/** Key → message. Entries may carry more (an error's HTTP status). */
export type Catalogue<K extends string = string> = { readonly [P in K]: Message };

export type Params = Readonly<Record<string, unknown>>;

/** How a parameter value is written into the text (default `String(value)`). */
export type Show = (value: unknown) => string;

const PLACEHOLDER = /\{(\w+)\}/g;

/** `template` with each `{name}` replaced by `show(params[name])`; unknown names stay as written. */
export function fill(template: string, params: Params = {}, show: Show = String): string {
  return template.replace(PLACEHOLDER, (whole, name: string) =>
    name in params && params[name] !== undefined ? show(params[name]) : whole,
  );
}

/** The message `key` of `catalogue` in `lang`, placeholders filled. */
export function format<K extends string>(catalogue: Catalogue<K>, key: K, lang: Lang, params?: Params, show?: Show): string {
  return fill(catalogue[key][lang], params, show);
}

/** The message in both languages, placeholders filled (for texts stored or sent bilingual). */
export function formatBoth<K extends string>(catalogue: Catalogue<K>, key: K, params?: Params, show?: Show): Text {
  const m = catalogue[key];
  return { id: fill(m.id, params, show), en: fill(m.en, params, show) };
}

/** The placeholder names of a template, sorted and without repeats. */
export function placeholders(template: string): string[] {
  return [...new Set([...template.matchAll(PLACEHOLDER)].map((m) => m[1]!))].sort();
}

/** What is wrong with a catalogue: a language missing or empty, or placeholders that differ. */
export function catalogueProblems(catalogue: Readonly<Record<string, Partial<Message>>>): string[] {
  const problems: string[] = [];
  for (const [key, m] of Object.entries(catalogue)) {
    if (typeof m.id !== 'string' || m.id.trim() === '') problems.push(`${key}: no Indonesian text`);
    if (typeof m.en !== 'string' || m.en.trim() === '') problems.push(`${key}: no English text`);
    if (typeof m.id === 'string' && typeof m.en === 'string') {
      const id = placeholders(m.id).join(',');
      const en = placeholders(m.en).join(',');
      if (id !== en) problems.push(`${key}: placeholders differ (id: {${id}}, en: {${en}})`);
    }
  }
  return problems;
}
