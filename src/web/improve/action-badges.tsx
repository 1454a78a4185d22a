/**
 * Status and timing of a follow-up action as badges, in the UI language. The status is a tint in its
 * colour with the body text colour (the light variant's coloured text fails WCAG AA); on-track
 * timing is a plain badge, only the timings that call for attention are coloured.
 */
import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Action, ActionStatus, ActionTiming } from '../../shared/wire/actions.ts';

export const STATUS_COLOR: Record<ActionStatus, string> = { planned: 'gray', in_progress: 'blue', done: 'orange', verified: 'teal' };
export const TIMING_COLOR: Record<ActionTiming, string> = { on_track: 'green', due_soon: 'yellow', overdue: 'red', closed: 'gray' };

export function StatusBadge({ status }: { status: ActionStatus }) {
  const { t } = useTranslation('improve');
  return (
    <Badge variant="light" color={STATUS_COLOR[status]} c="var(--mantine-color-text)" tt="none" data-status={status}>
      {t(`status.${status}`)}
    </Badge>
  );
}

/** "Lewat tenggat · Terlambat 3 hari", "Sisa 5 hari"; closed actions show no timing. */
export function TimingBadge({ action }: { action: Pick<Action, 'timing' | 'daysLeft'> }) {
  const { t } = useTranslation('improve');
  if (action.timing === 'closed') return null;
  const days =
    action.daysLeft < 0
      ? t('days.late', { count: -action.daysLeft })
      : action.daysLeft === 0
        ? t('days.today')
        : t('days.left', { count: action.daysLeft });
  return (
    <Badge
      variant={action.timing === 'on_track' ? 'default' : 'filled'}
      color={action.timing === 'on_track' ? undefined : TIMING_COLOR[action.timing]}
      tt="none"
      autoContrast
      data-timing={action.timing}
    >
      {action.timing === 'on_track' ? days : `${t(`timing.${action.timing}`)} · ${days}`}
    </Badge>
  );
}
