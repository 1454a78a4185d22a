/**
 * Issue 12 §4: the koordinator's own pre-assessment ("Pra-penilaian internal"). It creates an
 * internal cycle with the Ombudsman instrument on units of its government, assigns its own
 * internal assessors (`penilai`), opens fieldwork, and opens each unit's comparison with the last
 * official result. Never public: the server keeps it inside the government.
 */
import { Alert, Badge, Button, Checkbox, Group, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CycleSummary } from '../../shared/wire/cycles.ts';
import { useMe } from '../api/auth.ts';
import { useTransitionCycle } from '../api/cycles-writes.ts';
import { useCreateInternalCycle, useInternalAssessors, useInternalCycles } from '../api/internal.ts';
import { useProgress } from '../api/locus.ts';
import { useAssign } from '../api/locus-writes.ts';
import { useUnits } from '../api/registry.ts';
import { errorMessage } from '../lib/error-message.ts';
import { useFormat } from '../lib/format.ts';
import { getSchemesQueryOptions } from '../lib/schemes.ts';
import { AnchorLink } from '../ui/links.tsx';
import { PanelBoundary } from '../ui/panel-boundary.tsx';

export function PreAssessmentScreen() {
  const { t } = useTranslation('pemda');
  const user = useMe().data;
  const cycles = useInternalCycles();
  const [openId, setOpenId] = useState<string | null>(null);
  if (!user?.bodyId) return null;
  const list = cycles.data ?? [];
  const current = list.find((c) => c.id === openId) ?? list[0];
  return (
    <Stack gap="lg" maw={1100}>
      <Title order={1} size="h2">
        {t('internal.title')}
      </Title>
      <Text maw={760}>{t('internal.intro')}</Text>
      <Alert color="blue" variant="light" title={t('internal.private_title')}>
        {t('internal.private_body')}
      </Alert>
      {list.length > 0 && (
        <Select
          label={t('internal.pick')}
          data={list.map((c) => ({ value: c.id, label: `${c.name} (${c.year})` }))}
          value={current?.id ?? null}
          onChange={setOpenId}
          allowDeselect={false}
          maw={480}
        />
      )}
      {current && (
        <PanelBoundary>
          <InternalCyclePanel cycle={current} />
        </PanelBoundary>
      )}
      <PanelBoundary>
        <CreateInternal bodyId={user.bodyId} onCreated={setOpenId} />
      </PanelBoundary>
    </Stack>
  );
}

