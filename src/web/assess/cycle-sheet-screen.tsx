/**
 * One sheet of an assigned unit, generated from the cycle's frozen scheme (never the library).
 * Decides what the sheet is: a draft on the device, a finished sheet in the outbox (rejected:
 * the reason and the way to correct it), a server record (editable while the unit accepts
 * changes, read-only otherwise), or a new sheet; then hands it to the editor.
 */
import { useMemo } from 'react';
import { Alert, Group, Stack, Text } from '@mantine/core';
import { useParams, useSearch } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { RecordView } from '../../shared/wire/records.ts';
import { unitWritable, useAssignments } from '../api/locus.ts';
import { useCycleScheme } from '../api/cycle-scheme.ts';
import { useUnitEvidence } from '../api/evidence.ts';
import { useUnitRecords } from '../api/records.ts';
import { ErrorView } from '../ui/error-view.tsx';
import { ButtonLink } from '../ui/links.tsx';
import { PageLoader } from '../ui/page-loader.tsx';
import { CycleSheetEditor } from './cycle-sheet-editor.tsx';
import { RecordAnswers } from './record-answers.tsx';
import { RejectedSheetNotice } from './rejected-sheet-notice.tsx';
import { emptySheetValue, findInstrument, type SheetValue } from './sheet-model.ts';
import { unitEngineSheets } from './unit-model.ts';
import { useUnitLocalSheets } from './use-local-sheets.ts';

function fromServer(r: RecordView): SheetValue {
  return { respondent: r.respondent ?? '', notes: r.notes ?? '', answers: { ...r.answers }, remarks: { ...r.remarks } };
}

export function CycleSheetScreen() {
  const { t } = useTranslation('assess');
  const { cycleId, unitId, sheetId } = useParams({ from: '/assignments/$cycleId/$unitId/sheets/$sheetId' });
  const search = useSearch({ from: '/assignments/$cycleId/$unitId/sheets/$sheetId' });
  const scheme = useCycleScheme(cycleId);
  const records = useUnitRecords(cycleId, unitId);
  const evidence = useUnitEvidence(cycleId, unitId);
  const assignments = useAssignments();
  const local = useUnitLocalSheets(cycleId, unitId);
  const server = records.data?.find((r) => r.id === sheetId);
  const others = useMemo(
    () => unitEngineSheets(records.data ?? [], local?.drafts ?? [], local?.outbox ?? [], sheetId),
    [records.data, local, sheetId],
  );

  if (scheme.isPending || local === undefined || (records.isPending && records.fetchStatus !== 'idle')) return <PageLoader />;
  if (scheme.isError) return <ErrorView error={scheme.error} onRetry={() => void scheme.refetch()} />;
  const back = (
    <ButtonLink to="/assignments/$cycleId/$unitId" params={{ cycleId, unitId }}>
      {t('cycle_sheet.back')}
    </ButtonLink>
  );
  const draft = local.drafts.find((d) => d.id === sheetId);
  const queued = local.outbox.find((e) => e.id === sheetId);
  if (queued?.rejected) return <RejectedSheetNotice entry={queued} cycleId={cycleId} unitId={unitId} />;
  if (queued) {
    return (
      <Alert color="green" title={t('sheet.already_queued.title')} maw={640}>
        <Stack gap="sm">
          <Text size="sm">{t('sheet.already_queued.body')}</Text>
          {back}
        </Stack>
      </Alert>
    );
  }
  const sch = scheme.data.scheme;
  const instrument = findInstrument(sch, draft?.instrument ?? server?.instrument ?? search.instrument ?? '');
  if (!instrument) {
    return (
      <Alert color="red" title={t('sheet.unknown.title')} maw={640} role="alert">
        <Stack gap="sm">
          <Text size="sm">{t('sheet.unknown.body')}</Text>
          {back}
        </Stack>
      </Alert>
    );
  }
  const assignment = assignments.data?.find((a) => a.cycle.id === cycleId && a.unit.unitId === unitId);
  // Unknown (offline, no copy): let the assessor work; the server decides when it syncs.
  const writable = assignment ? unitWritable(assignment.cycle.status, assignment.unit.status) : true;
  if (server && !draft && !writable) {
    return (
      <Stack gap="md" maw={900}>
        <Group>{back}</Group>
        <Alert color="gray" variant="light" p="xs">
          {t('cycle_sheet.read_only')}
        </Alert>
        <RecordAnswers scheme={sch} instrument={instrument} record={server} />
      </Stack>
    );
  }
  const initial = draft
    ? { value: draft.value, createdAt: draft.createdAt, updatedAt: draft.updatedAt }
    : { value: server ? fromServer(server) : emptySheetValue() };
  return (
    <CycleSheetEditor
      key={sheetId}
      ids={{ cycleId, unitId, sheetId }}
      scheme={sch}
      instrument={instrument}
      initial={initial}
      replaces={draft ? !!draft.replaces : !!server}
      comments={server?.review ?? {}}
      others={others}
      queued={local.evidence.filter((e) => e.sheetId === sheetId)}
      uploaded={(evidence.data ?? []).filter((e) => e.recordId === sheetId)}
    />
  );
}
