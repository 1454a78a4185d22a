/**
 * Ranking rows two ways: an accessible table (caption, column headers with scope, the
 * government's name as the row header) from the `sm` breakpoint, and an ordered list of cards
 * below it (360 px phones). CSS shows one of the two (public.css `.lb-*`).
 */
import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { RankingRow } from '../../shared/wire/scores.ts';
import { useFormat } from '../lib/format.ts';
import { BandChip } from '../ui/band-chip.tsx';
import { AnchorLink } from '../ui/anchor-link.tsx';
import { RankMovement } from '../ui/rank-movement.tsx';
import { shortBodyName } from './leaderboard-model.ts';

interface RowsProps {
  cycleId: string;
  caption: string;
  rows: RankingRow[];
  /** The scheme's words for the score and the band ("IPP", "Predikat"); absent: the generic ones. */
  words?: { score: string; band: string };
}

function GovernmentLink({ row, cycleId, short = false }: { row: RankingRow; cycleId: string; short?: boolean }) {
  return (
    <AnchorLink to="/governments/$bodyId" params={{ bodyId: row.body.id }} search={{ cycle: cycleId }} fw={600}>
      {short ? shortBodyName(row.body.name) : row.body.name}
    </AnchorLink>
  );
}

export function LeaderboardTable({
  cycleId,
  caption,
  rows,
  provinceNames,
  words,
}: RowsProps & { provinceNames: Map<string, string> | null }) {
  const { t } = useTranslation('public');
  const format = useFormat();
  const withProvince = provinceNames !== null && rows.some((r) => r.body.provinceCode);
  return (
    <div className="lb-table-wrap">
      <table className="data-table striped lb-table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col" className="num">
              {t('table.rank')}
            </th>
            <th scope="col">{t('table.movement')}</th>
            <th scope="col">{t('table.government')}</th>
            {withProvince && <th scope="col">{t('table.province')}</th>}
            <th scope="col" className="num">
              {words?.score ?? t('table.score')}
            </th>
            <th scope="col">{words?.band ?? t('table.band')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.body.id + (row.unit?.id ?? '')} data-body-code={row.body.code}>
              <td className="num">{row.rank}</td>
              <td>
                <RankMovement place={row} />
              </td>
              <th scope="row">
                <GovernmentLink row={row} cycleId={cycleId} />
              </th>
              {withProvince && <td>{row.body.provinceCode ? provinceNames.get(row.body.provinceCode) : '—'}</td>}
              <td className="num" data-testid="ranking-score">
                {format.score(row.score)}
              </td>
              <td>
                <BandChip band={row.band} size="md" />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function LeaderboardCards({ cycleId, caption, rows }: RowsProps) {
  const { t } = useTranslation('public');
  const format = useFormat();
  return (
    <div className="lb-cards">
      <Text id={`lb-cards-${cycleId}`} size="sm" fw={600} mb="xs">
        {caption}
      </Text>
      <ol aria-labelledby={`lb-cards-${cycleId}`}>
        {rows.map((row) => (
          <li key={row.body.id + (row.unit?.id ?? '')} className="lb-card">
            <div className="lb-card-rank">
              <span className="visually-hidden">{t('table.rank')} </span>
              {row.rank}
            </div>
            <div className="lb-card-body">
              <GovernmentLink row={row} cycleId={cycleId} short />
              <div className="lb-card-meta">
                <span className="tabular lb-card-score">{format.score(row.score)}</span>
                <RankMovement place={row} />
              </div>
              <BandChip band={row.band} size="sm" />
            </div>
          </li>
        ))}
      </ol>
    </div>
  );
}
