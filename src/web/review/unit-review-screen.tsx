/**
 * Reviewing one unit: its result, the flags (score far from its body, identical sheets), the
 * answers per indicator (with evidence and a comment box) or per sheet, and the decision —
 * approve, or return with comments per indicator. After approval the body's new result shows.
 */
import { useCallback, useMemo, useState } from 'react';
import { Alert, Badge, Grid, Group, List, Stack, Tabs, Text, Title } from '@mantine/core';
import { useParams } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { UnitStatus } from '../../shared/wire/locus.ts';
import { useCycleScheme } from '../api/cycle-scheme.ts';
import { useUnitEvidence } from '../api/evidence.ts';
import { useUnitRecords } from '../api/records.ts';
import { useUnitResult } from '../api/scores.ts';
import { useProgress } from '../api/locus.ts';
import { useFormat } from '../lib/format.ts';
import { BandChip } from '../ui/band-chip.tsx';
import { ErrorView } from '../ui/error-view.tsx';
import { ButtonLink } from '../ui/links.tsx';
import { PageLoader } from '../ui/page-loader.tsx';
import { PanelBoundary } from '../ui/panel-boundary.tsx';
import { ScoreValue } from '../ui/score-value.tsx';
import { IndicatorReview } from './indicator-review.tsx';
import { PATTERN_RULE, SCORE_RULE, identicalPatterns, scoreOutliers } from './outliers.ts';
import { UnitStatusBadge } from './review-bits.tsx';
import { sheetNames } from './review-model.ts';
import { ReviewDecision } from './review-decision.tsx';
import { SheetReview } from './sheet-review.tsx';
import { FieldworkFlagsPanel } from './fieldwork-flags-panel.tsx'; // issue 13
import { IkmEvidencePanel } from '../ui/ikm-evidence-panel.tsx'; // issue 11 §7

export function UnitReviewScreen() {
  const { cycleId, unitId } = useParams({ from: '/review/cycles/$cycleId/units/$unitId' });
  return <UnitReviewView cycleId={cycleId} unitId={unitId} />;
}

/** Issue 13 §6: the team lead reviews a unit with the same screen (pass on / return per indicator). */
export function LeadUnitReviewScreen() {
  const { cycleId, unitId } = useParams({ from: '/tim/$cycleId/$unitId' });
  return <UnitReviewView cycleId={cycleId} unitId={unitId} lead />;
}

