/**
 * The header's account: the user's name (their role in its title) and the logout button. Its
 * own chunk (app-layout.tsx loads it lazily for signed-in users only): the mutation machinery
 * behind `useLogout` and the signed-in strings are not needed on a public first visit (issue 4 §8).
 */
import { Group, Text, UnstyledButton } from '@mantine/core';
import { useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { User } from '../../shared/wire/auth.ts';
import { useLogout } from '../api/auth-writes.ts';
import { LogoutIcon } from '../ui/icons.tsx';
import '../ui/signed-in-strings.ts';

export function LogoutButton({ user }: { user: User }) {
  const { t } = useTranslation('ui');
  const logout = useLogout();
  const navigate = useNavigate();
  const label = t('shell.user.logout_named', { name: user.name });
  return (
    <UnstyledButton
      className="shell-btn shell-icon-btn"
      aria-label={label}
      title={label}
      disabled={logout.isPending}
      aria-busy={logout.isPending || undefined}
      onClick={() => logout.mutate(undefined, { onSettled: () => void navigate({ to: '/' }) })}
    >
      <LogoutIcon size={18} />
    </UnstyledButton>
  );
}

export function Account({ user }: { user: User }) {
  const { t } = useTranslation('ui');
  return (
    <Group gap={6} wrap="nowrap">
      <Text span size="sm" visibleFrom="sm" maw={180} truncate title={`${user.name} · ${t(`roles.${user.role}`)}`}>
        {user.name}
      </Text>
      <LogoutButton user={user} />
    </Group>
  );
}
