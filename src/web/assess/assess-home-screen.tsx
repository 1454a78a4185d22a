/** Asisten home: start a sheet, continue drafts, see the outbox — all on this device. */
import { SimpleGrid, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useMe } from '../auth/use-me.ts';
import { PanelBoundary } from '../ui/panel-boundary.tsx';
import { RoleHomeHeader } from '../ui/role-home.tsx';
import { DraftList, OutboxList } from './local-sheet-lists.tsx';
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
