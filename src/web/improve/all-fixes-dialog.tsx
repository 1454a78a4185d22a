/**
 * "Rencanakan semua perbaikan": the koordinator turns every fix of a target plan into a follow-up
 * action at once — one person in charge and one due date for all (each can be edited later). A
 * fix with a finding becomes that finding's action, one without a manual action on the indicator.
 * Sent one by one (`POST /units/:unitId/actions`); a refusal stops and says which fix failed,
 * translated; the actions already planned stay (each is its own audited write).
 */
import { useState } from 'react';
import { Alert, Button, Group, Modal, Progress, Stack, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import type { ActionIn } from '../../shared/wire/actions.ts';
import type { TargetPlan, TargetPlanFix } from '../../shared/wire/scores.ts';
import { usePlanAction } from '../api/actions-writes.ts';
import { errorMessage } from '../lib/error-message.ts';
import { useFormat, useZone } from '../lib/format.ts';
import { dateAhead } from './plan-action-dialog.tsx';

/** The action planned for one fix. */
export function fixAction(plan: Pick<TargetPlan, 'cycle'>, f: TargetPlanFix, title: string, person: string, due: string): ActionIn {
  return {
    sourceKind: f.findingId ? 'finding' : 'manual',
    ...(f.findingId ? { findingId: f.findingId } : {}),
    cycleId: plan.cycle.id,
    indicator: f.indicator,
    targetLevel: f.to,
    title: title.slice(0, 300),
    personInCharge: person,
    dueDate: due,
  };
}

export function AllFixesDialog({ plan, opened, onClose }: { plan: TargetPlan; opened: boolean; onClose: () => void }) {
  const { t } = useTranslation('improve');
  return (
    <Modal opened={opened} onClose={onClose} title={t('target.all.title', { count: plan.fixes.length })} size="lg">
      {opened && <AllFixesForm plan={plan} onClose={onClose} />}
    </Modal>
  );
}

function AllFixesForm({ plan, onClose }: { plan: TargetPlan; onClose: () => void }) {
  const { t } = useTranslation('improve');
  const format = useFormat();
  const zone = useZone();
  const create = usePlanAction();
  const [person, setPerson] = useState('');
  const [due, setDue] = useState(() => dateAhead(90, zone));
  const [tried, setTried] = useState(false);
  const [done, setDone] = useState(0);
  const [running, setRunning] = useState(false);
  const [failure, setFailure] = useState<{ fix: TargetPlanFix; error: unknown } | null>(null);
  const missing = (v: string) => (tried && !v.trim() ? t('plan.required') : null);
  const total = plan.fixes.length;

  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    setTried(true);
    if (!person.trim() || !due) return;
    setRunning(true);
    setFailure(null);
    // Resumes after a refusal: the fixes already planned are not planned twice.
    for (let i = done; i < total; i++) {
      const f = plan.fixes[i]!;
      const title = t('plan.default_title', { level: f.to, indicator: f.indicator, text: f.text[format.lang] });
      try {
        await create.mutateAsync({ unitId: f.unit.id, input: fixAction(plan, f, title, person.trim(), due) });
        setDone(i + 1);
      } catch (error) {
        setFailure({ fix: f, error });
        setRunning(false);
        return;
      }
    }
    setRunning(false);
    notifications.show({ color: 'teal', message: t('target.all.saved', { count: total }) });
    onClose();
  };

  return (
    <form onSubmit={(e) => void submit(e)} noValidate>
      <Stack gap="sm">
        <Text size="sm">{t('target.all.intro', { count: total })}</Text>
        <TextInput
          label={t('plan.person')}
          description={t('plan.person_hint')}
          required
          maxLength={200}
          value={person}
          onChange={(e) => setPerson(e.currentTarget.value)}
          error={missing(person)}
          disabled={running}
        />
        <TextInput
          type="date"
          label={t('plan.due')}
          required
          value={due}
          onChange={(e) => setDue(e.currentTarget.value)}
          error={missing(due)}
          disabled={running}
          maw={220}
        />
        {(running || done > 0) && (
          <Stack gap={4}>
            <Progress value={(done / total) * 100} aria-label={t('target.all.progress', { done, total })} />
            <Text size="sm" role="status">
              {t('target.all.progress', { done, total })}
            </Text>
          </Stack>
        )}
        {failure && (
          <Alert color="red" role="alert">
            {t('target.all.failed', { indicator: failure.fix.indicator, unit: failure.fix.unit.name })} {errorMessage(t, failure.error)}
          </Alert>
        )}
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onClose} disabled={running}>
            {t('plan.cancel')}
          </Button>
          <Button type="submit" loading={running}>
            {done > 0 ? t('target.all.resume') : t('target.all.submit', { count: total })}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
