/**
 * `/temuan`: the findings of a published cycle — every indicator where a unit lost points, with
 * the level reached, the next level and its descriptor, the gain for the unit and the government,
 * the Perwakilan's recommendation and the actions planned on it. The koordinator plans an action
 * from a finding ("Buat rencana aksi"); the operator sees its own unit's; the pimpinan chooses a
 * government of its province.
 */
import { useMemo, useState } from 'react';
import { Alert, Badge, Button, Group, NativeSelect, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useNavigate, useSearch } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { Action } from '../../shared/wire/actions.ts';
import type { User } from '../../shared/wire/auth.ts';
import type { CycleSummary } from '../../shared/wire/cycles.ts';
import type { Finding } from '../../shared/wire/findings.ts';
import { useActions, useBodyFindings, useUnitFindings } from '../api/actions.ts';
import { usePatchFinding } from '../api/actions-writes.ts';
import { errorMessage } from '../lib/error-message.ts';
import { useMe } from '../api/auth.ts';
import { useCycles } from '../api/cycles.ts';
import { useTrend } from '../api/scores.ts';
import { useBodies } from '../api/registry.ts';
import { useFormat } from '../lib/format.ts';
import { ErrorView } from '../ui/error-view.tsx';
import { AnchorLink, ButtonLink } from '../ui/links.tsx';
import { PageLoader } from '../ui/page-loader.tsx';
import { StatusBadge } from './action-badges.tsx';
import { levelStep } from './level-step.ts';
import { PlanActionDialog, type PlanFrom } from './plan-action-dialog.tsx';

/**
 * The cycle shown first: the newest published Ombudsman assessment (the findings and the next
 * visit's pre-check are its follow-up), else the newest published cycle. A province's PEKPPP
 * evaluation of one government listed first would show every other government an empty page.
 */
export function defaultFindingsCycle(list: readonly Pick<CycleSummary, 'id' | 'family'>[]): string | undefined {
  return (list.find((c) => c.family === 'ombudsman') ?? list[0])?.id;
}

/**
 * The cycles a government's own users (koordinator, operator) pick from: those where the
 * government has a published result (its trend) — not another government's PEKPPP evaluation.
 * The Perwakilan and the admin (`own` null) pick from every published cycle.
 */
export function findingsCycles<T extends Pick<CycleSummary, 'id'>>(list: readonly T[], own: ReadonlySet<string> | null): T[] {
  return own === null ? [...list] : list.filter((c) => own.has(c.id));
}

export function FindingsScreen() {
  const user = useMe().data;
  if (!user) return null;
  return <Findings user={user} />;
}

