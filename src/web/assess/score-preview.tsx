/**
 * Live unit score preview, computed in the browser with the same engine the server uses
 * (`scoreUnit`): total, band chip, per-dimension points and missing indicators. A unit with
 * anything missing is marked "pratinjau / belum lengkap" — it is never a publishable score.
 */
import { useMemo } from 'react';
import { Alert, Badge, Group, Paper, Progress, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { scoreUnit, type Scheme, type Sheet, type UnitScore } from '../../core/index.ts';
import { useFormat } from '../lib/format.ts';
import { BandChip } from '../ui/band-chip.tsx';
import { ScoreValue } from '../ui/score-value.tsx';

export interface ScorePreviewProps {
  scheme: Scheme;
  /** Every sheet of the unit known on this device, the one being edited included. */
  sheets: Sheet[];
}

function missingIn(score: UnitScore, dimension: string): number {
  const d = score.dimensions.find((x) => x.code === dimension);
  return d ? d.variables.reduce((n, v) => n + v.indicators.filter((i) => i.missing).length, 0) : 0;
}

export function ScorePreview({ scheme, sheets }: ScorePreviewProps) {
  const { t } = useTranslation('assess');
  const format = useFormat();
  const lang = format.lang;
  const result = useMemo((): { score: UnitScore } | { error: unknown } => {
    try {
      return { score: scoreUnit(scheme, { sheets }) };
    } catch (error) {
      return { error };
    }
  }, [scheme, sheets]);

  if ('error' in result) {
    return (
      <Alert color="red" role="alert" title={t('preview.title')}>
        {t('preview.failed')}
      </Alert>
    );
  }
  const { score } = result;
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="preview-title" data-testid="score-preview">
      <Stack gap="sm">
        <Group justify="space-between" gap="xs">
          <Title order={2} size="h4" id="preview-title">
            {t('preview.title')}
          </Title>
          {!score.complete && (
            <Badge c="var(--mantine-color-text)" color="orange" variant="light" tt="none">
              {t('preview.incomplete_badge')}
            </Badge>
          )}
        </Group>
        <Group gap="sm" align="center" aria-live="polite">
          <ScoreValue value={score.score} max={scheme.result.max} fz={32} fw={700} data-testid="preview-total" />
          <BandChip band={score.band} />
        </Group>
        {score.missing.length > 0 && (
          <Text size="sm" c="dimmed">
            {t('preview.missing', { count: score.missing.length, n: format.integer(score.missing.length) })}
          </Text>
        )}
        <Stack gap="xs" component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
          {score.dimensions.map((d) => {
            const missing = missingIn(score, d.code);
            const max = (d.weight / 100) * scheme.result.max;
            return (
              <Stack component="li" key={d.code} gap={2} data-testid={`preview-dim-${d.code}`}>
                <Group justify="space-between" gap="xs" wrap="nowrap">
                  <Text size="sm" fw={600}>
                    {d.title[lang]}
                  </Text>
                  <Text size="sm" className="tabular">
                    {t('preview.points', { points: format.score(d.points), max: format.score(max) })}
                  </Text>
                </Group>
                <Progress value={max > 0 ? (d.points / max) * 100 : 0} size="sm" aria-hidden />
                {missing > 0 && (
                  <Text size="xs" c="dimmed">
                    {t('preview.dimension_missing', { count: missing, n: format.integer(missing) })}
                  </Text>
                )}
              </Stack>
            );
          })}
        </Stack>
        <Text size="xs" c="dimmed">
          {t('preview.note')}
        </Text>
      </Stack>
    </Paper>
  );
}
