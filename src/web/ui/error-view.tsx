/**
 * One view for every failure, full page (route error, 404 route) or inside a panel:
 * session expired (→ login with return-to), no access, not found, offline, and a generic
 * error with retry. The sentence comes from `errors.<code>` (server message as fallback).
 */
import { Alert, Button, Code, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useRouterState } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { NOT_DOWNLOADED, isApiError } from '../lib/api.ts';
import { errorKind, errorMessage, type ErrorKind } from '../lib/error-message.ts';
import { ButtonLink } from './links.tsx';

export interface ErrorViewProps {
  error?: unknown;
  /** Forces the kind (e.g. the 404 route has no error object). */
  kind?: ErrorKind;
  onRetry?: () => void;
  /** Inside a panel: smaller heading, no page title. */
  compact?: boolean;
}

export function ErrorView({ error, kind, onRetry, compact = false }: ErrorViewProps) {
  const { t } = useTranslation('ui');
  const href = useRouterState({ select: (s) => s.location.href });
  const resolved = kind ?? errorKind(error);
  const key = {
    expired: 'expired',
    forbidden: 'forbidden',
    notFound: 'not_found',
    offline: 'offline',
    generic: 'generic',
  }[resolved];
  // issue 13: offline, and this unit (or list) was never downloaded to the device.
  const titleKey = isApiError(error) && error.code === NOT_DOWNLOADED ? 'not_downloaded' : key;
  const detail = resolved === 'generic' && error !== undefined ? errorMessage(t, error) : null;
  const code = isApiError(error) ? error.code : null;

  const actions = (
    <Group gap="sm">
      {resolved === 'expired' && (
        <ButtonLink to="/login" search={{ redirect: href, reason: 'expired' }}>
          {t('error_screen.expired.action')}
        </ButtonLink>
      )}
      {(resolved === 'offline' || resolved === 'generic') && onRetry && <Button onClick={onRetry}>{t('error_screen.retry')}</Button>}
      {(resolved === 'forbidden' || resolved === 'notFound' || resolved === 'generic') && (
        <ButtonLink to="/home" variant={onRetry ? 'default' : 'filled'}>
          {t('error_screen.home')}
        </ButtonLink>
      )}
    </Group>
  );

  if (compact) {
    return (
      <Alert role="alert" color={resolved === 'offline' ? 'yellow' : 'red'} title={t(`error_screen.${titleKey}.title`)}>
        <Stack gap="xs">
          <Text size="sm">{detail ?? t(`error_screen.${titleKey}.body`)}</Text>
          {actions}
        </Stack>
      </Alert>
    );
  }

  return (
    <Paper withBorder p={{ base: 'md', sm: 'xl' }} maw={640} mx="auto" mt="lg" role="alert" data-error-kind={resolved}>
      <Stack gap="md">
        <Title order={1} size="h2">
          {t(`error_screen.${titleKey}.title`)}
        </Title>
        <Text>{t(`error_screen.${titleKey}.body`)}</Text>
        {detail && <Text c="dimmed">{detail}</Text>}
        {code && resolved === 'generic' && (
          <Text size="sm" c="dimmed">
            {t('error_screen.code')} <Code>{code}</Code>
          </Text>
        )}
        {actions}
      </Stack>
    </Paper>
  );
}
