/**
 * Registry: every body (governments, ministries, agencies) with filters by type, province,
 * name/code search and status, paginated; each links to its units.
 */
import { useState } from 'react';
import { Badge, Group, NativeSelect, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { BODY_TYPES } from '../../shared/wire/enums.ts';
import type { ActiveFilter, BodyType } from '../../shared/wire/registry.ts';
import { useBodies, useProvinceNames, useProvinces } from '../api/registry.ts';
import { AnchorLink } from '../ui/links.tsx';
import { Pager } from './pager.tsx';
import { QueryStatus } from './query-status.tsx';

const PAGE_SIZE = 20;

export function RegistryScreen() {
  const { t } = useTranslation('admin');
  const [type, setType] = useState<BodyType | ''>('');
  const [province, setProvince] = useState('');
  const [search, setSearch] = useState('');
  const [active, setActive] = useState<ActiveFilter>('true');
  const [page, setPage] = useState(1);
  const [q] = useDebouncedValue(search, 300);
  const provinces = useProvinces();
  const provinceNames = useProvinceNames();
  const bodies = useBodies({ page, pageSize: PAGE_SIZE, type: type || null, province: province || null, q, active });
  const filter =
    <T,>(set: (v: T) => void) =>
    (v: T) => {
      set(v);
      setPage(1);
    };

  return (
    <Stack gap="lg" maw={1100}>
      <Stack gap="xs">
        <Title order={1} size="h2">
          {t('registry.title')}
        </Title>
        <Text maw={720}>{t('registry.intro')}</Text>
      </Stack>
      <Group gap="sm" align="flex-end" wrap="wrap" role="search" aria-label={t('registry.filters.label')}>
        <TextInput
          label={t('registry.filters.search')}
          placeholder={t('registry.filters.search_placeholder')}
          value={search}
          onChange={(e) => filter(setSearch)(e.currentTarget.value)}
          w={{ base: '100%', sm: 240 }}
        />
        <NativeSelect
          label={t('registry.filters.type')}
          value={type}
          onChange={(e) => filter(setType)(e.currentTarget.value as BodyType | '')}
          data={[{ value: '', label: t('common.all') }, ...BODY_TYPES.map((v) => ({ value: v, label: t(`body_types.${v}`) }))]}
          w={{ base: '100%', xs: 180 }}
        />
        <NativeSelect
          label={t('registry.filters.province')}
          value={province}
          onChange={(e) => filter(setProvince)(e.currentTarget.value)}
          data={[{ value: '', label: t('common.all') }, ...(provinces.data ?? []).map((p) => ({ value: p.code, label: p.name }))]}
          w={{ base: '100%', xs: 220 }}
        />
        <NativeSelect
          label={t('registry.filters.status')}
          value={active}
          onChange={(e) => filter(setActive)(e.currentTarget.value as ActiveFilter)}
          data={(['true', 'false', 'all'] as const).map((v) => ({ value: v, label: t(`common.active_filter.${v}`) }))}
          w={{ base: '100%', xs: 160 }}
        />
      </Group>
      <QueryStatus query={bodies} />
      {bodies.data && (
        <Stack gap="sm">
          <Table.ScrollContainer minWidth={560}>
            <Table striped highlightOnHover withTableBorder verticalSpacing="xs">
              <Table.Caption>{t('registry.caption')}</Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('registry.columns.code')}</Table.Th>
                  <Table.Th scope="col">{t('registry.columns.name')}</Table.Th>
                  <Table.Th scope="col">{t('registry.columns.type')}</Table.Th>
                  <Table.Th scope="col">{t('registry.columns.province')}</Table.Th>
                  <Table.Th scope="col">{t('registry.columns.status')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {bodies.data.items.map((b) => (
                  <Table.Tr key={b.id}>
                    <Table.Td className="tabular">{b.code}</Table.Td>
                    <Table.Td>
                      <AnchorLink to="/admin/registry/$bodyId" params={{ bodyId: b.id }} fw={600}>
                        {b.name}
                      </AnchorLink>
                    </Table.Td>
                    <Table.Td>{t(`body_types.${b.type}`)}</Table.Td>
                    <Table.Td>{b.provinceCode ? (provinceNames.get(b.provinceCode) ?? b.provinceCode) : '—'}</Table.Td>
                    <Table.Td>
                      <ActiveBadge active={b.active} />
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          {bodies.data.items.length === 0 && <Text c="dimmed">{t('registry.empty')}</Text>}
          <Pager page={page} pageSize={PAGE_SIZE} total={bodies.data.total} onChange={setPage} label={t('registry.pager')} />
        </Stack>
      )}
    </Stack>
  );
}

export function ActiveBadge({ active }: { active: boolean }) {
  const { t } = useTranslation('admin');
  return (
    <Badge variant="dot" color={active ? 'teal' : 'gray'} tt="none">
      {active ? t('common.active') : t('common.inactive')}
    </Badge>
  );
}
