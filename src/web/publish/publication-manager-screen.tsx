/**
 * Publication management of a cycle: the pimpinan publishes its own province, an admin the
 * nation or any province. Readiness, the publish form with its embargo date, every version of
 * the scope (and of other scopes already published) and the erratum form for the version in
 * force. Two routes share it: `/review/cycles/$cycleId/publikasi` and
 * `/admin/cycles/$cycleId/publikasi`.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import { Alert, Grid, Paper, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useParams } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { PublicationMeta } from '../../shared/wire/publications.ts';
import { useMe } from '../api/auth.ts';
import { getProvincesQueryOptions } from '../api/registry.ts';
import { useProgress } from '../api/locus.ts';
import { usePublications, usePublishReadiness } from '../api/publications.ts';
import { blockedReason } from './blockers-list.tsx';
import { useCycle } from '../api/cycles.ts';
import { ErrorView } from '../ui/error-view.tsx';
import { AnchorLink } from '../ui/anchor-link.tsx';
import { PageLoader } from '../ui/page-loader.tsx';
import { PanelBoundary } from '../ui/panel-boundary.tsx';
import { ReportPackButton } from '../ui/report-pack-button.tsx';
import { ErratumForm } from './erratum-form.tsx';
import { useManageStrings } from './manage-strings.ts';
import { PublishForm, type ScopeOption } from './publish-form.tsx';
import { readiness, versionsOf } from './publish-model.ts';
import { ReadinessPanel } from './readiness-panel.tsx';
import { VersionHistory } from './version-history.tsx';
import { CycleZone } from '../ui/cycle-zone.tsx';
import './publish.css';

export function ReviewPublicationScreen() {
  const { cycleId } = useParams({ from: '/review/cycles/$cycleId/publikasi' });
  return (
    <CycleZone cycleId={cycleId}>
      <PublicationManager cycleId={cycleId} admin={false} />
    </CycleZone>
  );
}

export function AdminPublicationScreen() {
  const { cycleId } = useParams({ from: '/admin/cycles/$cycleId/publikasi' });
  return (
    <CycleZone cycleId={cycleId}>
      <PublicationManager cycleId={cycleId} admin />
    </CycleZone>
  );
}

export function PublicationManager({ cycleId, admin }: { cycleId: string; admin: boolean }) {
  useManageStrings();
  const { t } = useTranslation('publish');
  const me = useMe().data;
  const cycle = useCycle(cycleId);
  const progress = useProgress(cycleId);
  const publications = usePublications(cycleId);
  const provinces = useQuery(getProvincesQueryOptions());
  const ownProvince = admin ? null : (me?.provinceCode ?? null);
  const [scope, setScope] = useState<string>(ownProvince ?? 'national');
  const serverReadiness = usePublishReadiness(cycleId, scope);
  const [erratumFor, setErratumFor] = useState<PublicationMeta | null>(null);
  const [erratumDone, setErratumDone] = useState<PublicationMeta | null>(null);
  const erratumRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (erratumFor) erratumRef.current?.scrollIntoView({ block: 'start', behavior: 'smooth' });
  }, [erratumFor]);

  const items = publications.data ?? [];
  const provinceName = useMemo(() => {
    const names = new Map((provinces.data ?? []).map((p) => [p.code, p.name]));
    for (const p of items) if (p.scope !== 'national') names.set(p.scope, p.scopeName);
    return (code: string) => (code === 'national' ? t('scope.national') : (names.get(code) ?? code));
  }, [provinces.data, items, t]);

  const scopes: ScopeOption[] = useMemo(() => {
    if (!admin) return ownProvince ? [{ value: ownProvince, label: provinceName(ownProvince) }] : [];
    const codes = new Set<string>();
    for (const b of progress.data?.bodies ?? []) if (b.provinceCode) codes.add(b.provinceCode);
    for (const p of items) if (p.scope !== 'national') codes.add(p.scope);
    return [
      { value: 'national', label: t('scope.national') },
      ...[...codes].sort().map((code) => ({ value: code, label: provinceName(code) })),
    ];
  }, [admin, ownProvince, progress.data, items, provinceName, t]);

  if (progress.isError) return <ErrorView error={progress.error} onRetry={() => void progress.refetch()} />;
  if (publications.isError) return <ErrorView error={publications.error} onRetry={() => void publications.refetch()} />;
  if (progress.isPending || publications.isPending) return <PageLoader />;

  const state = readiness(progress.data.bodies, scope, items);
  const otherScopes = [...new Set(items.map((p) => p.scope))].filter((s) => s !== scope).sort();

  return (
    <Stack gap="lg" maw={1200}>
      <Stack gap={4}>
        {admin ? (
          <AnchorLink to="/admin/cycles/$cycleId" params={{ cycleId }} size="sm">
            {t('manage.back')}
          </AnchorLink>
        ) : (
          <AnchorLink to="/review/cycles/$cycleId" params={{ cycleId }} size="sm">
            {t('manage.back')}
          </AnchorLink>
        )}
        <Title order={1} size="h2">
          {t('manage.title', { name: cycle.data?.name ?? '' })}
        </Title>
        <Text c="dimmed" maw={780}>
          {t('manage.intro')}
        </Text>
      </Stack>
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 5 }}>
          <ReadinessPanel
            readiness={state}
            cycleStatus={cycle.data?.status ?? null}
            server={serverReadiness.data}
            cycleId={cycleId}
            admin={admin}
          />
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 7 }}>
          <PublishForm
            cycleId={cycleId}
            scopes={scopes}
            scope={scope}
            onScopeChange={(s) => {
              setScope(s);
              setErratumFor(null);
              setErratumDone(null);
            }}
            current={state.current}
            blockedReason={blockedReason(serverReadiness.data, t)}
          />
        </Grid.Col>
      </Grid>
      <Stack gap="xs" component="section" aria-labelledby="history-title">
        <Title order={2} size="h4" id="history-title">
          {t('history.title')}
        </Title>
        {erratumDone && (
          <Alert color="green" data-testid="erratum-done">
            {t('manage.erratum_done', { version: erratumDone.version })}{' '}
            <AnchorLink to="/publikasi/$publicationId" params={{ publicationId: erratumDone.id }} fw={600}>
              {t('form.open_page')}
            </AnchorLink>
          </Alert>
        )}
        <VersionHistory versions={versionsOf(items, scope)} scopeName={provinceName(scope)} onErratum={setErratumFor} />
        {otherScopes.map((s) => (
          <VersionHistory
            key={s}
            versions={versionsOf(items, s)}
            scopeName={provinceName(s)}
            onErratum={admin ? setErratumFor : undefined}
          />
        ))}
      </Stack>
      {state.current && (
        <Paper withBorder p="md" component="section" aria-label={t('manage.report_pack')} data-testid="report-pack">
          {/* The reports strings load on demand (the panel suspends meanwhile). */}
          <PanelBoundary>
            <ReportPackButton publicationId={state.current.id} />
          </PanelBoundary>
        </Paper>
      )}
      {erratumFor && (
        <div ref={erratumRef}>
          <PanelBoundary>
            <ErratumForm
              key={erratumFor.id}
              publication={erratumFor}
              onCancel={() => setErratumFor(null)}
              onPublished={(next) => {
                setErratumFor(null);
                setErratumDone(next);
              }}
            />
          </PanelBoundary>
        </div>
      )}
    </Stack>
  );
}
