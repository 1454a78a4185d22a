/**
 * Shown while a screen's code, translations or data load (after a short delay). A CSS spinner
 * (global.css `.page-loader`) rather than Mantine's Loader: it is on every first paint.
 */
import { useTranslation } from 'react-i18next';

export function PageLoader() {
  const { t } = useTranslation('ui');
  return (
    <div className="page-loader" role="status" aria-live="polite">
      <span className="page-loader-spinner" aria-hidden="true" />
      <span className="visually-hidden">{t('shell.loading')}</span>
    </div>
  );
}
