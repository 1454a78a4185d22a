/**
 * The methodology library (methodologies/index.ts: every methodologies/*.json, validated and
 * frozen), loaded on demand so it never weighs on the shell or the public start page.
 * Read-only.
 */
import { queryOptions } from '@tanstack/react-query';
import type { Scheme } from '../../core/types.ts';

const loadLibrary = () => import('../../../methodologies/index.ts');

/** The scheme with this id, or null when the library has none. */
export async function loadScheme(id: string): Promise<Scheme | null> {
  const { getScheme } = await loadLibrary();
  return getScheme(id) ?? null;
}

/** Every scheme of the library, in the library's order (family, then year). */
export async function loadSchemes(): Promise<Scheme[]> {
  const { library, schemeIds } = await loadLibrary();
  return schemeIds.flatMap((id) => library.get(id) ?? []);
}

export function getSchemeQueryOptions(id: string) {
  return queryOptions({ queryKey: ['library', 'scheme', id], queryFn: () => loadScheme(id), staleTime: Infinity });
}

export function getSchemesQueryOptions() {
  return queryOptions({ queryKey: ['library', 'schemes'], queryFn: loadSchemes, staleTime: Infinity });
}
