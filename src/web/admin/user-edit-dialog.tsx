/**
 * Editing an account (issue 15): name, role and its scope, active; and its security — a password
 * reset (a generated one-time password, shown here once with a copy button; the account must set
 * its own at its next sign-in) and turning its two-step verification off (a lost phone). The
 * server refuses to demote, deactivate or reset oneself; its refusal stays in the dialog.
 */
import { useState } from 'react';
import {
  Alert,
  Badge,
  Button,
  Code,
  CopyButton,
  Divider,
  Group,
  Modal,
  NativeSelect,
  Stack,
  Switch,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { type UseFormReturnType, useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { ROLES } from '../../shared/wire/enums.ts';
import { UserPatchIn, type UserRecord } from '../../shared/wire/users.ts';
import { useMe } from '../api/auth.ts';
import { useResetPassword, useResetTotp, useUpdateUser } from '../api/users-writes.ts';
import { boundsOf, fieldProblems } from '../lib/form-schema.ts';
import { ConfirmAction } from './confirm-action.tsx';
import { applyServerErrors } from './form-errors.ts';
import { editValuesOf, toUserPatch, type UserEditValues } from './user-edit-model.ts';
import { scopeFieldOf, type UserFormValues } from './user-model.ts';
import { UserScopeFields } from './user-scope-fields.tsx';

const FIELDS = ['name', 'role', 'provinceCode', 'bodyId', 'unitId', 'active'] as const;

/** The one-time password of a reset, shown once: it is neither stored in the browser nor shown again. */
export function OneTimePassword({ username, password }: { username: string; password: string }) {
  const { t } = useTranslation('admin');
  return (
    <Alert color="teal" role="status" title={t('users.edit.reset_done_title', { username })}>
      <Stack gap="xs">
        <Text size="sm">{t('users.edit.reset_done_body')}</Text>
        <Group gap="xs">
          <Code data-testid="one-time-password" fz="md">
            {password}
          </Code>
          <CopyButton value={password}>
            {({ copied, copy }) => (
              <Button size="compact-sm" variant="default" onClick={copy}>
                {copied ? t('users.created.copied') : t('users.created.copy')}
              </Button>
            )}
          </CopyButton>
        </Group>
      </Stack>
    </Alert>
  );
}

function EditForm({ user, onDone }: { user: UserRecord; onDone: () => void }) {
  const { t } = useTranslation('admin');
  const update = useUpdateUser();
  const [failure, setFailure] = useState<string | null>(null);
  const form = useForm<UserEditValues>({
    mode: 'controlled',
    initialValues: editValuesOf(user),
    validate: (values) => {
      const p = fieldProblems(UserPatchIn, { name: values.name });
      const scope = scopeFieldOf(values.role);
      return {
        name: p.name && (p.name === 'required' ? t('validation.required') : t('validation.length', boundsOf(UserPatchIn.shape.name))),
        role: values.role ? null : t('validation.choose'),
        provinceCode: scope === 'provinceCode' && !values.provinceCode ? t('validation.province') : null,
        bodyId: scope === 'bodyId' && !values.bodyId ? t('validation.body') : null,
        unitId: scope === 'unitId' && !values.unitId ? t('validation.unit') : null,
      };
    },
  });
  const submit = form.onSubmit(async (values) => {
    setFailure(null);
    const patch = toUserPatch(user, values);
    if (Object.keys(patch).length === 0) return onDone();
    try {
      await update.mutateAsync({ userId: user.id, patch });
      onDone();
    } catch (error) {
      setFailure(applyServerErrors(form as unknown as UseFormReturnType<UserFormValues>, t, error, FIELDS));
    }
  });
  const roleProps = form.getInputProps('role');
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        {failure && (
          <Alert color="red" role="alert" title={t('common.failed')}>
            {failure}
          </Alert>
        )}
        <TextInput label={t('users.form.name')} required autoComplete="off" data-autofocus {...form.getInputProps('name')} />
        <NativeSelect
          label={t('users.form.role')}
          required
          data={ROLES.map((r) => ({ value: r, label: t(`roles.${r}`, { ns: 'ui' }) }))}
          {...roleProps}
          onChange={(e) => {
            roleProps.onChange(e);
            form.setValues({ provinceCode: '', bodyId: '', unitId: '' });
          }}
        />
        <UserScopeFields form={form as unknown as UseFormReturnType<UserFormValues>} />
        <Switch
          label={t('users.edit.active')}
          description={t('users.edit.active_hint')}
          {...form.getInputProps('active', { type: 'checkbox' })}
        />
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onDone} disabled={update.isPending}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={update.isPending}>
            {t('users.edit.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function Security({ user }: { user: UserRecord }) {
  const { t } = useTranslation('admin');
  const me = useMe().data;
  const resetPassword = useResetPassword();
  const resetTotp = useResetTotp();
  const [oneTime, setOneTime] = useState<string | null>(null);
  const [totpOn, setTotpOn] = useState(user.totpEnabled);
  const self = me?.id === user.id;
  return (
    <Stack gap="sm">
      <Title order={3} size="h5">
        {t('users.edit.security')}
      </Title>
      {oneTime && <OneTimePassword username={user.username} password={oneTime} />}
      <Group justify="space-between" gap="xs" wrap="wrap">
        <Stack gap={2} style={{ flex: '1 1 240px' }}>
          <Text size="sm" fw={500}>
            {t('users.edit.password')}
          </Text>
          <Text size="xs" c="dimmed">
            {self ? t('users.edit.self_hint') : t('users.edit.reset_hint')}
          </Text>
        </Stack>
        <ConfirmAction
          label={t('users.edit.reset_password')}
          title={t('users.edit.reset_confirm_title', { username: user.username })}
          body={t('users.edit.reset_confirm_body')}
          confirmLabel={t('users.edit.reset_password')}
          disabled={self}
          onConfirm={async () => setOneTime((await resetPassword.mutateAsync(user.id)).password)}
        />
      </Group>
      <Group justify="space-between" gap="xs" wrap="wrap">
        <Stack gap={2} style={{ flex: '1 1 240px' }}>
          <Group gap="xs">
            <Text size="sm" fw={500}>
              {t('users.edit.totp')}
            </Text>
            <Badge size="sm" variant="light" color={totpOn ? 'teal' : 'gray'}>
              {totpOn ? t('users.edit.totp_on') : t('users.edit.totp_off')}
            </Badge>
          </Group>
          <Text size="xs" c="dimmed">
            {t('users.edit.totp_hint')}
          </Text>
        </Stack>
        <ConfirmAction
          label={t('users.edit.reset_totp')}
          title={t('users.edit.reset_totp_confirm_title', { username: user.username })}
          body={t('users.edit.reset_totp_confirm_body')}
          confirmLabel={t('users.edit.reset_totp')}
          color="red"
          disabled={!totpOn}
          onConfirm={async () => setTotpOn((await resetTotp.mutateAsync(user.id)).totpEnabled)}
        />
      </Group>
    </Stack>
  );
}

export function UserEditDialog({ user, onClose }: { user: UserRecord | null; onClose: () => void }) {
  const { t } = useTranslation('admin');
  return (
    <Modal opened={!!user} onClose={onClose} title={user ? t('users.edit.title', { username: user.username }) : ''} centered size="lg">
      {user && (
        <Stack gap="lg">
          <EditForm user={user} onDone={onClose} />
          <Divider />
          <Security user={user} />
        </Stack>
      )}
    </Modal>
  );
}
