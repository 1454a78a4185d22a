/** Shown while a screen's code, translations or data load (after a short delay). */
import { Center, Loader } from '@mantine/core';
import { useTranslation } from 'react-i18next';

export function PageLoader() {
  const { t } = useTranslation('ui');
  return (
    <Center py="xl" role="status" aria-live="polite">
      <Loader size="md" aria-label={t('shell.loading')} />
    </Center>
  );
}
