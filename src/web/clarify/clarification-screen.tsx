/**
 * The koordinator's clarification page for one cycle: the window and its deadline (time left in
 * words), each unit's provisional breakdown with a "Sanggah" action per indicator, the body's
 * disputes with their decisions, and the change log.
 */
import { useRef, useState } from 'react';
import { Accordion, Alert, Badge, Button, Group, Modal, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useParams } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { UnitScore } from '../../core/types.ts';
import type { BodyClarification, Dispute } from '../../shared/wire/clarifications.ts';
import { useMe } from '../api/auth.ts';
import { getUnitResultQueryOptions } from '../api/scores.ts';
import { useAddEvidence, useFileDispute } from '../api/clarifications-writes.ts';
import { useBodyClarification } from '../api/clarifications.ts';
import { errorMessage } from '../lib/error-message.ts';
import { useFormat } from '../lib/format.ts';
import { ErrorView } from '../ui/error-view.tsx';
import { AnchorLink } from '../ui/links.tsx';
import { PageLoader } from '../ui/page-loader.tsx';
import { PanelBoundary } from '../ui/panel-boundary.tsx';
import { Countdown } from '../ui/countdown.tsx';
import { EVIDENCE_ACCEPT, validateDispute } from './clarify-model.ts';
import { ChangeLog } from './change-log.tsx';
import { DisputeForm } from './dispute-form.tsx';
import { DisputeItem } from './dispute-item.tsx';

export function ClarificationScreen() {
  const { cycleId } = useParams({ from: '/pemda/cycles/$cycleId/klarifikasi' });
  const bodyId = useMe().data?.bodyId;
  if (!bodyId) return null;
  return <BodyClarificationView cycleId={cycleId} bodyId={bodyId} />;
}

interface Target {
  unitId: string;
  unitName: string;
  indicator: string;
  label: string;
}

export function BodyClarificationView({ cycleId, bodyId }: { cycleId: string; bodyId: string }) {
  const { t } = useTranslation('clarify');
  const format = useFormat();
  const view = useBodyClarification(cycleId, bodyId);
  const file = useFileDispute(cycleId);
  const [target, setTarget] = useState<Target | null>(null);
  // The modal keeps its last target while it animates closed.
  const [formOpen, setFormOpen] = useState(false);
  const [filed, setFiled] = useState<string | null>(null);
  if (view.isPending) return <PageLoader />;
  if (view.isError) return <ErrorView error={view.error} onRetry={() => void view.refetch()} />;
  const v = view.data;
  const isOpen = v.window?.state === 'open';
  const openDisputes = new Set(v.disputes.filter((d) => d.status === 'open').map((d) => `${d.unitId}|${d.indicator.code}`));

  return (
    <Stack gap="lg" maw={1100}>
      <AnchorLink to="/pemda/cycles/$cycleId" params={{ cycleId }} size="sm">
        {t('screen.back')}
      </AnchorLink>
      <Stack gap={2}>
        <Title order={1} size="h2">
          {t('screen.title', { name: v.body.name })}
        </Title>
        <Text c="dimmed">{v.cycle.name}</Text>
      </Stack>
      <WindowBanner view={v} />
      {filed && (
        <Alert color="green" withCloseButton onClose={() => setFiled(null)} closeButtonLabel={t('form.dismiss')} role="status">
          {filed}
        </Alert>
      )}

      <Stack gap="sm" component="section" aria-labelledby="units-title">
        <Title order={2} size="h4" id="units-title">
          {t('screen.units_title')}
        </Title>
        <Text size="sm" c="dimmed" maw={760}>
          {t('screen.units_intro')}
        </Text>
        {v.result && (
          <Text size="sm" className="tabular" data-testid="body-score">
            {t('screen.body_score', { score: format.score(v.result.score), band: v.result.bandCode })}
          </Text>
        )}
        <Accordion variant="separated" multiple>
          {v.units.map((u) => (
            <Accordion.Item key={u.id} value={u.id}>
              <Accordion.Control>
                <Group justify="space-between" wrap="nowrap" pr="sm">
                  <Text fw={500}>{u.name}</Text>
                  <Text className="tabular">
                    {u.result ? `${format.score(u.result.score)} · ${u.result.bandCode}` : t('screen.no_result')}
                  </Text>
                </Group>
              </Accordion.Control>
              <Accordion.Panel>
                <PanelBoundary>
                  <UnitIndicators
                    cycleId={cycleId}
                    unitId={u.id}
                    canDispute={isOpen}
                    disputed={(code) => openDisputes.has(`${u.id}|${code}`)}
                    onDispute={(indicator, label) => {
                      setTarget({ unitId: u.id, unitName: u.name, indicator, label });
                      setFormOpen(true);
                    }}
                  />
                </PanelBoundary>
              </Accordion.Panel>
            </Accordion.Item>
          ))}
        </Accordion>
      </Stack>

      <Stack gap="sm" component="section" aria-labelledby="disputes-title">
        <Title order={2} size="h4" id="disputes-title">
          {t('screen.disputes_title')}
        </Title>
        {v.disputes.length === 0 ? (
          <Text c="dimmed">{t('screen.no_disputes')}</Text>
        ) : (
          v.disputes.map((d) => (
            <DisputeItem key={d.id} dispute={d}>
              {d.status === 'open' && isOpen && <AddEvidence dispute={d} />}
            </DisputeItem>
          ))
        )}
      </Stack>

      <Stack gap="sm" component="section" aria-labelledby="changes-title">
        <Title order={2} size="h4" id="changes-title">
          {t('changes.title')}
        </Title>
        <Text size="sm" c="dimmed" maw={760}>
          {t('changes.intro')}
        </Text>
        <ChangeLog changes={v.changes} />
      </Stack>

      <Modal opened={formOpen} onClose={() => setFormOpen(false)} title={t('form.title', { unit: target?.unitName ?? '' })} size="lg">
        {target && (
          <DisputeForm
            indicator={target.indicator}
            indicatorLabel={target.label}
            key={`${target.unitId}|${target.indicator}`}
            onCancel={() => setFormOpen(false)}
            onSubmit={async (input) => {
              await file.mutateAsync({ unitId: target.unitId, ...input });
              setFormOpen(false);
              setFiled(t('form.done', { indicator: target.indicator }));
            }}
          />
        )}
      </Modal>
    </Stack>
  );
}

