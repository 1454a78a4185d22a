/**
 * Issue 12 §4: one unit's pre-assessment beside its last official published result, per
 * indicator: internal level, official level, difference. Read-only; the server refuses anyone
 * outside the owning government.
 */
import { Alert, Badge, Loader, Stack, Table, Text, Title } from '@mantine/core';
import { useParams } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { useInternalComparison } from '../api/internal.ts';
import { errorMessage } from '../lib/error-message.ts';
import { toLang, useFormat } from '../lib/format.ts';
import { AnchorLink } from '../ui/links.tsx';

export function PreAssessmentCompareScreen() {
  const { t, i18n } = useTranslation('pemda');
  const lang = toLang(i18n.language);
  const f = useFormat();
  const { cycleId, unitId } = useParams({ from: '/pemda/pra-penilaian/$cycleId/$unitId' });
  const q = useInternalComparison(cycleId, unitId);
  if (q.isPending) return <Loader aria-label={t('internal.loading')} />;
  if (q.error) return <Alert color="red">{errorMessage(t, q.error)}</Alert>;
  const c = q.data;
  const level = (v: number | null) => (v === null ? '—' : f.decimal(v, 2));
  return (
    <Stack gap="md" maw={1100}>
      <AnchorLink to="/pemda/pra-penilaian" size="sm">
        {t('internal.back')}
      </AnchorLink>
      <Title order={1} size="h2">
        {t('internal.compare_title', { unit: c.unit.name })}
      </Title>
      <Text>
        {t('internal.compare_intro', { cycle: c.cycle.name })}{' '}
        {c.official ? t('internal.compare_official', { cycle: c.official.cycle.name }) : t('internal.compare_no_official')}
      </Text>
      <Stack gap={4}>
        <Text size="sm">
          {t('internal.score_internal')}: <strong>{c.internalScore === null ? '—' : f.score(c.internalScore)}</strong>
        </Text>
        <Text size="sm">
          {t('internal.score_official')}: <strong>{c.official ? f.score(c.official.score) : '—'}</strong>
        </Text>
      </Stack>
      {/* At 360 px the four columns cut off "Selisih": the rows stack into labelled lines (global .stack-table). */}
      <Table.ScrollContainer minWidth={0}>
        <Table striped className="stack-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('internal.indicator')}</Table.Th>
              <Table.Th scope="col" ta="right">
                {t('internal.level_internal')}
              </Table.Th>
              <Table.Th scope="col" ta="right">
                {t('internal.level_official')}
              </Table.Th>
              <Table.Th scope="col" ta="right">
                {t('internal.difference')}
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {c.rows.map((r) => (
              <Table.Tr key={r.indicator}>
                <Table.Td>
                  <Text size="sm" fw={500}>
                    {r.indicator}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {r.text[lang]}
                  </Text>
                </Table.Td>
                <Table.Td ta="right" data-label={t('internal.level_internal')}>
                  {level(r.internal)}
                </Table.Td>
                <Table.Td ta="right" data-label={t('internal.level_official')}>
                  {level(r.official)}
                </Table.Td>
                <Table.Td ta="right" data-label={t('internal.difference')}>
                  {r.difference === null ? (
                    '—'
                  ) : (
                    <Badge variant="light" color={r.difference > 0 ? 'teal' : r.difference < 0 ? 'red' : 'gray'} c="dark">
                      {r.difference > 0 ? '+' : ''}
                      {f.decimal(r.difference, 2)}
                    </Badge>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Stack>
  );
}
