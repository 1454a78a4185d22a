/**
 * Issue 13: the server's anti-fabrication flags of a unit, grouped by sheet, with reasons; a
 * warning must be acknowledged with a note (or the unit returned) before the unit is approved.
 * Information flags (no position recorded, unit without coordinates) need nothing.
 */
import { useState } from 'react';
import { Alert, Badge, Button, Card, Group, List, Stack, Text, TextInput, Title } from '@mantine/core';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { FieldworkFlagView } from '../../shared/wire/fieldwork.ts';
import { useUnitFieldworkFlags } from '../api/fieldwork.ts';
import { useAcknowledgeFlags } from '../api/fieldwork-writes.ts';
import { errorMessage } from '../lib/error-message.ts';
import { useFormat } from '../lib/format.ts';
import type { SheetName } from './review-model.ts';

/** "Responden: Ibu Sari · lembar 3", or "Lembar 3" without a label; never the record's id. */
function sheetLabel(t: TFunction<'review'>, sheet: SheetName | undefined): string {
  if (!sheet) return t('fieldwork.sheet_gone');
  return sheet.respondent
    ? t('fieldwork.sheet_respondent', { respondent: sheet.respondent, n: sheet.number })
    : t('fieldwork.sheet_number', { n: sheet.number });
}

function SheetFlags({
  cycleId,
  unitId,
  recordId,
  items,
  canAcknowledge,
  instrumentTitle,
  sheet,
}: {
  cycleId: string;
  unitId: string;
  recordId: string;
  items: FieldworkFlagView[];
  canAcknowledge: boolean;
  instrumentTitle: string;
  sheet: SheetName | undefined;
}) {
  const { t } = useTranslation('review');
  const format = useFormat();
  const [note, setNote] = useState('');
  const ack = useAcknowledgeFlags(cycleId, unitId);
  const open = items.some((i) => i.severity === 'warning' && i.acknowledged === null);
  const done = items.find((i) => i.acknowledged !== null)?.acknowledged;
  return (
    <Card withBorder padding="sm" data-testid="fieldwork-sheet" data-record={recordId}>
      <Stack gap={6}>
        <Group justify="space-between" gap="xs">
          <Text fw={600} size="sm">
            {instrumentTitle} · {sheetLabel(t, sheet)}
          </Text>
          {open ? (
            <Badge c="var(--mantine-color-text)" color="orange" variant="light" tt="none">
              {t('fieldwork.open')}
            </Badge>
          ) : done ? (
            <Badge c="var(--mantine-color-text)" color="green" variant="light" tt="none">
              {t('fieldwork.acknowledged')}
            </Badge>
          ) : null}
        </Group>
        <List size="sm" spacing={2}>
          {items.map((f) => (
            <List.Item key={f.code} data-code={f.code}>
              <Text span size="sm" c={f.severity === 'warning' ? undefined : 'dimmed'}>
                {f.reason[format.lang]}
              </Text>
            </List.Item>
          ))}
        </List>
        {done && (
          <Text size="xs" c="dimmed">
            {t('fieldwork.acknowledged_by', { by: done.by, time: format.dateTime(done.at), note: done.note })}
          </Text>
        )}
        {open && canAcknowledge && (
          <Group gap="xs" align="end">
            <TextInput
              size="xs"
              style={{ flex: 1 }}
              label={t('fieldwork.note')}
              value={note}
              onChange={(e) => setNote(e.currentTarget.value)}
            />
            <Button
              size="xs"
              disabled={note.trim() === ''}
              loading={ack.isPending}
              onClick={() => ack.mutate({ recordId, note: note.trim() })}
            >
              {t('fieldwork.acknowledge')}
            </Button>
          </Group>
        )}
        {ack.isError && (
          <Text size="xs" c="red" role="alert">
            {errorMessage(t, ack.error)}
          </Text>
        )}
      </Stack>
    </Card>
  );
}

export function FieldworkFlagsPanel({
  cycleId,
  unitId,
  canAcknowledge,
  instrumentTitle,
  sheets,
}: {
  cycleId: string;
  unitId: string;
  canAcknowledge: boolean;
  instrumentTitle: (code: string) => string;
  /** The unit's sheets named for a person (`sheetNames` over the unit's records). */
  sheets: Map<string, SheetName>;
}) {
  const { t } = useTranslation('review');
  const flags = useUnitFieldworkFlags(cycleId, unitId);
  if (!flags.data) return null;
  const { items, open } = flags.data;
  if (items.length === 0) return null;
  const bySheet = new Map<string, FieldworkFlagView[]>();
  for (const f of items) bySheet.set(f.recordId, [...(bySheet.get(f.recordId) ?? []), f]);
  const warnings = [...bySheet.entries()].filter(([, list]) => list.some((f) => f.severity === 'warning'));
  const infoOnly = bySheet.size - warnings.length;
  return (
    <Alert color={open > 0 ? 'orange' : 'gray'} variant="light" data-testid="fieldwork-flags">
      <Stack gap="sm">
        <Title order={2} size="h4">
          {t('fieldwork.title')}
        </Title>
        <Text size="sm">{open > 0 ? t('fieldwork.open_count', { n: open }) : t('fieldwork.none_open')}</Text>
        {warnings.map(([recordId, list]) => (
          <SheetFlags
            key={recordId}
            cycleId={cycleId}
            unitId={unitId}
            recordId={recordId}
            items={list}
            canAcknowledge={canAcknowledge}
            instrumentTitle={instrumentTitle(list[0]!.instrument)}
            sheet={sheets.get(recordId)}
          />
        ))}
        {infoOnly > 0 && (
          <Text size="xs" c="dimmed">
            {t('fieldwork.info_only', { n: infoOnly })}
          </Text>
        )}
      </Stack>
    </Alert>
  );
}
