/**
 * The scope part of the account form, by role: a province (pimpinan, asisten), a body
 * (koordinator), or a body then one of its units (operator). Admins have national scope.
 */
import { NativeSelect, Text } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { useProvinces, useUnits } from '../api/registry.ts';
import { BodyPicker } from './body-picker.tsx';
import { scopeFieldOf, type UserFormValues } from './user-model.ts';

export function UserScopeFields({ form }: { form: UseFormReturnType<UserFormValues> }) {
  const { t } = useTranslation('admin');
  const provinces = useProvinces();
  const { role, bodyId } = form.getValues();
  const field = scopeFieldOf(role);
  const units = useUnits(field === 'unitId' ? bodyId || null : null, { page: 1, pageSize: 200, active: 'true' });

  if (!role) return null;
  if (!field)
    return (
      <Text size="sm" c="dimmed">
        {t('users.form.scope_national')}
      </Text>
    );
  if (field === 'provinceCode') {
    return (
      <NativeSelect
        label={t('users.form.province')}
        required
        data={[
          { value: '', label: t('users.form.province_placeholder') },
          ...(provinces.data ?? []).map((p) => ({ value: p.code, label: p.name })),
        ]}
        {...form.getInputProps('provinceCode')}
      />
    );
  }
  const bodyError = form.errors.bodyId;
  return (
    <>
      <BodyPicker
        label={t('users.form.body')}
        required
        value={bodyId || null}
        onChange={(id) => form.setValues({ bodyId: id ?? '', unitId: '' })}
        error={typeof bodyError === 'string' ? bodyError : null}
      />
      {field === 'unitId' && (
        <NativeSelect
          label={t('users.form.unit')}
          required
          disabled={!bodyId}
          data={[
            { value: '', label: bodyId ? t('users.form.unit_placeholder') : t('users.form.unit_needs_body') },
            ...(units.data?.items ?? []).map((u) => ({ value: u.id, label: `${u.name} · ${t(`sectors.${u.sector}`)}` })),
          ]}
          {...form.getInputProps('unitId')}
        />
      )}
    </>
  );
}
