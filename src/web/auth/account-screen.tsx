/**
 * "Akun saya": the signed-in account's profile, its password change, and two-step verification
 * (admin and pimpinan). Every role may open it.
 */
import { Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useMe } from '../api/auth.ts';
import { PasswordChangeForm } from './password-change-form.tsx';
import { TotpPanel } from './totp-panel.tsx';

function Field({ label, value, mono }: { label: string; value: string; mono?: boolean }) {
  return (
    <div>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text ff={mono ? 'monospace' : undefined}>{value}</Text>
    </div>
  );
}

export function AccountScreen() {
  const { t } = useTranslation('auth');
  const user = useMe().data;
  if (!user) return null;
  return (
    <Stack gap="lg" maw={760}>
      <Title order={1} size="h2">
        {t('account.title')}
      </Title>
      <Paper withBorder p={{ base: 'sm', sm: 'lg' }} component="section" aria-labelledby="account-profile">
        <Stack gap="sm">
          <Title order={2} size="h4" id="account-profile">
            {t('account.profile.title')}
          </Title>
          <SimpleGrid cols={{ base: 1, xs: 3 }} spacing="sm">
            <Field label={t('account.profile.username')} value={user.username} mono />
            <Field label={t('account.profile.name')} value={user.name} />
            <Field label={t('account.profile.role')} value={t(`roles.${user.role}`, { ns: 'ui' })} />
          </SimpleGrid>
        </Stack>
      </Paper>
      <Paper withBorder p={{ base: 'sm', sm: 'lg' }} component="section" aria-labelledby="account-password">
        <Stack gap="sm">
          <Title order={2} size="h4" id="account-password">
            {t('account.password.title')}
          </Title>
          <Text size="sm" c="dimmed">
            {t('account.password.intro')}
          </Text>
          <PasswordChangeForm username={user.username} />
        </Stack>
      </Paper>
      <Paper withBorder p={{ base: 'sm', sm: 'lg' }} component="section" aria-labelledby="account-totp">
        <Stack gap="sm">
          <Title order={2} size="h4" id="account-totp">
            {t('account.totp.title')}
          </Title>
          <TotpPanel user={user} />
        </Stack>
      </Paper>
    </Stack>
  );
}