function InternalCyclePanel({ cycle }: { cycle: CycleSummary }) {
  const { t } = useTranslation('pemda');
  const progress = useProgress(cycle.id);
  const assessors = useInternalAssessors();
  const assign = useAssign(cycle.id);
  const transition = useTransitionCycle(cycle.id);
  const units = progress.data?.bodies.flatMap((b) => b.units) ?? [];
  const options = (assessors.data?.items ?? []).map((a) => ({ value: a.id, label: a.name }));
  return (
    <Stack gap="sm" component="section" aria-labelledby="internal-cycle-title">
      <Group justify="space-between" wrap="wrap">
        <Title order={2} size="h4" id="internal-cycle-title">
          {cycle.name}
        </Title>
        <Badge variant="light" color="gray">
          {t(`internal.status.${cycle.status}`)}
        </Badge>
      </Group>
      {cycle.status === 'planning' && (
        <Group>
          <Button onClick={() => transition.mutate('fieldwork')} loading={transition.isPending}>
            {t('internal.open_fieldwork')}
          </Button>
        </Group>
      )}
      {transition.error && <Alert color="red">{errorMessage(t, transition.error)}</Alert>}
      {assign.error && <Alert color="red">{errorMessage(t, assign.error)}</Alert>}
      {options.length === 0 && <Text c="dimmed">{t('internal.no_assessors')}</Text>}
      {/* The walk: at 360 px the assessor select pushed the table 28 px sideways; rows stack (global .stack-table). */}
      <Table.ScrollContainer minWidth={0}>
        <Table striped className="stack-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('internal.unit')}</Table.Th>
              <Table.Th scope="col">{t('internal.assessor')}</Table.Th>
              <Table.Th scope="col">{t('internal.sheets')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {units.map((u) => (
              <Table.Tr key={u.unitId}>
                <Table.Td>
                  <Stack gap={2}>
                    <Text size="sm" fw={500}>
                      {u.name}
                    </Text>
                    <AnchorLink to="/pemda/pra-penilaian/$cycleId/$unitId" params={{ cycleId: cycle.id, unitId: u.unitId }} size="sm">
                      {t('internal.compare')}
                    </AnchorLink>
                  </Stack>
                </Table.Td>
                <Table.Td data-label={t('internal.assessor')}>
                  <Select
                    aria-label={t('internal.assessor_of', { unit: u.name })}
                    data={options}
                    value={u.assessor?.id ?? null}
                    placeholder={t('internal.assessor_none')}
                    disabled={cycle.status === 'final' || assign.isPending}
                    onChange={(v) => v && assign.mutate({ unitIds: [u.unitId], assessorId: v })}
                    allowDeselect={false}
                    miw={140}
                  />
                </Table.Td>
                <Table.Td data-label={t('internal.sheets')}>
                  <Text size="sm">{t('internal.progress', { done: u.done, target: u.target })}</Text>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Stack>
  );
}

function CreateInternal({ bodyId, onCreated }: { bodyId: string; onCreated: (id: string) => void }) {
  const { t } = useTranslation('pemda');
  const { lang } = useFormat();
  const schemes = useQuery(getSchemesQueryOptions());
  const units = useUnits(bodyId, { page: 1, pageSize: 200, active: 'true' });
  const create = useCreateInternalCycle();
  const ombudsman = (schemes.data ?? []).filter((s) => s.family === 'ombudsman');
  const newest = ombudsman.at(-1);
  const [schemeId, setSchemeId] = useState<string | null>(null);
  const [name, setName] = useState('');
  const [picked, setPicked] = useState<string[]>([]);
  const chosen = ombudsman.find((s) => s.id === schemeId) ?? newest;
  const year = chosen ? Number(/\d{4}/.exec(chosen.id)?.[0] ?? new Date().getFullYear()) : new Date().getFullYear();
  const submit = () => {
    if (!chosen) return;
    create.mutate(
      { name: name.trim() || t('internal.default_name', { year }), year, schemeId: chosen.id, unitIds: picked },
      {
        onSuccess: (c) => {
          setPicked([]);
          setName('');
          onCreated(c.id);
        },
      },
    );
  };
  return (
    <Stack gap="sm" component="section" aria-labelledby="internal-new-title">
      <Title order={2} size="h4" id="internal-new-title">
        {t('internal.new_title')}
      </Title>
      <Select
        label={t('internal.scheme')}
        data={ombudsman.map((s) => ({ value: s.id, label: s.title[lang] }))}
        value={chosen?.id ?? null}
        onChange={setSchemeId}
        allowDeselect={false}
        maw={560}
      />
      <TextInput
        label={t('internal.name')}
        placeholder={t('internal.default_name', { year })}
        value={name}
        onChange={(e) => setName(e.currentTarget.value)}
        maw={480}
      />
      <Checkbox.Group label={t('internal.units')} value={picked} onChange={setPicked}>
        <Stack gap={6} mt={6}>
          {(units.data?.items ?? []).map((u) => (
            <Checkbox key={u.id} value={u.id} label={u.name} />
          ))}
        </Stack>
      </Checkbox.Group>
      {create.error && <Alert color="red">{errorMessage(t, create.error)}</Alert>}
      <Group>
        <Button onClick={submit} disabled={picked.length === 0 || !chosen} loading={create.isPending}>
          {t('internal.create')}
        </Button>
      </Group>
    </Stack>
  );
}
