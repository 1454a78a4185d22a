/**
 * The decision on a handed-in unit: approve (optional note) or return with the comments written
 * per indicator (and/or a note). After approval it shows the body's result as it now stands —
 * final when every unit of the body is approved — with its ranks.
 */
import { useState } from 'react';
import { Alert, Button, Card, Group, Stack, Text, Textarea, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { UnitStatus } from '../../shared/wire/locus.ts';
import { useApproveUnit, useReturnUnit } from '../api/review-writes.ts';
import { useLeadReturn, useLeadReview } from '../api/visits-writes.ts';
import { useBodyResult } from '../api/scores.ts';
import { errorMessage } from '../lib/error-message.ts';
import { useFormat } from '../lib/format.ts';
import { BandChip } from '../ui/band-chip.tsx';
import { ScoreValue } from '../ui/score-value.tsx';

export interface ReviewDecisionProps {
  ids: { cycleId: string; unitId: string; bodyId: string };
  bodyName: string;
  /** Top of the result scale ("dari 100"). */
  max: number;
  status: UnitStatus;
  complete: boolean;
  comments: Record<string, string>;
  /** Issue 13 §6: the team lead's decision — pass the unit on to the pimpinan, or return it (per indicator). */
  lead?: boolean;
}

function BodyResultCard({ cycleId, bodyId, bodyName, max }: { cycleId: string; bodyId: string; bodyName: string; max: number }) {
  const { t } = useTranslation('review');
  const format = useFormat();
  const body = useBodyResult(cycleId, bodyId);
  if (!body.data?.result) return null;
  const { result, ranks, status } = body.data;
  const rank = (r: typeof ranks.province, key: string) => (r ? t(key, { rank: format.integer(r.rank), of: format.integer(r.of) }) : null);
  return (
    <Alert
      color={status === 'final' ? 'green' : 'blue'}
      title={t(status === 'final' ? 'decision.body_final' : 'decision.body_open', { name: bodyName })}
      data-testid="body-result"
    >
      <Stack gap={6}>
        <Group gap="sm">
          <ScoreValue value={result.score} max={max} incomplete={!result.complete} fz={28} fw={700} data-testid="body-score" />
          <BandChip band={result.band} />
        </Group>
        <Text size="sm">
          {[rank(ranks.province, 'decision.rank_province'), rank(ranks.nationalType, 'decision.rank_national')].filter(Boolean).join(' · ')}
        </Text>
      </Stack>
    </Alert>
  );
}

export function ReviewDecision({ ids, bodyName, max, status, complete, comments, lead = false }: ReviewDecisionProps) {
  const { t } = useTranslation('review');
  const [note, setNote] = useState('');
  const headApprove = useApproveUnit(ids.cycleId, ids.unitId);
  const headReturn = useReturnUnit(ids.cycleId, ids.unitId);
  const leadPass = useLeadReview(ids.cycleId, ids.unitId);
  const leadReturn = useLeadReturn(ids.cycleId, ids.unitId);
  const approve = lead ? leadPass : headApprove;
  const ret = lead ? leadReturn : headReturn;
  const filled = Object.fromEntries(
    Object.entries(comments)
      .filter(([, v]) => v.trim() !== '')
      .map(([k, v]) => [k, v.trim()]),
  );
  const nComments = Object.keys(filled).length;
  const error = approve.error ?? ret.error;
  const canDecide = lead ? status === 'submitted' : status === 'submitted' || status === 'reviewed';
  return (
    <Card withBorder padding="md" component="section" aria-labelledby="decision-title">
      <Stack gap="sm">
        <Title order={2} size="h4" id="decision-title">
          {t('decision.title')}
        </Title>
        {status === 'approved' && <BodyResultCard cycleId={ids.cycleId} bodyId={ids.bodyId} bodyName={bodyName} max={max} />}
        {status === 'returned' && <Alert color="orange">{t('decision.returned')}</Alert>}
        {status === 'pending' && <Text size="sm">{t('decision.pending')}</Text>}
        {lead && status === 'reviewed' && <Alert color="green">{t('decision.lead_passed')}</Alert>}
        {(canDecide || (!lead && status === 'approved')) && (
          <>
            {canDecide && !complete && (
              <Alert color="yellow" p="xs">
                {t('decision.incomplete')}
              </Alert>
            )}
            <Textarea label={t('decision.note')} autosize minRows={2} value={note} onChange={(e) => setNote(e.currentTarget.value)} />
            <Text size="sm">{t('decision.comments', { count: nComments, n: nComments })}</Text>
            {error && (
              <Alert color="red" role="alert" p="xs">
                {errorMessage(t, error)}
              </Alert>
            )}
            <Group gap="sm">
              {canDecide && (
                <Button loading={approve.isPending} disabled={!complete} onClick={() => approve.mutate(note.trim() || null)}>
                  {lead ? t('decision.lead_pass') : t('decision.approve')}
                </Button>
              )}
              <Button
                variant="default"
                loading={ret.isPending}
                disabled={nComments === 0 && note.trim() === ''}
                onClick={() => ret.mutate({ note: note.trim() || null, comments: filled })}
              >
                {t('decision.return')}
              </Button>
            </Group>
          </>
        )}
      </Stack>
    </Card>
  );
}
