/**
 * The permanent page of one published version (`/publikasi/$publicationId`, no login): what was
 * published, for which scope, when and until when it was embargoed; whether a newer version
 * replaced it (banner with the erratum's reason and a link) or which version it corrects; the
 * governments with their units and change log; the assumptions in force; the hashes to verify
 * it; open data downloads and the awards page.
 *
 * Light on purpose (a public first visit): plain elements and classes, no charts, no Mantine
 * Button/Alert/Badge.
 */
import { Stack, Text } from '@mantine/core';
import { Link, useParams } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { PublicationMeta, PublicationSnapshot, PublicationView as PublicationViewData } from '../../shared/wire/publications.ts';
import { openDataHref, usePublication, usePublications } from '../api/publications.ts';
import { scopeProvince, useFormat } from '../lib/format.ts';
import { AnchorLink } from '../ui/anchor-link.tsx';
import { BodyZone } from '../ui/body-zone.tsx';
import { LazyErrorView } from '../ui/lazy-error-view.tsx';
import { PageLoader } from '../ui/page-loader.tsx';
import { StatusBadge } from '../ui/publication-status.tsx';
import { PublishedGovernments } from './published-governments.tsx';
import '../ui/portal.css';
import './publish.css';

function VersionBanner({ meta, versions }: { meta: PublicationMeta; versions: PublicationMeta[] }) {
  const { t } = useTranslation('publish');
  const format = useFormat();
  if (meta.status === 'superseded' && meta.supersededById) {
    const next = versions.find((v) => v.id === meta.supersededById);
    const current = versions.find((v) => v.scope === meta.scope && v.status === 'current');
    return (
      <div className="pub-banner pub-banner-superseded" role="note" data-testid="superseded-banner">
        <span className="pub-banner-title">
          {next
            ? next.reason
              ? t('banner.superseded', { version: next.version, reason: next.reason })
              : t('banner.superseded_no_reason', { version: next.version })
            : t('banner.superseded_unknown')}
        </span>
        <AnchorLink to="/publikasi/$publicationId" params={{ publicationId: meta.supersededById }}>
          {next ? t('banner.open_version', { version: next.version }) : t('banner.open_newer')}
        </AnchorLink>
        {current && current.id !== meta.supersededById && (
          <AnchorLink to="/publikasi/$publicationId" params={{ publicationId: current.id }}>
            {t('banner.open_current', { version: current.version })}
          </AnchorLink>
        )}
      </div>
    );
  }
  if (meta.version > 1 && meta.supersedesId) {
    return (
      <div className="pub-banner pub-banner-erratum" role="note" data-testid="erratum-banner">
        <span className="pub-banner-title">{t('banner.erratum', { previous: meta.version - 1, reason: meta.reason ?? '—' })}</span>
        <AnchorLink to="/publikasi/$publicationId" params={{ publicationId: meta.supersedesId }}>
          {t('banner.open_version', { version: meta.version - 1 })}
        </AnchorLink>
        <Text size="xs">{t('banner.erratum_date', { date: format.dateTime(meta.publishedAt) })}</Text>
      </div>
    );
  }
  return null;
}

function Facts({ meta }: { meta: PublicationMeta }) {
  const { t } = useTranslation('publish');
  const format = useFormat();
  return (
    <dl className="pub-facts">
      <div>
        <dt>{t('page.version')}</dt>
        <dd>
          {meta.version} <StatusBadge status={meta.status} />
        </dd>
      </div>
      <div>
        <dt>{t('page.published_at')}</dt>
        <dd>{format.dateTime(meta.publishedAt)}</dd>
      </div>
      <div>
        <dt>{t('page.public_at')}</dt>
        <dd>{format.dateTime(meta.publicAt)}</dd>
      </div>
      <div>
        <dt>{t('page.bodies')}</dt>
        <dd>{format.integer(meta.bodies)}</dd>
      </div>
    </dl>
  );
}

function Assumptions({ snapshot }: { snapshot: PublicationSnapshot }) {
  const { t } = useTranslation('publish');
  const format = useFormat();
  const { assumptions, cycle } = snapshot;
  return (
    <section className="note-box" aria-labelledby="assumptions-heading">
      <h2 className="heading-5" id="assumptions-heading">
        {t('assumptions.title')}
      </h2>
      <Text size="sm">{t('assumptions.body', { scheme: cycle.schemeId, count: assumptions.length })}</Text>
      {assumptions.length > 0 && (
        <details className="assumption-list">
          <summary>
            <Text span size="sm" fw={600}>
              {t('assumptions.show', { count: assumptions.length })}
            </Text>
          </summary>
          <ul>
            {assumptions.map((a) => (
              <li key={a.path + a.note.id}>
                <Text size="sm">{a.note[format.lang]}</Text>
              </li>
            ))}
          </ul>
        </details>
      )}
      <AnchorLink to="/schemes/$schemeId" params={{ schemeId: cycle.schemeId }} size="sm" fw={600}>
        {t('assumptions.link')}
      </AnchorLink>
    </section>
  );
}

