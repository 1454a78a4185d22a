/**
 * A signed-in user's navigation: the role's name and which screens each role sees in the navbar
 * (later screens add their entries here), then the entries everybody sees. A lazy chunk, so a
 * public first visit does not download it nor its strings (ui/signed-in-strings.ts; issue 14 §2);
 * the service worker precaches it.
 */
import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Role, User } from '../../shared/wire/auth.ts';
import '../ui/signed-in-strings.ts';
import { NavEntries, type NavItem, SHARED_NAV } from './navigation.tsx';

const ROLE_ITEMS: Record<Role, NavItem[]> = {
  admin: [
    { to: '/admin', label: 'shell.nav.admin_home', exact: true },
    { to: '/admin/cycles', label: 'shell.nav.admin_cycles' },
    { to: '/admin/registry', label: 'shell.nav.admin_registry' },
    { to: '/admin/users', label: 'shell.nav.admin_users' },
    { to: '/admin/import', label: 'shell.nav.admin_import' },
    { to: '/audit', label: 'shell.nav.audit' },
  ],
  pimpinan: [
    { to: '/review', label: 'shell.nav.review_home', exact: true },
    { to: '/review/queue', label: 'shell.nav.review_queue' },
    { to: '/audit', label: 'shell.nav.audit' },
  ],
  asisten: [
    { to: '/assignments/mine', label: 'shell.nav.assignments' },
    { to: '/assess', label: 'shell.nav.assess_home' },
    { to: '/assignments/klarifikasi', label: 'shell.nav.clarify_queue' },
  ],
  koordinator: [{ to: '/pemda', label: 'shell.nav.pemda_home' }],
  operator: [{ to: '/unit', label: 'shell.nav.unit_home' }],
  evaluator: [{ to: '/pekppp', label: 'shell.nav.pekppp' }], // issue 10
  penilai: [{ to: '/assignments/mine', label: 'shell.nav.assignments' }], // issue 12 §4
};
// issue 10: the unit's F-01 is filled in the PEKPPP screens.
ROLE_ITEMS.koordinator.push({ to: '/pekppp', label: 'shell.nav.pekppp' });
ROLE_ITEMS.operator.push({ to: '/pekppp', label: 'shell.nav.pekppp' });
// issue 12: findings of a published cycle and the follow-up actions answering them.
for (const role of ['koordinator', 'operator', 'pimpinan'] as const)
  ROLE_ITEMS[role].push({ to: '/temuan', label: 'shell.nav.findings' }, { to: '/tindak-lanjut', label: 'shell.nav.actions' });
// issue 12 §6: the target planner (and its what-if view), for the government's koordinator and the Perwakilan (pimpinan, asisten).
for (const role of ['koordinator', 'pimpinan', 'asisten'] as const)
  ROLE_ITEMS[role].push({ to: '/sasaran', label: 'shell.nav.target_plan' });
// issue 11: the unit's SKM surveys, set up and run by its operator or its koordinator.
ROLE_ITEMS.koordinator.push({ to: '/survei', label: 'shell.nav.surveys' });
ROLE_ITEMS.operator.push({ to: '/survei', label: 'shell.nav.surveys' });
// issue 12 §3: the unit's evidence library, managed by its operator and its government's koordinator.
for (const role of ['koordinator', 'operator'] as const) ROLE_ITEMS[role].push({ to: '/pustaka', label: 'shell.nav.library' });

// issue 13 §6: the team lead's queue, for an asisten the pimpinan named a team lead (`user.leadsTeam`).
const LEAD_QUEUE: NavItem = { to: '/tim', label: 'shell.nav.lead_queue' };

// issue 15: the own account (password, two-step verification), for every role.
const ACCOUNT: NavItem = { to: '/akun', label: 'shell.nav.account' };

export function SignedInNav({ user }: { user: User }) {
  const { t } = useTranslation('ui');
  // issue 15: a password an admin reset must be changed before anything else can be opened.
  return (
    <>
      <Text size="xs" c="dimmed" px="sm" pb="xs">
        {t(`roles.${user.role}`)}
      </Text>
      {!user.mustChangePassword && (
        <NavEntries items={[...ROLE_ITEMS[user.role], ...(user.leadsTeam ? [LEAD_QUEUE] : []), ACCOUNT, ...SHARED_NAV]} />
      )}
    </>
  );
}
