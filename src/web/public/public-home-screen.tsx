/** Public portal start page: what Pantau assesses, where the methodology is, officer login. */
import { Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useMe } from '../auth/use-me.ts';
import { ROLE_HOME } from '../lib/roles.ts';
import { ButtonLink } from '../ui/links.tsx';
import { HomeCards } from '../ui/role-home.tsx';

export function PublicHomeScreen() {
  const { t } = useTranslation('public');
  const me = useMe();
  const user = me.data;
  return (
    <Stack gap="xl" maw={1100}>
      <Stack gap="sm">
        <Title order={1}>{t('home.title')}</Title>
        <Text size="lg" maw={720}>
          {t('home.intro')}
        </Text>
      </Stack>
      <HomeCards
        heading={t('home.explore')}
        cards={[
          {
            title: t('home.cards.ombudsman.title'),
            description: t('home.cards.ombudsman.body'),
            action: (
              <ButtonLink to="/schemes/$schemeId" params={{ schemeId: 'ombudsman-2024' }} variant="light">
                {t('home.cards.ombudsman.action')}
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
          user
            ? {
                title: t('home.cards.workspace.title'),
                description: t('home.cards.workspace.body', { name: user.name }),
                action: <ButtonLink to={ROLE_HOME[user.role]}>{t('home.cards.workspace.action')}</ButtonLink>,
              }
            : {
                title: t('home.cards.login.title'),
                description: t('home.cards.login.body'),
                action: <ButtonLink to="/login">{t('home.cards.login.action')}</ButtonLink>,
              },
        ]}
      />
    </Stack>
  );
}
