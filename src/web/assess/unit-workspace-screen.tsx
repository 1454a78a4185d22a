/**
 * One assigned unit: the instruments against their quotas with "new sheet", every sheet (server
 * and device), the reviewer's comments when the unit came back, the live unit preview (server
 * records + local sheets, same engine as the server), the sync, and handing the unit in.
 */
import { calendarDay, zoneOf } from '../../shared/local-time.ts';
import { useMemo } from 'react';
import { Alert, Badge, Grid, Group, List, Stack, Text, Title } from '@mantine/core';
import { useNavigate, useParams } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { unitWritable, useAssignments } from '../api/locus.ts';
import { useCycleScheme } from '../api/cycle-scheme.ts';
import { useUnitRecords } from '../api/records.ts';
import { useFormat } from '../lib/format.ts';
import { newId } from '../lib/uuid.ts';
import { ErrorView } from '../ui/error-view.tsx';
import { ButtonLink } from '../ui/links.tsx';
import { PageLoader } from '../ui/page-loader.tsx';
import { PanelBoundary } from '../ui/panel-boundary.tsx';
import { AnswersImportLink } from '../ui/answers-import-link.tsx';
import { IkmEvidencePanel } from '../ui/ikm-evidence-panel.tsx';
import { PreviousFindingsPanel } from './previous-findings-panel.tsx';
import { QuotaPanel } from './quota-panel.tsx';
import { ScorePreview } from './score-preview.tsx';
import { SubmitUnitPanel } from './submit-unit-panel.tsx';
import { SyncPanel } from './sync-panel.tsx';
import { quotaRows, returnedComments, submitBlockers, unitEngineSheets, unitSheetRows } from './unit-model.ts';
import { UnitSheetList } from './unit-sheet-list.tsx';
import { useUnitLocalSheets } from './use-local-sheets.ts';

export function UnitWorkspaceScreen() {
  const { t } = useTranslation('assess');
  const format = useFormat();
  const navigate = useNavigate();
  const { cycleId, unitId } = useParams({ from: '/assignments/$cycleId/$unitId' });
  const scheme = useCycleScheme(cycleId);
  const records = useUnitRecords(cycleId, unitId);
  const assignments = useAssignments();
  const local = useUnitLocalSheets(cycleId, unitId);
  const server = useMemo(() => records.data ?? [], [records.data]);
  const sheets = useMemo(() => unitEngineSheets(server, local?.drafts ?? [], local?.outbox ?? []), [server, local]);

  if (scheme.isPending || assignments.isPending || local === undefined || records.isPending) return <PageLoader />;
  if (scheme.isError) return <ErrorView error={scheme.error} onRetry={() => void scheme.refetch()} />;
  if (records.isError) return <ErrorView error={records.error} onRetry={() => void records.refetch()} />;
  const a = assignments.data?.find((x) => x.cycle.id === cycleId && x.unit.unitId === unitId);
  if (!a) return <ErrorView kind="notFound" />;
  const sch = scheme.data.scheme;
  const ids = { cycleId, unitId };
  const writable = unitWritable(a.cycle.status, a.unit.status);
  const quotas = quotaRows(sch, server, local.drafts, local.outbox);
  const rows = unitSheetRows(sch, server, local.drafts, local.outbox);
  const comments = Object.entries(returnedComments(server));
  const blockers = submitBlockers({
    writable,
    quotas,
    outbox: local.outbox.length,
    drafts: local.drafts.length,
    evidence: local.evidence.length,
  });
  const startSheet = (instrument: string) =>
    void navigate({ to: '/assignments/$cycleId/$unitId/sheets/$sheetId', params: { ...ids, sheetId: newId() }, search: { instrument } });
  const overdue = writable && a.unit.dueDate !== null && a.unit.dueDate < calendarDay(new Date(), zoneOf(a.body.provinceCode));

  return (
    <Stack gap="lg" maw={1200}>
      <Stack gap={4}>
        <ButtonLink to="/assignments/mine" variant="subtle" px={0} w="fit-content">
          {t('unit.back')}
        </ButtonLink>
        <Title order={1} size="h2">
          {a.unit.name}
        </Title>
        <Text c="dimmed">
          {a.body.name} · {a.cycle.name}
        </Text>
        <Group gap="xs">
          <Badge
            c="var(--mantine-color-text)"
            variant="light"
            tt="none"
            color={a.unit.status === 'returned' ? 'orange' : a.unit.status === 'approved' ? 'green' : 'blue'}
          >
            {t(`unit_status.${a.unit.status}`)}
          </Badge>
          {a.unit.dueDate && (
            <Badge c="var(--mantine-color-text)" variant="outline" tt="none" color={overdue ? 'red' : 'gray'}>
              {t(overdue ? 'assignments.overdue' : 'assignments.due', { date: format.date(a.unit.dueDate) })}
            </Badge>
          )}
        </Group>
      </Stack>
      {!writable && a.unit.status !== 'returned' && (
        <Alert color="gray" variant="light">
          {t('unit.locked', { status: t(`unit_status.${a.unit.status}`) })}
        </Alert>
      )}
      {comments.length > 0 && (
        <Alert color="orange" title={t('unit.returned.title')} data-testid="returned-comments">
          <Text size="sm">{t('unit.returned.body')}</Text>
          <List size="sm" mt="xs">
            {comments.map(([code, text]) => (
              <List.Item key={code}>
                <Text span fw={700}>
                  {code}
                </Text>
                : {text}
              </List.Item>
            ))}
          </List>
        </Alert>
      )}
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 7 }}>
          <Stack gap="lg">
            <PanelBoundary>
              <QuotaPanel rows={quotas} writable={writable} onNew={startSheet} />
            </PanelBoundary>
            {writable && (
              <PanelBoundary>
                <AnswersImportLink cycleId={cycleId} unitId={unitId} />
              </PanelBoundary>
            )}
            {/* issue 12/13: the pre-check — last cycle's findings of this unit, on the device too. */}
            <PanelBoundary>
              <PreviousFindingsPanel cycle={a.cycle} unitId={unitId} />
            </PanelBoundary>
            {/* issue 11 §7: the unit's IKM on the indicators the scheme lets take it (Ombudsman Output, K/L units). */}
            <PanelBoundary>
              <IkmEvidencePanel scheme={sch} bodyType={a.body.type} cycleId={cycleId} unitId={unitId} writable={writable} />
            </PanelBoundary>
            <Stack gap="xs" component="section" aria-labelledby="sheets-title">
              <Title order={2} size="h4" id="sheets-title">
                {t('unit.sheets.title')}
              </Title>
              <PanelBoundary>
                <UnitSheetList scheme={sch} rows={rows} outbox={local.outbox} ids={ids} writable={writable} />
              </PanelBoundary>
            </Stack>
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 5 }}>
          <Stack gap="lg">
            <PanelBoundary>
              <ScorePreview scheme={sch} sheets={sheets} />
            </PanelBoundary>
            <PanelBoundary>
              <SyncPanel />
            </PanelBoundary>
            <PanelBoundary>
              <SubmitUnitPanel ids={ids} unitName={a.unit.name} status={a.unit.status} blockers={blockers} quotas={quotas} />
            </PanelBoundary>
          </Stack>
        </Grid.Col>
      </Grid>
    </Stack>
  );
}
