/**
 * A cycle for the koordinator: the government's result and units (when released to the role),
 * and the improvement list over all its units, largest government gain first.
 */
import { useState } from 'react';
import { Button, Stack, Text, Title } from '@mantine/core';
import { useParams } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { useMe } from '../api/auth.ts';
import { useBodyImprovements, useBodyResult } from '../api/scores.ts';
import { useCycleScheme } from '../api/cycle-scheme.ts';
import { useFormat } from '../lib/format.ts';
import { AnchorLink } from '../ui/links.tsx';
import { PanelBoundary } from '../ui/panel-boundary.tsx';
import { ClarificationLink } from '../ui/clarification-link.tsx';
import { EmbargoNotice } from '../ui/embargo-notice.tsx';
import { BodyResultPanel } from './body-result-panel.tsx';
import { ImprovementList } from './improvement-list.tsx';
import { ResultState } from './result-state.tsx';

const FIRST = 20;

export function PemdaCycleScreen() {
  const { t } = useTranslation('pemda');
  const { cycleId } = useParams({ from: '/pemda/cycles/$cycleId' });
  const bodyId = useMe().data?.bodyId;
  if (!bodyId) return null;
  return <CycleView cycleId={cycleId} bodyId={bodyId} back={t('cycle.back')} />;
}

function CycleView({ cycleId, bodyId, back }: { cycleId: string; bodyId: string; back: string }) {
  const { t } = useTranslation('pemda');
  const result = useBodyResult(cycleId, bodyId);
  return (
    <Stack gap="lg" maw={1100}>
      <AnchorLink to="/pemda" size="sm">
        {back}
      </AnchorLink>
      <PanelBoundary>
        <EmbargoNotice cycleId={cycleId} provinceCode={result.data?.body.provinceCode} />
      </PanelBoundary>
      <PanelBoundary>
        <ClarificationLink cycleId={cycleId} />
      </PanelBoundary>
      {result.data ? (
        <>
          <Stack gap={2}>
            <Title order={1} size="h2">
              {result.data.body.name}
            </Title>
            <Text c="dimmed">{result.data.cycle.name}</Text>
          </Stack>
          <BodyResultPanel view={result.data} cycleId={cycleId} />
        </>
      ) : (
        <>
          <Title order={1} size="h2">
            {t('cycle.title')}
          </Title>
          <ResultState query={result} />
        </>
      )}
      <PanelBoundary>
        <BodyImprovements cycleId={cycleId} bodyId={bodyId} />
      </PanelBoundary>
    </Stack>
  );
}

function BodyImprovements({ cycleId, bodyId }: { cycleId: string; bodyId: string }) {
  const { t } = useTranslation('pemda');
  const format = useFormat();
  const [limit, setLimit] = useState(FIRST);
  const improvements = useBodyImprovements(cycleId, bodyId, limit);
  const scheme = useCycleScheme(cycleId);
  const dimensions = new Map((scheme.data?.scheme.dimensions ?? []).map((d) => [d.code, d.title[format.lang]]));
  return (
    <Stack gap="sm" component="section" aria-labelledby="improvements-title">
      <Title order={2} size="h4" id="improvements-title">
        {t('improvements.title')}
      </Title>
      <Text size="sm" c="dimmed" maw={760}>
        {t('improvements.intro_body')}
      </Text>
      {!improvements.data ? (
        <ResultState query={improvements} />
      ) : improvements.data.items.length === 0 ? (
        <Text c="dimmed">{t('improvements.empty')}</Text>
      ) : (
        <>
          <ImprovementList items={improvements.data.items} orderBy="governmentGain" dimensions={dimensions} />
          <Text size="sm" c="dimmed">
            {t('improvements.shown', { n: format.integer(improvements.data.items.length), total: format.integer(improvements.data.total) })}
          </Text>
          {improvements.data.total > improvements.data.items.length && limit < 500 && (
            <Button
              variant="default"
              onClick={() => setLimit((l) => Math.min(500, l * 5))}
              loading={improvements.isFetching}
              w="fit-content"
            >
              {t('improvements.more')}
            </Button>
          )}
        </>
      )}
    </Stack>
  );
}
