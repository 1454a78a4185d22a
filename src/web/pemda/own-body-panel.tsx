/** The koordinator's own body and its service units (read-only: the registry is the admin's). */
import { Badge, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { PAGE_SIZE_MAX } from '../../shared/wire/limits.ts';
import { useBody, useUnits } from '../api/registry.ts';
import { ResultState } from './result-state.tsx';

export function OwnBodyPanel({ bodyId }: { bodyId: string }) {
  const { t } = useTranslation('pemda');
  const body = useBody(bodyId);
  const units = useUnits(bodyId, { page: 1, pageSize: PAGE_SIZE_MAX, active: 'all' });
  if (!body.data) return <ResultState query={body} />;
  return (
    <Stack gap="sm" component="section" aria-labelledby="own-body-title">
      <Group gap="xs" align="baseline">
        <Title order={2} size="h4" id="own-body-title">
          {body.data.name}
        </Title>
        <Text c="dimmed" className="tabular">
          {body.data.code}
        </Text>
      </Group>
      {!units.data ? (
        <ResultState query={units} />
      ) : (
        // The walk: at 360 px the units scrolled sideways (status out of sight); they stack instead.
        <Table.ScrollContainer minWidth={0}>
          <Table withTableBorder verticalSpacing="xs" className="stack-table">
            <Table.Caption>{t('body.units_caption', { count: units.data.total, n: units.data.total })}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('body.columns.unit')}</Table.Th>
                <Table.Th scope="col">{t('body.columns.sector')}</Table.Th>
                <Table.Th scope="col">{t('body.columns.status')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {units.data.items.map((u) => (
                <Table.Tr key={u.id}>
                  <Table.Td>{u.name}</Table.Td>
                  <Table.Td data-label={t('body.columns.sector')}>{t(`sectors.${u.sector}`, { defaultValue: u.sector })}</Table.Td>
                  <Table.Td data-label={t('body.columns.status')}>
                    <Badge variant="dot" color={u.active ? 'teal' : 'gray'} tt="none">
                      {u.active ? t('body.active') : t('body.inactive')}
                    </Badge>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Stack>
  );
}
