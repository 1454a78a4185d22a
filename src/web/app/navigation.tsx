/**
 * Navigation: the entries every visitor sees (here, in the entry chunk) and the type of an entry.
 * Which screens each signed-in role sees is in signed-in-nav.tsx, a lazy chunk (issue 14 §2).
 * Labels are keys of the `ui` namespace (`shell.nav.*`).
 */
import { useTranslation } from 'react-i18next';
import { NavLinkLink } from '../ui/anchor-link.tsx';

export type NavPath =
  | '/'
  | '/schemes'
  | '/login'
  | '/admin'
  | '/review'
  | '/assess'
  | '/assignments/mine'
  | '/assignments/klarifikasi'
  | '/tim'
  | '/review/queue'
  | '/pemda'
  | '/unit'
  | '/admin/cycles'
  | '/admin/registry'
  | '/admin/users'
  | '/admin/import'
  | '/audit'
  | '/map'
  // issue 15
  | '/akun'
  // issue 10
  | '/pekppp'
  // issue 12
  | '/temuan'
  | '/tindak-lanjut'
  | '/sasaran'
  | '/pustaka'
  // issue 11
  | '/survei';

export interface NavItem {
  to: NavPath;
  label: string;
  /** Matches the path exactly (the role home) rather than as a prefix. */
  exact?: boolean;
}

/** What everybody sees below a role's entries (signed-in-nav.tsx). */
export const SHARED_NAV: NavItem[] = [
  { to: '/', label: 'shell.nav.public_portal', exact: true },
  { to: '/map', label: 'shell.nav.public_map' },
  { to: '/schemes', label: 'shell.nav.schemes' },
];

/** An anonymous visitor's navigation. */
export const PUBLIC_NAV: NavItem[] = [...SHARED_NAV, { to: '/login', label: 'shell.nav.login' }];

/** The navbar's links. */
export function NavEntries({ items }: { items: readonly NavItem[] }) {
  const { t } = useTranslation('ui');
  return items.map((item) => (
    <NavLinkLink key={item.to} to={item.to} activeOptions={{ exact: item.exact ?? false }}>
      {t(item.label)}
    </NavLinkLink>
  ));
}
