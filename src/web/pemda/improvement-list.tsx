/**
 * The improvement list: each reachable higher level of an indicator, largest gain first, with
 * the points the unit and the government would gain and the descriptor of the target level
 * (what the unit must show to reach it). Gains are the engine's; this only formats them.
 */
import { Badge, Group, Paper, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Improvement } from '../../core/types.ts';
import { useFormat } from '../lib/format.ts';

export type ImprovementItem = Improvement & { unit?: { id: string; name: string } };

export interface ImprovementListProps {
  items: readonly ImprovementItem[];
  /** Which gain orders the list: the government's (a body's list) or the unit's. */
  orderBy: 'governmentGain' | 'unitGain';
  /** Dimension code → title in the UI language, when the scheme is at hand. */
  dimensions?: ReadonlyMap<string, string>;
}

/** Largest first; equal gains keep the server's order (stable sort). */
export function sortImprovements<T extends Improvement>(items: readonly T[], orderBy: ImprovementListProps['orderBy']): T[] {
  return [...items].sort((a, b) => b[orderBy] - a[orderBy]);
}

export function ImprovementList({ items, orderBy, dimensions }: ImprovementListProps) {
  const { t } = useTranslation('pemda');
  const format = useFormat();
  const points = (v: number) => t('improvements.points', { value: `+${format.score(v)}` });
  return (
    <Stack gap="sm" component="ol" p={0} m={0} style={{ listStyle: 'none' }} aria-label={t('improvements.list_label')}>
      {sortImprovements(items, orderBy).map((item, i) => (
        <Paper key={`${item.unit?.id ?? ''}-${item.indicator}-${item.to}`} component="li" withBorder p="sm" data-indicator={item.indicator}>
          <Stack gap={6}>
            <Group justify="space-between" align="flex-start" wrap="nowrap" gap="xs">
              <Stack gap={2}>
                <Text fw={650} size="sm">
                  <span className="tabular">{i + 1}.</span> {item.indicator} · {item.text[format.lang]}
                </Text>
                <Text size="xs" c="dimmed">
                  {[item.unit?.name, dimensions?.get(item.dimension) ?? item.dimension].filter(Boolean).join(' · ')}
                </Text>
              </Stack>
              <Badge variant="light" tt="none" size="lg" className="tabular" style={{ flexShrink: 0 }}>
                {points(item[orderBy])}
              </Badge>
            </Group>
            <Group gap="md" wrap="wrap">
              <Text size="sm">
                {t('improvements.level', {
                  from: item.from === null ? t('improvements.no_answer') : format.decimal(item.from, 2),
                  to: format.integer(item.to),
                })}
              </Text>
              <Text size="sm">
                {t('improvements.unit_gain')} <strong className="tabular">{points(item.unitGain)}</strong>
              </Text>
              <Text size="sm">
                {t('improvements.government_gain')} <strong className="tabular">{points(item.governmentGain)}</strong>
              </Text>
            </Group>
            <Text size="sm" c="dimmed">
              <Text span size="sm" fw={600} c="var(--mantine-color-text)">
                {t('improvements.target', { level: format.integer(item.to) })}
              </Text>{' '}
              {item.descriptor[format.lang]}
            </Text>
          </Stack>
        </Paper>
      ))}
    </Stack>
  );
}
