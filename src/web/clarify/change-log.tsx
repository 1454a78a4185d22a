/**
 * The body's change log: every answer changed after review (accepted disputes, errata), with the
 * indicator value, the unit score and the government score before and after. A list rather than
 * a table so it reads on a phone.
 */
import { Paper, SimpleGrid, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ChangeEntry } from '../../shared/wire/clarifications.ts';
import { useFormat } from '../lib/format.ts';

export function ChangeLog({ changes }: { changes: ChangeEntry[] }) {
  const { t } = useTranslation('clarify');
  const format = useFormat();
  if (changes.length === 0) return <Text c="dimmed">{t('changes.empty')}</Text>;
  const num = (v: number | null, score = false) => (v === null ? '—' : score ? format.score(v) : format.decimal(v, 2));
  const pair = (label: string, before: string, after: string) => (
    <Stack gap={0}>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm" className="tabular">
        {before} → {after}
      </Text>
    </Stack>
  );
  return (
    <Stack gap="sm" component="ol" p={0} m={0} style={{ listStyle: 'none' }} data-testid="change-log">
      {changes.map((c) => (
        <Paper key={c.id} withBorder p="sm" component="li" data-testid="change-row">
          <Stack gap={6}>
            <Text size="sm" fw={600}>
              {c.unitName} — <span className="tabular">{c.indicator}</span> {c.indicatorText[format.lang]}
            </Text>
            <Text size="xs" c="dimmed">
              {format.dateTime(c.changedAt)} · {t(`changes.source_${c.source === 'correction' ? 'correction' : 'dispute'}`)}
              {c.changedBy ? ` · ${c.changedBy}` : ''}
            </Text>
            <SimpleGrid cols={{ base: 3 }} spacing="xs">
              {pair(t('changes.value'), num(c.before.value), num(c.after.value))}
              {pair(t('changes.unit_score'), num(c.before.unitScore, true), num(c.after.unitScore, true))}
              {pair(t('changes.body_score'), num(c.before.bodyScore, true), num(c.after.bodyScore, true))}
            </SimpleGrid>
            <Text size="sm" style={{ overflowWrap: 'anywhere', whiteSpace: 'pre-wrap' }}>
              {t('changes.reason_line', { reason: c.reason })}
            </Text>
          </Stack>
        </Paper>
      ))}
    </Stack>
  );
}
