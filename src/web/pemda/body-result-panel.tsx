/**
 * The government's result in a cycle as the server releases it to the koordinator: score and
 * band, ranks, mean dimension scores, and each unit's score linking to its indicators.
 */
import { Anchor, Group, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { BodyResult, RankPlace } from '../../shared/wire/scores.ts';
import { API_BASE } from '../lib/api.ts';
import { useFormat } from '../lib/format.ts';
import { BandChip } from '../ui/band-chip.tsx';
import { AnchorLink } from '../ui/links.tsx';
import { ScoreValue } from '../ui/score-value.tsx';
import { RaporLinks } from '../ui/rapor-links.tsx';

function Rank({ label, place }: { label: string; place: RankPlace | null }) {
  const { t } = useTranslation('pemda');
  const format = useFormat();
  if (!place) return null;
  return (
    <Stack gap={0}>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text fw={700} className="tabular">
        {t('result.rank', { rank: format.integer(place.rank), of: format.integer(place.of) })}
      </Text>
    </Stack>
  );
}

export function BodyResultPanel({ view, cycleId }: { view: BodyResult; cycleId: string }) {
  const { t } = useTranslation('pemda');
  const format = useFormat();
  const r = view.result;
  return (
    <Stack gap="md">
      <Paper withBorder p="md">
        {r ? (
          <Stack gap="sm">
            <Group gap="md" align="center">
              <ScoreValue value={r.score} fz={34} fw={750} max={100} incomplete={!r.complete} />
              <BandChip band={r.band} />
            </Group>
            <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="sm">
              <Rank label={t('result.rank_province')} place={view.ranks.province} />
              <Rank label={t('result.rank_national')} place={view.ranks.nationalType} />
              <Stack gap={0}>
                <Text size="xs" c="dimmed">
                  {t('result.units')}
                </Text>
                <Text fw={700} className="tabular">
                  {format.integer(r.units)}
                </Text>
              </Stack>
              <Stack gap={0}>
                <Text size="xs" c="dimmed">
                  {t('result.status')}
                </Text>
                <Text fw={700}>{t(`result.body_status.${view.status}`)}</Text>
              </Stack>
            </SimpleGrid>
            {view.dimensions.length > 0 && (
              <Text size="sm">{view.dimensions.map((d) => `${d.title[format.lang]} ${format.score(d.score)}`).join(' · ')}</Text>
            )}
            <Anchor
              href={`${API_BASE}/cycles/${cycleId}/bodies/${view.body.id}/breakdown.xlsx?lang=${format.lang}`}
              download
              size="sm"
              w="fit-content"
              aria-label={t('xlsx.download_label', { ns: 'ui', what: view.body.name })}
            >
              {t('xlsx.download', { ns: 'ui' })}
            </Anchor>
            <RaporLinks target={{ cycleId, bodyId: view.body.id }} name={view.body.name} />
          </Stack>
        ) : (
          <Text c="dimmed">{t('result.none')}</Text>
        )}
      </Paper>
      <Stack gap="xs" component="section" aria-labelledby="units-result-title">
        <Title order={2} size="h4" id="units-result-title">
          {t('result.units_title')}
        </Title>
        {/* The walk: at 360 px the units' table scrolled sideways; it stacks into labelled rows. */}
        <Table.ScrollContainer minWidth={0}>
          <Table striped withTableBorder verticalSpacing="xs" className="stack-table">
            <Table.Caption>{t('result.units_caption')}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('body.columns.unit')}</Table.Th>
                <Table.Th scope="col">{t('result.columns.status')}</Table.Th>
                <Table.Th scope="col">{t('result.columns.score')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {view.units.map((u) => (
                <Table.Tr key={u.id}>
                  <Table.Td>
                    <AnchorLink to="/pemda/cycles/$cycleId/units/$unitId" params={{ cycleId, unitId: u.id }} fw={600}>
                      {u.name}
                    </AnchorLink>
                    <Text size="xs" c="dimmed">
                      {t(`sectors.${u.sector}`, { defaultValue: u.sector })}
                    </Text>
                  </Table.Td>
                  <Table.Td data-label={t('result.columns.status')}>{t(`unit_status.${u.status}`, { defaultValue: u.status })}</Table.Td>
                  <Table.Td data-label={t('result.columns.score')}>
                    {u.result ? (
                      <Group gap="xs">
                        <ScoreValue value={u.result.score} fw={700} incomplete={!u.result.complete} />
                        <BandChip band={u.result.band} size="md" />
                      </Group>
                    ) : (
                      '—'
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Stack>
    </Stack>
  );
}
