/**
 * The way from the koordinator's cycle screen to its clarification page: shown once a
 * clarification window covers the body (open: with the deadline and the time left). Strings:
 * the `clarify` namespace.
 */
import { Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useWindows } from '../api/clarifications.ts';
import { useFormat } from '../lib/format.ts';
import { ButtonLink } from './links.tsx';
import { Countdown } from './countdown.tsx';

export function ClarificationLink({ cycleId }: { cycleId: string }) {
  const { t } = useTranslation('clarify');
  const format = useFormat();
  const windows = useWindows(cycleId);
  const w = windows.data?.[0];
  if (!w) return null;
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="clarification-link-title" data-testid="clarification-link">
      <Stack gap="xs">
        <Title order={2} size="h4" id="clarification-link-title">
          {t('link.title')}
        </Title>
        <Text size="sm">
          {w.state === 'open' ? t('link.open', { date: format.dateTime(w.deadline) }) : t('link.closed')}{' '}
          {w.state === 'open' && <Countdown deadline={w.deadline} />}
        </Text>
        <ButtonLink
          to="/pemda/cycles/$cycleId/klarifikasi"
          params={{ cycleId }}
          variant={w.state === 'open' ? 'filled' : 'light'}
          w="fit-content"
        >
          {t('link.go')}
        </ButtonLink>
      </Stack>
    </Paper>
  );
}
