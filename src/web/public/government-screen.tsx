/**
 * A government's public page for one published cycle: score and band, its ranks (province and
 * national) with movement, the four dimensions (radar), the trend across years, its units with
 * a drill-down to every indicator's points lost, and the scheme assumptions behind the number.
 * The cycle comes from `?cycle=`; without it, the newest published cycle the government has.
 */
import { Stack, Text } from '@mantine/core';
import { useNavigate, useParams, useSearch } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { Suspense, lazy } from 'react';
import { AnchorLink } from '../ui/anchor-link.tsx';
import { BodyZone } from '../ui/body-zone.tsx';
import { PageLoader } from '../ui/page-loader.tsx';
import { PanelBoundary } from '../ui/panel-boundary.tsx';
import { useDetailStrings } from './detail-strings.ts';
import { SelectField } from './fields.tsx';
import { GovernmentSummary } from './government-summary.tsx';
import { leaderboardFor } from './leaderboard-model.ts';
import { resultWords, useCycleTerms, usePublishedCycle } from './result-words.ts';
import { useProvinces } from './use-registry.ts';
import { useBodyResult, useTrend } from './use-results.ts';
import '../ui/portal.css';

// Below the fold, fetched after the page has painted (outside the first-visit budget): the
// units list, the assumptions note and the rapor links.
// The two chart panels come after the first paint (the radar also needs the cycle's frozen scheme).
const DimensionPanel = lazy(() => import('./dimension-panel.tsx').then((m) => ({ default: m.DimensionPanel })));
const TrendPanel = lazy(() => import('./trend-panel.tsx').then((m) => ({ default: m.TrendPanel })));
const UnitList = lazy(() => import('./unit-list.tsx').then((m) => ({ default: m.UnitList })));
const AssumptionsNote = lazy(() => import('./assumptions-note.tsx').then((m) => ({ default: m.AssumptionsNote })));
const RaporLinks = lazy(() => import('../ui/rapor-links.tsx').then((m) => ({ default: m.RaporLinks })));
// issue 18: the facts box a press release is built from
const GovernmentFacts = lazy(() => import('./government-facts.tsx').then((m) => ({ default: m.GovernmentFacts })));
// issue 10: a self-run PEKPPP cycle's note (Mantine's Alert, the dates in words): only such a cycle loads it.
const MandiriNote = lazy(() => import('../ui/mandiri-note.tsx').then((m) => ({ default: m.MandiriNote })));
// issue 17: on a province's page, the vertical offices located in the province
const VerticalOfficesPanel = lazy(() => import('./vertical-offices-panel.tsx').then((m) => ({ default: m.VerticalOfficesPanel })));

function NoResult() {
  const { t } = useTranslation('public');
  return (
    <div role="status">
      <Text fw={600}>{t('government.none.title')}</Text>
      <Text c="dimmed">{t('government.none.body')}</Text>
    </div>
  );
}

export function GovernmentScreen() {
  const { t, i18n } = useTranslation('public');
  useDetailStrings('government');
  const { bodyId } = useParams({ from: '/governments/$bodyId' });
  const search = useSearch({ from: '/governments/$bodyId' });
  const navigate = useNavigate({ from: '/governments/$bodyId' });
  const trend = useTrend(bodyId);
  const provinces = useProvinces();
  const published = (trend.data?.items ?? []).filter((i) => i.cycle.published);
  const cycleId = search.cycle ?? published.at(-1)?.cycle.id;
  const result = useBodyResult(cycleId, bodyId);
  const terms = useCycleTerms(cycleId);
  const words = resultWords(terms, i18n.resolvedLanguage === 'en' ? 'en' : 'id');
  const publishedCycle = usePublishedCycle(cycleId);

  if (trend.isPending) return <PageLoader />;
  const body = trend.data!.body;
  const province = provinces.data?.find((p) => p.code === body.provinceCode);
  const typeLine = [t(`types.${body.type}`), body.type !== 'provinsi' ? province?.name : null].filter(Boolean).join(' · ');

  return (
    <BodyZone provinceCode={body.provinceCode}>
      <Stack gap="lg" maw={1100}>
        <Stack gap={4}>
          <AnchorLink to="/" search={leaderboardFor(body, cycleId)} size="sm">
            {t('government.back')}
          </AnchorLink>
          <h1 className="heading-1">{body.name}</h1>
          <Text c="dimmed">{typeLine}</Text>
          {publishedCycle?.mandiri && (
            <Suspense fallback={null}>
              <MandiriNote cycle={publishedCycle} />
            </Suspense>
          )}
        </Stack>
        {!cycleId ? (
          <NoResult />
        ) : (
          <>
            {published.length > 1 && (
              <div className="lb-filters">
                <SelectField
                  label={t('filters.cycle')}
                  value={cycleId}
                  onChange={(cycle) => void navigate({ search: { cycle }, replace: true, resetScroll: false })}
                  options={published.map((i) => ({ value: i.cycle.id, label: `${i.cycle.year} · ${i.cycle.name}` }))}
                />
              </div>
            )}
            {result.error ? (
              <NoResult />
            ) : !result.data ? (
              <PageLoader />
            ) : (
              <>
                <GovernmentSummary result={result.data} provinceName={province?.name ?? null} words={words} />
                {/* issue 16: an imported result (published score, no units) has no rapor to print: no link rather than a 409. */}
                {result.data.result?.source !== 'imported' && result.data.units.length > 0 && (
                  <Suspense fallback={null}>
                    <RaporLinks target={{ cycleId, bodyId }} name={result.data.body.name} />
                  </Suspense>
                )}
                <div className="gov-two">
                  <PanelBoundary>
                    <Suspense fallback={<PageLoader />}>
                      <DimensionPanel cycleId={cycleId} dimensions={result.data.dimensions} words={words} />
                    </Suspense>
                  </PanelBoundary>
                  <PanelBoundary>
                    <Suspense fallback={<PageLoader />}>
                      <TrendPanel items={published} current={cycleId} />
                    </Suspense>
                  </PanelBoundary>
                </div>
                <PanelBoundary>
                  <Suspense fallback={<PageLoader />}>
                    <UnitList result={result.data} words={words} />
                  </Suspense>
                </PanelBoundary>
                {body.type === 'provinsi' && body.provinceCode && (
                  <PanelBoundary>
                    <Suspense fallback={null}>
                      <VerticalOfficesPanel cycleId={cycleId} provinceCode={body.provinceCode} />
                    </Suspense>
                  </PanelBoundary>
                )}
                <PanelBoundary>
                  <Suspense fallback={null}>
                    <GovernmentFacts cycleId={cycleId} bodyId={bodyId} provinceCode={body.provinceCode} />
                  </Suspense>
                </PanelBoundary>
                <PanelBoundary>
                  <Suspense fallback={null}>
                    <AssumptionsNote cycleId={cycleId} />
                  </Suspense>
                </PanelBoundary>
              </>
            )}
          </>
        )}
      </Stack>
    </BodyZone>
  );
}
