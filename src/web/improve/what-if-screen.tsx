/**
 * `/simulasi`: what-if (issue 12 §6) — the government's published answers re-scored under a newer
 * scheme of the same family (`GET /cycles/:cycleId/bodies/:bodyId/what-if?scheme=`): the score
 * and band now and under the newer scheme, per unit, and the indicators the newer scheme adds
 * that the answers do not cover yet. For the koordinator and the pimpinan.
 */
import { Alert, Badge, Group, NativeSelect, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useNavigate, useSearch } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { BodyWhatIf } from '../../shared/wire/scores.ts';
import { useMe } from '../api/auth.ts';
import { useBodyWhatIf } from '../api/target-plan.ts';
import { errorMessage } from '../lib/error-message.ts';
import { useFormat } from '../lib/format.ts';
import { getSchemesQueryOptions } from '../lib/schemes.ts';
import { BandChip } from '../ui/band-chip.tsx';
import { AnchorLink } from '../ui/links.tsx';
import { PageLoader } from '../ui/page-loader.tsx';
import { CycleBodyPicker, type PickedCycle } from './cycle-body-picker.tsx';

export function WhatIfScreen() {
  const user = useMe().data;
  const { t } = useTranslation('improve');
  const search = useSearch({ from: '/simulasi' });
  const navigate = useNavigate({ from: '/simulasi' });
  if (!user) return null;
  const go = (patch: Record<string, string | undefined>) => void navigate({ search: (s) => ({ ...s, ...patch }), replace: true });
  return (
    <Stack gap="lg" maw={1100}>
      <Stack gap={4}>
        <Title order={1} size="h2">
          {t('whatif.title')}
        </Title>
        <Text maw={760}>{t('whatif.intro')}</Text>
      </Stack>
      <CycleBodyPicker user={user} cycleId={search.cycle} bodyId={search.body} onChange={(p) => go({ ...p, scheme: undefined })}>
        {({ cycle, bodyId }) => (
          <Stack gap="md">
            <WhatIf cycle={cycle} bodyId={bodyId} scheme={search.scheme} onScheme={(scheme) => go({ scheme })} />
            <AnchorLink to="/sasaran" search={{ cycle: cycle.id, body: search.body }} size="sm">
              {t('whatif.target_link')}
            </AnchorLink>
          </Stack>
        )}
      </CycleBodyPicker>
    </Stack>
  );
}

function WhatIf({
  cycle,
  bodyId,
  scheme,
  onScheme,
}: {
  cycle: PickedCycle;
  bodyId: string;
  scheme: string | undefined;
  onScheme: (scheme: string) => void;
}) {
  const { t } = useTranslation('improve');
  const schemes = useQuery(getSchemesQueryOptions());
  const own = schemes.data?.find((s) => s.id === cycle.schemeId);
  // The newer schemes of the cycle's family, newest first.
  const newer = (schemes.data ?? []).filter((s) => own && s.family === own.family && s.year > own.year).sort((a, b) => b.year - a.year);
  const chosen = newer.find((s) => s.id === scheme) ?? newer[0];
  const whatIf = useBodyWhatIf(cycle.id, bodyId, chosen?.id ?? '', !!chosen);
  if (schemes.isPending) return <PageLoader />;
  if (!chosen)
    return (
      <Alert color="gray" role="status">
        {t('whatif.no_newer', { scheme: cycle.schemeId })}
      </Alert>
    );
  return (
    <Stack gap="md">
      <NativeSelect
        label={t('whatif.scheme')}
        value={chosen.id}
        onChange={(e) => onScheme(e.currentTarget.value)}
        data={newer.map((s) => ({ value: s.id, label: s.id }))}
        maw={520}
      />
      {whatIf.isPending ? (
        <PageLoader />
      ) : whatIf.isError ? (
        <Alert color="orange" role="alert">
          {errorMessage(t, whatIf.error)}
        </Alert>
      ) : (
        <WhatIfView data={whatIf.data} />
      )}
    </Stack>
  );
}

export function WhatIfView({ data }: { data: BodyWhatIf }) {
  const { t } = useTranslation('improve');
  const format = useFormat();
  const signed = (v: number) => (v > 0 ? `+${format.score(v)}` : v < 0 ? `−${format.score(-v)}` : format.score(0));
  const unmapped = [...new Set(data.units.flatMap((u) => u.unmapped))];
  return (
    <Stack gap="md" aria-live="polite">
      <Paper withBorder p="md">
        <Stack gap="xs">
          <Group gap="lg" wrap="wrap" align="flex-end">
            <Stack gap={2}>
              <Text size="xs" c="dimmed">
                {t('whatif.now', { scheme: data.fromScheme })}
              </Text>
              <Group gap="xs">
                <Text fw={700} size="xl" className="tabular">
                  {format.score(data.from.score)}
                </Text>
                <BandChip band={data.from.band} size="sm" />
              </Group>
            </Stack>
            <Text size="xl" aria-hidden>
              →
            </Text>
            <Stack gap={2}>
              <Text size="xs" c="dimmed">
                {t('whatif.under', { scheme: data.toScheme })}
              </Text>
              <Group gap="xs">
                <Text fw={700} size="xl" className="tabular">
                  {format.score(data.to.score)}
                </Text>
                <BandChip band={data.to.band} size="sm" />
              </Group>
            </Stack>
            <Badge size="lg" variant="light" color={data.delta < 0 ? 'orange' : 'teal'} tt="none" className="tabular">
              {t('whatif.delta', { value: signed(data.delta) })}
            </Badge>
          </Group>
          {!data.to.complete && (
            <Text size="sm" c="orange.8">
              {t('whatif.incomplete')}
            </Text>
          )}
        </Stack>
      </Paper>
      {unmapped.length > 0 && (
        <Alert color="blue" variant="light" title={t('whatif.unmapped_title')}>
          <Text size="sm">{t('whatif.unmapped', { codes: unmapped.join(', '), count: unmapped.length })}</Text>
        </Alert>
      )}
      <Table.ScrollContainer minWidth={420}>
        <Table striped withTableBorder verticalSpacing="xs">
          <Table.Caption>{t('whatif.units_caption')}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('whatif.unit')}</Table.Th>
              <Table.Th scope="col" ta="right">
                {data.fromScheme}
              </Table.Th>
              <Table.Th scope="col" ta="right">
                {data.toScheme}
              </Table.Th>
              <Table.Th scope="col" ta="right">
                {t('whatif.change')}
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {data.units.map((u) => (
              <Table.Tr key={u.unit.id}>
                <Table.Td>{u.unit.name}</Table.Td>
                <Table.Td ta="right" className="tabular">
                  {format.score(u.from.score)}
                </Table.Td>
                <Table.Td ta="right" className="tabular">
                  {format.score(u.to.score)}
                </Table.Td>
                <Table.Td ta="right" className="tabular">
                  {signed(u.delta)}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Stack>
  );
}
