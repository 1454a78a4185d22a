/** Pimpinan (Kepala Perwakilan) home: own province scope and the screens available to the role. */
import { Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useMe } from '../auth/use-me.ts';
import { ButtonLink } from '../ui/links.tsx';
import { HomeCards, RoleHomeHeader } from '../ui/role-home.tsx';

export function ReviewHomeScreen() {
  const { t } = useTranslation('review');
  const user = useMe().data;
  if (!user) return null;
  return (
    <Stack gap="xl" maw={1100}>
      <RoleHomeHeader user={user}>
        <Text maw={720}>{t('home.intro')}</Text>
      </RoleHomeHeader>
      <HomeCards
        cards={[
          {
            title: t('home.cards.bands.title'),
            description: t('home.cards.bands.body'),
            action: (
              <ButtonLink to="/schemes/$schemeId" params={{ schemeId: 'ombudsman-2024' }} variant="light">
                {t('home.cards.bands.action')}
              </ButtonLink>
            ),
          },
          {
            title: t('home.cards.schemes.title'),
            description: t('home.cards.schemes.body'),
            action: (
              <ButtonLink to="/schemes" variant="light">
                {t('home.cards.schemes.action')}
              </ButtonLink>
            ),
          },
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
    </Stack>
  );
}
