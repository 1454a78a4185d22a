/** The units of one locus body: status, records against quotas, assessor, due date, actions. */
import { Button, Group, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { BodyProgress, UnitProgress } from '../../shared/wire/locus.ts';
import { useFormat } from '../lib/format.ts';
import { ConfirmAction } from './confirm-action.tsx';
import './admin.css';

export interface LocusUnitsProps {
  body: BodyProgress;
  editable: boolean;
  assignable: boolean;
  onAssign: (unit: UnitProgress) => void;
  onRemove: (unitId: string) => Promise<unknown>;
}

export function LocusUnits({ body, editable, assignable, onAssign, onRemove }: LocusUnitsProps) {
  const { t } = useTranslation('admin');
  const format = useFormat();
  return (
    <div className="stack-table-wrap">
      <Table withTableBorder verticalSpacing={6} fz="sm" className="stack-table">
        <Table.Caption>{t('locus.units_caption', { name: body.name })}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('locus.columns.unit')}</Table.Th>
            <Table.Th scope="col">{t('locus.columns.status')}</Table.Th>
            <Table.Th scope="col">{t('locus.columns.records')}</Table.Th>
            <Table.Th scope="col">{t('locus.columns.assessor')}</Table.Th>
            <Table.Th scope="col">{t('locus.columns.due')}</Table.Th>
            {(assignable || editable) && <Table.Th scope="col">{t('locus.columns.actions')}</Table.Th>}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {body.units.map((u) => (
            <Table.Tr key={u.unitId} data-unit={u.name}>
              <Table.Td>
                <Text size="sm" fw={600}>
                  {u.name}
                </Text>
                <Text size="xs" c="dimmed">
                  {t(`sectors.${u.sector}`, { defaultValue: u.sector })}
                </Text>
              </Table.Td>
              <Table.Td data-label={t('locus.columns.status')}>{t(`unit_status.${u.status}`, { defaultValue: u.status })}</Table.Td>
              <Table.Td className="tabular" data-label={t('locus.columns.records')}>
                <div>
                  {format.integer(u.done)}/{format.integer(u.target)}
                  <Text size="xs" c="dimmed">
                    {u.instruments.map((i) => `${i.code} ${format.integer(i.done)}/${format.integer(i.target)}`).join(' · ')}
                  </Text>
                </div>
              </Table.Td>
              <Table.Td data-label={t('locus.columns.assessor')}>
                {u.assessor ? (
                  u.assessor.name
                ) : (
                  <Text span size="sm" c="dimmed">
                    {t('locus.unassigned')}
                  </Text>
                )}
              </Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }} data-label={t('locus.columns.due')}>
                {u.dueDate ? format.date(u.dueDate) : '—'}
              </Table.Td>
              {(assignable || editable) && (
                <Table.Td data-label={t('locus.columns.actions')}>
                  <Group gap="xs">
                    {assignable && (
                      <Button
                        size="xs"
                        variant="default"
                        onClick={() => onAssign(u)}
                        aria-label={t('locus.assign_named', { name: u.name })}
                      >
                        {t('locus.assign')}
                      </Button>
                    )}
                    {editable && (
                      <ConfirmAction
                        label={t('locus.remove_unit')}
                        ariaLabel={t('locus.remove_named', { name: u.name })}
                        title={t('locus.remove_unit_confirm.title', { name: u.name })}
                        body={t('locus.remove_unit_confirm.body')}
                        confirmLabel={t('locus.remove_unit')}
                        color="red"
                        onConfirm={() => onRemove(u.unitId)}
                      />
                    )}
                  </Group>
                </Table.Td>
              )}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </div>
  );
}
