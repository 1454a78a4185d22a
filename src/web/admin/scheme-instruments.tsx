/** The instruments of a scheme: who answers, the quota per unit, and what the answers are for. */
import { Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Scheme } from '../../core/types.ts';
import { useFormat } from '../lib/format.ts';

export function SchemeInstruments({ scheme }: { scheme: Scheme }) {
  const { t } = useTranslation('admin');
  const format = useFormat();
  const lang = format.lang;
  return (
    <Table.ScrollContainer minWidth={640}>
      <Table striped withTableBorder verticalSpacing="xs">
        <Table.Caption>{t('scheme.instruments.caption')}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('scheme.instruments.instrument')}</Table.Th>
            <Table.Th scope="col">{t('scheme.instruments.respondent')}</Table.Th>
            <Table.Th scope="col">{t('scheme.instruments.quota')}</Table.Th>
            <Table.Th scope="col">{t('scheme.instruments.role')}</Table.Th>
            <Table.Th scope="col">{t('scheme.instruments.covers')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {scheme.instruments.map((ins) => {
            const min = ins.quota.min ?? ins.quota.target;
            return (
              <Table.Tr key={ins.code}>
                <Table.Td>
                  <Text size="sm" fw={600}>
                    {ins.title[lang]}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {ins.code} · {t(`scheme.instrument_kinds.${ins.kind}`)}
                    {ins.perProduct ? ` · ${t('scheme.instruments.per_product')}` : ''}
                  </Text>
                </Table.Td>
                <Table.Td>{ins.respondent[lang]}</Table.Td>
                <Table.Td className="tabular">
                  {min === ins.quota.target
                    ? format.integer(ins.quota.target)
                    : t('scheme.instruments.quota_range', { min: format.integer(min), target: format.integer(ins.quota.target) })}
                </Table.Td>
                <Table.Td>{t(`scheme.instrument_roles.${ins.role}`)}</Table.Td>
                <Table.Td>
                  <Text size="xs" ff="monospace">
                    {ins.covers.join(', ')}
                  </Text>
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
