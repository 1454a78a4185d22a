/**
 * Choose the scheme of a new cycle: one card per library scheme with its dimension weights and
 * how many assumptions it carries, and a link to the full viewer beside (not inside) the card.
 */
import { Badge, Group, Radio, SimpleGrid, Stack, Text } from '@mantine/core';
import { useSuspenseQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../lib/format.ts';
import { getSchemesQueryOptions } from '../lib/schemes.ts';
import { AnchorLink } from '../ui/links.tsx';

export interface SchemePickerProps {
  value: string;
  onChange: (schemeId: string) => void;
  error?: string | null;
}

export function SchemePicker({ value, onChange, error }: SchemePickerProps) {
  const { t } = useTranslation('admin');
  const format = useFormat();
  const { data: schemes } = useSuspenseQuery(getSchemesQueryOptions());
  return (
    <Radio.Group value={value} onChange={onChange} label={t('cycles.form.scheme')} withAsterisk error={error} id="scheme-picker">
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm" mt="xs">
        {schemes.map((s) => (
          <Stack key={s.id} gap={4}>
            <Radio.Card value={s.id} p="sm" radius="md" data-scheme={s.id} aria-label={s.title[format.lang]}>
              <Group wrap="nowrap" align="flex-start" gap="sm">
                <Radio.Indicator mt={2} />
                <Stack gap={4}>
                  <Text fw={600} size="sm">
                    {s.title[format.lang]}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {t(`families.${s.family}`)} · {s.year} · <span className="tabular">{s.id}</span>
                  </Text>
                  <Text size="xs">{s.dimensions.map((d) => `${d.title[format.lang]} ${format.percent(d.weight, 2)}`).join(' · ')}</Text>
                  <Group gap={6}>
                    <Badge size="sm" variant="dot" color={s.assumptions.length ? 'orange' : 'gray'} tt="none">
                      {t('cycles.form.assumptions', { count: s.assumptions.length, n: format.integer(s.assumptions.length) })}
                    </Badge>
                  </Group>
                </Stack>
              </Group>
            </Radio.Card>
            <AnchorLink to="/schemes/$schemeId" params={{ schemeId: s.id }} size="xs" target="_blank" rel="noopener">
              {t('cycles.form.view_scheme', { id: s.id })}
            </AnchorLink>
          </Stack>
        ))}
      </SimpleGrid>
    </Radio.Group>
  );
}
