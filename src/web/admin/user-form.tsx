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
import { PASSWORD_MIN } from '../../shared/wire/limits.ts';
import { UserIn } from '../../shared/wire/users.ts';
import { boundsOf, fieldProblems } from '../lib/form-schema.ts';
import { applyServerErrors } from './form-errors.ts';
import { UserScopeFields } from './user-scope-fields.tsx';
import { emptyUserForm, generatePassword, normaliseUsername, scopeFieldOf, toUserInput, type UserFormValues } from './user-model.ts';

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
    validate: (values) => {
      // The wire's rules for the fields; which scope field a role needs is the form's own rule.
      const p = fieldProblems(UserIn, {
        username: normaliseUsername(values.username),
        name: values.name,
        password: values.password,
        role: values.role,
      });
      const scope = scopeFieldOf(values.role);
      return {
        username: p.username && (p.username === 'required' ? t('validation.required') : t('validation.username')),
        name: p.name && (p.name === 'required' ? t('validation.required') : t('validation.length', boundsOf(UserIn.shape.name))),
        role: p.role && t('validation.choose'),
        provinceCode: scope === 'provinceCode' && !values.provinceCode ? t('validation.province') : null,
        bodyId: scope === 'bodyId' && !values.bodyId ? t('validation.body') : null,
        unitId: scope === 'unitId' && !values.unitId ? t('validation.unit') : null,
        password: p.password && t('validation.password', { min: PASSWORD_MIN }),
      };
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