function Findings({ user }: { user: User }) {
  const { t } = useTranslation('improve');
  const search = useSearch({ from: '/temuan' });
  const navigate = useNavigate({ from: '/temuan' });
  const cycles = useCycles({ published: true });
  const ownBody = user.role === 'koordinator' || user.role === 'operator' ? (user.bodyId ?? null) : null;
  const trend = useTrend(ownBody);
  const own = ownBody && trend.data ? new Set(trend.data.items.filter((i) => i.cycle.published).map((i) => i.cycle.id)) : null;
  const list = findingsCycles(
    (cycles.data ?? []).filter((c) => c.source !== 'imported'),
    own,
  );
  const cycleId = search.cycle ?? defaultFindingsCycle(list);
  const choosesBody = user.role === 'pimpinan' || user.role === 'admin';
  const bodies = useBodies({ page: 1, pageSize: 200, type: ['provinsi', 'kabupaten', 'kota'], province: user.provinceCode }, choosesBody);
  const bodyId = choosesBody ? search.body : (user.bodyId ?? undefined);
  const go = (patch: Record<string, string | undefined>) => void navigate({ search: (s) => ({ ...s, ...patch }), replace: true });

  return (
    <Stack gap="lg" maw={1100}>
      <Stack gap={4}>
        <Title order={1} size="h2">
          {t('findings.title')}
        </Title>
        <Text maw={760}>{t('findings.intro')}</Text>
        {user.role !== 'operator' && (
          <Group gap="md" wrap="wrap">
            <AnchorLink to="/sasaran" search={{ cycle: search.cycle, body: search.body }} size="sm">
              {t('target.findings_link')}
            </AnchorLink>
            <AnchorLink to="/simulasi" search={{ cycle: search.cycle, body: search.body }} size="sm">
              {t('whatif.findings_link')}
            </AnchorLink>
          </Group>
        )}
      </Stack>
      {cycles.isPending || (ownBody !== null && trend.isPending) ? (
        <PageLoader />
      ) : cycles.isError ? (
        <ErrorView error={cycles.error} onRetry={() => void cycles.refetch()} compact />
      ) : !cycleId ? (
        <Alert color="gray" role="status">
          {t('findings.no_cycles')}
        </Alert>
      ) : (
        <>
          <Group gap="sm" align="flex-end" wrap="wrap">
            <NativeSelect
              label={t('findings.cycle')}
              value={cycleId}
              onChange={(e) => go({ cycle: e.currentTarget.value, unit: undefined })}
              data={list.map((c) => ({ value: c.id, label: c.name }))}
              style={{ flex: '1 1 240px' }}
            />
            {choosesBody && (
              <NativeSelect
                label={t('findings.body')}
                value={bodyId ?? ''}
                onChange={(e) => go({ body: e.currentTarget.value || undefined, unit: undefined })}
                data={[
                  { value: '', label: t('findings.pick_body') },
                  ...(bodies.data?.items ?? []).map((b) => ({ value: b.id, label: b.name })),
                ]}
                style={{ flex: '1 1 240px' }}
              />
            )}
          </Group>
          {user.role === 'operator' && user.unitId ? (
            <UnitFindings cycleId={cycleId} unitId={user.unitId} user={user} />
          ) : user.role === 'asisten' ? (
            search.unit ? (
              <UnitFindings cycleId={cycleId} unitId={search.unit} user={user} />
            ) : (
              <Alert color="gray" role="status">
                {t('findings.pick_unit')}
              </Alert>
            )
          ) : bodyId ? (
            <BodyFindings cycleId={cycleId} bodyId={bodyId} user={user} unit={search.unit} onUnit={(unit) => go({ unit })} />
          ) : null}
        </>
      )}
    </Stack>
  );
}

function UnitFindings({ cycleId, unitId, user }: { cycleId: string; unitId: string; user: User }) {
  const findings = useUnitFindings(cycleId, unitId);
  // The actions answering them, shown under each finding (the asisten has no action board).
  const actions = useActions({ unitId, cycleId, sourceKind: 'finding', page: 1, pageSize: 200 });
  const byFinding = useMemo(() => {
    const m = new Map<string, Action[]>();
    for (const a of actions.data?.items ?? []) if (a.findingId) m.set(a.findingId, [...(m.get(a.findingId) ?? []), a]);
    return m;
  }, [actions.data]);
  if (findings.isPending) return <PageLoader />;
  if (findings.isError) return <ErrorView error={findings.error} onRetry={() => void findings.refetch()} compact />;
  const bodyId = findings.data.items[0]?.bodyId;
  return (
    <Stack gap="md">
      {bodyId && <FollowupLink user={user} cycleId={cycleId} bodyId={bodyId} unit={unitId} />}
      <FindingList items={findings.data.items} user={user} orderBy="unitGain" actionsOf={byFinding} />
    </Stack>
  );
}

/** The Perwakilan's way to its follow-up screen: advice per finding, the Ombudsman's follow-up products. */
function FollowupLink({ user, cycleId, bodyId, unit }: { user: User; cycleId: string; bodyId: string; unit?: string | undefined }) {
  const { t } = useTranslation('improve');
  if (user.role !== 'pimpinan' && user.role !== 'asisten' && user.role !== 'admin') return null;
  return (
    <ButtonLink
      to="/review/cycles/$cycleId/bodies/$bodyId/temuan"
      params={{ cycleId, bodyId }}
      search={{ unit }}
      variant="light"
      style={{ alignSelf: 'flex-start' }}
    >
      {t('followup.link')}
    </ButtonLink>
  );
}

