/** The portal's reads of the registry: provinces, and the kabupaten and kota of one (the map's tiles). */
import { useQuery } from '@tanstack/react-query';
import { PAGE_SIZE_MAX } from '../../shared/wire/limits.ts';
import { getBodiesQueryOptions, getProvincesQueryOptions } from '../api/registry.ts';
import { throwOnError } from './query-policy.ts';

export const useProvinces = () => useQuery({ ...getProvincesQueryOptions(), throwOnError });

export const useProvinceBodies = (province: string | undefined) =>
  useQuery({
    ...getBodiesQueryOptions({ page: 1, pageSize: PAGE_SIZE_MAX, type: ['kabupaten', 'kota'], province: province ?? '' }),
    enabled: !!province,
    select: (page) => page.items,
    staleTime: Infinity,
    throwOnError,
  });
