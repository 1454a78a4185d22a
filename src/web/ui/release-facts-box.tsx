/**
 * The facts box of a government (issue 18; strings: the 'recognition' namespace, loaded on use): what its press release is built from, read from the
 * publication's snapshot — score, band and zone, ranks in the province ("dari N kabupaten/kota")
 * and nationally with their movement, the previous cycle, units, awards and the hand-over.
 */
import { List, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ReleaseFacts } from '../../shared/wire/recognition.ts';
import { useFormat } from '../lib/format.ts';
import { BandChip } from './band-chip.tsx';

export function FactsBox({ facts }: { facts: ReleaseFacts }) {
  const { t } = useTranslation('recognition');
  const format = useFormat();
  const move = (m: number | null) => (m === null ? '' : m > 0 ? ` ▲${m}` : m < 0 ? ` ▼${-m}` : ' =');
  return (
    <Stack
      gap={6}
      className="rep-card"
      data-testid="facts-box"
      p="sm"
      style={{ border: '1px solid var(--mantine-color-gray-4)', borderRadius: 6 }}
    >
      <Title order={3} size="h5">
        {t('facts.title', { name: facts.body.name })}
      </Title>
      <Text>
        {t('facts.score')}: <strong data-testid="facts-score">{format.score(facts.score)}</strong> <BandChip band={facts.band} size="sm" />
      </Text>
      {facts.provinceRank ? (
        <Text size="sm">
          {t('facts.province_rank', { rank: facts.provinceRank.rank, of: facts.provinceRank.of, province: facts.body.provinceName ?? '' })}
          {move(facts.provinceRank.movement)}
        </Text>
      ) : null}
      {facts.nationalRank ? (
        <Text size="sm">
          {t('facts.national_rank', { rank: facts.nationalRank.rank, of: facts.nationalRank.of })}
          {move(facts.nationalRank.movement)}
        </Text>
      ) : null}
      {facts.previous ? (
        <Text size="sm">
          {t('facts.previous', {
            year: facts.previous.year,
            score: format.score(facts.previous.score),
            delta: format.score(facts.previous.delta),
          })}
        </Text>
      ) : null}
      {facts.units.length > 0 ? (
        <>
          <Text size="sm" fw={600}>
            {t('facts.units')}
          </Text>
          <List size="sm">
            {facts.units.map((u) => (
              <List.Item key={u.id}>
                {u.name} ({u.sectorName}): {format.score(u.score)} · {u.band.code}
              </List.Item>
            ))}
          </List>
        </>
      ) : null}
      {facts.awards.length > 0 ? (
        <>
          <Text size="sm" fw={600}>
            {t('facts.awards')}
          </Text>
          <List size="sm">
            {facts.awards.map((a) => (
              <List.Item key={`${a.subject}-${a.text}`}>
                {a.subject}: {a.text}
              </List.Item>
            ))}
          </List>
        </>
      ) : null}
      {facts.handover.date && facts.handover.place ? (
        <Text size="sm">{t('handover.line', { date: format.date(facts.handover.date), place: facts.handover.place })}</Text>
      ) : null}
      <Text size="xs" c="dimmed">
        {t('facts.source', { cycle: facts.publication.cycleName, version: facts.publication.version })}
      </Text>
    </Stack>
  );
}
