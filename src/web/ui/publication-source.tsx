/**
 * The source line under a public leaderboard: "Sumber: Publikasi Banten versi 2, 4 Desember 2024
 * · Data terbuka (CSV/JSON)", linking to the permanent page and the downloads. Loaded lazily by
 * the leaderboard (not part of its first paint); shows nothing when the cycle has no
 * publication the visitor may see. Strings: the `public` namespace (the leaderboard's own).
 */
import { Anchor, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { PublicationMeta } from '../../shared/wire/publications.ts';
import { openDataHref, usePublications } from '../api/publications.ts';
import { scopeProvince, useFormat, zoneTzOf } from '../lib/format.ts';
import { AnchorLink } from './anchor-link.tsx';

/** The version in force for the scope asked for; the nation's when the province has none. */
export function sourceFor(items: PublicationMeta[], scope: string): PublicationMeta | undefined {
  const current = items.filter((p) => p.status === 'current' && p.released);
  return current.find((p) => p.scope === scope) ?? current.find((p) => p.scope === 'national');
}

export function PublicationSource({ cycleId, scope }: { cycleId: string; scope: string }) {
  const { t } = useTranslation('public');
  const list = usePublications(cycleId);
  const source = sourceFor(list.data ?? [], scope);
  // issue 16: the publication's day in its province's zone.
  const format = useFormat({ timeZone: zoneTzOf(source ? scopeProvince(source.scope) : null) });
  if (!source) return null;
  return (
    <Text size="sm" mt="sm" data-testid="publication-source">
      {t('source.label')}{' '}
      <AnchorLink to="/publikasi/$publicationId" params={{ publicationId: source.id }}>
        {t('source.publication', { scope: source.scopeName, version: source.version, date: format.date(source.publishedAt) })}
      </AnchorLink>
      {' · '}
      {t('source.open_data')} (<Anchor href={openDataHref(source.id, 'csv')}>CSV</Anchor>/
      <Anchor href={openDataHref(source.id, 'json')}>JSON</Anchor>)
    </Text>
  );
}
