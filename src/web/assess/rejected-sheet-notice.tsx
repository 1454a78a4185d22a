/**
 * A sheet the server refused, kept on the device: the reason in the assessor's language and the
 * ways forward — correct it (back to the drafts), send it again unchanged (e.g. once the unit was
 * returned), or discard it.
 */
import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../lib/format.ts';
import { offlineDb, type OutboxEntry } from '../lib/offline-db.ts';
import { syncSoon } from '../lib/sync.ts';
import { describeError } from './describe-error.ts';
import { reopenRejected, retryRejected } from './local-actions.ts';

export function RejectedSheetNotice({
  entry,
  cycleId,
  unitId,
  compact = false,
}: {
  entry: OutboxEntry;
  cycleId: string;
  unitId: string;
  compact?: boolean;
}) {
  const { t } = useTranslation('assess');
  const format = useFormat();
  const navigate = useNavigate();
  const name = entry.value.respondent || t('home.drafts.unnamed');
  const correct = async () => {
    const id = await reopenRejected(entry);
    await navigate({ to: '/assignments/$cycleId/$unitId/sheets/$sheetId', params: { cycleId, unitId, sheetId: id } });
  };
  return (
    <Alert
      color="red"
      variant="light"
      title={compact ? undefined : t('rejected.title', { name })}
      maw={compact ? undefined : 720}
      p={compact ? 'xs' : 'md'}
    >
      <Stack gap="xs">
        <Text size="sm" data-testid="rejection-reason">
          {entry.rejected ? describeError(t, format.lang, entry.rejected) : ''}
        </Text>
        {!compact && <Text size="sm">{t('rejected.body')}</Text>}
        <Group gap="xs">
          <Button size="xs" onClick={() => void correct()} aria-label={t('rejected.correct_label', { name })}>
            {t('rejected.correct')}
          </Button>
          <Button
            size="xs"
            variant="default"
            aria-label={t('rejected.retry_label', { name })}
            onClick={() => void retryRejected(entry.id).then(syncSoon)}
          >
            {t('rejected.retry')}
          </Button>
          <Button
            size="xs"
            variant="subtle"
            color="red"
            aria-label={t('rejected.discard_label', { name })}
            onClick={() => {
              if (window.confirm(t('rejected.discard_confirm'))) void offlineDb().outbox.delete(entry.id);
            }}
          >
            {t('rejected.discard')}
          </Button>
        </Group>
      </Stack>
    </Alert>
  );
}
