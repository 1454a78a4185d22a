/**
 * The pimpinan's clarification panel on the cycle dashboard: open the window for its province
 * with a deadline (once the cycle is in review), extend it or close it early, and the way to the
 * disputes queue. Strings: the `clarify` namespace.
 */
import { useState } from 'react';
import { Alert, Button, Group, Paper, Stack, Text, TextInput, Textarea, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useWindows } from '../api/clarifications.ts';
import { useOpenWindow, useUpdateWindow } from '../api/clarifications-writes.ts';
import { errorMessage } from '../lib/error-message.ts';
import { useFormat } from '../lib/format.ts';
import { fromLocalInput, toLocalInput } from '../lib/local-time.ts';
import { zoneOf, zoneOffset } from '../../shared/local-time.ts';
import { ButtonLink } from './links.tsx';
import { Countdown } from './countdown.tsx';

const inDays = (n: number) => new Date(Date.now() + n * 86_400_000);

function DeadlineInput({ value, onChange, error }: { value: string; onChange: (v: string) => void; error?: string }) {
  const { t } = useTranslation('clarify');
  return (
    <TextInput
      type="datetime-local"
      label={t('window.deadline')}
      value={value}
      min={toLocalInput(new Date())}
      onChange={(e) => onChange(e.currentTarget.value)}
      error={error}
      required
    />
  );
}

export function ClarificationPanel({
  cycleId,
  provinceCode,
  cycleStatus,
}: {
  cycleId: string;
  provinceCode: string | null;
  cycleStatus: string | undefined;
}) {
  const { t } = useTranslation('clarify');
  // issue 16: the deadline is entered and shown in the province's zone (WIB/WITA/WIT).
  const zone = zoneOf(provinceCode);
  const format = useFormat({ timeZone: zone.tz });
  const windows = useWindows(cycleId);
  const open = useOpenWindow(cycleId);
  const update = useUpdateWindow();
  const [deadline, setDeadline] = useState(() => toLocalInput(inDays(14), zoneOffset(zone)));
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [confirmClose, setConfirmClose] = useState(false);
  const scope = provinceCode ?? 'pusat';
  const mine = windows.data?.find((w) => w.scope === scope);
  const failure = open.error ?? update.error;

  const checkedDeadline = (): string | null => {
    const iso = fromLocalInput(deadline, zoneOffset(zone));
    if (!iso || new Date(iso).getTime() <= Date.now()) {
      setError(t('window.error_deadline'));
      return null;
    }
    setError(undefined);
    return iso;
  };

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="clarification-panel-title" data-testid="clarification-panel">
      <Stack gap="xs">
        <Title order={2} size="h4" id="clarification-panel-title">
          {t('window.title')}
        </Title>
        {windows.isPending ? (
          <Text size="sm" c="dimmed">
            {t('loading')}
          </Text>
        ) : mine ? (
          <>
            <Text size="sm" data-testid="window-state">
              {mine.state === 'open'
                ? t('window.state_open', { date: format.dateTime(mine.deadline) })
                : t('window.state_closed', { date: format.dateTime(mine.closedAt ?? mine.deadline) })}
            </Text>
            {mine.state === 'open' && (
              <Text size="sm" c="dimmed">
                <Countdown deadline={mine.deadline} />
              </Text>
            )}
            <Text size="sm" className="tabular">
              {t('window.counts', {
                open: format.integer(mine.disputes.open),
                accepted: format.integer(mine.disputes.accepted),
                rejected: format.integer(mine.disputes.rejected),
              })}
            </Text>
            {cycleStatus === 'review' && !mine.closedAt && (
              <Stack gap="xs">
                <DeadlineInput value={deadline} onChange={setDeadline} error={error} />
                <Group gap="xs">
                  <Button
                    variant="light"
                    size="sm"
                    loading={update.isPending && !confirmClose}
                    onClick={() => {
                      const iso = checkedDeadline();
                      if (iso) update.mutate({ windowId: mine.id, deadline: iso });
                    }}
                  >
                    {t('window.extend')}
                  </Button>
                  {mine.state === 'open' &&
                    (confirmClose ? (
                      <>
                        <Button
                          color="red"
                          size="sm"
                          loading={update.isPending}
                          onClick={() => update.mutate({ windowId: mine.id, close: true }, { onSettled: () => setConfirmClose(false) })}
                        >
                          {t('window.close_confirm')}
                        </Button>
                        <Button variant="default" size="sm" onClick={() => setConfirmClose(false)}>
                          {t('form.cancel')}
                        </Button>
                      </>
                    ) : (
                      <Button variant="default" color="red" size="sm" onClick={() => setConfirmClose(true)}>
                        {t('window.close')}
                      </Button>
                    ))}
                </Group>
              </Stack>
            )}
          </>
        ) : cycleStatus === 'review' ? (
          <form
            onSubmit={(e) => {
              e.preventDefault();
              const iso = checkedDeadline();
              if (iso) open.mutate({ scope, deadline: iso, ...(note.trim() ? { note: note.trim() } : {}) });
            }}
            noValidate
          >
            <Stack gap="xs">
              <Text size="sm" c="dimmed">
                {t('window.intro')}
              </Text>
              <DeadlineInput value={deadline} onChange={setDeadline} error={error} />
              <Textarea
                label={t('window.note')}
                value={note}
                onChange={(e) => setNote(e.currentTarget.value)}
                autosize
                minRows={2}
                maxLength={2000}
              />
              <Button type="submit" size="sm" loading={open.isPending} w="fit-content">
                {t('window.open')}
              </Button>
            </Stack>
          </form>
        ) : (
          <Text size="sm" c="dimmed">
            {/* A final cycle is past its clarification stage: say so rather than "once in review". */}
            {t(cycleStatus === 'final' ? 'window.final' : 'window.not_review')}
          </Text>
        )}
        {failure && (
          <Alert color="red" role="alert">
            {errorMessage(t, failure)}
          </Alert>
        )}
        {mine && (
          <ButtonLink to="/review/cycles/$cycleId/klarifikasi" params={{ cycleId }} variant="light" w="fit-content">
            {t('window.to_queue', { n: format.integer(mine.disputes.open) })}
          </ButtonLink>
        )}
      </Stack>
    </Paper>
  );
}