function Verification({ meta }: { meta: PublicationMeta }) {
  const { t } = useTranslation('publish');
  return (
    <section aria-labelledby="verify-heading">
      <h2 className="heading-4" id="verify-heading">
        {t('verify.title')}
      </h2>
      <Text size="sm" mb="xs" maw={760}>
        {t('verify.body')}
      </Text>
      <dl className="pub-verify">
        <dt>
          <Text size="sm" c="dimmed">
            {t('verify.content_hash')}
          </Text>
        </dt>
        <dd className="pub-hash" data-testid="content-hash">
          {meta.contentHash}
        </dd>
        <dt>
          <Text size="sm" c="dimmed">
            {t('verify.scheme_hash')}
          </Text>
        </dt>
        <dd className="pub-hash" data-testid="scheme-hash">
          {meta.schemeHash}
        </dd>
      </dl>
    </section>
  );
}

export function PublicationPage() {
  const { publicationId } = useParams({ from: '/publikasi/$publicationId' });
  const view = usePublication(publicationId);
  if (view.isError) return <LazyErrorView error={view.error} onRetry={() => void view.refetch()} />;
  if (!view.data) return <PageLoader />;
  return <PublicationContent key={publicationId} {...view.data} />;
}

/** The page's content for one loaded version (exported for tests), its dates in the scope's zone (issue 16). */
export function PublicationContent(view: PublicationViewData) {
  return (
    <BodyZone provinceCode={scopeProvince(view.meta.scope)}>
      <PublicationBody {...view} />
    </BodyZone>
  );
}

function PublicationBody({ meta, snapshot, bands }: PublicationViewData) {
  const { t } = useTranslation('publish');
  const format = useFormat();
  const list = usePublications(meta.cycleId);
  const versions = list.data ?? [];
  return (
    <Stack gap="lg" maw={1100}>
      <Stack gap={6}>
        <Text size="sm" c="dimmed" fw={600}>
          {t('page.kicker')}
        </Text>
        <h1 className="heading-1">{t('page.title', { cycle: meta.cycle.name, scope: meta.scopeName })}</h1>
        <Facts meta={meta} />
      </Stack>
      <VersionBanner meta={meta} versions={versions} />
      {!meta.released && (
        <div className="pub-banner pub-banner-embargo" role="note" data-testid="embargo-banner">
          <span className="pub-banner-title">{t('page.embargo', { date: format.dateTime(meta.publicAt) })}</span>
          <Text size="sm">{t('page.embargo_body')}</Text>
        </div>
      )}
      <div className="pub-actions">
        <a className="pub-button" href={openDataHref(meta.id, 'csv')} download data-testid="download-csv">
          {t('page.download_csv')}
        </a>
        <a className="pub-button" href={openDataHref(meta.id, 'json')} download data-testid="download-json">
          {t('page.download_json')}
        </a>
        <Link className="pub-button" to="/penghargaan/$publicationId" params={{ publicationId: meta.id }} data-testid="awards-link">
          {t('page.awards')}
        </Link>
        {/* issue 18 */}
        <Link className="pub-button" to="/rekognisi/$publicationId" params={{ publicationId: meta.id }} data-testid="recognition-link">
          {t('page.recognition')}
        </Link>
      </div>
      <Text size="xs" c="dimmed" mt={-8}>
        {t('page.open_data_note')}
      </Text>
      <PublishedGovernments snapshot={snapshot} bands={bands} scopeName={meta.scopeName} />
      <Assumptions snapshot={snapshot} />
      <Verification meta={meta} />
      {versions.filter((v) => v.scope === meta.scope).length > 1 && (
        <section aria-labelledby="versions-heading">
          <h2 className="heading-4" id="versions-heading">
            {t('page.versions')}
          </h2>
          <ul className="pub-units pub-versions">
            {versions
              .filter((v) => v.scope === meta.scope)
              .sort((a, b) => b.version - a.version)
              .map((v) => (
                <li key={v.id}>
                  {v.id === meta.id ? (
                    <Text span size="sm" fw={700}>
                      {t('page.version_n', { version: v.version })}
                    </Text>
                  ) : (
                    <AnchorLink to="/publikasi/$publicationId" params={{ publicationId: v.id }} size="sm" fw={600}>
                      {t('page.version_n', { version: v.version })}
                    </AnchorLink>
                  )}
                  <StatusBadge status={v.status} />
                  <Text span size="sm" c="dimmed">
                    {format.date(v.publishedAt)}
                    {v.reason ? ` — ${v.reason}` : ''}
                  </Text>
                </li>
              ))}
          </ul>
        </section>
      )}
    </Stack>
  );
}
