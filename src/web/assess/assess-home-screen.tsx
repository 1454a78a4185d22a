/** Asisten home: its visit plan (issue 13 §5); start a sheet, continue drafts, see the outbox — all on this device. */
import { Alert, SimpleGrid, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useMe } from '../api/auth.ts';
import { ButtonLink } from '../ui/links.tsx';
import { PanelBoundary } from '../ui/panel-boundary.tsx';
import { RoleHomeHeader } from '../ui/role-home.tsx';
import { DraftList, OutboxList } from './local-sheet-lists.tsx';
import { MyVisitsPanel } from './my-visits-panel.tsx';
import { NewSheetCard } from './new-sheet-card.tsx';

export function AssessHomeScreen() {
  const { t } = useTranslation('assess');
  const user = useMe().data;
  if (!user) return null;
  return (
    <Stack gap="lg" maw={1100}>
      <RoleHomeHeader user={user}>
        <Text maw={720}>{t('home.intro')}</Text>
      </RoleHomeHeader>
      <Alert color="blue" variant="light" title={t('home.assignments.title')}>
        <Stack gap="xs">
          <Text size="sm">{t('home.assignments.body')}</Text>
          <ButtonLink to="/assignments/mine" w="fit-content">
            {t('home.assignments.action')}
          </ButtonLink>
        </Stack>
      </Alert>
      <PanelBoundary>
        <MyVisitsPanel meId={user.id} provinceCode={user.provinceCode} />
      </PanelBoundary>
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
        <PanelBoundary>
          <NewSheetCard />
        </PanelBoundary>
        <PanelBoundary>
          <OutboxList />
        </PanelBoundary>
      </SimpleGrid>
      <PanelBoundary>
        <DraftList />
      </PanelBoundary>
    </Stack>
  );
}
