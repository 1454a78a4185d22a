/** Dimensions → variables → indicators of a scheme, one accordion item per dimension. */
import { Accordion, Badge, Group, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Scheme } from '../../core/types.ts';
import { useFormat } from '../lib/format.ts';
import { AssumptionNotes } from './scheme-assumptions.tsx';
import { SchemeIndicator } from './scheme-indicator.tsx';
import { assumptionsByTarget, dimensionPath, effectiveWeight, indicatorPath, variablePath } from './scheme-model.ts';

export function SchemeDimensions({ scheme }: { scheme: Scheme }) {
  const { t } = useTranslation('admin');
  const format = useFormat();
  const lang = format.lang;
  const byTarget = assumptionsByTarget(scheme);
  return (
    <Accordion multiple variant="separated" defaultValue={scheme.dimensions[0] ? [scheme.dimensions[0].code] : []}>
      {scheme.dimensions.map((d) => {
        const dimAssumptions = byTarget.get(dimensionPath(d.code)) ?? [];
        const count = d.variables.reduce((n, v) => n + v.indicators.length, 0);
        return (
          <Accordion.Item key={d.code} value={d.code}>
            <Accordion.Control>
              <Group gap="xs" justify="space-between" wrap="wrap" pr="sm">
                <Text fw={650}>{d.title[lang]}</Text>
                <Group gap={6}>
                  <Badge tt="none" size="lg">
                    {format.percent(d.weight, 3)}
                  </Badge>
                  <Badge tt="none" variant="light">
                    {t('scheme.dimension.indicators', { count, n: format.integer(count) })}
                  </Badge>
                </Group>
              </Group>
            </Accordion.Control>
            <Accordion.Panel>
              <Stack gap="md">
                <Text size="sm" c="dimmed">
                  {t(`scheme.dimension.weighting_${d.indicatorWeighting}`)}
                </Text>
                <AssumptionNotes assumptions={dimAssumptions} />
                {d.variables.map((v) => (
                  <Stack key={v.code} gap="xs">
                    <Title order={3} size="h5">
                      {v.title[lang]}
                    </Title>
                    <AssumptionNotes assumptions={byTarget.get(variablePath(d.code, v.code)) ?? []} />
                    {v.indicators.map((i) => (
                      <SchemeIndicator
                        key={i.code}
                        indicator={i}
                        weight={effectiveWeight(d, i)}
                        assumptions={byTarget.get(indicatorPath(d.code, v.code, i.code)) ?? []}
                      />
                    ))}
                  </Stack>
                ))}
              </Stack>
            </Accordion.Panel>
          </Accordion.Item>
        );
      })}
    </Accordion>
  );
}
