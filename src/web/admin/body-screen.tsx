/**
 * One body of the registry and its service units: add a unit, edit its name, sector (office
 * type) and location, deactivate it (never delete: results refer to it) or reactivate it. Issue
 * 17: where each unit is (province, kabupaten/kota, address, coordinates) and the locations of
 * all units from one Excel/CSV file.
 */
import { useState } from 'react';
import { Alert, Button, Group, Modal, NativeSelect, Stack, Table, Text, Title } from '@mantine/core';
import { useParams } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { ActiveFilter, Unit } from '../../shared/wire/registry.ts';
import { useMe } from '../api/auth.ts';
import { useBody, useProvinceNames, useUnits } from '../api/registry.ts';
import { useRegencyNames, useVerticalOfficeTypes } from '../api/registry-locations.ts';
import { useWriteUnit } from '../api/registry-writes.ts';
import { AnchorLink } from '../ui/links.tsx';
import { ConfirmAction } from './confirm-action.tsx';
import { formErrorMessage } from './form-errors.ts';
import { Pager } from './pager.tsx';
import { QueryStatus } from './query-status.tsx';
import { ActiveBadge } from './registry-screen.tsx';
import { UnitForm } from './unit-form.tsx';
import { officeTypeLabel, provinceOfRegency } from './unit-location-model.ts';
import { UnitLocationsImport } from './unit-locations-import.tsx';
import './admin.css';
import { toLang, useFormat } from '../lib/format.ts';

const PAGE_SIZE = 50;

export function BodyScreen() {
  const { t } = useTranslation('admin');
  const { bodyId } = useParams({ from: '/admin/registry/$bodyId' });
  const body = useBody(bodyId);
  // Admin: any body; pimpinan: its province's (the server checks each write); koordinator: reads.
  const me = useMe().data;
  const role = me?.role;
  const canWrite = role === 'admin' || role === 'pimpinan';
  // Issue 17 (decision, policy `unit.locate`): a body's own koordinator sets its units' locations in bulk.
  const canLocate = (b: { id: string }) => canWrite || (role === 'koordinator' && me?.bodyId === b.id);
  const provinceNames = useProvinceNames();
  if (!body.data) return <QueryStatus query={body} />;
  const b = body.data;
  return (
    <Stack gap="lg" maw={1100}>
      {role === 'admin' && (
        <AnchorLink to="/admin/registry" size="sm">
          {t('registry.back')}
        </AnchorLink>
      )}
      <Stack gap={4}>
        <Title order={1} size="h2">
          {b.name}
        </Title>
        <Group gap="xs">
          <Text c="dimmed" className="tabular">
            {b.code}
          </Text>
          <Text c="dimmed">· {t(`body_types.${b.type}`)}</Text>
          {b.provinceCode && <Text c="dimmed">· {provinceNames.get(b.provinceCode) ?? b.provinceCode}</Text>}
          <ActiveBadge active={b.active} />
        </Group>
      </Stack>
      <UnitsPanel bodyId={b.id} bodyName={b.name} bodyCode={b.code} canWrite={canWrite} />
      {canLocate(b) && <UnitLocationsImport bodyId={b.id} bodyCode={b.code} />}
    </Stack>
  );
}

