/** The body's change log: every answer changed after review, with the scores before and after. */
import { Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../lib/format.ts';
import type { ChangeEntry } from './clarify-types.ts';

export function ChangeLog({ changes }: { changes: ChangeEntry[] }) {
  const { t } = useTranslation('clarify');
  const format = useFormat();
  if (changes.length === 0) return <Text c="dimmed">{t('changes.empty')}</Text>;
  const num = (v: number | null, score = false) => (v === null ? '—' : score ? format.score(v) : format.decimal(v, 2));
  return (
    <div style={{ overflowX: 'auto' }}>
      <Table striped withTableBorder data-testid="change-log" miw={640}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('changes.when')}</Table.Th>
            <Table.Th scope="col">{t('changes.indicator')}</Table.Th>
            <Table.Th scope="col">{t('changes.value')}</Table.Th>
            <Table.Th scope="col">{t('changes.unit_score')}</Table.Th>
            <Table.Th scope="col">{t('changes.body_score')}</Table.Th>
            <Table.Th scope="col">{t('changes.reason')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {changes.map((c) => (
            <Table.Tr key={c.id} data-testid="change-row">
              <Table.Td>
                <Text size="sm">{format.dateTime(c.changedAt)}</Text>
                <Text size="xs" c="dimmed">
                  {t(`changes.source_${c.source === 'correction' ? 'correction' : 'dispute'}`)}
                  {c.changedBy ? ` · ${c.changedBy}` : ''}
                </Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{c.unitName}</Text>
                <Text size="xs">
                  <span className="tabular">{c.indicator}</span> {c.indicatorText[format.lang]}
                </Text>
              </Table.Td>
              <Table.Td className="tabular">
                {num(c.before.value)} → {num(c.after.value)}
              </Table.Td>
              <Table.Td className="tabular">
                {num(c.before.unitScore, true)} → {num(c.after.unitScore, true)}
              </Table.Td>
              <Table.Td className="tabular">
                {num(c.before.bodyScore, true)} → {num(c.after.bodyScore, true)}
              </Table.Td>
              <Table.Td>
                <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
                  {c.reason}
                </Text>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </div>
  );
}
