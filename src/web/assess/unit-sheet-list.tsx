/**
 * Every sheet of an assigned unit, per instrument: drafts and the outbox on this device (a
 * rejected one with its reason and the way to correct it) and the records on the server with
 * their review state and the reviewer's comments.
 */
import { Accordion, Badge, Button, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Scheme } from '../../core/types.ts';
import { useFormat } from '../lib/format.ts';
import type { OutboxEntry } from '../lib/offline-db.ts';
import { ButtonLink } from '../ui/links.tsx';
import { discardDraft } from './local-actions.ts';
import { RejectedSheetNotice } from './rejected-sheet-notice.tsx';
import type { UnitSheetRow } from './unit-model.ts';

export interface UnitSheetListProps {
  scheme: Scheme;
  rows: UnitSheetRow[];
  outbox: OutboxEntry[];
  ids: { cycleId: string; unitId: string };
  writable: boolean;
}

function SheetRow({
  row,
  total,
  outbox,
  ids,
  writable,
}: { row: UnitSheetRow; total: number } & Omit<UnitSheetListProps, 'scheme' | 'rows'>) {
  const { t } = useTranslation('assess');
  const format = useFormat();
  const name = row.respondent.trim() || t('home.drafts.unnamed');
  const link = { to: '/assignments/$cycleId/$unitId/sheets/$sheetId' as const, params: { ...ids, sheetId: row.id } };
  const badge =
    row.source === 'draft'
      ? { color: 'gray', label: t('unit.sheets.draft') }
      : row.source === 'outbox'
        ? row.rejected
          ? { color: 'red', label: t('unit.sheets.rejected') }
          : { color: 'yellow', label: t('unit.sheets.queued') }
        : {
            color: row.status === 'returned' ? 'orange' : row.status === 'approved' ? 'green' : 'blue',
            label: t(`record_status.${row.status}`),
          };
  const comments = row.source === 'server' ? Object.keys(row.review).length : 0;
  const entry = row.source === 'outbox' && row.rejected ? outbox.find((e) => e.id === row.id) : undefined;
  return (
    <Stack gap={4} py={6} data-testid={`sheet-row-${row.id}`} style={{ borderBottom: '1px solid var(--mantine-color-default-border)' }}>
      <Group justify="space-between" gap="xs" wrap="wrap">
        <Stack gap={0}>
          <Text fw={600} size="sm">
            {name}
          </Text>
          <Text size="xs" c="dimmed">
            {t('unit.sheets.answered', { answered: format.integer(row.answered), total: format.integer(total) })} ·{' '}
            {format.dateTime(row.at)}
          </Text>
        </Stack>
        <Group gap={6}>
          <Badge c="var(--mantine-color-text)" color={badge.color} variant="light" tt="none">
            {badge.label}
          </Badge>
          {comments > 0 && (
            <Badge c="var(--mantine-color-text)" color="orange" variant="outline" tt="none">
              {t('unit.sheets.comments', { count: comments, n: format.integer(comments) })}
            </Badge>
          )}
          {row.source === 'server' && row.editedLocally && (
            <Badge color="gray" variant="outline" tt="none">
              {t('unit.sheets.edited_locally')}
            </Badge>
          )}
          {row.source === 'draft' && (
            <>
              <ButtonLink {...link} size="compact-sm" aria-label={t('home.drafts.continue_label', { name })}>
                {t('home.drafts.continue')}
              </ButtonLink>
              <Button
                size="compact-sm"
                variant="subtle"
                color="red"
                aria-label={t('home.drafts.delete_label', { name })}
                onClick={() => {
                  if (window.confirm(t('home.drafts.delete_confirm'))) void discardDraft(row.id);
                }}
              >
                {t('home.drafts.delete')}
              </Button>
            </>
          )}
          {row.source === 'server' && !row.editedLocally && (
            <ButtonLink
              {...link}
              size="compact-sm"
              variant="default"
              aria-label={t(writable ? 'unit.sheets.edit_label' : 'unit.sheets.view_label', { name })}
            >
              {t(writable ? 'unit.sheets.edit' : 'unit.sheets.view')}
            </ButtonLink>
          )}
        </Group>
      </Group>
      {entry && <RejectedSheetNotice entry={entry} {...ids} compact />}
    </Stack>
  );
}

export function UnitSheetList({ scheme, rows, outbox, ids, writable }: UnitSheetListProps) {
  const { t } = useTranslation('assess');
  const format = useFormat();
  const groups = scheme.instruments
    .map((i) => ({ instrument: i, rows: rows.filter((r) => r.instrument === i.code) }))
    .filter((g) => g.rows.length > 0);
  if (groups.length === 0) return <Text c="dimmed">{t('unit.sheets.empty')}</Text>;
  // Open what needs attention: local work and returned comments.
  const open = groups
    .filter((g) => g.rows.some((r) => r.source !== 'server' || Object.keys(r.review).length > 0))
    .map((g) => g.instrument.code);
  return (
    <Accordion multiple defaultValue={open} variant="separated">
      {groups.map(({ instrument, rows: list }) => (
        <Accordion.Item key={instrument.code} value={instrument.code}>
          <Accordion.Control>
            {instrument.title[format.lang]}{' '}
            <Text span c="dimmed" size="sm">
              ({format.integer(list.length)})
            </Text>
          </Accordion.Control>
          <Accordion.Panel>
            {list.map((row) => (
              <SheetRow
                key={`${row.source}-${row.id}`}
                row={row}
                total={instrument.covers.length}
                outbox={outbox}
                ids={ids}
                writable={writable}
              />
            ))}
          </Accordion.Panel>
        </Accordion.Item>
      ))}
    </Accordion>
  );
}
