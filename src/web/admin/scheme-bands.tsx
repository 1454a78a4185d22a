/** The bands of a scheme (highest first): chip in the band colour, closed-below range, zone. */
import { Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Scheme } from '../../core/types.ts';
import { useFormat } from '../lib/format.ts';
import { BandChip } from '../ui/band-chip.tsx';

export function SchemeBands({ scheme }: { scheme: Scheme }) {
  const { t } = useTranslation('admin');
  const format = useFormat();
  return (
    <Table.ScrollContainer minWidth={480}>
      <Table striped withTableBorder verticalSpacing="xs">
        <Table.Caption>{t('scheme.bands.caption')}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('scheme.bands.band')}</Table.Th>
            <Table.Th scope="col">{t('scheme.bands.range')}</Table.Th>
            <Table.Th scope="col">{t('scheme.bands.zone')}</Table.Th>
            <Table.Th scope="col">{t('scheme.bands.color')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {scheme.bands.map((band) => (
            <Table.Tr key={band.code}>
              <Table.Td>
                <BandChip band={band} size="md" />
                {band.group && (
                  <Text size="xs" c="dimmed" mt={4}>
                    {band.group[format.lang]}
                  </Text>
                )}
              </Table.Td>
              <Table.Td className="tabular">
                {t('scheme.bands.range_value', { min: format.score(band.min), max: format.score(band.max) })}
              </Table.Td>
              <Table.Td>{band.zone ? t(`scheme.zones.${band.zone}`) : '—'}</Table.Td>
              <Table.Td>
                <Text span ff="monospace" size="sm">
                  {band.color}
                </Text>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
