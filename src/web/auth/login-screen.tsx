/**
 * Login: username and password (and the authenticator code when the account has one,
 * login-form.tsx), translated errors, then back to where the user was (return-to) or to the
 * role's home.
 */
import { Alert, Paper, Stack, Text, Title } from '@mantine/core';
import { useNavigate, useSearch } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { useMe } from '../api/auth.ts';
import { ROLE_HOME, safeRedirect } from '../lib/roles.ts';
import { ButtonLink } from '../ui/links.tsx';
import { LoginForm } from './login-form.tsx';

export function LoginScreen() {
  const { t } = useTranslation('auth');
  const search = useSearch({ from: '/login' });
  const navigate = useNavigate();
  const me = useMe();
  const user = me.data;
  return (
    <Paper withBorder shadow="sm" p={{ base: 'md', sm: 'xl' }} maw={420} mx="auto" mt={{ base: 'sm', sm: 'xl' }}>
      <Stack gap="md">
        <Title order={1} size="h2">
          {t('login.title')}
        </Title>
        {search.reason === 'expired' && !user && (
          <Alert color="yellow" role="status" title={t('login.expired.title')}>
            {t('login.expired.body')}
          </Alert>
        )}
        {user ? (
          <>
            <Text>{t('login.signed_in_as', { name: user.name })}</Text>
            <ButtonLink to={ROLE_HOME[user.role]}>{t('login.continue')}</ButtonLink>
          </>
        ) : (
          <LoginForm
            onSignedIn={(signedIn) => {
              void navigate({ href: safeRedirect(search.redirect) ?? ROLE_HOME[signedIn.role], replace: true });
            }}
          />
        )}
      </Stack>
    </Paper>
  );
}
