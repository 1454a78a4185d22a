/**
 * What needs the reviewer's attention in a cycle: units whose score stands apart from their body
 * (with the rule in words) and units still missing instruments against the quotas.
 */
import { Card, List, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { BodyProgress } from '../../shared/wire/locus.ts';
import type { InstrumentQuota } from '../../shared/wire/cycles.ts';
import { useFormat } from '../lib/format.ts';
import { AnchorLink } from '../ui/links.tsx';
import { SCORE_RULE, missingInstruments, type ScoreOutlier } from './outliers.ts';

export function OutlierPanel({
  cycleId,
  bodies,
  outliers,
  range,
}: {
  cycleId: string;
  bodies: BodyProgress[];
  outliers: ScoreOutlier[];
  range: number;
}) {
  const { t } = useTranslation('review');
  const format = useFormat();
  const find = (o: ScoreOutlier) => {
    const body = bodies.find((b) => b.bodyId === o.bodyId);
    return { body, unit: body?.units.find((u) => u.unitId === o.unitId) };
  };
  return (
    <Card withBorder padding="md" component="section" aria-labelledby="outliers-title" data-testid="outliers">
      <Stack gap="xs">
        <Title order={2} size="h4" id="outliers-title">
          {t('outliers.title')}
        </Title>
        <Text size="xs" c="dimmed">
          {t('outliers.rule', {
            z: format.decimal(SCORE_RULE.modifiedZ, 1),
            units: SCORE_RULE.minUnits,
            gap: format.decimal(SCORE_RULE.minGapShare * range, 2),
          })}
        </Text>
        {outliers.length === 0 ? (
          <Text size="sm">{t('outliers.none')}</Text>
        ) : (
          <List size="sm" spacing={4}>
            {outliers.map((o) => {
              const { body, unit } = find(o);
              return (
                <List.Item key={o.unitId}>
                  <AnchorLink to="/review/cycles/$cycleId/units/$unitId" params={{ cycleId, unitId: o.unitId }} size="sm" fw={600}>
                    {unit?.name} · {body?.name}
                  </AnchorLink>
                  <Text size="xs">
                    {t(o.gap < 0 ? 'outliers.below' : 'outliers.above', {
                      score: format.score(o.score),
                      median: format.score(o.median),
                      gap: format.score(Math.abs(o.gap)),
                      z: format.decimal(o.z, 1),
                    })}
                  </Text>
                </List.Item>
              );
            })}
          </List>
        )}
      </Stack>
    </Card>
  );
}

export function MissingPanel({
  cycleId,
  bodies,
  instruments,
}: {
  cycleId: string;
  bodies: BodyProgress[];
  instruments: InstrumentQuota[];
}) {
  const { t } = useTranslation('review');
  const format = useFormat();
  const title = (code: string) => instruments.find((i) => i.code === code)?.title[format.lang] ?? code;
  const rows = bodies.flatMap((b) => b.units.map((u) => ({ b, u, missing: missingInstruments(u) }))).filter((r) => r.missing.length > 0);
  return (
    <Card withBorder padding="md" component="section" aria-labelledby="missing-title" data-testid="missing">
      <Stack gap="xs">
        <Title order={2} size="h4" id="missing-title">
          {t('missing.title')}
        </Title>
        {rows.length === 0 ? (
          <Text size="sm">{t('missing.none')}</Text>
        ) : (
          <List size="sm" spacing={4}>
            {rows.slice(0, 30).map(({ b, u, missing }) => (
              <List.Item key={u.unitId}>
                <AnchorLink to="/review/cycles/$cycleId/units/$unitId" params={{ cycleId, unitId: u.unitId }} size="sm" fw={600}>
                  {u.name} · {b.name}
                </AnchorLink>
                <Text size="xs">
                  {missing
                    .map((m) => t('missing.item', { title: title(m.code), done: format.integer(m.done), min: format.integer(m.min) }))
                    .join(' · ')}
                </Text>
              </List.Item>
            ))}
            {rows.length > 30 && <List.Item>{t('missing.more', { n: format.integer(rows.length - 30) })}</List.Item>}
          </List>
        )}
      </Stack>
    </Card>
  );
}
