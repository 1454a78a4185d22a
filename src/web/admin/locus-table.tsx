/**
 * The locus, body by body: each unit's status, records against quotas, assessor and due date,
 * with assignment (per unit or for all units of a body) and removal while the locus is open.
 */
import { useState } from 'react';
import { Badge, Button, Group, Modal, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { BodyProgress } from '../../shared/wire/locus.ts';
import type { CycleDetail } from '../../shared/wire/cycles.ts';
import { useAssign, useRemoveLocus } from '../api/locus-writes.ts';
import { useProgressPage } from '../api/locus.ts';
import { useFormat } from '../lib/format.ts';
import { AssignmentForm } from './assignment-form.tsx';
import { ConfirmAction } from './confirm-action.tsx';
import { EvaluatorOrganisation } from './evaluator-organisation.tsx';
import { LocusUnits } from './locus-units.tsx';
import { Pager } from './pager.tsx';
import { QueryStatus } from './query-status.tsx';

const PAGE_SIZE = 10;

export interface AssignTarget {
  body: BodyProgress;
  unitIds: string[];
  /** Shown in the modal title: one unit's name or the body's. */
  label: string;
  assessorId: string | null;
  dueDate: string | null;
}

export function LocusTable({ cycle, editable }: { cycle: CycleDetail; editable: boolean }) {
  const { t } = useTranslation('admin');
  const format = useFormat();
  const [page, setPage] = useState(1);
  const [assigning, setAssigning] = useState<AssignTarget | null>(null);
  const progress = useProgressPage(cycle.id, { page, pageSize: PAGE_SIZE });
  const remove = useRemoveLocus(cycle.id);
  const assign = useAssign(cycle.id);
  // Assessors may still be (re)assigned while records come in, until review.
  const assignable = cycle.source !== 'imported' && cycle.status !== 'final';

  return (
    <Stack gap="sm" component="section" aria-labelledby="locus-title">
      <Title order={2} size="h4" id="locus-title">
        {t('locus.title')}
      </Title>
      <QueryStatus query={progress} />
      {progress.data?.items.length === 0 && <Text c="dimmed">{t('locus.empty')}</Text>}
      {progress.data?.items.map((b) => (
        <Paper key={b.bodyId} withBorder p={{ base: 'sm', sm: 'md' }} component="article" aria-label={b.name}>
          <Stack gap="xs">
            <Group justify="space-between" align="flex-start" gap="xs">
              <Stack gap={0}>
                <Title order={3} size="h5">
                  {b.name}
                </Title>
                <Text size="xs" c="dimmed" className="tabular">
                  {b.code} ·{' '}
                  {t('locus.body_progress', {
                    done: format.integer(b.done),
                    target: format.integer(b.target),
                    approved: format.integer(b.unitsApproved),
                    units: format.integer(b.units.length),
                  })}
                </Text>
              </Stack>
              <Group gap="xs">
                {b.status === 'final' && (
                  <Badge variant="dot" color="teal" tt="none">
                    {t('locus.body_final')}
                  </Badge>
                )}
                {assignable && b.units.length > 0 && (
                  <Button
                    size="xs"
                    variant="light"
                    onClick={() =>
                      setAssigning({ body: b, unitIds: b.units.map((u) => u.unitId), label: b.name, assessorId: null, dueDate: null })
                    }
                  >
                    {t('locus.assign_all')}
                  </Button>
                )}
                {editable && (
                  <ConfirmAction
                    label={t('locus.remove_body')}
                    ariaLabel={t('locus.remove_named', { name: b.name })}
                    title={t('locus.remove_body_confirm.title', { name: b.name })}
                    body={t('locus.remove_body_confirm.body')}
                    confirmLabel={t('locus.remove_body')}
                    color="red"
                    onConfirm={() => remove.mutateAsync({ bodyId: b.bodyId })}
                  />
                )}
              </Group>
            </Group>
            {cycle.family === 'pekppp' && (
              <EvaluatorOrganisation cycleId={cycle.id} bodyId={b.bodyId} bodyName={b.name} editable={editable} />
            )}
            <LocusUnits
              body={b}
              editable={editable}
              assignable={assignable}
              onAssign={(u) =>
                setAssigning({ body: b, unitIds: [u.unitId], label: u.name, assessorId: u.assessor?.id ?? null, dueDate: u.dueDate })
              }
              onRemove={(unitId) => remove.mutateAsync({ unitId })}
            />
          </Stack>
        </Paper>
      ))}
      {progress.data && <Pager page={page} pageSize={PAGE_SIZE} total={progress.data.total} onChange={setPage} label={t('locus.pager')} />}
      <Modal
        opened={assigning !== null}
        onClose={() => setAssigning(null)}
        title={t('assign.title', { name: assigning?.label ?? '' })}
        centered
      >
        {assigning && (
          <AssignmentForm
            provinceCode={assigning.body.provinceCode}
            initial={{ assessorId: assigning.assessorId, dueDate: assigning.dueDate }}
            units={assigning.unitIds.length}
            onCancel={() => setAssigning(null)}
            onSubmit={async (v) => {
              await assign.mutateAsync({ unitIds: assigning.unitIds, ...v });
              setAssigning(null);
            }}
          />
        )}
      </Modal>
    </Stack>
  );
}
