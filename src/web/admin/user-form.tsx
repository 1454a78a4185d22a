/**
 * New account: username, name, role and the scope the role needs (province, body or unit),
 * and an initial password typed or generated here. The API does not issue one-time passwords,
 * so the password is shown to the admin once after creation to hand over.
 */
import { useState } from 'react';
import { Alert, Button, Group, NativeSelect, PasswordInput, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { ROLES } from '../../shared/wire/enums.ts';
import type { UserIn } from '../../shared/wire/users.ts';
import { applyServerErrors } from './form-errors.ts';
import { UserScopeFields } from './user-scope-fields.tsx';
import {
  PASSWORD_MAX,
  PASSWORD_MIN,
  USERNAME_RE,
  emptyUserForm,
  generatePassword,
  normaliseUsername,
  scopeFieldOf,
  toUserInput,
  type UserFormValues,
} from './user-model.ts';

const FIELDS = ['username', 'name', 'role', 'provinceCode', 'bodyId', 'unitId', 'password'] as const;

export interface UserFormProps {
  onSubmit: (input: UserIn) => Promise<unknown>;
  onCancel: () => void;
}

export function UserForm({ onSubmit, onCancel }: UserFormProps) {
  const { t } = useTranslation('admin');
  const [failure, setFailure] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const form = useForm<UserFormValues>({
    mode: 'controlled',
    initialValues: emptyUserForm(),
    validate: {
      username: (v) => {
        if (!v.trim()) return t('validation.required');
        return USERNAME_RE.test(normaliseUsername(v)) ? null : t('validation.username');
      },
      name: (v) => {
        const n = v.trim().length;
        if (n === 0) return t('validation.required');
        return n < 2 || n > 120 ? t('validation.length', { min: 2, max: 120 }) : null;
      },
      role: (v) => (v ? null : t('validation.choose')),
      provinceCode: (v, values) => (scopeFieldOf(values.role) === 'provinceCode' && !v ? t('validation.province') : null),
      bodyId: (v, values) => (scopeFieldOf(values.role) === 'bodyId' && !v ? t('validation.body') : null),
      unitId: (v, values) => (scopeFieldOf(values.role) === 'unitId' && !v ? t('validation.unit') : null),
      password: (v) => (v.length < PASSWORD_MIN || v.length > PASSWORD_MAX ? t('validation.password', { min: PASSWORD_MIN }) : null),
    },
  });

  const submit = form.onSubmit(async (values) => {
    setFailure(null);
    setPending(true);
    try {
      await onSubmit(toUserInput(values));
    } catch (error) {
      setFailure(applyServerErrors(form, t, error, FIELDS));
    } finally {
      setPending(false);
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
        <TextInput
          label={t('users.form.username')}
          description={t('users.form.username_hint')}
          required
          autoCapitalize="none"
          spellCheck={false}
          autoComplete="off"
          data-autofocus
          {...form.getInputProps('username')}
        />
        <TextInput label={t('users.form.name')} required autoComplete="off" {...form.getInputProps('name')} />
        <NativeSelect
          label={t('users.form.role')}
          required
          data={[
            { value: '', label: t('users.form.role_placeholder') },
            ...ROLES.map((r) => ({ value: r, label: t(`roles.${r}`, { ns: 'ui' }) })),
          ]}
          {...roleProps}
          onChange={(e) => {
            roleProps.onChange(e);
            form.setValues({ provinceCode: '', bodyId: '', unitId: '' });
          }}
        />
        <UserScopeFields form={form} />
        <Group gap="xs" align="flex-end" wrap="nowrap">
          <PasswordInput
            label={t('users.form.password')}
            description={t('users.form.password_hint', { min: PASSWORD_MIN })}
            required
            autoComplete="new-password"
            style={{ flex: 1 }}
            {...form.getInputProps('password')}
          />
          <Button variant="default" onClick={() => form.setFieldValue('password', generatePassword())}>
            {t('users.form.generate')}
          </Button>
        </Group>
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onCancel} disabled={pending}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={pending}>
            {t('users.form.create')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
