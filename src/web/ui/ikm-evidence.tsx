/**
 * Issue 11 §7: the unit's IKM as evidence of an indicator that takes it (the library's
 * `ikmEvidence`: PEKPPP's SKM indicators, the Ombudsman Output of K/L units). Each attached IKM
 * reads "IKM 82,45 (mutu B, Baik) — SKM Semester I 2024, 412 responden", frozen as it was when attached;
 * "Lampirkan IKM" lists the unit's closed or published SKM surveys with their IKM to choose from.
 * Shared (ui/): the unit's F-01 (pekppp) and the asisten's Ombudsman sheet (assess, review).
 */
import { Alert, Button, Group, Loader, Modal, Paper, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { periodLabel } from '../../core/period-label.ts';
import type { IkmEvidence } from '../../shared/wire/evidence.ts';
import { useIkmOptions } from '../api/evidence.ts';
import { useAttachIkm, useDetachIkm } from '../api/evidence-writes.ts';
import { errorMessage } from '../lib/error-message.ts';
import { formatInteger, formatScore, toLang } from '../lib/format.ts';

type IkmFigures = Pick<IkmEvidence, 'ikm' | 'band' | 'bandLabel' | 'periodKey' | 'respondents'>;

/** "IKM 82,45 (mutu B, Baik) — SKM Semester I 2024, 412 responden": the SKM grade in words, never read as another scheme's band. */
export function useIkmLine(): (e: IkmFigures) => string {
  const { t, i18n } = useTranslation('pekppp');
  const lang = toLang(i18n.language);
  return (e) =>
    t('ikm.line', {
      ikm: formatScore(e.ikm, lang),
      band: e.band,
      label: e.bandLabel[lang],
      period: periodLabel(e.periodKey, lang),
      count: e.respondents,
      respondents: formatInteger(e.respondents, lang),
    });
}

/** The IKMs attached to one indicator; the unit removes one while its claim is editable. */
export function IkmEvidenceLines(props: { items: IkmEvidence[]; cycleId: string; unitId: string; editable: boolean }) {
  const { t } = useTranslation('pekppp');
  const line = useIkmLine();
  const detach = useDetachIkm(props.cycleId, props.unitId);
  if (props.items.length === 0) return null;
  return (
    <Stack gap={2}>
      {props.items.map((e) => (
        <Group key={e.id} gap="xs" wrap="wrap" data-testid="ikm-evidence">
          <Text size="sm">{line(e)}</Text>
          {props.editable ? (
            <Button size="compact-xs" variant="subtle" loading={detach.isPending} onClick={() => detach.mutate(e.id)}>
              {t('ikm.remove')}
            </Button>
          ) : null}
        </Group>
      ))}
      {detach.isError ? (
        <Text size="xs" role="alert" className="warning-text">
          {errorMessage(t, detach.error)}
        </Text>
      ) : null}
    </Stack>
  );
}

/** "Lampirkan IKM": the unit's closed or published IKMs, one button each (those already attached here left out). */
export function IkmPicker(props: { cycleId: string; unitId: string; indicator: string; attached: readonly string[] }) {
  const { t } = useTranslation('pekppp');
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button variant="default" onClick={() => setOpen(true)} data-testid={`ikm-pick-${props.indicator}`}>
        {t('ikm.pick')}
      </Button>
      <Modal opened={open} onClose={() => setOpen(false)} title={t('ikm.pickTitle', { code: props.indicator })}>
        {open ? <IkmChoices {...props} onDone={() => setOpen(false)} /> : null}
      </Modal>
    </>
  );
}

function IkmChoices(props: { cycleId: string; unitId: string; indicator: string; attached: readonly string[]; onDone: () => void }) {
  const { t } = useTranslation('pekppp');
  const line = useIkmLine();
  const options = useIkmOptions(props.cycleId, props.unitId);
  const attach = useAttachIkm(props.cycleId, props.unitId);
  if (options.isPending) return <Loader size="sm" aria-label={t('ikm.loading')} />;
  if (options.isError)
    return (
      <Alert color="red" role="alert">
        {errorMessage(t, options.error)}
      </Alert>
    );
  const choices = options.data.surveys.filter((s) => !props.attached.includes(s.surveyId));
  return (
    <Stack gap="sm">
      <Text size="sm" c="dimmed">
        {t('ikm.hint')}
      </Text>
      {choices.length === 0 ? <Text size="sm">{options.data.surveys.length > 0 ? t('ikm.allAttached') : t('ikm.none')}</Text> : null}
      {attach.isError ? (
        <Alert color="red" role="alert">
          {errorMessage(t, attach.error)}
        </Alert>
      ) : null}
      {choices.map((s) => (
        <Paper key={s.surveyId} withBorder p="sm" data-testid="ikm-choice">
          <Group justify="space-between" wrap="wrap" gap="xs">
            <Stack gap={0}>
              <Text size="sm" fw={600}>
                {line(s)}
              </Text>
              <Text size="xs" c="dimmed">
                {s.published ? t('ikm.published') : t('ikm.closed')}
              </Text>
            </Stack>
            <Button
              size="xs"
              loading={attach.isPending && attach.variables?.surveyId === s.surveyId}
              onClick={() => attach.mutate({ indicator: props.indicator, surveyId: s.surveyId }, { onSuccess: props.onDone })}
            >
              {t('ikm.attach')}
            </Button>
          </Group>
        </Paper>
      ))}
    </Stack>
  );
}
