/** Cycles: every assessment cycle, newest first, and the form that creates one. */
import { useState } from 'react';
import { Badge, Button, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { CycleStatus } from '../../shared/wire/cycles.ts';
import { useCreateCycle } from '../api/cycles-writes.ts';
import { useCyclesPage } from '../api/cycles.ts';
import { useFormat } from '../lib/format.ts';
import { AnchorLink } from '../ui/links.tsx';
import { CycleForm } from './cycle-form.tsx';
import { Pager } from './pager.tsx';
import { QueryStatus } from './query-status.tsx';

const PAGE_SIZE = 20;
const STATUS_COLOR: Record<CycleStatus, string> = { planning: 'gray', fieldwork: 'blue', review: 'orange', final: 'teal' };

export function CycleStatusBadge({ status }: { status: CycleStatus }) {
  const { t } = useTranslation('admin');
  return (
    <Badge variant="dot" color={STATUS_COLOR[status]} tt="none">
      {t(`cycle_status.${status}`)}
    </Badge>
  );
}

export function CyclesScreen() {
  const { t } = useTranslation('admin');
  const format = useFormat();
  const navigate = useNavigate();
  const [page, setPage] = useState(1);
  const [creating, setCreating] = useState(false);
  const cycles = useCyclesPage({ page, pageSize: 20 });
  const create = useCreateCycle();

  return (
    <Stack gap="lg" maw={1100}>
      <Group justify="space-between" align="flex-end">
        <Stack gap="xs">
          <Title order={1} size="h2">
            {t('cycles.title')}
          </Title>
          <Text maw={720}>{t('cycles.intro')}</Text>
        </Stack>
        {!creating && <Button onClick={() => setCreating(true)}>{t('cycles.add')}</Button>}
      </Group>
      {creating && (
        <Paper withBorder p={{ base: 'sm', sm: 'md' }} component="section" aria-labelledby="new-cycle-title">
          <Stack gap="sm">
            <Title order={2} size="h4" id="new-cycle-title">
              {t('cycles.form.title')}
            </Title>
            <CycleForm
              onCancel={() => setCreating(false)}
              onSubmit={async (input) => {
                const cycle = await create.mutateAsync(input);
                void navigate({ to: '/admin/cycles/$cycleId', params: { cycleId: cycle.id } });
              }}
            />
          </Stack>
        </Paper>
      )}
      <QueryStatus query={cycles} />
      {cycles.data && (
        <Stack gap="sm">
          {/* The walk: at 360 px the table scrolled sideways; it stacks into labelled rows instead. */}
          <Table.ScrollContainer minWidth={0}>
            <Table striped highlightOnHover withTableBorder verticalSpacing="xs" className="stack-table">
              <Table.Caption>{t('cycles.caption')}</Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('cycles.columns.name')}</Table.Th>
                  <Table.Th scope="col">{t('cycles.columns.year')}</Table.Th>
                  <Table.Th scope="col">{t('cycles.columns.scheme')}</Table.Th>
                  <Table.Th scope="col">{t('cycles.columns.status')}</Table.Th>
                  <Table.Th scope="col">{t('cycles.columns.locus')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {cycles.data.items.map((c) => (
                  <Table.Tr key={c.id}>
                    <Table.Td>
                      <AnchorLink to="/admin/cycles/$cycleId" params={{ cycleId: c.id }} fw={600}>
                        {c.name}
                      </AnchorLink>
                      {c.source === 'imported' && (
                        <Text size="xs" c="dimmed">
                          {t('cycles.imported')}
                        </Text>
                      )}
                      {c.kind === 'internal' && (
                        <Badge variant="light" color="grape" tt="none" size="sm" display="block" w="fit-content" mt={2}>
                          {t('cycles.internal')}
                        </Badge>
                      )}
                    </Table.Td>
                    <Table.Td className="tabular" data-label={t('cycles.columns.year')}>
                      {c.year}
                    </Table.Td>
                    <Table.Td data-label={t('cycles.columns.scheme')}>
                      <AnchorLink to="/schemes/$schemeId" params={{ schemeId: c.schemeId }} size="sm">
                        {c.schemeTitle[format.lang]}
                      </AnchorLink>
                    </Table.Td>
                    <Table.Td miw={140} data-label={t('cycles.columns.status')}>
                      <CycleStatusBadge status={c.status} />
                    </Table.Td>
                    <Table.Td className="tabular" data-label={t('cycles.columns.locus')}>
                      {t('cycles.locus_counts', { bodies: format.integer(c.bodies), units: format.integer(c.units) })}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          {cycles.data.items.length === 0 && <Text c="dimmed">{t('cycles.empty')}</Text>}
          <Pager page={page} pageSize={PAGE_SIZE} total={cycles.data.total} onChange={setPage} label={t('cycles.pager')} />
        </Stack>
      )}
    </Stack>
  );
}
