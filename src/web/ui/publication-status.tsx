/**
 * A version's status as a small outlined badge: "Berlaku" (in force) or "Digantikan"
 * (superseded). A plain <span> (publication-status.css) so the public page stays light.
 */
import { useTranslation } from 'react-i18next';
import type { PublicationStatus } from '../../shared/wire/publications.ts';
import './publication-status.css';

export function StatusBadge({ status }: { status: PublicationStatus }) {
  const { t } = useTranslation('publish');
  return (
    <span className={`pub-status pub-status-${status}`} data-testid="publication-status">
      {t(`status.${status}`)}
    </span>
  );
}
