/**
 * PEKPPP home (issue 10): the PEKPPP cycles, and per cycle the units the caller works on — the
 * unit's operator and its koordinator fill F-01, the assigned evaluator verifies (F-02), and the
 * validating organisation's evaluator (KemenPANRB) validates mandiri cycles; the intro says which.
 */
import { Alert, Badge, Button, Card, Group, Stack, Text, TextInput, Title } from '@mantine/core';
import { useQueries } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CycleSummary as Cycle } from '../../shared/wire/cycles.ts';
import { useMe } from '../api/auth.ts';
import { useCycles } from '../api/cycles.ts';
import { getPekpppUnitsQueryOptions, usePekpppUnits } from '../api/pekppp.ts';
import { useValidateMandiri } from '../api/pekppp-writes.ts';
import { errorMessage } from '../lib/error-message.ts';
import { MandiriNote } from '../ui/mandiri-note.tsx';
import { organisationLabel } from '../ui/organisation-label.ts';
import { AnchorLink } from '../ui/links.tsx';

export function PekpppHomeScreen() {
  const { t } = useTranslation('pekppp');
  const me = useMe().data;
  const cycles = useCycles({ kind: 'official' });
  // A mandiri cycle stays listed once final: KemenPANRB validates it afterwards.
  const pekppp = (cycles.data ?? []).filter((c) => c.family === 'pekppp' && (c.status !== 'final' || !!c.mandiri));
  // issue 16 (the walk): cycles run, but none has a unit for the caller — say so rather than show an empty page.
  const unitLists = useQueries({ queries: pekppp.map((c) => getPekpppUnitsQueryOptions(c.id)) });
  const canValidate = (c: Cycle) => me?.role === 'admin' || (me?.role === 'evaluator' && me.bodyId !== c.mandiri?.organiser.id);
  const validates = pekppp.some((c) => canValidate(c) && c.mandiri);
  const verifies = unitLists.some((q) => q.isSuccess && q.data.length > 0);
  const nothingHere = pekppp.length > 0 && unitLists.every((q) => q.isSuccess && q.data.length === 0) && !validates;
  // What this evaluator does here: verify its units' F-01, validate mandiri cycles (KemenPANRB), or both.
  const intro =
    me?.role !== 'evaluator'
      ? t('home.introUnit')
      : validates
        ? verifies
          ? t('home.introEvaluatorValidator')
          : t('home.introValidator')
        : t('home.introEvaluator');
  return (
    <Stack gap="lg" maw={1100}>
      <Stack gap={4}>
        <Title order={1} size="h3">
          {t('home.title')}
        </Title>
        <Text maw={720} data-testid="pekppp-intro">
          {intro}
        </Text>
      </Stack>
      {cycles.isSuccess && pekppp.length === 0 ? <Alert>{t('home.none')}</Alert> : null}
      {nothingHere ? <Alert>{me?.role === 'evaluator' ? t('home.noneAssigned') : t('home.noneUnit')}</Alert> : null}
      {pekppp.map((c) => (
        <CycleUnits key={c.id} cycle={c} />
      ))}
    </Stack>
  );
}

function CycleUnits({ cycle }: { cycle: Cycle }) {
  const { t } = useTranslation('pekppp');
  const me = useMe().data;
  const units = usePekpppUnits(cycle.id);
  // The validating organisation's evaluators (not the organiser's own) and the admin; the server decides.
  const canValidate = me?.role === 'admin' || (me?.role === 'evaluator' && me.bodyId !== cycle.mandiri?.organiser.id);
  if (units.isSuccess && units.data.length === 0 && !(canValidate && cycle.mandiri)) return null;
  return (
    <Card withBorder padding="md">
      <Title order={2} size="h5" mb="sm">
        {cycle.name}
      </Title>
      <MandiriNote cycle={cycle} />
      {canValidate && cycle.mandiri ? <ValidationForm cycle={cycle} /> : null}
      {/* A list, not a table: on a phone the status would otherwise scroll out of sight. */}
      <Stack gap={0} component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }} aria-label={t('home.unit')}>
        {(units.data ?? []).map((u, k) => (
          <Stack
            key={u.unitId}
            component="li"
            gap={4}
            py="xs"
            style={k > 0 ? { borderTop: '1px solid var(--mantine-color-default-border)' } : undefined}
            data-testid="pekppp-unit-row"
          >
            <AnchorLink to="/pekppp/cycles/$cycleId/units/$unitId" params={{ cycleId: cycle.id, unitId: u.unitId }}>
              {u.unitName} · {u.bodyName}
            </AnchorLink>
            <Group gap={6}>
              <Badge variant="light">{t(`claimStatus.${u.claimStatus}`)}</Badge>
              {u.openClarifications > 0 ? (
                <Badge c="var(--mantine-color-text)" color="orange" variant="light" tt="none">
                  {t('home.clarifications', { n: u.openClarifications })}
                </Badge>
              ) : null}
              <Text size="sm" c="dimmed">
                {t(`unitStatus.${u.unitStatus}`)}
              </Text>
            </Group>
            <Text size="sm" c="dimmed">
              {u.evaluatorOrganisation
                ? t('evaluatedBy', { organisation: organisationLabel(t, u.evaluatorOrganisation) })
                : t('noEvaluatorOrganisation')}
            </Text>
          </Stack>
        ))}
      </Stack>
    </Card>
  );
}

/** KemenPANRB's evaluator validates a mandiri cycle, or returns it with a reason. */
function ValidationForm({ cycle }: { cycle: Cycle }) {
  const { t } = useTranslation('pekppp');
  const validate = useValidateMandiri(cycle.id);
  const [reason, setReason] = useState('');
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const run = (decision: 'validated' | 'returned') =>
    validate.mutate(decision === 'returned' ? { decision, reason } : { decision }, {
      onSuccess: () => {
        setReason('');
        setMessage({ ok: true, text: t(`mandiri.${decision}`) });
      },
      onError: (e) => setMessage({ ok: false, text: errorMessage(t, e) }),
    });
  return (
    <Stack gap="xs" my="sm" data-testid="mandiri-validation">
      <Group align="end" wrap="wrap">
        <Button size="sm" disabled={cycle.mandiri?.status === 'validated'} loading={validate.isPending} onClick={() => run('validated')}>
          {t('mandiri.validate')}
        </Button>
        <TextInput
          size="sm"
          label={t('mandiri.reason')}
          value={reason}
          onChange={(e) => setReason(e.currentTarget.value)}
          style={{ flex: '1 1 14rem' }}
        />
        <Button size="sm" variant="light" disabled={reason.trim() === ''} onClick={() => run('returned')}>
          {t('mandiri.return')}
        </Button>
      </Group>
      {message ? (
        <Text size="sm" role="status" c={message.ok ? undefined : 'red.8'}>
          {message.text}
        </Text>
      ) : null}
    </Stack>
  );
}
