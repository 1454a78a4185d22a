/**
 * Filling one sheet: loads the draft (or starts one from ?scheme=&instrument=), autosaves it
 * to the device while the assessor answers, previews the unit score live, and on submit moves
 * the finished sheet to the outbox. Works offline: nothing here needs the server.
 */
import { useMemo } from 'react';
import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQuery } from '@tanstack/react-query';
import { useNavigate, useParams, useSearch } from '@tanstack/react-router';
import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import type { Instrument, Scheme } from '../../core/types.ts';
import { useFormat } from '../lib/format.ts';
import { NO_UNIT, getDraft, getOutboxEntry, unitSheets, type DraftSheet } from '../lib/offline-db.ts';
import { getSchemeQueryOptions } from '../lib/schemes.ts';
import { ErrorView } from '../ui/error-view.tsx';
import { ButtonLink } from '../ui/links.tsx';
import { PageLoader } from '../ui/page-loader.tsx';
import { emptySheetValue, findInstrument, toEngineSheet, type SheetValue } from './sheet-model.ts';
import { SheetWorkspace } from './sheet-workspace.tsx';
import { useSheetDraft } from './use-sheet-draft.ts';

interface EditorProps {
  sheetId: string;
  scheme: Scheme;
  instrument: Instrument;
  initial: DraftSheet | undefined;
}

function SheetEditor({ sheetId, scheme, instrument, initial }: EditorProps) {
  const { t } = useTranslation('assess');
  const format = useFormat();
  const navigate = useNavigate();
  const unitKey = initial?.unitKey ?? NO_UNIT;
  const {
    value,
    onChange,
    save,
    savedAt,
    saveFailed,
    submitting,
    submit: queue,
  } = useSheetDraft(
    // An assignment draft opened here keeps its cycle (normally it opens in the assignment screen).
    { sheetId, schemeId: scheme.id, instrument: instrument.code, unitKey, cycleId: initial?.cycleId, replaces: initial?.replaces },
    { value: initial?.value ?? emptySheetValue(), createdAt: initial?.createdAt, updatedAt: initial?.updatedAt ?? null },
  );

  const submit = async (v: SheetValue) => {
    if (!(await queue(v))) return;
    notifications.show({
      color: 'green',
      title: t('sheet.queued.title'),
      message: t('sheet.queued.body', { respondent: v.respondent }),
      closeButtonProps: { 'aria-label': t('evidence.dismiss') },
    });
    await navigate({ to: '/assess' });
  };

  const stored = useLiveQuery(() => unitSheets(scheme.id, unitKey), [scheme.id, unitKey]);
  const otherSheets = useMemo(
    () =>
      (stored ?? [])
        .filter((s) => s.id !== sheetId && findInstrument(scheme, s.instrument))
        .map((s) => toEngineSheet(s.id, s.instrument, s.value)),
    [stored, sheetId, scheme],
  );

  return (
    <Stack gap="md">
      <Group justify="space-between" gap="xs">
        <ButtonLink to="/assess" variant="subtle" px={0}>
          {t('sheet.back')}
        </ButtonLink>
        <Text size="sm" c="dimmed" role="status" aria-live="polite">
          {savedAt ? t('sheet.saved_at', { time: format.dateTime(savedAt) }) : t('sheet.not_saved')}
        </Text>
      </Group>
      {unitKey === NO_UNIT && (
        <Alert color="blue" variant="light" p="xs">
          {t('sheet.unit_unassigned')}
        </Alert>
      )}
      {saveFailed && (
        <Alert color="red" role="alert">
          {t('sheet.save_failed')}
        </Alert>
      )}
      <SheetWorkspace
        sheetId={sheetId}
        scheme={scheme}
        instrument={instrument}
        value={value}
        onChange={onChange}
        onSubmit={(v) => void submit(v)}
        otherSheets={otherSheets}
        submitting={submitting}
        actions={
          <Button variant="default" onClick={() => void save()}>
            {t('sheet.save_draft')}
          </Button>
        }
      />
    </Stack>
  );
}

export function SheetScreen() {
  const { t } = useTranslation('assess');
  const { sheetId } = useParams({ from: '/assess/sheets/$sheetId' });
  const search = useSearch({ from: '/assess/sheets/$sheetId' });
  const stored = useLiveQuery(async () => ({ draft: await getDraft(sheetId), queued: await getOutboxEntry(sheetId) }), [sheetId]);
  const schemeId = stored?.draft?.schemeId ?? search.scheme ?? '';
  const scheme = useQuery({ ...getSchemeQueryOptions(schemeId), enabled: stored !== undefined && schemeId !== '' });

  if (stored === undefined || scheme.isLoading) return <PageLoader />;
  if (stored.queued) {
    return (
      <Alert color="green" title={t('sheet.already_queued.title')} maw={640}>
        <Stack gap="sm">
          <Text size="sm">{t('sheet.already_queued.body')}</Text>
          <ButtonLink to="/assess">{t('sheet.back')}</ButtonLink>
        </Stack>
      </Alert>
    );
  }
  if (scheme.isError) return <ErrorView error={scheme.error} onRetry={() => void scheme.refetch()} />;
  const instrument = scheme.data ? findInstrument(scheme.data, stored.draft?.instrument ?? search.instrument ?? '') : undefined;
  if (!scheme.data || !instrument) {
    return (
      <Alert color="red" title={t('sheet.unknown.title')} maw={640} role="alert">
        <Stack gap="sm">
          <Text size="sm">{t('sheet.unknown.body')}</Text>
          <ButtonLink to="/assess">{t('sheet.back')}</ButtonLink>
        </Stack>
      </Alert>
    );
  }
  return <SheetEditor key={sheetId} sheetId={sheetId} scheme={scheme.data} instrument={instrument} initial={stored.draft} />;
}
