/**
 * The data layer's promises: one key per endpoint (screens of different workflows share one
 * fetch), writes refetch the readers they change and leave the rest alone, and reads kept for
 * offline use answer from the device only where the device store is loaded.
 */
import type { ReactNode } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { QueryClientProvider, type QueryKey, useQuery } from '@tanstack/react-query';
import { act, renderHook, waitFor } from '@testing-library/react';
import { createQueryClient } from '../lib/query-client.ts';
import { setOfflineCacheStore, withOfflineCache } from '../lib/api.ts';
import { getCycleSchemeQueryOptions, useCycleScheme } from './cycle-scheme.ts';
import { locusKeys } from './locus.ts';
import { pekpppKeys } from './pekppp.ts';
import { useRequestClarification } from './pekppp-writes.ts';
import { recordKeys } from './records.ts';
import { registryKeys } from './registry.ts';
import { useApproveUnit } from './review-writes.ts';
import { scoreKeys } from './scores.ts';

const CYCLE = '11111111-1111-4111-8111-111111111111';
const OTHER = '22222222-2222-4222-8222-222222222222';
const UNIT = '33333333-3333-4333-8333-333333333333';

const scheme = {
  id: 'ombudsman-2024',
  title: { id: 'Penilaian', en: 'Assessment' },
  instruments: [],
  dimensions: [],
  bands: [],
  result: { min: 0, max: 100 },
  assumptions: [],
};

function stubFetch(reply: (url: string, init: RequestInit) => unknown) {
  const calls: { method: string; url: string }[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (input: string, init: RequestInit = {}) => {
      calls.push({ method: init.method ?? 'GET', url: String(input) });
      return new Response(JSON.stringify(reply(String(input), init)), { status: 200, headers: { 'Content-Type': 'application/json' } });
    }),
  );
  return calls;
}

function wrapperFor(client = createQueryClient()) {
  return {
    client,
    wrapper: ({ children }: { children: ReactNode }) => <QueryClientProvider client={client}>{children}</QueryClientProvider>,
  };
}

afterEach(() => {
  vi.unstubAllGlobals();
  setOfflineCacheStore(null);
});

describe('one key per endpoint', () => {
  it("fetches a cycle's frozen scheme once for the assessor's form and the public page", async () => {
    const calls = stubFetch(() => ({ schemeId: scheme.id, schemeHash: 'h', scheme }));
    const { wrapper } = wrapperFor();
    // The assessor's form reads the whole scheme; the portal selects its facts with its own policy.
    const { result } = renderHook(
      () => ({
        form: useCycleScheme(CYCLE),
        portal: useQuery({ ...getCycleSchemeQueryOptions(CYCLE), select: (r) => r.scheme.result, throwOnError: true }),
      }),
      { wrapper },
    );
    await waitFor(() => expect(result.current.portal.data?.max).toBe(100));
    expect(result.current.form.data?.scheme.id).toBe('ombudsman-2024');
    expect(calls.filter((c) => c.url === `/api/v1/cycles/${CYCLE}/scheme`)).toHaveLength(1);
  });

  it('refuses a reply that is not a scheme', async () => {
    stubFetch(() => ({ schemeId: 'x', schemeHash: 'h', scheme: { id: 'x' } }));
    const { client } = wrapperFor();
    await expect(client.fetchQuery({ ...getCycleSchemeQueryOptions(CYCLE), retry: false })).rejects.toThrow(/malformed/);
  });
});

describe('writes refetch their readers', () => {
  it("an approval refetches the unit's records, the cycle's results and progress and the assignments, nothing else", async () => {
    stubFetch((_url, init) => (init.method === 'POST' ? { status: 'approved', bodyFinal: false } : {}));
    const { client, wrapper } = wrapperFor();
    const keys: Record<string, QueryKey> = {
      records: recordKeys.unit(CYCLE, UNIT),
      bodyResult: scoreKeys.bodyResult(CYCLE, 'b'),
      progress: locusKeys.progressAll(CYCLE),
      assignments: locusKeys.assignments,
      otherCycle: locusKeys.progressAll(OTHER),
      otherResults: scoreKeys.bodyResult(OTHER, 'b'),
      registry: registryKeys.provinces(),
    };
    for (const key of Object.values(keys)) client.setQueryData(key, { cached: true });
    const { result } = renderHook(() => useApproveUnit(CYCLE, UNIT), { wrapper });
    await act(() => result.current.mutateAsync(null));
    const invalidated = Object.fromEntries(Object.entries(keys).map(([name, key]) => [name, client.getQueryState(key)?.isInvalidated]));
    expect(invalidated).toEqual({
      records: true,
      bodyResult: true,
      progress: true,
      assignments: true,
      otherCycle: false,
      otherResults: false,
      registry: false,
    });
  });
});

describe('withOfflineCache', () => {
  it("answers the kept copy when the server cannot be reached, on a device with the assessor's store", async () => {
    const kept = new Map<string, unknown>();
    setOfflineCacheStore({ get: async (k) => kept.get(k), put: async (k, v) => void kept.set(k, v) });
    expect(await withOfflineCache('k', async () => 'fresh')).toBe('fresh');
    await waitFor(() => expect(kept.get('k')).toBe('fresh'));
    const { ApiError } = await import('../lib/api.ts');
    expect(await withOfflineCache('k', () => Promise.reject(new ApiError(0, 'network.offline', 'down')))).toBe('fresh');
  });

  it('keeps nothing and rethrows where no device store is loaded (public pages)', async () => {
    const { ApiError } = await import('../lib/api.ts');
    expect(await withOfflineCache('k', async () => 'fresh')).toBe('fresh');
    await expect(withOfflineCache('k', () => Promise.reject(new ApiError(0, 'network.offline', 'down')))).rejects.toThrow('down');
  });
});

describe('PEKPPP writes', () => {
  it("a clarification request keeps the unit's view in the cache (its reply is a clarification, not a view)", async () => {
    const clarification = { id: 'c1', indicators: ['A2'], question: 'Lampirkan BA.', status: 'open', answers: {}, lastDay: '2026-12-12' };
    stubFetch((_url, init) => (init.method === 'POST' ? clarification : {}));
    const { client, wrapper } = wrapperFor();
    const key = pekpppKeys.unit(CYCLE, UNIT);
    client.setQueryData(key, { claimStatus: 'submitted', aspects: [], indicators: [] });
    const { result } = renderHook(() => useRequestClarification(CYCLE, UNIT), { wrapper });
    await act(() => result.current.mutateAsync({ indicators: ['A2'], question: 'Lampirkan BA.' }));
    expect(client.getQueryData(key)).toMatchObject({ claimStatus: 'submitted', aspects: [] });
    expect(client.getQueryState(key)?.isInvalidated).toBe(true);
  });
});
