/**
 * `/review/cycles/$cycleId/bodies/$bodyId/temuan`: the Perwakilan's follow-up of a published
 * cycle's findings for one government (issue 12 §1) — the pimpinan of its province or the asisten
 * of its units writes a saran perbaikan or tindakan korektif per finding and records the
 * Ombudsman's follow-up products (saran perbaikan, tindakan korektif, rekomendasi) with their
 * source document. Opened from the findings screen; reads and writes through `api/actions*`.
 */
import { useMemo, useState } from 'react';
import { Button, Group, Modal, NativeSelect, Paper, Stack, Text, Title } from '@mantine/core';
import { useNavigate, useParams, useSearch } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { Finding } from '../../shared/wire/findings.ts';
import { useBodyFindings, useFollowupProducts } from '../api/actions.ts';
import { useCycle } from '../api/cycles.ts';
import { useFormat } from '../lib/format.ts';
import { ErrorView } from '../ui/error-view.tsx';
import { AnchorLink } from '../ui/links.tsx';
import { PageLoader } from '../ui/page-loader.tsx';
import { FollowupProductForm, FollowupProductList } from './followup-products.tsx';
import { levelStep } from './level-step.ts';
import { RecommendationEditor } from './recommendation-editor.tsx';

const FROM = '/review/cycles/$cycleId/bodies/$bodyId/temuan';

export function FollowupScreen() {
  const { t } = useTranslation('improve');
  const { cycleId, bodyId } = useParams({ from: FROM });
  const search = useSearch({ from: FROM });
  const navigate = useNavigate({ from: FROM });
  const cycle = useCycle(cycleId);
  const findings = useBodyFindings(cycleId, bodyId);
  const [recording, setRecording] = useState(false);
  const units = useMemo(() => {
    const m = new Map<string, string>();
    for (const f of findings.data?.items ?? []) m.set(f.unitId, f.unitName);
    return [...m].map(([id, name]) => ({ id, name })).sort((a, b) => a.name.localeCompare(b.name));
  }, [findings.data]);
  if (findings.isPending) return <PageLoader />;
  if (findings.isError) return <ErrorView error={findings.error} onRetry={() => void findings.refetch()} />;
  const bodyName = findings.data.items[0]?.bodyName ?? '';
  const items = (search.unit ? findings.data.items.filter((f) => f.unitId === search.unit) : findings.data.items)
    .slice()
    .sort((a, b) => b.governmentGain - a.governmentGain);
  return (
    <Stack gap="lg" maw={1100}>
      <Stack gap={4}>
        <AnchorLink to="/temuan" search={{ cycle: cycleId, body: bodyId, unit: search.unit }} size="sm">
          {t('followup.back')}
        </AnchorLink>
        <Title order={1} size="h2" style={{ overflowWrap: 'anywhere' }}>
          {t('followup.title')}
          {bodyName ? ` · ${bodyName}` : ''}
        </Title>
        {cycle.data && <Text c="dimmed">{cycle.data.name}</Text>}
        <Text maw={760}>{t('followup.intro')}</Text>
      </Stack>

      <Stack gap="sm" component="section" aria-labelledby="followup-products">
        <Group justify="space-between" wrap="wrap">
          <Title order={2} size="h3" id="followup-products">
            {t('followup.products_title')}
          </Title>
          <Button onClick={() => setRecording(true)}>{t('followup.record')}</Button>
        </Group>
        <ProductsPanel cycleId={cycleId} bodyId={bodyId} findings={findings.data.items} />
      </Stack>

      <Stack gap="sm" component="section" aria-labelledby="followup-findings">
        <Title order={2} size="h3" id="followup-findings">
          {t('followup.findings_title')}
        </Title>
        {units.length > 1 && (
          <NativeSelect
            label={t('findings.unit')}
            value={search.unit ?? ''}
            onChange={(e) => void navigate({ search: { unit: e.currentTarget.value || undefined }, replace: true })}
            data={[{ value: '', label: t('findings.all_units') }, ...units.map((u) => ({ value: u.id, label: u.name }))]}
            maw={420}
          />
        )}
        <FindingsToAdvise items={items} />
      </Stack>

      <Modal opened={recording} onClose={() => setRecording(false)} title={t('followup.record_title')} size="lg">
        {recording && (
          <FollowupProductForm
            cycleId={cycleId}
            bodyId={bodyId}
            units={units}
            findings={findings.data.items}
            defaultUnit={search.unit}
            onDone={() => setRecording(false)}
          />
        )}
      </Modal>
    </Stack>
  );
}

function ProductsPanel({ cycleId, bodyId, findings }: { cycleId: string; bodyId: string; findings: readonly Finding[] }) {
  const products = useFollowupProducts(cycleId, bodyId);
  if (products.isPending) return <PageLoader />;
  if (products.isError) return <ErrorView error={products.error} onRetry={() => void products.refetch()} compact />;
  return <FollowupProductList items={products.data.items} findings={findings} />;
}

/** Each finding with its level step and gains, and the recommendation editor. */
export function FindingsToAdvise({ items }: { items: readonly Finding[] }) {
  const { t } = useTranslation('improve');
  const format = useFormat();
  if (items.length === 0)
    return (
      <Text c="dimmed" role="status">
        {t('findings.empty')}
      </Text>
    );
  const points = (v: number) => t('findings.points', { value: format.score(v) });
  return (
    <Stack gap="sm" component="ol" p={0} m={0} style={{ listStyle: 'none' }} aria-label={t('findings.list_label')}>
      {items.map((f) => (
        <Paper key={f.id} component="li" withBorder p="sm" data-finding={f.indicator}>
          <Stack gap={6}>
            <Text fw={650} size="sm" style={{ overflowWrap: 'anywhere' }}>
              {f.indicator} · {f.text[format.lang]}
            </Text>
            <Text size="xs" c="dimmed">
              {f.unitName}
            </Text>
            <Group gap="md" wrap="wrap">
              <Text size="sm">{levelStep(t, format, f.levelReached, f.nextLevel)}</Text>
              <Text size="sm">
                {t('findings.government_gain')} <strong className="tabular">{points(f.governmentGain)}</strong>
              </Text>
            </Group>
            <Text size="sm" c="dimmed">
              <Text span size="sm" fw={600} c="var(--mantine-color-text)">
                {t('findings.target', { level: format.integer(f.nextLevel) })}
              </Text>{' '}
              {f.nextDescriptor[format.lang]}
            </Text>
            {f.recommendedAt && (
              <Text size="xs" c="dimmed">
                {t('followup.recorded_on', { date: format.date(f.recommendedAt) })}
              </Text>
            )}
            {/* Keyed by the finding only: a remount on save would drop the mutation's own onSuccess (its notice). */}
            <RecommendationEditor key={f.id} finding={f} />
          </Stack>
        </Paper>
      ))}
    </Stack>
  );
}
