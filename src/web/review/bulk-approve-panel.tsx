/**
 * Issue 13 §6: approve several handed-in units at once. The server approves each unit without
 * open fieldwork warnings whose result is complete, and skips the others with their reason.
 */
import { useState } from 'react';
import { Button, Checkbox, Group, List, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useBulkApprove } from '../api/fieldwork-writes.ts';
import { useProgress } from '../api/locus.ts';
import { errorMessage } from '../lib/error-message.ts';

export function BulkApprovePanel({ cycleId }: { cycleId: string }) {
  const { t } = useTranslation('review');
  const progress = useProgress(cycleId);
  const bulk = useBulkApprove(cycleId);
  const [chosen, setChosen] = useState<Set<string>>(new Set());
  const rows = (progress.data?.bodies ?? []).flatMap((b) =>
    b.units.filter((u) => u.status === 'submitted' || u.status === 'reviewed').map((u) => ({ b, u })),
  );
  if (rows.length < 2 && !bulk.data) return null;
  const names = new Map(rows.map(({ b, u }) => [u.unitId, `${u.name} · ${b.name}`]));
  const all = rows.length > 0 && rows.every(({ u }) => chosen.has(u.unitId));
  const toggle = (id: string) =>
    setChosen((prev) => {
      const next = new Set(prev);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  return (
    <Paper withBorder p="sm" component="section" aria-labelledby="bulk-approve" data-testid="bulk-approve">
      <Stack gap="xs">
        <Title order={2} size="h4" id="bulk-approve">
          {t('fieldwork.bulk_title')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('fieldwork.bulk_hint')}
        </Text>
        {rows.length > 0 && (
          <Checkbox
            label={t('fieldwork.select_all')}
            checked={all}
            indeterminate={!all && chosen.size > 0}
            onChange={() => setChosen(all ? new Set() : new Set(rows.map(({ u }) => u.unitId)))}
          />
        )}
        <Stack gap={4} mah={260} style={{ overflowY: 'auto' }}>
          {rows.map(({ b, u }) => (
            <Checkbox
              key={u.unitId}
              label={`${u.name} · ${b.name}`}
              aria-label={t('fieldwork.select', { name: `${u.name} · ${b.name}` })}
              checked={chosen.has(u.unitId)}
              onChange={() => toggle(u.unitId)}
            />
          ))}
        </Stack>
        <Group>
          <Button
            disabled={chosen.size === 0}
            loading={bulk.isPending}
            onClick={() => bulk.mutate({ unitIds: [...chosen] }, { onSuccess: () => setChosen(new Set()) })}
          >
            {t('fieldwork.bulk_approve', { n: chosen.size })}
          </Button>
        </Group>
        {bulk.data && (
          <Stack gap={4} role="status">
            <Text size="sm" fw={600}>
              {t('fieldwork.bulk_result', { approved: bulk.data.approved, skipped: bulk.data.skipped })}
            </Text>
            <List size="sm">
              {bulk.data.results
                .filter((r) => r.outcome === 'skipped')
                .map((r) => (
                  <List.Item key={r.unitId}>
                    {names.get(r.unitId) ?? r.unitId.slice(0, 8)}: {r.reason}
                  </List.Item>
                ))}
            </List>
          </Stack>
        )}
        {bulk.isError && (
          <Text size="sm" c="red" role="alert">
            {errorMessage(t, bulk.error)}
          </Text>
        )}
      </Stack>
    </Paper>
  );
}
