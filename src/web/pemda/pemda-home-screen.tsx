/** Koordinator (pemda) home: own body and units, the cycles with its results, and link cards. */
import { Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useMe } from '../api/auth.ts';
import { ButtonLink } from '../ui/links.tsx';
import { PanelBoundary } from '../ui/panel-boundary.tsx';
import { HomeCards, RoleHomeHeader } from '../ui/role-home.tsx';
import { CycleList } from './cycle-list.tsx';
import { OwnBodyPanel } from './own-body-panel.tsx';

export function PemdaHomeScreen() {
  const { t } = useTranslation('pemda');
  const user = useMe().data;
  if (!user) return null;
  return (
    <Stack gap="xl" maw={1100}>
      <RoleHomeHeader user={user}>
        <Text maw={720}>{t('coordinator.intro')}</Text>
      </RoleHomeHeader>
      {user.bodyId && (
        <PanelBoundary>
          <OwnBodyPanel bodyId={user.bodyId} />
        </PanelBoundary>
      )}
      <Stack gap="sm" component="section" aria-labelledby="cycles-title">
        <Title order={2} size="h4" id="cycles-title">
          {t('cycles.title')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('cycles.intro_coordinator')}
        </Text>
        <PanelBoundary>
          <CycleList bodyId={user.bodyId} target="pemda" />
        </PanelBoundary>
      </Stack>
      <HomeCards
        cards={[
          {
            title: t('cards.indicators.title'),
            description: t('cards.indicators.body'),
            action: (
              <ButtonLink to="/schemes/$schemeId" params={{ schemeId: 'ombudsman-2024' }} variant="light">
                {t('cards.indicators.action')}
              </ButtonLink>
            ),
          },
          // issue 12 §4: the government's own pre-assessment.
          {
            title: t('cards.internal.title'),
            description: t('cards.internal.body'),
            action: (
              <ButtonLink to="/pemda/pra-penilaian" variant="light">
                {t('cards.internal.action')}
              </ButtonLink>
            ),
          },
          // issue 12 §6: the target planner and the what-if view.
          {
            title: t('cards.target.title'),
            description: t('cards.target.body'),
            action: (
              <ButtonLink to="/sasaran" variant="light">
                {t('cards.target.action')}
              </ButtonLink>
            ),
          },
          ...(user.bodyId
            ? [
                {
                  title: t('cards.units.title'),
                  description: t('cards.units.body'),
                  action: (
                    <ButtonLink to="/admin/registry/$bodyId" params={{ bodyId: user.bodyId }} variant="light">
                      {t('cards.units.action')}
                    </ButtonLink>
                  ),
                },
              ]
            : []),
          {
            title: t('cards.public.title'),
            description: t('cards.public.body'),
            action: (
              <ButtonLink to="/" variant="light">
                {t('cards.public.action')}
              </ButtonLink>
            ),
          },
        ]}
      />
    </Stack>
  );
}
