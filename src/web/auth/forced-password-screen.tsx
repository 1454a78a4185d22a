/**
 * The only screen of an account whose password an admin reset (`mustChangePassword`): the server
 * answers 403 to everything but the password change, /auth/me and logout until a new password is
 * set. The shell shows this in place of the routed screen; once saved, /auth/me is refetched and
 * the page the user asked for appears.
 */
import { Button, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { User } from '../../shared/wire/auth.ts';
import { useLogout } from '../api/auth-writes.ts';
import { PasswordChangeForm } from './password-change-form.tsx';

export function ForcedPasswordScreen({ user, onSignedOut }: { user: User; onSignedOut?: () => void }) {
  const { t } = useTranslation('auth');
  const logout = useLogout();
  return (
    <Paper withBorder shadow="sm" p={{ base: 'md', sm: 'xl' }} maw={480} mx="auto" mt={{ base: 'sm', sm: 'xl' }}>
      <Stack gap="md">
        <Title order={1} size="h2">
          {t('forced.title')}
        </Title>
        <Text>{t('forced.body')}</Text>
        <PasswordChangeForm username={user.username} currentLabel={t('forced.current')} />
        <Button
          variant="subtle"
          style={{ alignSelf: 'flex-start' }}
          loading={logout.isPending}
          onClick={() => logout.mutate(undefined, { onSettled: onSignedOut })}
        >
          {t('forced.logout')}
        </Button>
      </Stack>
    </Paper>
  );
}