function WindowBanner({ view }: { view: BodyClarification }) {
  const { t } = useTranslation('clarify');
  const format = useFormat();
  const w = view.window;
  if (!w) {
    return (
      <Alert color="gray" data-testid="window-banner" data-state="none">
        {t('screen.window_none')}
      </Alert>
    );
  }
  return (
    <Alert
      color={w.state === 'open' ? 'blue' : 'gray'}
      data-testid="window-banner"
      data-state={w.state}
      title={w.state === 'open' ? t('screen.window_open_title') : t('screen.window_closed_title')}
    >
      <Stack gap={4}>
        <Text size="sm">
          {w.state === 'open'
            ? t('screen.window_open', { date: format.dateTime(w.deadline) })
            : t('screen.window_closed', { date: format.dateTime(w.closedAt ?? w.deadline) })}
        </Text>
        {w.state === 'open' && (
          <Text size="sm" fw={600}>
            <Countdown deadline={w.deadline} />
          </Text>
        )}
        {w.note && (
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
            {w.note}
          </Text>
        )}
      </Stack>
    </Alert>
  );
}

function UnitIndicators({
  cycleId,
  unitId,
  canDispute,
  disputed,
  onDispute,
}: {
  cycleId: string;
  unitId: string;
  canDispute: boolean;
  disputed: (code: string) => boolean;
  onDispute: (indicator: string, label: string) => void;
}) {
  const { t } = useTranslation('clarify');
  const format = useFormat();
  const result = useQuery(getUnitResultQueryOptions(cycleId, unitId));
  if (result.isPending) return <PageLoader />;
  if (result.isError) return <ErrorView error={result.error} onRetry={() => void result.refetch()} compact />;
  const score: UnitScore | null = result.data.result;
  if (!score) return <Text c="dimmed">{t('screen.no_result')}</Text>;
  return (
    <Stack gap="md">
      {score.dimensions.map((d) => (
        <Stack key={d.code} gap={4}>
          <Text fw={600}>
            {d.title[format.lang]} <span className="tabular">{format.score(d.score)}</span>
          </Text>
          <Stack gap={0} component="ul" p={0} m={0} style={{ listStyle: 'none' }} data-dimension={d.code} aria-label={d.title[format.lang]}>
            {d.variables.flatMap((variable) =>
              variable.indicators.map((i) => {
                const label = `${i.code} ${i.text[format.lang]}`;
                return (
                  <Group
                    key={i.code}
                    component="li"
                    data-indicator={i.code}
                    justify="space-between"
                    wrap="wrap"
                    gap="xs"
                    py={6}
                    style={{ borderTop: '1px solid var(--mantine-color-default-border)' }}
                  >
                    <Stack gap={0} style={{ flex: '1 1 16rem', minWidth: 0 }}>
                      <Text size="sm">
                        <span className="tabular">{i.code}</span> {i.text[format.lang]}
                      </Text>
                      <Text size="xs" c="dimmed" className="tabular">
                        {t('breakdown.line', {
                          value: i.missing || i.value === null ? t('value.missing') : format.decimal(i.value, 2),
                          lost: format.score(i.pointsLost),
                        })}
                      </Text>
                    </Stack>
                    {disputed(i.code) ? (
                      <Badge color="yellow" variant="light" tt="none">
                        {t('status.open')}
                      </Badge>
                    ) : (
                      canDispute && (
                        <Button
                          size="compact-sm"
                          variant="light"
                          onClick={() => onDispute(i.code, label)}
                          aria-label={t('breakdown.dispute_label', { indicator: label })}
                        >
                          {t('breakdown.dispute')}
                        </Button>
                      )
                    )}
                  </Group>
                );
              }),
            )}
          </Stack>
        </Stack>
      ))}
    </Stack>
  );
}

function AddEvidence({ dispute }: { dispute: Dispute }) {
  const { t } = useTranslation('clarify');
  const add = useAddEvidence();
  const input = useRef<HTMLInputElement>(null);
  const [problem, setProblem] = useState<string | null>(null);
  return (
    <Stack gap={4}>
      <Button variant="default" size="compact-sm" loading={add.isPending} onClick={() => input.current?.click()} w="fit-content">
        {t('dispute.add_evidence')}
      </Button>
      <input
        ref={input}
        type="file"
        multiple
        accept={EVIDENCE_ACCEPT}
        hidden
        onChange={(e) => {
          const files = Array.from(e.currentTarget.files ?? []);
          e.currentTarget.value = '';
          if (files.length === 0) return;
          const errors = validateDispute({ indicator: dispute.indicator.code, statement: dispute.statement, files });
          if (errors.files) {
            setProblem(t(errors.files));
            return;
          }
          setProblem(null);
          add.mutate({ disputeId: dispute.id, files });
        }}
      />
      {(problem || add.error) && (
        <Text size="sm" c="red" role="alert">
          {problem ?? errorMessage(t, add.error)}
        </Text>
      )}
    </Stack>
  );
}
