/**
 * "Unduh rapor (PDF)" links (Bahasa Indonesia, and English beside it). Plain anchors, strings
 * from the shell's 'ui' namespace and no query library: public pages show them without growing
 * their first-visit JavaScript.
 */
import { useTranslation } from 'react-i18next';
import { API_BASE } from '../lib/api.ts';

export type RaporTarget =
  | { cycleId: string; bodyId: string }
  | { cycleId: string; unitId: string }
  | { publicationId: string; bodyId: string };

export function raporHref(target: RaporTarget, lang: 'id' | 'en'): string {
  if ('publicationId' in target) return `${API_BASE}/publications/${target.publicationId}/bodies/${target.bodyId}/rapor.pdf?lang=${lang}`;
  if ('unitId' in target) return `${API_BASE}/cycles/${target.cycleId}/units/${target.unitId}/rapor.pdf?lang=${lang}`;
  return `${API_BASE}/cycles/${target.cycleId}/bodies/${target.bodyId}/rapor.pdf?lang=${lang}`;
}

export function RaporLinks({ target, name }: { target: RaporTarget; name: string }) {
  const { t } = useTranslation('ui');
  return (
    <span style={{ display: 'flex', flexWrap: 'wrap', gap: '8px 16px' }} data-testid="rapor-links">
      <a href={raporHref(target, 'id')} aria-label={t('rapor.download_label', { name })} target="_blank" rel="noopener">
        {t('rapor.download')}
      </a>
      <a href={raporHref(target, 'en')} hrefLang="en" target="_blank" rel="noopener">
        {t('rapor.download_en')}
      </a>
    </span>
  );
}
