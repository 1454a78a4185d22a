/** Koordinator (pemda) home: own body scope and the screens available to the role. */
import { Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useMe } from '../auth/use-me.ts';
import { ButtonLink } from '../ui/links.tsx';
import { HomeCards, RoleHomeHeader } from '../ui/role-home.tsx';

export function PemdaHomeScreen() {
  const { t } = useTranslation('pemda');
  const user = useMe().data;
  if (!user) return null;
  return (
    <Stack gap="xl" maw={1100}>
      <RoleHomeHeader user={user}>
        <Text maw={720}>{t('coordinator.intro')}</Text>
      </RoleHomeHeader>
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
