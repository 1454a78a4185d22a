/**
 * Scheme lookup for the CLI (the validated library of `methodologies/`), with the CLI's
 * "unknown scheme" error.
 */
import type { Family, Scheme } from '../core/index.ts';
import { library, schemeIds } from '../../methodologies/index.ts';
import { CliError } from './errors.ts';

export function loadScheme(id: string): Scheme {
  const scheme = library.get(id);
  if (scheme === undefined) throw new CliError('errors.unknown_scheme', { id, ids: schemeIds.join(', ') });
  return scheme;
}

export function requireFamily(scheme: Scheme, family: Family): void {
  if (scheme.family !== family) {
    throw new CliError('errors.wrong_family', { scheme: scheme.id, actual: scheme.family, family });
  }
}

/** Every indicator code of a scheme (scored and supplement), in file order. */
export function indicatorCodes(scheme: Scheme): string[] {
  return [
    ...scheme.dimensions.flatMap((d) => d.variables.flatMap((v) => v.indicators.map((i) => i.code))),
    ...scheme.supplements.flatMap((s) => s.indicators.map((i) => i.code)),
  ];
}
