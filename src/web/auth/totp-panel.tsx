/**
 * Two-step verification of the own account (admin and pimpinan): off → the password starts an
 * enrolment → the server's QR code (an SVG data URL, made on the server: no QR library in the
 * bundle) and the key to type by hand → a first code turns it on. On: the password and a current
 * code turn it off.
 */
import { useState } from 'react';
import { Alert, Badge, Button, Code, CopyButton, Group, Image, PasswordInput, Stack, Text, TextInput } from '@mantine/core';
import { type GetInputPropsReturnType, useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import type { TotpEnrolment, User } from '../../shared/wire/auth.ts';
import { useConfirmTotp, useDisableTotp, useStartTotp } from '../api/auth-writes.ts';
import { authErrorMessage } from './auth-errors.ts';

const CODE = /^\d{6}$/;
const TOTP_ROLES: readonly User['role'][] = ['admin', 'pimpinan'];

function CodeInput({ label, inputProps }: { label: string; inputProps: GetInputPropsReturnType }) {
  return (
    <TextInput
      autoComplete="one-time-code"
      inputMode="numeric"
      pattern="[0-9]*"
      maxLength={6}
      required
      w={{ base: '100%', xs: 200 }}
      styles={{ input: { letterSpacing: '0.3em', fontVariantNumeric: 'tabular-nums' } }}
      label={label}
      {...inputProps}
      onChange={(e) => inputProps.onChange(e.currentTarget.value.replace(/\D/g, '').slice(0, 6))}
    />
  );
}

function Enrolment({ enrolment, onDone, onCancel }: { enrolment: TotpEnrolment; onDone: () => void; onCancel: () => void }) {
  const { t } = useTranslation('auth');
  const confirm = useConfirmTotp();
  const form = useForm({
    mode: 'controlled',
    initialValues: { code: '' },
    validate: { code: (v) => (CODE.test(v) ? null : t('code_step.invalid')) },
  });
  return (
    <form onSubmit={form.onSubmit((v) => confirm.mutate({ code: v.code }, { onSuccess: onDone }))} noValidate>
      <Stack gap="sm">
        <Text size="sm">{t('account.totp.scan')}</Text>
        <Image src={enrolment.qr} alt={t('account.totp.qr_alt')} w={200} h={200} bg="white" p={4} radius="sm" />
        <Text size="sm">{t('account.totp.manual')}</Text>
        <Group gap="xs" wrap="wrap">
          <Code data-testid="totp-secret" style={{ wordBreak: 'break-all' }}>
            {enrolment.secret.replace(/(.{4})/g, '$1 ').trim()}
          </Code>
          <CopyButton value={enrolment.secret}>
            {({ copied, copy }) => (
              <Button size="compact-sm" variant="default" onClick={copy}>
                {copied ? t('account.totp.copied') : t('account.totp.copy')}
              </Button>
            )}
          </CopyButton>
        </Group>
        <Text size="sm">{t('account.totp.confirm_intro')}</Text>
        {confirm.isError && (
          <Alert color="red" role="alert" title={t('account.totp.failed')}>
            {authErrorMessage(t, confirm.error)}
          </Alert>
        )}
        <CodeInput label={t('code_step.code')} inputProps={form.getInputProps('code')} />
        <Group gap="sm">
          <Button type="submit" loading={confirm.isPending}>
            {t('account.totp.confirm')}
          </Button>
          <Button variant="default" onClick={onCancel} disabled={confirm.isPending}>
            {t('account.totp.cancel')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function StartEnrolment({ onStarted }: { onStarted: (e: TotpEnrolment) => void }) {
  const { t } = useTranslation('auth');
  const start = useStartTotp();
  const form = useForm({
    mode: 'controlled',
    initialValues: { password: '' },
    validate: { password: (v) => (v ? null : t('password.validation.required')) },
  });
  return (
    <form onSubmit={form.onSubmit((v) => start.mutate({ password: v.password }, { onSuccess: onStarted }))} noValidate>
      <Stack gap="sm">
        <Text size="sm">{t('account.totp.start_intro')}</Text>
        {start.isError && (
          <Alert color="red" role="alert" title={t('account.totp.failed')}>
            {authErrorMessage(t, start.error)}
          </Alert>
        )}
        <PasswordInput
          label={t('account.totp.start_password')}
          autoComplete="current-password"
          required
          w={{ base: '100%', xs: 320 }}
          {...form.getInputProps('password')}
        />
        <Button type="submit" loading={start.isPending} style={{ alignSelf: 'flex-start' }}>
          {t('account.totp.start')}
        </Button>
      </Stack>
    </form>
  );
}

function Disable({ onDone }: { onDone: () => void }) {
  const { t } = useTranslation('auth');
  const disable = useDisableTotp();
  const form = useForm({
    mode: 'controlled',
    initialValues: { password: '', code: '' },
    validate: {
      password: (v) => (v ? null : t('password.validation.required')),
      code: (v) => (CODE.test(v) ? null : t('code_step.invalid')),
    },
  });
  return (
    <form onSubmit={form.onSubmit((v) => disable.mutate(v, { onSuccess: onDone }))} noValidate>
      <Stack gap="sm">
        <Text size="sm">{t('account.totp.disable_intro')}</Text>
        {disable.isError && (
          <Alert color="red" role="alert" title={t('account.totp.failed')}>
            {authErrorMessage(t, disable.error)}
          </Alert>
        )}
        <PasswordInput
          label={t('account.totp.start_password')}
          autoComplete="current-password"
          required
          w={{ base: '100%', xs: 320 }}
          {...form.getInputProps('password')}
        />
        <CodeInput label={t('code_step.code')} inputProps={form.getInputProps('code')} />
        <Button type="submit" color="red" variant="light" loading={disable.isPending} style={{ alignSelf: 'flex-start' }}>
          {t('account.totp.disable')}
        </Button>
      </Stack>
    </form>
  );
}

export function TotpPanel({ user }: { user: User }) {
  const { t } = useTranslation('auth');
  const [enrolment, setEnrolment] = useState<TotpEnrolment | null>(null);
  const [notice, setNotice] = useState<'enabled' | 'disabled' | null>(null);
  if (!TOTP_ROLES.includes(user.role)) {
    return (
      <Text size="sm" c="dimmed">
        {t('account.totp.not_available')}
      </Text>
    );
  }
  return (
    <Stack gap="sm">
      <Text size="sm">{t('account.totp.intro')}</Text>
      <Badge color={user.totpEnabled ? 'teal' : 'gray'} variant="light" data-testid="totp-status">
        {user.totpEnabled ? t('account.totp.status_on') : t('account.totp.status_off')}
      </Badge>
      {notice && (
        <Alert color="teal" role="status">
          {t(`account.totp.${notice}`)}
        </Alert>
      )}
      {user.totpEnabled ? (
        <>
          <Disable onDone={() => setNotice('disabled')} />
          <Text size="xs" c="dimmed">
            {t('account.totp.lost_phone')}
          </Text>
        </>
      ) : enrolment ? (
        <Enrolment
          enrolment={enrolment}
          onDone={() => {
            setEnrolment(null);
            setNotice('enabled');
          }}
          onCancel={() => setEnrolment(null)}
        />
      ) : (
        <StartEnrolment
          onStarted={(e) => {
            setNotice(null);
            setEnrolment(e);
          }}
        />
      )}
    </Stack>
  );
}
