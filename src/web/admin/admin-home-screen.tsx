/** Admin home: national scope, the admin screens (cycles, registry, users, audit), and the methodology library. */
import { Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useMe } from '../api/auth.ts';
import { PanelBoundary } from '../ui/panel-boundary.tsx';
import { ButtonLink } from '../ui/links.tsx';
import { HomeCards, RoleHomeHeader } from '../ui/role-home.tsx';
import { SchemeList } from './scheme-list.tsx';

export function AdminHomeScreen() {
  const { t } = useTranslation('admin');
  const user = useMe().data;
  if (!user) return null;
  return (
    <Stack gap="xl" maw={1100}>
      <RoleHomeHeader user={user}>
        <Text maw={720}>{t('home.intro')}</Text>
      </RoleHomeHeader>
      <HomeCards
        cards={[
          ...(
            [
              ['cycles', '/admin/cycles'],
              ['registry', '/admin/registry'],
              ['users', '/admin/users'],
              ['audit', '/audit'],
            ] as const
          ).map(([key, to]) => ({
            title: t(`home.cards.${key}.title`),
            description: t(`home.cards.${key}.body`),
            action: (
              <ButtonLink to={to} variant="light">
                {t(`home.cards.${key}.action`)}
              </ButtonLink>
            ),
          })),
          {
            title: t('home.cards.public.title'),
            description: t('home.cards.public.body'),
            action: (
              <ButtonLink to="/" variant="light">
                {t('home.cards.public.action')}
              </ButtonLink>
            ),
          },
        ]}
      />
      <Stack gap="sm" component="section" aria-labelledby="library-title">
        <Title order={2} size="h4" id="library-title">
          {t('home.library')}
        </Title>
        <PanelBoundary>
          <SchemeList />
        </PanelBoundary>
      </Stack>
    </Stack>
  );
}
