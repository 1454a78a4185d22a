/**
 * The sign-in form in two steps: username and password; then, when the server answers that the
 * account has two-step verification (401 `auth.totp_required`), a 6-digit code
 * (autocomplete="one-time-code", so a phone offers the code it received). Every refusal is a
 * translated sentence (a throttled attempt names its wait). Router-free: `onSignedIn` decides
 * where to go.
 */
import { useState } from 'react';
import { Alert, Button, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import type { User } from '../../shared/wire/auth.ts';
import { useLogin } from '../api/auth-writes.ts';
import { authErrorMessage, needsTotp } from './auth-errors.ts';

interface Credentials {
  username: string;
  password: string;
}

const CODE = /^\d{6}$/;

function CodeStep({ credentials, onSignedIn, onBack }: { credentials: Credentials; onSignedIn: (user: User) => void; onBack: () => void }) {
  const { t } = useTranslation('auth');
  const login = useLogin();
  const form = useForm({
    mode: 'controlled',
    initialValues: { code: '' },
    validate: { code: (v) => (CODE.test(v.trim()) ? null : t('code_step.invalid')) },
  });
  const submit = form.onSubmit((values) => {
    login.mutate(
      { ...credentials, totp: values.code.trim() },
      { onSuccess: (user) => onSignedIn(user), onError: () => form.setFieldValue('code', '') },
    );
  });
  const codeProps = form.getInputProps('code');
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <Title order={2} size="h4">
          {t('code_step.title')}
        </Title>
        <Text size="sm">{t('code_step.intro', { username: credentials.username })}</Text>
        {login.isError && (
          <Alert color="red" role="alert" title={t('login.failed')}>
            {authErrorMessage(t, login.error)}
          </Alert>
        )}
        <TextInput
          label={t('code_step.code')}
          description={t('code_step.code_hint')}
          autoComplete="one-time-code"
          inputMode="numeric"
          pattern="[0-9]*"
          maxLength={6}
          required
          data-autofocus
          autoFocus
          styles={{ input: { letterSpacing: '0.3em', fontVariantNumeric: 'tabular-nums' } }}
          {...codeProps}
          onChange={(e) => codeProps.onChange(e.currentTarget.value.replace(/\D/g, '').slice(0, 6))}
        />
        <Button type="submit" loading={login.isPending} fullWidth>
          {t('code_step.submit')}
        </Button>
        <Button variant="subtle" onClick={onBack} disabled={login.isPending}>
          {t('code_step.back')}
        </Button>
      </Stack>
    </form>
  );
}

export function LoginForm({ onSignedIn }: { onSignedIn: (user: User) => void }) {
  const { t } = useTranslation('auth');
  const login = useLogin();
  const [codeFor, setCodeFor] = useState<Credentials | null>(null);
  const form = useForm<Credentials>({
    mode: 'controlled',
    initialValues: { username: '', password: '' },
    validate: {
      username: (v) => (v.trim() ? null : t('login.validation.username_required')),
      password: (v) => (v ? null : t('login.validation.password_required')),
    },
  });

  const submit = form.onSubmit((values) => {
    const credentials = { username: values.username.trim(), password: values.password };
    login.mutate(credentials, {
      onSuccess: (user) => onSignedIn(user),
      onError: (error) => {
        if (needsTotp(error)) setCodeFor(credentials);
      },
    });
  });

  if (codeFor) {
    return (
      <CodeStep
        credentials={codeFor}
        onSignedIn={onSignedIn}
        onBack={() => {
          setCodeFor(null);
          login.reset();
          form.setFieldValue('password', '');
        }}
      />
    );
  }
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <Text c="dimmed" size="sm">
          {t('login.intro')}
        </Text>
        {login.isError && !needsTotp(login.error) && (
          <Alert color="red" role="alert" title={t('login.failed')}>
            {authErrorMessage(t, login.error)}
          </Alert>
        )}
        <TextInput
          label={t('login.form.username')}
          autoComplete="username"
          autoCapitalize="none"
          spellCheck={false}
          required
          data-autofocus
          {...form.getInputProps('username')}
        />
        <PasswordInput label={t('login.form.password')} autoComplete="current-password" required {...form.getInputProps('password')} />
        <Button type="submit" loading={login.isPending} fullWidth>
          {t('login.form.submit')}
        </Button>
      </Stack>
    </form>
  );
}
