/**
 * Issue 13 §1: "Unduh untuk luring" for every unit still to be worked on — how many of them are
 * on this device, whether the app itself is kept on the device (the service worker controls the
 * page), the download's progress and outcome. The per-unit button and mark are on each
 * assignment card; both use the one download of `AssignmentsScreen`.
 */
import { useSyncExternalStore } from 'react';
import { Alert, Button, Card, Group, Progress, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { UnitDownload } from '../lib/offline-db.ts';
import { useFormat } from '../lib/format.ts';
import { describeError } from './describe-error.ts';

/** Whether a service worker controls this page (the app opens without a connection). */
function subscribeController(onChange: () => void): () => void {
  const sw = typeof navigator === 'undefined' ? undefined : navigator.serviceWorker;
  sw?.addEventListener('controllerchange', onChange);
  return () => sw?.removeEventListener('controllerchange', onChange);
}
const shellState = (): 'kept' | 'pending' | 'unsupported' => {
  const sw = typeof navigator === 'undefined' ? undefined : navigator.serviceWorker;
  if (!sw) return 'unsupported';
  return sw.controller ? 'kept' : 'pending';
};
export function useShellOffline(): 'kept' | 'pending' | 'unsupported' {
  return useSyncExternalStore(subscribeController, shellState, () => 'unsupported');
}

export interface OfflinePanelProps {
  /** Units still to be worked on (the "download all" set). */
  units: number;
  /** How many of them are downloaded on this device. */
  onDevice: number;
  /** The oldest download among them (device time), to say how fresh the device's copy is. */
  oldest: UnitDownload | null;
  online: boolean;
  running: boolean;
  progress: { done: number; total: number } | null;
  result: { units: number } | null;
  error: unknown;
  onDownloadAll: () => void;
}

export function OfflinePanel(p: OfflinePanelProps) {
  const { t } = useTranslation('assess');
  const format = useFormat();
  const shell = useShellOffline();
  return (
    <Card withBorder padding="md" component="section" aria-labelledby="offline-title" data-testid="offline-panel">
      <Stack gap="sm">
        <Group justify="space-between" gap="xs">
          <Title order={2} size="h4" id="offline-title">
            {t('offline.title')}
          </Title>
          <Button size="sm" variant="light" onClick={p.onDownloadAll} loading={p.running} disabled={!p.online || p.units === 0}>
            {t('offline.download_all', { n: format.integer(p.units) })}
          </Button>
        </Group>
        <Text size="sm" data-testid="offline-count">
          {t('offline.on_device', { n: format.integer(p.onDevice), total: format.integer(p.units) })}
          {p.oldest && p.onDevice > 0 ? ` ${t('offline.oldest', { when: format.dateTime(p.oldest.at) })}` : ''}
        </Text>
        <Text size="xs" c="dimmed" data-testid="offline-shell">
          {t(`offline.shell.${shell}`)}
        </Text>
        {!p.online && (
          <Text size="sm" c="dimmed">
            {t('offline.needs_connection')}
          </Text>
        )}
        {p.running && p.progress && (
          <Progress
            value={p.progress.total ? (p.progress.done / p.progress.total) * 100 : 0}
            size="sm"
            aria-label={t('offline.progress', { done: format.integer(p.progress.done), total: format.integer(p.progress.total) })}
          />
        )}
        {p.result && !p.running && (
          <Text size="sm" aria-live="polite" data-testid="offline-result">
            {t('offline.done', { count: p.result.units, n: format.integer(p.result.units) })}
          </Text>
        )}
        {p.error !== null && p.error !== undefined && !p.running && (
          <Alert color="red" p="xs" role="alert">
            <Text size="sm">{t('offline.failed', { reason: describeError(t, format.lang, p.error) })}</Text>
          </Alert>
        )}
      </Stack>
    </Card>
  );
}
