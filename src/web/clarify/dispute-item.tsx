/**
 * One dispute as both sides read it: unit and indicator, the statement, evidence links, the
 * status, and — once decided — who decided, the reason or note and the change it made.
 */
import type { ReactNode } from 'react';
import { Anchor, Badge, Group, Paper, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Dispute, DisputeStatus } from '../../shared/wire/clarifications.ts';
import { disputeEvidenceHref } from '../api/clarifications.ts';
import { useFormat } from '../lib/format.ts';

const COLORS: Record<DisputeStatus, string> = { open: 'yellow', accepted: 'green', rejected: 'red', closed: 'gray' };

export function DisputeStatusBadge({ status }: { status: DisputeStatus }) {
  const { t } = useTranslation('clarify');
  return (
    <Badge color={COLORS[status]} variant="light" tt="none" data-testid="dispute-status">
      {t(`status.${status}`)}
    </Badge>
  );
}

export function DisputeItem({ dispute, showBody = false, children }: { dispute: Dispute; showBody?: boolean; children?: ReactNode }) {
  const { t } = useTranslation('clarify');
  const format = useFormat();
  const d = dispute;
  const value = (v: number | null) => (v === null ? t('value.missing') : format.decimal(v, 2));
  return (
    <Paper withBorder p="md" component="article" aria-labelledby={`dispute-${d.id}`} data-testid="dispute-item" data-status={d.status}>
      <Stack gap="xs">
        <Group justify="space-between" gap="xs" wrap="wrap">
          <Text fw={600} id={`dispute-${d.id}`}>
            {showBody ? `${d.bodyName} · ` : ''}
            {d.unitName} — <span className="tabular">{d.indicator.code}</span> {d.indicator.text[format.lang]}
          </Text>
          <DisputeStatusBadge status={d.status} />
        </Group>
        <Text size="xs" c="dimmed">
          {t('dispute.filed', { who: d.createdBy ?? '—', date: format.dateTime(d.createdAt) })}
        </Text>
        <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
          {d.statement}
        </Text>
        {d.evidence.length > 0 ? (
          <Group gap="xs" wrap="wrap">
            <Text size="sm" c="dimmed">
              {t('dispute.evidence')}:
            </Text>
            {d.evidence.map((e) => (
              <Anchor
                key={e.sha256}
                href={disputeEvidenceHref(d.id, e.sha256)}
                size="sm"
                target="_blank"
                rel="noopener"
                style={{ overflowWrap: 'anywhere' }}
              >
                {e.filename}
              </Anchor>
            ))}
          </Group>
        ) : (
          <Text size="sm" c="dimmed">
            {t('dispute.no_evidence')}
          </Text>
        )}
        <Text size="sm">{t('dispute.current', { value: value(d.current.value), max: format.integer(d.indicator.max) })}</Text>
        {d.status !== 'open' && (
          <Stack gap={2} data-testid="dispute-decision">
            <Text size="sm" fw={500}>
              {t(`decision.${d.status}`, { who: d.resolvedBy ?? '—', date: d.resolvedAt ? format.dateTime(d.resolvedAt) : '—' })}
            </Text>
            {d.resolution && (
              <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
                {d.status === 'rejected' ? t('decision.reason', { reason: d.resolution }) : t('decision.note', { note: d.resolution })}
              </Text>
            )}
            {d.change && (
              <Text size="sm" className="tabular">
                {t('decision.change', {
                  from: value(d.change.before.value),
                  to: value(d.change.after.value),
                  unitFrom: d.change.before.unitScore === null ? '—' : format.score(d.change.before.unitScore),
                  unitTo: d.change.after.unitScore === null ? '—' : format.score(d.change.after.unitScore),
                })}
              </Text>
            )}
          </Stack>
        )}
        {children}
      </Stack>
    </Paper>
  );
}
