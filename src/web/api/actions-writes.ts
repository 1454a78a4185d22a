/**
 * Follow-up action and finding writes (issue 12): plan, edit, report progress (with evidence
 * uploaded first), verify, comment; the Perwakilan's recommendation and the pre-check on a
 * finding. Every write refetches the action and finding reads (`actionKeys.all`).
 */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { ActionDetail, ActionEvidence, ActionIn, ActionPatchIn, CommentIn, ProgressIn, VerifyIn } from '../../shared/wire/actions.ts';
import type { Finding, FindingPatchIn, FollowupProduct, FollowupProductFields } from '../../shared/wire/findings.ts';
import { api } from '../lib/api.ts';
import { actionKeys } from './actions.ts';

function useRefresh() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: actionKeys.all });
}

/** Plan an action on a unit (from a finding, or on the unit chosen in the board's form). */
export function usePlanAction() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: ({ unitId, input }: { unitId: string; input: ActionIn }) => api.post<ActionDetail>(`/units/${unitId}/actions`, input),
    onSuccess: () => refresh(),
  });
}

export function useUpdateAction(actionId: string) {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (input: ActionPatchIn) => api.patch<ActionDetail>(`/actions/${actionId}`, input),
    onSuccess: () => refresh(),
  });
}

export function useUploadActionEvidence(actionId: string) {
  return useMutation({
    mutationFn: (file: File) => {
      const form = new FormData();
      form.append('file', file);
      return api.post<ActionEvidence>(`/actions/${actionId}/evidence`, form);
    },
  });
}

export function useReportProgress(actionId: string) {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (input: ProgressIn) => api.post<ActionDetail>(`/actions/${actionId}/progress`, input),
    onSuccess: () => refresh(),
  });
}

export function useVerifyAction(actionId: string) {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (input: VerifyIn) => api.post<ActionDetail>(`/actions/${actionId}/verify`, input),
    onSuccess: () => refresh(),
  });
}

export function useCommentAction(actionId: string) {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (input: CommentIn) => api.post<ActionDetail>(`/actions/${actionId}/comments`, input),
    onSuccess: () => refresh(),
  });
}

export function usePatchFinding(findingId: string) {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (input: FindingPatchIn) => api.patch<Finding>(`/findings/${findingId}`, input),
    onSuccess: () => refresh(),
  });
}

/**
 * Record an Ombudsman follow-up product with its source document (multipart: the fields first,
 * then the file — the server checks the fields before it stores anything).
 */
export function useRecordFollowupProduct(cycleId: string, bodyId: string) {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: ({ fields, file }: { fields: FollowupProductFields; file: File }) => {
      const form = new FormData();
      for (const [k, v] of Object.entries(fields)) if (v !== undefined) form.append(k, String(v));
      form.append('file', file);
      return api.post<FollowupProduct>(`/cycles/${cycleId}/bodies/${bodyId}/followup-products`, form);
    },
    onSuccess: () => refresh(),
  });
}