function BodyFindings({
  cycleId,
  bodyId,
  user,
  unit,
  onUnit,
}: {
  cycleId: string;
  bodyId: string;
  user: User;
  unit: string | undefined;
  onUnit: (unit: string | undefined) => void;
}) {
  const { t } = useTranslation('improve');
  const findings = useBodyFindings(cycleId, bodyId);
  const units = useMemo(() => {
    const m = new Map<string, string>();
    for (const f of findings.data?.items ?? []) m.set(f.unitId, f.unitName);
    return [...m].map(([id, name]) => ({ id, name })).sort((a, b) => a.name.localeCompare(b.name));
  }, [findings.data]);
  if (findings.isPending) return <PageLoader />;
  if (findings.isError) return <ErrorView error={findings.error} onRetry={() => void findings.refetch()} compact />;
  const items = unit ? findings.data.items.filter((f) => f.unitId === unit) : findings.data.items;
  return (
    <Stack gap="md">
      {findings.data.items.length > 0 && <FollowupLink user={user} cycleId={cycleId} bodyId={bodyId} unit={unit} />}
      {units.length > 1 && (
        <NativeSelect
          label={t('findings.unit')}
          value={unit ?? ''}
          onChange={(e) => onUnit(e.currentTarget.value || undefined)}
          data={[{ value: '', label: t('findings.all_units') }, ...units.map((u) => ({ value: u.id, label: u.name }))]}
          maw={420}
        />
      )}
      <FindingList items={items} user={user} orderBy={unit ? 'unitGain' : 'governmentGain'} />
    </Stack>
  );
}

export function FindingList({
  items,
  user,
  orderBy,
  actionsOf,
}: {
  items: readonly Finding[];
  user: User;
  orderBy: 'unitGain' | 'governmentGain';
  /** The actions answering each finding (by finding id), listed under it with status and evidence. */
  actionsOf?: ReadonlyMap<string, readonly Action[]>;
}) {
  const { t } = useTranslation('improve');
  const format = useFormat();
  const [planning, setPlanning] = useState<PlanFrom | null>(null);
  const canPlan = user.role === 'koordinator' || user.role === 'admin';
  // The next cycle's pre-check: the Perwakilan (the unit's asisten at the visit, or the pimpinan).
  const canCheck = user.role === 'asisten' || user.role === 'pimpinan' || user.role === 'admin';
  // The asisten reads an action's page but has no board (it is the government's and the Perwakilan's).
  const hasBoard = user.role !== 'asisten';
  const points = (v: number) => t('findings.points', { value: format.score(v) });
  const sorted = [...items].sort((a, b) => b[orderBy] - a[orderBy]);
  if (sorted.length === 0)
    return (
      <Text c="dimmed" role="status">
        {t('findings.empty')}
      </Text>
    );
  return (
    <Stack gap="sm">
      <Text size="sm" c="dimmed" role="status">
        {t('findings.count', { count: sorted.length })}
      </Text>
      <Stack gap="sm" component="ol" p={0} m={0} style={{ listStyle: 'none' }} aria-label={t('findings.list_label')}>
        {sorted.map((f) => (
          <Paper key={f.id} component="li" withBorder p="sm" data-finding={f.indicator}>
            <Stack gap={6}>
              <Group justify="space-between" align="flex-start" gap="xs">
                <Stack gap={2} style={{ flex: '1 1 260px', minWidth: 0 }}>
                  <Text fw={650} size="sm">
                    {f.indicator} · {f.text[format.lang]}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {f.unitName}
                  </Text>
                </Stack>
                <Badge variant="light" tt="none" size="lg" className="tabular">
                  {points(f[orderBy])}
                </Badge>
              </Group>
              <Group gap="md" wrap="wrap">
                <Text size="sm">{levelStep(t, format, f.levelReached, f.nextLevel)}</Text>
                <Text size="sm">
                  {t('findings.unit_gain')} <strong className="tabular">{points(f.unitGain)}</strong>
                </Text>
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
              {f.recommendationKind && f.recommendation && (
                <Alert color="blue" variant="light" p="xs" title={t(`findings.recommendation.${f.recommendationKind}`)}>
                  <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                    {f.recommendation}
                  </Text>
                </Alert>
              )}
              {canCheck ? (
                <PreCheck finding={f} />
              ) : (
                f.resolution && (
                  <Text size="sm" c={f.resolution === 'resolved' ? 'teal' : 'orange'}>
                    {t(`findings.resolution.${f.resolution}`)}
                    {f.resolutionNote ? ` — ${f.resolutionNote}` : ''}
                  </Text>
                )
              )}
              {(actionsOf?.get(f.id)?.length ?? 0) > 0 && (
                <Stack
                  gap={4}
                  component="ul"
                  m={0}
                  p={0}
                  style={{ listStyle: 'none' }}
                  aria-label={`${t('findings.actions_label')}: ${f.indicator}`}
                >
                  {actionsOf!.get(f.id)!.map((a) => (
                    <Group key={a.id} component="li" gap="xs" wrap="wrap" data-action={a.id}>
                      <StatusBadge status={a.status} />
                      <AnchorLink
                        to="/tindak-lanjut/$actionId"
                        params={{ actionId: a.id }}
                        size="sm"
                        style={{ minWidth: 0, overflowWrap: 'anywhere' }}
                      >
                        {a.title}
                      </AnchorLink>
                      <Text size="xs" c="dimmed">
                        {a.evidenceCount > 0 ? t('board.evidence', { count: a.evidenceCount }) : t('findings.no_evidence')}
                      </Text>
                    </Group>
                  ))}
                </Stack>
              )}
              <Group gap="sm" justify="space-between" wrap="wrap">
                <Text size="sm" c="dimmed">
                  {f.actions > 0 ? t('findings.actions', { count: f.actions, verified: f.verifiedActions }) : t('findings.no_actions')}
                </Text>
                <Group gap="xs">
                  {f.actions > 0 && hasBoard && (
                    <AnchorLink to="/tindak-lanjut" search={{ unit: f.unitId, source: 'finding' }} size="sm">
                      {t('findings.see_actions')}
                    </AnchorLink>
                  )}
                  {canPlan && (
                    <Button
                      size="xs"
                      variant="light"
                      onClick={() =>
                        setPlanning({
                          unitId: f.unitId,
                          unitName: f.unitName,
                          cycleId: f.cycleId,
                          findingId: f.id,
                          indicator: f.indicator,
                          targetLevel: f.nextLevel,
                          title: t('plan.default_title', { level: f.nextLevel, indicator: f.indicator, text: f.text[format.lang] }).slice(
                            0,
                            300,
                          ),
                        })
                      }
                      aria-label={`${t('findings.plan')}: ${f.indicator} · ${f.unitName}`}
                    >
                      {t('findings.plan')}
                    </Button>
                  )}
                </Group>
              </Group>
            </Stack>
          </Paper>
        ))}
      </Stack>
      {canPlan && <PlanActionDialog opened={planning !== null} onClose={() => setPlanning(null)} from={planning} />}
    </Stack>
  );
}