function UnitsPanel({ bodyId, bodyName, bodyCode, canWrite }: { bodyId: string; bodyName: string; bodyCode: string; canWrite: boolean }) {
  const { t, i18n } = useTranslation('admin');
  const lang = toLang(i18n.language);
  const format = useFormat();
  const types = useVerticalOfficeTypes();
  const provinceNames = useProvinceNames();
  const [page, setPage] = useState(1);
  const [active, setActive] = useState<ActiveFilter>('all');
  const [editing, setEditing] = useState<Unit | 'new' | null>(null);
  const units = useUnits(bodyId, { page, pageSize: PAGE_SIZE, active });
  const write = useWriteUnit();
  const reactivate = useWriteUnit();
  const close = () => setEditing(null);
  const regencyNames = useRegencyNames(
    (units.data?.items ?? []).map((u) => provinceOfRegency(u.regencyCode)).filter((p): p is string => p !== null),
  );
  const coordinate = (n: number) => format.decimal(n, 5);

  return (
    <Stack gap="sm" component="section" aria-labelledby="units-title">
      <Group justify="space-between" align="flex-end">
        <Title order={2} size="h4" id="units-title">
          {t('units.title')}
        </Title>
        <Group gap="sm" align="flex-end">
          <NativeSelect
            label={t('registry.filters.status')}
            value={active}
            onChange={(e) => {
              setActive(e.currentTarget.value as ActiveFilter);
              setPage(1);
            }}
            data={(['all', 'true', 'false'] as const).map((v) => ({ value: v, label: t(`common.active_filter.${v}`) }))}
          />
          {canWrite && <Button onClick={() => setEditing('new')}>{t('units.add')}</Button>}
        </Group>
      </Group>
      <QueryStatus query={units} />
      {reactivate.isError && (
        <Alert color="red" role="alert" title={t('common.failed')}>
          {formErrorMessage(t, reactivate.error)}
        </Alert>
      )}
      {units.data && (
        <>
          <Table.ScrollContainer minWidth={900}>
            <Table striped withTableBorder verticalSpacing="xs">
              <Table.Caption>{t('units.caption', { body: bodyName })}</Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('units.columns.name')}</Table.Th>
                  <Table.Th scope="col">{t('units.columns.office_type')}</Table.Th>
                  <Table.Th scope="col">{t('units.columns.place')}</Table.Th>
                  <Table.Th scope="col">{t('units.columns.address')}</Table.Th>
                  <Table.Th scope="col">{t('units.columns.coordinates')}</Table.Th>
                  <Table.Th scope="col">{t('units.columns.status')}</Table.Th>
                  {canWrite && <Table.Th scope="col">{t('units.columns.actions')}</Table.Th>}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {units.data.items.map((u) => (
                  <Table.Tr key={u.id}>
                    <Table.Td fw={600}>{u.name}</Table.Td>
                    <Table.Td>{officeTypeLabel(types.data ?? [], bodyCode, u.sector, lang, (s) => t(`sectors.${s}`))}</Table.Td>
                    <Table.Td>
                      {u.regencyCode ? (
                        <>
                          {regencyNames.get(u.regencyCode) ?? u.regencyCode}
                          <Text size="xs" c="dimmed">
                            {provinceNames.get(provinceOfRegency(u.regencyCode) ?? '') ?? ''}
                          </Text>
                        </>
                      ) : (
                        <Text span c="dimmed" size="sm">
                          {t('units.location.not_located')}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td maw={260}>
                      <Text size="sm" lineClamp={2}>
                        {u.address ?? '—'}
                      </Text>
                    </Table.Td>
                    <Table.Td className="tabular">
                      {u.latitude !== null && u.longitude !== null ? `${coordinate(u.latitude)}, ${coordinate(u.longitude)}` : '—'}
                    </Table.Td>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>
                      <ActiveBadge active={u.active} />
                    </Table.Td>
                    {canWrite && (
                      <Table.Td>
                        <Group gap="xs" wrap="nowrap">
                          <Button
                            size="xs"
                            variant="default"
                            onClick={() => setEditing(u)}
                            aria-label={t('units.edit_named', { name: u.name })}
                          >
                            {t('units.edit')}
                          </Button>
                          {u.active ? (
                            <ConfirmAction
                              label={t('units.deactivate')}
                              ariaLabel={t('units.deactivate_named', { name: u.name })}
                              title={t('units.deactivate_confirm.title', { name: u.name })}
                              body={t('units.deactivate_confirm.body')}
                              confirmLabel={t('units.deactivate')}
                              color="red"
                              onConfirm={() => write.mutateAsync({ kind: 'deactivate', unitId: u.id })}
                            />
                          ) : (
                            <Button
                              size="xs"
                              variant="light"
                              onClick={() => reactivate.mutate({ kind: 'reactivate', unitId: u.id })}
                              aria-label={t('units.reactivate_named', { name: u.name })}
                            >
                              {t('units.reactivate')}
                            </Button>
                          )}
                        </Group>
                      </Table.Td>
                    )}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          {units.data.items.length === 0 && <Text c="dimmed">{t('units.empty')}</Text>}
          <Pager page={page} pageSize={PAGE_SIZE} total={units.data.total} onChange={setPage} label={t('units.pager')} />
        </>
      )}
      <Modal
        opened={editing !== null}
        onClose={close}
        title={editing === 'new' ? t('units.add') : t('units.edit_title')}
        size="lg"
        centered
      >
        {editing !== null && (
          <UnitForm
            unit={editing === 'new' ? undefined : editing}
            bodyCode={bodyCode}
            regencyName={editing !== 'new' && editing.regencyCode ? (regencyNames.get(editing.regencyCode) ?? null) : null}
            onCancel={close}
            onSubmit={async (input) => {
              if (editing === 'new') await write.mutateAsync({ kind: 'create', bodyId, input });
              else await write.mutateAsync({ kind: 'edit', unitId: editing.id, input });
              close();
            }}
          />
        )}
      </Modal>
    </Stack>
  );
}
