/**
 * `/sasaran`: the target planner (issue 12 §6). The koordinator (its own government), the
 * pimpinan (a government of its province) or the asisten (a government of its assigned units) picks the group — the province's kabupaten/kota or the
 * national group of the same type — and a target rank; the engine answers with the points needed
 * and the cheapest set of indicator fixes, computed from the published results with the other
 * governments assumed to keep their published scores (said on screen). The koordinator turns a fix
 * into a follow-up action (the plan-action dialog, on the fix's finding when there is one).
 */
import { useState } from 'react';
import { Alert, Badge, Button, Group, Paper, SegmentedControl, Stack, Text, Title } from '@mantine/core';
import { useNavigate, useSearch } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { User } from '../../shared/wire/auth.ts';
import { type TargetPlan, type TargetPlanFix, TargetPlanQuery, type TargetPlanScope } from '../../shared/wire/scores.ts';
import { useMe } from '../api/auth.ts';
import { useTargetPlan } from '../api/target-plan.ts';
import { errorMessage } from '../lib/error-message.ts';
import { useFormat } from '../lib/format.ts';
import { AnchorLink } from '../ui/links.tsx';
import { PageLoader } from '../ui/page-loader.tsx';
import { AllFixesDialog } from './all-fixes-dialog.tsx';
import { CycleBodyPicker } from './cycle-body-picker.tsx';
import { levelStep } from './level-step.ts';
import { PlanActionDialog, type PlanFrom } from './plan-action-dialog.tsx';
import { outOfRange, RangeNumberInput } from '../ui/range-number-input.tsx';
import { boundsOf } from '../lib/form-schema.ts';

/** The rank a target can name: the server's bounds. */
const RANK = boundsOf(TargetPlanQuery.shape.rank);

export function TargetPlanScreen() {
  const user = useMe().data;
  const { t } = useTranslation('improve');
  const search = useSearch({ from: '/sasaran' });
  const navigate = useNavigate({ from: '/sasaran' });
  if (!user) return null;
  const go = (patch: Record<string, string | number | undefined>) => void navigate({ search: (s) => ({ ...s, ...patch }), replace: true });
  return (
    <Stack gap="lg" maw={1100}>
      <Stack gap={4}>
        <Title order={1} size="h2">
          {t('target.title')}
        </Title>
        <Text maw={760}>{t('target.intro')}</Text>
      </Stack>
      <CycleBodyPicker user={user} cycleId={search.cycle} bodyId={search.body} onChange={go}>
        {({ cycle, bodyId }) => (
          <Stack gap="md">
            <Planner
              user={user}
              cycleId={cycle.id}
              bodyId={bodyId}
              scope={search.scope ?? 'province'}
              rank={search.rank ?? 1}
              onAsk={(scope, rank) => go({ scope, rank })}
            />
            <AnchorLink to="/simulasi" search={{ cycle: cycle.id, body: search.body }} size="sm">
              {t('target.what_if_link')}
            </AnchorLink>
          </Stack>
        )}
      </CycleBodyPicker>
    </Stack>
  );
}

/** The scope and rank asked, and the plan for them (exported for its tests). */
export function Planner({
  user,
  cycleId,
  bodyId,
  scope,
  rank,
  onAsk,
}: {
  user: User;
  cycleId: string;
  bodyId: string;
  scope: TargetPlanScope;
  rank: number;
  onAsk: (scope: TargetPlanScope, rank: number) => void;
}) {
  const { t } = useTranslation('improve');
  const [draft, setDraft] = useState<number | string>(rank);
  const plan = useTargetPlan(cycleId, bodyId, { scope, rank });
  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    const r = Number(draft);
    if (Number.isInteger(r) && !outOfRange(r, RANK)) onAsk(scope, r);
  };
  return (
    <Stack gap="md">
      <form onSubmit={submit} aria-label={t('target.form')}>
        {/* Top-aligned: a range message under the rank field must not push the other controls down. */}
        <Group gap="sm" align="flex-start" wrap="wrap">
          <Stack gap={4}>
            <Text size="sm" fw={600} id="target-scope">
              {t('target.scope')}
            </Text>
            <SegmentedControl
              aria-labelledby="target-scope"
              value={scope}
              onChange={(v) => onAsk(v as TargetPlanScope, rank)}
              data={[
                { value: 'province', label: t('target.scope_province') },
                { value: 'national', label: t('target.scope_national') },
              ]}
            />
          </Stack>
          <RangeNumberInput label={t('target.rank')} {...RANK} allowDecimal={false} value={draft} onChange={setDraft} w={170} />
          <Stack gap={4}>
            {/* The height of the labels above the other controls, so the button lines up with them. */}
            <Text size="sm" fw={600} aria-hidden style={{ visibility: 'hidden' }}>
              &nbsp;
            </Text>
            <Button type="submit">{t('target.compute')}</Button>
          </Stack>
        </Group>
      </form>
      {plan.isPending ? (
        <PageLoader />
      ) : plan.isError ? (
        <Alert color="orange" role="alert">
          {errorMessage(t, plan.error)}
        </Alert>
      ) : (
        <PlanView plan={plan.data} canPlan={user.role === 'koordinator' || user.role === 'admin'} />
      )}
    </Stack>
  );
}

