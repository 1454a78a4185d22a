/**
 * A sheet already on the server, read-only: each answer with its level descriptor, the remark,
 * and the reviewer's comment per indicator. Used when the unit no longer accepts changes.
 */
import { Alert, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Instrument, Scheme } from '../../core/types.ts';
import type { RecordView } from '../../shared/wire/records.ts';
import { useFormat } from '../lib/format.ts';
import { coveredIndicators, sheetSections } from './sheet-model.ts';

export function RecordAnswers({ scheme, instrument, record }: { scheme: Scheme; instrument: Instrument; record: RecordView }) {
  const { t } = useTranslation('assess');
  const format = useFormat();
  const lang = format.lang;
  const indicators = coveredIndicators(sheetSections(scheme, instrument));
  return (
    <Stack gap="sm">
      <Title order={1} size="h2">
        {instrument.title[lang]} · {record.respondent ?? '—'}
      </Title>
      <Text size="sm" c="dimmed">
        {t('record.captured', { when: format.dateTime(record.capturedAt) })} · {t(`record_status.${record.status}`)}
      </Text>
      <Table.ScrollContainer minWidth={480}>
        <Table striped withTableBorder>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('record.indicator')}</Table.Th>
              <Table.Th>{t('record.answer')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {indicators.map((i) => {
              const v = record.answers[i.code];
              const level = i.scale.levels.find((l) => l.value === v);
              return (
                <Table.Tr key={i.code}>
                  <Table.Td>
                    <Text size="sm" fw={600}>
                      {i.code}
                    </Text>
                    <Text size="xs">{i.text[lang]}</Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">
                      <Text span fw={700} className="tabular">
                        {typeof v === 'number' ? format.integer(v) : '—'}
                      </Text>
                      {level ? ` — ${level.descriptor[lang]}` : ''}
                    </Text>
                    {record.remarks[i.code] && (
                      <Text size="xs" c="dimmed">
                        {t('record.remark', { text: record.remarks[i.code] })}
                      </Text>
                    )}
                    {record.review[i.code] && (
                      <Alert color="orange" variant="light" p={6} mt={4} title={t('extras.comment_title')}>
                        <Text size="xs">{record.review[i.code]}</Text>
                      </Alert>
                    )}
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {record.notes && <Text size="sm">{t('record.notes', { text: record.notes })}</Text>}
    </Stack>
  );
}
