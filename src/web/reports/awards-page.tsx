/**
 * The awards of one publication (`/penghargaan/$publicationId`, public once released): one list
 * per award kind (every "Kualitas Tertinggi", the top three of each province, the most
 * improved), each awardee with score, band, verification code and its certificate download.
 */
import { Stack, Text, Title } from '@mantine/core';
import { useParams } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { AwardItem, AwardKind, Awards } from '../../shared/wire/awards.ts';
import { AWARD_KINDS } from '../../shared/wire/enums.ts';
import { piagamUrl, useAwards } from '../api/awards.ts';
import { toLang, useFormat } from '../lib/format.ts';
import { AnchorLink } from '../ui/anchor-link.tsx';
import { BandChip } from '../ui/band-chip.tsx';
import { PageLoader } from '../ui/page-loader.tsx';
import './reports.css';

function AwardTable({ kind, items }: { kind: AwardKind; items: AwardItem[] }) {
  const { t, i18n } = useTranslation('reports');
  const format = useFormat();
  const lang = toLang(i18n.language);
  if (items.length === 0) return <Text c="dimmed">{t('awards.empty')}</Text>;
  const ranked = kind !== 'kualitas-tertinggi';
  return (
    <div className="rep-table-wrap">
      <table className="rep-table stack-table" data-testid={`awards-${kind}`}>
        <thead>
          <tr>
            {ranked ? <th className="num">{t('awards.col.rank')}</th> : null}
            <th>{t('awards.col.body')}</th>
            {kind === 'top-province' ? <th>{t('awards.col.province')}</th> : null}
            <th className="num">{t('awards.col.score')}</th>
            {kind === 'most-improved' ? <th className="num">{t('awards.col.delta')}</th> : null}
            <th>{t('awards.col.code')}</th>
            <th>{t('awards.col.piagam')}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((a) => (
            <tr key={a.code}>
              {ranked ? (
                <td className="num" data-label={t('awards.col.rank')}>
                  {a.rank ?? '—'}
                </td>
              ) : null}
              <td>
                <AnchorLink to="/governments/$bodyId" params={{ bodyId: a.body.id }}>
                  {a.body.name}
                </AnchorLink>
                <div>
                  <BandChip band={a.band} size="xs" />
                </div>
              </td>
              {kind === 'top-province' ? <td data-label={t('awards.col.province')}>{a.provinceName ?? '—'}</td> : null}
              <td className="num" data-label={t('awards.col.score')}>
                {format.score(a.score)}
              </td>
              {kind === 'most-improved' ? (
                <td className="num" data-label={t('awards.col.delta')}>
                  {a.delta === null ? '—' : `+${format.score(a.delta)}`}
                </td>
              ) : null}
              <td data-label={t('awards.col.code')}>
                <AnchorLink to="/verifikasi/$code" params={{ code: a.code }} className="rep-code">
                  {a.code}
                </AnchorLink>
              </td>
              <td data-label={t('awards.col.piagam')}>
                <a href={piagamUrl(a.piagamUrl, lang)} aria-label={t('awards.download_label', { body: a.body.name })} download>
                  {t('awards.download')}
                </a>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function AwardsContent({ data }: { data: Awards }) {
  const { t } = useTranslation('reports');
  const p = data.publication;
  const note = (kind: AwardKind): string =>
    kind === 'kualitas-tertinggi'
      ? t('awards.kind.kualitas-tertinggi.note', { band: `${data.topBand.code} · ${data.topBand.label.id}` })
      : kind === 'top-province'
        ? t('awards.kind.top-province.note', { n: data.rules.topProvinceRank })
        : t('awards.kind.most-improved.note', { n: data.rules.mostImprovedTopN });
  return (
    <Stack gap="lg">
      <div>
        <Title order={1}>{t('awards.title')}</Title>
        <Text>{t('awards.subtitle', { cycle: p.cycle.name, scope: p.scopeName, version: p.version })}</Text>
        <AnchorLink to="/publikasi/$publicationId" params={{ publicationId: p.id }}>
          {t('awards.back')}
        </AnchorLink>
      </div>
      {p.status === 'superseded' ? <p className="rep-note">{t('awards.superseded')}</p> : null}
      {AWARD_KINDS.map((kind) => (
        <section key={kind} aria-labelledby={`awards-h-${kind}`}>
          <Title order={2} id={`awards-h-${kind}`} size="h3">
            {t(`awards.kind.${kind}`)}
          </Title>
          <Text size="sm" c="dimmed" mb="xs">
            {note(kind)}
          </Text>
          <AwardTable kind={kind} items={data.items.filter((i) => i.kind === kind)} />
        </section>
      ))}
      <Text size="sm" c="dimmed">
        {data.rules.assumption}
      </Text>
    </Stack>
  );
}

export function AwardsPage() {
  const { t } = useTranslation('reports');
  const { publicationId } = useParams({ from: '/penghargaan/$publicationId' });
  const query = useAwards(publicationId);
  return (
    <Stack p="md" maw={1100}>
      {query.isPending ? (
        <PageLoader />
      ) : query.isError ? (
        <Text role="alert">{t('awards.not_found')}</Text>
      ) : (
        <AwardsContent data={query.data} />
      )}
    </Stack>
  );
}