/** The pre-check of one finding at the next visit: resolved or not, with an optional note (PATCH /findings/:id). */
function PreCheck({ finding: f }: { finding: Finding }) {
  const { t } = useTranslation('improve');
  const patch = usePatchFinding(f.id);
  const [note, setNote] = useState(f.resolutionNote ?? '');
  const save = (resolution: 'resolved' | 'unresolved') =>
    patch.mutate(
      { resolution, resolutionNote: note.trim() ? note.trim() : null },
      { onSuccess: () => notifications.show({ color: 'teal', message: t('findings.precheck.saved') }) },
    );
  return (
    <Stack gap={6} p="xs" style={{ background: 'var(--mantine-color-default-hover)', borderRadius: 'var(--mantine-radius-sm)' }}>
      <Group gap="xs" wrap="wrap" justify="space-between">
        <Text size="sm" fw={600}>
          {t('findings.precheck.title')}
          {f.resolution ? ` · ${t(`findings.precheck.${f.resolution}`)}` : ''}
        </Text>
        <Group gap="xs">
          <Button
            size="xs"
            color="teal"
            variant={f.resolution === 'resolved' ? 'filled' : 'default'}
            autoContrast
            aria-pressed={f.resolution === 'resolved'}
            loading={patch.isPending}
            onClick={() => save('resolved')}
          >
            {t('findings.precheck.resolved')}
          </Button>
          <Button
            size="xs"
            color="orange"
            variant={f.resolution === 'unresolved' ? 'filled' : 'default'}
            autoContrast
            aria-pressed={f.resolution === 'unresolved'}
            loading={patch.isPending}
            onClick={() => save('unresolved')}
          >
            {t('findings.precheck.unresolved')}
          </Button>
        </Group>
      </Group>
      <TextInput
        size="xs"
        aria-label={`${t('findings.precheck.note')}: ${f.indicator}`}
        placeholder={t('findings.precheck.note')}
        maxLength={4000}
        value={note}
        onChange={(e) => setNote(e.currentTarget.value)}
      />
      {patch.isError && (
        <Alert color="red" role="alert" p="xs">
          {errorMessage(t, patch.error)}
        </Alert>
      )}
    </Stack>
  );
}
