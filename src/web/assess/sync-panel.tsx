/**
 * The device's outbox and the "Sinkronkan" button: how many sheets and files wait, the progress
 * of a run (sheets, then each file's upload), and the last run's outcome per record — created,
 * unchanged, updated, rejected with the reason in the assessor's language, or not delivered.
 */
import { useEffect } from 'react';
import { Alert, Button, Card, Group, List, Progress, Stack, Text, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import { evidenceKeys } from '../api/evidence.ts';
import { locusKeys } from '../api/locus.ts';
import { recordKeys } from '../api/records.ts';
import { scoreKeys } from '../api/scores.ts';
import { useFormat } from '../lib/format.ts';
import { offlineDb } from '../lib/offline-db.ts';
import { installAutoSync, onSyncDone, startSync, syncSoon, useSyncState, type SyncReport } from '../lib/sync.ts';
import { useOnline } from '../lib/use-online.ts';
import { describeError } from './describe-error.ts';

function useDeviceQueue() {
  return useLiveQuery(async () => {
    const db = offlineDb();
    const [outbox, evidence] = await Promise.all([db.outbox.toArray(), db.evidence.count()]);
    const rejected = outbox.filter((e) => e.rejected).length;
    return { waiting: outbox.length - rejected, rejected, evidence };
  }, []);
}

function LastReport({ report }: { report: SyncReport }) {
  const { t } = useTranslation('assess');
  const format = useFormat();
  const n = (o: string) => report.sheets.filter((s) => s.outcome === o).length;
  const counts = (['created', 'unchanged', 'updated', 'rejected', 'failed'] as const)
    .filter((o) => n(o) > 0)
    .map((o) => t(`sync.outcome.${o}`, { count: n(o), n: format.integer(n(o)) }));
  const uploaded = report.evidence.filter((e) => e.outcome === 'uploaded').length;
  if (uploaded) counts.push(t('sync.outcome.uploaded', { count: uploaded, n: format.integer(uploaded) }));
  const problems = [...report.sheets.filter((s) => s.error && s.outcome === 'rejected'), ...report.evidence.filter((e) => e.error)];
  return (
    <Stack gap={4} data-testid="sync-report" aria-live="polite">
      <Text size="sm" fw={600}>
        {t('sync.last', { when: format.dateTime(report.finishedAt) })}
      </Text>
      <Text size="sm" data-testid="sync-counts">
        {counts.length ? counts.join(' · ') : t('sync.nothing')}
      </Text>
      {report.stopped && (
        <Alert color="yellow" p="xs" role="alert">
          <Text size="sm">{t('sync.stopped', { reason: describeError(t, format.lang, report.stopped) })}</Text>
        </Alert>
      )}
      {problems.length > 0 && (
        <List size="sm" spacing={2}>
          {problems.map((p) => (
            <List.Item key={p.id}>
              <Text span size="sm" fw={600}>
                {'respondent' in p ? p.respondent || p.instrument : `${p.indicator} · ${p.filename}`}
              </Text>
              {': '}
              <Text span size="sm" data-testid="sync-problem">
                {describeError(t, format.lang, p.error)}
              </Text>
            </List.Item>
          ))}
        </List>
      )}
    </Stack>
  );
}

/** After each run: the assignments, records, evidence and results on the server changed. */
function useRefreshAfterSync(): void {
  const queryClient = useQueryClient();
  useEffect(() => {
    installAutoSync();
    // issue 13 §3: an app opened again (after being closed mid-upload) continues by itself.
    syncSoon();
    return onSyncDone(() => {
      for (const queryKey of [locusKeys.assignments, recordKeys.all, evidenceKeys.all, scoreKeys.all]) {
        void queryClient.invalidateQueries({ queryKey });
      }
    });
  }, [queryClient]);
}

export function SyncPanel() {
  const { t } = useTranslation('assess');
  const format = useFormat();
  const online = useOnline();
  const sync = useSyncState();
  const queue = useDeviceQueue();
  useRefreshAfterSync();
  const p = sync.progress;
  return (
    <Card withBorder padding="md" component="section" aria-labelledby="sync-title" data-testid="sync-panel">
      <Stack gap="sm">
        <Group justify="space-between" gap="xs">
          <Title order={2} size="h4" id="sync-title">
            {t('sync.title')}
          </Title>
          <Button size="sm" onClick={() => void startSync()} loading={sync.running} disabled={!online}>
            {t('sync.button')}
          </Button>
        </Group>
        {queue && (
          <Text size="sm" data-testid="sync-queue">
            {queue.waiting + queue.rejected + queue.evidence === 0
              ? t('sync.empty')
              : [
                  t('sync.waiting', { count: queue.waiting, n: format.integer(queue.waiting) }),
                  queue.rejected ? t('sync.rejected_waiting', { count: queue.rejected, n: format.integer(queue.rejected) }) : null,
                  queue.evidence ? t('sync.files_waiting', { count: queue.evidence, n: format.integer(queue.evidence) }) : null,
                ]
                  .filter(Boolean)
                  .join(' · ')}
          </Text>
        )}
        {!online && (
          <Text size="sm" c="dimmed">
            {t('sync.offline')}
          </Text>
        )}
        {p && (
          <Stack gap={2}>
            <Text size="xs" c="dimmed">
              {p.upload
                ? t('sync.uploading', { name: p.upload.filename, done: format.integer(p.done + 1), total: format.integer(p.total) })
                : t('sync.sending', { done: format.integer(p.done), total: format.integer(p.total) })}
            </Text>
            <Progress
              value={p.upload ? (p.upload.total ? (p.upload.loaded / p.upload.total) * 100 : 0) : p.total ? (p.done / p.total) * 100 : 100}
              size="sm"
              aria-label={t('sync.progress_label')}
            />
          </Stack>
        )}
        {sync.last && <LastReport report={sync.last} />}
        {sync.last && sync.checkedAt && sync.checkedAt > sync.last.finishedAt && (
          <Text size="xs" c="dimmed">
            {t('sync.checked', { when: format.dateTime(sync.checkedAt) })}
          </Text>
        )}
      </Stack>
    </Card>
  );
}
