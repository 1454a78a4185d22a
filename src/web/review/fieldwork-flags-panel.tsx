/**
 * Issue 13: the server's anti-fabrication flags of a unit, grouped by sheet, with reasons; a
 * warning must be acknowledged with a note (or the unit returned) before the unit is approved.
 * Information flags (no position recorded, unit without coordinates) need nothing. At scale (a
 * Perwakilan has 30 respondents × 60 units) the unit opens on a summary — counts by rule — with
 * the sheets folded away, and its pimpinan may acknowledge every open warning with one note.
 */
import { useState } from 'react';
import { useMe } from '../api/auth.ts';
import { Alert, Badge, Button, Card, Group, List, Stack, Text, TextInput, Title } from '@mantine/core';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { FieldworkFlagCode, FieldworkFlagView } from '../../shared/wire/fieldwork.ts';
import { useUnitFieldworkFlags } from '../api/fieldwork.ts';
import { useAcknowledgeAll, useAcknowledgeFlags } from '../api/fieldwork-writes.ts';
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

/** Sheets shown unfolded when there are at most this many; more start folded behind the summary. */
const UNFOLDED_SHEETS = 3;

/** Counts by rule: warnings still open and sheets raising it. */
function summarise(items: FieldworkFlagView[]): { code: FieldworkFlagCode; sheets: number; open: number; warning: boolean }[] {
  const by = new Map<FieldworkFlagCode, { sheets: Set<string>; open: number; warning: boolean }>();
  for (const f of items) {
    const e = by.get(f.code) ?? { sheets: new Set<string>(), open: 0, warning: false };
    e.sheets.add(f.recordId);
    if (f.severity === 'warning') {
      e.warning = true;
      if (f.acknowledged === null) e.open += 1;
    }
    by.set(f.code, e);
  }
  return [...by.entries()]
    .map(([code, e]) => ({ code, sheets: e.sheets.size, open: e.open, warning: e.warning }))
    .sort((a, b) => Number(b.warning) - Number(a.warning) || b.open - a.open || b.sheets - a.sheets);
}

function AcknowledgeAll({ cycleId, unitId, open }: { cycleId: string; unitId: string; open: number }) {
  const { t } = useTranslation('review');
  const [note, setNote] = useState('');
  const ack = useAcknowledgeAll(cycleId, unitId);
  return (
    <Stack gap={4} data-testid="fieldwork-ack-all">
      <Group gap="xs" align="end" wrap="wrap">
        <TextInput
          size="xs"
          style={{ flex: 1, minWidth: 200 }}
          label={t('fieldwork.note_all')}
          value={note}
          onChange={(e) => setNote(e.currentTarget.value)}
        />
        <Button size="xs" disabled={note.trim() === ''} loading={ack.isPending} onClick={() => ack.mutate(note.trim())}>
          {t('fieldwork.acknowledge_all', { n: open })}
        </Button>
      </Group>
      {ack.isError && (
        <Text size="xs" c="red" role="alert">
          {errorMessage(t, ack.error)}
        </Text>
      )}
      {ack.isSuccess && (
        <Text size="xs" role="status">
          {t('fieldwork.acknowledged_all', { sheets: ack.data.sheets, n: ack.data.warnings })}
        </Text>
      )}
    </Stack>
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
  const format = useFormat();
  const flags = useUnitFieldworkFlags(cycleId, unitId);
  const me = useMe().data;
  const [unfolded, setUnfolded] = useState<boolean | null>(null);
  if (!flags.data) return null;
  const { items, open } = flags.data;
  if (items.length === 0) return null;
  const bySheet = new Map<string, FieldworkFlagView[]>();
  for (const f of items) bySheet.set(f.recordId, [...(bySheet.get(f.recordId) ?? []), f]);
  const warnings = [...bySheet.entries()].filter(([, list]) => list.some((f) => f.severity === 'warning'));
  const infoOnly = bySheet.size - warnings.length;
  const showSheets = unfolded ?? warnings.length <= UNFOLDED_SHEETS;
  const summary = summarise(items);
  return (
    <Alert color={open > 0 ? 'orange' : 'gray'} variant="light" data-testid="fieldwork-flags">
      <Stack gap="sm">
        <Title order={2} size="h4">
          {t('fieldwork.title')}
        </Title>
        <Text size="sm">{open > 0 ? t('fieldwork.open_count', { n: open }) : t('fieldwork.none_open')}</Text>
        <List size="sm" spacing={2} data-testid="fieldwork-summary">
          {summary.map((s) => (
            <List.Item key={s.code} data-code={s.code}>
              <Text span size="sm" c={s.warning ? undefined : 'dimmed'}>
                {t(`fieldwork.code.${s.code}`)}:{' '}
                {s.warning
                  ? t('fieldwork.summary_warning', { sheets: format.integer(s.sheets), open: format.integer(s.open) })
                  : t('fieldwork.summary_info', { sheets: format.integer(s.sheets) })}
              </Text>
            </List.Item>
          ))}
        </List>
        {open > 0 && canAcknowledge && me?.role === 'pimpinan' && <AcknowledgeAll cycleId={cycleId} unitId={unitId} open={open} />}
        {warnings.length > 0 && (
          <Button
            size="xs"
            variant="default"
            w="fit-content"
            aria-expanded={showSheets}
            onClick={() => setUnfolded(!showSheets)}
            data-testid="fieldwork-toggle"
          >
            {showSheets ? t('fieldwork.hide_sheets') : t('fieldwork.show_sheets', { n: warnings.length })}
          </Button>
        )}
        {showSheets &&
          warnings.map(([recordId, list]) => (
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
