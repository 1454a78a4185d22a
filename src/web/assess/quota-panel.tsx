/**
 * The instruments of a unit against their quotas ("Pengguna layanan 27/30"): what the server
 * holds, what waits on the device, and a button to start a new sheet of each.
 */
import { Button, Card, Group, Progress, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../lib/format.ts';
import type { QuotaRow } from './unit-model.ts';

export interface QuotaPanelProps {
  rows: QuotaRow[];
  writable: boolean;
  onNew: (instrument: string) => void;
}

export function QuotaPanel({ rows, writable, onNew }: QuotaPanelProps) {
  const { t } = useTranslation('assess');
  const format = useFormat();
  const lang = format.lang;
  return (
    <Card withBorder padding="md" component="section" aria-labelledby="quota-title">
      <Stack gap="sm">
        <Title order={2} size="h4" id="quota-title">
          {t('unit.quota.title')}
        </Title>
        {rows.map((q) => {
          const title = q.instrument.title[lang];
          const count = t('unit.quota.count', { done: format.integer(q.onServer), target: format.integer(q.target) });
          return (
            <Stack key={q.instrument.code} gap={4} data-testid={`quota-${q.instrument.code}`}>
              <Group justify="space-between" gap="xs" wrap="nowrap" align="flex-start" preventGrowOverflow={false}>
                <Stack gap={0} style={{ flex: 1, minWidth: 0 }}>
                  <Text fw={600} size="sm">
                    {title}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {q.instrument.respondent[lang]}
                    {q.min < q.target ? ` · ${t('unit.quota.min', { min: format.integer(q.min) })}` : ''}
                  </Text>
                </Stack>
                <Stack gap={2} align="flex-end" style={{ flexShrink: 0 }}>
                  <Text fw={700} className="tabular" data-testid={`quota-count-${q.instrument.code}`}>
                    {count}
                  </Text>
                  {q.complete && (
                    <Text size="xs" fw={600}>
                      <span aria-hidden>✓ </span>
                      {t('unit.quota.complete')}
                    </Text>
                  )}
                </Stack>
              </Group>
              <Progress
                value={q.target ? Math.min(100, (q.onServer / q.target) * 100) : 0}
                size="sm"
                color={q.complete ? 'green' : 'blue'}
                aria-label={`${title}: ${count}`}
              />
              <Group justify="space-between" gap="xs">
                <Text size="xs" c="dimmed">
                  {[
                    q.queued ? t('unit.quota.queued', { count: q.queued, n: format.integer(q.queued) }) : null,
                    q.drafts ? t('unit.quota.drafts', { count: q.drafts, n: format.integer(q.drafts) }) : null,
                  ]
                    .filter(Boolean)
                    .join(' · ')}
                </Text>
                {writable && (
                  <Button
                    size="compact-sm"
                    variant="light"
                    onClick={() => onNew(q.instrument.code)}
                    aria-label={t('unit.quota.new_label', { title })}
                  >
                    {t('unit.quota.new')}
                  </Button>
                )}
              </Group>
            </Stack>
          );
        })}
      </Stack>
    </Card>
  );
}
