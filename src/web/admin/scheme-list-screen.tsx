/** Public list of every assessment scheme in the methodology library. */
import { Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { PanelBoundary } from '../ui/panel-boundary.tsx';
import { SchemeList } from './scheme-list.tsx';

export function SchemeListScreen() {
  const { t } = useTranslation('admin');
  return (
    <Stack gap="lg" maw={1100}>
      <Stack gap="xs">
        <Title order={1} size="h2">
          {t('schemes.title')}
        </Title>
        <Text maw={720}>{t('schemes.intro')}</Text>
      </Stack>
      <PanelBoundary>
        <SchemeList />
      </PanelBoundary>
    </Stack>
  );
}
