/**
 * The editor of one assignment sheet: the generated form with, under each question, the
 * reviewer's comment, a remark and evidence; autosave to the device; submit → outbox → sync
 * (right away when online) → back to the unit. The preview scores it with the unit's other sheets.
 */
import { useCallback, useMemo } from 'react';
import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { Indicator, Instrument, Scheme } from '../../core/types.ts';
import type { Evidence } from '../../shared/wire/evidence.ts';
import { useFormat } from '../lib/format.ts';
import type { QueuedEvidence } from '../lib/offline-db.ts';
import { syncSoon } from '../lib/sync.ts';
import { ButtonLink } from '../ui/links.tsx';
import { IndicatorExtras } from './indicator-extras.tsx';
import { CapturePanel } from './capture-panel.tsx'; // issue 13
import type { SheetValue } from './sheet-model.ts';
import { SheetWorkspace } from './sheet-workspace.tsx';
import type { unitEngineSheets } from './unit-model.ts';
import { useSheetDraft } from './use-sheet-draft.ts';

interface EditorProps {
  ids: { cycleId: string; unitId: string; sheetId: string };
  scheme: Scheme;
  instrument: Instrument;
  initial: { value: SheetValue; createdAt?: string; updatedAt?: string | null };
  replaces: boolean;
  comments: Record<string, string>;
  others: ReturnType<typeof unitEngineSheets>;
  queued: QueuedEvidence[];
  uploaded: Evidence[];
}

export function CycleSheetEditor({ ids, scheme, instrument, initial, replaces, comments, others, queued, uploaded }: EditorProps) {
  const { t } = useTranslation('assess');
  const format = useFormat();
  const navigate = useNavigate();
  const { cycleId, unitId, sheetId } = ids;
  const draft = useSheetDraft({ sheetId, schemeId: scheme.id, instrument: instrument.code, unitKey: unitId, cycleId, replaces }, initial);
  const { onChange } = draft;
  const setRemark = useCallback(
    (code: string, text: string) => onChange((prev) => ({ ...prev, remarks: { ...prev.remarks, [code]: text } })),
    [onChange],
  );
  // issue 13 §2: photos are resized to the scheme's longest edge and carry the sheet's position.
  const position = draft.value.capture?.position ?? null;
  const photoMaxEdge = scheme.fieldwork?.photoMaxEdgePx;
  const sheet = useMemo(() => ({ sheetId, cycleId, unitId, photoMaxEdge, position }), [sheetId, cycleId, unitId, photoMaxEdge, position]);
  const indicatorExtra = (indicator: Indicator) => (
    <IndicatorExtras
      indicator={indicator}
      comment={comments[indicator.code]}
      remark={draft.value.remarks?.[indicator.code] ?? ''}
      onRemark={setRemark}
      sheet={sheet}
      queued={queued.filter((e) => e.indicator === indicator.code)}
      uploaded={uploaded.filter((e) => e.indicator === indicator.code)}
    />
  );

  const submit = async (v: SheetValue) => {
    if (!(await draft.submit(v))) return;
    notifications.show({
      color: 'green',
      title: t('sheet.queued.title'),
      message: t('sheet.queued.body', { respondent: v.respondent }),
      closeButtonProps: { 'aria-label': t('evidence.dismiss') },
    });
    syncSoon();
    await navigate({ to: '/assignments/$cycleId/$unitId', params: { cycleId, unitId } });
  };

  return (
    <Stack gap="md">
      <Group justify="space-between" gap="xs">
        <ButtonLink to="/assignments/$cycleId/$unitId" params={{ cycleId, unitId }} variant="subtle" px={0}>
          {t('cycle_sheet.back')}
        </ButtonLink>
        <Text size="sm" c="dimmed" role="status" aria-live="polite">
          {draft.savedAt ? t('sheet.saved_at', { time: format.dateTime(draft.savedAt) }) : t('sheet.not_saved')}
        </Text>
      </Group>
      {replaces && (
        <Alert color="blue" variant="light" p="xs">
          {t('cycle_sheet.editing_server')}
        </Alert>
      )}
      {draft.saveFailed && (
        <Alert color="red" role="alert">
          {t('sheet.save_failed')}
        </Alert>
      )}
      {/* issue 13: start time, position and hashed respondent key */}
      <CapturePanel unitId={unitId} scheme={scheme} value={draft.value} onChange={onChange} />
      <SheetWorkspace
        sheetId={sheetId}
        scheme={scheme}
        instrument={instrument}
        value={draft.value}
        onChange={onChange}
        onSubmit={(v) => void submit(v)}
        otherSheets={others}
        submitting={draft.submitting}
        indicatorExtra={indicatorExtra}
        actions={
          <Button variant="default" onClick={() => void draft.save()}>
            {t('sheet.save_draft')}
          </Button>
        }
      />
    </Stack>
  );
}
