/**
 * Users and roles: accounts filtered by role, province, name and status, paginated; create an
 * account with its scope (the initial password is shown once, to hand over); deactivate or
 * reactivate. A pimpinan sees their province's accounts (read-only on the server's side).
 */
import { useState } from 'react';
import { Button, Group, Modal, NativeSelect, Stack, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { ROLES } from '../../shared/wire/enums.ts';
import type { Role } from '../../shared/wire/auth.ts';
import type { ActiveFilter } from '../../shared/wire/registry.ts';
import type { UserRecord } from '../../shared/wire/users.ts';
import { useProvinces } from '../api/registry.ts';
import { useCreateUser } from '../api/users-writes.ts';
import { useUsers } from '../api/users.ts';
import { CreatedAccount } from './created-account.tsx';
import { Pager } from './pager.tsx';
import { QueryStatus } from './query-status.tsx';
import { UserEditDialog } from './user-edit-dialog.tsx';
import { UserForm } from './user-form.tsx';
import { UsersTable } from './users-table.tsx';

const PAGE_SIZE = 20;

export function UsersScreen() {
  const { t } = useTranslation('admin');
  const [role, setRole] = useState<Role | ''>('');
  const [province, setProvince] = useState('');
  const [search, setSearch] = useState('');
  const [active, setActive] = useState<ActiveFilter>('true');
  const [page, setPage] = useState(1);
  const [creating, setCreating] = useState(false);
  const [created, setCreated] = useState<{ user: UserRecord; password: string } | null>(null);
  // issue 15: the account being edited (name, role and scope, status; password and TOTP resets).
  const [editing, setEditing] = useState<UserRecord | null>(null);
  const [q] = useDebouncedValue(search, 300);
  const provinces = useProvinces();
  const users = useUsers({ page, pageSize: PAGE_SIZE, role: role || null, province: province || null, q, active });
  const create = useCreateUser();
  const filter =
    <T,>(set: (v: T) => void) =>
    (v: T) => {
      set(v);
      setPage(1);
    };

  return (
    <Stack gap="lg" maw={1100}>
      <Group justify="space-between" align="flex-end">
        <Stack gap="xs">
          <Title order={1} size="h2">
            {t('users.title')}
          </Title>
          <Text maw={720}>{t('users.intro')}</Text>
        </Stack>
        <Button onClick={() => setCreating(true)}>{t('users.add')}</Button>
      </Group>
      {created && <CreatedAccount user={created.user} password={created.password} onClose={() => setCreated(null)} />}
      <Group gap="sm" align="flex-end" wrap="wrap" role="search" aria-label={t('users.filters.label')}>
        <TextInput
          label={t('users.filters.search')}
          placeholder={t('users.filters.search_placeholder')}
          value={search}
          onChange={(e) => filter(setSearch)(e.currentTarget.value)}
          w={{ base: '100%', sm: 220 }}
        />
        <NativeSelect
          label={t('users.filters.role')}
          value={role}
          onChange={(e) => filter(setRole)(e.currentTarget.value as Role | '')}
          data={[{ value: '', label: t('common.all') }, ...ROLES.map((r) => ({ value: r, label: t(`roles.${r}`, { ns: 'ui' }) }))]}
          w={{ base: '100%', xs: 220 }}
        />
        <NativeSelect
          label={t('users.filters.province')}
          value={province}
          onChange={(e) => filter(setProvince)(e.currentTarget.value)}
          data={[{ value: '', label: t('common.all') }, ...(provinces.data ?? []).map((p) => ({ value: p.code, label: p.name }))]}
          w={{ base: '100%', xs: 200 }}
        />
        <NativeSelect
          label={t('users.filters.status')}
          value={active}
          onChange={(e) => filter(setActive)(e.currentTarget.value as ActiveFilter)}
          data={(['true', 'false', 'all'] as const).map((v) => ({ value: v, label: t(`common.active_filter.${v}`) }))}
          w={{ base: '100%', xs: 160 }}
        />
      </Group>
      <QueryStatus query={users} />
      {users.data && (
        <Stack gap="sm">
          <UsersTable users={users.data.items} onEdit={setEditing} />
          {users.data.items.length === 0 && <Text c="dimmed">{t('users.empty')}</Text>}
          <Pager page={page} pageSize={PAGE_SIZE} total={users.data.total} onChange={setPage} label={t('users.pager')} />
        </Stack>
      )}
      <UserEditDialog user={editing} onClose={() => setEditing(null)} />
      <Modal opened={creating} onClose={() => setCreating(false)} title={t('users.add')} centered size="lg">
        {creating && (
          <UserForm
            onCancel={() => setCreating(false)}
            onSubmit={async (input) => {
              const user = await create.mutateAsync(input);
              setCreated({ user, password: input.password });
              setCreating(false);
            }}
          />
        )}
      </Modal>
    </Stack>
  );
}
