/** The methodology library as a table: one row per scheme, linking to its viewer. */
import { Table, Text } from '@mantine/core';
import { useSuspenseQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../lib/format.ts';
import { getSchemesQueryOptions } from '../lib/schemes.ts';
import { AnchorLink } from '../ui/links.tsx';
import { indicatorCount } from './scheme-model.ts';

export function SchemeList() {
  const { t } = useTranslation('admin');
  const format = useFormat();
  const { data: schemes } = useSuspenseQuery(getSchemesQueryOptions());
  return (
    <Table.ScrollContainer minWidth={0}>
      <Table striped highlightOnHover withTableBorder verticalSpacing="xs" className="stack-table">
        <Table.Caption>{t('schemes.caption', { n: format.integer(schemes.length) })}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('schemes.columns.scheme')}</Table.Th>
            <Table.Th scope="col">{t('schemes.columns.family')}</Table.Th>
            <Table.Th scope="col">{t('schemes.columns.year')}</Table.Th>
            <Table.Th scope="col">{t('schemes.columns.indicators')}</Table.Th>
            <Table.Th scope="col">{t('schemes.columns.assumptions')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {schemes.map((s) => (
            <Table.Tr key={s.id}>
              <Table.Td>
                <AnchorLink to="/schemes/$schemeId" params={{ schemeId: s.id }} fw={600}>
                  {s.title[format.lang]}
                </AnchorLink>
                <Text size="xs" c="dimmed" ff="monospace">
                  {s.id}
                </Text>
              </Table.Td>
              <Table.Td data-label={t('schemes.columns.family')}>{t(`families.${s.family}`)}</Table.Td>
              <Table.Td className="tabular" data-label={t('schemes.columns.year')}>
                {s.year}
              </Table.Td>
              <Table.Td className="tabular" data-label={t('schemes.columns.indicators')}>
                {format.integer(indicatorCount(s))}
              </Table.Td>
              <Table.Td className="tabular" data-label={t('schemes.columns.assumptions')}>
                {format.integer(s.assumptions.length)}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