/** The answer: the points needed, the fixes, the assumption. */
export function PlanView({ plan, canPlan }: { plan: TargetPlan; canPlan: boolean }) {
  const { t } = useTranslation('improve');
  const format = useFormat();
  const [planning, setPlanning] = useState<PlanFrom | null>(null);
  const [planningAll, setPlanningAll] = useState(false);
  const where =
    plan.scope === 'province'
      ? t('target.in_province')
      : t('target.in_nation', { type: t(`target.type.${plan.body.type}`, { defaultValue: plan.body.type }) });
  const at = (score: number, rank: number) =>
    t('target.at', { score: format.score(score), rank: format.integer(rank), of: format.integer(plan.current.of) });
  const headline =
    plan.status === 'already'
      ? t('target.headline_already', { rank: format.integer(plan.target.rank), where })
      : t('target.headline', { rank: format.integer(plan.target.rank), where, points: format.score(plan.target.needed) });
  const fromPlan = (f: TargetPlanFix): PlanFrom => ({
    unitId: f.unit.id,
    unitName: f.unit.name,
    cycleId: plan.cycle.id,
    ...(f.findingId ? { findingId: f.findingId } : {}),
    indicator: f.indicator,
    targetLevel: f.to,
    title: t('plan.default_title', { level: f.to, indicator: f.indicator, text: f.text[format.lang] }).slice(0, 300),
  });
  return (
    <Stack gap="md" aria-live="polite">
      <Paper withBorder p="md">
        <Stack gap={6}>
          <Title order={2} size="h3">
            {headline}
          </Title>
          <Text size="sm">
            {t('target.now', { body: plan.body.name })} <strong className="tabular">{at(plan.current.score, plan.current.rank)}</strong>
          </Text>
          {plan.status !== 'already' && (
            <Text size="sm">
              {t('target.threshold', { rank: format.integer(plan.target.rank), score: format.score(plan.target.score) })}
              {plan.target.tiedWith.length > 0 && ` (${plan.target.tiedWith.map((b) => b.name).join(', ')})`}
            </Text>
          )}
          {plan.status === 'reachable' && (
            <Text size="sm">
              {t('target.cheapest', { count: plan.steps, fixes: format.integer(plan.fixes.length) })}{' '}
              <strong className="tabular">{at(plan.result.score, plan.result.rank)}</strong>
            </Text>
          )}
          {plan.status === 'unreachable' && (
            <Text size="sm" c="orange.8">
              {t('target.unreachable', { best: at(plan.maximum.score, plan.maximum.rank) })}
            </Text>
          )}
        </Stack>
      </Paper>
      <Alert color="blue" variant="light" title={t('target.assumption_title')}>
        <Text size="sm">{t('target.assumption')}</Text>
        {plan.unpublishedPeers > 0 && (
          <Text size="sm" mt={4}>
            {t('target.unpublished', { count: plan.unpublishedPeers })}
          </Text>
        )}
      </Alert>
      {canPlan && plan.fixes.length > 1 && (
        <Group>
          <Button onClick={() => setPlanningAll(true)}>{t('target.all.open', { count: plan.fixes.length })}</Button>
        </Group>
      )}
      {plan.fixes.length > 0 && (
        <Stack gap="sm" component="ol" p={0} m={0} style={{ listStyle: 'none' }} aria-label={t('target.fixes')}>
          {plan.fixes.map((f) => (
            <Paper key={`${f.unit.id} ${f.indicator}`} component="li" withBorder p="sm">
              <Stack gap={6}>
                <Group justify="space-between" align="flex-start" gap="xs">
                  <Stack gap={2} style={{ flex: '1 1 260px', minWidth: 0 }}>
                    <Text fw={650} size="sm">
                      {f.indicator} · {f.text[format.lang]}
                    </Text>
                    <Text size="xs" c="dimmed">
                      {f.unit.name}
                    </Text>
                  </Stack>
                  <Badge variant="light" tt="none" size="lg" className="tabular">
                    {t('findings.points', { value: format.score(f.governmentGain) })}
                  </Badge>
                </Group>
                <Group gap="md" wrap="wrap">
                  <Text size="sm">{levelStep(t, format, f.from, f.to)}</Text>
                  <Text size="sm">
                    {t('findings.unit_gain')}{' '}
                    <strong className="tabular">{t('findings.points', { value: format.score(f.unitGain) })}</strong>
                  </Text>
                  <Text size="sm">
                    {t('findings.government_gain')}{' '}
                    <strong className="tabular">{t('findings.points', { value: format.score(f.governmentGain) })}</strong>
                  </Text>
                </Group>
                <Text size="sm" c="dimmed">
                  <Text span size="sm" fw={600} c="var(--mantine-color-text)">
                    {t('findings.target', { level: format.integer(f.to) })}
                  </Text>{' '}
                  {f.descriptor[format.lang]}
                </Text>
                {canPlan && (
                  <Group justify="flex-end">
                    <Button
                      size="xs"
                      variant="light"
                      onClick={() => setPlanning(fromPlan(f))}
                      aria-label={`${t('findings.plan')}: ${f.indicator} · ${f.unit.name}`}
                    >
                      {t('findings.plan')}
                    </Button>
                  </Group>
                )}
              </Stack>
            </Paper>
          ))}
        </Stack>
      )}
      {canPlan && <PlanActionDialog opened={planning !== null} onClose={() => setPlanning(null)} from={planning} />}
      {canPlan && <AllFixesDialog plan={plan} opened={planningAll} onClose={() => setPlanningAll(false)} />}
    </Stack>
  );
}
