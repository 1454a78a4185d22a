/** Audit events as a table: when, who, what, on which subject, and the recorded difference. */
import { Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { AuditEvent } from '../../shared/wire/audit.ts';
import { useContext } from 'react';
import { ZoneContext, createFormatter, useFormat, zoneTzOf } from '../lib/format.ts';
import { AuditDiff } from './audit-diff.tsx';

export function AuditTable({ events }: { events: AuditEvent[] }) {
  const { t } = useTranslation('admin');
  const format = useFormat();
  // issue 16: each event's times in the zone of the province it concerns (a Bali body's in WITA), else the reader's.
  const reader = useContext(ZoneContext);
  const formatOf = (provinceCode: string | null) => createFormatter(format.lang, { timeZone: zoneTzOf(provinceCode) ?? reader });
  return (
    <Table.ScrollContainer minWidth={0}>
      <Table striped withTableBorder verticalSpacing="xs" fz="sm" className="stack-table">
        <Table.Caption>{t('audit.caption')}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('audit.columns.seq')}</Table.Th>
            <Table.Th scope="col">{t('audit.columns.at')}</Table.Th>
            <Table.Th scope="col">{t('audit.columns.actor')}</Table.Th>
            <Table.Th scope="col">{t('audit.columns.action')}</Table.Th>
            <Table.Th scope="col">{t('audit.columns.subject')}</Table.Th>
            <Table.Th scope="col">{t('audit.columns.diff')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {events.map((e) => {
            const f = formatOf(e.provinceCode);
            return (
              <Table.Tr key={e.seq}>
                <Table.Td className="tabular" data-label={t('audit.columns.seq')}>
                  {e.seq}
                </Table.Td>
                <Table.Td data-label={t('audit.columns.at')}>{f.dateTime(e.at)}</Table.Td>
                <Table.Td data-label={t('audit.columns.actor')}>{e.actorName ?? e.actorLabel}</Table.Td>
                <Table.Td ff="monospace" data-label={t('audit.columns.action')}>
                  {e.action}
                </Table.Td>
                <Table.Td data-label={t('audit.columns.subject')}>
                  {t(`audit.subject_types.${e.subjectType}`, { defaultValue: e.subjectType })}
                  {e.subjectId && (
                    <Text size="xs" c="dimmed">
                      {e.subjectName ?? e.names?.[e.subjectId] ?? t('audit.unknown_id')}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td data-label={t('audit.columns.diff')}>
                  <AuditDiff diff={e.diff} names={e.names ?? {}} format={f} />
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
