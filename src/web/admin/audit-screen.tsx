/**
 * The audit log, newest first: filter by action (or prefix "user."), subject type, dates and
 * (admin) province; paginated. An action ending in "." matches a prefix. A pimpinan sees their province's events only (server-side).
 * Each page shows whether its consecutive events link by hash.
 */
import { useState } from 'react';
import { Group, NativeSelect, Stack, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { useMe } from '../api/auth.ts';
import { useAudit } from '../api/audit.ts';
import { useProvinces } from '../api/registry.ts';
import { AuditChainBadge } from './audit-chain-badge.tsx';
import { AuditTable } from './audit-table.tsx';
import { Pager } from './pager.tsx';
import { QueryStatus } from './query-status.tsx';

const PAGE_SIZE = 25;

export function AuditScreen() {
  const { t } = useTranslation('admin');
  const national = useMe().data?.role === 'admin';
  const [action, setAction] = useState('');
  const [subjectType, setSubjectType] = useState('');
  const [province, setProvince] = useState('');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [page, setPage] = useState(1);
  const [debounced] = useDebouncedValue({ action, subjectType }, 300);
  const provinces = useProvinces();
  const audit = useAudit({ page, pageSize: PAGE_SIZE, ...debounced, province: national ? province || null : null, from, to });
  const filter = (set: (v: string) => void) => (v: string) => {
    set(v);
    setPage(1);
  };

  return (
    <Stack gap="lg" maw={1100}>
      <Stack gap="xs">
        <Title order={1} size="h2">
          {t('audit.title')}
        </Title>
        <Text maw={720}>{national ? t('audit.intro_national') : t('audit.intro_province')}</Text>
      </Stack>
      <Group gap="sm" align="flex-end" wrap="wrap" role="search" aria-label={t('audit.filters.label')}>
        <TextInput
          label={t('audit.filters.action')}
          placeholder={t('audit.filters.action_placeholder')}
          value={action}
          onChange={(e) => filter(setAction)(e.currentTarget.value)}
          w={{ base: '100%', xs: 180 }}
        />
        <TextInput
          label={t('audit.filters.subject')}
          placeholder={t('audit.filters.subject_placeholder')}
          value={subjectType}
          onChange={(e) => filter(setSubjectType)(e.currentTarget.value)}
          w={{ base: '100%', xs: 150 }}
        />
        {national && (
          <NativeSelect
            label={t('audit.filters.province')}
            value={province}
            onChange={(e) => filter(setProvince)(e.currentTarget.value)}
            data={[{ value: '', label: t('common.all') }, ...(provinces.data ?? []).map((p) => ({ value: p.code, label: p.name }))]}
            w={{ base: '100%', xs: 200 }}
          />
        )}
        <TextInput
          type="date"
          label={t('audit.filters.from')}
          value={from}
          onChange={(e) => filter(setFrom)(e.currentTarget.value)}
          w={{ base: '100%', xs: 170 }}
        />
        <TextInput
          type="date"
          label={t('audit.filters.to')}
          value={to}
          onChange={(e) => filter(setTo)(e.currentTarget.value)}
          w={{ base: '100%', xs: 170 }}
        />
      </Group>
      <Text size="xs" c="dimmed" mt={-8}>
        {t('audit.filters.action_hint')}
      </Text>
      <QueryStatus query={audit} />
      {audit.data && (
        <Stack gap="sm">
          <AuditChainBadge events={audit.data.items} />
          <AuditTable events={audit.data.items} />
          {audit.data.items.length === 0 && <Text c="dimmed">{t('audit.empty')}</Text>}
          <Pager page={page} pageSize={PAGE_SIZE} total={audit.data.total} onChange={setPage} label={t('audit.pager')} />
        </Stack>
      )}
    </Stack>
  );
}
