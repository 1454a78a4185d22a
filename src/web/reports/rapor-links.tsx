/**
 * "Unduh rapor (PDF)" links (Bahasa Indonesia, and English beside it). Plain anchors and no
 * Mantine, so public pages can show them without growing their first-visit JavaScript.
 */
import { useTranslation } from 'react-i18next';
import { raporUrl } from './use-reports.ts';

export type RaporTarget = { cycleId: string; bodyId: string } | { cycleId: string; unitId: string } | { publicationId: string; bodyId: string };

function href(target: RaporTarget, lang: 'id' | 'en'): string {
  if ('publicationId' in target) return raporUrl.published(target.publicationId, target.bodyId, lang);
  if ('unitId' in target) return raporUrl.unit(target.cycleId, target.unitId, lang);
  return raporUrl.live(target.cycleId, target.bodyId, lang);
}

export function RaporLinks({ target, name }: { target: RaporTarget; name: string }) {
  const { t } = useTranslation('reports');
  return (
    <span style={{ display: 'flex', flexWrap: 'wrap', gap: '8px 16px' }} data-testid="rapor-links">
      <a href={href(target, 'id')} aria-label={t('rapor.download_label', { name })} target="_blank" rel="noopener">
        {t('rapor.download')}
      </a>
      <a href={href(target, 'en')} hrefLang="en" target="_blank" rel="noopener">
        {t('rapor.download_en')}
      </a>
    </span>
  );
}
