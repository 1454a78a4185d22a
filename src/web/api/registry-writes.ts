/**
 * Registry writes: a body's units are created, edited, deactivated and reactivated (never
 * deleted). Each write refetches the registry reads (`registryKeys.all`): lists, the body and
 * the unit agree again.
 */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Lang } from '../../shared/wire/common.ts';
import type { Unit, UnitIn, UnitLocationsImported } from '../../shared/wire/registry.ts';
import { api } from '../lib/api.ts';
import { uploadForm } from '../lib/upload.ts';
import { registryKeys } from './registry.ts';

export type UnitWrite =
  | { kind: 'create'; bodyId: string; input: UnitIn }
  | { kind: 'edit'; unitId: string; input: UnitIn }
  | { kind: 'deactivate'; unitId: string }
  | { kind: 'reactivate'; unitId: string };

export function writeUnit(w: UnitWrite): Promise<Unit> {
  switch (w.kind) {
    case 'create':
      return api.post<Unit>(`/bodies/${w.bodyId}/units`, w.input);
    case 'edit':
      return api.patch<Unit>(`/units/${w.unitId}`, w.input);
    case 'deactivate':
      return api.post<Unit>(`/units/${w.unitId}/deactivate`);
    case 'reactivate':
      return api.patch<Unit>(`/units/${w.unitId}`, { active: true });
  }
}

export function useWriteUnit() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: writeUnit,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: registryKeys.all }),
  });
}

/**
 * Issue 17: `POST /bodies/:bodyId/units/locations` — the units' locations from an .xlsx/CSV; a
 * 422 `import.invalid` lists every problem (`importIssues` in api/transfer.ts), nothing saved.
 */
export function useImportUnitLocations(bodyId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ file, lang }: { file: File; lang: Lang }) => {
      const form = new FormData();
      form.set('file', file);
      return uploadForm<UnitLocationsImported>(`/bodies/${bodyId}/units/locations`, form, { lang });
    },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: registryKeys.all }),
  });
}
