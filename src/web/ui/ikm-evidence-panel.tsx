/**
 * Issue 11 §7, Ombudsman side: on the asisten's unit screen, the indicators the frozen scheme lets
 * take the unit's IKM (`ikmEvidence`, limited to the unit's body type — Ombudsman Output O1–O5 for
 * K/L units), each with its attached IKM lines ("IKM 82,45 (B) — SKM Semester I 2024, 412
 * responden") and, while the unit accepts changes, "Lampirkan IKM" / "Lepas" (the server lets the
 * assigned asisten, who fills the indicator's sheet); read-only (handed in, the pimpinan's review)
 * only the indicators with an IKM, or one line saying none is attached. The line
 * and picker are the F-01 ones (ikm-evidence.tsx).
 */
import { Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ikmIndicators } from '../../core/ikm-evidence.ts';
import type { Indicator, Scheme } from '../../core/types.ts';
import { useIkmEvidence } from '../api/evidence.ts';
import { toLang } from '../lib/format.ts';
import { IkmEvidenceLines, IkmPicker } from './ikm-evidence.tsx';
import { ErrorView } from './error-view.tsx';

export function IkmEvidencePanel(props: { scheme: Scheme; bodyType: string; cycleId: string; unitId: string; writable: boolean }) {
  const indicators = ikmIndicators(props.scheme, props.bodyType);
  if (indicators.length === 0) return null;
  return <IkmIndicators {...props} indicators={indicators} />;
}

function IkmIndicators(props: { indicators: Indicator[]; cycleId: string; unitId: string; writable: boolean }) {
  const { t, i18n } = useTranslation('assess');
  const lang = toLang(i18n.language);
  const attached = useIkmEvidence(props.cycleId, props.unitId);
  const itemsOf = (code: string) => (attached.data?.items ?? []).filter((e) => e.indicator === code);
  // Read-only (the unit handed in, the pimpinan's review): only the indicators with an IKM, no
  // "attach" wording; five empty cards would be noise there.
  const shown = props.writable || attached.isPending ? props.indicators : props.indicators.filter((i) => itemsOf(i.code).length > 0);
  return (
    <Stack gap="xs" component="section" aria-labelledby="ikm-title" data-testid="ikm-panel">
      <Title order={2} size="h4" id="ikm-title">
        {t('unit.ikm.title')}
      </Title>
      <Text size="sm" c="dimmed">
        {props.writable ? t('unit.ikm.hint') : t('unit.ikm.hintReadOnly')}
      </Text>
      {attached.isError ? (
        <ErrorView compact error={attached.error} onRetry={() => void attached.refetch()} />
      ) : shown.length === 0 ? (
        <Text size="sm" data-testid="ikm-none">
          {t('unit.ikm.noneReadOnly', { codes: props.indicators.map((i) => i.code).join(', ') })}
        </Text>
      ) : (
        shown.map((i) => {
          const items = itemsOf(i.code);
          return (
            <Paper key={i.code} withBorder p="sm" data-testid={`ikm-indicator-${i.code}`}>
              <Stack gap={6}>
                <Text size="sm" fw={600}>
                  {i.code} · {i.text[lang]}
                </Text>
                {attached.isPending ? null : items.length === 0 ? (
                  <Text size="sm" c="dimmed">
                    {t('unit.ikm.none')}
                  </Text>
                ) : (
                  <IkmEvidenceLines items={items} cycleId={props.cycleId} unitId={props.unitId} editable={props.writable} />
                )}
                {props.writable && !attached.isPending ? (
                  <IkmPicker cycleId={props.cycleId} unitId={props.unitId} indicator={i.code} attached={items.map((e) => e.surveyId)} />
                ) : null}
              </Stack>
            </Paper>
          );
        })
      )}
    </Stack>
  );
}
