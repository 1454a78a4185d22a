/**
 * The unit per sheet: each record with its respondent, capture time, every answer, remarks,
 * notes and the files linked to it; groups of identical sheets are marked.
 */
import { Accordion, Badge, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Scheme } from '../../core/types.ts';
import type { Evidence } from '../../shared/wire/evidence.ts';
import type { RecordView } from '../../shared/wire/records.ts';
import { useFormat } from '../lib/format.ts';
import { EvidenceThumbs } from './evidence-thumbs.tsx';
import type { PatternFlag } from './outliers.ts';

export function SheetReview({
  scheme,
  records,
  evidence,
  patterns,
}: {
  scheme: Scheme;
  records: RecordView[];
  evidence: Evidence[];
  patterns: PatternFlag[];
}) {
  const { t } = useTranslation('review');
  const format = useFormat();
  const identical = new Set(patterns.flatMap((p) => p.sheets));
  const groups = scheme.instruments
    .map((i) => ({ instrument: i, list: records.filter((r) => r.instrument === i.code) }))
    .filter((g) => g.list.length > 0);
  return (
    <Accordion multiple variant="separated">
      {groups.map(({ instrument, list }) => (
        <Accordion.Item key={instrument.code} value={instrument.code}>
          <Accordion.Control>
            {instrument.title[format.lang]}{' '}
            <Text span c="dimmed" size="sm">
              ({format.integer(list.length)})
            </Text>
          </Accordion.Control>
          <Accordion.Panel>
            <Stack gap="sm">
              {list.map((r) => (
                <Stack key={r.id} gap={4} pb="xs" style={{ borderBottom: '1px solid var(--mantine-color-default-border)' }}>
                  <Group gap="xs">
                    <Text fw={600} size="sm">
                      {r.respondent ?? '—'}
                    </Text>
                    <Text size="xs" c="dimmed">
                      {format.dateTime(r.capturedAt)}
                    </Text>
                    {identical.has(r.id) && (
                      <Badge color="grape" variant="light" tt="none" size="sm">
                        {t('patterns.badge')}
                      </Badge>
                    )}
                  </Group>
                  <Text size="sm" className="tabular">
                    {instrument.covers.map((code) => `${code} ${r.answers[code] ?? '—'}`).join(' · ')}
                  </Text>
                  {Object.entries(r.remarks).map(([code, text]) => (
                    <Text key={code} size="xs">
                      {t('sheets.remark', { code, text })}
                    </Text>
                  ))}
                  {r.notes && <Text size="xs">{t('sheets.notes', { text: r.notes })}</Text>}
                  <EvidenceThumbs files={evidence.filter((e) => e.recordId === r.id)} />
                </Stack>
              ))}
            </Stack>
          </Accordion.Panel>
        </Accordion.Item>
      ))}
    </Accordion>
  );
}
