/** Small shared pieces of the review screens: a unit status badge, a stored result as score + band chip, a figure tile. */
import { Badge, Group, Paper, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Scheme } from '../../core/types.ts';
import type { ResultRef, UnitStatus } from '../../shared/wire/locus.ts';
import { BandChip } from '../ui/band-chip.tsx';
import { ScoreValue } from '../ui/score-value.tsx';

// Light badges in orange and green fall below 4.5:1 with their own text colour: the label keeps the body text colour.
const STATUS_COLOR: Record<UnitStatus, string> = {
  pending: 'gray',
  submitted: 'blue',
  reviewed: 'cyan',
  returned: 'orange',
  approved: 'green',
};

export function UnitStatusBadge({ status }: { status: UnitStatus }) {
  const { t } = useTranslation('review');
  return (
    <Badge c="var(--mantine-color-text)" color={STATUS_COLOR[status]} variant="light" tt="none">
      {t(`unit_status.${status}`)}
    </Badge>
  );
}

export function ResultCell({ result, scheme }: { result: ResultRef | null; scheme: Scheme | undefined }) {
  const { t } = useTranslation('review');
  if (!result) {
    return (
      <Text size="sm" c="dimmed">
        {t('result.none')}
      </Text>
    );
  }
  const band = scheme?.bands.find((b) => b.code === result.bandCode);
  return (
    <Group gap={6} wrap="wrap" preventGrowOverflow={false}>
      <ScoreValue value={result.score} incomplete={!result.complete} fw={650} />
      {band && <BandChip band={band} size="sm" />}
    </Group>
  );
}

/** One figure with its label (the cycle dashboard's and the visit plan's counts). */
export function Stat({ label, value, testId, fz = 26 }: { label: string; value: string; testId: string; fz?: number }) {
  return (
    <Paper withBorder p="sm" data-testid={testId}>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text fz={fz} fw={700} className="tabular">
        {value}
      </Text>
    </Paper>
  );
}
