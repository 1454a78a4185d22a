/**
 * Login: username and password, translated validation, the server's error in the UI language,
 * then back to where the user was (return-to) or to the role's home.
 */
import { Alert, Button, Paper, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useNavigate, useSearch } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { LoginIn } from '../../shared/wire/auth.ts';
import { useLogin } from '../api/auth-writes.ts';
import { useMe } from '../api/auth.ts';
import { errorMessage } from '../lib/error-message.ts';
import { ROLE_HOME, safeRedirect } from '../lib/roles.ts';
import { ButtonLink } from '../ui/links.tsx';

export function LoginScreen() {
  const { t } = useTranslation('auth');
  const search = useSearch({ from: '/login' });
  const navigate = useNavigate();
  const me = useMe();
  const login = useLogin();
  const form = useForm<LoginIn>({
    mode: 'controlled',
    initialValues: { username: '', password: '' },
    validate: {
      username: (v) => (v.trim() ? null : t('login.validation.username_required')),
      password: (v) => (v ? null : t('login.validation.password_required')),
    },
  });

  const submit = form.onSubmit((values) => {
    login.mutate(
      { username: values.username.trim(), password: values.password },
      {
        onSuccess: (user) => {
          void navigate({ href: safeRedirect(search.redirect) ?? ROLE_HOME[user.role], replace: true });
        },
      },
    );
  });

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
          <form onSubmit={submit} noValidate>
            <Stack gap="md">
              <Text c="dimmed" size="sm">
                {t('login.intro')}
              </Text>
              {login.isError && (
                <Alert color="red" role="alert" title={t('login.failed')}>
                  {errorMessage(t, login.error)}
                </Alert>
              )}
              <TextInput
                label={t('login.form.username')}
                autoComplete="username"
                autoCapitalize="none"
                spellCheck={false}
                required
                data-autofocus
                {...form.getInputProps('username')}
              />
              <PasswordInput
                label={t('login.form.password')}
                autoComplete="current-password"
                required
                {...form.getInputProps('password')}
              />
              <Button type="submit" loading={login.isPending} fullWidth>
                {t('login.form.submit')}
              </Button>
            </Stack>
          </form>
        )}
      </Stack>
    </Paper>
  );
}
