/**
 * The methodology library: every `methodologies/<id>.json`, imported statically (so it works
 * in Node through tsx and in the browser through Vite), validated with parseScheme when this
 * module loads, and frozen. A broken file stops the process at start with one error that
 * names the file and the path inside it — never a half-loaded library.
 *
 * To add a scheme: drop `<id>.json` here and add it to `files` below.
 *
 * `topics.json` is the vocabulary of cross-scheme topics (`Indicator.topics`); it is loaded and
 * checked against every scheme here too: an unknown topic, or a topic nothing else shares,
 * stops the load the same way.
 */
import { parseScheme } from '../src/core/parse-scheme.ts';
import { checkTopicUse, parseTopics } from '../src/core/topics.ts';
import type { Scheme, TopicLibrary } from '../src/core/types.ts';
import ombudsman2021 from './ombudsman-2021.json' with { type: 'json' };
import ombudsman2022 from './ombudsman-2022.json' with { type: 'json' };
import ombudsman2023 from './ombudsman-2023.json' with { type: 'json' };
import ombudsman2024 from './ombudsman-2024.json' with { type: 'json' };
import ombudsman2025 from './ombudsman-2025.json' with { type: 'json' };
import pekppp2022 from './pekppp-2022.json' with { type: 'json' };
import pekppp2023 from './pekppp-2023.json' with { type: 'json' };
import pekppp2024 from './pekppp-2024.json' with { type: 'json' };
import pekppp2025 from './pekppp-2025.json' with { type: 'json' };
import skm2017 from './skm-2017.json' with { type: 'json' };
import topicsJson from './topics.json' with { type: 'json' };
import documentTypesJson from './document-types.json' with { type: 'json' };
import { type DocumentTypeLibrary, parseDocumentTypes } from '../src/core/library-docs.ts';

/** File name → parsed JSON, in display order (family, then year). */
const files: Record<string, unknown> = {
  'ombudsman-2021.json': ombudsman2021,
  'ombudsman-2022.json': ombudsman2022,
  'ombudsman-2023.json': ombudsman2023,
  'ombudsman-2024.json': ombudsman2024,
  'ombudsman-2025.json': ombudsman2025,
  'pekppp-2022.json': pekppp2022,
  'pekppp-2023.json': pekppp2023,
  'pekppp-2024.json': pekppp2024,
  'pekppp-2025.json': pekppp2025,
  'skm-2017.json': skm2017,
};

/** Thrown when a library file is invalid; `issues` holds every problem, one line each. */
export class LibraryError extends Error {
  readonly issues: readonly string[];
  constructor(issues: readonly string[]) {
    super(`Invalid methodology library (${issues.length} issue${issues.length === 1 ? '' : 's'}):\n  ${issues.join('\n  ')}`);
    this.name = 'LibraryError';
    this.issues = issues;
  }
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}

const TOPICS_SOURCE = 'methodologies/topics.json';

/**
 * Validates `entries` (file name → parsed JSON) and returns the schemes keyed by id, frozen.
 * Throws a LibraryError listing every issue of every file (`methodologies/<file>: <path>: …`);
 * a file must be named after its scheme id. With `topics` (the parsed topics.json), every
 * indicator topic is checked against it as well.
 */
export function buildLibrary(entries: Record<string, unknown>, topics?: TopicLibrary): ReadonlyMap<string, Scheme> {
  const schemes = new Map<string, Scheme>();
  const problems: string[] = [];
  for (const [file, json] of Object.entries(entries)) {
    const source = `methodologies/${file}`;
    const parsed = parseScheme(json, source);
    if (!parsed.ok) {
      problems.push(...parsed.issues.map((i) => i.message));
      continue;
    }
    const scheme = parsed.value;
    // File names are unique keys, so naming each file after its id also keeps ids unique.
    if (file !== `${scheme.id}.json`) {
      problems.push(`${source}: id: the file must be named after its scheme id ("${scheme.id}.json")`);
    } else {
      schemes.set(scheme.id, deepFreeze(scheme));
    }
  }
  if (topics !== undefined && problems.length === 0) {
    problems.push(...checkTopicUse(topics, schemes.values(), (id) => `methodologies/${id}.json`, TOPICS_SOURCE));
  }
  if (problems.length > 0) throw new LibraryError(problems);
  return schemes;
}

/** Parses topics.json, throwing a LibraryError naming the file and path on any issue. */
export function buildTopics(json: unknown): TopicLibrary {
  const parsed = parseTopics(json, TOPICS_SOURCE);
  if (!parsed.ok) throw new LibraryError(parsed.issues.map((i) => i.message));
  return deepFreeze(parsed.value);
}

/** The cross-scheme topic vocabulary (read-only). */
export const topics: TopicLibrary = buildTopics(topicsJson);

/**
 * Issue 12 §3: the document types of a unit's evidence library, each naming the topics it is
 * evidence for (checked against topics.json), and the "expiring soon" window.
 */
export function buildDocumentTypes(json: unknown, vocabulary: TopicLibrary = topics): DocumentTypeLibrary {
  const parsed = parseDocumentTypes(json, vocabulary, 'methodologies/document-types.json');
  if (!parsed.ok) throw new LibraryError(parsed.issues.map((i) => i.message));
  return deepFreeze(parsed.value);
}

/** The document types of the evidence library (read-only). */
export const documentTypes: DocumentTypeLibrary = buildDocumentTypes(documentTypesJson);

/** Every shipped scheme, keyed by id. Read-only and deeply frozen: never mutate a scheme. */
export const library: ReadonlyMap<string, Scheme> = buildLibrary(files, topics);

/** Scheme ids in display order: by family, then year. */
export const schemeIds: string[] = [...library.keys()];

export function getScheme(id: string): Scheme | undefined {
  return library.get(id);
}
