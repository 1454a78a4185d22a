/** Accounts as a table: role, scope in words (province, body or unit name), status and actions. */
import { Alert, Button, Group, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { UserRecord } from '../../shared/wire/users.ts';
import { useMe } from '../api/auth.ts';
import { useBody, useProvinceNames, useUnit } from '../api/registry.ts';
import { useSetUserActive } from '../api/users-writes.ts';
import { useFormat } from '../lib/format.ts';
import { ConfirmAction } from './confirm-action.tsx';
import { formErrorMessage } from './form-errors.ts';
import { ActiveBadge } from './registry-screen.tsx';

function ScopeLabel({ user }: { user: UserRecord }) {
  const { t } = useTranslation('admin');
  const provinces = useProvinceNames();
  const body = useBody(user.role === 'koordinator' ? user.bodyId : null);
  const unit = useUnit(user.role === 'operator' ? user.unitId : null);
  if (user.role === 'admin') return <>{t('users.scope.national')}</>;
  if (user.role === 'koordinator') return <>{body.data?.name ?? user.bodyId ?? '—'}</>;
  if (user.role === 'operator') return <>{unit.data?.name ?? user.unitId ?? '—'}</>;
  return <>{user.provinceCode ? (provinces.get(user.provinceCode) ?? user.provinceCode) : '—'}</>;
}

export function UsersTable({
  users,
  onEdit,
}: {
  users: UserRecord[];
  /** issue 15: opens the edit dialog. */
  onEdit?: (user: UserRecord) => void;
}) {
  const { t } = useTranslation('admin');
  const format = useFormat();
  const me = useMe().data;
  const setActive = useSetUserActive();
  return (
    <>
      {setActive.isError && (
        <Alert color="red" role="alert" title={t('common.failed')}>
          {formErrorMessage(t, setActive.error)}
        </Alert>
      )}
      {/* The walk: at 360 px the accounts scrolled sideways; they stack into labelled rows. */}
      <Table.ScrollContainer minWidth={0}>
        <Table striped withTableBorder verticalSpacing="xs" className="stack-table">
          <Table.Caption>{t('users.caption')}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('users.columns.username')}</Table.Th>
              <Table.Th scope="col">{t('users.columns.name')}</Table.Th>
              <Table.Th scope="col">{t('users.columns.role')}</Table.Th>
              <Table.Th scope="col">{t('users.columns.scope')}</Table.Th>
              <Table.Th scope="col">{t('users.columns.status')}</Table.Th>
              <Table.Th scope="col">{t('users.columns.actions')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {users.map((u) => (
              <Table.Tr key={u.id}>
                <Table.Td ff="monospace" data-label={t('users.columns.username')}>
                  {u.username}
                </Table.Td>
                <Table.Td data-label={t('users.columns.name')}>
                  {u.name}
                  <Text size="xs" c="dimmed">
                    {t('users.since', { date: format.date(u.createdAt) })}
                  </Text>
                </Table.Td>
                <Table.Td data-label={t('users.columns.role')}>{t(`roles.${u.role}`, { ns: 'ui' })}</Table.Td>
                <Table.Td data-label={t('users.columns.scope')}>
                  <ScopeLabel user={u} />
                </Table.Td>
                <Table.Td data-label={t('users.columns.status')}>
                  <ActiveBadge active={u.active} />
                </Table.Td>
                <Table.Td>
                  <Group gap="xs" wrap="nowrap">
                    {onEdit && (
                      <Button
                        size="xs"
                        variant="default"
                        onClick={() => onEdit(u)}
                        aria-label={t('users.edit.open_named', { username: u.username })}
                      >
                        {t('users.edit.open')}
                      </Button>
                    )}
                    {u.active ? (
                      <ConfirmAction
                        label={t('users.deactivate')}
                        ariaLabel={t('users.deactivate_named', { username: u.username })}
                        title={t('users.deactivate_confirm.title', { username: u.username })}
                        body={t('users.deactivate_confirm.body')}
                        confirmLabel={t('users.deactivate')}
                        color="red"
                        disabled={u.id === me?.id}
                        onConfirm={() => setActive.mutateAsync({ userId: u.id, active: false })}
                      />
                    ) : (
                      <Button
                        size="xs"
                        variant="light"
                        onClick={() => setActive.mutate({ userId: u.id, active: true })}
                        aria-label={t('users.reactivate_named', { username: u.username })}
                      >
                        {t('users.reactivate')}
                      </Button>
                    )}
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </>
  );
}
