/**
 * Changing the own password (`POST /auth/password`): the current one, a new one twice. The form
 * checks what is cheap to check here (length, the two entries alike, not the current password,
 * not containing the username) and shows a length-only indicator; the real strength check
 * (common and breached passwords, zxcvbn) is the server's, and its refusal is shown translated.
 * No client-side strength library: its dictionaries would add hundreds of KB to the bundle.
 */
import { useState } from 'react';
import { Alert, Button, PasswordInput, Progress, Stack, Text } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { PASSWORD_MAX, PASSWORD_MIN } from '../../shared/wire/limits.ts';
import { useChangePassword } from '../api/auth-writes.ts';
import { authErrorMessage } from './auth-errors.ts';

export interface PasswordValues {
  currentPassword: string;
  newPassword: string;
  confirm: string;
}

/** The form's own rules (the server re-checks and adds the dictionary checks); a translation key per field or null. */
export function passwordFormProblems(v: PasswordValues, username: string): Partial<Record<keyof PasswordValues, string>> {
  const out: Partial<Record<keyof PasswordValues, string>> = {};
  if (!v.currentPassword) out.currentPassword = 'password.validation.required';
  if (!v.newPassword) out.newPassword = 'password.validation.required';
  else if (v.newPassword.length < PASSWORD_MIN) out.newPassword = 'password.validation.too_short';
  else if (v.newPassword === v.currentPassword) out.newPassword = 'password.validation.same';
  else if (username.length >= 3 && v.newPassword.toLowerCase().includes(username.toLowerCase()))
    out.newPassword = 'password.validation.contains_username';
  if (v.newPassword && v.confirm !== v.newPassword) out.confirm = 'password.validation.mismatch';
  return out;
}

/** A length-only indicator (0–100): reaching the minimum is "fair", half as long again "good". */
function LengthMeter({ value }: { value: string }) {
  const { t } = useTranslation('auth');
  if (!value) return null;
  const n = value.length;
  const level = n < PASSWORD_MIN ? 'short' : n < PASSWORD_MIN * 1.5 ? 'fair' : 'good';
  const color = { short: 'red', fair: 'yellow', good: 'teal' }[level];
  return (
    <Stack gap={4}>
      <Progress value={Math.min(100, (n / (PASSWORD_MIN * 1.5)) * 100)} color={color} size="sm" aria-label={t('password.strength.label')} />
      <Text size="xs" c="dimmed" aria-live="polite">
        {t('password.strength.label')}: {t(`password.strength.${level}`)}
      </Text>
    </Stack>
  );
}

export function PasswordChangeForm({
  username,
  currentLabel,
  onDone,
}: {
  username: string;
  /** "One-time password" in the forced change after an admin's reset. */
  currentLabel?: string;
  onDone?: () => void;
}) {
  const { t } = useTranslation('auth');
  const change = useChangePassword();
  const [saved, setSaved] = useState(false);
  const form = useForm<PasswordValues>({
    mode: 'controlled',
    initialValues: { currentPassword: '', newPassword: '', confirm: '' },
    validate: (values) => {
      const problems = passwordFormProblems(values, username);
      return Object.fromEntries(Object.entries(problems).map(([field, key]) => [field, t(key, { min: PASSWORD_MIN })]));
    },
  });
  const submit = form.onSubmit((values) => {
    setSaved(false);
    change.mutate(
      { currentPassword: values.currentPassword, newPassword: values.newPassword },
      {
        onSuccess: () => {
          form.reset();
          setSaved(true);
          onDone?.();
        },
      },
    );
  });
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        {change.isError && (
          <Alert color="red" role="alert" title={t('password.failed')}>
            {authErrorMessage(t, change.error)}
          </Alert>
        )}
        {saved && (
          <Alert color="teal" role="status">
            {t('password.saved')}
          </Alert>
        )}
        {/* A hidden username lets password managers file the new password under the right account. */}
        <input type="text" name="username" autoComplete="username" value={username} readOnly hidden />
        <PasswordInput
          label={currentLabel ?? t('password.current')}
          autoComplete="current-password"
          required
          maxLength={PASSWORD_MAX}
          {...form.getInputProps('currentPassword')}
        />
        <PasswordInput
          label={t('password.new')}
          description={t('password.new_hint', { min: PASSWORD_MIN })}
          autoComplete="new-password"
          required
          maxLength={PASSWORD_MAX}
          {...form.getInputProps('newPassword')}
        />
        <LengthMeter value={form.getValues().newPassword} />
        <PasswordInput
          label={t('password.confirm')}
          autoComplete="new-password"
          required
          maxLength={PASSWORD_MAX}
          {...form.getInputProps('confirm')}
        />
        <Button type="submit" loading={change.isPending} style={{ alignSelf: 'flex-start' }}>
          {t('password.submit')}
        </Button>
      </Stack>
    </form>
  );
}