function UnitReviewView({ cycleId, unitId, lead = false }: { cycleId: string; unitId: string; lead?: boolean }) {
  const { t } = useTranslation('review');
  const format = useFormat();
  const unit = useUnitResult(cycleId, unitId);
  const unitRecords = useUnitRecords(cycleId, unitId);
  const unitEvidence = useUnitEvidence(cycleId, unitId);
  const scheme = useCycleScheme(cycleId);
  const progress = useProgress(cycleId);
  const [comments, setComments] = useState<Record<string, string>>({});
  const onComment = useCallback((code: string, text: string) => setComments((c) => ({ ...c, [code]: text })), []);
  const patterns = useMemo(() => identicalPatterns(unitRecords.data ?? []), [unitRecords.data]);
  const sheets = useMemo(() => sheetNames(unitRecords.data ?? []), [unitRecords.data]);

  for (const q of [unit, unitRecords, unitEvidence, scheme]) {
    if (q.isError) return <ErrorView error={q.error} onRetry={() => void q.refetch()} />;
  }
  if (!unit.data || !unitRecords.data || !unitEvidence.data || !scheme.data) return <PageLoader />;
  const { result, body } = unit.data;
  const records = unitRecords.data;
  const evidence = unitEvidence.data;
  const sch = scheme.data.scheme;
  const bodyProgress = progress.data?.bodies.find((b) => b.bodyId === body.id);
  const unitProgress = bodyProgress?.units.find((u) => u.unitId === unitId);
  const status = unit.data.status as UnitStatus;
  const outlier = bodyProgress ? scoreOutliers([bodyProgress], sch.result).find((o) => o.unitId === unitId) : undefined;
  const title = (code: string) => sch.instruments.find((i) => i.code === code)?.title[format.lang] ?? code;
  const canComment = lead ? status === 'submitted' : status === 'submitted' || status === 'reviewed' || status === 'approved';

  return (
    <Stack gap="lg" maw={1200}>
      <Stack gap={4}>
        {lead ? (
          <ButtonLink to="/tim" variant="subtle" px={0} w="fit-content">
            {t('lead.back')}
          </ButtonLink>
        ) : (
          <ButtonLink to="/review/queue" search={{ cycle: cycleId }} variant="subtle" px={0} w="fit-content">
            {t('unit.back')}
          </ButtonLink>
        )}
        <Title order={1} size="h2">
          {unit.data.unit.name}
        </Title>
        <Text c="dimmed">
          {body.name} · {unit.data.cycle.name}
        </Text>
        <Group gap="xs">
          <UnitStatusBadge status={status} />
          {unitProgress?.assessor && (
            <Badge variant="outline" tt="none">
              {t('unit.assessor', { name: unitProgress.assessor.name })}
            </Badge>
          )}
          <Badge variant="outline" tt="none">
            {t('unit.sheets', { n: format.integer(records.length) })}
          </Badge>
        </Group>
      </Stack>
      {result && (
        <Group gap="sm" data-testid="unit-result">
          <ScoreValue value={result.score} max={sch.result.max} incomplete={!result.complete} fz={30} fw={700} />
          <BandChip band={result.band} />
        </Group>
      )}
      {(outlier || patterns.length > 0) && (
        <Alert color="grape" variant="light" title={t('flags.title')} data-testid="unit-flags">
          <List size="sm" spacing={4}>
            {outlier && (
              <List.Item>
                {t(outlier.gap < 0 ? 'outliers.below' : 'outliers.above', {
                  score: format.score(outlier.score),
                  median: format.score(outlier.median),
                  gap: format.score(Math.abs(outlier.gap)),
                  z: format.decimal(outlier.z, 1),
                })}
              </List.Item>
            )}
            {patterns.map((p) => (
              <List.Item key={`${p.instrument}-${p.sheets[0]}`}>
                {t('patterns.item', { title: title(p.instrument), n: format.integer(p.sheets.length), total: format.integer(p.total) })}
              </List.Item>
            ))}
          </List>
          {outlier && (
            <Text size="xs" mt="xs">
              {t('outliers.rule_short', {
                z: format.decimal(SCORE_RULE.modifiedZ, 1),
                gap: format.decimal(SCORE_RULE.minGapShare * (sch.result.max - sch.result.min), 2),
              })}
            </Text>
          )}
          {patterns.length > 0 && (
            <Text size="xs" mt="xs">
              {t('patterns.rule', { min: PATTERN_RULE.minSheets, share: format.percent(PATTERN_RULE.minShare * 100, 0) })}
            </Text>
          )}
        </Alert>
      )}
      {/* issue 13: the server's fieldwork checks, acknowledged per sheet before approval */}
      <PanelBoundary>
        <FieldworkFlagsPanel
          cycleId={cycleId}
          unitId={unitId}
          canAcknowledge={!lead && (status === 'submitted' || status === 'reviewed')}
          instrumentTitle={title}
          sheets={sheets}
        />
      </PanelBoundary>
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 8 }} order={{ base: 2, md: 1 }}>
          <Tabs defaultValue="indicators" keepMounted={false}>
            <Tabs.List>
              <Tabs.Tab value="indicators">{t('unit.tab_indicators')}</Tabs.Tab>
              <Tabs.Tab value="sheets">{t('unit.tab_sheets')}</Tabs.Tab>
            </Tabs.List>
            <Tabs.Panel value="indicators" pt="md">
              <PanelBoundary>
                <IndicatorReview
                  scheme={sch}
                  result={result}
                  records={records}
                  evidence={evidence}
                  comments={comments}
                  onComment={canComment ? onComment : null}
                />
              </PanelBoundary>
            </Tabs.Panel>
            <Tabs.Panel value="sheets" pt="md">
              <PanelBoundary>
                <SheetReview scheme={sch} records={records} evidence={evidence} patterns={patterns} />
              </PanelBoundary>
            </Tabs.Panel>
          </Tabs>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 4 }} order={{ base: 1, md: 2 }}>
          <div className="sticky-md">
            <PanelBoundary>
              <ReviewDecision
                ids={{ cycleId, unitId, bodyId: body.id }}
                bodyName={body.name}
                max={sch.result.max}
                status={status}
                complete={result?.complete ?? false}
                comments={comments}
                lead={lead}
              />
            </PanelBoundary>
          </div>
          {/* issue 11 §7: the IKM the asisten attached (Ombudsman Output of a K/L unit), read-only here. */}
          <PanelBoundary>
            <IkmEvidencePanel scheme={sch} bodyType={body.type} cycleId={cycleId} unitId={unitId} writable={false} />
          </PanelBoundary>
        </Grid.Col>
      </Grid>
    </Stack>
  );
}
