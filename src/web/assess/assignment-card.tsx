/** One assigned unit in the list: status, due date, progress per instrument against the quotas, sheets on the device. */
import { Badge, Button, Card, Group, Progress, Skeleton, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Scheme } from '../../core/types.ts';
import type { Assignment } from '../../shared/wire/locus.ts';
import { unitWritable } from '../api/locus.ts';
import { useFormat } from '../lib/format.ts';
import type { UnitDownload } from '../lib/offline-db.ts';
import { ButtonLink } from '../ui/links.tsx';

export interface AssignmentCardProps {
  assignment: Assignment;
  scheme: Scheme | undefined;
  /** The scheme is still loading: instrument names show as placeholders, not as their codes. */
  schemePending?: boolean;
  local: { drafts: number; outbox: number; rejected: number } | undefined;
  today: string;
  /** issue 13: what of this unit is on the device for offline use (undefined: not downloaded). */
  download?: UnitDownload | undefined;
  /** Downloads this unit for offline use; absent where the list offers no download. */
  onDownload?: (() => void) | undefined;
  /** A download is running (this unit's or all). */
  downloading?: boolean;
  online?: boolean;
}

export function AssignmentCard({
  assignment: a,
  scheme,
  schemePending = false,
  local,
  today,
  download,
  onDownload,
  downloading = false,
  online = true,
}: AssignmentCardProps) {
  const { t } = useTranslation('assess');
  const format = useFormat();
  const writable = unitWritable(a.cycle.status, a.unit.status);
  const overdue = writable && a.unit.dueDate !== null && a.unit.dueDate < today;
  const title = (code: string) => scheme?.instruments.find((i) => i.code === code)?.title[format.lang] ?? code;
  const localText = [
    local?.outbox ? t('unit.quota.queued', { count: local.outbox, n: format.integer(local.outbox) }) : null,
    local?.drafts ? t('unit.quota.drafts', { count: local.drafts, n: format.integer(local.drafts) }) : null,
    local?.rejected ? t('sync.rejected_waiting', { count: local.rejected, n: format.integer(local.rejected) }) : null,
  ].filter(Boolean);
  const label = `${a.unit.name} · ${a.body.name}`;
  return (
    <Card withBorder padding="sm" component="article" aria-label={label} data-testid={`assignment-${a.unit.unitId}`}>
      <Stack gap={6}>
        <Stack gap={0}>
          <Text fw={650}>{a.unit.name}</Text>
          <Text size="sm" c="dimmed">
            {a.body.name}
          </Text>
        </Stack>
        <Group gap="xs" wrap="wrap" preventGrowOverflow={false}>
          <Badge
            c="var(--mantine-color-text)"
            variant="light"
            tt="none"
            color={a.unit.status === 'returned' ? 'orange' : a.unit.status === 'approved' ? 'green' : 'blue'}
          >
            {t(`unit_status.${a.unit.status}`)}
          </Badge>
        </Group>
        {a.unit.dueDate && (
          <Text size="sm" c={overdue ? 'red' : undefined} fw={overdue ? 600 : undefined}>
            {t(overdue ? 'assignments.overdue' : 'assignments.due', { date: format.date(a.unit.dueDate) })}
          </Text>
        )}
        <Progress
          value={a.unit.target ? (a.unit.done / a.unit.target) * 100 : 0}
          size="sm"
          color={a.unit.complete ? 'green' : 'blue'}
          aria-label={t('assignments.progress', { done: format.integer(a.unit.done), target: format.integer(a.unit.target) })}
        />
        <Stack gap={2} data-testid="assignment-quotas">
          {a.unit.instruments.map((i) => (
            <Group key={i.code} justify="space-between" gap="xs" wrap="nowrap" data-testid={`assignment-quota-${i.code}`}>
              {schemePending ? (
                <Skeleton height={12} width="60%" aria-hidden data-testid="instrument-title-pending" />
              ) : (
                <Text size="sm">{title(i.code)}</Text>
              )}
              <Text size="sm" fw={600} className="tabular" c={i.complete ? undefined : 'dimmed'}>
                {t('assignments.quota_count', { done: format.integer(i.done), target: format.integer(i.target) })}
              </Text>
            </Group>
          ))}
        </Stack>
        {localText.length > 0 && (
          <Text size="xs" c="dimmed">
            {t('assignments.on_device', { list: localText.join(' · ') })}
          </Text>
        )}
        <Text size="xs" c={download ? undefined : 'dimmed'} data-testid="offline-mark" data-ready={download ? 'yes' : 'no'}>
          {download
            ? t('offline.unit_ready', {
                when: format.dateTime(download.at),
                records: format.integer(download.records),
                evidence: format.integer(download.evidence),
              }) + (download.findings !== undefined ? t('offline.unit_findings', { count: download.findings }) : '')
            : t('offline.unit_missing')}
        </Text>
        <Group justify="flex-end" gap="xs">
          {onDownload && (
            <Button
              size="compact-sm"
              variant="default"
              onClick={onDownload}
              disabled={!online || downloading}
              aria-label={t('offline.download_label', { name: label })}
            >
              {t(download ? 'offline.download_again' : 'offline.download')}
            </Button>
          )}
          <ButtonLink
            to="/assignments/$cycleId/$unitId"
            params={{ cycleId: a.cycle.id, unitId: a.unit.unitId }}
            size="compact-sm"
            variant={writable ? 'filled' : 'default'}
            aria-label={t('assignments.open_label', { name: label })}
          >
            {t('assignments.open')}
          </ButtonLink>
        </Group>
      </Stack>
    </Card>
  );
}
