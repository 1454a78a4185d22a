/**
 * The methodology behind a published number (methodology.md: every ASSUMPTION must be shown
 * wherever it affects a published number): how many assumptions the cycle's frozen scheme
 * makes, the list on demand, and a link to the scheme viewer.
 */
import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { toLang } from '../lib/format.ts';
import { AnchorLink } from '../ui/anchor-link.tsx';
import { useSchemeFacts } from './use-scheme-facts.ts';

export function AssumptionsNote({ cycleId }: { cycleId: string }) {
  const { t, i18n } = useTranslation('public');
  const lang = toLang(i18n.resolvedLanguage);
  const scheme = useSchemeFacts(cycleId);
  if (!scheme.data) return null;
  const { schemeId, title, assumptions } = scheme.data;
  return (
    <section className="note-box" aria-labelledby="assumptions-heading">
      <h2 className="heading-5" id="assumptions-heading">
        {t('assumptions.title')}
      </h2>
      <Text size="sm">{t('assumptions.body', { scheme: title?.[lang] ?? schemeId, count: assumptions.length })}</Text>
      {assumptions.length > 0 && (
        <details className="assumption-list">
          <summary>
            <Text span size="sm" fw={600}>
              {t('assumptions.show', { count: assumptions.length })}
            </Text>
          </summary>
          <ul>
            {assumptions.map((a) => (
              <li key={a.path + a.note.id}>
                <Text size="sm">{a.note[lang]}</Text>
              </li>
            ))}
          </ul>
        </details>
      )}
      <AnchorLink to="/schemes/$schemeId" params={{ schemeId }} size="sm" fw={600}>
        {t('assumptions.link')}
      </AnchorLink>
    </section>
  );
}
