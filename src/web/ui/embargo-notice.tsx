/**
 * For the koordinator: its government's results are published but still under embargo —
 * "Diterbitkan, tayang untuk publik pada <tanggal>", with a link to the permanent page. Shows
 * nothing when no publication is pending (or the list cannot be read). Strings: `publish`.
 */
import { Alert, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { usePublications } from '../api/publications.ts';
import { useFormat } from '../lib/format.ts';
import { AnchorLink } from './anchor-link.tsx';

export function EmbargoNotice({ cycleId, provinceCode }: { cycleId: string; provinceCode?: string | null }) {
  const { t } = useTranslation('publish');
  const format = useFormat();
  const list = usePublications(cycleId);
  const pending = (list.data ?? []).filter(
    (p) => p.status === 'current' && !p.released && (p.scope === 'national' || !provinceCode || p.scope === provinceCode),
  );
  if (pending.length === 0) return null;
  return (
    <>
      {pending.map((p) => (
        <Alert key={p.id} color="blue" title={t('embargo.title', { date: format.dateTime(p.publicAt) })} data-testid="embargo-notice">
          <Text size="sm">
            {t('embargo.body', { scope: p.scopeName, version: p.version })}{' '}
            <AnchorLink to="/publikasi/$publicationId" params={{ publicationId: p.id }} fw={600}>
              {t('embargo.link')}
            </AnchorLink>
          </Text>
        </Alert>
      ))}
    </>
  );
}
