/**
 * PEKPPP writes (issue 10): the unit's F-01 drafts and submit, its evidence files per indicator
 * and clarification answers; the evaluator's F-02 verdicts, reopen, clarification requests and
 * finalisation. Each write puts the returned view in the cache and refetches the unit list;
 * records, evidence and results of the unit change with them.
 */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Evidence } from '../../shared/wire/evidence.ts';
import type {
  ClarificationAnswerIn,
  ClarificationRequestIn,
  ClaimsIn,
  PekpppClarification,
  PekpppUnitView,
  ValidationIn,
  VerdictsIn,
} from '../../shared/wire/pekppp.ts';
import type { CycleSummary } from '../../shared/wire/cycles.ts';
import { cycleKeys } from './cycles.ts';
import { api } from '../lib/api.ts';
import { evidenceKeys } from './evidence.ts';
import { pekpppKeys } from './pekppp.ts';
import { recordKeys } from './records.ts';
import { scoreKeys } from './scores.ts';

function usePekpppMutation<I, O>(cycleId: string, unitId: string, run: (base: string, input: I) => Promise<O>) {
  const queryClient = useQueryClient();
  const base = `/cycles/${cycleId}/units/${unitId}/pekppp`;
  return useMutation({
    mutationFn: (input: I) => run(base, input),
    onSuccess: async (out) => {
      // Only a unit view goes into the cache: a clarification also carries `indicators` (its codes).
      if (out && typeof out === 'object' && 'claimStatus' in out && 'aspects' in out)
        queryClient.setQueryData(pekpppKeys.unit(cycleId, unitId), out as unknown as PekpppUnitView);
      await Promise.all(
        [pekpppKeys.all, recordKeys.all, evidenceKeys.unit(cycleId, unitId), scoreKeys.all].map((queryKey) =>
          queryClient.invalidateQueries({ queryKey }),
        ),
      );
    },
  });
}

export const useSaveClaims = (cycleId: string, unitId: string) =>
  usePekpppMutation(cycleId, unitId, (base, input: ClaimsIn) => api.put<PekpppUnitView>(`${base}/claims`, input));
export const useSubmitClaims = (cycleId: string, unitId: string) =>
  usePekpppMutation(cycleId, unitId, (base, _: undefined) => api.post<PekpppUnitView>(`${base}/claims/submit`));
export const useReopenClaims = (cycleId: string, unitId: string) =>
  usePekpppMutation(cycleId, unitId, (base, note: string) => api.post<PekpppUnitView>(`${base}/claims/reopen`, { note }));
export const useSaveVerdicts = (cycleId: string, unitId: string) =>
  usePekpppMutation(cycleId, unitId, (base, input: VerdictsIn) => api.put<PekpppUnitView>(`${base}/verdicts`, input));
export const useRequestClarification = (cycleId: string, unitId: string) =>
  usePekpppMutation(cycleId, unitId, (base, input: ClarificationRequestIn) =>
    api.post<PekpppClarification>(`${base}/clarifications`, input),
  );
export const useAnswerClarification = (cycleId: string, unitId: string) =>
  usePekpppMutation(cycleId, unitId, (base, input: ClarificationAnswerIn) => api.post<PekpppClarification>(`${base}/answers`, input));
export const useFinalise = (cycleId: string, unitId: string) =>
  usePekpppMutation(cycleId, unitId, (base, _: undefined) => api.post<PekpppUnitView>(`${base}/finalise`, {}));

/** Uploads one evidence file for an indicator (kind 'f01' for the claim, 'klarifikasi' for an answer). */
export function useUploadIndicatorEvidence(cycleId: string, unitId: string) {
  return usePekpppMutation(cycleId, unitId, (_base, input: { indicator: string; kind: string; file: File }) => {
    const form = new FormData();
    form.append('cycleId', cycleId);
    form.append('unitId', unitId);
    form.append('indicator', input.indicator);
    form.append('kind', input.kind);
    form.append('file', input.file, input.file.name);
    return api.post<Evidence>('/evidence', form);
  });
}

/** issue 10: KemenPANRB validates a "mandiri" cycle or returns it with a reason; the cycle lists refetch. */
export function useValidateMandiri(cycleId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: ValidationIn) => api.post<CycleSummary>(`/cycles/${cycleId}/pekppp/validation`, input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: cycleKeys.all }),
  });
}
